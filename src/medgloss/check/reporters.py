"""Reports of findings: linter-style text (coloured on a terminal), JSON and SARIF 2.1.0."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..i18n import _
from .findings import SEVERITIES, Finding
from .rules import RULES
from .runner import FileReport

__all__ = ["REPORTERS", "render_json", "render_sarif", "render_text", "summary"]

_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note", "off": "none"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _all(reports: Sequence[FileReport]) -> list[Finding]:
    return [f for r in reports for f in r.findings]


def summary(reports: Sequence[FileReport]) -> dict[str, Any]:
    """Counts by severity and rule, and how each translation was aligned."""
    findings = _all(reports)
    severities = Counter(f.severity for f in findings)
    return {
        "files": len(reports),
        "findings": len(findings),
        **{s: severities.get(s, 0) for s in SEVERITIES},
        "rules": dict(sorted(Counter(f.rule for f in findings).items())),
        "alignments": {
            r.path: {"method": r.alignment, "segments": r.segments} for r in reports if r.alignment
        },
    }


def render_text(reports: Sequence[FileReport], levels: Mapping[str, str], color: bool = False) -> str:
    """``path:line:col: severity rule-id message (suggestion)``, one finding a line."""
    del levels
    lines = []
    for f in _all(reports):
        severity = click.style(f.severity, fg=_COLOURS[f.severity], bold=True) if color else f.severity
        rule_id = click.style(f.rule, dim=True) if color else f.rule
        line = f"{f.path}:{f.line}:{f.column}: {severity} {rule_id} {f.message}"
        if f.suggestion:
            line += " " + _("(suggestion: {suggestion})").format(suggestion=f.suggestion)
        lines.append(line)
    return "".join(line + "\n" for line in lines)


def render_json(reports: Sequence[FileReport], levels: Mapping[str, str], color: bool = False) -> str:
    """``{"findings": [...], "summary": {...}}``."""
    del levels, color
    data = {"findings": [f.to_json() for f in _all(reports)], "summary": summary(reports)}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _uri(path: str) -> str:
    if path == "-":
        return "stdin"
    p = Path(path)
    return p.as_uri() if p.is_absolute() else p.as_posix()


def render_sarif(reports: Sequence[FileReport], levels: Mapping[str, str], color: bool = False) -> str:
    """A SARIF 2.1.0 log with one run, the rules with their levels in force, for code-scanning UIs."""
    del color
    index = {rule_id: k for k, rule_id in enumerate(RULES)}
    driver_rules = [
        {
            "id": r.id,
            "shortDescription": {"text": _(r.title)},
            "defaultConfiguration": {
                "level": _SARIF_LEVELS[levels.get(r.id, r.severity)],
                "enabled": levels.get(r.id, r.severity) != "off",
            },
            "properties": {"kind": r.kind},
        }
        for r in RULES.values()
    ]
    results = []
    for f in _all(reports):
        region: dict[str, int] = {"startLine": f.line, "startColumn": f.column}
        if f.length:
            region["endColumn"] = f.column + f.length
        text = f.message
        if f.suggestion:
            text += " " + _("(suggestion: {suggestion})").format(suggestion=f.suggestion)
        result: dict[str, Any] = {
            "ruleId": f.rule,
            "level": _SARIF_LEVELS[f.severity],
            "message": {"text": text},
            "locations": [
                {"physicalLocation": {"artifactLocation": {"uri": _uri(f.path)}, "region": region}}
            ],
            "properties": {"term": f.term, "suggestion": f.suggestion},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "medgloss", "version": __version__, "rules": driver_rules}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


Reporter = Callable[[Sequence[FileReport], Mapping[str, str], bool], str]
REPORTERS: dict[str, Reporter] = {"text": render_text, "json": render_json, "sarif": render_sarif}
"""Report format name → ``fn(reports, levels, color) -> str`` (``levels``: rule id → level in force)."""
