"""What rules look at: a document's glossary mentions and abbreviation definitions, or one aligned
segment of a translation with the mentions on both sides."""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from ..annotation import Mention
from ..model import Concept, Term
from ..termbase import TermBase
from ..typography import fold
from .document import Document

__all__ = ["DocContext", "SegmentContext", "concept_of", "readings", "term_of"]


@dataclass(slots=True)
class DocContext:
    """One text under check.

    ``mentions``: glossary mentions in the document's language, nested ones included, text order.
    ``definitions``: abbreviation → offset of the place where the text defines it.
    ``foreign``: ``(start, end)`` spans in another language, which document rules skip.
    ``source_concepts``: for a translation, the concept ids of the source segment aligned with an
    offset of this (target) text; always empty for a text checked on its own.
    """

    doc: Document
    termbase: TermBase
    mentions: list[Mention]
    definitions: dict[str, int] = field(default_factory=dict)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    foreign: list[tuple[int, int]] = field(default_factory=list)
    variant: str | None = None
    register: str | None = None
    source_concepts: Callable[[int], set[str]] = lambda offset: set()
    _sentence_starts: list[int] = field(default_factory=list, init=False, repr=False)
    _foreign_starts: list[int] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        self._sentence_starts = [s for s, _ in self.sentences]
        self._foreign_starts = [s for s, _ in self.foreign]

    @property
    def lang(self) -> str:
        return self.doc.lang

    @property
    def top_mentions(self) -> list[Mention]:
        """Mentions not nested in a longer one, outside foreign passages."""
        return [m for m in self.mentions if not m.nested and not self.is_foreign(m.start)]

    def is_foreign(self, offset: int) -> bool:
        """True when ``offset`` is in a passage in another language."""
        k = bisect.bisect_right(self._foreign_starts, offset) - 1
        return k >= 0 and self.foreign[k][0] <= offset < self.foreign[k][1]

    def sentence_start(self, offset: int) -> int:
        """Start of the sentence holding ``offset`` (0 when unknown)."""
        k = bisect.bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[k][0] if k >= 0 else 0


@dataclass(slots=True)
class SegmentContext:
    """One aligned segment: ``source_text[source_start:source_end]`` ↔ ``doc.text[start:end]``."""

    doc: Document
    termbase: TermBase
    source: Document
    source_start: int
    source_end: int
    start: int
    end: int
    source_mentions: list[Mention]
    target_mentions: list[Mention]
    variant: str | None = None

    @property
    def source_text(self) -> str:
        return self.source.text[self.source_start : self.source_end]

    @property
    def target_text(self) -> str:
        return self.doc.text[self.start : self.end]

    @property
    def source_line(self) -> int:
        return self.source.line_number(self.source_start)


def concept_of(termbase: TermBase, mention: Mention) -> Concept | None:
    """The glossary concept of a mention (None for composed patterns and unknown ids)."""
    return termbase.get(mention.concept_id) if mention.concept_id else None


def term_of(termbase: TermBase, mention: Mention, lang: str) -> Term | None:
    """The glossary term a mention matched."""
    concept = concept_of(termbase, mention)
    if concept is None:
        return None
    return next((t for t in concept.terms_in(lang) if t.text == mention.lemma), None)


def readings(termbase: TermBase, mention: Mention, lang: str) -> list[tuple[Concept, Term]]:
    """Every concept a mention may stand for (its own, then the ambiguous ones), with the term
    of that concept it matched: *dosage* is an assay for one concept, a false friend for another."""
    key = fold(mention.lemma)
    out = []
    for cid in dict.fromkeys([mention.concept_id, *mention.ambiguous]):
        concept = termbase.get(cid) if cid else None
        term = next((t for t in concept.terms_in(lang) if fold(t.text) == key), None) if concept else None
        if concept is not None and term is not None:
            out.append((concept, term))
    return out
