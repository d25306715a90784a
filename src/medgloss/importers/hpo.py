"""The Human Phenotype Ontology's French translation (a Babelon TSV file) as glossary entries.

The file (``hp-fr.babelon.tsv`` of the HPO translations project) has one translated value a line,
with a header naming its columns: ``subject_id`` (``HP:0003761``), ``predicate_id``
(``rdfs:label``, ``IAO:0000115`` for definitions, ``oboInOwl:hasExactSynonym``),
``source_value`` (English), ``translation_language``, ``translation_status`` and
``translation_value`` (French). Each HPO class becomes one concept ``hpo:0003761`` of category
``sign-symptom`` with ``codes.hpo``: its French labels (the first one preferred), exact synonyms,
the English label and the definitions. Only ``OFFICIAL`` French translations are read.

The HPO licence allows any use provided the HPO and its version are acknowledged and the content
is not altered: labels are copied as they are, the entries are read-only, and the file header
carries the attribution and the version (``--source-version``, else the date of the file).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..exchange.builder import ConceptDraft, ExchangeReport
from ..i18n import _
from .harvest import Harvest, file_date

__all__ = ["DEFAULT_FILE", "read_hpo"]

DEFAULT_FILE = "hp-fr.babelon.tsv"
"""Read from the current folder when no path is given."""
MAX_BYTES = 200 * 1024 * 1024
REQUIRED = ("subject_id", "predicate_id", "source_value", "translation_value")
LABEL = "rdfs:label"
DEFINITION = "IAO:0000115"
SYNONYM = "oboInOwl:hasExactSynonym"
_HP_ID = re.compile(r"HP:([0-9]{7})")


@dataclass(slots=True)
class _Entry:
    line: int
    en: str = ""
    fr: list[str] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)
    definition: dict[str, str] = field(default_factory=dict)


def read_hpo(paths: Sequence[str | Path], *, limit: int | None = None, version: str | None = None) -> Harvest:
    """Drafts for the HPO classes of a Babelon TSV file (``paths``: that file, or none for the
    default ``hp-fr.babelon.tsv`` of the current folder); ``limit`` reads only the first classes.

    Raises InputError, with the line, for a file that is not a readable Babelon TSV.
    """
    if len(paths) > 1:
        raise InputError(_("the HPO importer reads one file (hp-fr.babelon.tsv)"))
    path = Path(paths[0]) if paths else Path(DEFAULT_FILE)
    if not path.is_file():
        raise InputError(
            _(
                "no such file; give the path of the HPO French Babelon TSV "
                "(hp-fr.babelon.tsv, from the HPO translations project)"
            ),
            path,
        )
    report = ExchangeReport()
    entries = _entries(path, limit, report)
    version = version or _("{name} of {date}").format(name=path.name, date=file_date(path))
    source = _("HPO French translation, {version}").format(version=version)
    drafts = [_draft(hp_id, entry, path, source, report) for hp_id, entry in entries.items()]
    header = {
        "domain": "hpo",
        "description": _(
            "Human Phenotype Ontology (HPO), French translation: labels, exact synonyms and "
            "definitions, imported unaltered and read-only. This glossary uses the Human Phenotype "
            "Ontology (version: {version}); find out more at https://hpo.jax.org"
        ).format(version=version),
        "source": _("HPO French translation ({name})").format(name=path.name),
        "licence": _(
            "HPO licence (https://hpo.jax.org/license): free use, including commercial, with "
            "attribution and version; the content must not be altered"
        ),
        "version": version,
    }
    return Harvest(drafts, header, len(entries), report)


def _rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """``(line number, fields)`` of each line of a UTF-8 tab-separated file that is neither blank
    nor a ``#`` comment (metadata that some Babelon files carry on top)."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                _("too large ({size:,} bytes; the limit is {limit:,})").format(size=size, limit=MAX_BYTES),
                path,
            )
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(err.strerror or str(err), path) from None
    if not raw.strip():
        raise InputError(_("the file is empty"), path)
    if b"\x00" in raw[:65536]:
        raise InputError(
            _("binary file, not a tab-separated text file"), path, raw[: raw.index(b"\x00")].count(b"\n") + 1
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(_("not UTF-8 text"), path, raw[: err.start].count(b"\n") + 1) from None
    for no, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if line.strip() and not line.startswith("#"):
            yield no, line.split("\t")


def _entries(path: Path, limit: int | None, report: ExchangeReport) -> dict[str, _Entry]:
    rows = _rows(path)
    header_line, header = next(rows)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise InputError(
            _("not a Babelon TSV file: the header lacks the column(s) {columns}").format(
                columns=", ".join(missing)
            ),
            path,
            header_line,
        )
    col = {name: i for i, name in enumerate(header)}
    language, status = col.get("translation_language"), col.get("translation_status")
    entries: dict[str, _Entry] = {}
    for no, fields in rows:
        if len(fields) != len(header):
            raise InputError(
                _("expected {expected} tab-separated fields, found {found}").format(
                    expected=len(header), found=len(fields)
                ),
                path,
                no,
            )
        hp_id = fields[col["subject_id"]].strip()
        if not _HP_ID.fullmatch(hp_id):
            raise InputError(_("{value!r} is not an HPO id like HP:0003761").format(value=hp_id), path, no)
        if language is not None and fields[language].strip() != "fr":
            report.add(_("translations into languages other than French skipped"), f"{path}:{no}")
            continue
        if status is not None and fields[status].strip() != "OFFICIAL":
            report.add(_("translations whose status is not OFFICIAL skipped"), f"{path}:{no}")
            continue
        entry = entries.get(hp_id)
        if entry is None:
            if limit is not None and len(entries) >= limit:
                break
            entry = entries[hp_id] = _Entry(no)
        _add(entry, fields[col["predicate_id"]].strip(), fields, col, f"{path}:{no}", report)
    return entries


def _add(
    entry: _Entry, predicate: str, fields: list[str], col: dict[str, int], where: str, report: ExchangeReport
) -> None:
    en, fr = fields[col["source_value"]], fields[col["translation_value"]]
    if not fr.strip():
        report.add(_("rows without a French value skipped"), where)
    elif predicate == LABEL:
        entry.en = entry.en or en
        entry.fr.append(fr)
    elif predicate == SYNONYM:
        entry.synonyms.append(fr)
    elif predicate == DEFINITION:
        entry.definition.setdefault("fr", fr)
        if en.strip():
            entry.definition.setdefault("en", en)
    else:
        report.add(_("rows of predicate {predicate} skipped").format(predicate=predicate), where)


def _draft(hp_id: str, entry: _Entry, path: Path, source: str, report: ExchangeReport) -> ConceptDraft:
    where = f"{path}:{entry.line}"
    draft = ConceptDraft(
        raw_id="hpo:" + hp_id.split(":")[1],
        where=where,
        category="sign-symptom",
        definition=entry.definition,
        codes={"hpo": hp_id},
        source=source,
        read_only=True,
    )
    seen: set[str] = set()
    for k, text in enumerate([*entry.fr, *entry.synonyms]):
        if text in seen:
            continue  # the same label given again: nothing is lost
        if text.casefold() in {s.casefold() for s in seen}:
            report.add(_("labels repeated with other capitals kept once"), f"{where}: {text}")
            continue
        seen.add(text)
        term = draft.term("fr", text, report)
        if term is not None:
            term.status = "preferred" if k == 0 else "admitted"
    if entry.en.strip():
        term = draft.term("en", entry.en, report)
        if term is not None:
            term.status = "preferred"
    return draft
