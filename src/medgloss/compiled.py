"""The compiled glossary cache: matcher tables and concepts, loaded in a fraction of a second.

A pipeline built over the same glossary files (same paths, sizes and modification times, same
medgloss and spaCy versions, same English variant) reuses the tables compiled the first time. The
cache holds only strings, tuples, dicts and sets, written with ``marshal``; concepts are kept as
marshalled bytes and turned into ``Concept`` objects only when something asks for them, so a
100,000-concept glossary loads without building 100,000 objects. The folder is the one of
``glossary_cache`` (``$MEDGLOSS_CACHE``; ``off`` disables caching).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from collections.abc import Iterator, MutableMapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import spacy

from . import __version__
from .glossary_cache import cache_dir
from .model import Concept, Pattern, concept_from_tuple, concept_to_tuple
from .termbase import TermBase
from .textio import atomic_write

__all__ = ["ConceptTable", "cache_key", "load_compiled", "load_tables", "save_compiled", "save_tables"]

FORMAT = 4

_HERE = Path(__file__).resolve().parent
_COMPILER_FILES = tuple(
    _HERE / name
    for name in (
        "compiled.py",
        "matching.py",
        "pipeline.py",
        "typography.py",
        "data/generic_fr.txt",
        "data/idioms_fr.txt",
    )
)
"""The code and data that decide the compiled form: editing them invalidates the cache."""

Tables = tuple[dict[str, tuple[tuple[str, int], ...]], set[str]]


def _pack_concept(c: Concept) -> bytes:
    return marshal.dumps(concept_to_tuple(c))


def _unpack_concept(data: bytes) -> Concept:
    return concept_from_tuple(marshal.loads(data))


class ConceptTable(MutableMapping[str, Concept]):
    """Concepts by id, built from their packed form on first access (insertion order kept)."""

    def __init__(self, packed: dict[str, bytes]):
        self._packed = packed
        self._built: dict[str, Concept] = {}

    def __getitem__(self, key: str) -> Concept:
        concept = self._built.get(key)
        if concept is None:
            concept = _unpack_concept(self._packed[key])
            self._built[key] = concept
        return concept

    def __setitem__(self, key: str, value: Concept) -> None:
        if key not in self._packed:
            self._packed[key] = b""
        self._built[key] = value

    def __delitem__(self, key: str) -> None:
        del self._packed[key]
        self._built.pop(key, None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __contains__(self, key: object) -> bool:
        return key in self._packed


def cache_key(files: Sequence[Path], variant: str, tokenizer: str) -> str | None:
    """A key naming the compiled form of ``files``; None if a file cannot be read."""
    parts = [str(FORMAT), __version__, spacy.__version__, variant, tokenizer]
    try:
        for f in (*files, *_COMPILER_FILES):
            st = f.stat()
            parts.append(f"{f.resolve()}|{st.st_size}|{st.st_mtime_ns}")
    except OSError:
        return None
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _path(key: str, part: str = "") -> Path | None:
    folder = cache_dir()
    return None if folder is None else folder / f"compiled-{key}{part}.marshal"


Lexicon = tuple[dict[str, str], dict[str, str]]
"""English of one-word French terms, and concepts of generic heads, by inflection key."""


def save_compiled(key: str, termbase: TermBase, fr: Tables, lexicon: Lexicon) -> None:
    """Store the compiled form; a cache that cannot be written only costs speed."""
    path = _path(key)
    if path is None:
        return
    data = {
        "concepts": {cid: _pack_concept(c) for cid, c in termbase.concepts.items()},
        "patterns": [tuple(getattr(p, f.name) for f in fields(p)) for p in termbase.patterns],
        "files": list(termbase.files),
        "layers": {k: list(v) for k, v in termbase.layers.items()},
        "fr": fr,
        "lexicon": lexicon,
    }
    _write(path, data)


def save_tables(key: str, lang: str, tables: Tables) -> None:
    """Store the matcher tables of another language, compiled when a text first needs them."""
    path = _path(key, f"-{lang}")
    if path is not None:
        _write(path, tables)


def load_tables(key: str, lang: str) -> Tables | None:
    """The tables ``save_tables`` stored, or None."""
    path = _path(key, f"-{lang}")
    if path is None:
        return None
    try:
        paths, prefixes = marshal.loads(path.read_bytes())
        return paths, prefixes
    except Exception:  # missing, truncated or from another version: compile again
        return None


def _write(path: Path, data: Any) -> None:
    with contextlib.suppress(OSError, ValueError):  # a read-only cache only costs speed
        atomic_write(path, marshal.dumps(data, 2))  # version 2: no reference table, a fraction of the memory


def load_compiled(key: str) -> tuple[TermBase, Tables, Lexicon] | None:
    """The compiled form stored under ``key``, or None (missing, stale or unreadable)."""
    path = _path(key)
    if path is None:
        return None
    try:
        data: dict[str, Any] = marshal.loads(path.read_bytes())
        termbase = TermBase()
        termbase.concepts = ConceptTable(data["concepts"])
        termbase.patterns = [Pattern(*p) for p in data["patterns"]]
        termbase.files = data["files"]
        termbase.layers = data["layers"]  # lists of [path, line] pairs
        fr: Tables = (data["fr"][0], data["fr"][1])
        return termbase, fr, (data["lexicon"][0], data["lexicon"][1])
    except Exception:  # missing, truncated or from another version: compile again
        return None
