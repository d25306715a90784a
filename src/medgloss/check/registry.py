"""Rules are small functions with an id, a default severity and a title (their docstring's first
paragraph, plain text: it is shown by ``--list-rules`` and in SARIF).

A *document* rule looks at one text (``DocContext``); a *pair* rule looks at one aligned
source/target segment of a translation (``SegmentContext``). Both yield ``Hit`` objects; the
runner turns them into findings, applies the configuration and the inline markers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import MedglossError
from ..i18n import _
from .findings import LEVELS, SEVERITIES, Hit

__all__ = ["KINDS", "Rule", "resolve_levels", "rule"]

KINDS = ("document", "pair")


@dataclass(frozen=True, slots=True)
class Rule:
    """A check: ``run(ctx)`` yields hits; ``title`` is the first paragraph of its docstring."""

    id: str
    severity: str
    kind: str
    run: Callable[[Any], Iterable[Hit]]
    title: str


def rule(
    rule_id: str, severity: str, kind: str = "document"
) -> Callable[[Callable[[Any], Iterable[Hit]]], Rule]:
    """Make a function a ``Rule`` (``kind`` is ``document`` or ``pair``)."""
    if severity not in SEVERITIES or kind not in KINDS:
        raise ValueError(f"bad severity {severity!r} or kind {kind!r} for rule {rule_id}")

    def wrap(func: Callable[[Any], Iterable[Hit]]) -> Rule:
        title = " ".join((func.__doc__ or rule_id).strip().split("\n\n")[0].split())
        return Rule(rule_id, severity, kind, func, title)

    return wrap


def resolve_levels(
    rules: Mapping[str, Rule], settings: Mapping[str, str], where: str | None = None
) -> dict[str, str]:
    """The level of every rule (``off`` or a severity) after the configuration's ``settings``.

    Raises MedglossError, naming ``where`` (the configuration file), for an unknown rule or level.
    """
    levels = {rule_id: r.severity for rule_id, r in rules.items()}
    for rule_id, level in settings.items():
        if rule_id not in rules:
            raise MedglossError(
                _("unknown rule '{rule}' in [rules]; known rules: {known}").format(
                    rule=rule_id, known=", ".join(sorted(rules))
                ),
                where,
            )
        if level not in LEVELS:
            raise MedglossError(
                _("rule '{rule}': level must be one of {levels}, not '{level}'").format(
                    rule=rule_id, levels=", ".join(LEVELS), level=level
                ),
                where,
            )
        levels[rule_id] = level
    return levels
