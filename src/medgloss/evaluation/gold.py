"""Our own gold standard: hand-annotated terms and English equivalents (``tests/fixtures/gold``).

One ``<name>.tsv`` per text. Comment lines start with ``#``; the comment ``# text: PATH`` names
the annotated text, relative to the ``.tsv`` file (default: ``<name>.txt`` beside it). Every other
line is a mention::

    start <TAB> end <TAB> category <TAB> text <TAB> English equivalents separated by " | "

Offsets are Python character offsets into the text; ``text`` must equal the characters at those
offsets, so a text edited after annotation is caught with the file and line of the first mismatch.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import _
from ..model import CATEGORIES
from .documents import CorpusError, Document, GoldSpan, read_utf8

__all__ = ["read_gold", "read_gold_folder"]

_TEXT_DIRECTIVE = "# text:"


def read_gold(path: str | Path) -> Document:
    """The annotated text and gold mentions of one ``.tsv`` gold file."""
    p = Path(path)
    lines = read_utf8(p).splitlines()
    text_name = next(
        (line[len(_TEXT_DIRECTIVE) :].strip() for line in lines if line.startswith(_TEXT_DIRECTIVE)),
        p.with_suffix(".txt").name,
    )
    text_path = (p.parent / text_name).resolve()
    text = read_utf8(text_path)
    spans: list[GoldSpan] = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            raise CorpusError(
                _("expected 5 tab-separated fields, found {count}").format(count=len(fields)), p, number
            )
        start_s, end_s, category, surface, en = fields
        try:
            start, end = int(start_s), int(end_s)
        except ValueError:
            raise CorpusError(_("start and end must be integers"), p, number) from None
        if category not in CATEGORIES:
            raise CorpusError(_("unknown category {category!r}").format(category=category), p, number)
        if text[start:end] != surface:
            raise CorpusError(
                _("{surface!r} is not at {start}-{end} of {name} (found {found!r})").format(
                    surface=surface, start=start, end=end, name=text_path.name, found=text[start:end]
                ),
                p,
                number,
            )
        equivalents = tuple(e.strip() for e in en.split("|") if e.strip())
        if not equivalents:
            raise CorpusError(_("no English equivalent"), p, number)
        spans.append(GoldSpan(start, end, category, surface, en=equivalents, line=number))
    spans.sort(key=lambda s: (s.start, -s.end))
    return Document(p.stem, text, spans, str(p))


def read_gold_folder(folder: str | Path) -> list[Document]:
    """Every ``*.tsv`` gold file of ``folder``, in name order."""
    root = Path(folder)
    if not root.is_dir():
        raise CorpusError(_("no such gold folder"), root)
    docs = [read_gold(path) for path in sorted(root.glob("*.tsv"))]
    if not docs:
        raise CorpusError(_("no gold files (*.tsv) in this folder"), root)
    return docs
