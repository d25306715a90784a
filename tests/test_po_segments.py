"""Translation segments: sentences on their lines, nothing lost, kinds."""

from __future__ import annotations

from pathlib import Path

import pytest

from medgloss.po import split_segments

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLES = sorted((ROOT / "examples").glob("*.txt")) + sorted((SHARED / "seed").glob("*.txt"))


def test_kinds_and_lines() -> None:
    text = "Titre : la calcinose\n\nPublié le\n12 mars\n\nIntertitre\n\nUne phrase. Une autre !\n"
    got = [(s.kind, s.line, s.text) for s in split_segments(text)]
    assert got == [
        ("title", 1, "Titre : la calcinose"),
        ("paragraph", 3, "Publié le"),
        ("paragraph", 4, "12 mars"),
        ("heading", 6, "Intertitre"),
        ("paragraph", 8, "Une phrase."),
        ("paragraph", 8, "Une autre !"),
    ]


def test_closing_quotes_and_brackets_stay_with_their_sentence() -> None:
    text = "Titre\n\nPuis (enfin.) Il a dit « stop.» Rien.\r\n"
    assert [s.text for s in split_segments(text)][1:] == ["Puis (enfin.)", "Il a dit « stop.»", "Rien."]


def test_offsets_point_into_the_text() -> None:
    text = "Titre\n\n  Indenté. Suite.  \n"
    for seg in split_segments(text):
        assert text[seg.start : seg.end] == seg.text


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_no_character_is_lost(path: Path) -> None:
    text = path.read_text("utf-8")
    segments = split_segments(text)
    kept = "".join(s.text for s in segments)
    assert "".join(kept.split()) == "".join(text.split())
    assert segments[0].kind == "title"
