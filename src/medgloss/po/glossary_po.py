"""The glossary as a translation catalog: one message per French term, msgstr = English preferred.

``msgctxt`` is the concept id (homographs stay distinct), ``#.`` comments carry category, domain,
the term's status and type, definitions, English alternatives, forbidden renderings and notes,
``#:`` the glossary file and line of the French term. Flags follow Weblate's glossary: ``forbidden``
for a forbidden French term, ``read-only`` for concepts of read-only glossaries, and ``fuzzy`` (in
the ``.po``) for concepts not yet reviewed by us, i.e. imported ones (``source`` other than
``medgloss``).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import polib

from ..i18n import _
from ..model import Concept, Term
from ..termbase import TermBase
from .headers import new_catalog

__all__ = ["GLOSSARY_KIND", "Selection", "glossary_catalog", "is_reviewed", "reference_path"]

GLOSSARY_KIND = "glossary"
"""Value of the ``X-Medgloss-Kind`` header of glossary catalogs."""


@dataclass(frozen=True, slots=True)
class Selection:
    """Which entries to export; an empty collection lets everything through."""

    domains: Collection[str] = ()
    categories: Collection[str] = ()
    statuses: Collection[str] = ()

    def concepts(self, termbase: TermBase) -> Iterator[Concept]:
        for concept in termbase:
            if self.domains and concept.domain not in self.domains:
                continue
            if self.categories and concept.category not in self.categories:
                continue
            yield concept

    def terms(self, concept: Concept) -> list[Term]:
        return [t for t in concept.terms_in("fr") if not self.statuses or t.status in self.statuses]


def is_reviewed(concept: Concept) -> bool:
    """True for concepts we wrote or reviewed (no ``source``, or ``source = "medgloss"``)."""
    return concept.source in (None, "", "medgloss")


def reference_path(path: str | None) -> str:
    """How a ``#:`` reference names a glossary file: ``glossary/NAME.toml`` for the bundled glossary,
    else ``path`` relative to the current directory when it lies below it."""
    if not path:
        return "glossary"
    if Path(path).parent == _bundled_root():
        return f"glossary/{Path(path).name}"
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else Path(relative).as_posix()


@cache
def _bundled_root() -> Path:
    with resources.as_file(resources.files("medgloss") / "glossary") as root:
        return Path(root)


def glossary_catalog(
    termbase: TermBase,
    *,
    language: str | None = "en",
    variant: str = "en-GB",
    selection: Selection | None = None,
) -> polib.POFile:
    """The glossary catalog: a template when ``language`` is None, else filled with English terms."""
    selection = selection or Selection()
    catalog = new_catalog(
        f"medgloss glossary ({variant})",
        language.replace("-", "_") if language else None,
        _("The medgloss glossary: French terms and their English equivalents."),
    )
    catalog.metadata["X-Medgloss-Kind"] = GLOSSARY_KIND
    catalog.metadata["X-Medgloss-Variant"] = variant
    for concept in selection.concepts(termbase):
        preferred = concept.preferred("en", variant)
        seen: set[str] = set()
        for term in selection.terms(concept):
            if term.text in seen:
                continue
            seen.add(term.text)
            flags = []
            if term.status == "forbidden":
                flags.append("forbidden")
            if concept.read_only:
                flags.append("read-only")
            if language and not is_reviewed(concept) and preferred is not None:
                flags.append("fuzzy")
            catalog.append(
                polib.POEntry(
                    msgctxt=concept.id,
                    msgid=term.text,
                    msgstr=preferred.text if language and preferred is not None else "",
                    comment="\n".join(_comments(concept, term, preferred, variant)),
                    occurrences=[
                        (reference_path(term.origin or concept.path), str(term.line or concept.line or ""))
                    ],
                    flags=flags,
                )
            )
    return catalog


def _comments(concept: Concept, term: Term, preferred: Term | None, variant: str) -> list[str]:
    lines = [
        _("category: {category}; domain: {domain}").format(category=concept.category, domain=concept.domain)
    ]
    status = _("French term: {status}").format(status=term.status)
    if term.type != "full":
        status += f", {term.type}"
    if term.register:
        status += f", {term.register}"
    lines.append(status)
    for lang in ("fr", "en"):
        if concept.definition.get(lang):
            lines.append(_("definition ({lang}): {text}").format(lang=lang, text=concept.definition[lang]))
    alternatives = [_described(t) for t in concept.alternatives("en", variant)]
    if alternatives:
        lines.append(_("English alternatives: {terms}").format(terms="; ".join(alternatives)))
    for t in concept.terms_in("en"):
        if t.status in ("forbidden", "deprecated"):
            label = _("forbidden") if t.status == "forbidden" else _("deprecated")
            lines.append(f"{label}: {_described(t)}")
    if term.note:
        lines.append(_("usage note: {note}").format(note=term.note))
    if preferred is not None and preferred.note:
        lines.append(_("note on {term}: {note}").format(term=preferred.text, note=preferred.note))
    if concept.note:
        lines.append(_("concept note: {note}").format(note=concept.note))
    return lines


def _described(term: Term) -> str:
    extra = [x for x in (term.type if term.type != "full" else None, term.variant, term.note) if x]
    return f"{term.text} ({'; '.join(extra)})" if extra else term.text
