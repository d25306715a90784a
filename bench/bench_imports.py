"""Benchmark: the bundled glossary plus the HPO and ICD-11 imports: load time, and the noise they add.

    python bench/bench_imports.py [--hpo PATH] [--sample 12] [--no-seed]

Imports HPO (French Babelon TSV, default ../shared/terminologies/hpo-fr/hp-fr.babelon.tsv) and
ICD-11 (package cim-11-certic) into a temporary folder twice, unfiltered and with the noise
filter (docs/importers.md), then measures:

- import time of each source;
- pipeline load time (``medgloss.api.pipeline``, fast mode), each in a fresh process: building
  the pipeline cold (empty compiled cache: parse the TOML files, compile the matcher tables) and
  from the compiled cache, then the same with the import of medgloss (and spaCy) and for the
  whole process;
- annotation (full mode) of examples/*.txt and ../shared/seed/*.txt with the bundled glossary
  alone and with each pair of imports: mentions linked to imported concepts (the extra mentions),
  bundled mentions displaced (inside a longer imported match, crossed by one, or relinked to an
  imported concept on the same words), candidates that the imports now link, and a sample of
  the extra mentions to read;
- on the annotated corpora of ../shared/corpora (when present): the share of French gold term
  mentions the glossary links (``evaluation.coverage``) without and with the imports, and, on
  QUAERO's test documents (annotated exhaustively for ten UMLS groups), how many top-level
  mentions of bundled and of imported concepts coincide with a gold mention: a precision proxy,
  so noise shows as a low share.

Nothing is written in the repository: the imports live in a temporary folder.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from medgloss.annotation import Annotation, Mention
from medgloss.api import annotate_many, pipeline
from medgloss.evaluation.corpora import load_corpus
from medgloss.evaluation.coverage import glossary_coverage
from medgloss.glossary_writer import glossary_text
from medgloss.importers import import_source

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HPO = SHARED / "terminologies" / "hpo-fr" / "hp-fr.babelon.tsv"

LOAD = """
import json, sys, time
t = time.perf_counter()
from medgloss.api import pipeline
t1 = time.perf_counter()
nlp = pipeline("fast", tuple(sys.argv[1:]))
t2 = time.perf_counter()
print(json.dumps({"seconds": t2 - t, "build": t2 - t1, "concepts": len(nlp.get_pipe("medgloss").termbase)}))
"""


def write_imports(folder: Path, hpo: Path, filtered: bool) -> tuple[list[Path], dict[str, float]]:
    """Import HPO and ICD-11 into ``folder``; the paths and the seconds each import took."""
    folder.mkdir(parents=True, exist_ok=True)
    paths, seconds = [], {}
    for name, sources in (("hpo", [hpo]), ("icd11", [])):
        start = time.perf_counter()
        result, header = import_source(name, sources, filtered=filtered)
        path = folder / f"{name}.toml"
        path.write_text(glossary_text(result.concepts, header=header), "utf-8")
        seconds[name] = time.perf_counter() - start
        paths.append(path)
    return paths, seconds


def load_time(glossary: list[Path], cache: Path) -> dict[str, Any]:
    """Load the fast pipeline in a fresh process with the compiled cache in ``cache``."""
    env = {**os.environ, "MEDGLOSS_CACHE": str(cache)}
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", LOAD, *map(str, glossary)], env=env, capture_output=True, text=True, check=True
    )
    data: dict[str, Any] = json.loads(out.stdout)
    data["process"] = time.perf_counter() - start
    return data


def top(ann: Annotation) -> list[Mention]:
    return [m for m in ann.terms if not m.nested]


def compare(base: Annotation, other: Annotation, imported: set[str]) -> dict[str, Any]:
    """What ``other`` (with imports) changes in ``base`` (bundled glossary alone)."""
    extra = [m for m in top(other) if m.concept_id in imported]
    other_top = {(m.start, m.end): m for m in top(other)}
    displaced: Counter[str] = Counter()
    for m in top(base):
        if m.source == "candidate":
            continue
        now = other_top.get((m.start, m.end))
        if now is not None and now.concept_id == m.concept_id:
            continue
        if now is not None:
            displaced["relinked"] += 1
        elif any(o.start <= m.start and m.end <= o.end for o in extra):
            displaced["inside a longer imported match"] += 1
        else:
            displaced["crossed or lost"] += 1
    base_candidates = {(m.start, m.end) for m in top(base) if m.source == "candidate"}
    linked = sum(1 for m in extra if (m.start, m.end) in base_candidates)
    return {"extra": extra, "displaced": displaced, "candidates_linked": linked}


def annotate_all(
    texts: list[str], glossary: tuple[str, ...], mode: str = "full"
) -> tuple[list[Annotation], float, set[str]]:
    nlp = pipeline(mode, glossary)
    termbase = nlp.get_pipe("medgloss").termbase
    imported = {cid for cid in termbase.concepts if termbase[cid].read_only} if glossary else set()
    start = time.perf_counter()
    anns = list(annotate_many(texts, mode=mode, glossary=glossary))
    return anns, time.perf_counter() - start, imported


def corpora_figures(configs: dict[str, list[Path]]) -> None:
    """Coverage of the gold mentions of QUAERO, Mantra and E3C, and QUAERO's precision proxy."""
    corpora = {
        "QUAERO test": load_corpus("quaero", split="test"),
        "Mantra": load_corpus("mantra"),
        "E3C test": load_corpus("e3c", split="test"),
    }
    print("\n## Coverage of French gold mentions (share linked)\n")
    print("| glossary | " + " | ".join(corpora) + " |")
    print("|---|" + "---:|" * len(corpora))
    for label, paths in configs.items():
        glossary = tuple(map(str, paths))
        shares = [glossary_coverage(c, glossary=glossary).rows["ALL"].share for c in corpora.values()]
        print(f"| {label} | " + " | ".join(f"{s:.1%}" for s in shares) + " |")
    docs = corpora["QUAERO test"].documents
    gold = [{(s.start, s.end) for s in d.spans} for d in docs]
    words = sum(len(d.text.split()) for d in docs)
    print(f"\n## QUAERO test ({len(docs)} documents, {words:,} words): mentions that are gold mentions\n")
    print(
        "| glossary | bundled mentions | of which gold | imported mentions | of which gold | per 1,000 words |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for label, paths in configs.items():
        anns, _seconds, imported = annotate_all([d.text for d in docs], tuple(map(str, paths)), "fast")
        counts = Counter[str]()
        for ann, spans in zip(anns, gold, strict=True):
            for m in top(ann):
                kind = "imported" if m.concept_id in imported else "bundled"
                counts[kind] += 1
                counts[kind + " gold"] += (m.start, m.end) in spans
        print(
            f"| {label} | {counts['bundled']} | {share(counts, 'bundled')} | {counts['imported']} "
            f"| {share(counts, 'imported')} | {1000 * counts['imported'] / words:.1f} |"
        )


def share(counts: Counter[str], kind: str) -> str:
    return f"{counts[kind + ' gold'] / counts[kind]:.0%}" if counts[kind] else "—"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hpo", type=Path, default=HPO, help="HPO French Babelon TSV")
    parser.add_argument("--sample", type=int, default=12, help="extra mentions to show per configuration")
    parser.add_argument("--no-seed", action="store_true", help="leave out ../shared/seed")
    args = parser.parse_args()
    if not args.hpo.is_file() or importlib.util.find_spec("cim_11") is None:
        print(f"skipped: needs the HPO file ({args.hpo}; --hpo PATH) and the cim-11-certic package")
        return
    files = sorted((ROOT / "examples").glob("*.txt"))
    if not args.no_seed:
        files += sorted((SHARED / "seed").glob("*.txt"))
    texts = [f.read_text("utf-8") for f in files]
    words = sum(len(t.split()) for t in texts)

    with tempfile.TemporaryDirectory(prefix="medgloss-bench-") as tmp:
        work = Path(tmp)
        os.environ["MEDGLOSS_CACHE"] = str(work / "cache")
        configs: dict[str, list[Path]] = {"bundled": []}
        import_seconds = {}
        for label, filtered in (("unfiltered", False), ("filtered", True)):
            paths, seconds = write_imports(work / label, args.hpo, filtered)
            configs[f"+ imports, {label}"] = paths
            import_seconds[label] = seconds

        print("# Imports: load time and noise\n")
        print(f"Texts: {len(files)} ({', '.join(f.name for f in files)}), {words:,} words.\n")
        print("## Import time (seconds)\n")
        print("| imports | HPO | ICD-11 |\n|---|---:|---:|")
        for label, seconds in import_seconds.items():
            print(f"| {label} | {seconds['hpo']:.1f} | {seconds['icd11']:.1f} |")

        print("\n## Pipeline load (fast mode, fresh process)\n")
        print(
            "| glossary | concepts | cold: build (s) | cached: build (s) | cached: import + build (s) "
            "| cached: whole process (s) |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        for label, paths in configs.items():
            cache = work / "load-cache" / label.replace(" ", "_").replace(",", "")
            cold = load_time(paths, cache)
            warm = load_time(paths, cache)
            print(
                f"| {label} | {cold['concepts']:,} | {cold['build']:.2f} | {warm['build']:.2f} "
                f"| {warm['seconds']:.2f} | {warm['process']:.2f} |"
            )

        base, base_seconds, _ = annotate_all(texts, ())
        print("\n## Annotation (full mode)\n")
        print(
            "| glossary | top-level mentions | from imports | bundled displaced | "
            "candidates now linked | seconds |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        n_base = sum(len(top(a)) for a in base)
        print(f"| bundled | {n_base} | 0 | 0 | 0 | {base_seconds:.2f} |")
        rng = random.Random(4)
        samples: dict[str, list[Mention]] = {}
        details: dict[str, Counter[str]] = {}
        for label, paths in list(configs.items())[1:]:
            anns, seconds, imported = annotate_all(texts, tuple(map(str, paths)))
            extra: list[Mention] = []
            displaced: Counter[str] = Counter()
            linked = 0
            for b, a in zip(base, anns, strict=True):
                found = compare(b, a, imported)
                extra += found["extra"]
                displaced += found["displaced"]
                linked += found["candidates_linked"]
            total = sum(len(top(a)) for a in anns)
            print(
                f"| {label} | {total} | {len(extra)} | {sum(displaced.values())} | {linked} | {seconds:.2f} |"
            )
            samples[label] = rng.sample(extra, min(args.sample, len(extra)))
            details[label] = displaced
        for label, mentions in samples.items():
            print(f"\n### {label}: displaced bundled mentions {dict(details[label])}\n")
            print("Sample of the extra mentions (text → concept → English):\n")
            for m in sorted(mentions, key=lambda m: m.text.lower()):
                print(f"- {m.text} → {m.concept_id} → {m.en}")
        if (SHARED / "corpora").is_dir():
            corpora_figures(configs)


if __name__ == "__main__":
    main()
