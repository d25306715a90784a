"""What the glossary links a French term to, looked up the way the extractor finds it in text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..api import annotate_many, pipeline
from ..termbase import TermBase
from .extractor import rejoin_apostrophes

__all__ = ["Link", "clean_surface", "link_terms", "termbase_of"]

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Link:
    """The concept (or composed pattern) a French term is linked to, and its English terms."""

    concept_id: str
    category: str | None
    en: str | None
    en_terms: tuple[str, ...]
    """Usable English terms: preferred and admitted, every spelling variant."""
    rejected: tuple[str, ...]
    """Deprecated and forbidden English terms."""
    note: str | None
    source: str


def clean_surface(text: str) -> str:
    """A corpus surface as running text: apostrophes rejoined, whitespace collapsed.

    >>> clean_surface("dyspnée d ’ effort\\n")
    'dyspnée d’effort'
    """
    return _SPACES.sub(" ", rejoin_apostrophes(text)[0]).strip()


def termbase_of(glossary: Sequence[str] = ()) -> TermBase:
    """The termbase the fast pipeline uses for ``glossary`` (bundled + extra files)."""
    return pipeline("fast", tuple(str(g) for g in glossary)).get_pipe("medgloss").termbase  # type: ignore[attr-defined]


def link_terms(surfaces: Iterable[str], *, glossary: Sequence[str] = ()) -> dict[str, Link | None]:
    """For each distinct surface, the link of a glossary mention spanning all of it, or None.

    Each surface is annotated alone (glossary only, ``fast`` mode), so inflection, elision, case
    and hyphenation are tolerated exactly as in running text.
    """
    unique = list(dict.fromkeys(surfaces))
    cleaned = [clean_surface(s) for s in unique]
    termbase = termbase_of(glossary)
    links: dict[str, Link | None] = {}
    anns = annotate_many((c or "-" for c in cleaned), mode="fast", glossary=glossary, batch_size=256)
    for surface, text, ann in zip(unique, cleaned, anns, strict=True):
        whole = next(
            (m for m in ann.terms if not m.nested and m.concept_id and m.start == 0 and m.end == len(text)),
            None,
        )
        if whole is None or whole.concept_id is None:
            links[surface] = None
            continue
        concept = termbase.get(whole.concept_id)
        if concept is None or whole.source == "pattern":
            # a composed pattern (``pattern_id:filler_id``: the filler's note applies) or a glossary
            # head composed with its modifiers: only the composed English is ours
            pattern_id, _, filler_id = whole.concept_id.rpartition(":")
            filler = concept or termbase.get(filler_id)
            en_terms: tuple[str, ...] = (whole.en,) if whole.en else ()
            pattern = termbase.pattern(pattern_id)
            if pattern is not None and filler is not None:
                en_terms += tuple(pattern.renderings(filler))
            note = filler.note if filler is not None else None
            links[surface] = Link(
                whole.concept_id, whole.category, whole.en, en_terms, (), note, whole.source
            )
            continue
        links[surface] = Link(
            concept.id,
            concept.category,
            whole.en,
            tuple(t.text for t in concept.terms_in("en") if t.usable),
            tuple(t.text for t in concept.terms_in("en") if not t.usable),
            concept.note,
            whole.source,
        )
    return links
