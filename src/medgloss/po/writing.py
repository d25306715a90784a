"""Writing catalogs: ``.po``/``.pot`` text and compiled ``.mo``, always atomically."""

from __future__ import annotations

from pathlib import Path

import polib

from ..textio import atomic_write

__all__ = ["compile_mo", "po_text", "write_mo", "write_po"]


def po_text(catalog: polib.POFile) -> str:
    """The catalog as PO text (polib's layout, lines wrapped as msgmerge does), ending in a newline."""
    text = str(catalog)
    return text if text.endswith("\n") else text + "\n"


def write_po(catalog: polib.POFile, path: str | Path) -> None:
    """Write ``catalog`` to ``path`` (UTF-8), through a temporary file and a rename."""
    atomic_write(path, po_text(catalog))


def compile_mo(catalog: polib.POFile) -> bytes:
    """The ``.mo`` form of ``catalog``, as ``msgfmt`` makes it: translated messages only (fuzzy and
    obsolete ones left out), and a header without ``POT-Creation-Date``."""
    metadata = catalog.metadata
    catalog.metadata = {k: v for k, v in metadata.items() if k != "POT-Creation-Date"}
    try:
        return bytes(catalog.to_binary())
    finally:
        catalog.metadata = metadata


def write_mo(catalog: polib.POFile, path: str | Path) -> None:
    """Compile ``catalog`` and write the ``.mo`` to ``path`` atomically."""
    atomic_write(path, compile_mo(catalog))
