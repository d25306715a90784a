"""The exceptions medgloss raises: one hierarchy, each error knows where it happened."""

from __future__ import annotations

from pathlib import Path

__all__ = ["GlossaryError", "InputError", "MedglossError"]


class MedglossError(Exception):
    """Base class; ``str(err)`` is a one-line message naming the file and line when known."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __str__(self) -> str:
        where = self.path or ""
        if self.path and self.line is not None:
            where = f"{self.path}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(MedglossError):
    """An input file cannot be read: missing, binary, empty, undecodable or too large."""


class GlossaryError(MedglossError):
    """A glossary file is malformed or inconsistent."""
