"""An article as a translation catalog: one message per sentence (see ``segments``).

Each message has ``msgctxt`` = the segment's kind (``title``, ``heading``, ``paragraph``; a repeated
identical sentence gets ``paragraph #2``…), so the key of a sentence depends only on its own text and
re-exports after edits elsewhere keep every translation. ``#:`` gives ``article.txt:LINE`` and the
messages follow the article's order: together with the ``X-Medgloss-Lines`` header they are enough
to rebuild the translated article with the original layout. ``#.`` comments list the glossary terms
of the sentence with their English equivalents, the abbreviations it defines, and whether it is
already in English.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import polib

from ..annotation import Annotation, Mention
from ..i18n import _
from ..termbase import TermBase
from .headers import new_catalog
from .segments import TextSegment, split_segments

__all__ = ["ARTICLE_KIND", "article_catalogs", "segment_comments"]

ARTICLE_KIND = "article"
"""Value of the ``X-Medgloss-Kind`` header of article catalogs."""


def article_catalogs(
    text: str, source: str, ann: Annotation, termbase: TermBase, language: str = "en"
) -> tuple[polib.POFile, polib.POFile]:
    """The ``.pot`` of an article and a new ``.po`` for ``language`` (as ``msginit`` would make it).

    ``text`` is the article as read from ``source`` and ``ann`` its annotation. In the ``.po``,
    sentences already in English are filled in with their source text, marked ``fuzzy`` for review.
    """
    template = new_catalog(
        Path(source).name, None, _("Translation template of the article {source}.").format(source=source)
    )
    translation = new_catalog(
        Path(source).name, language, _("Translation of the article {source}.").format(source=source)
    )
    for catalog in (template, translation):
        catalog.metadata["POT-Creation-Date"] = template.metadata["POT-Creation-Date"]
        catalog.metadata["X-Medgloss-Kind"] = ARTICLE_KIND
        catalog.metadata["X-Medgloss-Source"] = source
        catalog.metadata["X-Medgloss-Lines"] = str(len(text.split("\n")))
    seen: Counter[tuple[str, str]] = Counter()
    for seg in split_segments(text):
        seen[(seg.kind, seg.text)] += 1
        count = seen[(seg.kind, seg.text)]
        comments = segment_comments(seg, ann, termbase)
        english = ann.lang_at(seg.start) == "en"
        if english:
            comments.append(_("already in English"))
        for catalog in (template, translation):
            entry = polib.POEntry(
                msgctxt=seg.kind if count == 1 else f"{seg.kind} #{count}",
                msgid=seg.text,
                msgstr="",
                comment="\n".join(comments),
                occurrences=[(source, str(seg.line))],
            )
            if english and catalog is translation:
                entry.msgstr = seg.text
                entry.flags.append("fuzzy")
            catalog.append(entry)
    return template, translation


def segment_comments(seg: TextSegment, ann: Annotation, termbase: TermBase) -> list[str]:
    """``#.`` lines for a segment: its glossary terms (``calcinose → calcinosis (disorder)``),
    the English terms to avoid for them, and the abbreviations it defines."""
    lines: list[str] = []
    for m in _mentions_in(seg, ann):
        line = f"{m.text} → {m.en}"
        if m.category:
            line += f" ({m.category})"
        concept = termbase.get(m.concept_id) if m.concept_id else None
        avoid = [t.text for t in concept.terms_in("en") if t.status == "forbidden"] if concept else []
        if avoid:
            line += "; " + _("avoid: {terms}").format(terms=", ".join(avoid))
        if line not in lines:
            lines.append(line)
    for a in ann.abbreviations:
        if seg.start <= a.start and a.end <= seg.end:
            line = _("abbreviation: {short} = {long}").format(short=a.short, long=a.long)
            if a.en:
                line += f" → {a.en}"
            if line not in lines:
                lines.append(line)
    return lines


def _mentions_in(seg: TextSegment, ann: Annotation) -> list[Mention]:
    return [
        m for m in ann.terms if seg.start <= m.start and m.end <= seg.end and m.en and m.source != "candidate"
    ]
