"""ICD-11 (WHO) French and English labels, from the SQLite database of the ``cim-11-certic`` package.

The package (optional extra ``medgloss[icd11]``) ships ``cim_11/cim-11.sqlite3`` with a table
``cim11(idc_id, icode, label, parent_idc_id, label_en)``: one row per ICD-11 MMS entity, its
code, French and English labels and its parent. Each coded entity becomes one read-only concept
``icd11:1a00`` with ``codes.icd11``; labels are copied unaltered (the WHO licence is CC BY-ND).

Not imported, and counted in the report:

- groupings without a code (chapters and blocks) and entities without a French label;
- residual categories (``…/mms/other``, ``…/mms/unspecified``: *Autres …*, *…, sans précision*);
- unless ``everything``: the branches that are not clinical vocabulary for articles (external
  causes, factors influencing health status, traditional medicine, functioning, and the
  extension codes for severity, time, topology, injury dimensions, devices, and non-medicinal
  substances, mostly foods listed as allergens).

Categories come from the branch: chapters of diseases → ``disorder``; symptoms and signs →
``sign-symptom``; extension codes for anatomy → ``anatomy``, histopathology → ``disorder``,
medicaments → ``drug``, infectious agents → ``organism``; with ``everything``, the branches
left out by default → ``other``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from importlib import metadata, resources
from pathlib import Path

from ..errors import InputError
from ..exchange.builder import ConceptDraft, ExchangeReport
from ..i18n import _
from .harvest import Harvest, file_date

__all__ = ["BRANCHES", "packaged_database", "read_icd11"]

PACKAGE = "cim-11-certic"
ENTITY = "http://id.who.int/icd/entity/"
BRANCHES: dict[str, str | None] = {
    # chapters
    "1435254666": "disorder",  # certain infectious or parasitic diseases
    "1630407678": "disorder",  # neoplasms
    "1766440644": "disorder",  # diseases of the blood
    "1954798891": "disorder",  # diseases of the immune system
    "21500692": "disorder",  # endocrine, nutritional or metabolic diseases
    "334423054": "disorder",  # mental, behavioural or neurodevelopmental disorders
    "274880002": "disorder",  # sleep-wake disorders
    "1296093776": "disorder",  # diseases of the nervous system
    "868865918": "disorder",  # diseases of the visual system
    "1218729044": "disorder",  # diseases of the ear
    "426429380": "disorder",  # diseases of the circulatory system
    "197934298": "disorder",  # diseases of the respiratory system
    "1256772020": "disorder",  # diseases of the digestive system
    "1639304259": "disorder",  # diseases of the skin
    "1473673350": "disorder",  # musculoskeletal system or connective tissue
    "30659757": "disorder",  # genitourinary system
    "577470983": "disorder",  # conditions related to sexual health
    "714000734": "disorder",  # pregnancy, childbirth or the puerperium
    "1306203631": "disorder",  # perinatal period
    "223744320": "disorder",  # developmental anomalies
    "1843895818": "sign-symptom",  # symptoms, signs or clinical findings
    "435227771": "disorder",  # injury, poisoning
    "850137482": None,  # external causes of morbidity or mortality
    "1249056269": None,  # factors influencing health status
    "1596590595": "disorder",  # codes for special purposes (COVID-19…)
    "718687701": None,  # traditional medicine conditions
    "231358748": None,  # functioning assessment
    # extension codes
    "437215757": "organism",  # infectious agents
    "1154280071": "anatomy",  # anatomy and topography
    "411368752": "disorder",  # histopathology
    "1170065830": "drug",  # medicaments
    "332114775": None,  # substances, chiefly nonmedicinal (mostly foods, as allergens)
    "979408586": None,  # the other extension codes (severity, temporality, devices…)
}
"""Category of each branch, by the WHO entity id of its top; None: not imported by default."""


def packaged_database() -> Path:
    """The SQLite file of the installed ``cim-11-certic`` package; InputError when it is missing."""
    try:
        root = resources.files("cim_11")
    except ModuleNotFoundError:
        raise InputError(
            _(
                "the ICD-11 importer needs the package {package}: pip install 'medgloss[icd11]' "
                "(or give the path of a cim-11.sqlite3 file)"
            ).format(package=PACKAGE)
        ) from None
    with resources.as_file(root / "cim-11.sqlite3") as path:
        return Path(path)


def read_icd11(
    paths: Sequence[str | Path],
    *,
    limit: int | None = None,
    everything: bool = False,
    version: str | None = None,
) -> Harvest:
    """Drafts for the coded ICD-11 entities of ``paths[0]`` (default: the installed package's
    database); ``limit`` reads only the first rows, ``everything`` keeps every branch."""
    if len(paths) > 1:
        raise InputError(_("the ICD-11 importer reads one database (cim-11.sqlite3)"))
    path = Path(paths[0]) if paths else packaged_database()
    if not path.is_file():
        raise InputError(_("no such file"), path)
    if version is None:
        version = (
            f"{PACKAGE} {metadata.version(PACKAGE)}"
            if not paths
            else _("{name} of {date}").format(name=path.name, date=file_date(path))
        )
    rows = _rows(path)
    parents = {idc: parent for idc, _code, _fr, parent, _en in rows}
    report = ExchangeReport()
    source = _("ICD-11 MMS (WHO), {version}").format(version=version)
    drafts: list[ConceptDraft] = []
    read = rows if limit is None else rows[:limit]
    for idc, code, fr, _parent, en in read:
        where = code or idc
        if not code:
            report.add(_("groupings without a code (chapters, blocks) not imported"), where)
            continue
        if idc.endswith(("/mms/other", "/mms/unspecified")):
            report.add(_("residual categories ('other', 'unspecified') not imported"), where)
            continue
        if not fr.strip() or not en.strip():
            report.add(_("entities without a French or English label not imported"), where)
            continue
        category = _category(idc, parents)
        if category is None and not everything:
            report.add(
                _(
                    "entities of branches that are not clinical vocabulary (external causes, "
                    "health-status factors, traditional medicine, functioning, foods and other "
                    "extension codes) "
                    "not imported"
                ),
                where,
            )
            continue
        draft = ConceptDraft(
            raw_id="icd11:" + code.lower(),
            where=where,
            category=category or "other",
            codes={"icd11": code},
            source=source,
            read_only=True,
        )
        for lang, text in (("fr", fr), ("en", en)):
            term = draft.term(lang, text, report)
            if term is not None:
                term.status = "preferred"
        drafts.append(draft)
    header = {
        "domain": "icd11",
        "description": _(
            "ICD-11 for Mortality and Morbidity Statistics, French and English labels of coded "
            "entities, imported unaltered and read-only. Source: World Health Organization, "
            "ICD-11 (https://icd.who.int), {version}"
        ).format(version=version),
        "source": _("ICD-11 MMS (WHO), through the {package} package").format(package=PACKAGE),
        "licence": _("WHO ICD-11: CC BY-ND 3.0 IGO (labels must not be altered)"),
        "version": version,
    }
    return Harvest(drafts, header, len(read), report)


def _rows(path: Path) -> list[tuple[str, str, str, str | None, str]]:
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as err:
        raise InputError(_("cannot open the database: {error}").format(error=err), path) from None
    try:
        cursor = db.execute("SELECT idc_id, icode, label, parent_idc_id, label_en FROM cim11")
        return [(str(i), str(c or ""), str(fr or ""), p, str(en or "")) for i, c, fr, p, en in cursor]
    except sqlite3.Error as err:
        raise InputError(
            _("not an ICD-11 database of {package}: {error}").format(package=PACKAGE, error=err), path
        ) from None
    finally:
        db.close()


def _category(idc: str, parents: dict[str, str | None]) -> str | None:
    """The category of the nearest ancestor-or-self listed in ``BRANCHES``; None when none is."""
    node: str | None = idc
    for _step in range(64):  # deeper than any ICD-11 path: guards against a cycle in a broken file
        if node is None:
            return None
        key = node.removeprefix(ENTITY).split("/", 1)[0]
        if key in BRANCHES and not node.endswith(("/mms/other", "/mms/unspecified")):
            return BRANCHES[key]
        node = parents.get(node)
    return None
