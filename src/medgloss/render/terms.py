"""The terms of an annotated article, one row per concept (or per candidate), for every renderer.

A row gathers the top-level mentions of one concept (glossary terms, patterns, abbreviations) or
of one candidate lemma, in order of first occurrence, with what the termbase says about it.
Labels shown to people (category, status, source, code systems) are translated here.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..annotation import Annotation, Mention
from ..i18n import _
from ..termbase import TermBase

__all__ = [
    "TermRow",
    "category_label",
    "code_label",
    "context_of",
    "row_key",
    "sentence_at",
    "source_label",
    "status_label",
    "term_rows",
]

_WS = re.compile(r"\s+")
_SOURCE_RANK = {"glossary": 0, "pattern": 1, "abbreviation": 2, "candidate": 3}
_WORST_STATUS = ("forbidden", "deprecated", "preferred", "admitted")


@dataclass(slots=True)
class TermRow:
    """One concept or candidate of the article and its occurrences."""

    key: str
    source: str
    fr_forms: list[str]
    en: str | None
    category: str | None
    concept_id: str | None = None
    fr_preferred: str | None = None
    en_alternatives: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    occurrences: int = 0
    en_occurrences: int = 0
    first: int = -1
    context: str = ""
    score: float = 1.0
    codes: dict[str, str] = field(default_factory=dict)
    definition: dict[str, str] = field(default_factory=dict)
    avoid: list[tuple[str, str, str | None]] = field(default_factory=list)
    """English terms not to use: ``(term, status, note)``."""

    @property
    def status(self) -> str | None:
        """The status to show: a deprecated or forbidden form found wins over the others."""
        return next((s for s in _WORST_STATUS if s in self.statuses), None)

    @property
    def fr(self) -> str:
        """The French term to list: the preferred one, else the first form found."""
        return self.fr_preferred or next(iter(self.fr_forms), "")


def row_key(m: Mention) -> str:
    """The row a mention belongs to: its concept, else its lemma as a candidate or abbreviation."""
    if m.concept_id:
        return m.concept_id
    return f"{m.source}:{m.lemma.lower()}"


def sentence_at(ann: Annotation, offset: int) -> tuple[int, int]:
    """``(start, end)`` of the sentence holding ``offset`` (the whole line when there is none)."""
    starts = [s for s, _ in ann.sentences]
    k = bisect.bisect_right(starts, offset) - 1
    if k >= 0 and ann.sentences[k][0] <= offset < ann.sentences[k][1]:
        return ann.sentences[k]
    start = ann.text.rfind("\n", 0, offset) + 1
    end = ann.text.find("\n", offset)
    return start, len(ann.text) if end < 0 else end


def context_of(ann: Annotation, m: Mention) -> str:
    """The sentence around ``m``, white space collapsed."""
    start, end = sentence_at(ann, m.start)
    return _WS.sub(" ", ann.text[start:end]).strip()


def term_rows(ann: Annotation, termbase: TermBase) -> list[TermRow]:
    """Rows for the top-level mentions of ``ann``, in order of first occurrence."""
    rows: dict[str, TermRow] = {}
    for index, m in enumerate(ann.terms):
        if m.nested:
            continue
        key = row_key(m)
        row = rows.get(key)
        if row is None:
            row = rows[key] = _new_row(key, m, termbase)
        elif _SOURCE_RANK.get(m.source, 9) < _SOURCE_RANK.get(row.source, 9):
            row.source = m.source
        if m.lang != ann.lang:
            row.en_occurrences += 1
            continue
        row.occurrences += 1
        if row.first < 0:
            row.first = index
            row.context = context_of(ann, m)
        if m.text not in row.fr_forms and m.text.lower() not in {f.lower() for f in row.fr_forms}:
            row.fr_forms.append(m.text)
        if m.status and m.status not in row.statuses:
            row.statuses.append(m.status)
        row.score = max(row.score, m.score)
    return sorted(rows.values(), key=lambda r: (r.first < 0, r.first))


def _new_row(key: str, m: Mention, termbase: TermBase) -> TermRow:
    concept = termbase.get(m.concept_id) if m.concept_id else None
    row = TermRow(
        key=key,
        source=m.source,
        fr_forms=[],
        en=m.en,
        category=m.category,
        concept_id=m.concept_id,
        fr_preferred=m.fr_preferred,
        en_alternatives=list(m.en_alternatives),
        score=m.score,
    )
    if concept is not None:
        row.codes = dict(concept.codes)
        row.definition = dict(concept.definition)
        row.avoid = [
            (t.text, t.status, t.note)
            for t in concept.terms_in("en")
            if t.status in ("deprecated", "forbidden")
        ]
    return row


def category_label(category: str | None) -> str:
    """The category as shown to people."""
    labels = {
        "disorder": _("disorder"),
        "sign-symptom": _("sign or symptom"),
        "drug": _("drug"),
        "drug-class": _("drug class"),
        "anatomy": _("anatomy"),
        "physiology": _("physiology"),
        "procedure": _("procedure"),
        "test": _("test"),
        "substance": _("substance"),
        "organism": _("organism"),
        "device": _("device"),
        "public-health": _("public health"),
        "research": _("research"),
        "pharmaceutical-form": _("pharmaceutical form"),
        "other": _("other"),
    }
    return labels.get(category or "", _("uncategorised"))


def status_label(status: str | None) -> str:
    """The status of a term as shown to people (no status: a candidate to check)."""
    labels = {
        "preferred": _("preferred"),
        "admitted": _("admitted"),
        "deprecated": _("deprecated"),
        "forbidden": _("forbidden"),
    }
    return labels.get(status or "", _("to check"))


def source_label(source: str) -> str:
    """Where a term comes from, as shown to people."""
    labels = {
        "glossary": _("glossary"),
        "pattern": _("glossary pattern"),
        "abbreviation": _("abbreviation"),
        "candidate": _("candidate"),
    }
    return labels.get(source, source)


def code_label(system: str) -> str:
    """The usual name of a code system (``icd10`` → ``ICD-10``)."""
    names = {
        "icd10": "ICD-10",
        "icd11": "ICD-11",
        "mesh": "MeSH",
        "hpo": "HPO",
        "orpha": "Orphanet",
        "atc": "ATC",
        "umls": "UMLS",
    }
    return names.get(system, system)
