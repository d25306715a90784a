"""Merging with msgmerge semantics: translations kept, changed messages fuzzy with #|, gone ones #~."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from medgloss.po import merge_catalogs, parse_po

OLD = """\
msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

# a translator's note
#. old extracted comment
#: a.txt:1
msgctxt "paragraph"
msgid "Le chat dort sur le canapé rouge."
msgstr "The cat sleeps on the red sofa."

#: a.txt:2
msgctxt "paragraph"
msgid "Une phrase qui disparaît complètement du texte."
msgstr "A sentence that disappears completely."

#: a.txt:3
msgctxt "heading"
msgid "Le chien mange sa pâtée du soir."
msgstr "The dog eats its evening food."

#: a.txt:4
msgctxt "paragraph"
msgid "Non traduit."
msgstr ""

#: a.txt:5
#, fuzzy
#| msgid "Encore flou."
msgctxt "paragraph"
msgid "Toujours flou."
msgstr "Still fuzzy."

#~ msgctxt "paragraph"
#~ msgid "Revenant."
#~ msgstr "Ghost."

#~ msgctxt "paragraph"
#~ msgid "Oublié."
#~ msgstr "Forgotten."
"""

NEW = """\
msgid ""
msgstr ""
"POT-Creation-Date: 2025-02-01 10:00+0000\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. new extracted comment
#: a.txt:3
msgctxt "paragraph"
msgid "Le chat dort sur le canapé bleu."
msgstr ""

#: a.txt:5
msgctxt "paragraph"
msgid "Le chien mange sa pâtée du soir."
msgstr ""

#: a.txt:6
msgctxt "paragraph"
msgid "Revenant."
msgstr ""

#: a.txt:7
msgctxt "paragraph"
msgid "Toujours flou."
msgstr ""

#: a.txt:8
msgctxt "paragraph"
msgid "Rien à voir avec quoi que ce soit d'autre ici."
msgstr ""
"""


def _shape(catalog: polib.POFile) -> list[tuple[object, ...]]:
    return [
        (
            e.obsolete,
            e.msgctxt,
            e.msgid,
            e.msgstr,
            e.fuzzy,
            e.previous_msgctxt,
            e.previous_msgid,
            e.tcomment,
            e.comment if not e.obsolete else "",
            e.occurrences if not e.obsolete else [],
        )
        for e in catalog
    ]


@pytest.fixture
def merged() -> polib.POFile:
    return merge_catalogs(parse_po(OLD), parse_po(NEW))


def test_unchanged_messages_keep_their_translation(merged: polib.POFile) -> None:
    revived = next(e for e in merged if e.msgid == "Revenant.")
    assert revived.msgstr == "Ghost." and not revived.fuzzy and not revived.obsolete
    still = next(e for e in merged if e.msgid == "Toujours flou.")
    assert still.fuzzy and still.previous_msgid == "Encore flou."


def test_changed_messages_are_fuzzy_with_the_previous_msgid(merged: polib.POFile) -> None:
    blue = merged[0]
    assert blue.msgstr == "The cat sleeps on the red sofa." and blue.fuzzy
    assert (blue.previous_msgctxt, blue.previous_msgid) == ("paragraph", "Le chat dort sur le canapé rouge.")
    assert blue.tcomment == "a translator's note" and blue.comment == "new extracted comment"
    assert blue.occurrences == [("a.txt", "3")]
    dog = merged[1]
    assert dog.fuzzy and dog.previous_msgctxt == "heading"


def test_new_messages_stay_untranslated(merged: polib.POFile) -> None:
    fresh = merged[4]
    assert fresh.msgstr == "" and not fresh.fuzzy and fresh.previous_msgid is None


def test_gone_messages_become_obsolete_and_untranslated_ones_are_dropped(merged: polib.POFile) -> None:
    gone = [e.msgid for e in merged.obsolete_entries()]
    assert gone == ["Une phrase qui disparaît complètement du texte.", "Oublié."]
    assert all(e.msgid != "Non traduit." for e in merged)


def test_header_is_the_translators_with_the_new_creation_date(merged: polib.POFile) -> None:
    assert merged.metadata["Language"] == "en"
    assert merged.metadata["POT-Creation-Date"] == "2025-02-01 10:00+0000"


def test_same_result_as_gnu_msgmerge(merged: polib.POFile, tmp_path: Path) -> None:
    if shutil.which("msgmerge") is None:
        pytest.skip("GNU gettext's msgmerge is not installed")
    (tmp_path / "old.po").write_text(OLD, "utf-8")
    (tmp_path / "new.pot").write_text(NEW, "utf-8")
    out = tmp_path / "gnu.po"
    subprocess.run(
        [
            "msgmerge",
            "--quiet",
            "--previous",
            "-o",
            str(out),
            str(tmp_path / "old.po"),
            str(tmp_path / "new.pot"),
        ],
        check=True,
    )
    assert _shape(merged) == _shape(polib.pofile(str(out)))


def test_plural_messages_are_carried_over() -> None:
    old = parse_po('msgid "one"\nmsgid_plural "many"\nmsgstr[0] "un"\nmsgstr[1] "des"\n')
    new = parse_po('msgid "one"\nmsgid_plural "many"\nmsgstr[0] ""\nmsgstr[1] ""\n')
    assert merge_catalogs(old, new)[0].msgstr_plural == {0: "un", 1: "des"}
