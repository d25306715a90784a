"""BRAT standoff files (``.txt`` + ``.ann``), as QUAERO and Mantra GSC distribute them.

Text-bound annotations read ``T<n>\\t<LABEL> <start> <end>[;<start> <end>…]\\t<surface>``; notes read
``#<n>\\tAnnotatorNotes T<n>\\t<note>``. QUAERO puts the UMLS group in ``LABEL`` and the CUI in the
note; Mantra puts the CUI in ``LABEL`` and ``"CUI", "name", "semantic type" ,"GROUP"`` in the note
(a few notes swap the last two fields or give ``OBJC|CHEM``: the last known group is taken). Both
shapes give a ``GoldSpan`` with a group label and a CUI. Other annotation kinds are ignored.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..i18n import _
from .categories import UMLS_GROUPS
from .documents import CorpusError, Document, GoldSpan, read_utf8

__all__ = ["read_brat", "read_brat_folder"]

_CUI = re.compile(r"^C\d{7}$")
_QUOTED = re.compile(r'"([^"]*)"')


def read_brat(txt: str | Path, doc_id: str | None = None) -> Document:
    """The document of ``txt`` and its ``.ann`` file beside it."""
    txt_path = Path(txt)
    ann_path = txt_path.with_suffix(".ann")
    text = read_utf8(txt_path)
    entities: dict[str, tuple[str, list[tuple[int, int]], str, int]] = {}
    notes: dict[str, str] = {}
    for number, line in enumerate(read_utf8(ann_path).splitlines(), 1):
        if line.startswith("T"):
            fields = line.split("\t")
            if len(fields) < 3:
                raise CorpusError(_("a text-bound annotation needs 3 tab-separated fields"), ann_path, number)
            label, _sep, offsets = fields[1].partition(" ")
            try:
                fragments = [(int(a), int(b)) for a, b in (f.split() for f in offsets.split(";"))]
            except ValueError:
                raise CorpusError(
                    _("bad offsets {offsets!r}").format(offsets=offsets), ann_path, number
                ) from None
            if any(not 0 <= a <= b <= len(text) for a, b in fragments):
                raise CorpusError(
                    _("offsets {offsets!r} outside the text").format(offsets=offsets), ann_path, number
                )
            entities[fields[0]] = (label, fragments, fields[2], number)
        elif line.startswith("#") and "\tAnnotatorNotes " in line:
            fields = line.split("\t")
            if len(fields) >= 3:
                notes[fields[1].split(" ", 1)[1]] = fields[2]
    spans = []
    for key, (label, fragments, surface, number) in entities.items():
        cui, group = _cui_and_group(label, notes.get(key, ""))
        spans.append(
            GoldSpan(
                start=fragments[0][0],
                end=fragments[-1][1],
                label=group,
                text=surface,
                cui=cui,
                discontinuous=len(fragments) > 1,
                line=number,
            )
        )
    spans.sort(key=lambda s: (s.start, -s.end))
    return Document(doc_id or txt_path.stem, text, spans, str(txt_path))


def _cui_and_group(label: str, note: str) -> tuple[str | None, str]:
    """``(CUI, group)`` from a QUAERO-style or Mantra-style annotation."""
    if _CUI.match(label):
        fields = _QUOTED.findall(note)[1:]
        groups = [g for field in reversed(fields) for g in field.split("|") if g in UMLS_GROUPS]
        return label, groups[0] if groups else "UNKNOWN"
    note = note.strip()
    return (note if _CUI.match(note) else None), label


def read_brat_folder(folder: str | Path, prefix: str = "") -> list[Document]:
    """Every ``*.txt`` of ``folder`` that has an ``.ann`` file, in name order; ids are ``prefix + stem``."""
    root = Path(folder)
    if not root.is_dir():
        raise CorpusError(_("no such corpus folder"), root)
    return [
        read_brat(txt, prefix + txt.stem)
        for txt in sorted(root.glob("*.txt"))
        if txt.with_suffix(".ann").exists()
    ]
