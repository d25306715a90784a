"""Glossary mentions, abbreviation definitions and sentences of a document, from the pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import cast

from spacy.language import Language

from ..abbreviations import find_definitions
from ..annotation import Mention
from ..api import CHUNK, annotate, pipeline
from ..matching import Tok
from ..pipeline import MedglossComponent
from ..sentences import split_sentences
from ..termbase import TermBase
from ..typography import normalise
from .document import Document

__all__ = ["Analysis", "analyse", "termbase_for"]


@dataclass(slots=True)
class Analysis:
    """What the rules need to know about a document (see ``DocContext``)."""

    mentions: list[Mention]
    definitions: dict[str, int] = field(default_factory=dict)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    foreign: list[tuple[int, int]] = field(default_factory=list)


def _nlp(glossary: tuple[str, ...]) -> Language:
    # the same arguments, in the same order, as api.annotate_many: one cached pipeline for both;
    # the rules pick English terms for the variant themselves, so one pipeline serves every variant
    return pipeline("fast", glossary, "en-GB", False)


def _component(nlp: Language) -> MedglossComponent:
    return cast(MedglossComponent, nlp.get_pipe("medgloss"))


def termbase_for(glossary: tuple[str, ...] = ()) -> TermBase:
    """The termbase of the cached pipeline for ``glossary``."""
    return _component(_nlp(glossary)).termbase


def _blocks(text: str, size: int = CHUNK) -> list[tuple[int, int]]:
    """Pieces of ``text`` of at most about ``size`` characters, cut after a line break."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append((start, end))
        start = end
    return out


def analyse(doc: Document, *, gated: bool, glossary: tuple[str, ...] = ()) -> Analysis:
    """Mentions of ``doc.lang`` glossary terms in ``doc``.

    ``gated`` (French only): run the full annotator, which tells French passages from English
    ones (a quoted English title in a French article) and reads abbreviation definitions; the
    English passages are reported as ``foreign``. Otherwise every match in ``doc.lang`` counts:
    right for a translation, where untranslated English must not hide a missing French term.
    """
    if gated and doc.lang == "fr":
        ann = annotate(doc.text, mode="fast", glossary=glossary)
        return Analysis(
            mentions=[m for m in ann.terms if m.lang == "fr" and m.concept_id and m.source != "candidate"],
            definitions={a.short: a.start for a in reversed(ann.abbreviations)},  # the first one wins
            sentences=ann.sentences,
            foreign=[(s.start, s.end) for s in ann.segments if s.lang != "fr"],
        )
    nlp = _nlp(glossary)
    component = _component(nlp)
    mentions: list[Mention] = []
    definitions: dict[str, int] = {}
    for start, end in _blocks(doc.text):
        piece = nlp.make_doc(normalise(doc.text[start:end]))
        for m in component.term_mentions(piece, doc.lang):
            mentions.append(replace(m, start=m.start + start, end=m.end + start, parent=None))
        toks = [Tok(t.text, t.idx, t.is_space, t.text.count("\n")) for t in piece]
        for d in find_definitions(toks):
            definitions.setdefault(d.short, start + toks[d.short_start].start)
    return Analysis(mentions, definitions, split_sentences(doc.text))
