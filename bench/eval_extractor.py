"""Extractor quality figures for bench/RESULTS.md: P/R/F1 on our gold set and on QUAERO, Mantra, E3C.

    python bench/eval_extractor.py [--corpora DIR] [--fast] [--errors N]

Prints Markdown. Our gold set is tests/fixtures/gold; third-party corpora are read from
../shared/corpora (or --corpora, or $MEDGLOSS_CORPORA) and skipped with a note when absent.
The same figures, one corpus at a time: ``medgloss evaluate extractor --corpus NAME``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from medgloss.evaluation.corpora import load_corpus
from medgloss.evaluation.documents import CorpusError
from medgloss.evaluation.extractor import ExtractorReport, evaluate_extractor, without_generic_words
from medgloss.evaluation.scoring import ALL
from medgloss.evaluation.tables import extractor_tables, render_table

ROOT = Path(__file__).resolve().parents[1]
RUNS = [  # (title, corpus, split, subset, leave out generic-word gold mentions)
    ("our gold set (tests/fixtures/gold)", "gold", "all", None, False),
    ("QUAERO test, MEDLINE titles", "quaero", "test", "MEDLINE", False),
    ("QUAERO test, EMEA leaflets", "quaero", "test", "EMEA", False),
    ("QUAERO test, generic words left out", "quaero", "test", None, True),
    ("Mantra GSC French (all)", "mantra", "all", None, False),
    ("E3C layer 1, test", "e3c", "test", None, False),
]


def summary_rows(title: str, report: ExtractorReport) -> list[list[object]]:
    rows: list[list[object]] = []
    for setting, by_match in report.scores.items():
        exact, overlap = by_match["exact"][ALL], by_match["overlap"][ALL]
        en = report.en.get(setting)
        rows.append(
            [
                title,
                setting,
                exact.precision,
                exact.recall,
                exact.f1,
                overlap.precision,
                overlap.recall,
                overlap.f1,
                f"{en.accuracy:.3f}" if en else "—",
            ]
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", help="folder of the third-party corpora")
    parser.add_argument("--fast", action="store_true", help="glossary only (no statistical model)")
    parser.add_argument("--errors", type=int, default=15, help="list the N most frequent errors")
    args = parser.parse_args()

    summary: list[list[object]] = []
    details: list[str] = []
    for title, name, split, subset, skip_generic in RUNS:
        try:
            corpus = load_corpus(
                name,
                path=ROOT / "tests" / "fixtures" / "gold" if name == "gold" else None,
                corpora=args.corpora,
                split=split,
                subset=subset,
            )
        except CorpusError as err:
            details.append(f"### {title}\n\nskipped: {err}\n")
            continue
        if skip_generic:
            corpus = without_generic_words(corpus)
        report = evaluate_extractor(corpus, mode="fast" if args.fast else "full")
        summary.extend(summary_rows(title, report))
        details.append(f"### {title}\n\n```\n{extractor_tables(report, errors=args.errors)}```\n")
    headers = [
        "corpus",
        "setting",
        "exact P",
        "exact R",
        "exact F1",
        "overlap P",
        "overlap R",
        "overlap F1",
        "EN acc.",
    ]
    print("## Extractor: summary (all categories)\n")
    print(render_table(headers, summary, markdown=True))
    print("\n## Extractor: details\n")
    print("\n".join(details))


if __name__ == "__main__":
    main()
