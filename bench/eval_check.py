"""Evaluate the translation checks of ``medgloss check`` on third-party parallel corpora.

Reads ``../shared/corpora`` beside the repository (never copied into it) and prints Markdown
tables for bench/RESULTS.md:

1. **WMT'22 clinical cases, EN→FR** (``wmt22-clinical-cases-en-fr``): four machine translations
   of five case reports, annotated by a translator (AN) and a clinician (CG) with error spans
   (``Value``, ``Acronym``, ``Error``; attribute ``Erroneous``, ``Untranslated``, ``Unclear`` or
   ``Correct``). For each annotated problem we count whether a finding overlaps its span
   (*span*) or falls on its line (*line*, which also credits findings placed at the start of a
   segment, such as a missing equivalent). The gold translations (clinician-revised) are checked
   too: every finding there is counted as a false alarm.
2. **Good translations**: the WMT biomedical sentence-level test sets (French originals with
   the authors' English, ``fr2en``, and the reverse, ``en2fr``) and the Mantra GSC parallel units:
   findings per 100 segment pairs, by rule. These files are bags of unrelated sentences, so the
   rules about a whole document (spelling consistency, mixed variants, abbreviations defined in
   the text) are switched off there.

Usage: python bench/eval_check.py [--quick]   (``--quick``: skip the large Scielo sets)
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from medgloss.check import RULES, CheckOptions, Document, Finding, Translation, check_translation
from medgloss.check.align import align_texts

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
WMT22 = CORPORA / "wmt22-clinical-cases-en-fr"
BIOMED = CORPORA / "wmt-biomed-fr-en" / "sentence_level"
MANTRA = CORPORA / "mantra-gsc" / "derived" / "fr_en_unit_pairs.tsv"
DOCUMENT_RULES = (
    "inconsistent-variant",
    "mixed-variant",
    "undefined-abbreviation",
    "abbreviation-before-definition",
)
PROBLEMS = ("Erroneous", "Untranslated", "Unclear", "None")


@dataclass(frozen=True)
class Annotation:
    kind: str
    attribute: str
    start: int
    end: int
    text: str


def read_ann(path: Path) -> list[Annotation]:
    """The text-bound annotations of a brat file, with their ``Translation`` attribute."""
    spans: dict[str, tuple[str, int, int, str]] = {}
    attributes: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *offsets = re.split(r"[ ;]", parts[1])
            numbers = [int(x) for x in offsets]
            spans[parts[0]] = (kind, min(numbers), max(numbers), parts[2])
        elif line.startswith("A") and len(parts) >= 2:
            fields = parts[1].split()
            if len(fields) == 3:
                attributes[fields[1]] = fields[2]
    return [Annotation(k, attributes.get(t, "None"), s, e, x) for t, (k, s, e, x) in spans.items()]


def translation(
    source: str, target: str, source_name: str, target_name: str, source_lang: str
) -> Translation:
    target_lang = "en" if source_lang == "fr" else "fr"
    alignment = align_texts(source, target)
    return Translation(
        Document(source_name, source, source_lang),
        Document(target_name, target, target_lang),
        alignment.pairs,
        alignment.method,
    )


def offsets(text: str, finding: Finding) -> tuple[int, int]:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    start = starts[finding.line - 1] + finding.column - 1
    return start, start + finding.length


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def wmt22_cases() -> list[tuple[str, str, Path, Path, Path | None]]:
    """(annotator, system, EN source, FR target, .ann) for every annotated MT output and gold file.

    The clinician's (CG) annotations refer to the same MT texts as the translator's (AN) folder.
    """
    out: list[tuple[str, str, Path, Path, Path | None]] = []
    for part in ("AB", "FT"):
        folder = WMT22 / "brat_evaluation" / "AN" / part / "FR"
        for system_dir in sorted(p for p in folder.iterdir() if p.is_dir() and p.name != "AN_CG"):
            for txt in sorted(system_dir.glob("*.txt")):
                doc_id = txt.stem
                source = WMT22 / part / "EN" / doc_id
                out.append(("AN", f"{part}/{system_dir.name}", source, txt, txt.with_suffix(".ann")))
                cg = WMT22 / "brat_evaluation" / "CG" / part / "FR" / system_dir.name / f"{doc_id}.ann.txt"
                if cg.exists():
                    out.append(("CG", f"{part}/{system_dir.name}", source, txt, cg))
    for part, gold in (("AB", "AN_CG"), ("FT", "CG")):
        for target in sorted((WMT22 / part / "FR" / gold).iterdir()):
            out.append(("gold", f"{part}/{gold}", WMT22 / part / "EN" / target.name, target, None))
    return out


def evaluate_wmt22(options: CheckOptions) -> None:
    hits: Counter[tuple[str, str, str, str]] = Counter()  # (annotator, kind, attribute, how)
    totals: Counter[tuple[str, str, str]] = Counter()
    findings_by: Counter[tuple[str, str]] = Counter()  # (annotator, where)
    rules_on_problems: Counter[tuple[str, str]] = Counter()
    gold_rules: Counter[str] = Counter()
    gold_words = gold_segments = 0
    checked: dict[Path, tuple[Translation, list[Finding]]] = {}
    for annotator, _system, source_path, target_path, ann_path in wmt22_cases():
        target = target_path.read_text("utf-8")
        if target_path not in checked:
            source = source_path.read_text("utf-8")
            tr = translation(source, target, str(source_path), str(target_path), "en")
            checked[target_path] = (tr, check_translation(tr, options))
        tr, findings = checked[target_path]
        if annotator == "gold":
            gold_rules.update(f.rule for f in findings)
            gold_words += len(target.split())
            gold_segments += len(tr.pairs)
            continue
        annotations = read_ann(ann_path) if ann_path else []
        spans = [(f, *offsets(target, f)) for f in findings]
        for a in annotations:
            problem = a.attribute in PROBLEMS
            key = (annotator, a.kind, a.attribute)
            totals[key] += 1
            on_span = [f for f, s, e in spans if e > s and s < a.end and a.start < e]
            on_line = [f for f, s, _e in spans if line_of(target, s) == line_of(target, a.start)]
            if on_span:
                hits[(*key, "span")] += 1
            if on_line:
                hits[(*key, "line")] += 1
            if problem:
                rules_on_problems.update((annotator, f.rule) for f in on_span or on_line)
        for _f, s, e in spans:
            covered = [a for a in annotations if (s < a.end and a.start < max(e, s + 1))]
            where = (
                "problem"
                if any(a.attribute in PROBLEMS for a in covered)
                else "correct"
                if covered
                else "unannotated"
            )
            findings_by[(annotator, where)] += 1
    print("## WMT'22 clinical cases EN→FR: annotated problems flagged\n")
    print("| annotator | type | attribute | annotated | flagged (span) | flagged (line) |")
    print("|---|---|---|---:|---:|---:|")
    for key in sorted(totals):
        annotator, kind, attribute = key
        print(
            f"| {annotator} | {kind} | {attribute} | {totals[key]} | "
            f"{hits[(*key, 'span')]} | {hits[(*key, 'line')]} |"
        )
    print("\n| annotator | findings on an annotated problem | on a span marked Correct | elsewhere |")
    print("|---|---:|---:|---:|")
    for annotator in ("AN", "CG"):
        print(
            f"| {annotator} | {findings_by[(annotator, 'problem')]} | {findings_by[(annotator, 'correct')]} | "
            f"{findings_by[(annotator, 'unannotated')]} |"
        )
    print("\nRules behind the flagged problems (span or line):", dict(sorted(rules_on_problems.items())))
    print(
        f"\n**Gold translations** (10 files, {gold_segments} segments, {gold_words} words): "
        f"{sum(gold_rules.values())} findings, all counted as false alarms: {dict(gold_rules.most_common())}\n"
    )


def good_translations(quick: bool) -> list[tuple[str, str, str, str, str]]:
    """(name, source text, target text, source lang) of the corpora of good translations."""
    out = []
    for source_path in sorted(BIOMED.glob("*_fr2en.fr")) + sorted(BIOMED.glob("*_en2fr.en")):
        if quick and source_path.name.startswith("scielo"):
            continue
        source_lang = source_path.suffix[1:]
        target_path = source_path.with_suffix(".en" if source_lang == "fr" else ".fr")
        out.append(
            (
                source_path.stem,
                source_path.read_text("utf-8"),
                target_path.read_text("utf-8"),
                source_lang,
                "",
            )
        )
    if MANTRA.exists():
        with MANTRA.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        fr = "\n".join(r["fr_text"].replace("\n", " ") for r in rows)
        en = "\n".join(r["en_text"].replace("\n", " ") for r in rows)
        out.append(("mantra-gsc", fr, en, "fr", ""))
    return out


def evaluate_good(options: CheckOptions, quick: bool) -> None:
    levels = {**options.levels, **dict.fromkeys(DOCUMENT_RULES, "off")}
    opts = CheckOptions(options.glossary, options.variant, options.register, levels)
    print("## False alarms on good translations (findings per 100 segment pairs)\n")
    rules = [r for r in RULES if r not in DOCUMENT_RULES]
    print("| corpus | direction | pairs | segments with a finding | " + " | ".join(rules) + " |")
    print("|---|---|---:|---:|" + "---:|" * len(rules))
    for name, source, target, lang, _ in good_translations(quick):
        started = time.perf_counter()
        tr = translation(source, target, name, name, lang)
        findings = check_translation(tr, opts)
        per_rule = Counter(f.rule for f in findings)
        lines = {f.line for f in findings}
        n = len(tr.pairs)
        cells = " | ".join(f"{100 * per_rule[r] / n:.1f}" for r in rules)
        direction = "FR→EN" if lang == "fr" else "EN→FR"
        print(f"| {name} | {direction} | {n} | {100 * len(lines) / n:.1f}% | {cells} |")
        print(
            f"<!-- {name}: {time.perf_counter() - started:.1f} s, alignment {tr.method} -->", file=sys.stderr
        )
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the large Scielo sets")
    args = parser.parse_args()
    if not CORPORA.is_dir():
        sys.exit(f"{CORPORA} is not there: nothing to evaluate")
    options = CheckOptions()
    started = time.perf_counter()
    if WMT22.is_dir():
        evaluate_wmt22(options)
    evaluate_good(options, args.quick)
    print(f"_(ran in {time.perf_counter() - started:.0f} s)_")


if __name__ == "__main__":
    main()
