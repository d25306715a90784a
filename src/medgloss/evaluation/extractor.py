"""Evaluate the extractor (``medgloss.annotate``) on an annotated corpus.

Two settings come from one run: ``glossary`` keeps glossary, pattern and abbreviation mentions;
``candidates`` adds the mined candidate terms (``full`` mode only). Only mentions in French
segments are scored, nested ones only when the corpus annotates nested terms. Predicted
categories are mapped to UMLS groups (``categories.group_of``) for third-party corpora.

QUAERO's texts are pre-tokenised (``d ’ effort``): spaces around apostrophes between two words are
removed before annotation and the offsets mapped back, so that elided terms can match.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..annotation import Annotation
from ..api import annotate_many
from ..matching import GENERIC
from ..typography import inflection_key
from .categories import group_of
from .corpora import Corpus
from .scoring import ALL, PRF, ENScore, Predicted, en_score, error_counts, score_spans

__all__ = [
    "SETTINGS",
    "ExtractorReport",
    "evaluate_extractor",
    "predictions",
    "rejoin_apostrophes",
    "without_generic_words",
]

SETTINGS = ("glossary", "candidates")
_SPACED_APOSTROPHE = re.compile(r"(?<=\w) ([’']) (?=\w)")


def rejoin_apostrophes(text: str) -> tuple[str, list[int]]:
    """``text`` without the spaces around apostrophes between words, and each kept character's index.

    >>> rejoin_apostrophes("d ’ effort")
    ('d’effort', [0, 2, 4, 5, 6, 7, 8, 9])
    """
    keep = [True] * len(text)
    for m in _SPACED_APOSTROPHE.finditer(text):
        keep[m.start()] = keep[m.end() - 1] = False
    index = [i for i, k in enumerate(keep) if k]
    return "".join(text[i] for i in index), index


def without_generic_words(corpus: Corpus) -> Corpus:
    """``corpus`` without its one-word gold mentions of generic words (*traitement*, *patients*, *étude*).

    Third-party corpora annotate them; medgloss deliberately does not (``data/generic_fr.txt``).
    """
    generic = {inflection_key(w) for w in GENERIC}
    documents = [
        replace(
            doc,
            spans=[s for s in doc.spans if " " in s.text.strip() or inflection_key(s.text) not in generic],
        )
        for doc in corpus.documents
    ]
    return replace(corpus, documents=documents, name=f"{corpus.name} (no generic words)")


@dataclass(slots=True)
class ExtractorReport:
    """Scores of one corpus: ``scores[setting][exact|overlap][label]``, EN accuracy, error counts.

    EN accuracy pairs each gold term with the mention of the same offsets, nested ones included
    (``traitement par <oseltamivir>``), else with the one overlapping it most.
    """

    corpus: str
    split: str
    mode: str
    documents: int
    scores: dict[str, dict[str, dict[str, PRF]]] = field(default_factory=dict)
    en: dict[str, ENScore] = field(default_factory=dict)
    by_document: dict[str, dict[str, PRF]] = field(default_factory=dict)
    """Overlap scores of each document (``ALL`` row), by setting."""
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def to_json(self, errors: int = 20) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "split": self.split,
            "mode": self.mode,
            "documents": self.documents,
            "seconds": round(self.seconds, 2),
            "scores": {
                setting: {
                    match: {label: prf.to_json() for label, prf in rows.items()} for match, rows in by.items()
                }
                for setting, by in self.scores.items()
            },
            "en": {setting: score.to_json() for setting, score in self.en.items()},
            "by_document": {
                setting: {doc: prf.to_json() for doc, prf in docs.items()}
                for setting, docs in self.by_document.items()
            },
            "missed": self.missed.most_common(errors),
            "spurious": self.spurious.most_common(errors),
        }


def predictions(
    corpus: Corpus, *, mode: str = "full", glossary: Sequence[str] = ()
) -> list[tuple[Annotation, list[int]]]:
    """The annotation of every document (of its apostrophe-rejoined text) and the offset map back."""
    prepared = [rejoin_apostrophes(doc.text) for doc in corpus.documents]
    anns = annotate_many(
        (text for text, _ in prepared),
        sources=[doc.id for doc in corpus.documents],
        mode=mode,
        glossary=glossary,
        batch_size=64,
    )
    return [(ann, index) for ann, (_, index) in zip(anns, prepared, strict=True)]


def _predicted(
    ann: Annotation, index: list[int], corpus: Corpus, setting: str, nested: bool
) -> list[Predicted]:
    out = []
    for m in ann.terms:
        if m.lang != "fr" or (m.nested and not nested) or m.end <= m.start:
            continue
        if setting == "glossary" and m.source == "candidate":
            continue
        label = group_of(m.category) if corpus.labels == "umls" else m.category
        out.append(
            Predicted(
                index[m.start],
                index[m.end - 1] + 1,
                label,
                m.text,
                m.en,
                m.source,
                m.concept_id,
                m.category,
            )
        )
    return out


def evaluate_extractor(
    corpus: Corpus, *, mode: str = "full", glossary: Sequence[str] = ()
) -> ExtractorReport:
    """Run the extractor on ``corpus`` and score it (``mode`` ``fast`` skips the candidates setting)."""
    began = time.perf_counter()
    annotated = predictions(corpus, mode=mode, glossary=glossary)
    report = ExtractorReport(corpus.name, corpus.split, mode, len(corpus.documents))
    settings = SETTINGS if mode == "full" else SETTINGS[:1]
    for setting in settings:
        pairs = [
            (doc.spans, _predicted(ann, index, corpus, setting, corpus.nested))
            for doc, (ann, index) in zip(corpus.documents, annotated, strict=True)
        ]
        report.scores[setting] = {
            "exact": score_spans(pairs, overlap=False),
            "overlap": score_spans(pairs, overlap=True),
        }
        report.by_document[setting] = {
            doc.id: score_spans([pair], overlap=True)[ALL]
            for doc, pair in zip(corpus.documents, pairs, strict=True)
        }
        if any(span.en for doc in corpus.documents for span in doc.spans):
            report.en[setting] = en_score(
                (doc.spans, _predicted(ann, index, corpus, setting, True))
                for doc, (ann, index) in zip(corpus.documents, annotated, strict=True)
            )
        if setting == settings[-1]:
            report.missed, report.spurious = error_counts(pairs)
    report.seconds = time.perf_counter() - began
    return report
