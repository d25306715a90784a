"""Aligning a source text with its translation, segment by segment.

Translations mostly keep the layout of their source, so the cheapest faithful alignment is
tried first:

1. **lines**: both texts have as many non-blank lines: line *k* ↔ line *k*;
2. **paragraphs**: as many paragraphs (blocks between blank lines): paragraph *k* ↔ paragraph
   *k*, and inside each, lines when their counts agree, else sentences as in 3;

   (1 and 2 also need the length ratios to be credible: at most ``_TOLERATED`` of the pairs
   more than ``_IMPLAUSIBLE`` standard deviations off, in the Gale & Church model below;)
3. **sentences**: the texts are cut into sentences (``medgloss.sentences``) and aligned by
   length with the Gale & Church (1993) dynamic programme: 1-1, 1-2, 2-1, 2-2, 1-0 and 0-1
   groups, the cost of a group being how unlikely its length ratio is, less a bonus for the
   numbers and cognates its two sides share, within a band around the diagonal. A source
   sentence left without a partner gets an empty target span.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..sentences import split_sentences
from ..typography import fold

__all__ = ["Alignment", "Pair", "align_texts"]

Span = tuple[int, int]

_PRIORS = {(1, 1): 0.89, (1, 0): 0.005, (0, 1): 0.005, (2, 1): 0.045, (1, 2): 0.045, (2, 2): 0.01}
_VARIANCE = 6.8
_ANCHOR_WEIGHT = 3.0
"""How much sharing every number and cognate lowers a group's cost (Dice coefficient × this)."""
_IMPLAUSIBLE = 2.5
"""A pair this many standard deviations off the expected length ratio is an odd pair..."""
_TOLERATED = 0.1
"""...and a one-to-one pairing with more than this share of odd pairs is not trusted."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Characters ``source`` of the source text are translated by characters ``target``."""

    source: Span
    target: Span


@dataclass(frozen=True, slots=True)
class Alignment:
    """The pairs, in text order, and how they were found (``lines``, ``paragraphs``, ``sentences``)."""

    pairs: list[Pair]
    method: str


def _lines(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    out = []
    for m in re.finditer(r"[^\n]+", text[start:end] if end is not None else text[start:]):
        piece = m.group()
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((start + m.start() + lead, start + m.start() + len(piece.rstrip())))
    return out


def _paragraphs(text: str) -> list[Span]:
    out = []
    for m in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text):
        out.append((m.start(), m.start() + len(m.group().rstrip())))
    return out


def _sentences(text: str, start: int, end: int) -> list[Span]:
    return [(start + s, start + e) for s, e in split_sentences(text[start:end])]


def _delta(source_len: int, target_len: int, ratio: float) -> float:
    """How many standard deviations ``target_len`` is from what ``source_len`` predicts."""
    mean = (source_len + target_len / ratio) / 2
    return (target_len - source_len * ratio) / math.sqrt(max(mean, 1.0) * _VARIANCE)


def _group_cost(source_len: int, target_len: int, ratio: float) -> float:
    if source_len == 0 and target_len == 0:
        return 0.0
    p = math.erfc(abs(_delta(source_len, target_len, ratio)) / math.sqrt(2))
    return -math.log(max(p, 1e-12))


def _plausible(source: list[Span], target: list[Span]) -> bool:
    """True when pairing ``source`` and ``target`` one to one keeps the length ratios credible
    (a translator who reflowed the text can leave as many lines, not the same ones)."""
    ratio = max(sum(e - s for s, e in target), 1) / max(sum(e - s for s, e in source), 1)
    odd = sum(
        abs(_delta(se - ss, te - ts, ratio)) > _IMPLAUSIBLE
        for (ss, se), (ts, te) in zip(source, target, strict=True)
    )
    return odd <= _TOLERATED * len(source)


def _anchors(text: str) -> frozenset[str]:
    """Numbers and the first five letters of long words: what a sentence and its translation
    often share (*dermatomyosite* / *dermatomyositis*, *tofacitinib*, *2019*)."""
    words = re.findall(r"\d+(?:[.,]\d+)?|[^\W\d_]{5,}", fold(text))
    return frozenset(w if w[0].isdigit() else w[:5] for w in words)


def _shared(source: list[frozenset[str]], target: list[frozenset[str]]) -> float:
    a: frozenset[str] = frozenset().union(*source)
    b: frozenset[str] = frozenset().union(*target)
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def gale_church(
    source: list[Span], target: list[Span], source_text: str = "", target_text: str = ""
) -> list[Pair]:
    """Length-based alignment of two lists of spans (see the module docstring); with the texts,
    groups that share numbers and cognates (``_anchors``) cost less."""
    n, m = len(source), len(target)
    if not n or not m:
        return [Pair(s, (target[0][0] if target else 0,) * 2) for s in source]
    src_len = [e - s for s, e in source]
    tgt_len = [e - s for s, e in target]
    src_anchors = [_anchors(source_text[s:e]) for s, e in source] if source_text else [frozenset()] * n
    tgt_anchors = [_anchors(target_text[s:e]) for s, e in target] if target_text else [frozenset()] * m
    ratio = max(sum(tgt_len), 1) / max(sum(src_len), 1)
    band = max(20, 2 * abs(n - m) + 10)
    best: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {(0, 0): (0.0, (0, 0))}
    for i in range(n + 1):
        centre = i * m / n
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            for (di, dj), prior in _PRIORS.items():
                prev = best.get((i - di, j - dj))
                if prev is None:
                    continue
                cost = _group_cost(sum(src_len[i - di : i]), sum(tgt_len[j - dj : j]), ratio)
                if di and dj:
                    cost -= _ANCHOR_WEIGHT * _shared(src_anchors[i - di : i], tgt_anchors[j - dj : j])
                options.append((prev[0] + cost - math.log(prior), (di, dj)))
            if options:
                best[(i, j)] = min(options)
    if (n, m) not in best:  # the band was too narrow: fall back to proportional pairing
        return [Pair(s, target[min(m - 1, k * m // n)]) for k, s in enumerate(source)]
    pairs: list[Pair] = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj = best[(i, j)][1]
        src = source[i - di : i]
        tgt = target[j - dj : j]
        if src:
            if tgt:
                where = (tgt[0][0], tgt[-1][1])
            else:  # an empty span where the missing translation would be
                edge = target[j - 1][1] if j else target[0][0]
                where = (edge, edge)
            pairs.append(Pair((src[0][0], src[-1][1]), where))
        i, j = i - di, j - dj
    return pairs[::-1]


def align_texts(source: str, target: str) -> Alignment:
    """Align ``source`` with its translation ``target`` (see the module docstring).

    >>> fr, en = "Titre\\n\\nUne phrase. Une autre.\\n", "Title\\n\\nOne sentence. Another one.\\n"
    >>> a = align_texts(fr, en)
    >>> a.method, [(fr[p.source[0] : p.source[1]], en[p.target[0] : p.target[1]]) for p in a.pairs]
    ('lines', [('Titre', 'Title'), ('Une phrase. Une autre.', 'One sentence. Another one.')])
    """
    src_lines, tgt_lines = _lines(source), _lines(target)
    if len(src_lines) == len(tgt_lines) and _plausible(src_lines, tgt_lines):
        return Alignment([Pair(s, t) for s, t in zip(src_lines, tgt_lines, strict=True)], "lines")
    src_paras, tgt_paras = _paragraphs(source), _paragraphs(target)
    if len(src_paras) == len(tgt_paras) and _plausible(src_paras, tgt_paras):
        pairs: list[Pair] = []
        for (ss, se), (ts, te) in zip(src_paras, tgt_paras, strict=True):
            sl, tl = _lines(source, ss, se), _lines(target, ts, te)
            if len(sl) == len(tl) and _plausible(sl, tl):
                pairs.extend(Pair(s, t) for s, t in zip(sl, tl, strict=True))
            else:
                pairs.extend(
                    gale_church(_sentences(source, ss, se), _sentences(target, ts, te), source, target)
                )
        return Alignment(pairs, "paragraphs")
    return Alignment(
        gale_church(_sentences(source, 0, len(source)), _sentences(target, 0, len(target)), source, target),
        "sentences",
    )
