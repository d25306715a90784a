"""Keep imported terminologies from flooding articles with noise.

Large terminologies label many concepts with everyday words (HPO's *Gauche*, *Début*, *Tous*;
ICD-11's *Tête*, *Porte*, *Voiture*) or repeat forms the curated glossary already has. Matched
in news text, such labels add wrong or redundant mentions. ``NoiseFilter`` drops, from imported
French terms only (labels are never rewritten):

- one-word terms that are common French words (wordfreq Zipf frequency at or above
  ``max_zipf``): everyday words are the curated glossary's business, where a person decides;
- abbreviations of one or two letters (*PR*, *SC*): too ambiguous to link without a definition;
- forms the bundled glossary already has (compared with the matcher's own keys: case, accents,
  plural and feminine endings, elided articles and hyphenation folded): the curated entry wins,
  and no ambiguity between a curated and an imported concept is created.

An entry left without any French term is not imported. Every drop is counted in the report.

>>> noise = NoiseFilter(known=known_forms(["maladie de la peau"]))
>>> [noise.reason(t) for t in ("Gauche", "Calcinose", "PR", "Maladies de peau")]
['common', None, 'short', 'known']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..exchange.builder import ConceptDraft, ExchangeReport
from ..i18n import _
from ..matching import SEP, token_keys
from ..model import SHORT_TYPES
from ..termbase import TermBase, bundled_glossary_files
from ..typography import normalise

__all__ = ["MAX_ZIPF", "NoiseFilter", "bundled_forms", "forms", "known_forms"]

MAX_ZIPF = 3.5
"""One-word imported terms at least this frequent in French (Zipf scale) are left out."""
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    from ..spacy_french import import_french

    import_french()
    return spacy.blank("fr").tokenizer


def forms(text: str, short: bool = False) -> set[str]:
    """The keys under which the matcher looks ``text`` up (``short``: an abbreviation).

    >>> forms("Insuffisances Cardiaques") == forms("insuffisance cardiaque")
    True
    """
    text = normalise(text)
    chunks = text.split()
    if not all(c.isalpha() or c.isdigit() for c in chunks):  # else split as the tokenizer would
        chunks = [t.text for t in _tokenizer()(text) if not t.is_space]
    return {SEP.join(seq) for seq in token_keys(chunks, short)}


def known_forms(terms: Iterable[str | tuple[str, bool]]) -> frozenset[str]:
    """The forms of ``terms`` (texts, or ``(text, is abbreviation)`` pairs)."""
    out: set[str] = set()
    for term in terms:
        out |= forms(term) if isinstance(term, str) else forms(*term)
    return frozenset(out)


def bundled_forms() -> frozenset[str]:
    """The forms of every French term of the bundled glossary (computed once per glossary state)."""
    files = bundled_glossary_files()
    return _bundled_forms(tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files))


@lru_cache(maxsize=2)
def _bundled_forms(state: tuple[tuple[str, int, int], ...]) -> frozenset[str]:
    del state  # the cache key: an edited glossary is read again
    return known_forms((t.text, t.is_short) for c in TermBase.load() for t in c.terms_in("fr"))


@lru_cache(maxsize=100_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # loads its word lists on first use

    return float(zipf_frequency(word.lower(), "fr"))


@dataclass(frozen=True, slots=True)
class NoiseFilter:
    """Which imported French terms to leave out (see the module docstring)."""

    max_zipf: float = MAX_ZIPF
    known: frozenset[str] = field(default_factory=frozenset)

    def reason(self, text: str, short: bool = False) -> str | None:
        """Why ``text`` is noise (``common``, ``short`` or ``known``), or None to keep it;
        ``short`` tells that the term is an abbreviation (matched case-sensitively)."""
        words = _WORD.findall(text)
        if len(words) == 1 and text.isupper() and len(text) <= 2:
            return "short"
        if len(text.split()) == 1 and _zipf(text) >= self.max_zipf:
            return "common"
        if self.known and not self.known.isdisjoint(forms(text, short)):
            return "known"
        return None

    def apply(self, drafts: list[ConceptDraft], report: ExchangeReport) -> list[ConceptDraft]:
        """``drafts`` without their noisy French terms, and without the entries left with none."""
        messages = {
            "common": _(
                "one-word French labels that are common words (Zipf frequency ≥ {zipf}) left out"
            ).format(zipf=self.max_zipf),
            "short": _("French abbreviations of one or two letters left out"),
            "known": _("French labels the bundled glossary already has left out"),
        }
        kept: list[ConceptDraft] = []
        for draft in drafts:
            terms = []
            for term in draft.terms:
                why = self.reason(term.text, term.type in SHORT_TYPES) if term.lang == "fr" else None
                if why is None:
                    terms.append(term)
                else:
                    report.add(messages[why], f"{draft.where}: {term.text}")
            if any(t.lang == "fr" for t in terms):
                draft.terms = terms
                kept.append(draft)
            else:
                report.add(_("entries left out because all their French labels are noise"), draft.where)
        return kept
