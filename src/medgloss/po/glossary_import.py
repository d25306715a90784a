"""Reading a reviewed glossary catalog back: which English preferred terms change, and writing them.

A message counts when it is translated and not fuzzy. Its msgstr is compared with the concept's
English preferred term: equal, nothing to do; equal to an admitted English term of the concept, that
term is promoted to preferred and the old one becomes admitted; otherwise the preferred term is
renamed. Forbidden or deprecated renderings, read-only concepts, unknown concepts and messages of
one concept that disagree are refused with the PO line.

Changes are written as targeted edits of the ``{ term = "…", status = "…" }`` lines the terms come
from, so everything else in the glossary files stays as it was; each edited file is re-validated
before it is replaced, and one that was in the canonical layout of ``medgloss glossary fmt`` is
kept in it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import polib

from ..errors import GlossaryError
from ..glossary_file import parse_glossary_text
from ..glossary_writer import format_text
from ..i18n import _
from ..model import Term
from ..termbase import TermBase
from ..textio import atomic_write

__all__ = ["Change", "GlossaryImport", "Refusal", "apply_changes", "glossary_changes"]

_STATUS = re.compile(r'status\s*=\s*"[a-z]+"')


@dataclass(frozen=True, slots=True)
class Change:
    """The English preferred term of ``concept_id`` becomes ``new`` (it was ``old``)."""

    concept_id: str
    old: Term
    new: str
    promoted: Term | None = None
    po_line: int | None = None

    def describe(self) -> str:
        where = f"{self.old.origin}:{self.old.line}"
        if self.promoted is not None:
            return _("{where}: {concept}: '{new}' becomes the preferred term, '{old}' admitted").format(
                where=where, concept=self.concept_id, new=self.new, old=self.old.text
            )
        return _("{where}: {concept}: '{old}' → '{new}'").format(
            where=where, concept=self.concept_id, old=self.old.text, new=self.new
        )


@dataclass(frozen=True, slots=True)
class Refusal:
    """A message that cannot be imported, and why."""

    po_line: int | None
    message: str


@dataclass(slots=True)
class GlossaryImport:
    """What a reviewed glossary catalog asks for."""

    changes: list[Change] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    unchanged: int = 0
    skipped: int = 0
    """Untranslated or fuzzy messages, left aside."""


def glossary_changes(catalog: polib.POFile, termbase: TermBase, variant: str | None = None) -> GlossaryImport:
    """Compare ``catalog`` (a reviewed glossary ``.po``) with ``termbase``."""
    variant = variant or catalog.metadata.get("X-Medgloss-Variant") or "en-GB"
    out = GlossaryImport()
    wanted: dict[str, tuple[str, int]] = {}
    for entry in catalog:
        if entry.obsolete:
            continue
        if not entry.msgstr or entry.fuzzy:
            out.skipped += 1
            continue
        refuse = _refusal(entry, termbase)
        if refuse:
            out.refusals.append(Refusal(entry.linenum, refuse))
            continue
        new = entry.msgstr.strip()
        first = wanted.setdefault(entry.msgctxt, (new, entry.linenum))
        if first[0] != new:
            out.refusals.append(
                Refusal(
                    entry.linenum,
                    _("{concept}: '{new}' disagrees with '{first}' at line {line}").format(
                        concept=entry.msgctxt, new=new, first=first[0], line=first[1]
                    ),
                )
            )
    for concept_id, (new, po_line) in wanted.items():
        concept = termbase[concept_id]
        preferred = concept.preferred("en", variant)
        if preferred is not None and preferred.text == new:
            out.unchanged += 1
            continue
        same = next((t for t in concept.terms_in("en") if t.text == new), None)
        problem = None
        if concept.read_only:
            problem = _("{concept}: read-only concept, not changed").format(concept=concept_id)
        elif preferred is None or preferred.line is None or not preferred.origin:
            problem = _("{concept}: no English preferred term line to edit").format(concept=concept_id)
        elif same is not None and same.status in ("forbidden", "deprecated"):
            problem = _("{concept}: '{term}' is {status} for this concept").format(
                concept=concept_id, term=new, status=same.status
            )
        elif same is not None and (same.line is None or not same.origin):
            problem = _("{concept}: no line to edit for '{term}'").format(concept=concept_id, term=new)
        if problem:
            out.refusals.append(Refusal(po_line, problem))
            continue
        assert preferred is not None
        out.changes.append(Change(concept_id, preferred, new, same, po_line))
    return out


def _refusal(entry: polib.POEntry, termbase: TermBase) -> str | None:
    if not entry.msgctxt or entry.msgctxt not in termbase:
        return _("unknown concept {concept!r}").format(concept=entry.msgctxt)
    concept = termbase[entry.msgctxt]
    if not any(t.text == entry.msgid for t in concept.terms_in("fr")):
        return _("{concept}: no French term {term!r}").format(concept=entry.msgctxt, term=entry.msgid)
    if "\n" in entry.msgstr or entry.msgstr != entry.msgstr.strip() or "  " in entry.msgstr:
        return _("{concept}: '{term}' has line breaks, or leading, trailing or doubled spaces").format(
            concept=entry.msgctxt, term=entry.msgstr
        )
    return None


def apply_changes(changes: list[Change]) -> list[str]:
    """Write ``changes`` into the glossary files; returns the files written.

    Every file is edited in memory and validated first: nothing is written when one edit does not
    apply cleanly (the file changed since it was read) or an edited file would not validate.
    """
    edits: dict[str, dict[int, str]] = {}
    texts: dict[str, list[str]] = {}

    def line_of(term: Term) -> tuple[str, int, str]:
        assert term.origin and term.line
        if term.origin not in texts:
            texts[term.origin] = Path(term.origin).read_text("utf-8").split("\n")
        current = edits.setdefault(term.origin, {}).get(term.line)
        return term.origin, term.line, current if current is not None else texts[term.origin][term.line - 1]

    for change in changes:
        if change.promoted is None:
            path, no, line = line_of(change.old)
            edits[path][no] = _replace_text(line, change.old.text, change.new, path, no)
        else:
            path, no, line = line_of(change.promoted)
            edits[path][no] = _set_status(line, change.promoted.text, "preferred", path, no)
            path, no, line = line_of(change.old)
            edits[path][no] = _set_status(line, change.old.text, "admitted", path, no)
    new_texts = {
        path: "\n".join(edits[path].get(no, line) for no, line in enumerate(lines, 1))
        for path, lines in texts.items()
    }
    for path, text in new_texts.items():
        errors = parse_glossary_text(text, path).errors
        if errors:
            raise GlossaryError(
                _("the edit would break the file: {message}").format(message=errors[0].message),
                path,
                errors[0].line,
            )
        original = "\n".join(texts[path])
        if format_text(original, path) == original:  # a canonical file stays canonical
            new_texts[path] = format_text(text, path)
    for path, text in new_texts.items():
        atomic_write(path, text)
    return list(new_texts)


def _quoted(text: str) -> str:
    return f"term = {json.dumps(text, ensure_ascii=False)}"


def _check_line(line: str, text: str, path: str, no: int) -> None:
    if line.count("term =") != 1 or _quoted(text) not in line:
        raise GlossaryError(
            _("expected the single term {term!r} on this line; has the file changed?").format(term=text),
            path,
            no,
        )


def _replace_text(line: str, old: str, new: str, path: str, no: int) -> str:
    _check_line(line, old, path, no)
    return line.replace(_quoted(old), _quoted(new), 1)


def _set_status(line: str, text: str, status: str, path: str, no: int) -> str:
    _check_line(line, text, path, no)
    if _STATUS.search(line):
        return _STATUS.sub(f'status = "{status}"', line, count=1)
    return line.replace(_quoted(text), f'{_quoted(text)}, status = "{status}"', 1)
