"""Reports: linter-style text, JSON and SARIF 2.1.0 (medgloss.check.reporters)."""

from __future__ import annotations

import json

from medgloss.check import RULES, Finding
from medgloss.check.reporters import render_json, render_sarif, render_text
from medgloss.check.runner import FileReport

FINDINGS = [
    Finding(
        "article.en.txt",
        3,
        12,
        "forbidden-term",
        "error",
        "'reanimation' is forbidden",
        "reanimation",
        "intensive care",
        11,
    ),
    Finding(
        "article.en.txt",
        5,
        1,
        "missing-equivalent",
        "warning",
        "no equivalent of 'calcinose'",
        "calcinose",
        "calcinosis",
    ),
]
REPORTS = [FileReport("article.en.txt", FINDINGS, "lines", 7)]
LEVELS = {rule_id: rule.severity for rule_id, rule in RULES.items()}


def test_text_lines() -> None:
    assert render_text(REPORTS, LEVELS).splitlines() == [
        "article.en.txt:3:12: error forbidden-term 'reanimation' is forbidden (suggestion: intensive care)",
        "article.en.txt:5:1: warning missing-equivalent no equivalent of 'calcinose' (suggestion: calcinosis)",
    ]


def test_text_colours_only_when_asked() -> None:
    assert "\x1b[" not in render_text(REPORTS, LEVELS)
    coloured = render_text(REPORTS, LEVELS, True)
    assert "\x1b[31m" in coloured and "\x1b[33m" in coloured  # red errors, yellow warnings


def test_json() -> None:
    data = json.loads(render_json(REPORTS, LEVELS))
    assert data["findings"][0] == {
        "path": "article.en.txt",
        "line": 3,
        "column": 12,
        "rule": "forbidden-term",
        "severity": "error",
        "message": "'reanimation' is forbidden",
        "term": "reanimation",
        "suggestion": "intensive care",
    }
    summary = data["summary"]
    assert (summary["files"], summary["findings"], summary["error"], summary["warning"], summary["info"]) == (
        1,
        2,
        1,
        1,
        0,
    )
    assert summary["rules"] == {"forbidden-term": 1, "missing-equivalent": 1}
    assert summary["alignments"] == {"article.en.txt": {"method": "lines", "segments": 7}}


def test_sarif_2_1_0() -> None:
    levels = {**LEVELS, "number-format": "off"}
    log = json.loads(render_sarif(REPORTS, levels))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "medgloss"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert rule_ids == list(RULES)
    assert all(r["shortDescription"]["text"] for r in driver["rules"])
    number_format = driver["rules"][rule_ids.index("number-format")]
    assert number_format["defaultConfiguration"] == {"level": "none", "enabled": False}
    first, second = run["results"]
    assert first["ruleId"] == "forbidden-term" and first["level"] == "error"
    assert rule_ids[first["ruleIndex"]] == "forbidden-term"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "article.en.txt"},
        "region": {"startLine": 3, "startColumn": 12, "endColumn": 23},
    }
    assert (
        second["level"] == "warning"
        and "endColumn" not in second["locations"][0]["physicalLocation"]["region"]
    )
    assert "intensive care" in first["message"]["text"]
