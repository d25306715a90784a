"""The canonical layout of glossary files: ``medgloss glossary fmt``, ``add`` and ``import`` write it.

The canonical form keeps the data and the order of entries, and makes diffs small:

- ``[glossary]`` first, then every ``[[concept]]`` in file order, then every ``[[pattern]]``, one
  blank line between tables;
- keys in the order of docs/glossary-format.md, unknown keys last in file order;
- one term per line as an inline table, its keys in a fixed order;
- basic strings (``"…"``) with escapes, ``true``/``false``, LF line ends, one final newline;
- comments kept: a comment stays with the table, key or term line that follows it (or that it
  ends), so section banners stay above their concept; a comment whose line no longer exists
  goes to the end of the file rather than being lost.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GlossaryError
from .glossary_file import CONCEPT_ORDER, TERM_ORDER, load_toml
from .i18n import _
from .model import CODE_SYSTEMS, LANGS, Concept, Pattern, Term
from .textio import atomic_write

__all__ = [
    "add_concept_text",
    "concept_table",
    "dumps",
    "format_file",
    "format_text",
    "glossary_text",
    "pattern_table",
]

HEADER_ORDER = ("domain", "description", "source", "licence", "version", "read_only")
PATTERN_ORDER = ("id", "category", "domain", "slot", "fr", "en")
_NESTED_ORDER = {"definition": LANGS, "codes": CODE_SYSTEMS}
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"{3,5}'
    r"|'''(?:[^']|'(?!''))*'{3,5}"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}\n]"
)
_ARRAY_HEADER = re.compile(r"\[\[\s*([^\]\s]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"\[\s*([^\]\s]+)\s*\]")
_KEY_LINE = re.compile(r"""([A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')\s*[.=]""")

Anchor = tuple[Any, ...]


@dataclass(slots=True)
class _Notes:
    """The comments attached to one line of the output: full lines before it, one at its end."""

    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)


# --- reading comments -----------------------------------------------------------------------


@dataclass(slots=True)
class _LineInfo:
    depth: int = 0
    in_string: bool = False
    comment: str | None = None
    comment_at: int = -1
    starts: int = 0


def _scan(text: str) -> list[_LineInfo]:
    """Per line: bracket depth at its start, whether it starts inside a multi-line string, its
    comment, and how many array elements start on it at depth 1."""
    infos = [_LineInfo() for _ in range(text.count("\n") + 1)]
    line_starts = [0]
    line_starts.extend(m.end() for m in re.finditer("\n", text))
    depth = 0
    line = 0
    for m in _TOKENS.finditer(text):
        tok = m.group()
        if tok == "\n":
            line += 1
            infos[line].depth = depth
            continue
        first = tok[0]
        if first == "#":
            infos[line].comment = tok
            infos[line].comment_at = m.start() - line_starts[line]
        elif first in "[{":
            if first == "{" and depth == 1:
                infos[line].starts += 1
            depth += 1
        elif first in "]}":
            depth -= 1
        else:  # a string
            if depth == 1:
                infos[line].starts += 1
            breaks = tok.count("\n")
            for k in range(1, breaks + 1):
                infos[line + k].in_string = True
                infos[line + k].depth = depth
            line += breaks
    return infos


def _unquote(key: str) -> str:
    if key[:1] in "\"'":
        value = tomllib.loads(f"k = {key}")["k"]
        return str(value)
    return key


def read_comments(text: str) -> dict[Anchor, _Notes]:
    """The comments of glossary ``text``, each attached to the line it belongs to."""
    notes: dict[Anchor, _Notes] = defaultdict(_Notes)
    infos = _scan(text)
    lines = text.split("\n")
    table: Anchor = ("root",)
    counts: dict[str, int] = defaultdict(int)
    key: str | None = None
    elem = -1
    last: Anchor = table
    pending: list[str] = []
    for raw, info in zip(lines, infos, strict=True):
        code = (raw[: info.comment_at] if info.comment is not None else raw).strip()
        if info.in_string:
            anchor = last
        elif not code:
            pending.append(info.comment.strip() if info.comment else "")
            continue
        elif info.depth == 0:
            anchor = last
            if (m := _ARRAY_HEADER.match(code)) is not None:
                name = _unquote(m.group(1))
                table = (name, counts[name])
                counts[name] += 1
                anchor, key = table, None
            elif (m := _TABLE_HEADER.match(code)) is not None:
                table = (_unquote(m.group(1)),)
                anchor, key = table, None
            elif (m := _KEY_LINE.match(code)) is not None:
                key = _unquote(m.group(1))
                anchor, elem = (*table, key), info.starts - 1
        elif info.starts and key is not None:
            anchor = (*table, key, elem + 1)
            elem += info.starts
        elif code.startswith("]") and key is not None:
            anchor = (*table, key, "end")
        else:
            anchor = last
        if last == ("root",) and anchor[0] != "root" and not notes:
            anchor_of_comments: Anchor = ("top",)  # the file's opening comments stay on top
        else:
            anchor_of_comments = anchor
        notes[anchor_of_comments].before.extend(_trim(pending))
        pending = []
        if info.comment is not None:
            notes[anchor].after.append(info.comment.strip())
        last = anchor
    notes[("eof",)].before.extend(_trim(pending))
    return notes


def _trim(pending: list[str]) -> list[str]:
    """Comment lines with the blank lines between them collapsed; none when there is no comment."""
    if not any(pending):
        return []
    out: list[str] = []
    for item in pending:
        if item or (out and out[-1]):
            out.append(item)
    return out


# --- writing values -------------------------------------------------------------------------


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _ordered(table: dict[str, Any], order: Iterable[str]) -> list[str]:
    known = [k for k in order if k in table]
    return known + [k for k in table if k not in known]


def _value(value: Any, order: Iterable[str] = ()) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = ", ".join(f"{_key(k)} = {_value(value[k])}" for k in _ordered(value, order))
        return "{ " + items + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


class _Out:
    """The output lines, with the comments attached to each anchor."""

    def __init__(self, notes: dict[Anchor, _Notes]):
        self.lines: list[str] = []
        self.notes = dict(notes)
        self.glued = False

    def emit(self, anchor: Anchor, text: str, indent: str = "") -> None:
        notes = self.notes.pop(anchor, None)
        if notes is not None:
            self.lines.extend(indent + c if c else "" for c in notes.before)
            if notes.after:
                text = f"{text}  {'  '.join(notes.after)}"
        self.lines.append(indent + text)

    def blank(self) -> None:
        """A blank line before the next table, except right after the file's opening comments."""
        if self.glued:
            self.glued = False
        elif self.lines and self.lines[-1]:
            self.lines.append("")

    def table(self, anchor: Anchor, header: str, data: dict[str, Any], order: Iterable[str]) -> None:
        self.blank()
        self.emit(anchor, header)
        multiline = anchor[0] == "concept"
        for key in _ordered(data, order):
            value = data[key]
            here = (*anchor, key)
            if multiline and key in LANGS and isinstance(value, list) and value:
                self.emit(here, f"{_key(key)} = [")
                for i, item in enumerate(value):
                    self.emit((*here, i), _value(item, TERM_ORDER) + ",", "  ")
                self.emit((*here, "end"), "]")
            else:
                self.emit(here, f"{_key(key)} = {_value(value, _NESTED_ORDER.get(key, ()))}")

    def text(self) -> str:
        tail = self.notes.pop(("eof",), _Notes())
        leftover = [c for notes in self.notes.values() for c in notes.before + notes.after if c]
        if leftover or tail.before:
            self.blank()
            self.lines.extend(leftover + tail.before)
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def _tables(data: dict[str, Any], name: str) -> list[dict[str, Any]] | None:
    value = data.get(name)
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return value
    return None


def dumps(data: dict[str, Any], comments: dict[Anchor, _Notes] | None = None) -> str:
    """The canonical text of glossary TOML ``data`` (as read by ``tomllib``), with ``comments``."""
    out = _Out(comments or {})
    top = out.notes.pop(("top",), None)
    if top is not None:
        out.lines.extend(top.before)
        out.glued = True
    header = data.get("glossary")
    concepts = _tables(data, "concept")
    patterns = _tables(data, "pattern")
    tabled = {"glossary"} if isinstance(header, dict) else set()
    tabled |= {name for name, tables in (("concept", concepts), ("pattern", patterns)) if tables}
    for key in data:
        if key not in tabled:
            out.emit(("root", key), f"{_key(key)} = {_value(data[key])}")
    if isinstance(header, dict):
        out.table(("glossary",), "[glossary]", header, HEADER_ORDER)
    for i, table in enumerate(concepts or ()):
        out.table(("concept", i), "[[concept]]", table, CONCEPT_ORDER)
    for i, table in enumerate(patterns or ()):
        out.table(("pattern", i), "[[pattern]]", table, PATTERN_ORDER)
    return out.text()


def format_text(text: str, path: str = "<glossary>") -> str:
    """The canonical form of glossary ``text``: same data, same entry order, comments kept.

    Raises GlossaryError (with the line) when ``text`` is not TOML.
    """
    return dumps(_load(text, path), read_comments(text))


def format_file(path: str | Path, *, check: bool = False) -> bool:
    """Rewrite ``path`` in canonical form (atomically) unless ``check``; True when it was not."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as err:
        raise GlossaryError(err.strerror or str(err), p) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise GlossaryError(_("not UTF-8 text"), p, raw[: err.start].count(b"\n") + 1) from None
    canonical = format_text(text, str(p))
    if canonical == text:
        return False
    if not check:
        atomic_write(p, canonical)
    return True


def _load(text: str, path: str) -> dict[str, Any]:
    try:
        return load_toml(text, strict=False)
    except tomllib.TOMLDecodeError as err:
        line = re.search(r"\(at line (\d+)", str(err))
        raise GlossaryError(
            _("TOML syntax: {message}").format(message=re.sub(r"\s*\(at line.*\)", "", str(err))),
            path,
            int(line.group(1)) if line else None,
        ) from None


# --- writing model objects ------------------------------------------------------------------


def term_table(term: Term) -> dict[str, Any]:
    """The inline table of ``term``; default values are left out, except the status."""
    table: dict[str, Any] = {"term": term.text, "status": term.status}
    if term.type != "full":
        table["type"] = term.type
    if term.gender:
        table["gender"] = term.gender
    if term.number != "sg":
        table["number"] = term.number
    if term.register:
        table["register"] = term.register
    if term.variant:
        table["variant"] = term.variant
    if term.needs_definition:
        table["needs_definition"] = True
    if term.note:
        table["note"] = term.note
    return table


def concept_table(
    concept: Concept, file_domain: str | None = None, file_read_only: bool = False
) -> dict[str, Any]:
    """The ``[[concept]]`` table of ``concept`` in a file whose domain is ``file_domain``."""
    table: dict[str, Any] = {"id": concept.id, "category": concept.category}
    if concept.domain and concept.domain != file_domain:
        table["domain"] = concept.domain
    if concept.definition:
        table["definition"] = dict(concept.definition)
    if concept.codes:
        table["codes"] = dict(concept.codes)
    if concept.note:
        table["note"] = concept.note
    if concept.source:
        table["source"] = concept.source
    if concept.read_only and not file_read_only:
        table["read_only"] = True
    for lang in LANGS:
        table[lang] = [term_table(t) for t in concept.terms_in(lang)]
    return table


def pattern_table(pattern: Pattern, file_domain: str | None = None) -> dict[str, Any]:
    """The ``[[pattern]]`` table of ``pattern``."""
    table: dict[str, Any] = {"id": pattern.id, "category": pattern.category}
    if pattern.domain and pattern.domain != file_domain:
        table["domain"] = pattern.domain
    if pattern.slot:
        table["slot"] = list(pattern.slot)
    table["fr"] = pattern.fr[0] if len(pattern.fr) == 1 else list(pattern.fr)
    table["en"] = [pattern.en, *pattern.alternatives] if pattern.alternatives else pattern.en
    return table


def glossary_text(
    concepts: Iterable[Concept], patterns: Iterable[Pattern] = (), *, header: dict[str, Any]
) -> str:
    """A whole glossary file, in canonical form, for ``concepts`` and ``patterns``."""
    domain = header.get("domain")
    read_only = bool(header.get("read_only"))
    data: dict[str, Any] = {"glossary": dict(header)}
    data["concept"] = [concept_table(c, domain, read_only) for c in concepts]
    pattern_tables = [pattern_table(p, domain) for p in patterns]
    if pattern_tables:
        data["pattern"] = pattern_tables
    return dumps(data)


def add_concept_text(text: str | None, concept: Concept, path: str = "<glossary>") -> str:
    """Glossary ``text`` (None for a new file) with ``concept`` appended, in canonical form."""
    if text is None:
        return glossary_text([concept], header={"domain": concept.domain})
    data = _load(text, path)
    header = data.get("glossary") if isinstance(data.get("glossary"), dict) else {}
    assert isinstance(header, dict)
    domain = header.get("domain") or Path(path).stem
    concepts = data.setdefault("concept", [])
    if not isinstance(concepts, list):
        raise GlossaryError(_("'concept' must be an array of tables: [[concept]]"), path)
    concepts.append(concept_table(concept, domain, bool(header.get("read_only"))))
    return dumps(data, read_comments(text))
