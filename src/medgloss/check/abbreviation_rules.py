"""Rules on abbreviations that lay readers need spelled out (``needs_definition`` in the glossary)."""

from __future__ import annotations

from collections.abc import Iterator

from ..annotation import Mention
from ..i18n import _
from ..model import Concept
from .context import DocContext, concept_of, term_of
from .findings import Hit
from .registry import rule

__all__ = ["abbreviation_before_definition", "undefined_abbreviation"]


def _full_form(concept: Concept, lang: str) -> str | None:
    preferred = concept.preferred(lang)
    if preferred is not None and not preferred.is_short:
        return preferred.text
    return next((t.text for t in concept.terms_in(lang) if t.usable and not t.is_short), None)


def _first_uses(ctx: DocContext) -> Iterator[tuple[Mention, Concept, str]]:
    """The first use of each abbreviation that needs a definition, with its concept and full form.

    A use spelled out in passing, its full form earlier in the same sentence (*l'accident
    vasculaire cérébral, ou AVC*), counts as defined there.
    """
    if ctx.doc.pieces is not None:  # strings of a .po or TSV file are not read in order
        return
    seen: set[str] = set()
    for m in ctx.mentions:
        if m.text in seen or ctx.is_foreign(m.start):
            continue
        term = term_of(ctx.termbase, m, ctx.lang)
        concept = concept_of(ctx.termbase, m)
        if term is None or concept is None or not (term.needs_definition and term.is_short):
            continue
        seen.add(m.text)
        full = _full_form(concept, ctx.lang)
        if full is None:
            continue
        sentence = ctx.sentence_start(m.start)
        spelled = any(
            o.concept_id == m.concept_id and sentence <= o.start < m.start and o.text != m.text
            for o in ctx.mentions
        )
        if not spelled:
            yield m, concept, full


@rule("undefined-abbreviation", "warning")
def undefined_abbreviation(ctx: DocContext) -> Iterator[Hit]:
    """An abbreviation lay readers need spelled out, never defined in the text."""
    for m, _concept, full in _first_uses(ctx):
        if m.text not in ctx.definitions:
            message = _("'{short}' is never defined: spell it out at first use, '{full} ({short})'")
            yield Hit(m.start, m.end, message.format(short=m.text, full=full), m.text, f"{full} ({m.text})")


@rule("abbreviation-before-definition", "warning")
def abbreviation_before_definition(ctx: DocContext) -> Iterator[Hit]:
    """An abbreviation used before the place where the text defines it."""
    for m, _concept, full in _first_uses(ctx):
        defined = ctx.definitions.get(m.text)
        if defined is not None and m.start < defined:
            message = _("'{short}' is used before its definition on line {line}").format(
                short=m.text, line=ctx.doc.line_number(defined)
            )
            yield Hit(m.start, m.end, message, m.text, f"{full} ({m.text})")
