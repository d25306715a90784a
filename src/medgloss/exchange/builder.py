"""From imported records to valid concepts: what the importers share.

An importer fills one ``ConceptDraft`` per entry of the source file with whatever the file says
(raw language tags, status names, free-form values). ``finish`` turns the drafts into concepts that
``medgloss glossary validate`` accepts: ids made valid and unique, terms trimmed, values mapped
onto ours, exactly one preferred term per language. Whatever it cannot map or has to change is
counted in the ``ExchangeReport``, never dropped silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from ..glossary_validate import check_code
from ..i18n import _
from ..model import CATEGORIES, CODE_SYSTEMS, Concept, Term
from ..typography import fold

__all__ = [
    "CODE_SYSTEM_NAMES",
    "ConceptDraft",
    "ExchangeReport",
    "ImportResult",
    "TermDraft",
    "finish",
    "map_lang",
    "slug",
]

_STATUS = {
    "preferred": "preferred",
    "preferredterm": "preferred",
    "standardizedterm": "preferred",
    "admitted": "admitted",
    "admittedterm": "admitted",
    "legalterm": "admitted",
    "regulatedterm": "admitted",
    "deprecated": "deprecated",
    "deprecatedterm": "deprecated",
    "supersededterm": "deprecated",
    "superseded": "deprecated",
    "obsolete": "deprecated",
    "obsoleteterm": "deprecated",
    "notrecommended": "deprecated",
    "forbidden": "forbidden",
    "forbiddenterm": "forbidden",
}
_TYPE = {
    "full": "full",
    "fullform": "full",
    "term": "full",
    "mainentryterm": "full",
    "abbreviation": "abbreviation",
    "abbreviatedform": "abbreviation",
    "shortform": "short-form",
    "initialism": "abbreviation",
    "acronym": "acronym",
    "formula": "formula",
    "variant": "variant",
    "spellingvariant": "variant",
    "orthographicvariant": "variant",
    "lookupform": "variant",
}
_GENDER = {
    "m": "m",
    "masculine": "m",
    "masc": "m",
    "masculin": "m",
    "f": "f",
    "feminine": "f",
    "fem": "f",
    "feminin": "f",
    "mf": "mf",
    "common": "mf",
    "epicene": "mf",
}
_NUMBER = {"sg": "sg", "singular": "sg", "singulier": "sg", "pl": "pl", "plural": "pl", "pluriel": "pl"}
_REGISTER = {
    "lay": "lay",
    "neutralregister": "lay",
    "colloquialregister": "lay",
    "professional": "professional",
    "technicalregister": "professional",
}
_VARIANT = {
    "engb": "en-GB",
    "gb": "en-GB",
    "uk": "en-GB",
    "enuk": "en-GB",
    "british": "en-GB",
    "enus": "en-US",
    "us": "en-US",
    "american": "en-US",
}
_MAPS = {
    "status": _STATUS,
    "type": _TYPE,
    "gender": _GENDER,
    "number": _NUMBER,
    "register": _REGISTER,
    "variant": _VARIANT,
}
CODE_SYSTEM_NAMES = {name: name for name in CODE_SYSTEMS} | {
    "cim10": "icd10",
    "icd": "icd10",
    "cim11": "icd11",
    "orphanet": "orpha",
    "orphacode": "orpha",
    "cui": "umls",
}
"""Code system names that importers accept, folded to ours."""
_TBX_SUFFIX = re.compile(r"-?admn-?sts$")


def _norm(value: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _TBX_SUFFIX.sub("", fold(value.strip())))


def map_lang(tag: str) -> tuple[str, str | None] | None:
    """``(lang, en variant)`` for a language tag, None for a language other than French or English.

    >>> map_lang("fr-FR"), map_lang("EN_us"), map_lang("en"), map_lang("de")
    (('fr', None), ('en', 'en-US'), ('en', None), None)
    """
    parts = re.split(r"[-_]", tag.strip())
    lang = parts[0].lower()
    if lang not in ("fr", "en"):
        return None
    region = parts[1].upper() if len(parts) > 1 else ""
    if lang == "en" and region in ("GB", "UK"):
        return "en", "en-GB"
    if lang == "en" and region == "US":
        return "en", "en-US"
    return lang, None


def slug(text: str) -> str:
    """An id made of ``text``: lower-case ASCII words joined by ``_``.

    >>> slug("Inhibiteur de la pompe à protons (IPP)")
    'inhibiteur_de_la_pompe_a_protons_ipp'
    """
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")[:64].rstrip("_")


class ExchangeReport:
    """What an import or export could not carry over or had to change, counted by kind."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()
        self._first: dict[str, str] = {}

    def add(self, message: str, example: str | None = None, count: int = 1) -> None:
        """Count ``count`` occurrences of ``message``; ``example`` says where the first one is."""
        self._counts[message] += count
        if example and message not in self._first:
            self._first[message] = example

    def __bool__(self) -> bool:
        return bool(self._counts)

    def __len__(self) -> int:
        return len(self._counts)

    def count(self, message: str) -> int:
        return self._counts[message]

    def lines(self) -> list[str]:
        """One line per kind: the message, how many, and where the first one is."""
        out = []
        for message, n in self._counts.items():
            first = self._first.get(message)
            out.append(
                _("{message}: {count} (first: {where})").format(message=message, count=n, where=first)
                if first
                else _("{message}: {count}").format(message=message, count=n)
            )
        return out


@dataclass(slots=True)
class TermDraft:
    """A term as the source file gives it."""

    text: str
    lang: str
    variant: str | None = None
    status: str | None = None
    type: str | None = None
    gender: str | None = None
    number: str | None = None
    register: str | None = None
    needs_definition: bool = False
    notes: list[str] = field(default_factory=list)

    def set(self, key: str, raw: str, report: ExchangeReport, where: str) -> None:
        """Set ``key`` (status, type, gender, number, register, variant) from a foreign value."""
        value = _MAPS[key].get(_norm(raw))
        if value == "short-form" and " " not in self.text:
            upper, lower = sum(c.isupper() for c in self.text), sum(c.islower() for c in self.text)
            if upper > 1 and upper >= lower:  # IATE calls its abbreviations "short forms": "IDM"
                value = "abbreviation"  # but not "Cockcroft-Gault"
        if value is None:
            report.add(
                _("{key} value {value!r} not understood (left out)").format(key=key, value=raw.strip()),
                where,
            )
            return
        setattr(self, key, value)


@dataclass(slots=True)
class ConceptDraft:
    """An entry as the source file gives it; ``where`` locates it for reports."""

    raw_id: str | None
    where: str
    category: str | None = None
    domain: str | None = None
    definition: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    source: str | None = None
    read_only: bool = False
    terms: list[TermDraft] = field(default_factory=list)

    def term(self, lang_tag: str, text: str, report: ExchangeReport) -> TermDraft | None:
        """A new term in language ``lang_tag``; None (reported) for languages other than fr/en."""
        mapped = map_lang(lang_tag)
        if mapped is None:
            report.add(_("terms in languages other than French and English not imported"), self.where)
            return None
        if lang_tag.lower().startswith("en-") and mapped[1] is None:
            report.add(
                _("English variant {tag} has no equivalent (imported as plain English)").format(tag=lang_tag),
                self.where,
            )
        draft = TermDraft(text, mapped[0], variant=mapped[1])
        self.terms.append(draft)
        return draft


@dataclass(slots=True)
class ImportResult:
    """Concepts read from an exchange file, and what could not be carried over."""

    concepts: list[Concept]
    report: ExchangeReport
    source: str
    entries: int = 0

    def main_domain(self) -> str | None:
        """The most frequent domain among the concepts."""
        counts = Counter(c.domain for c in self.concepts if c.domain)
        return counts.most_common(1)[0][0] if counts else None


def finish(
    drafts: list[ConceptDraft],
    report: ExchangeReport,
    *,
    category: str = "other",
    domain: str = "imported",
) -> list[Concept]:
    """Valid concepts for ``drafts`` (see the module docstring); changes go to ``report``."""
    out: list[Concept] = []
    ids: set[str] = set()
    for draft in drafts:
        terms = _terms(draft, report)
        missing = [lang for lang in ("fr", "en") if not any(t.lang == lang for t in terms)]
        if missing:
            report.add(
                _("entries without a usable {lang} term not imported").format(lang=" / ".join(missing)),
                draft.where,
            )
            continue
        cid = _concept_id(draft, terms, ids, report)
        ids.add(cid)
        cat = draft.category
        if cat not in CATEGORIES:
            if cat:
                report.add(
                    _("unknown category {value!r} (imported as {default})").format(
                        value=cat, default=category
                    ),
                    draft.where,
                )
            cat = category
        codes = {}
        for system, value in draft.codes.items():
            why = check_code(system, value)
            if why:
                report.add(_("codes not imported: {why}").format(why=why), draft.where)
            else:
                codes[system] = value
        out.append(
            Concept(
                id=cid,
                category=cat,
                domain=(draft.domain or "").strip() or domain,
                terms=terms,
                definition={k: " ".join(v.split()) for k, v in draft.definition.items() if v.strip()},
                codes=codes,
                note="\n".join(draft.notes) or None,
                source=draft.source,
                read_only=draft.read_only,
            )
        )
    return out


def _terms(draft: ConceptDraft, report: ExchangeReport) -> list[Term]:
    """Clean terms, French first, with exactly one preferred term per language (when possible)."""
    out: list[Term] = []
    for lang in ("fr", "en"):
        seen: set[str] = set()
        kept: list[TermDraft] = []
        for t in (t for t in draft.terms if t.lang == lang):
            text = unicodedata.normalize("NFC", " ".join(t.text.split()))
            if not text:
                report.add(_("empty terms skipped"), draft.where)
                continue
            if text != t.text:
                report.add(_("terms trimmed of extra spaces or line breaks"), draft.where)
                t.text = text
            if text in seen:
                report.add(_("repeated terms merged"), draft.where)
                continue
            seen.add(text)
            kept.append(t)
        preferred = [t for t in kept if t.status == "preferred"]
        for extra in preferred[1:]:
            report.add(
                _("several preferred terms in one language: the first kept, others admitted"), draft.where
            )
            extra.status = "admitted"
        if kept and not preferred:
            usable = next((t for t in kept if t.status not in ("deprecated", "forbidden")), None)
            if usable is None:
                report.add(
                    _("no usable {lang} term (all deprecated or forbidden)").format(lang=lang), draft.where
                )
                continue
            usable.status = "preferred"
        for t in kept:
            if t.lang == "en" and t.gender:
                report.add(_("gender of English terms left out"), draft.where)
                t.gender = None
            out.append(
                Term(
                    text=t.text,
                    lang=t.lang,
                    status=t.status or "admitted",
                    type=t.type or "full",
                    gender=t.gender,
                    number=t.number or "sg",
                    register=t.register,
                    variant=t.variant if t.lang == "en" else None,
                    needs_definition=t.needs_definition,
                    note="\n".join(t.notes) or None,
                )
            )
    return out


def _concept_id(draft: ConceptDraft, terms: list[Term], taken: set[str], report: ExchangeReport) -> str:
    raw = (draft.raw_id or "").strip()
    base = re.sub(r"[^a-z0-9_.:-]+", "_", raw.lower()).strip("_.:-")
    if not base:
        en = next(t.text for t in terms if t.lang == "en" and t.status == "preferred")
        base = slug(en) or "concept"
    elif base != raw:
        report.add(_("ids changed to lower-case ASCII"), f"{raw} → {base}")
    cid, n = base, 1
    while cid in taken:
        n += 1
        cid = f"{base}_{n}"
    if cid != base:
        report.add(_("repeated ids made unique"), f"{base} → {cid}")
    return cid
