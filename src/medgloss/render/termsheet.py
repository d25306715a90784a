"""The term sheet: one row per concept or candidate of the article, as TSV or CSV.

Columns (a stable contract, in English like the JSON keys): the French forms as found, the
preferred French and English terms, the other English terms, category, status, source,
occurrences, the first context sentence, the concept id and its codes. Cells that a spreadsheet
would take for a formula (``=``, ``+``, ``-``, ``@``…) get a leading apostrophe. Open the TSV in
Excel with a UTF-8 byte-order mark (``--bom``) so accents survive.
"""

from __future__ import annotations

import csv
import io

from ..annotation import Annotation
from ..article_formats import Article
from ..termbase import TermBase
from .terms import term_rows

__all__ = ["BOM", "COLUMNS", "render_csv", "render_tsv", "termsheet_rows"]

COLUMNS = (
    "fr_term",
    "fr_preferred",
    "en_preferred",
    "en_alternatives",
    "category",
    "status",
    "source",
    "occurrences",
    "first_context",
    "concept_id",
    "codes",
)
BOM = "\ufeff"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = " ".join(str(value).split()) if value is not None else ""
    return "'" + text if text.startswith(_FORMULA_START) else text


def termsheet_rows(ann: Annotation, termbase: TermBase) -> list[list[str]]:
    """The term sheet's rows (without the header), in order of first occurrence."""
    out: list[list[str]] = []
    for row in term_rows(ann, termbase):
        if not row.occurrences:
            continue
        values: list[object] = [
            "; ".join(row.fr_forms),
            row.fr_preferred or "",
            row.en or "",
            "; ".join(row.en_alternatives),
            row.category or "",
            row.status or "",
            row.source,
            row.occurrences,
            row.context,
            row.concept_id if row.source != "candidate" else "",
            "; ".join(f"{k}:{v}" for k, v in row.codes.items()),
        ]
        out.append([_cell(v) for v in values])
    return out


def _render(ann: Annotation, termbase: TermBase, delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(termsheet_rows(ann, termbase))
    return buffer.getvalue()


def render_tsv(ann: Annotation, termbase: TermBase, article: Article | None = None) -> str:
    """The term sheet as tab-separated values (UTF-8, CRLF line ends)."""
    del article  # the term sheet depends on the annotation only
    return _render(ann, termbase, "\t")


def render_csv(ann: Annotation, termbase: TermBase, article: Article | None = None) -> str:
    """The term sheet as comma-separated values (RFC 4180)."""
    del article  # the term sheet depends on the annotation only
    return _render(ann, termbase, ",")
