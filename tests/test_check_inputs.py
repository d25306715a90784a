"""Reading texts, translations, translated .po files and TSV segment pairs (medgloss.check.inputs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from medgloss.check import read_po, read_translation, read_tsv
from medgloss.check.inputs import detect_language, read_text
from medgloss.errors import InputError

PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: en\\n"

#: article.txt:3
msgid "La dermatomyosite est rare."
msgstr "Dermatomyositis is rare."

#, fuzzy
msgid "Deux personnes atteintes."
msgstr ""
"Two people "
"with it."

msgid "Pas encore traduit."
msgstr ""

#~ msgid "Ancien"
#~ msgstr "Old"
"""


def test_po_entries_become_segment_pairs(tmp_path: Path) -> None:
    path = tmp_path / "article.po"
    path.write_text(PO, "utf-8")
    tr = read_po(str(path))
    assert tr.method == "entries"
    pairs = [
        (tr.source.text[s:e], tr.target.text[t:u])
        for (s, e), (t, u) in ((p.source, p.target) for p in tr.pairs)
    ]
    assert pairs == [
        ("La dermatomyosite est rare.", "Dermatomyositis is rare."),
        ("Deux personnes atteintes.", "Two people with it."),  # fuzzy entries are checked too
    ]
    # findings go to the msgstr line of each entry
    assert [tr.target.locate(p.target[0]) for p in tr.pairs] == [(8, 1), (12, 1)]
    assert tr.source.line_number(tr.pairs[1].source[0]) == 11


def test_po_without_translations(tmp_path: Path) -> None:
    path = tmp_path / "empty.po"
    path.write_text('msgid "Bonjour"\nmsgstr ""\n', "utf-8")
    with pytest.raises(InputError, match="no translated entries"):
        read_po(str(path))


def test_tsv_rows(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("fr\ten\nLa calcinose.\tCalcinosis.\n\nUn AVC.\tA stroke.\textra\n", "utf-8")
    tr = read_tsv(str(path))
    assert tr.method == "rows"
    assert [tr.target.locate(p.target[0]) for p in tr.pairs] == [(2, 15), (4, 9)]
    assert tr.target.locate(tr.pairs[1].target[0] + 2) == (4, 11)  # columns inside a cell are exact


def test_tsv_row_without_a_tab(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("La calcinose.\tCalcinosis.\nUne ligne sans tabulation\n", "utf-8")
    with pytest.raises(InputError) as err:
        read_tsv(str(path))
    assert str(err.value) == f"{path}:2: expected a source and a target separated by a tab"


def test_text_pair_is_aligned(tmp_path: Path) -> None:
    (tmp_path / "a.fr.txt").write_text("Titre\n\nLa calcinose est rare.\n", "utf-8")
    (tmp_path / "a.en.txt").write_text("Title\n\nCalcinosis is rare.\n", "utf-8")
    tr = read_translation(str(tmp_path / "a.fr.txt"), str(tmp_path / "a.en.txt"))
    assert (tr.method, len(tr.pairs), tr.source.lang, tr.target.lang) == ("lines", 2, "fr", "en")


def test_unreadable_inputs_are_one_line_errors(tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(InputError, match="binary"):
        read_text(str(binary))
    with pytest.raises(InputError, match="no such file"):
        read_text(str(tmp_path / "missing.txt"))


def test_language_detection() -> None:
    assert (
        detect_language("La dermatomyosite est une maladie rare qui touche la peau et les muscles.") == "fr"
    )
    assert detect_language("Dermatomyositis is a rare disease that affects the skin and the muscles.") == "en"
