"""The terminology rule of translation QA: each source term has its equivalent in the target."""

from __future__ import annotations

import re
from collections.abc import Iterator

from wordfreq import zipf_frequency

from ..annotation import Mention
from ..i18n import _
from ..model import SHORT_TYPES, Term
from ..typography import fold, inflection_key
from .context import SegmentContext, readings
from .findings import Hit
from .registry import rule

__all__ = ["expected_terms", "missing_equivalent", "word_keys"]

_FUNCTION_WORDS = {
    "fr": frozenset(
        {"de", "des", "du", "d", "la", "le", "les", "l", "a", "au", "aux", "à", "en", "et", "un", "une"}
        | {"par", "pour", "sur", "dans"}
    ),
    "en": frozenset({"of", "the", "a", "an", "and", "in", "on", "to", "for", "with", "by", "from"}),
}


def _english_key(word: str) -> str:
    """A key shared by an English word and its regular plural (*studies* / *study*)."""
    w = fold(word)
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ses", "xes", "ches", "shes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def word_keys(text: str, lang: str) -> list[str]:
    """Inflection-free keys of the content words of ``text``.

    >>> word_keys("the crystals of calcium", "en") == word_keys("calcium crystal", "en")[::-1]
    True
    >>> word_keys("des maladies auto-immunes", "fr")
    ['maladie', 'autoimmun', 'auto', 'immun']
    """
    stop = _FUNCTION_WORDS.get(lang, frozenset())
    key = _english_key if lang == "en" else inflection_key
    out = []
    for word in re.findall(r"[^\W_]+(?:-[^\W_]+)*", text):
        parts = word.split("-")
        for w in [word, *parts] if len(parts) > 1 else parts:
            if fold(w) not in stop:
                out.append(key(w))
    return out


def expected_terms(seg: SegmentContext, mention: Mention) -> tuple[set[str], list[Term]]:
    """The concept ids a source mention may stand for, and the target terms that render it
    (preferred, admitted or deprecated: a deprecated rendering is another rule's business)."""
    lang = seg.doc.lang
    cid = mention.concept_id or ""
    if ":" in cid:  # a composed pattern, "inhibitor_of:jak"
        pattern_id, filler_id = cid.split(":", 1)
        pattern = seg.termbase.pattern(pattern_id)
        filler = seg.termbase.get(filler_id)
        if pattern is None or filler is None or lang != "en":
            return set(), []
        terms = [Term(text, "en") for text in pattern.renderings(filler)]
        return set(), terms
    ids = {cid, *mention.ambiguous} & set(seg.termbase.concepts)
    terms = [t for i in ids for t in seg.termbase[i].terms_in(lang) if t.status != "forbidden"]
    return ids, terms


def _close(expected: str, found: str) -> bool:
    """Same word, or the same long stem (*subcutaneously* / *subcutaneous*, *inflammation* /
    *inflammatory*, *stabilised* / *stabilized*)."""
    if expected == found:
        return True
    shortest = min(len(expected), len(found))
    if shortest < 6:
        return False
    common = next((i for i, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b), shortest)
    return common >= 0.75 * shortest


def _has_words(needed: list[str], keys: set[str]) -> bool:
    return bool(needed) and all(w in keys or any(_close(w, k) for k in keys) for w in needed)


EVERYDAY_WORD = 4.0
"""Zipf frequency from which a one-word term is everyday language (*blood*, *sang*, *heart*):
translators render such words freely (*lung* → *pulmonaire*), so they are not required."""


def _specific(mention: Mention, lang: str) -> bool:
    """True for the terms a translation must render: abbreviations, multi-word terms and
    single words that are not everyday language."""
    if mention.term_type in SHORT_TYPES or re.search(r"[\s-]", mention.text):
        return True
    return zipf_frequency(mention.lemma or mention.text, lang) < EVERYDAY_WORD


def _rendered(seg: SegmentContext, ids: set[str], terms: list[Term], keys: set[str]) -> bool:
    texts = {fold(t.text) for t in terms if t.status != "forbidden"}
    lang = seg.doc.lang
    for m in seg.target_mentions:
        if any(c.id in ids and t.status != "forbidden" for c, t in readings(seg.termbase, m, lang)):
            return True
        if fold(m.lemma) in texts:
            return True
    return any(not t.is_short and _has_words(word_keys(t.text, lang), keys) for t in terms)


def _forbidden_rendering(seg: SegmentContext, ids: set[str]) -> bool:
    return any(
        c.id in ids and t.status == "forbidden"
        for m in seg.target_mentions
        for c, t in readings(seg.termbase, m, seg.doc.lang)
    )


def _left_as_is(seg: SegmentContext, mention: Mention) -> tuple[int, int] | None:
    flags = 0 if mention.term_type in SHORT_TYPES else re.IGNORECASE
    m = re.search(rf"(?<!\w){re.escape(mention.text)}(?!\w)", seg.target_text, flags)
    return (seg.start + m.start(), seg.start + m.end()) if m else None


@rule("missing-equivalent", "warning", kind="pair")
def missing_equivalent(seg: SegmentContext) -> Iterator[Hit]:
    """A source glossary term whose preferred or admitted equivalent is not in the aligned target
    segment.

    Equivalents are found in any inflection and, for multi-word terms, in any word order.
    One-word terms of everyday language (*blood*, *heart*) are not required (``EVERYDAY_WORD``).
    A word the two languages share (*excision*) found as is in the target counts as rendered; a
    source abbreviation copied into the target is reported as left untranslated, unless the
    glossary lists that same abbreviation in the target language.
    """
    keys = set(word_keys(seg.target_text, seg.doc.lang))
    done: set[str] = set()
    for m in seg.source_mentions:
        if m.nested or m.status == "forbidden" or not m.concept_id or m.concept_id in done:
            continue
        if not _specific(m, seg.source.lang):
            continue
        done.add(m.concept_id)
        ids, terms = expected_terms(seg, m)
        usable = [t for t in terms if t.usable]
        if not usable or _rendered(seg, ids, terms, keys) or _forbidden_rendering(seg, ids):
            continue
        fitting = [t for t in usable if seg.variant is None or t.variant in (None, seg.variant)] or usable
        options = list(dict.fromkeys(t.text for t in sorted(fitting, key=lambda t: t.status != "preferred")))
        expected = "' or '".join(options[:3])
        where = _left_as_is(seg, m)
        if where is not None and m.term_type not in SHORT_TYPES:
            continue  # a word the two languages share (excision, laser), as the source has it
        if where is not None:
            message = _("'{term}' (source line {line}) is left untranslated: use '{expected}'")
            start, end = where
        else:
            message = _(
                "no equivalent of '{term}' (source line {line}) in the translation: expected '{expected}'"
            )
            start = end = seg.start
        yield Hit(
            start,
            end,
            message.format(term=m.text, line=seg.source_line, expected=expected),
            m.text,
            options[0],
        )
