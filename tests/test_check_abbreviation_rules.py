"""Abbreviations lay readers need spelled out (medgloss.check.abbreviation_rules)."""

from __future__ import annotations

from medgloss.check import CheckOptions, Document, check_document


def found(text: str, rule: str) -> list[tuple[int, str | None, str | None]]:
    findings = check_document(Document("article.txt", text, "fr"), CheckOptions())
    return [(f.line, f.term, f.suggestion) for f in findings if f.rule == rule]


def test_never_defined() -> None:
    text = "L'HTA touche un adulte sur trois.\nL'HTA se soigne bien."
    assert found(text, "undefined-abbreviation") == [(1, "HTA", "hypertension artérielle (HTA)")]


def test_defined_at_first_use() -> None:
    text = "L'hypertension artérielle (HTA) touche un adulte sur trois. L'HTA se soigne bien."
    assert found(text, "undefined-abbreviation") == []
    assert found(text, "abbreviation-before-definition") == []


def test_spelled_out_in_passing() -> None:
    text = "L'hypertension artérielle, ou HTA, touche un adulte sur trois."
    assert found(text, "undefined-abbreviation") == []


def test_used_before_its_definition() -> None:
    text = "L'HTA est fréquente.\n\nL'hypertension artérielle (HTA) se soigne bien."
    assert found(text, "abbreviation-before-definition") == [(1, "HTA", "hypertension artérielle (HTA)")]
    assert found(text, "undefined-abbreviation") == []


def test_abbreviations_without_the_glossary_flag_are_free() -> None:
    # AVC is an abbreviation of the glossary, but not one it marks as needing a definition
    assert found("Un AVC est une urgence.", "undefined-abbreviation") == []
