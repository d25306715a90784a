"""Glossary coverage: the share of a corpus's French gold term mentions the glossary links.

A mention is *linked* when its surface, looked up alone (``linking.link_terms``), is matched
whole by a glossary term or pattern. *Same group* counts linked mentions whose concept category
maps to the mention's UMLS group. Rows: ``ALL`` and each gold label; mentions and distinct terms
(surfaces lower-cased) are both counted.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .categories import group_of
from .corpora import Corpus
from .linking import clean_surface, link_terms
from .scoring import ALL

__all__ = ["CoverageReport", "CoverageRow", "glossary_coverage"]


@dataclass(slots=True)
class CoverageRow:
    """Counts of one label."""

    mentions: int = 0
    linked: int = 0
    same_group: int = 0
    terms: set[str] = field(default_factory=set)
    linked_terms: set[str] = field(default_factory=set)

    @property
    def share(self) -> float:
        return self.linked / self.mentions if self.mentions else 0.0

    @property
    def term_share(self) -> float:
        return len(self.linked_terms) / len(self.terms) if self.terms else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "mentions": self.mentions,
            "linked": self.linked,
            "share": round(self.share, 4),
            "same_group": self.same_group,
            "terms": len(self.terms),
            "linked_terms": len(self.linked_terms),
            "term_share": round(self.term_share, 4),
        }


@dataclass(slots=True)
class CoverageReport:
    """Coverage of one corpus by label, and the most frequent unlinked surfaces."""

    corpus: str
    split: str
    documents: int
    rows: dict[str, CoverageRow] = field(default_factory=dict)
    missing: Counter[str] = field(default_factory=Counter)

    def to_json(self, missing: int = 20) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "split": self.split,
            "documents": self.documents,
            "rows": {label: row.to_json() for label, row in self.rows.items()},
            "missing": self.missing.most_common(missing),
        }


def glossary_coverage(corpus: Corpus, *, glossary: Sequence[str] = ()) -> CoverageReport:
    """How much of ``corpus``'s gold mentions the glossary links, by label."""
    spans = [span for doc in corpus.documents for span in doc.spans]
    links = link_terms((span.text for span in spans), glossary=glossary)
    report = CoverageReport(corpus.name, corpus.split, len(corpus.documents))
    report.rows[ALL] = CoverageRow()
    for span in spans:
        key = clean_surface(span.text).lower()
        link = links[span.text]
        same = link is not None and (
            group_of(link.category) == span.label if corpus.labels == "umls" else link.category == span.label
        )
        for row in (report.rows[ALL], report.rows.setdefault(span.label, CoverageRow())):
            row.mentions += 1
            row.terms.add(key)
            if link is not None:
                row.linked += 1
                row.linked_terms.add(key)
                row.same_group += same
        if link is None:
            report.missing[key] += 1
    return report
