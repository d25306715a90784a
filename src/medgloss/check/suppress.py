"""Inline markers that switch rules off for one line.

``medgloss-disable-line`` or ``medgloss: ignore`` on a line silences every rule there;
``medgloss: ignore[rule-a, rule-b]`` (or ``medgloss-disable-line[rule-a]``) only those rules;
``medgloss-disable-next-line`` (with or without ``[...]``) does the same for the line below, for
formats where a marker is best kept on a line of its own (an HTML or Markdown comment).
"""

from __future__ import annotations

import re

__all__ = ["suppressed"]

_MARKER = re.compile(
    r"medgloss(?:-disable-(?P<which>line|next-line)|:\s*ignore)(?:\[(?P<rules>[\w\s,.-]*)\])?",
    re.IGNORECASE,
)


def _silences(text: str, rule_id: str, next_line: bool) -> bool:
    for m in _MARKER.finditer(text):
        if (m.group("which") == "next-line") != next_line:
            continue
        rules = m.group("rules")
        if rules is None or rule_id in {r.strip() for r in rules.split(",")}:
            return True
    return False


def suppressed(rule_id: str, line: str, previous: str = "") -> bool:
    """True when a marker on ``line`` (or a next-line marker on ``previous``) silences ``rule_id``.

    >>> suppressed("deprecated-term", "la pneumopathie <!-- medgloss: ignore[deprecated-term] -->")
    True
    >>> suppressed("number-mismatch", "la pneumopathie <!-- medgloss: ignore[deprecated-term] -->")
    False
    >>> suppressed("forbidden-term", "Reanimation ward", "<!-- medgloss-disable-next-line -->")
    True
    """
    if "medgloss" not in line.lower() and "medgloss" not in previous.lower():
        return False
    return _silences(line, rule_id, False) or _silences(previous, rule_id, True)
