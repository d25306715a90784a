"""The termbase: concepts from the bundled glossary and the user's own glossary files, layered."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import replace
from importlib import resources
from pathlib import Path

from .errors import GlossaryError
from .glossary_cache import load_glossary_file
from .glossary_file import GlossaryFile, parse_glossary_file
from .model import Concept, Pattern, Term

__all__ = ["TermBase", "bundled_glossary_files", "glossary_files"]


def bundled_glossary_files() -> list[Path]:
    """The glossary files shipped inside the installed package, in name order."""
    root = resources.files("medgloss") / "glossary"
    with resources.as_file(root) as path:
        return sorted(Path(path).glob("*.toml"))


def glossary_files(path: str | Path) -> list[Path]:
    """``path`` itself, or the ``*.toml`` files of a directory; a missing path is an error."""
    p = Path(path)
    if p.is_dir():
        return sorted(p.glob("*.toml"))
    if not p.exists():
        raise GlossaryError("no such glossary file or directory", p)
    return [p]


class TermBase:
    """Concepts by id, in load order, with layering: later files extend or override earlier ones.

    A concept whose id is already known overrides it: its definition, codes and note replace the
    old ones where given, and its terms are merged by text (a new preferred term demotes the old
    preferred one of that language to admitted). ``layers[id]`` lists where each definition of a
    concept came from (``(path, line)``, first the overridden ones).
    """

    def __init__(self, concepts: Iterable[Concept] = (), patterns: Iterable[Pattern] = ()):
        self.concepts: MutableMapping[str, Concept] = {}
        self.patterns: list[Pattern] = []
        self.files: list[str] = []
        self.layers: dict[str, list[tuple[str | None, int | None]]] = {}
        for concept in concepts:
            self.add(concept)
        for pattern in patterns:
            self.add_pattern(pattern)

    @classmethod
    def load(cls, extra: Iterable[str | Path] = (), *, bundled: bool = True, cache: bool = True) -> TermBase:
        """The bundled glossary (unless ``bundled`` is false) layered with ``extra`` files or dirs.

        Files are read through the compiled cache (``glossary_cache``) unless ``cache`` is false.
        Raises GlossaryError, naming file and line, on the first file with errors.
        """
        paths = list(bundled_glossary_files()) if bundled else []
        for item in extra:
            paths.extend(glossary_files(item))
        tb = cls()
        for path in paths:
            tb.add_file(load_glossary_file(path) if cache else parse_glossary_file(path, strict=False))
        return tb

    def add_file(self, parsed: GlossaryFile) -> None:
        """Add a parsed file; refuse it when it has errors."""
        if parsed.errors:
            first = parsed.errors[0]
            more = (
                f" (and {len(parsed.errors) - 1} more; run 'medgloss glossary validate')"
                if len(parsed.errors) > 1
                else ""
            )
            raise GlossaryError(first.message + more, first.path, first.line)
        self.files.append(parsed.path)
        for concept in parsed.concepts:
            self.add(concept)
        for pattern in parsed.patterns:
            self.add_pattern(pattern)

    def add(self, concept: Concept) -> None:
        """Add ``concept``, or layer it over the concept of the same id."""
        self.layers.setdefault(concept.id, []).append((concept.path, concept.line))
        old = self.concepts.get(concept.id)
        if old is None:
            self.concepts[concept.id] = concept
            return
        self.concepts[concept.id] = _overlay(old, concept)

    def add_pattern(self, pattern: Pattern) -> None:
        """Add ``pattern``, replacing one of the same id."""
        self.patterns = [p for p in self.patterns if p.id != pattern.id] + [pattern]

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def __getitem__(self, concept_id: str) -> Concept:
        return self.concepts[concept_id]

    def pattern(self, pattern_id: str) -> Pattern | None:
        """The pattern with ``pattern_id``, if any."""
        return next((p for p in self.patterns if p.id == pattern_id), None)

    def get(self, concept_id: str) -> Concept | None:
        return self.concepts.get(concept_id)

    def without(self, concept_ids: Iterable[str]) -> TermBase:
        """A copy without the given concepts (for tests and what-if evaluations)."""
        drop = set(concept_ids)
        return TermBase((c for c in self if c.id not in drop), self.patterns)


def _overlay(old: Concept, new: Concept) -> Concept:
    terms = list(old.terms)
    for term in new.terms:
        if term.status == "preferred":
            terms = [
                replace(t, status="admitted") if t.lang == term.lang and t.status == "preferred" else t
                for t in terms
            ]
        same = [i for i, t in enumerate(terms) if t.lang == term.lang and t.text == term.text]
        if same:
            terms[same[0]] = term
        else:
            terms.append(term)
    return Concept(
        id=old.id,
        category=new.category or old.category,
        domain=old.domain,
        terms=_ordered(terms),
        definition={**old.definition, **new.definition},
        codes={**old.codes, **new.codes},
        note=new.note or old.note,
        source=new.source or old.source,
        path=new.path,
        line=new.line,
        read_only=new.read_only,
    )


def _ordered(terms: list[Term]) -> list[Term]:
    return sorted(terms, key=lambda t: (t.lang != "fr", t.status != "preferred"))
