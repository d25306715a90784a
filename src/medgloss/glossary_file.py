"""Read glossary source files (TOML, see docs/glossary-format.md) into concepts and patterns.

Parsing never stops at the first problem: it returns every problem it finds with its line, so
``medgloss glossary validate`` can report them all, and loading refuses files with errors.

Files are TOML 1.0, readable by the standard library's ``tomllib``. A strict parse uses
``tomllib`` itself; a fast parse (for loading large imported glossaries) reads with ``rtoml`` and
falls back to ``tomllib`` for the error message when the file does not parse.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rtoml

from .i18n import _
from .model import (
    CATEGORIES,
    EN_VARIANTS,
    GENDERS,
    LANGS,
    NUMBERS,
    REGISTERS,
    STATUSES,
    TERM_TYPES,
    Concept,
    Pattern,
    Term,
)

__all__ = ["GlossaryFile", "Problem", "load_toml", "parse_glossary_file", "parse_glossary_text"]

CONCEPT_ORDER = ("id", "category", "domain", "definition", "codes", "note", "source", "read_only", *LANGS)
"""The keys of a concept, in the order the canonical layout writes them."""
TERM_ORDER = ("term", "status", "type", "gender", "number", "register", "variant", "needs_definition", "note")
"""The keys of a term, in the order the canonical layout writes them."""
CONCEPT_KEYS = frozenset(CONCEPT_ORDER)
TERM_KEYS = frozenset(TERM_ORDER)
PATTERN_KEYS = {"id", "category", "domain", "fr", "en", "slot"}
HEADER_KEYS = {"domain", "description", "source", "licence", "version", "read_only"}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$")
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_TABLE_LINES = ("[[concept]]", "[[pattern]]")
_TERM_ENUMS = (
    ("status", frozenset(STATUSES), "admitted", STATUSES),
    ("type", frozenset(TERM_TYPES), "full", TERM_TYPES),
    ("gender", frozenset(GENDERS), None, GENDERS),
    ("number", frozenset(NUMBERS), "sg", NUMBERS),
    ("register", frozenset(REGISTERS), None, REGISTERS),
    ("variant", frozenset(EN_VARIANTS), None, EN_VARIANTS),
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong (``error``) or doubtful (``warning``) in a glossary file."""

    path: str
    line: int | None
    severity: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.severity}: {self.message}"


class Problems:
    """The ``errors`` and ``warnings`` among the ``problems`` of a parse or a validation."""

    __slots__ = ()
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


@dataclass(slots=True)
class GlossaryFile(Problems):
    """What one glossary file holds; ``strict`` tells whether the standard library parsed it."""

    path: str
    header: dict[str, Any] = field(default_factory=dict)
    concepts: list[Concept] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    strict: bool = True


class _Lines:
    """Finds the line of each ``[[concept]]``/``[[pattern]]`` table and of each term in the source."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.tables: dict[str, list[int]] = {"concept": [], "pattern": []}
        for no, line in enumerate(self.lines, 1):
            if line.startswith("[[") or line[:1].isspace():
                stripped = line.strip()
                if stripped in _TABLE_LINES:
                    self.tables[stripped[2:-2]].append(no)

    def table(self, kind: str, index: int) -> int | None:
        found = self.tables[kind]
        return found[index] if index < len(found) else None

    def find(self, start: int | None, needle: str) -> int | None:
        """The first line at or after ``start`` that contains ``needle``, within the same table."""
        if start is None:
            return None
        lines = self.lines
        for no in range(start, len(lines) + 1):
            line = lines[no - 1]
            if needle in line:
                return no
            if no > start and "[[" in line and line.strip() in _TABLE_LINES:
                return None
        return None


def load_toml(text: str, *, strict: bool = True) -> dict[str, Any]:
    """The TOML data of ``text``; raises ``tomllib.TOMLDecodeError`` when it is not TOML 1.0.

    ``strict=False`` reads with the faster ``rtoml``, which also accepts a few TOML 1.1 forms
    (such as inline tables over several lines) that only the strict parse reports.
    """
    if not strict:
        try:
            return _rtoml_in_pieces(text)
        except rtoml.TomlParsingError:
            pass  # the standard library gives the message (or accepts what rtoml refused)
    return tomllib.loads(text)


_PIECE = 2_000_000
_TABLE_START = re.compile(r"^\[\[(?:concept|pattern)\]\][ \t]*$", re.MULTILINE)


def _rtoml_in_pieces(text: str) -> dict[str, Any]:
    """``rtoml.loads(text)``, a few megabytes at a time for large files.

    A glossary is a ``[glossary]`` table and arrays of ``[[concept]]``/``[[pattern]]`` tables, so it
    can be cut before any of those headers and the pieces' arrays joined: the result is the same,
    and the parser never holds more than a piece, which halves the peak memory of a 100,000-concept
    import.
    """
    if len(text) <= _PIECE:
        return rtoml.loads(text)
    data: dict[str, Any] = {}
    start = 0
    while start < len(text):
        cut = len(text)
        if start + _PIECE < len(text):
            found = _TABLE_START.search(text, start + _PIECE)
            cut = found.start() if found else len(text)
        piece = rtoml.loads(text[start:cut])
        for key, value in piece.items():
            if isinstance(value, list) and isinstance(data.get(key), list):
                data[key].extend(value)
            elif key in data:
                raise rtoml.TomlParsingError(f"duplicate key {key!r}")
            else:
                data[key] = value
        start = cut
    return data


def parse_glossary_file(path: str | Path, *, strict: bool = True) -> GlossaryFile:
    """Parse one glossary file; unreadable files give a result holding one error."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        return GlossaryFile(str(p), problems=[Problem(str(p), None, "error", err.strerror or str(err))])
    if not raw.strip():
        return GlossaryFile(str(p), problems=[Problem(str(p), None, "error", _("the file is empty"))])
    if b"\x00" in raw[:65536] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return GlossaryFile(str(p), problems=[Problem(str(p), line, "error", _("binary file, not TOML"))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return GlossaryFile(str(p), problems=[Problem(str(p), line, "error", _("not UTF-8 text"))])
    return parse_glossary_text(text, str(p), strict=strict)


def parse_glossary_text(text: str, path: str = "<glossary>", *, strict: bool = True) -> GlossaryFile:
    """Parse glossary TOML ``text``; ``path`` names it in problems."""
    out = GlossaryFile(path, strict=strict)
    try:
        data = load_toml(text, strict=strict)
    except tomllib.TOMLDecodeError as err:
        m = _TOML_LINE.search(str(err))
        msg = _TOML_LINE.sub("", str(err)).strip()
        out.problems.append(
            Problem(
                path, int(m.group(1)) if m else None, "error", _("TOML syntax: {message}").format(message=msg)
            )
        )
        return out
    lines = _Lines(text)

    def problem(line: int | None, message: str, severity: str = "error") -> None:
        out.problems.append(Problem(path, line, severity, message))

    for key in data:
        if key not in ("glossary", "concept", "pattern"):
            problem(
                None,
                _("unknown top-level key {key!r} (expected [glossary], [[concept]], [[pattern]])").format(
                    key=key
                ),
            )
    header = data.get("glossary", {})
    if not isinstance(header, dict):
        problem(1, _("[glossary] must be a table"))
        header = {}
    for key in header:
        if key not in HEADER_KEYS:
            problem(lines.find(1, key), _("unknown key {key!r} in [glossary]").format(key=key))
    out.header = header
    domain = str(header.get("domain") or Path(path).stem)
    read_only = bool(header.get("read_only", False))

    concepts = data.get("concept", [])
    if not isinstance(concepts, list):
        problem(None, _("'concept' must be an array of tables: [[concept]]"))
        concepts = []
    for i, raw in enumerate(concepts):
        concept = _parse_concept(raw, lines.table("concept", i), lines, domain, path, problem)
        if concept is not None:
            concept.read_only = concept.read_only or read_only
            out.concepts.append(concept)

    patterns = data.get("pattern", [])
    if not isinstance(patterns, list):
        problem(None, _("'pattern' must be an array of tables: [[pattern]]"))
        patterns = []
    for i, raw in enumerate(patterns):
        pattern = _parse_pattern(raw, lines.table("pattern", i), domain, path, problem)
        if pattern is not None:
            out.patterns.append(pattern)
    return out


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _parse_concept(
    raw: Any, line: int | None, lines: _Lines, domain: str, path: str, problem: Any
) -> Concept | None:
    if not isinstance(raw, dict):
        problem(line, _("a [[concept]] must be a table"))
        return None
    if not CONCEPT_KEYS.issuperset(raw):
        for key in raw:
            if key not in CONCEPT_KEYS:
                problem(lines.find(line, key) or line, _("unknown key {key!r} in concept").format(key=key))
    cid = raw.get("id")
    if not isinstance(cid, str) or not cid:
        problem(line, _("concept without an 'id'"))
        return None
    if not ID_RE.match(cid):
        problem(
            line,
            _("concept id {id!r} must be lower-case ASCII: letters, digits, _ . : -").format(id=cid),
        )
    category = raw.get("category")
    if category not in CATEGORIES:
        problem(
            lines.find(line, "category") or line,
            _("concept {id}: category {value!r} is not one of {allowed}").format(
                id=cid, value=category, allowed=", ".join(CATEGORIES)
            ),
        )
        category = "other"
    concept = Concept(
        id=cid,
        category=str(category),
        domain=str(raw.get("domain") or domain),
        note=_str(raw.get("note")),
        source=_str(raw.get("source")),
        path=path,
        line=line,
        read_only=bool(raw.get("read_only", False)),
    )
    for key in ("definition", "codes"):
        value = raw.get(key)
        if value is None:
            continue
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            problem(
                lines.find(line, key) or line,
                _("concept {id}: {key!r} must be a table of strings").format(id=cid, key=key),
            )
            continue
        setattr(concept, key, dict(value))
    cursor = line
    for lang in LANGS:
        entries = raw.get(lang)
        if entries is None:
            problem(line, _("concept {id}: no {lang!r} terms").format(id=cid, lang=lang))
            continue
        if not isinstance(entries, list):
            problem(
                line, _("concept {id}: {lang!r} must be an array of term tables").format(id=cid, lang=lang)
            )
            continue
        for entry in entries:
            term = _parse_term(entry, lang, cid, line, cursor, lines, path, problem)
            if term is not None:
                concept.terms.append(term)
                if term.line is not None and term.line != line:
                    cursor = term.line + 1
    return concept


def _parse_term(
    entry: Any,
    lang: str,
    cid: str,
    cline: int | None,
    cursor: int | None,
    lines: _Lines,
    path: str,
    problem: Any,
) -> Term | None:
    if isinstance(entry, str):
        entry = {"term": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("term"), str):
        problem(cline, _("concept {id}: each {lang} term needs a string 'term'").format(id=cid, lang=lang))
        return None
    text = entry["term"]
    if '"' in text or "\\" in text or not text.isprintable():
        needle = f"term = {json.dumps(text, ensure_ascii=False)}"
    else:
        needle = f'term = "{text}"'
    line = lines.find(cursor, needle) or lines.find(cline, needle) or cline
    if not TERM_KEYS.issuperset(entry):
        for key in entry:
            if key not in TERM_KEYS:
                problem(line, _("concept {id}: unknown term key {key!r}").format(id=cid, key=key))
    if not text.strip():
        problem(line, _("concept {id}: empty {lang} term").format(id=cid, lang=lang))
        return None
    if text != text.strip() or "  " in text:
        problem(
            line,
            _("concept {id}: term {term!r} has leading, trailing or doubled spaces").format(
                id=cid, term=text
            ),
        )
    get = entry.get
    values = {
        "status": get("status", "admitted"),
        "type": get("type", "full"),
        "gender": get("gender"),
        "number": get("number", "sg"),
        "register": get("register"),
        "variant": get("variant"),
    }
    for key, allowed, default, names in _TERM_ENUMS:
        value = values[key]
        if value is not None and value not in allowed:
            problem(
                line,
                _("concept {id}: {key} {value!r} of {term!r} is not one of {allowed}").format(
                    id=cid, key=key, value=value, term=text, allowed=", ".join(names)
                ),
            )
            values[key] = default
    if lang == "fr" and values["variant"]:
        problem(line, _("concept {id}: 'variant' is for English terms only").format(id=cid))
    if lang == "en" and values["gender"]:
        problem(line, _("concept {id}: 'gender' is for French terms only").format(id=cid), "warning")
    return Term(
        text=text.strip(),
        lang=lang,
        status=values["status"],
        type=values["type"],
        gender=values["gender"],
        number=values["number"],
        register=values["register"],
        variant=values["variant"],
        needs_definition=bool(entry.get("needs_definition", False)),
        note=_str(entry.get("note")),
        line=line,
        origin=path,
    )


def _parse_pattern(raw: Any, line: int | None, domain: str, path: str, problem: Any) -> Pattern | None:
    if not isinstance(raw, dict):
        problem(line, _("a [[pattern]] must be a table"))
        return None
    for key in raw:
        if key not in PATTERN_KEYS:
            problem(line, _("unknown key {key!r} in pattern").format(key=key))
    pid, en, fr = raw.get("id"), raw.get("en"), raw.get("fr")
    forms = [fr] if isinstance(fr, str) else fr
    english = [en] if isinstance(en, str) else en
    if (
        not isinstance(pid, str)
        or not isinstance(english, list)
        or not english
        or not isinstance(forms, list)
        or not forms
    ):
        problem(line, _("a pattern needs 'id', 'fr' (string or list) and 'en'"))
        return None
    if not all(isinstance(f, str) and "{X}" in f for f in [*english, *forms]):
        problem(line, _("pattern {id}: 'fr' and 'en' must contain {{X}}").format(id=pid))
        return None
    slot = raw.get("slot", [])
    slot = [slot] if isinstance(slot, str) else slot
    bad = [s for s in slot if s not in CATEGORIES]
    if bad:
        problem(line, _("pattern {id}: unknown slot categories {bad}").format(id=pid, bad=bad))
    category = raw.get("category", "other")
    if category not in CATEGORIES:
        problem(
            line, _("pattern {id}: category {value!r} is not a known category").format(id=pid, value=category)
        )
        category = "other"
    return Pattern(
        id=pid,
        category=category,
        fr=tuple(forms),
        en=english[0],
        slot=tuple(s for s in slot if s in CATEGORIES),
        domain=str(raw.get("domain") or domain),
        path=path,
        line=line,
        alternatives=tuple(english[1:]),
    )
