"""Search the termbase by a French or English term: accent- and case-insensitive, prefix and fuzzy.

Every term is indexed under a search key (lower case, no accents or ligatures, hyphens and
apostrophes read as spaces). A query finds, best first: terms equal to it, terms that start with
it, terms with a word that starts with it, then close spellings (rapidfuzz's ``token_sort_ratio``, so word order does not matter), one
hit per concept.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .model import Concept, Term
from .termbase import TermBase
from .typography import fold

__all__ = ["Hit", "TermIndex", "search_key"]

_SEPARATORS = re.compile(r"[\s\-'‐‑]+")
_KINDS = ("exact", "prefix", "word", "fuzzy")


def search_key(text: str) -> str:
    """The key a term is searched under.

    >>> search_key("Polyarthrite  RHUMATOÏDE"), search_key("anti-TNF"), search_key("l’œdème")
    ('polyarthrite rhumatoide', 'anti tnf', 'l oedeme')
    """
    return _SEPARATORS.sub(" ", fold(text)).strip()


@dataclass(frozen=True, slots=True)
class Hit:
    """A concept found by a search, through one of its terms."""

    concept: Concept
    term: Term
    score: float
    kind: str
    """``exact``, ``prefix`` (the term starts with the query), ``word`` (one of its words does) or
    ``fuzzy`` (a close spelling)."""


class TermIndex:
    """The search keys of every term of a termbase."""

    def __init__(self, termbase: TermBase):
        self.termbase = termbase
        self.entries: list[tuple[str, Term]] = []
        self.keys: list[str] = []
        words: list[tuple[str, int]] = []
        for concept in termbase:
            for term in concept.terms:
                key = search_key(term.text)
                n = len(self.entries)
                self.entries.append((concept.id, term))
                self.keys.append(key)
                start = 0
                while (space := key.find(" ", start)) >= 0:
                    words.append((key[space + 1 :], n))
                    start = space + 1
        starts = sorted(range(len(self.keys)), key=self.keys.__getitem__)
        self._sorted = [(self.keys[i], i) for i in starts]
        self._words = sorted(words)

    def search(
        self, query: str, *, lang: str | None = None, limit: int = 10, cutoff: float = 70.0
    ) -> list[Hit]:
        """The best ``limit`` concepts for ``query``, one hit each, best first."""
        q = search_key(query)
        if not q:
            return []
        found: dict[str, Hit] = {}

        def offer(index: int, score: float, kind: str) -> None:
            cid, term = self.entries[index]
            if lang is not None and term.lang != lang:
                return
            concept = self.termbase.get(cid)
            if concept is None:
                return
            old = found.get(cid)
            if old is None or (score, -_KINDS.index(kind)) > (old.score, -_KINDS.index(old.kind)):
                found[cid] = Hit(concept, term, round(score, 1), kind)

        for key, i in _prefixed(self._sorted, q):
            offer(
                i, 100.0 if key == q else 90.0 + 10.0 * len(q) / len(key), "exact" if key == q else "prefix"
            )
        for _word, i in _prefixed(self._words, q):
            offer(i, 80.0 + 10.0 * len(q) / len(self.keys[i]), "word")
        for _key, score, i in process.extract(
            q, self.keys, scorer=fuzz.token_sort_ratio, limit=limit * 5, score_cutoff=cutoff
        ):
            offer(i, score * 0.8, "fuzzy")
        hits = sorted(found.values(), key=lambda h: (-h.score, _KINDS.index(h.kind), len(h.term.text)))
        return hits[:limit]


def _prefixed(items: list[tuple[str, int]], prefix: str) -> list[tuple[str, int]]:
    """The items of sorted ``items`` whose key starts with ``prefix``."""
    lo = bisect.bisect_left(items, (prefix, -1))
    hi = bisect.bisect_left(items, (prefix + "\U0010ffff", -1))
    return items[lo:hi]
