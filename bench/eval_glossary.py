"""Glossary quality figures for bench/RESULTS.md: coverage of third-party gold mentions, EN agreement.

    python bench/eval_glossary.py [--corpora DIR] [--missing N]

Prints Markdown. Corpora are read from ../shared/corpora (or --corpora, or $MEDGLOSS_CORPORA),
never copied. The same figures: ``medgloss evaluate coverage`` and ``medgloss evaluate agreement``.
"""

from __future__ import annotations

import argparse

from medgloss.evaluation.agreement import SOURCES, en_agreement, load_pairs
from medgloss.evaluation.corpora import load_corpus
from medgloss.evaluation.coverage import glossary_coverage
from medgloss.evaluation.documents import CorpusError
from medgloss.evaluation.tables import agreement_tables, coverage_tables


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", help="folder of the third-party corpora")
    parser.add_argument("--missing", type=int, default=25, help="list the N most frequent unlinked terms")
    args = parser.parse_args()

    try:
        reports = [
            glossary_coverage(load_corpus(name, corpora=args.corpora, split="all"))
            for name in ("quaero", "mantra", "e3c")
        ]
        pairs = load_pairs(tuple(SOURCES), args.corpora)
    except CorpusError as err:
        raise SystemExit(f"eval_glossary: {err}") from None
    print("## Glossary coverage of third-party gold mentions\n")
    print(coverage_tables(reports, markdown=True, missing=args.missing))
    print("## EN agreement with Mantra and TICO-19 term pairs\n")
    print(agreement_tables(en_agreement(pairs), markdown=True))


if __name__ == "__main__":
    main()
