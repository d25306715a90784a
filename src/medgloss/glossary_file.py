"""Read glossary source files (TOML, see docs/glossary-format.md) into concepts and patterns.

Parsing never stops at the first problem: it returns every problem it finds with its line, so
``medgloss glossary validate`` can report them all, and loading refuses files with errors.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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

__all__ = ["GlossaryFile", "Problem", "parse_glossary_file", "parse_glossary_text"]

CONCEPT_KEYS = {
    "id",
    "category",
    "domain",
    "definition",
    "codes",
    "note",
    "source",
    "read_only",
    *LANGS,
}
TERM_KEYS = {
    "term",
    "status",
    "type",
    "gender",
    "number",
    "register",
    "variant",
    "needs_definition",
    "note",
}
PATTERN_KEYS = {"id", "category", "domain", "fr", "en", "slot"}
HEADER_KEYS = {"domain", "description", "source", "licence", "version", "read_only"}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_.:-]*$")
_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")


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


@dataclass(slots=True)
class GlossaryFile:
    """What one glossary file holds."""

    path: str
    header: dict[str, Any] = field(default_factory=dict)
    concepts: list[Concept] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class _Lines:
    """Finds the line of each ``[[concept]]``/``[[pattern]]`` table and of each term in the source."""

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.tables: dict[str, list[int]] = {"concept": [], "pattern": []}
        for no, line in enumerate(self.lines, 1):
            stripped = line.strip()
            if stripped in ("[[concept]]", "[[pattern]]"):
                self.tables[stripped[2:-2]].append(no)

    def table(self, kind: str, index: int) -> int | None:
        found = self.tables[kind]
        return found[index] if index < len(found) else None

    def find(self, start: int | None, needle: str) -> int | None:
        """The first line at or after ``start`` that contains ``needle``, within the same table."""
        if start is None:
            return None
        for no in range(start, len(self.lines) + 1):
            line = self.lines[no - 1]
            if no > start and line.strip() in ("[[concept]]", "[[pattern]]"):
                return None
            if needle in line:
                return no
        return None


def parse_glossary_file(path: str | Path) -> GlossaryFile:
    """Parse one glossary file; unreadable files give a result holding one error."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        return GlossaryFile(str(p), problems=[Problem(str(p), None, "error", err.strerror or str(err))])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return GlossaryFile(str(p), problems=[Problem(str(p), line, "error", "not UTF-8 text")])
    return parse_glossary_text(text, str(p))


def parse_glossary_text(text: str, path: str = "<glossary>") -> GlossaryFile:
    """Parse glossary TOML ``text``; ``path`` names it in problems."""
    out = GlossaryFile(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        m = _TOML_LINE.search(str(err))
        msg = _TOML_LINE.sub("", str(err)).strip()
        out.problems.append(Problem(path, int(m.group(1)) if m else None, "error", f"TOML syntax: {msg}"))
        return out
    lines = _Lines(text)

    def problem(line: int | None, message: str, severity: str = "error") -> None:
        out.problems.append(Problem(path, line, severity, message))

    for key in data:
        if key not in ("glossary", "concept", "pattern"):
            problem(None, f"unknown top-level key {key!r} (expected [glossary], [[concept]], [[pattern]])")
    header = data.get("glossary", {})
    if not isinstance(header, dict):
        problem(1, "[glossary] must be a table")
        header = {}
    for key in header:
        if key not in HEADER_KEYS:
            problem(lines.find(1, key), f"unknown key {key!r} in [glossary]")
    out.header = header
    domain = str(header.get("domain") or Path(path).stem)
    read_only = bool(header.get("read_only", False))

    concepts = data.get("concept", [])
    if not isinstance(concepts, list):
        problem(None, "'concept' must be an array of tables: [[concept]]")
        concepts = []
    for i, raw in enumerate(concepts):
        concept = _parse_concept(raw, lines.table("concept", i), lines, domain, path, problem)
        if concept is not None:
            concept.read_only = concept.read_only or read_only
            out.concepts.append(concept)

    patterns = data.get("pattern", [])
    if not isinstance(patterns, list):
        problem(None, "'pattern' must be an array of tables: [[pattern]]")
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
        problem(line, "a [[concept]] must be a table")
        return None
    for key in raw:
        if key not in CONCEPT_KEYS:
            problem(lines.find(line, key) or line, f"unknown key {key!r} in concept")
    cid = raw.get("id")
    if not isinstance(cid, str) or not cid:
        problem(line, "concept without an 'id'")
        return None
    if not ID_RE.match(cid):
        problem(line, f"concept id {cid!r} must be lower-case ASCII: letters, digits, _ . : -")
    category = raw.get("category")
    if category not in CATEGORIES:
        problem(
            lines.find(line, "category") or line,
            f"concept {cid}: category {category!r} is not one of {', '.join(CATEGORIES)}",
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
        value = raw.get(key, {})
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            problem(lines.find(line, key) or line, f"concept {cid}: {key!r} must be a table of strings")
            continue
        setattr(concept, key, dict(value))
    for lang in LANGS:
        entries = raw.get(lang)
        if entries is None:
            problem(line, f"concept {cid}: no {lang!r} terms")
            continue
        if not isinstance(entries, list):
            problem(line, f"concept {cid}: {lang!r} must be an array of term tables")
            continue
        for entry in entries:
            term = _parse_term(entry, lang, cid, line, lines, path, problem)
            if term is not None:
                concept.terms.append(term)
    return concept


def _parse_term(
    entry: Any, lang: str, cid: str, cline: int | None, lines: _Lines, path: str, problem: Any
) -> Term | None:
    if isinstance(entry, str):
        entry = {"term": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("term"), str):
        problem(cline, f"concept {cid}: each {lang} term needs a string 'term'")
        return None
    text = entry["term"]
    line = lines.find(cline, f"term = {json.dumps(text, ensure_ascii=False)}") or cline
    for key in entry:
        if key not in TERM_KEYS:
            problem(line, f"concept {cid}: unknown term key {key!r}")
    if not text.strip():
        problem(line, f"concept {cid}: empty {lang} term")
        return None
    if text != text.strip() or "  " in text:
        problem(line, f"concept {cid}: term {text!r} has leading, trailing or doubled spaces")
    checks = (
        ("status", STATUSES, "admitted"),
        ("type", TERM_TYPES, "full"),
        ("gender", GENDERS, None),
        ("number", NUMBERS, "sg"),
        ("register", REGISTERS, None),
        ("variant", EN_VARIANTS, None),
    )
    values: dict[str, Any] = {}
    for key, allowed, default in checks:
        value = entry.get(key, default)
        if value is not None and value not in allowed:
            problem(line, f"concept {cid}: {key} {value!r} of {text!r} is not one of {', '.join(allowed)}")
            value = default
        values[key] = value
    if lang == "fr" and values["variant"]:
        problem(line, f"concept {cid}: 'variant' is for English terms only")
    if lang == "en" and values["gender"]:
        problem(line, f"concept {cid}: 'gender' is for French terms only", "warning")
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
        problem(line, "a [[pattern]] must be a table")
        return None
    for key in raw:
        if key not in PATTERN_KEYS:
            problem(line, f"unknown key {key!r} in pattern")
    pid, en, fr = raw.get("id"), raw.get("en"), raw.get("fr")
    forms = [fr] if isinstance(fr, str) else fr
    if not isinstance(pid, str) or not isinstance(en, str) or not isinstance(forms, list) or not forms:
        problem(line, "a pattern needs 'id', 'fr' (string or list) and 'en'")
        return None
    if "{X}" not in en or not all(isinstance(f, str) and "{X}" in f for f in forms):
        problem(line, f"pattern {pid}: 'fr' and 'en' must contain {{X}}")
        return None
    slot = raw.get("slot", [])
    slot = [slot] if isinstance(slot, str) else slot
    bad = [s for s in slot if s not in CATEGORIES]
    if bad:
        problem(line, f"pattern {pid}: unknown slot categories {bad}")
    category = raw.get("category", "other")
    if category not in CATEGORIES:
        problem(line, f"pattern {pid}: category {category!r} is not a known category")
        category = "other"
    return Pattern(
        id=pid,
        category=category,
        fr=tuple(forms),
        en=en,
        slot=tuple(s for s in slot if s in CATEGORIES),
        domain=str(raw.get("domain") or domain),
        path=path,
        line=line,
    )
