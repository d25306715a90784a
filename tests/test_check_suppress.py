"""Inline markers that silence rules on one line (medgloss.check.suppress)."""

from __future__ import annotations

from medgloss.check.suppress import suppressed


def test_disable_line_silences_every_rule() -> None:
    assert suppressed("forbidden-term", "He went to reanimation. <!-- medgloss-disable-line -->")
    assert suppressed("number-mismatch", "Dose 5 mg # medgloss: ignore")


def test_named_rules_only() -> None:
    line = "la pneumopathie interstitielle  <!-- medgloss: ignore[deprecated-term, register] -->"
    assert suppressed("deprecated-term", line)
    assert suppressed("register", line)
    assert not suppressed("forbidden-term", line)


def test_next_line_marker() -> None:
    assert suppressed(
        "forbidden-term", "Reanimation ward", "<!-- medgloss-disable-next-line[forbidden-term] -->"
    )
    assert not suppressed("forbidden-term", "Reanimation ward", "<!-- medgloss-disable-line -->")
    assert not suppressed("forbidden-term", "<!-- medgloss-disable-next-line -->")


def test_no_marker() -> None:
    assert not suppressed("forbidden-term", "The patient was moved to reanimation.", "Previous line.")
