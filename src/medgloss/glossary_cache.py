"""A compiled cache of parsed glossary files, so large glossaries load fast on repeated runs.

The parse result of each file (concepts, patterns, problems) is stored as compact tuples in a
pickle under the cache folder, one entry per file, keyed by the file's path, size and
modification time, the medgloss version, the interface language and whether the standard
library parsed it (see ``glossary_file``). Any change to the file makes the entry stale: it is
parsed again and the entry replaced. A cache that cannot be read or written is ignored.

The folder is ``$MEDGLOSS_CACHE`` when set (``off`` disables the cache), else
``$XDG_CACHE_HOME/medgloss`` or ``~/.cache/medgloss`` (``%LOCALAPPDATA%\\medgloss`` on Windows).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from . import __version__
from .glossary_file import GlossaryFile, parse_glossary_file
from .i18n import current_language
from .model import concept_from_tuple, concept_to_tuple
from .textio import atomic_write

__all__ = ["cache_dir", "load_glossary_file"]

FORMAT = 3
"""Bumped whenever the layout of an entry changes."""
_OFF = ("", "0", "off", "no", "false", "none")


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    value = os.environ.get("MEDGLOSS_CACHE")
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value).expanduser()
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "medgloss"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "medgloss"


def load_glossary_file(path: str | Path, *, strict: bool = False) -> GlossaryFile:
    """``parse_glossary_file(path, strict=strict)``, from the cache when the file has not changed.

    A strict request is only answered by an entry that the standard library parsed.
    """
    folder = cache_dir()
    p = Path(path)
    try:
        stat = p.stat()
        resolved = str(p.resolve())
    except OSError:
        return parse_glossary_file(p, strict=strict)
    if folder is None or not p.is_file():
        return parse_glossary_file(p, strict=strict)
    key = (FORMAT, __version__, current_language(), resolved, str(p), stat.st_size, stat.st_mtime_ns)
    entry = folder / (hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:32] + ".pickle")
    cached = _read(entry, key, strict)
    if cached is not None:
        return cached
    parsed = parse_glossary_file(p, strict=strict)
    with contextlib.suppress(OSError):  # a read-only or full cache folder only costs speed
        atomic_write(entry, pickle.dumps((key, parsed.strict), 5) + pickle.dumps(_pack(parsed), 5))
    return parsed


def _read(entry: Path, key: tuple[Any, ...], strict: bool) -> GlossaryFile | None:
    try:
        with entry.open("rb") as fh:
            stored_key, stored_strict = pickle.load(fh)
            if stored_key != key or (strict and not stored_strict):
                return None
            return _unpack(pickle.load(fh))
    except Exception:  # missing, truncated, foreign or older entries are simply rebuilt
        return None


def _pack(parsed: GlossaryFile) -> tuple[Any, ...]:
    """Plain tuples (fast to pickle) for what ``parsed`` holds."""
    concepts = [concept_to_tuple(c) for c in parsed.concepts]
    return (parsed.path, parsed.header, concepts, parsed.patterns, parsed.problems, parsed.strict)


def _unpack(data: tuple[Any, ...]) -> GlossaryFile:
    path, header, rows, patterns, problems, strict = data
    return GlossaryFile(path, header, [concept_from_tuple(row) for row in rows], patterns, problems, strict)
