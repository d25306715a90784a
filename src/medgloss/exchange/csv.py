"""CSV and TSV exchange: our full column layout, DeepL glossary entries, Weblate's glossary CSV, and
any table through a column mapping.

Layouts (``dialect``):

- ``medgloss``: one row per term, with the fields of its concept repeated on each row (columns
  ``COLUMNS``). Nothing is lost: exporting then importing gives back the same concepts.
- ``deepl``: DeepL glossary entries, no header: ``source<TAB>target`` (TSV) or ``source,target``
  (CSV; DeepL's optional language columns are read). One entry per usable French term, with the
  concept's English preferred term. Term pairs only, by design.
- ``weblate``: Weblate's bilingual CSV (``location,source,target,id,fuzzy,context,
  translator_comments,developer_comments``): one row per usable French term, the concept id as
  context, the French definition as developer comment and the concept note as translator comment.
- ``columns`` (import): a table with a header, one row per concept; columns are matched to fields
  by name (``fr``, ``en``, ``id``, ``category``, ``domain``, ``definition_fr``, ``definition_en``,
  ``note``, ``source``, ``gender``, and code systems: ``icd10``, ``mesh``…, in English or French)
  or given by a mapping such as ``{"fr": "Terme", "en": "Term"}``. A mapping that names ``term``
  and ``lang`` reads one row per term, like the ``medgloss`` layout.

``auto`` (import) picks the layout from the header; a file without a header it recognises is read
as DeepL entries. Columns that map to nothing are reported, never dropped silently.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..errors import GlossaryError, InputError
from ..i18n import _
from ..model import CODE_SYSTEMS, Concept, Pattern
from ..textio import decode
from ..typography import fold
from .builder import CODE_SYSTEM_NAMES, ConceptDraft, ExchangeReport, ImportResult, finish, map_lang

__all__ = ["COLUMNS", "DIALECTS", "read_table", "write_table"]

DIALECTS = ("medgloss", "deepl", "weblate", "columns")
COLUMNS = (
    "concept_id",
    "domain",
    "category",
    "lang",
    "term",
    "status",
    "type",
    "gender",
    "number",
    "register",
    "variant",
    "needs_definition",
    "note",
    "definition_fr",
    "definition_en",
    "codes",
    "concept_note",
    "concept_source",
    "read_only",
)
WEBLATE_COLUMNS = (
    "location",
    "source",
    "target",
    "id",
    "fuzzy",
    "context",
    "translator_comments",
    "developer_comments",
)
_ALIASES = {
    "id": ("id", "conceptid", "concept", "identifier", "identifiant"),
    "fr": ("fr", "french", "francais", "frterm", "termfr", "terme", "termefr", "termefrancais"),
    "en": ("en", "english", "anglais", "enterm", "termen", "termeen", "termeanglais", "englishterm"),
    "category": ("category", "categorie"),
    "domain": ("domain", "domaine", "subjectfield"),
    "definition_fr": ("definitionfr", "deffr", "definitionfrancaise"),
    "definition_en": ("definitionen", "defen", "englishdefinition"),
    "note": ("note", "notes", "comment", "comments", "remarque", "commentaire"),
    "source": ("source", "provenance"),
    "gender": ("gender", "genre", "frgender"),
}
_PER_TERM = frozenset(COLUMNS)
_PER_CONCEPT = frozenset(_ALIASES) | frozenset(CODE_SYSTEMS)
_TRUE = ("true", "1", "yes", "oui", "y")
_LANG_CODE = re.compile(r"[A-Za-z]{2}(?:[-_][A-Za-z]{2})?")


def _name(header: str) -> str:
    return "".join(c for c in fold(header) if c.isalnum())


# --- export ---------------------------------------------------------------------------------


def write_table(
    concepts: Iterable[Concept],
    patterns: Iterable[Pattern] = (),
    *,
    delimiter: str = ",",
    dialect: str = "medgloss",
    variant: str = "en-GB",
) -> tuple[str, ExchangeReport]:
    """The CSV (or, with ``delimiter="\\t"``, TSV) text of ``concepts`` in ``dialect``."""
    report = ExchangeReport()
    out = io.StringIO()
    if dialect == "deepl" and delimiter == "\t":  # DeepL's TSV has no quoting
        writer = csv.writer(
            out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None
        )
    else:
        writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if dialect == "medgloss":
        writer.writerow(COLUMNS)
        for concept in concepts:
            writer.writerows(_term_rows(concept))
    elif dialect in ("deepl", "weblate"):
        if dialect == "weblate":
            writer.writerow(WEBLATE_COLUMNS)
        sources: set[str] = set()
        for concept in concepts:
            for row in _pair_rows(concept, dialect, variant, sources, report):
                writer.writerow(row)
    else:
        raise GlossaryError(_("cannot export the {dialect!r} layout").format(dialect=dialect))
    skipped = sum(1 for _p in patterns)
    if skipped:
        report.add(_("productive patterns not exported (CSV has no place for them)"), count=skipped)
    return out.getvalue(), report


def _term_rows(concept: Concept) -> Iterable[list[str]]:
    shared = {
        "concept_id": concept.id,
        "domain": concept.domain,
        "category": concept.category,
        "definition_fr": concept.definition.get("fr", ""),
        "definition_en": concept.definition.get("en", ""),
        "codes": "; ".join(f"{system}:{code}" for system, code in concept.codes.items()),
        "concept_note": concept.note or "",
        "concept_source": concept.source or "",
        "read_only": "true" if concept.read_only else "",
    }
    for term in concept.terms:
        row = {
            **shared,
            "lang": term.lang,
            "term": term.text,
            "status": term.status,
            "type": term.type,
            "gender": term.gender or "",
            "number": term.number,
            "register": term.register or "",
            "variant": term.variant or "",
            "needs_definition": "true" if term.needs_definition else "",
            "note": term.note or "",
        }
        yield [row[c] for c in COLUMNS]


def _pair_rows(
    concept: Concept, dialect: str, variant: str, sources: set[str], report: ExchangeReport
) -> Iterable[list[str]]:
    en = concept.preferred("en", variant)
    if en is None:
        return
    french = sorted(concept.terms_in("fr"), key=lambda t: t.status != "preferred")
    unusable = sum(1 for t in french if not t.usable)
    if unusable:
        report.add(_("deprecated and forbidden French terms not exported"), concept.id, unusable)
    others = len(concept.terms_in("en")) - 1
    if others:
        report.add(_("English terms other than the preferred one not exported"), concept.id, others)
    if concept.codes or (dialect == "deepl" and (concept.definition or concept.note)):
        report.add(_("concepts whose codes, definitions or notes are not exported"), concept.id)
    for term in (t for t in french if t.usable):
        if dialect == "deepl" and term.text in sources:
            report.add(
                _("French terms of several concepts: DeepL takes one entry per source, the first kept"),
                f"{term.text} ({concept.id})",
            )
            continue
        sources.add(term.text)
        if dialect == "deepl":
            yield [term.text, en.text]
        else:
            yield [
                "",
                term.text,
                en.text,
                "",
                "",
                concept.id,
                concept.note or "",
                concept.definition.get("fr", ""),
            ]


# --- import ---------------------------------------------------------------------------------


def read_table(
    path: str | Path,
    *,
    delimiter: str = ",",
    dialect: str = "auto",
    columns: dict[str, str] | None = None,
    source_lang: str = "fr",
    category: str = "other",
    domain: str = "imported",
) -> ImportResult:
    """The concepts of a CSV/TSV file in ``dialect`` (see the module docstring)."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise InputError(err.strerror or str(err), name) from None
    text, _encoding = decode(data, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((reader.line_num, row))
    except csv.Error as err:
        raise GlossaryError(
            _("malformed CSV: {message}").format(message=err), name, reader.line_num
        ) from None
    if not rows:
        raise GlossaryError(_("no rows"), name)
    report = ExchangeReport()
    header = [_name(h) for h in rows[0][1]]
    layout, fields = _layout(rows[0][1], dialect, columns, name)
    body = rows if layout in ("deepl", "weblate-positional") else rows[1:]
    _report_unused(header, fields, layout, rows[1:], name, report)
    if layout == "deepl":
        drafts = _deepl(body, name, source_lang, report)
    elif layout.startswith("weblate"):
        drafts = _weblate(body, fields, name, report)
    elif layout == "per-term":
        drafts = _per_term(body, fields, name, report)
    else:
        drafts = _per_concept(body, fields, name, report)
    concepts = finish(drafts, report, category=category, domain=domain)
    return ImportResult(concepts, report, name, len(drafts))


def _layout(
    first: list[str], dialect: str, columns: dict[str, str] | None, name: str
) -> tuple[str, dict[str, int]]:
    """The layout to read and, for each field, its column, from the ``first`` row."""
    header = [_name(h) for h in first]
    if dialect not in ("auto", *DIALECTS):
        raise GlossaryError(_("unknown CSV layout {dialect!r}").format(dialect=dialect), name)
    if columns:
        fields: dict[str, int] = {}
        for field, head in columns.items():
            if _name(head) not in header:
                raise GlossaryError(
                    _("no column {column!r} in the header (for {field})").format(column=head, field=field),
                    name,
                    1,
                )
            fields[field] = header.index(_name(head))
        unknown = set(fields) - _PER_TERM - _PER_CONCEPT
        if unknown:
            raise GlossaryError(
                _("unknown fields in the column mapping: {fields}").format(fields=", ".join(sorted(unknown))),
                name,
            )
        if {"term", "lang", "concept_id"} <= set(fields):
            return "per-term", fields
        if not {"fr", "en"} <= set(fields):
            raise GlossaryError(
                _("the column mapping needs fr and en (one row per concept) or concept_id, lang and term"),
                name,
            )
        return "per-concept", fields
    own = {_name(c): c for c in COLUMNS}
    if dialect == "medgloss" or (dialect == "auto" and {"conceptid", "lang", "term"} <= set(header)):
        missing = [c for c in ("concept_id", "lang", "term") if _name(c) not in header]
        if missing:
            raise GlossaryError(
                _("missing columns for the medgloss layout: {columns}").format(columns=", ".join(missing)),
                name,
                1,
            )
        return "per-term", {own[h]: i for i, h in enumerate(header) if h in own}
    weblate = {_name(c): c for c in WEBLATE_COLUMNS}
    if dialect == "weblate" or (dialect == "auto" and {"source", "target"} <= set(header)):
        if {"source", "target"} <= set(header):
            return "weblate", {weblate[h]: i for i, h in enumerate(header) if h in weblate}
        return "weblate-positional", {c: i for i, c in enumerate(WEBLATE_COLUMNS)}
    if dialect == "auto" and _deepl_row(first):
        return "deepl", {}
    if dialect in ("auto", "columns"):
        fields = {}
        for i, h in enumerate(header):
            found = next((f for f, names in _ALIASES.items() if h in names), None) or CODE_SYSTEM_NAMES.get(h)
            if found and found not in fields:
                fields[found] = i
        if {"fr", "en"} <= set(fields):
            return "per-concept", fields
        if dialect == "columns":
            raise GlossaryError(
                _("no French and English term columns found in the header; give --columns fr=…,en=…"), name, 1
            )
    return "deepl", {}


def _deepl_row(row: list[str]) -> bool:
    """True when ``row`` reads as a DeepL entry rather than a header: two terms that are not
    column names, optionally followed by two language codes."""
    names = {n for aliases in _ALIASES.values() for n in aliases} | set(CODE_SYSTEM_NAMES)
    if len(row) < 2 or any(_name(cell) in names for cell in row[:2]):
        return False
    return len(row) == 2 or (len(row) in (4, 5) and all(_LANG_CODE.fullmatch(c.strip()) for c in row[2:4]))


def _report_unused(
    header: list[str],
    fields: dict[str, int],
    layout: str,
    body: Sequence[tuple[int, list[str]]],
    name: str,
    report: ExchangeReport,
) -> None:
    if layout in ("deepl", "weblate-positional"):
        return
    used = set(fields.values())
    for i, h in enumerate(header):
        if i in used:
            continue
        filled = [line for line, row in body if i < len(row) and row[i].strip()]
        if filled:
            report.add(
                _("column {column!r} not imported").format(column=h), f"{name}:{filled[0]}", len(filled)
            )


def _cell(row: list[str], fields: dict[str, int], field: str) -> str:
    i = fields.get(field)
    return row[i].strip() if i is not None and i < len(row) else ""


def _per_term(
    body: Sequence[tuple[int, list[str]]], fields: dict[str, int], name: str, report: ExchangeReport
) -> list[ConceptDraft]:
    drafts: dict[str, ConceptDraft] = {}
    for line, row in body:
        where = f"{name}:{line}"
        cid = _cell(row, fields, "concept_id")
        text = row[fields["term"]] if fields["term"] < len(row) else ""
        if not cid:
            report.add(_("rows without a concept id not imported"), where)
            continue
        draft = drafts.get(cid)
        if draft is None:
            draft = drafts[cid] = ConceptDraft(cid, where)
        for field, attr in (
            ("domain", "domain"),
            ("category", "category"),
            ("concept_note", "notes"),
            ("concept_source", "source"),
            ("codes", "codes"),
            ("definition_fr", "fr"),
            ("definition_en", "en"),
            ("read_only", "read_only"),
        ):
            _concept_value(draft, attr, _cell(row, fields, field), where, report)
        term = draft.term(_cell(row, fields, "lang"), text, report)
        if term is None:
            continue
        for key in ("status", "type", "gender", "number", "register", "variant"):
            value = _cell(row, fields, key)
            if value:
                term.set(key, value, report, where)
        term.needs_definition = _cell(row, fields, "needs_definition").lower() in _TRUE
        note = _cell(row, fields, "note")
        if note:
            term.notes.append(note)
    return list(drafts.values())


def _concept_value(draft: ConceptDraft, attr: str, value: str, where: str, report: ExchangeReport) -> None:
    """Set a concept field from a row; a different value on a later row of the concept is reported."""
    if not value:
        return
    old: str | None
    if attr in ("fr", "en"):
        old = draft.definition.setdefault(attr, value)
    elif attr == "notes":
        if not draft.notes:
            draft.notes.append(value)
        old = draft.notes[0]
    elif attr == "codes":
        codes = {}
        for item in value.split(";"):
            system, _sep, code = item.strip().partition(":")
            if system.strip() and code.strip():
                codes[CODE_SYSTEM_NAMES.get(system.strip().lower(), system.strip().lower())] = code.strip()
        if not draft.codes:
            draft.codes.update(codes)
        old, value = str(sorted(draft.codes.items())), str(sorted(codes.items()))
    elif attr == "read_only":
        draft.read_only = draft.read_only or value.lower() in _TRUE
        return
    else:
        if getattr(draft, attr) is None:
            setattr(draft, attr, value)
        old = getattr(draft, attr)
    if old != value:
        report.add(_("rows of one concept disagree on a concept field: the first value kept"), where)


def _per_concept(
    body: Sequence[tuple[int, list[str]]], fields: dict[str, int], name: str, report: ExchangeReport
) -> list[ConceptDraft]:
    drafts = []
    for line, row in body:
        where = f"{name}:{line}"
        draft = ConceptDraft(_cell(row, fields, "id") or None, where)
        draft.category = _cell(row, fields, "category") or None
        draft.domain = _cell(row, fields, "domain") or None
        draft.source = _cell(row, fields, "source") or None
        note = _cell(row, fields, "note")
        draft.notes.extend([note] if note else [])
        for lang in ("fr", "en"):
            definition = _cell(row, fields, f"definition_{lang}")
            if definition:
                draft.definition[lang] = definition
        for system in CODE_SYSTEMS:
            if _cell(row, fields, system):
                draft.codes[system] = _cell(row, fields, system)
        for lang in ("fr", "en"):
            text = row[fields[lang]] if fields[lang] < len(row) else ""
            term = draft.term(lang, text, report)
            gender = _cell(row, fields, "gender")
            if term is not None and lang == "fr" and gender:
                term.set("gender", gender, report, where)
        drafts.append(draft)
    return drafts


def _deepl(
    body: Sequence[tuple[int, list[str]]], name: str, source_lang: str, report: ExchangeReport
) -> list[ConceptDraft]:
    """DeepL entries (source, target[, source language, target language]) grouped into concepts
    by their English side."""
    drafts: dict[str, ConceptDraft] = {}
    default_target = "en" if source_lang == "fr" else "fr"
    for line, row in body:
        where = f"{name}:{line}"
        if len(row) < 2:
            report.add(_("rows without a source and a target not imported"), where)
            continue
        if len(row) not in (2, 4):
            report.add(_("extra DeepL columns not imported"), where)
        tags = (row[2].strip(), row[3].strip()) if len(row) >= 4 else ("", "")
        tags = (tags[0] or source_lang, tags[1] or default_target)
        langs = [map_lang(tag) for tag in tags]
        if {m[0] if m else None for m in langs} != {"fr", "en"}:
            report.add(_("entries for other language pairs not imported"), where)
            continue
        by_lang = {m[0]: (tag, text) for m, tag, text in zip(langs, tags, row[:2], strict=True) if m}
        en_tag, en_text = by_lang["en"]
        key = " ".join(en_text.split())
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = ConceptDraft(None, where)
            draft.term(en_tag, en_text, report)
        draft.term(*by_lang["fr"], report)
    return list(drafts.values())


def _weblate(
    body: Sequence[tuple[int, list[str]]], fields: dict[str, int], name: str, report: ExchangeReport
) -> list[ConceptDraft]:
    """Weblate rows grouped into concepts by context (or by target when there is none)."""
    drafts: dict[str, ConceptDraft] = {}
    targets: dict[str, set[str]] = {}
    for line, row in body:
        where = f"{name}:{line}"
        source, target = _cell(row, fields, "source"), _cell(row, fields, "target")
        if not source or not target:
            report.add(_("rows without a source and a target not imported"), where)
            continue
        context = _cell(row, fields, "context")
        key = context or target
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = ConceptDraft(context or None, where)
            targets[key] = set()
        draft.term("fr", source, report)
        if target not in targets[key]:
            targets[key].add(target)
            draft.term("en", target, report)
        for field, lang in (("developer_comments", "fr"),):
            value = _cell(row, fields, field)
            if value:
                draft.definition.setdefault(lang, value)
        note = _cell(row, fields, "translator_comments")
        if note and note not in draft.notes:
            draft.notes.append(note)
        if _cell(row, fields, "fuzzy").lower() in _TRUE:
            report.add(_("rows marked fuzzy (needs editing) imported as ordinary terms"), where)
        for field in ("location", "id"):
            if _cell(row, fields, field):
                report.add(_("Weblate {column} values not imported").format(column=field), where)
    return list(drafts.values())
