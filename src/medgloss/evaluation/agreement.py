"""EN agreement: for French terms the glossary shares with a third-party FR–EN list, how often our
English (preferred or admitted) is theirs, up to case, number and en-GB/en-US spelling.

Pairs are counted once per source and (French, English) key. A disagreement is *explained* when
the concept's note names their English term, or when their term is one of our deprecated or
forbidden English terms (an explicit rejection).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..i18n import _
from .corpora import corpora_root
from .documents import CorpusError
from .english import en_key, same_english
from .linking import Link, clean_surface, link_terms
from .pairs import TermPair, read_mantra_pairs, read_tico_terms

__all__ = ["SOURCES", "AgreementReport", "AgreementRow", "Disagreement", "en_agreement", "load_pairs"]

SOURCES = {
    "mantra": ("mantra-gsc/derived/fr_en_term_pairs.tsv",),
    "tico-facebook": ("tico19-en-fr/terminologies/f_en-fr_XX.csv",),
    "tico-google": ("tico19-en-fr/terminologies/g_en_fr-FR.csv", "tico19-en-fr/terminologies/g_fr_en.csv"),
}
"""Pair lists by source name, as paths inside the corpora folder."""


def load_pairs(sources: Sequence[str] = tuple(SOURCES), corpora: str | Path | None = None) -> list[TermPair]:
    """The term pairs of ``sources`` (names of ``SOURCES``)."""
    root = corpora_root(corpora)
    pairs: list[TermPair] = []
    for name in sources:
        if name not in SOURCES:
            raise CorpusError(
                _("unknown pair source {name!r}; choose among {choices}").format(
                    name=name, choices=", ".join(SOURCES)
                )
            )
        for relative in SOURCES[name]:
            path = root / relative
            pairs.extend(read_mantra_pairs(path, name) if name == "mantra" else read_tico_terms(path, name))
    return pairs


@dataclass(frozen=True, slots=True)
class Disagreement:
    """A shared French term whose third-party English is none of ours."""

    source: str
    fr: str
    theirs: str
    concept_id: str
    ours: tuple[str, ...]
    explained: bool
    note: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "fr": self.fr,
            "theirs": self.theirs,
            "concept_id": self.concept_id,
            "ours": list(self.ours),
            "explained": self.explained,
            "note": self.note,
        }


@dataclass(slots=True)
class AgreementRow:
    """Counts of one source."""

    pairs: int = 0
    shared: int = 0
    agree: int = 0
    explained: int = 0

    @property
    def rate(self) -> float:
        return self.agree / self.shared if self.shared else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "pairs": self.pairs,
            "shared": self.shared,
            "agree": self.agree,
            "rate": round(self.rate, 4),
            "disagree_explained": self.explained,
            "disagree_unexplained": self.shared - self.agree - self.explained,
        }


@dataclass(slots=True)
class AgreementReport:
    """Agreement by source, and every disagreement."""

    rows: dict[str, AgreementRow] = field(default_factory=dict)
    disagreements: list[Disagreement] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": {source: row.to_json() for source, row in self.rows.items()},
            "disagreements": [d.to_json() for d in self.disagreements],
        }


def _explained(link: Link, theirs: str) -> bool:
    key = en_key(theirs)
    return bool(link.note and key in en_key(link.note)) or same_english(theirs, link.rejected)


def en_agreement(pairs: Sequence[TermPair], *, glossary: Sequence[str] = ()) -> AgreementReport:
    """Compare our English with the English of ``pairs`` for every French term we link."""
    links = link_terms((p.fr for p in pairs), glossary=glossary)
    report = AgreementReport()
    seen: set[tuple[str, str, str]] = set()
    for pair in pairs:
        key = (pair.source, clean_surface(pair.fr).lower(), en_key(pair.en))
        if key in seen:
            continue
        seen.add(key)
        row = report.rows.setdefault(pair.source, AgreementRow())
        row.pairs += 1
        link = links[pair.fr]
        if link is None:
            continue
        row.shared += 1
        if same_english(pair.en, link.en_terms):
            row.agree += 1
            continue
        explained = _explained(link, pair.en)
        row.explained += explained
        report.disagreements.append(
            Disagreement(pair.source, pair.fr, pair.en, link.concept_id, link.en_terms, explained, link.note)
        )
    return report
