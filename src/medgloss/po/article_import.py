"""Rebuilding the translated article from its catalog, with the original layout, and checking it.

Messages are placed by their ``#:`` reference line, in catalog order within a line (sentences of a
line are joined by one space); ``X-Medgloss-Lines`` restores blank lines and the final newline.
Untranslated and fuzzy messages keep their source text and are counted. ``check_terminology``
runs ``medgloss check``'s rules on the translated messages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import polib

from ..check import CheckOptions, FileReport, check_file
from ..i18n import _
from .reading import PoError

__all__ = ["RebuiltArticle", "TranslatedSegment", "check_terminology", "rebuild_article"]


@dataclass(frozen=True, slots=True)
class TranslatedSegment:
    """One message of the catalog: source sentence, translation (None when not usable), places."""

    source: str
    translation: str | None
    line: int
    po_line: int
    fuzzy: bool = False


@dataclass(slots=True)
class RebuiltArticle:
    """The translated article and what went into it."""

    text: str
    source: str | None
    segments: list[TranslatedSegment] = field(default_factory=list)

    @property
    def translated(self) -> int:
        return sum(1 for s in self.segments if s.translation is not None)

    @property
    def untranslated(self) -> int:
        return sum(1 for s in self.segments if s.translation is None and not s.fuzzy)

    @property
    def fuzzy(self) -> int:
        return sum(1 for s in self.segments if s.fuzzy)


def rebuild_article(catalog: polib.POFile, name: str = "<po>") -> RebuiltArticle:
    """The article of an article catalog, each sentence replaced by its translation when it has one.

    Raises PoError when a message has no usable ``#:`` reference line.
    """
    by_line: dict[int, list[str]] = {}
    segments: list[TranslatedSegment] = []
    for entry in catalog:
        if entry.obsolete:
            continue
        line = _reference_line(entry, name)
        usable = bool(entry.msgstr) and not entry.fuzzy
        segments.append(
            TranslatedSegment(entry.msgid, entry.msgstr if usable else None, line, entry.linenum, entry.fuzzy)
        )
        by_line.setdefault(line, []).append(entry.msgstr if usable else entry.msgid)
    declared = catalog.metadata.get("X-Medgloss-Lines", "")
    count = int(declared) if declared.isdigit() else max(by_line, default=0) + 1
    count = max(count, max(by_line, default=0))
    lines = [" ".join(by_line.get(no, [])) for no in range(1, count + 1)]
    return RebuiltArticle("\n".join(lines), catalog.metadata.get("X-Medgloss-Source"), segments)


def _reference_line(entry: polib.POEntry, name: str) -> int:
    for _file, line in entry.occurrences:
        if str(line).isdigit():
            return int(line)
    raise PoError(
        _("this message has no '#: file:LINE' reference, so its place in the article is unknown"),
        name,
        entry.linenum,
    )


def check_terminology(
    po_path: str,
    *,
    glossary: Sequence[str] = (),
    variant: str | None = None,
    levels: Mapping[str, str] | None = None,
) -> FileReport:
    """The terminology check of an article catalog's translations, as ``medgloss check PO`` does it:
    every translated message (msgid French, msgstr English) gets the pair and text rules, findings
    on the line of its msgstr. ``levels`` maps rule ids to ``off`` or a severity."""
    options = CheckOptions(glossary=tuple(glossary), variant=variant, levels=dict(levels or {}))
    return check_file(po_path, source_lang="fr", options=options)
