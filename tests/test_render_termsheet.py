"""The term sheet: stable columns, one row per concept, spreadsheet-safe cells."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from medgloss.api import annotate, pipeline
from medgloss.outputs import TERMSHEET_HEADER
from medgloss.render.termsheet import COLUMNS, render_csv, render_tsv, termsheet_rows

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


@pytest.fixture(scope="module")
def termbase():
    return pipeline("fast").get_pipe("medgloss").termbase


def test_header_is_the_contract_the_ours_rule_knows():
    assert "\t".join(COLUMNS).startswith(TERMSHEET_HEADER)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_tsv_and_csv_parse_back_to_the_same_rows(path, termbase):
    ann = annotate(path.read_text("utf-8"), mode="fast", source=str(path))
    rows = termsheet_rows(ann, termbase)
    tsv = list(csv.reader(io.StringIO(render_tsv(ann, termbase)), delimiter="\t"))
    csv_rows = list(csv.reader(io.StringIO(render_csv(ann, termbase))))
    assert tsv == csv_rows == [list(COLUMNS), *rows]
    fr_top = [m for m in ann.top_terms if m.lang == "fr"]
    assert sum(int(r[COLUMNS.index("occurrences")]) for r in rows) == len(fr_top)
    assert all(len(r) == len(COLUMNS) for r in rows)


def test_row_content_for_a_glossary_concept(termbase):
    ann = annotate("La Calcinose. La calcinose et les calcinoses.", mode="fast")
    row = dict(zip(COLUMNS, termsheet_rows(ann, termbase)[0], strict=True))
    assert row["fr_term"] == "Calcinose; calcinoses"
    assert (row["fr_preferred"], row["en_preferred"], row["category"], row["source"]) == (
        "calcinose",
        "calcinosis",
        "disorder",
        "glossary",
    )
    assert row["occurrences"] == "3" and row["first_context"] == "La Calcinose."
    assert row["concept_id"] == "calcinosis" and row["status"] == "preferred"


def test_cells_a_spreadsheet_would_run_are_defused(termbase):
    ann = annotate('=HYPERLINK("http://x") la calcinose\n-la dermatomyosite', mode="fast")
    contexts = [r[COLUMNS.index("first_context")] for r in termsheet_rows(ann, termbase)]
    assert contexts == ['\'=HYPERLINK("http://x") la calcinose', "'-la dermatomyosite"]
