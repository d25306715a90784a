"""Annotated documents as the evaluation sees them: a text and its gold term spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..i18n import _

__all__ = ["CorpusError", "Document", "GoldSpan", "read_utf8"]


class CorpusError(InputError):
    """An annotated corpus file is missing, undecodable or malformed (names the file and line)."""


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A gold term mention: characters ``[start, end)`` of the document's text.

    ``label`` is a UMLS semantic group (``DISO``, ``CHEM``…) in third-party corpora, a medgloss
    category in our own gold. A discontinuous mention is represented by its extent.
    """

    start: int
    end: int
    label: str
    text: str
    cui: str | None = None
    en: tuple[str, ...] = ()
    discontinuous: bool = False
    line: int | None = None


@dataclass(slots=True)
class Document:
    """One annotated text; ``id`` names it within its corpus (``test/EMEA/318``)."""

    id: str
    text: str
    spans: list[GoldSpan] = field(default_factory=list)
    path: str | None = None


def read_utf8(path: Path) -> str:
    """The text of a corpus file, decoded as UTF-8 without newline translation (offsets count ``\\r``)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(_("no such file"), path) from None
    except OSError as err:
        raise CorpusError(err.strerror or str(err), path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise CorpusError(_("not UTF-8 (byte {offset})").format(offset=err.start), path, line) from None
