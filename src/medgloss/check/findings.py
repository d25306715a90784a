"""What a check reports: findings with a place, a rule, a severity and a suggestion."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["LEVELS", "SEVERITIES", "Finding", "Hit", "at_least"]

SEVERITIES = ("error", "warning", "info")
"""From the most to the least serious."""
LEVELS = (*SEVERITIES, "off")
"""What the configuration may set a rule to."""


def at_least(severity: str, level: str) -> bool:
    """True when ``severity`` is as serious as ``level`` or more.

    >>> at_least("error", "warning"), at_least("info", "warning")
    (True, False)
    """
    return SEVERITIES.index(severity) <= SEVERITIES.index(level)


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule found: characters ``[start, end)`` of the checked document and what to say."""

    start: int
    end: int
    message: str
    term: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, located in a file: 1-based line and column, ``length`` characters on that line
    (0 when the problem has no exact extent there: a missing term, a string of a .po file)."""

    path: str
    line: int
    column: int
    rule: str
    severity: str
    message: str
    term: str | None = None
    suggestion: str | None = None
    length: int = 0

    def to_json(self) -> dict[str, Any]:
        """The JSON form documented in docs/check.md."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "term": self.term,
            "suggestion": self.suggestion,
        }
