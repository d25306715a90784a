"""TBX exchange: export as TBX-Basic (TBX v3, ISO 30042:2019), import TBX v3 and TBX v2 ``martif``.

Export writes the DCA style of the TBX-Basic dialect. What TBX-Basic has a data category for uses
it: ``subjectField`` (domain), ``definition`` (per language), ``note``, ``source``,
``administrativeStatus``, ``termType``, ``grammaticalGender``, ``geographicalUsage`` (en-GB/en-US);
two TBX core categories carry ``grammaticalNumber`` and ``register`` (lay → ``neutralRegister``,
professional → ``technicalRegister``). The rest is written with ``x-medgloss-`` types that other
tools skip: the concept's category, its codes (``icd10:M33.1``), read-only flags, a forbidden
status (also written as ``deprecatedTerm-admn-sts``), ``needs_definition`` and the ``mf`` gender.

Import reads TBX v3 (``conceptEntry``/``langSec``/``termSec``, DCA or DCT style) and TBX v2
(``termEntry``/``langSet``/``tig``/``ntig``, as written by IATE, Weblate or the Translate
Toolkit) through defusedxml: entity declarations (billion laughs, external entities) are refused.
Every element that has no place in a medgloss concept is counted in the report.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from .. import __version__
from ..errors import GlossaryError
from ..i18n import _
from ..model import Concept, Pattern, Term
from .builder import CODE_SYSTEM_NAMES, ConceptDraft, ExchangeReport, ImportResult, finish, map_lang

__all__ = ["read_tbx", "write_tbx"]

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
X = "x-medgloss-"
_STATUS = {
    "preferred": "preferredTerm-admn-sts",
    "admitted": "admittedTerm-admn-sts",
    "deprecated": "deprecatedTerm-admn-sts",
    "forbidden": "deprecatedTerm-admn-sts",
}
_TYPE = {
    "full": "fullForm",
    "abbreviation": "abbreviation",
    "acronym": "acronym",
    "formula": "formula",
    "variant": "variant",
    "short-form": "shortForm",
}
_GENDER = {"m": "masculine", "f": "feminine", "mf": "other"}
_REGISTER = {"lay": "neutralRegister", "professional": "technicalRegister"}
_GROUPS = ("descripGrp", "adminGrp", "termNoteGrp")
_TERM_KEYS = {
    "administrativeStatus": "status",
    "normativeAuthorization": "status",
    X + "status": "status",
    "termType": "type",
    "grammaticalGender": "gender",
    X + "gender": "gender",
    "grammaticalNumber": "number",
    "register": "register",
}
_DATA = ("descrip", "termNote", "admin", "ref", "xref", "transacNote", "date")


# --- export ---------------------------------------------------------------------------------


def write_tbx(
    concepts: Iterable[Concept], patterns: Iterable[Pattern] = (), *, title: str = "medgloss glossary"
) -> tuple[str, ExchangeReport]:
    """The TBX-Basic document of ``concepts``, and what it leaves out (patterns)."""
    report = ExchangeReport()
    root = ET.Element("tbx", {"type": "TBX-Basic", "style": "dca", XML_LANG: "fr", "xmlns": TBX_NS})
    file_desc = ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc")
    ET.SubElement(ET.SubElement(file_desc, "titleStmt"), "title").text = title
    ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p").text = f"medgloss {__version__}"
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for concept in concepts:
        body.append(_concept_entry(concept))
    skipped = sum(1 for _p in patterns)
    if skipped:
        report.add(_("productive patterns not exported (TBX has no place for them)"), count=skipped)
    ET.indent(root, space="  ")
    xml = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n", report


def _sub(parent: ET.Element, tag: str, text: str, kind: str | None = None) -> None:
    ET.SubElement(parent, tag, {"type": kind} if kind else {}).text = text


def _concept_entry(concept: Concept) -> ET.Element:
    entry = ET.Element("conceptEntry", {"id": concept.id})
    _sub(entry, "descrip", concept.domain, "subjectField")
    _sub(entry, "descrip", concept.category, X + "category")
    for system, code in concept.codes.items():
        _sub(entry, "admin", f"{system}:{code}", X + "code")
    if concept.source:
        _sub(entry, "admin", concept.source, "source")
    if concept.read_only:
        _sub(entry, "admin", "true", X + "readOnly")
    if concept.note:
        _sub(entry, "note", concept.note)
    for lang in ("fr", "en"):
        section = ET.SubElement(entry, "langSec", {XML_LANG: lang})
        if concept.definition.get(lang):
            _sub(section, "descrip", concept.definition[lang], "definition")
        for term in concept.terms_in(lang):
            section.append(_term_section(term))
    return entry


def _term_section(term: Term) -> ET.Element:
    sec = ET.Element("termSec")
    _sub(sec, "term", term.text)
    _sub(sec, "termNote", _STATUS[term.status], "administrativeStatus")
    _sub(sec, "termNote", _TYPE[term.type], "termType")
    if term.gender:
        _sub(sec, "termNote", _GENDER[term.gender], "grammaticalGender")
    if term.number == "pl":
        _sub(sec, "termNote", "plural", "grammaticalNumber")
    if term.register:
        _sub(sec, "termNote", _REGISTER[term.register], "register")
    if term.variant:
        _sub(sec, "termNote", term.variant, "geographicalUsage")
    if term.status == "forbidden":
        _sub(sec, "termNote", "forbidden", X + "status")
    if term.gender == "mf":
        _sub(sec, "termNote", "mf", X + "gender")
    if term.needs_definition:
        _sub(sec, "termNote", "true", X + "needsDefinition")
    if term.note:
        _sub(sec, "note", term.note)
    return sec


# --- import ---------------------------------------------------------------------------------


def read_tbx(path: str | Path, *, category: str = "other", domain: str = "imported") -> ImportResult:
    """The concepts of a TBX file (v3 or v2), with a report of what was not imported.

    Raises GlossaryError (exit status 2 in the CLI) for unreadable, malformed or unsafe XML and
    for XML that is not TBX.
    """
    report = ExchangeReport()
    drafts: list[ConceptDraft] = []
    seen_root = False
    try:
        for event, el in SafeET.iterparse(str(path), events=("start", "end")):
            name = _local(el.tag)
            if event == "start":
                if not seen_root:
                    if name not in ("tbx", "martif"):
                        raise GlossaryError(
                            _("not a TBX file: the root element is <{name}>, not <tbx> or <martif>").format(
                                name=name
                            ),
                            path,
                        )
                    seen_root = True
                continue
            if name in ("conceptEntry", "termEntry"):
                drafts.append(_read_entry(el, len(drafts) + 1, report))
                el.clear()
    except DefusedXmlException:
        raise GlossaryError(
            _("unsafe XML refused: the file declares entities (billion laughs or external entities)"), path
        ) from None
    except ET.ParseError as err:
        message = str(err).split(":")[0]
        raise GlossaryError(
            _("not well-formed XML: {message}").format(message=message), path, err.position[0]
        ) from None
    except OSError as err:
        raise GlossaryError(err.strerror or str(err), path) from None
    concepts = finish(drafts, report, category=category, domain=domain)
    return ImportResult(concepts, report, str(path), len(drafts))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(el: ET.Element) -> str:
    return "".join(el.itertext()).strip()


def _describe(el: ET.Element) -> str:
    kind = el.get("type")
    return f'<{_local(el.tag)} type="{kind}">' if kind else f"<{_local(el.tag)}>"


def _items(
    el: ET.Element, level: str, where: str, report: ExchangeReport
) -> Iterator[tuple[str, ET.Element]]:
    """``(data category, element)`` for a data element or the main element of a group."""
    name = _local(el.tag)
    if name == "transacGrp":
        report.add(_("transaction history (<transacGrp>) not imported"), where)
        return
    if name in _GROUPS:
        children = list(el)
        if not children:
            return
        yield from _items(children[0], level, where, report)
        for extra in children[1:]:
            report.add(
                _("{element} inside a group of {level} not imported").format(
                    element=_describe(extra), level=level
                ),
                where,
            )
        return
    if name in _DATA:
        yield el.get("type") or name, el
    else:  # "note", and DCT style elements named after their data category
        yield name, el


def _unmapped(el: ET.Element, level: str, where: str, report: ExchangeReport) -> None:
    report.add(_("{element} of {level} not imported").format(element=_describe(el), level=level), where)


def _read_entry(entry: ET.Element, number: int, report: ExchangeReport) -> ConceptDraft:
    raw_id = entry.get("id")
    draft = ConceptDraft(raw_id, raw_id or f"#{number}")
    level = _("entries")
    for child in entry:
        if _local(child.tag) in ("langSec", "langSet"):
            _read_language(child, draft, report)
            continue
        for kind, el in _items(child, level, draft.where, report):
            value = _text(el)
            if kind == "subjectField" and not draft.domain:
                draft.domain = value
            elif kind == "definition" and map_lang(el.get(XML_LANG, "")):
                lang = map_lang(el.get(XML_LANG, ""))
                assert lang is not None
                draft.definition.setdefault(lang[0], value)
            elif kind == "note":
                draft.notes.append(value)
            elif kind == "source" and not draft.source:
                draft.source = value
            elif kind == X + "category":
                draft.category = value
            elif kind == X + "code" and ":" in value:
                system, _sep, code = value.partition(":")
                draft.codes[CODE_SYSTEM_NAMES.get(system.strip().lower(), system.strip())] = code.strip()
            elif kind == X + "readOnly":
                draft.read_only = value.lower() == "true"
            else:
                _unmapped(el, level, draft.where, report)
    return draft


def _read_language(section: ET.Element, draft: ConceptDraft, report: ExchangeReport) -> None:
    tag = section.get(XML_LANG) or section.get("lang") or ""
    mapped = map_lang(tag)
    terms = [c for c in section if _local(c.tag) in ("termSec", "tig", "ntig")]
    if mapped is None:
        report.add(
            _("language sections other than French and English not imported ({lang})").format(
                lang=tag or "?"
            ),
            draft.where,
        )
        return
    lang = mapped[0]
    level = _("language sections")
    for child in section:
        if child in terms:
            _read_term(child, tag, draft, report)
            continue
        for kind, el in _items(child, level, draft.where, report):
            value = _text(el)
            if kind == "definition":
                if lang in draft.definition:
                    report.add(_("several definitions in one language: the first kept"), draft.where)
                else:
                    draft.definition[lang] = value
            elif kind == "note":
                draft.notes.append(f"({lang}) {value}")
                report.add(_("notes of language sections added to the concept note"), draft.where)
            else:
                _unmapped(el, level, draft.where, report)


def _read_term(section: ET.Element, lang_tag: str, draft: ConceptDraft, report: ExchangeReport) -> None:
    parts: list[ET.Element] = []
    for child in section:
        parts.extend(child if _local(child.tag) == "termGrp" else [child])
    text_el = next((p for p in parts if _local(p.tag) == "term"), None)
    if text_el is None:
        report.add(_("terms without a <term> element skipped"), draft.where)
        return
    term = draft.term(lang_tag, "".join(text_el.itertext()), report)
    if term is None:
        return
    level = _("terms")
    items = [
        item for part in parts if part is not text_el for item in _items(part, level, draft.where, report)
    ]
    ours = {kind[len(X) :] for kind, _el in items if kind.startswith(X)}  # our values win over TBX-Basic's
    for kind, el in items:
        value = _text(el)
        key = _TERM_KEYS.get(kind)
        if key is not None and (kind.startswith(X) or key not in ours):
            term.set(key, value, report, draft.where)
        elif key is not None:
            continue
        elif kind == "geographicalUsage" and term.lang == "en":
            term.set("variant", value, report, draft.where)
        elif kind == X + "needsDefinition":
            term.needs_definition = value.lower() == "true"
        elif kind in ("note", "usageNote"):
            term.notes.append(value)
        else:
            _unmapped(el, level, draft.where, report)
