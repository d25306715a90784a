"""Glossary matching over tokens: tables of folded, inflection-free keys.

Matching is tolerant of what French articles do to terms: plural and feminine forms, case and
missing or extra accents (``inflection_key``), elision and determiner variation inside terms
(*inhibiteur des janus kinases* / *inhibiteur de JAK*), hyphen/space/no-space variants
(*auto-immune*, *auto immune*, *autoimmune*) and line breaks inside a term. Abbreviations and
upper-case tokens inside terms (*JAK*) match case-sensitively. All matches are returned, nested
ones included; ``select`` keeps the longest and marks those inside them as nested.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from .model import Concept, Pattern, Term
from .resources import data_lines
from .termbase import TermBase
from .typography import fold, inflection_key

__all__ = ["Match", "TermMatcher", "Tok", "select", "token_keys"]

_DE = {"de", "des", "du", "d'", "d"}
_A = {"a", "au", "aux"}
_ARTICLES = {"le", "la", "les", "l'", "l"}
_END = "\0"  # trie key holding the entries of a complete term (no token key contains NUL)


def _stop_keys() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS as EN

    from .spacy_french import french_stop_words

    FR = french_stop_words()

    return frozenset(inflection_key(w) for w in FR | EN if len(w) > 1) | frozenset(FR | EN)


GENERIC = frozenset(inflection_key(w) for w in data_lines("generic_fr.txt"))
"""Inflection keys of everyday words that are no terms on their own (data/generic_fr.txt)."""


IDIOMS = data_lines("idioms_fr.txt")
"""French fixed expressions (*au sein de*) inside which nothing is a term (data/idioms_fr.txt)."""
STOP = _stop_keys()
"""Stop words, and their keys: a one-word match on *tous* is not *toux*."""


class Tok(NamedTuple):
    """The little the matcher needs of a token."""

    text: str
    start: int
    space: bool = False  # a whitespace token
    newlines: int = 0


@dataclass(slots=True)
class Match:
    """Tokens ``[start, end)`` match ``entries`` (concept id, matched term) or a pattern."""

    start: int
    end: int
    entries: list[tuple[str, Term]]
    pattern: Pattern | None = None
    filler: Match | None = None
    nested: bool = False


def _key(text: str, exact: bool) -> str:
    if exact:
        return "=" + text
    f = fold(text)
    if f in _DE:
        return "de"
    if f in _A:
        return "a"
    return inflection_key(text)


@lru_cache(maxsize=500_000)
def _token_info(text: str) -> tuple[str, str | None, bool, str, str | None]:
    """Per token text: folded key, exact key (for case-sensitive matches), is-article, link word,
    and an alternative path: its hyphen-separated parts (*Janus-Kinase* also matches *Janus kinase*)
    or, for a letter and a full stop, the letter (*E.* of *E. coli*, *D.* ending *vitamine D.*)."""
    if len(text) == 2 and text[0].isupper() and text[1] == ".":
        return _key(text[0], False), "=" + text, False, "", "=" + text[0]
    if len(text) > 2 and text.endswith(".") and text[-2].isalpha():
        text = text[:-1]  # "IgA." at the end of a sentence: the tokenizer keeps the full stop
    f = fold(text)
    exact = "=" + text if any(c.isupper() for c in text) or not text.isalpha() else None
    split = _hyphen_parts(text) if "-" in text else None
    return (
        _key(text, False),
        exact,
        f in _ARTICLES,
        "a" if f in ("au", "aux") else "",
        SEP.join(split) if split else None,
    )


def _is_caps(text: str) -> bool:
    return len(text) >= 2 and text.isupper() and any(c.isalpha() for c in text)


def _glued_flags(toks: Sequence[Tok], skip: list[bool]) -> list[int]:
    """Bit 1: the token follows a glued hyphen; bit 2: it precedes one (*QUADRI-HF*: no match on *HF*)."""
    flags = [0] * len(toks)
    for i in range(1, len(toks) - 1):
        if skip[i] and toks[i].text == "-":
            flags[i + 1] |= 1
            flags[i - 1] |= 2
    return flags


def _glued(before: Tok, hyphen: Tok, after: Tok) -> bool:
    return before.start + len(before.text) == hyphen.start and hyphen.start + 1 == after.start


def _hyphen_parts(text: str) -> list[str] | None:
    if "-" not in text:
        return None
    parts = [p for p in text.split("-") if p]
    return [_key(p, _is_caps(p)) for p in parts] if len(parts) > 1 else None


def token_keys(tokens: Sequence[str], short: bool = False) -> list[list[str]]:
    """The key sequences of a term's tokens: the joined form and, for hyphens, the split one."""
    seqs: list[list[str]] = [[]]
    prev = ""
    for text in tokens:
        f = fold(text)
        if f in _ARTICLES and prev in ("de", "a"):
            continue
        if text == "-":
            continue  # "RT-PCR" split by the tokenizer: the text side skips a glued hyphen too
        # an abbreviation matches case-sensitively, but the lower-case words of a longer one
        # ("coli" in "E. coli") as any other word
        exact = _is_caps(text) or (short and (len(tokens) == 1 or not text.islower()))
        key = _key(text, exact)
        if not key:
            continue
        split = None if exact else _hyphen_parts(text)
        joined = [[*s, key] for s in seqs]
        seqs = joined + [s + split for s in seqs] if split else joined
        prev = key
        if f in ("au", "aux"):
            prev = "a"
    return [s for s in seqs if s]


SEP = "\x1f"
"""Joins the keys of a term's tokens into one path (no token key contains it)."""


class TermMatcher:
    """Finds glossary terms and productive patterns in tokenised French (or English) text.

    Terms are stored flat: ``paths`` maps the joined keys of a whole term to its entries
    ``(concept id, index of the term in concept.terms)``, ``prefixes`` holds every proper prefix of
    a path. Flat string tables load from the compiled cache in a fraction of a second, even for
    100,000 terms, where a nested trie of dicts would not.
    """

    def __init__(
        self,
        termbase: TermBase,
        tokenize: Callable[[str], list[str]] | None = None,
        lang: str = "fr",
        *,
        tables: tuple[dict[str, tuple[tuple[str, int], ...]], set[str]] | None = None,
    ):
        self.termbase = termbase
        self.lang = lang
        self.pattern_trie: dict[str, Any] = {}
        if tables is not None:
            self.paths, self.prefixes = tables
        else:
            assert tokenize is not None, "a tokenizer is needed to compile the glossary"
            paths: dict[str, list[tuple[str, int]]] = {}
            self.prefixes = set()
            for concept in termbase:
                self._add_concept(concept, tokenize, paths)
            if lang == "fr":
                for idiom in IDIOMS:
                    for seq in token_keys(tokenize(idiom)):
                        self._add_path(seq, ("", -1), paths)
            self.paths = {k: tuple(v) for k, v in paths.items()}
        self.heads = {path.split(SEP, 1)[0] for path in self.paths}
        if lang == "fr" and termbase.patterns:
            assert tokenize is not None, "a tokenizer is needed to compile the patterns"
            for pattern in termbase.patterns:
                self._add_pattern(pattern, tokenize)

    @property
    def size(self) -> int:
        """How many (term form, concept) pairs the matcher knows."""
        return sum(len(v) for v in self.paths.values())

    def _add_pattern(self, pattern: Pattern, tokenize: Callable[[str], list[str]]) -> None:
        for form in pattern.fr:
            head = form.partition("{X}")[0]
            glued = head.endswith("-")
            for seq in token_keys(tokenize(head.rstrip("-").strip())) if head.strip() else [[]]:
                node = self.pattern_trie
                for key in seq:
                    node = node.setdefault(key, {})
                node.setdefault(_END, []).append((pattern, glued))

    def _add_concept(
        self, concept: Concept, tokenize: Callable[[str], list[str]], paths: dict[str, list[tuple[str, int]]]
    ) -> None:
        for index, term in enumerate(concept.terms):
            if term.lang != self.lang:
                continue
            tokens = tokenize(term.text)
            if not tokens:
                continue
            for seq in token_keys(tokens, short=term.is_short):
                if len(seq) == 1 and term.usable and seq[0] in GENERIC:
                    continue
                self._add_path(seq, (concept.id, index), paths)

    def _add_path(
        self, seq: list[str], entry: tuple[str, int], paths: dict[str, list[tuple[str, int]]]
    ) -> None:
        for k in range(1, len(seq)):
            self.prefixes.add(SEP.join(seq[:k]))
        entries = paths.setdefault(SEP.join(seq), [])
        if entry not in entries:
            entries.append(entry)

    def _entries(self, found: tuple[tuple[str, int], ...]) -> list[tuple[str, Term]]:
        termbase = self.termbase
        return [(cid, termbase[cid].terms[index]) for cid, index in found if cid]

    def find(self, toks: Sequence[Tok]) -> list[Match]:
        """Every match in ``toks``, nested and overlapping ones included."""
        folded, exact, skip, parts = self._keys(toks)
        glued = _glued_flags(toks, skip)
        paths, prefixes = self.paths, self.prefixes
        matches: list[Match] = []
        n = len(toks)
        heads = self.heads
        for i in range(n):
            if skip[i] or (folded[i] not in heads and exact[i] not in heads and parts[i] is None):
                continue
            stack = [(k, i) for k in (exact[i], folded[i], parts[i]) if k and (k in prefixes or k in paths)]
            while stack:
                path, j = stack.pop()
                found = paths.get(path)
                inside_word = glued[i] & 1 or glued[j] & 2
                stop = j == i and exact[i] != path and toks[i].text.lower() in STOP  # "maïs" is not "mais"
                if found is not None and not inside_word and not stop:
                    matches.append(Match(i, j + 1, self._entries(found)))
                if path not in prefixes:
                    continue
                k = j + 1
                while k < n and skip[k]:
                    k += 1
                if k >= n:
                    continue
                for key in (exact[k], folded[k], parts[k]):
                    if key:
                        longer = path + SEP + key
                        if longer in prefixes or longer in paths:
                            stack.append((longer, k))
        if self.pattern_trie:
            matches.extend(self._patterns(toks, folded, exact, skip, matches))
        return matches

    def _keys(self, toks: Sequence[Tok]) -> tuple[list[str], list[str | None], list[bool], list[str | None]]:
        """Per token: folded key, exact key, whether to skip it inside a term, hyphen-split path."""
        n = len(toks)
        folded: list[str] = [""] * n
        exact: list[str | None] = [None] * n
        skip: list[bool] = [False] * n
        parts: list[str | None] = [None] * n
        prev = ""
        for i, t in enumerate(toks):
            if t.space:
                skip[i] = t.newlines < 2  # a line break inside a term, not a paragraph break
                continue
            text = t.text
            if text == "-" and 0 < i < n - 1 and _glued(toks[i - 1], t, toks[i + 1]):
                skip[i] = True  # "Janus-Kinase" split by the tokenizer
                continue
            key, ex, article, link, split = _token_info(text)
            skip[i] = article and prev in ("de", "a")
            folded[i] = key
            exact[i] = ex
            parts[i] = split
            prev = link or key
        return folded, exact, skip, parts

    def _patterns(
        self,
        toks: Sequence[Tok],
        folded: list[str],
        exact: list[str | None],
        skip: list[bool],
        matches: list[Match],
    ) -> Iterable[Match]:
        by_start: dict[int, list[Match]] = {}
        for m in matches:
            by_start.setdefault(m.start, []).append(m)
        n = len(toks)
        root = self.pattern_trie
        for i in range(n):
            ex = exact[i]
            if folded[i] not in root and (ex is None or ex not in root) and "-" not in toks[i].text:
                continue  # no pattern starts here (the common case)
            node = root
            j = i
            while j < n and node:
                if skip[j] and j > i:
                    j += 1
                    continue
                ex = exact[j]
                child = node.get(folded[j]) or (node.get(ex) if ex else None)
                if child is None:
                    break
                j += 1
                for pattern, _glued in child.get(_END, []):
                    k = j
                    while k < n and skip[k]:
                        k += 1
                    for filler in by_start.get(k, []):
                        if self._fits(pattern, filler):
                            yield Match(i, filler.end, [], pattern=pattern, filler=filler)
                node = child
            yield from self._glued_patterns(toks, i, j, node)

    def _glued_patterns(self, toks: Sequence[Tok], i: int, j: int, node: dict[str, Any]) -> Iterable[Match]:
        """*anti-TNF* as one token: a pattern whose head ends in ``anti-`` and a filler glued to it."""
        if j >= len(toks) or "-" not in toks[j].text:
            return
        head, _, rest = toks[j].text.partition("-")
        child = node.get(_key(head, _is_caps(head)))
        if child is None or not rest:
            return
        for pattern, glued in child.get(_END, []):
            if not glued:
                continue
            for key in ("=" + rest, _key(rest, False)):
                found = self.paths.get(key)
                if found is None:
                    continue
                filler = Match(j, j + 1, self._entries(found))
                if self._fits(pattern, filler):
                    yield Match(i, j + 1, [], pattern=pattern, filler=filler)
                    return

    def _fits(self, pattern: Pattern, filler: Match) -> bool:
        if filler.pattern is not None or not filler.entries:
            return False
        cats = {self.termbase[cid].category for cid, _ in filler.entries if cid in self.termbase}
        return not pattern.slot or bool(cats & set(pattern.slot))


_OF = frozenset({"de", "des", "du", "d'"})
_LINKS = frozenset(
    {
        "de",
        "des",
        "du",
        "d'",
        "a",
        "au",
        "aux",
        "le",
        "la",
        "les",
        "l'",
        "l",
        "et",
        "en",
        "par",
        "contre",
        "pour",
        "anti",
    }
)


def _lighter(left: Match, right: Match, toks: Sequence[Tok] | None) -> bool:
    """Whether ``right``, crossing ``left``, should win: ``left`` is a generic word and its complement
    (*risque de fracture*) where ``right`` is a glossary term at least as long (*fracture de la
    hanche*); or ``right`` starts at the noun of ``left``'s complement and goes on with words of its
    own, the complement being the longer term (*réactivation du virus varicelle-zona*)."""
    if toks is None or right.pattern is not None:
        return False
    if inflection_key(toks[left.start].text) in GENERIC:
        return right.end - right.start >= left.end - left.start
    words = [fold(t.text) for t in toks[left.start : right.start] if not t.space]
    if words and words[-1] in _ARTICLES:
        words.pop()
    return bool(words) and words[-1] in _OF and sum(not t.space for t in toks[right.start : right.end]) >= 2


def _without(kept: list[Match], left: Match, right: Match) -> list[Match]:
    """``kept`` without ``left``; what was nested in it stays, as top-level, where ``right`` allows."""
    out = []
    for k in kept:
        if k is left:
            continue
        if k.nested and left.start <= k.start and k.end <= left.end:
            if k.end > right.start:
                continue  # crosses the winner
            k.nested = False
        out.append(k)
    return out


def select(matches: list[Match], toks: Sequence[Tok] | None = None) -> list[Match]:
    """Leftmost-longest matches win; matches inside them are kept as nested, crossing ones dropped,
    except a glossary term the crossed one makes way for (``_lighter``: *risque de fracture de la
    hanche*, *réactivation du virus varicelle-zona*).

    Between matches of the same span, a glossary term beats a composed pattern and the concepts are
    merged (several concepts: an ambiguity). A one-word match inside a longer one is kept only when
    it heads the longer term or follows a linking word (*cristaux de <calcium>*), not when it is a
    modifier (*essais <cliniques>*): ``toks`` tells which. Returned in text order.
    """
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start), m.pattern is not None))
    kept: list[Match] = []
    spans: dict[tuple[int, int], Match] = {}
    top: Match | None = None
    for m in ordered:
        same = spans.get((m.start, m.end))
        if same is not None:
            same.entries.extend(e for e in m.entries if e not in same.entries)
            continue
        if top is None or m.start >= top.end:
            top = m
        elif m.end <= top.end:
            modifier = m.end - m.start == 1 and m.start > top.start
            if modifier and toks is not None and fold(toks[m.start - 1].text) not in _LINKS:
                continue
            m.nested = True
        elif _lighter(top, m, toks):
            kept = _without(kept, top, m)
            top = m
        else:
            continue  # crosses the match on its left
        spans[(m.start, m.end)] = m
        kept.append(m)
    idioms = [m for m in kept if not m.entries and m.pattern is None]
    if idioms:  # nothing inside "au sein de" is a term, nor the expression itself
        kept = [m for m in kept if not any(x.start <= m.start and m.end <= x.end for x in idioms)]
    return kept
