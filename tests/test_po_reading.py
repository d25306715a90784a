"""Strict reading of PO files: valid files parse, broken ones give file:line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from medgloss.po import PoError, parse_po, read_po

PO = Path(__file__).parent / "fixtures" / "po"


def test_valid_file_reads_with_every_part() -> None:
    catalog = read_po(PO / "valid.en.po")
    assert catalog.metadata["Language"] == "en"
    live = [e for e in catalog if not e.obsolete]
    assert [e.msgctxt for e in live] == ["title", "paragraph", "paragraph", "paragraph"]
    assert live[1].msgstr == 'A rare "disease".'
    assert live[2].fuzzy and live[2].previous_msgid == "Elle touche la peau."
    assert [e.msgstr for e in catalog.obsolete_entries()] == ["Old sentence."]


def test_declared_latin1_charset_is_honoured() -> None:
    assert read_po(PO / "latin1.po")[0].msgid == "dépôt"


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("bad_escape.po", 6, "invalid escape sequence '\\q'"),
        ("missing_msgstr.po", 5, "missing 'msgstr'"),
        ("duplicate.po", 14, "duplicate message definition (first defined at line 6)"),
        ("unknown_charset.po", 4, "unknown charset 'KLINGON-8'"),
        ("wrong_charset.po", 5, "not valid UTF-8 text (byte 0xe9)"),
        ("unterminated.po", 5, "unterminated string"),
    ],
)
def test_broken_files_name_file_and_line(name: str, line: int, words: str) -> None:
    with pytest.raises(PoError) as caught:
        read_po(PO / name)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{PO / name}:{line}: ")
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('msgstr "x"\n', 1, "'msgstr' without a 'msgid'"),
        ('msgid "a"\nmsgctxt "c"\nmsgstr "x"\n', 2, "'msgctxt' must come before 'msgid'"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr "x"\n', 3, "plural entry needs msgstr[0]"),
        ('msgid "a"\nmsgid_plural "as"\nmsgstr[1] "x"\n', 3, "'msgstr[1]' out of order"),
        ('msgid "a"\nmsgstr "x" "y"\n', 2, "unterminated string or unescaped"),
        ('"orphan"\n', 1, "a string outside any msgid"),
        ("msgid a\nmsgstr b\n", 1, "expected msgctxt, msgid, msgstr"),
        ('#~ msgid "a"\n\n', 1, "missing 'msgstr'"),
        ('#| msgid "a\\z"\nmsgid "a"\nmsgstr ""\n', 1, "invalid escape sequence"),
    ],
)
def test_syntax_errors(text: str, line: int, words: str) -> None:
    with pytest.raises(PoError) as caught:
        parse_po(text, "x.po")
    assert (caught.value.line, caught.value.path) == (line, "x.po")
    assert words in caught.value.message


def test_same_msgid_in_two_contexts_or_obsolete_is_no_duplicate() -> None:
    text = 'msgctxt "a"\nmsgid "m"\nmsgstr ""\n\nmsgctxt "b"\nmsgid "m"\nmsgstr ""\n\n#~ msgctxt "a"\n#~ msgid "m"\n#~ msgstr "x"\n'
    assert len(parse_po(text)) == 3


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "the file is empty"),
        (b"\xde\x12\x04\x95\x00\x00\x00\x00", "compiled .mo file"),
        (b'msgid "a"\nmsgstr "\x00"\n', "binary data"),
    ],
)
def test_not_po_at_all(tmp_path: Path, data: bytes, words: str) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(data)
    with pytest.raises(PoError, match=words):
        read_po(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(PoError, match="no such file"):
        read_po(tmp_path / "none.po")
    with pytest.raises(PoError, match="is a directory"):
        read_po(tmp_path)
