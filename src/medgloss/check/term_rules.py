"""Rules on the terms of one text: status, spelling consistency, English variant, register."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from wordfreq import zipf_frequency

from ..annotation import Mention
from ..i18n import _
from ..model import Concept, Term
from ..termbase import TermBase
from ..typography import fold, inflection_key
from .context import DocContext, concept_of, readings, term_of
from .findings import Hit
from .registry import rule

__all__ = [
    "deprecated_term",
    "forbidden_term",
    "inconsistent_variant",
    "mixed_variant",
    "register",
    "spelling",
    "wrong_variant",
]

COMMON_WORD = 3.5
"""Zipf frequency from which a single word is ordinary language (*delivery*, *dosage*): a
forbidden rendering that is such a word is only reported where the source confirms it."""


@lru_cache(maxsize=4)
def _usable_texts(termbase: TermBase) -> dict[tuple[str, str], frozenset[str]]:
    """(lang, folded text) → ids of the concepts where that text is a usable term."""
    out: dict[tuple[str, str], set[str]] = {}
    for concept in termbase:
        for t in concept.terms:
            if t.usable:
                out.setdefault((t.lang, fold(t.text)), set()).add(concept.id)
    return {k: frozenset(v) for k, v in out.items()}


def _usable_elsewhere(termbase: TermBase, term: Term, mention: Mention) -> bool:
    """True when the text is a usable term of another concept, or the match is ambiguous."""
    others = _usable_texts(termbase).get((term.lang, fold(term.text)), frozenset()) - {mention.concept_id}
    return bool(others) or bool(mention.ambiguous)


def _doubtful(ctx: DocContext, term: Term, mention: Mention) -> bool:
    """True when the match may well mean something else: an ordinary single word (*delivery*,
    *consumption*) or a usable term of another concept."""
    single = " " not in term.text.strip() and "-" not in term.text
    ordinary = single and zipf_frequency(term.text, ctx.lang) >= COMMON_WORD
    return ordinary or _usable_elsewhere(ctx.termbase, term, mention)


def _note(term: Term) -> str:
    return f" ({term.note})" if term.note else ""


def _with_status(ctx: DocContext, status: str) -> Iterator[tuple[Mention, Term, Concept, bool]]:
    """Mentions whose term has ``status``, with the concept and whether the aligned source segment
    holds that concept (always False for a text on its own). A mention that may also stand for a
    concept where its term is fine needs that confirmation."""
    for m in ctx.top_mentions:
        found = readings(ctx.termbase, m, ctx.lang)
        flagged = [(c, t) for c, t in found if t.status == status]
        if not flagged:
            continue
        in_source = ctx.source_concepts(m.start)
        confirmed = [(c, t) for c, t in flagged if c.id in in_source]
        if confirmed:
            yield m, confirmed[0][1], confirmed[0][0], True
        elif len(flagged) == len(found) and not _doubtful(ctx, flagged[0][1], m):
            yield m, flagged[0][1], flagged[0][0], False


@rule("forbidden-term", "error")
def forbidden_term(ctx: DocContext) -> Iterator[Hit]:
    """A forbidden term: a false friend, a calque or a wrong rendering recorded in the glossary.

    A single ordinary word (*delivery*, *dosage*) or a text that is a usable term of another
    concept is reported only in a translation whose source segment holds the concept.
    """
    for m, term, concept, confirmed in _with_status(ctx, "forbidden"):
        preferred = concept.preferred(ctx.lang, ctx.variant)
        use = preferred.text if preferred else None
        if confirmed:
            message = _("'{term}' is a wrong rendering of the source term: use '{preferred}'")
        else:
            message = _("'{term}' is a forbidden term: use '{preferred}'")
        yield Hit(m.start, m.end, message.format(term=m.text, preferred=use) + _note(term), m.text, use)


@rule("deprecated-term", "warning")
def deprecated_term(ctx: DocContext) -> Iterator[Hit]:
    """A deprecated term (old, discouraged or rare) where the glossary prefers another.

    As for forbidden terms, an ordinary word or a term usable elsewhere needs the source's word.
    """
    for m, term, concept, _confirmed in _with_status(ctx, "deprecated"):
        preferred = concept.preferred(ctx.lang, ctx.variant)
        use = preferred.text if preferred else None
        message = _("'{term}' is deprecated: prefer '{preferred}'").format(term=m.text, preferred=use)
        yield Hit(m.start, m.end, message + _note(term), m.text, use)


_FUNCTION_WORDS = frozenset(
    {"de", "des", "du", "d", "la", "le", "les", "l", "a", "au", "aux", "of", "the", "an", "to", "in"}
)
Spelling = tuple[tuple[str, str, tuple[tuple[int, str], ...]], ...]


def spelling(text: str, heading: bool = False) -> Spelling:
    """How ``text`` is spelt, inflection aside: for each content word, the separator before it
    (``-``, space or nothing), its inflection key and its accented or capital letters.
    ``heading``: the text is in capitals for typography only, so case is not part of it.

    >>> spelling("auto-immunes") == spelling("auto-immune") != spelling("autoimmune")
    True
    >>> spelling("Covid") == spelling("covid"), spelling("DERMATOMYOSITE", heading=True) == spelling("dermatomyosite")
    (False, True)
    """
    if heading:
        text = text.lower()
    out: list[tuple[str, str, tuple[tuple[int, str], ...]]] = []
    sep = ""
    for piece in re.split(r"([\s\-'’]+)", text):
        if not piece:
            continue
        if re.fullmatch(r"[\s\-'’]+", piece):
            sep = "-" if "-" in piece else " " if piece.strip() == "" else ""
            continue
        if fold(piece) in _FUNCTION_WORDS:
            continue
        marks = tuple((i, c) for i, c in enumerate(piece) if fold(c) != c)
        out.append((sep if out else "", inflection_key(piece), marks))
        sep = ""
    return tuple(out)


def _uncased_start(sig: Spelling) -> Spelling:
    """``sig`` without the case of its first letter (what a capital starting a sentence hides)."""
    if not sig:
        return sig
    sep, key, marks = sig[0]
    first = tuple((0, c.lower()) for i, c in marks if i == 0 and fold(c.lower()) != c.lower())
    return ((sep, key, first + tuple(x for x in marks if x[0] != 0)), *sig[1:])


def _letters(text: str) -> str:
    return "".join(c for c in fold(text) if c.isalpha())


@rule("inconsistent-variant", "warning")
def inconsistent_variant(ctx: DocContext) -> Iterator[Hit]:
    """One concept written in competing spellings in one text (auto-immune / autoimmune,
    COVID-19 / Covid / covid).

    Inflected forms and a capital starting a sentence are not competing spellings.
    """
    by_concept: dict[str, list[tuple[Mention, Spelling, bool]]] = {}
    for m in ctx.top_mentions:
        if concept_of(ctx.termbase, m) is None:
            continue
        initial = m.start == ctx.sentence_start(m.start) or m.column == 1
        heading = m.text.isupper() and not m.lemma.isupper()
        by_concept.setdefault(m.concept_id or "", []).append((m, spelling(m.text, heading), initial))
    for cid, items in by_concept.items():
        if len(items) < 2:
            continue
        known = [(m, sig) for m, sig, initial in items if not initial] or [(m, sig) for m, sig, _i in items]
        counts = Counter(sig for _m, sig in known)
        preferred = ctx.termbase[cid].preferred(ctx.lang, ctx.variant)
        preferred_sig = spelling(preferred.text) if preferred else None
        first = {sig: m for m, sig in reversed(known)}
        reference = max(counts, key=lambda s: (counts[s], s == preferred_sig, -first[s].start))
        ref = first[reference]
        for m, sig, initial in items:
            same = _uncased_start(sig) == _uncased_start(reference) if initial else sig == reference
            if same or not (m.lemma == ref.lemma or _letters(m.lemma) == _letters(ref.lemma)):
                continue
            message = _("'{term}' is spelt differently from '{reference}' (line {line}) in this text").format(
                term=m.text, reference=ref.text, line=ctx.doc.line_number(ref.start)
            )
            yield Hit(m.start, m.end, message, m.text, ref.text)


def _variant_term(concept: Concept, variant: str) -> Term | None:
    return next((t for t in concept.terms_in("en") if t.variant == variant and t.usable), None)


def _spelled(ctx: DocContext) -> list[tuple[Mention, Term, Concept]]:
    """English mentions whose spelling belongs to one variant, the concept having the other too."""
    out: list[tuple[Mention, Term, Concept]] = []
    if ctx.lang != "en":
        return out
    for m in ctx.top_mentions:
        term = term_of(ctx.termbase, m, "en")
        concept = concept_of(ctx.termbase, m)
        if term is None or concept is None or term.variant is None:
            continue
        other = "en-US" if term.variant == "en-GB" else "en-GB"
        if _variant_term(concept, other) is not None:
            out.append((m, term, concept))
    return out


@rule("mixed-variant", "warning")
def mixed_variant(ctx: DocContext) -> Iterator[Hit]:
    """British and American spellings mixed in one English text (tumour / tumor)."""
    if ctx.variant:
        return
    spelled = _spelled(ctx)
    counts = Counter(term.variant for _m, term, _c in spelled)
    if len(counts) < 2:
        return
    first = {term.variant: m for m, term, _c in reversed(spelled)}
    major = max(counts, key=lambda v: (counts[v], -first[v].start))
    example = first[major]
    for m, term, concept in spelled:
        if term.variant == major:
            continue
        alt = _variant_term(concept, str(major))
        message = _(
            "'{term}' is {variant} English, but this text mostly uses {major} ('{example}', line {line})"
        )
        yield Hit(
            m.start,
            m.end,
            message.format(
                term=m.text,
                variant=term.variant,
                major=major,
                example=example.text,
                line=ctx.doc.line_number(example.start),
            ),
            m.text,
            alt.text if alt else None,
        )


@rule("wrong-variant", "warning")
def wrong_variant(ctx: DocContext) -> Iterator[Hit]:
    """A spelling of the other English variant than the one asked for with --variant."""
    if not ctx.variant:
        return
    for m, term, concept in _spelled(ctx):
        if term.variant == ctx.variant:
            continue
        alt = _variant_term(concept, ctx.variant)
        message = _("'{term}' is {variant} English; this text is in {wanted}").format(
            term=m.text, variant=term.variant, wanted=ctx.variant
        )
        yield Hit(m.start, m.end, message, m.text, alt.text if alt else None)


@rule("register", "warning")
def register(ctx: DocContext) -> Iterator[Hit]:
    """A term of the other register than the one asked for with --register (lay or professional)."""
    if ctx.register is None:
        return
    for m in ctx.top_mentions:
        term = term_of(ctx.termbase, m, ctx.lang)
        concept = concept_of(ctx.termbase, m)
        if term is None or concept is None or term.register in (None, ctx.register):
            continue
        alt = next((t for t in concept.terms_in(ctx.lang) if t.register == ctx.register and t.usable), None)
        if alt is None:
            continue
        if ctx.register == "lay":
            message = _("'{term}' is professional vocabulary: for lay readers, say '{other}' or explain it")
        else:
            message = _("'{term}' is lay vocabulary: in a professional text, use '{other}'")
        yield Hit(m.start, m.end, message.format(term=m.text, other=alt.text), m.text, alt.text)
