"""Whole-glossary validation: every problem of a set of glossary files, with ``file:line``.

The parser (``glossary_file``) reports what a file gets wrong on its own: TOML syntax, unknown
keys, values outside their lists, empty or padded terms. This module adds the checks that look at
a whole concept (one preferred term per language, code formats, duplicated terms, notes on
forbidden terms) and at all the files of a layer together (duplicate ids, the same French form
preferred by two concepts of one domain).

Files are validated in layers, like they are loaded: the files of one layer (the bundled
glossary, or one ``--glossary`` path) must not repeat an id, while a later layer may override a
concept of an earlier one by its id.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .glossary_cache import load_glossary_file
from .glossary_file import GlossaryFile, Problem, Problems, parse_glossary_file
from .i18n import _
from .model import CODE_SYSTEMS, LANGS, Concept, Term
from .typography import normalise

__all__ = [
    "CODE_EXAMPLES",
    "CODE_FORMATS",
    "ValidationReport",
    "check_code",
    "check_concept",
    "check_layer",
    "form_key",
    "validate_layers",
]

CODE_FORMATS: dict[str, re.Pattern[str]] = {
    "icd10": re.compile(r"[A-Z][0-9]{2}(?:\.[0-9A-Z]{1,4})?"),
    "icd11": re.compile(
        r"[0-9A-HJ-NP-Z][A-HJ-NP-Z][0-9][0-9A-HJ-NP-Z](?:\.[0-9A-HJ-NP-Z]{1,2})?|X[0-9A-HJ-NP-Z]{2,6}"
    ),
    "mesh": re.compile(r"[DCQ][0-9]{6}(?:[0-9]{3})?"),
    "hpo": re.compile(r"HP:[0-9]{7}"),
    "orpha": re.compile(r"ORPHA:[0-9]{1,7}"),
    "atc": re.compile(r"[ABCDGHJLMNPRSV](?:[0-9]{2}(?:[A-Z](?:[A-Z](?:[0-9]{2})?)?)?)?"),
    "umls": re.compile(r"C[0-9]{7}"),
}
"""The shape of a code in each system the glossary may cite."""
CODE_EXAMPLES = {
    "icd10": "M33.1",
    "icd11": "4A41.0",
    "mesh": "D003882",
    "hpo": "HP:0001234",
    "orpha": "ORPHA:221",
    "atc": "L04AA29",
    "umls": "C0011633",
}
_LICENSED = ("snomed", "snomedct", "snomed_ct", "meddra")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(slots=True)
class ValidationReport(Problems):
    """What validation found in a set of glossary files."""

    files: list[GlossaryFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def concepts(self) -> int:
        return sum(len(f.concepts) for f in self.files)

    def failed(self, strict: bool = False) -> bool:
        """True when there are errors, or warnings under ``strict``."""
        return bool(self.errors or (strict and self.warnings))


def check_code(system: str, value: str) -> str | None:
    """Why ``value`` is not a valid code of ``system``, or None when it is.

    >>> check_code("icd10", "M33.1") is None, check_code("hpo", "HP:123") is None
    (True, False)
    """
    if system.lower() in _LICENSED:
        return _("{system} codes are not allowed (licensed terminology)").format(system=system)
    pattern = CODE_FORMATS.get(system)
    if pattern is None:
        return _("unknown code system {system!r} (known: {known})").format(
            system=system, known=", ".join(CODE_SYSTEMS)
        )
    if not pattern.fullmatch(value):
        return _("{system} code {code!r} is malformed (expected a code like {example})").format(
            system=system, code=value, example=CODE_EXAMPLES[system]
        )
    return None


def check_concept(concept: Concept) -> list[Problem]:
    """Problems of one concept: preferred terms, duplicated terms, codes, definitions, notes."""
    out: list[Problem] = []
    path = concept.path or "<glossary>"
    cid = concept.id

    def add(line: int | None, message: str, severity: str = "error") -> None:
        out.append(Problem(path, line, severity, message))

    for lang in LANGS:
        terms = concept.terms_in(lang)
        preferred = [t for t in terms if t.status == "preferred"]
        if terms and not preferred:
            add(concept.line, _("concept {id}: no preferred {lang} term").format(id=cid, lang=lang))
        for extra in preferred[1:]:
            add(
                extra.line,
                _("concept {id}: {term!r} is a second preferred {lang} term (the first is {first!r})").format(
                    id=cid, term=extra.text, lang=lang, first=preferred[0].text
                ),
            )
        seen: set[str] = set()
        for term in terms:
            _check_term(term, cid, add)
            if term.text in seen:
                add(
                    term.line,
                    _("concept {id}: {lang} term {term!r} is listed twice").format(
                        id=cid, lang=lang, term=term.text
                    ),
                    "warning",
                )
            seen.add(term.text)
    for system, value in concept.codes.items():
        why = check_code(system, value)
        if why:
            add(_line_of(path, concept.line, system), _("concept {id}: {why}").format(id=cid, why=why))
    for lang, text in concept.definition.items():
        if lang not in LANGS:
            add(
                _line_of(path, concept.line, "definition"),
                _("concept {id}: definition language {lang!r} must be fr or en").format(id=cid, lang=lang),
            )
        elif not text.strip() or text != text.strip():
            add(
                _line_of(path, concept.line, "definition"),
                _("concept {id}: the {lang} definition is empty or padded with spaces").format(
                    id=cid, lang=lang
                ),
                "warning",
            )
    return out


def _check_term(term: Term, cid: str, add: Callable[..., None]) -> None:
    if _CONTROL.search(term.text):
        add(
            term.line,
            _("concept {id}: term {term!r} contains a tab, line break or control character").format(
                id=cid, term=term.text
            ),
        )
    elif not unicodedata.is_normalized("NFC", term.text):
        add(
            term.line,
            _("concept {id}: term {term!r} is not in Unicode NFC form (decomposed accents)").format(
                id=cid, term=term.text
            ),
            "warning",
        )
    if term.status == "forbidden" and not term.note:
        add(
            term.line,
            _("concept {id}: forbidden term {term!r} has no note saying why").format(id=cid, term=term.text),
            "warning",
        )


def form_key(term: Term) -> str:
    """The written form, case-insensitive except for abbreviations (``dialyse`` ≠ ``dialysé``)."""
    text = unicodedata.normalize("NFC", normalise(term.text))
    return text if term.is_short else text.casefold()


def check_layer(files: Sequence[GlossaryFile]) -> list[Problem]:
    """Problems across the files of one layer: duplicate ids, clashing French preferred forms."""
    out: list[Problem] = []
    ids: dict[str, Concept] = {}
    forms: dict[tuple[str, str], tuple[Concept, Term]] = {}
    patterns: dict[str, tuple[str, int | None]] = {}
    for parsed in files:
        if not parsed.errors and not parsed.concepts and not parsed.patterns:
            out.append(Problem(parsed.path, None, "warning", _("no concepts or patterns")))
        for concept in parsed.concepts:
            first = ids.get(concept.id)
            if first is not None:
                out.append(
                    Problem(
                        concept.path or parsed.path,
                        concept.line,
                        "error",
                        _("duplicate concept id {id} (first at {where})").format(
                            id=concept.id, where=_where(first.path, first.line)
                        ),
                    )
                )
                continue
            ids[concept.id] = concept
            out.extend(check_concept(concept))
            pref = concept.preferred("fr")
            if pref is None or pref.status != "preferred":
                continue
            key = (concept.domain, form_key(pref))
            clash = forms.get(key)
            if clash is None:
                forms[key] = (concept, pref)
                continue
            other, other_term = clash
            out.append(
                Problem(
                    concept.path or parsed.path,
                    pref.line,
                    "error",
                    _(
                        "concept {id}: the French form {term!r} is already preferred by {other} "
                        "in domain {domain} ({where})"
                    ).format(
                        id=concept.id,
                        term=pref.text,
                        other=other.id,
                        domain=concept.domain,
                        where=_where(other.path, other_term.line),
                    ),
                )
            )
        for pattern in parsed.patterns:
            if pattern.id in patterns:
                out.append(
                    Problem(
                        parsed.path,
                        pattern.line,
                        "error",
                        _("duplicate pattern id {id} (first at {where})").format(
                            id=pattern.id, where=_where(*patterns[pattern.id])
                        ),
                    )
                )
            else:
                patterns[pattern.id] = (parsed.path, pattern.line)
    return out


def validate_layers(layers: Iterable[Sequence[str | Path]], *, cache: bool = True) -> ValidationReport:
    """Parse (strictly: the standard library must read every file) and check ``layers`` of files."""
    report = ValidationReport()
    for layer in layers:
        files = [load_glossary_file(p, strict=True) if cache else parse_glossary_file(p) for p in layer]
        report.files.extend(files)
        for parsed in files:
            report.problems.extend(parsed.problems)
        report.problems.extend(check_layer(files))
    report.problems.sort(key=lambda p: (p.path, p.line or 0))
    return report


def _where(path: str | None, line: int | None) -> str:
    return f"{path}:{line}" if path and line else path or "?"


@lru_cache(maxsize=64)
def _file_lines(path: str, stamp: tuple[int, int]) -> tuple[str, ...]:
    del stamp  # part of the cache key: a changed file is read again
    try:
        return tuple(Path(path).read_text("utf-8-sig").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def _line_of(path: str, start: int | None, key: str) -> int | None:
    """The line of ``key = …`` (or ``key`` inside an inline table) in the concept at ``start``."""
    try:
        stat = Path(path).stat()
    except OSError:
        return start
    lines = _file_lines(path, (stat.st_size, stat.st_mtime_ns))
    if start is None or not lines:
        return start
    pattern = re.compile(rf"(^|[{{,\s]){re.escape(key)}\s*=")
    for no in range(start, len(lines) + 1):
        if no > start and lines[no - 1].strip() in ("[[concept]]", "[[pattern]]"):
            break
        if pattern.search(lines[no - 1]):
            return no
    return start
