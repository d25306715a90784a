"""Exchange formats of the termbase: TBX (``tbx``) and CSV/TSV (``csv``), behind two functions.

>>> guess_format("iate-export.tbx"), guess_format("deepl.tsv"), guess_format("notes.md")
('tbx', 'tsv', None)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import GlossaryError
from ..i18n import _
from ..model import Concept, Pattern
from .builder import ExchangeReport, ImportResult
from .csv import DIALECTS, read_table, write_table
from .tbx import read_tbx, write_tbx

__all__ = [
    "DIALECTS",
    "FORMATS",
    "ExchangeReport",
    "ImportResult",
    "export_glossary",
    "guess_format",
    "import_glossary",
]

FORMATS = ("tbx", "csv", "tsv")
_SUFFIXES = {".tbx": "tbx", ".xml": "tbx", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv"}
_DELIMITERS = {"csv": ",", "tsv": "\t"}


def guess_format(path: str | Path) -> str | None:
    """The exchange format a file name suggests, or None."""
    return _SUFFIXES.get(Path(str(path)).suffix.lower())


def export_glossary(
    concepts: Iterable[Concept],
    patterns: Iterable[Pattern] = (),
    *,
    fmt: str,
    dialect: str = "medgloss",
    variant: str = "en-GB",
) -> tuple[str, ExchangeReport]:
    """The text of ``concepts`` in ``fmt`` (``tbx``, ``csv``, ``tsv``), and what it leaves out."""
    if fmt == "tbx":
        if dialect != "medgloss":
            raise GlossaryError(_("--dialect applies to CSV and TSV only"))
        return write_tbx(concepts, patterns)
    if fmt not in _DELIMITERS:
        raise GlossaryError(_("unknown format {format!r}").format(format=fmt))
    return write_table(concepts, patterns, delimiter=_DELIMITERS[fmt], dialect=dialect, variant=variant)


def import_glossary(
    path: str | Path,
    *,
    fmt: str | None = None,
    dialect: str = "auto",
    columns: dict[str, str] | None = None,
    source_lang: str = "fr",
    category: str = "other",
    domain: str = "imported",
) -> ImportResult:
    """The concepts of an exchange file; ``fmt`` is guessed from the file name when not given."""
    fmt = fmt or guess_format(path)
    if fmt is None:
        raise GlossaryError(
            _("cannot tell the format from the file name; give --format tbx, csv or tsv"), path
        )
    if fmt == "tbx":
        if dialect != "auto" or columns:
            raise GlossaryError(_("--dialect and --columns apply to CSV and TSV only"), path)
        return read_tbx(path, category=category, domain=domain)
    if fmt not in _DELIMITERS:
        raise GlossaryError(_("unknown format {format!r}").format(format=fmt), path)
    return read_table(
        path,
        delimiter=_DELIMITERS[fmt],
        dialect=dialect,
        columns=columns,
        source_lang=source_lang,
        category=category,
        domain=domain,
    )
