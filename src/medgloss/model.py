"""The termbase data model: concepts that carry French and English terms, and productive patterns."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "CATEGORIES",
    "CODE_SYSTEMS",
    "ELLIPTICAL",
    "LANGS",
    "STATUSES",
    "TERM_TYPES",
    "Concept",
    "Pattern",
    "Term",
    "concept_from_tuple",
    "concept_to_tuple",
]

LANGS = ("fr", "en")
STATUSES = ("preferred", "admitted", "deprecated", "forbidden")
TERM_TYPES = ("full", "abbreviation", "acronym", "formula", "variant", "short-form")
GENDERS = ("m", "f", "mf")
NUMBERS = ("sg", "pl")
REGISTERS = ("lay", "professional")
EN_VARIANTS = ("en-GB", "en-US")
CATEGORIES = (
    "disorder",
    "sign-symptom",
    "drug",
    "drug-class",
    "anatomy",
    "physiology",
    "procedure",
    "test",
    "substance",
    "organism",
    "device",
    "public-health",
    "research",
    "pharmaceutical-form",
    "other",
)
CODE_SYSTEMS = ("icd10", "icd11", "mesh", "hpo", "orpha", "atc", "umls")
"""Code systems a concept may cite (``umls`` is for imported data that already carries CUIs)."""

SHORT_TYPES = ("abbreviation", "acronym")
ELLIPTICAL = "short-form"
"""Type of a term that stands for its concept only after a fuller term of it (*crise* after *crise de
goutte*): TBX's ``shortForm``."""


@dataclass(frozen=True, slots=True)
class Term:
    """One designation of a concept in one language."""

    text: str
    lang: str
    status: str = "admitted"
    type: str = "full"
    gender: str | None = None
    number: str = "sg"
    register: str | None = None
    variant: str | None = None
    needs_definition: bool = False
    note: str | None = None
    line: int | None = field(default=None, compare=False)
    origin: str | None = field(default=None, compare=False)

    @property
    def is_short(self) -> bool:
        """True for abbreviations and acronyms, which are matched case-sensitively."""
        return self.type in SHORT_TYPES

    @property
    def usable(self) -> bool:
        """True when the term may be proposed as a rendering (preferred or admitted)."""
        return self.status in ("preferred", "admitted")


@dataclass(slots=True)
class Concept:
    """A meaning, with its terms in each language and what we know about it."""

    id: str
    category: str
    domain: str
    terms: list[Term] = field(default_factory=list)
    definition: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    note: str | None = None
    source: str | None = None
    path: str | None = None
    line: int | None = None
    read_only: bool = False

    def terms_in(self, lang: str) -> list[Term]:
        """The terms of one language (``fr`` or ``en``), in file order."""
        return [t for t in self.terms if t.lang == lang]

    def preferred(self, lang: str, variant: str | None = None) -> Term | None:
        """The preferred term of ``lang``; for English, its spelling in ``variant`` when asked."""
        terms = self.terms_in(lang)
        pref = next((t for t in terms if t.status == "preferred"), terms[0] if terms else None)
        if variant and pref is not None and pref.variant not in (None, variant):
            return next((t for t in terms if t.variant == variant and t.usable), pref)
        return pref

    def usable_terms(self, lang: str, variant: str | None = None) -> list[Term]:
        """Preferred and admitted terms of ``lang`` whose spelling fits ``variant`` (any when None)."""
        return [t for t in self.terms_in(lang) if t.usable and t.variant in (None, variant or t.variant)]

    def short_term(self, lang: str, variant: str | None = None) -> Term | None:
        """The first usable abbreviation, acronym or short form of ``lang`` (*DNA* for *ADN*)."""
        return next((t for t in self.usable_terms(lang, variant) if t.is_short), None)

    def alternatives(self, lang: str, variant: str | None = None) -> list[Term]:
        """Usable terms of ``lang`` other than the preferred one."""
        pref = self.preferred(lang, variant)
        return [t for t in self.terms_in(lang) if t.usable and t is not pref]


@dataclass(frozen=True, slots=True)
class Pattern:
    """A productive pattern such as ``inhibiteur de {X}`` ↔ ``{X} inhibitor``."""

    id: str
    category: str
    fr: tuple[str, ...]
    en: str
    slot: tuple[str, ...] = ()
    domain: str = ""
    path: str | None = None
    line: int | None = None
    alternatives: tuple[str, ...] = ()
    """Other acceptable English forms (``low {X}`` beside ``drop in {X}``)."""

    def compose_en(self, x_en: str, plural: bool = False, form: str | None = None) -> str:
        """The English term for a filler whose English is ``x_en`` (in ``form``, by default the
        pattern's ``en``); a ``plural`` filler placed before the head noun becomes singular, as
        English noun adjuncts are (*dégradation des purines* → "purine breakdown")."""
        form = form or self.en
        if plural and "{X} " in form:
            x_en = _singular_noun(x_en)
        if form[0].isupper():  # a proper name: "French Society of {X}" → "French Society of Neurology"
            x_en = " ".join(w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in x_en.split())
        return form.replace("{X}", x_en)

    def renderings(self, filler: Concept) -> list[str]:
        """Every acceptable English: each English form with each usable English term of ``filler``."""
        usable = [t.text for t in filler.usable_terms("en")]
        return [self.compose_en(x, form=form) for form in (self.en, *self.alternatives) for x in usable]


_SMALL_WORDS = frozenset({"a", "an", "and", "for", "in", "of", "on", "the", "to", "with"})
_SAME_IN_PLURAL = frozenset(
    {"diabetes", "faeces", "feces", "herpes", "measles", "mumps", "rabies", "scabies", "series", "species"}
)


def _singular_noun(phrase: str) -> str:
    """``phrase`` with its last word made singular when it has a regular English plural ending."""
    head, _, last = phrase.rpartition(" ")
    if len(last) > 3 and last.isalpha() and last.islower() and last not in _SAME_IN_PLURAL:
        if last.endswith("ies"):
            last = last[:-3] + "y"
        elif last.endswith(("sses", "xes", "ches", "shes")):
            last = last[:-2]
        elif last.endswith("s") and not last.endswith(("ss", "us", "is")):
            last = last[:-1]
    return f"{head} {last}" if head else last


def concept_to_tuple(concept: Concept) -> tuple[Any, ...]:
    """``concept`` as nested tuples of plain values (for caches: fast to pickle or marshal)."""
    terms = tuple(tuple(getattr(t, name) for name in _TERM_FIELDS) for t in concept.terms)
    c = concept
    return (
        c.id,
        c.category,
        c.domain,
        terms,
        c.definition,
        c.codes,
        c.note,
        c.source,
        c.path,
        c.line,
        c.read_only,
    )


def concept_from_tuple(data: tuple[Any, ...] | list[Any]) -> Concept:
    """The ``Concept`` that ``concept_to_tuple`` packed."""
    cid, category, domain, terms, definition, codes, note, source, path, line, read_only = data
    return Concept(
        id=cid,
        category=category,
        domain=domain,
        terms=[Term(*t) for t in terms],
        definition=definition,
        codes=codes,
        note=note,
        source=source,
        path=path,
        line=line,
        read_only=read_only,
    )


_TERM_FIELDS = tuple(f.name for f in fields(Term))
