"""What annotating an article produces: term mentions, abbreviations, segments, sentences."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from . import __version__
from .language import Segment

__all__ = ["Abbreviation", "Annotation", "Mention", "annotation_from_json"]


@dataclass(slots=True)
class Mention:
    """One term found in the text; offsets are characters of the original decoded text."""

    start: int
    end: int
    text: str
    lemma: str
    concept_id: str | None
    en: str | None
    lang: str = "fr"
    source: str = "glossary"  # glossary | pattern | abbreviation | candidate
    status: str | None = None
    category: str | None = None
    domain: str | None = None
    score: float = 1.0
    en_alternatives: list[str] = field(default_factory=list)
    fr_preferred: str | None = None
    term_type: str | None = None
    ambiguous: list[str] = field(default_factory=list)
    nested: bool = False
    parent: int | None = None
    line: int = 1
    column: int = 1

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """``short`` defined as ``long`` at ``[start, end)`` (the short form's position)."""

    short: str
    long: str
    start: int
    end: int
    long_start: int
    long_end: int
    concept_id: str | None = None
    en: str | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Annotation:
    """The annotated article."""

    text: str
    source: str | None = None
    lang: str = "fr"
    mode: str = "full"
    segments: list[Segment] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    terms: list[Mention] = field(default_factory=list)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    encoding: str = "utf-8"

    @property
    def top_terms(self) -> list[Mention]:
        """Mentions that are not nested inside a longer one (what renderers highlight)."""
        return [m for m in self.terms if not m.nested]

    def lang_at(self, offset: int) -> str:
        """The language of the segment holding ``offset``."""
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.lang
        return self.lang

    def to_json(self) -> dict[str, Any]:
        """The JSON contract of DESIGN.md (plus a few fields renderers use)."""
        return {
            "medgloss": __version__,
            "source": self.source,
            "lang": self.lang,
            "mode": self.mode,
            "encoding": self.encoding,
            "segments": [{"start": s.start, "end": s.end, "lang": s.lang} for s in self.segments],
            "sentences": [{"start": s, "end": e} for s, e in self.sentences],
            "terms": [m.to_json() for m in self.terms],
            "abbreviations": [a.to_json() for a in self.abbreviations],
        }


def annotation_from_json(data: dict[str, Any]) -> Annotation:
    """Rebuild an ``Annotation`` from ``Annotation.to_json()`` output (``text`` must be present)."""
    return Annotation(
        text=data["text"],
        source=data.get("source"),
        lang=data.get("lang", "fr"),
        mode=data.get("mode", "full"),
        encoding=data.get("encoding", "utf-8"),
        segments=[Segment(s["start"], s["end"], s["lang"]) for s in data.get("segments", [])],
        sentences=[(s["start"], s["end"]) for s in data.get("sentences", [])],
        terms=[Mention(**m) for m in data.get("terms", [])],
        abbreviations=[Abbreviation(**a) for a in data.get("abbreviations", [])],
    )
