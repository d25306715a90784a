"""Rebuilding the translated article: the original layout, untranslated sentences kept in French."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest
from spacy.language import Language

from medgloss.api import annotate
from medgloss.po import PoError, article_catalogs, parse_po, rebuild_article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLES = sorted((ROOT / "examples").glob("*.txt")) + sorted((SHARED / "seed").glob("*.txt"))
PO = Path(__file__).parent / "fixtures" / "po"


def _translated(text: str, nlp_fast: Language, translate: bool = True) -> polib.POFile:
    termbase = nlp_fast.get_pipe("medgloss").termbase  # type: ignore[attr-defined]
    _, po = article_catalogs(text, "a.txt", annotate(text, mode="fast"), termbase)
    if translate:
        for entry in po:
            entry.msgstr, entry.flags = f"[{entry.msgid}]", []
    return parse_po(str(po))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_translation_keeps_the_original_layout(path: Path, nlp_fast: Language) -> None:
    text = path.read_text("utf-8")
    rebuilt = rebuild_article(_translated(text, nlp_fast))
    assert rebuilt.text.count("\n") == text.count("\n")
    for original, translated in zip(text.split("\n"), rebuilt.text.split("\n"), strict=True):
        assert bool(original.strip()) == bool(translated.strip())
        assert translated.startswith("[") == bool(original.strip())
    assert rebuilt.translated == len(rebuilt.segments) and rebuilt.untranslated == 0


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_identity_translation_gives_back_the_article(path: Path, nlp_fast: Language) -> None:
    text = path.read_text("utf-8")
    assert rebuild_article(_translated(text, nlp_fast, translate=False)).text == text


def test_fuzzy_and_untranslated_keep_the_source() -> None:
    rebuilt = rebuild_article(parse_po((PO / "valid.en.po").read_text("utf-8")))
    assert rebuilt.text == (
        'Dermatomyositis\n\nA rare "disease". Elle touche la peau et les muscles.\n\nFin.\n'
    )
    assert (rebuilt.translated, rebuilt.fuzzy, rebuilt.untranslated) == (2, 1, 1)
    assert rebuilt.source == "mini.txt"


def test_a_message_without_reference_cannot_be_placed() -> None:
    text = 'msgid "a"\nmsgstr "b"\n\n#: x.txt:2\nmsgid "c"\nmsgstr ""\n\nmsgid "d"\nmsgstr "e"\n'
    with pytest.raises(PoError) as caught:
        rebuild_article(parse_po(text), "x.en.po")
    assert caught.value.line == 1 and "no '#: file:LINE' reference" in caught.value.message


def test_without_lines_header_the_last_reference_ends_the_text() -> None:
    text = '#: x.txt:1\nmsgid "Titre"\nmsgstr "Title"\n\n#: x.txt:3\nmsgid "Fin."\nmsgstr "End."\n'
    assert rebuild_article(parse_po(text)).text == "Title\n\nEnd.\n"
