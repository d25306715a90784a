"""Running the rules: levels from the configuration, inline markers, dispatch by file kind
(medgloss.check.runner and medgloss.check.registry)."""

from __future__ import annotations

from pathlib import Path

import pytest

from medgloss.check import RULES, CheckOptions, Document, check_document, check_file, resolve_levels
from medgloss.errors import MedglossError

TEXT = "The patient was moved to reanimation. The dose was 2,5 mg."


def rules(text: str, **options: object) -> list[tuple[str, str]]:
    findings = check_document(Document("note.txt", text, "en"), CheckOptions(**options))  # type: ignore[arg-type]
    return [(f.rule, f.severity) for f in findings]


def test_default_levels() -> None:
    assert rules(TEXT) == [("forbidden-term", "error"), ("number-format", "warning")]


def test_configured_levels() -> None:
    levels = resolve_levels(RULES, {"forbidden-term": "warning", "number-format": "off"})
    assert rules(TEXT, levels=levels) == [("forbidden-term", "warning")]


def test_bad_configuration_names_the_file() -> None:
    with pytest.raises(MedglossError, match="unknown rule 'no-such-rule'") as err:
        resolve_levels(RULES, {"no-such-rule": "off"}, "/project/.medgloss.toml")
    assert str(err.value).startswith("/project/.medgloss.toml: ")
    with pytest.raises(MedglossError, match="level must be one of"):
        resolve_levels(RULES, {"forbidden-term": "fatal"})


def test_inline_markers() -> None:
    text = (
        "The patient was moved to reanimation. <!-- medgloss: ignore[forbidden-term] -->\n"
        "<!-- medgloss-disable-next-line -->\n"
        "Another stay in reanimation, at 2,5 mg.\n"
        "A third reanimation. <!-- medgloss: ignore[number-format] -->\n"
    )
    findings = check_document(Document("note.txt", text, "en"), CheckOptions())
    assert [(f.line, f.rule) for f in findings] == [(4, "forbidden-term")]


def test_markers_in_po_comments(tmp_path: Path) -> None:
    po = tmp_path / "article.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# medgloss: ignore[forbidden-term]\nmsgid "Il est en réanimation."\nmsgstr "He is in reanimation."\n\n'
        'msgid "Elle est en réanimation."\nmsgstr "She is in reanimation."\n',
        "utf-8",
    )
    report = check_file(str(po))
    assert [(f.line, f.rule) for f in report.findings] == [(9, "forbidden-term")]
    assert (report.alignment, report.segments) == ("entries", 2)


def test_dispatch_by_kind(tmp_path: Path) -> None:
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("Il reçoit 15 mg par jour.\tHe receives 50 mg a day.\n", "utf-8")
    report = check_file(str(tsv))
    assert [(f.line, f.column, f.rule) for f in report.findings] == [(1, 39, "number-mismatch")]
    text = tmp_path / "note.en.txt"
    text.write_text(TEXT, "utf-8")
    report = check_file(str(text))
    assert report.alignment is None
    assert [f.rule for f in report.findings] == ["forbidden-term", "number-format"]
