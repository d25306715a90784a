"""Orphanet rare diseases: the Orphadata ``product1`` XML files in French and English, matched on OrphaCode.

A product1 file (``fr_product1.xml``, ``en_product1.xml``) lists disorders as
``JDBOR > DisorderList > Disorder``, each with its ``OrphaCode``, ``Name lang=…``, a
``SynonymList`` of ``Synonym``, a ``DisorderType``, status flags (``DisorderFlagList``), mappings
to other terminologies (``ExternalReferenceList``) and, in recent files, a definition
(``SummaryInformationList``). The two files may be given in any order: the ``lang`` of their
names tells which is which.

Each disorder found in both files becomes a read-only concept ``orpha:558`` of category
``disorder`` with ``codes.orpha`` (plus ``icd10``/``icd11`` when Orphanet gives exactly one
*exact* mapping), the French name preferred, French synonyms admitted (all-capital ones as
acronyms), the English name and synonyms, and the definitions. Not imported, and reported:
inactive, deprecated or obsolete entries, entries of type *Category* (unless ``everything``), and
entries missing from one of the files. Orphadata is published under CC BY 4.0.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..errors import InputError
from ..exchange.builder import ConceptDraft, ExchangeReport
from ..i18n import _
from .harvest import Harvest

__all__ = ["read_orphanet"]

_INACTIVE = ("inactive", "deprecated entity", "obsolete entity")
_DEFINITION_TYPE = "16907"
_ACRONYM = re.compile(r"[A-Z0-9][A-Z0-9-]*[A-Z][A-Z0-9-]*")


@dataclass(slots=True)
class _Disorder:
    code: str
    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    type: str = ""
    flags: list[str] = field(default_factory=list)
    exact: dict[str, list[str]] = field(default_factory=dict)
    definition: str = ""


@dataclass(slots=True)
class _Product:
    path: Path
    lang: str = ""
    date: str = ""
    version: str = ""
    licence: str = ""
    disorders: dict[str, _Disorder] = field(default_factory=dict)


def read_orphanet(
    paths: Sequence[str | Path],
    *,
    limit: int | None = None,
    everything: bool = False,
    version: str | None = None,
) -> Harvest:
    """Drafts for the disorders of a French and an English product1 file (``paths``, any order);
    ``limit`` reads only the first disorders of the French file.

    Raises InputError (with the line) for unreadable, malformed or unsafe XML, and when the two
    files are not one French and one English product1 file.
    """
    if len(paths) != 2:
        raise InputError(_("the Orphanet importer reads two files: fr_product1.xml and en_product1.xml"))
    products = [_read(Path(p), limit) for p in paths]
    by_lang = {p.lang: p for p in products}
    if set(by_lang) != {"fr", "en"}:
        raise InputError(
            _("give one French and one English product1 file (found languages: {langs})").format(
                langs=", ".join(p.lang or "?" for p in products)
            ),
            products[1].path,
        )
    fr, en = by_lang["fr"], by_lang["en"]
    version = version or " ".join(x for x in (fr.version, fr.date) if x) or "?"
    report = ExchangeReport()
    source = _("Orphanet (Orphadata), {version}").format(version=version)
    drafts: list[ConceptDraft] = []
    for code, fr_disorder in fr.disorders.items():
        where = f"{fr.path}:{fr_disorder.line}"
        en_disorder = en.disorders.get(code)
        if en_disorder is None:
            report.add(_("disorders missing from the English file not imported"), where)
            continue
        if any(flag.lower() in _INACTIVE for flag in en_disorder.flags):
            report.add(_("inactive, deprecated or obsolete disorders not imported"), where)
            continue
        if en_disorder.type.lower() == "category" and not everything:
            report.add(_("entries of type 'Category' (groupings) not imported"), where)
            continue
        drafts.append(_draft(fr_disorder, en_disorder, where, source, report))
    header = {
        "domain": "orphanet",
        "description": _(
            "Orphanet nomenclature of rare diseases, French and English names, synonyms and "
            "definitions, imported read-only. Source: Orphanet, Orphadata (https://www.orphadata.com), "
            "{version}"
        ).format(version=version),
        "source": _("Orphanet, Orphadata product1 ({fr}, {en})").format(fr=fr.path.name, en=en.path.name),
        "licence": fr.licence or en.licence or "CC-BY-4.0",
        "version": version,
    }
    return Harvest(drafts, header, len(fr.disorders), report)


def _draft(fr: _Disorder, en: _Disorder, where: str, source: str, report: ExchangeReport) -> ConceptDraft:
    codes = {"orpha": f"ORPHA:{fr.code}"}
    for system, key in (("icd10", "ICD-10"), ("icd11", "ICD-11")):
        exact = en.exact.get(key, [])
        if len(exact) == 1:
            codes[system] = exact[0]
        elif exact:
            report.add(_("several exact mappings to one code system: none kept"), where)
    draft = ConceptDraft(
        raw_id=f"orpha:{fr.code}",
        where=where,
        category="disorder",
        definition={k: v for k, v in (("fr", fr.definition), ("en", en.definition)) if v},
        codes=codes,
        source=source,
        read_only=True,
    )
    for lang, disorder in (("fr", fr), ("en", en)):
        for k, text in enumerate([disorder.name, *disorder.synonyms]):
            term = draft.term(lang, text, report)
            if term is None:
                continue
            term.status = "preferred" if k == 0 else "admitted"
            if k and _ACRONYM.fullmatch(text.strip()) and len(text.strip()) <= 10:
                term.type = "acronym"
    return draft


def _read(path: Path, limit: int | None) -> _Product:
    product = _Product(path)
    try:
        for disorder in _disorders(path, product):
            product.disorders.setdefault(disorder.code, disorder)
            if limit is not None and product.lang == "fr" and len(product.disorders) >= limit:
                break  # the English file is read whole: its order may differ
    except DefusedXmlException:
        raise InputError(
            _("unsafe XML refused: the file declares entities (billion laughs or external entities)"), path
        ) from None
    except ET.ParseError as err:
        raise InputError(
            _("not well-formed XML: {message}").format(message=str(err).split(":")[0]), path, err.position[0]
        ) from None
    except OSError as err:
        raise InputError(err.strerror or str(err), path) from None
    if not product.lang:
        raise InputError(_("no disorders with a name found: is this an Orphadata product1 file?"), path)
    return product


class _Builder(ET.TreeBuilder):
    """Builds the tree of a product1 file, and hands over each top-level ``Disorder`` with its line."""

    def __init__(self, path: Path, product: _Product):
        super().__init__()
        self.path = path
        self.product = product
        self.parser: ET.XMLParser | None = None
        self.root_seen = False
        self.lines: list[int] = []
        self.done: list[tuple[ET.Element, int]] = []

    def _where(self) -> int:
        expat = getattr(self.parser, "parser", None)
        return int(getattr(expat, "CurrentLineNumber", 0))

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:
        if not self.root_seen and tag != "JDBOR":
            raise InputError(
                _("not an Orphadata file: the root element is <{name}>, not <JDBOR>").format(name=tag),
                self.path,
                self._where(),
            )
        self.root_seen = True
        if tag == "JDBOR":
            self.product.date = attrs.get("date", "")
            self.product.version = attrs.get("version", "")
        if tag == "Disorder":
            self.lines.append(self._where())
        return super().start(tag, attrs)

    def end(self, tag: str) -> ET.Element:
        el = super().end(tag)
        if tag == "ShortIdentifier" and not self.product.licence:
            self.product.licence = _text(el)
        if tag == "Disorder":
            line = self.lines.pop()
            if not self.lines:  # not a disorder named inside another one (associations)
                self.done.append((el, line))
        return el


def _disorders(path: Path, product: _Product) -> Iterator[_Disorder]:
    """The top-level disorders of ``path``, streamed."""
    builder = _Builder(path, product)
    parser = SafeET.DefusedXMLParser(target=builder)
    builder.parser = parser
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 16):
            parser.feed(chunk)
            yield from _take(builder, path, product)
        parser.close()
    yield from _take(builder, path, product)


def _take(builder: _Builder, path: Path, product: _Product) -> Iterator[_Disorder]:
    done, builder.done = builder.done, []
    for el, line in done:
        found = _disorder(el, line)
        el.clear()
        if found is None:
            continue
        disorder, lang = found
        if product.lang and lang != product.lang:
            raise InputError(
                _("disorder names in two languages ({a} and {b}) in one file").format(a=product.lang, b=lang),
                path,
                line,
            )
        product.lang = lang
        yield disorder


def _text(el: ET.Element | None) -> str:
    return " ".join((el.text or "").split()) if el is not None else ""


def _disorder(el: ET.Element, line: int) -> tuple[_Disorder, str] | None:
    code = _text(el.find("OrphaCode")) or _text(el.find("OrphaNumber"))
    name_el = el.find("Name")
    name = _text(name_el)
    if not code or not name or name_el is None:
        return None
    disorder = _Disorder(code, name, line)
    disorder.synonyms = [t for s in el.findall("SynonymList/Synonym") if (t := _text(s))]
    disorder.type = _text(el.find("DisorderType/Name"))
    disorder.flags = [t for f in el.findall("DisorderFlagList/DisorderFlag/Label") if (t := _text(f))]
    for ref in el.findall("ExternalReferenceList/ExternalReference"):
        relation = _text(ref.find("DisorderMappingRelation/Name"))
        if relation.startswith("E "):
            disorder.exact.setdefault(_text(ref.find("Source")), []).append(_text(ref.find("Reference")))
    for section in el.iter("TextSection"):
        kind = section.find("TextSectionType")
        if kind is not None and kind.get("id") == _DEFINITION_TYPE:
            disorder.definition = _text(section.find("Contents"))
            break
    return disorder, name_el.get("lang", "").lower()
