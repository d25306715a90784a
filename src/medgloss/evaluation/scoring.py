"""Span scoring: exact and overlap precision, recall and F1, overall and per label; EN accuracy.

*Exact*: a predicted span is correct when a gold span has the same start and end. *Overlap*
(lenient): a predicted span is correct when it shares at least one character with a gold span,
and a gold span is found when a predicted span shares a character with it. Precision counts
predicted spans, recall counts gold spans, so one long prediction covering two gold terms finds
both. Per-label rows compare only spans of that label on both sides; the ``ALL`` row ignores labels.
Duplicate spans (same offsets, and same label for per-label rows) count once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .documents import GoldSpan
from .english import same_english

__all__ = ["ALL", "PRF", "ENScore", "Predicted", "en_score", "error_counts", "match_counts", "score_spans"]

ALL = "ALL"
"""The label of the all-labels row."""


@dataclass(frozen=True, slots=True)
class Predicted:
    """A span the extractor proposes; ``label`` is comparable with the gold labels (or None)."""

    start: int
    end: int
    label: str | None
    text: str
    en: str | None = None
    source: str = "glossary"
    concept_id: str | None = None
    category: str | None = None


@dataclass(slots=True)
class PRF:
    """The counts behind precision, recall and F1."""

    gold: int = 0
    predicted: int = 0
    found: int = 0
    """Gold spans matched by a prediction."""
    correct: int = 0
    """Predicted spans matching a gold span."""

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, found: int, correct: int, gold: int, predicted: int) -> None:
        self.found += found
        self.correct += correct
        self.gold += gold
        self.predicted += predicted

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "found": self.found,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_counts(
    gold: Iterable[tuple[int, int]], predicted: Iterable[tuple[int, int]], *, overlap: bool
) -> tuple[int, int, int, int]:
    """``(gold found, predicted correct, gold, predicted)`` for the spans of one document.

    >>> match_counts([(0, 5), (10, 20)], [(0, 5), (12, 14), (30, 31)], overlap=False)
    (1, 1, 2, 3)
    >>> match_counts([(0, 5), (10, 20)], [(0, 5), (12, 14), (30, 31)], overlap=True)
    (2, 2, 2, 3)
    """
    g, p = sorted(set(gold)), sorted(set(predicted))
    if not overlap:
        common = len(set(g) & set(p))
        return common, common, len(g), len(p)
    found = sum(any(_overlaps(x, y) for y in p) for x in g)
    correct = sum(any(_overlaps(y, x) for x in g) for y in p)
    return found, correct, len(g), len(p)


def score_spans(
    docs: Iterable[tuple[Sequence[GoldSpan], Sequence[Predicted]]], *, overlap: bool
) -> dict[str, PRF]:
    """``ALL`` and per-gold-label scores over documents given as (gold spans, predicted spans)."""
    scores: dict[str, PRF] = {ALL: PRF()}
    for gold, predicted in docs:
        scores[ALL].add(
            *match_counts(
                [(s.start, s.end) for s in gold], [(s.start, s.end) for s in predicted], overlap=overlap
            )
        )
        for label in {s.label for s in gold} | {s.label for s in predicted if s.label}:
            row = scores.setdefault(label, PRF())
            row.add(
                *match_counts(
                    [(s.start, s.end) for s in gold if s.label == label],
                    [(s.start, s.end) for s in predicted if s.label == label],
                    overlap=overlap,
                )
            )
    return scores


@dataclass(slots=True)
class ENScore:
    """How often the English equivalent given for a found gold term is one the gold accepts."""

    gold: int = 0
    found: int = 0
    correct: int = 0
    wrong: list[tuple[str, str | None, tuple[str, ...]]] = field(default_factory=list)
    """(French text, our English, accepted English) for every found term with a wrong equivalent."""

    @property
    def accuracy(self) -> float:
        """Correct equivalents among the gold terms found (overlap)."""
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        """Correct equivalents among all gold terms."""
        return self.correct / self.gold if self.gold else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "found": self.found,
            "correct": self.correct,
            "accuracy": round(self.accuracy, 4),
            "recall": round(self.recall, 4),
        }


def _best(span: GoldSpan, predicted: Sequence[Predicted]) -> Predicted | None:
    exact = next((p for p in predicted if (p.start, p.end) == (span.start, span.end)), None)
    if exact is not None:
        return exact
    overlapping = [p for p in predicted if _overlaps((p.start, p.end), (span.start, span.end))]
    return max(
        overlapping,
        key=lambda p: (min(p.end, span.end) - max(p.start, span.start), -p.start),
        default=None,
    )


def en_score(docs: Iterable[tuple[Sequence[GoldSpan], Sequence[Predicted]]]) -> ENScore:
    """EN accuracy over gold spans that carry accepted equivalents.

    Each gold span is paired with the prediction of the same offsets, else the one overlapping it
    most; the prediction's English is compared with the accepted ones by ``same_english``.
    """
    out = ENScore()
    for gold, predicted in docs:
        for span in gold:
            if not span.en:
                continue
            out.gold += 1
            best = _best(span, predicted)
            if best is None:
                continue
            out.found += 1
            if best.en and same_english(best.en, span.en):
                out.correct += 1
            else:
                out.wrong.append((span.text, best.en, span.en))
    return out


def error_counts(
    docs: Iterable[tuple[Sequence[GoldSpan], Sequence[Predicted]]],
) -> tuple[Counter[str], Counter[str]]:
    """(missed gold texts, spurious predicted texts), in overlap terms, lower-cased and counted."""
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for gold, predicted in docs:
        for s in gold:
            if not any(_overlaps((s.start, s.end), (p.start, p.end)) for p in predicted):
                missed[s.text.lower()] += 1
        for p in predicted:
            if not any(_overlaps((p.start, p.end), (s.start, s.end)) for s in gold):
                spurious[p.text.lower()] += 1
    return missed, spurious
