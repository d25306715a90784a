"""Reading a reviewed glossary catalog back, and writing the changes into a copy of a glossary file."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from medgloss.errors import GlossaryError
from medgloss.glossary_file import parse_glossary_file
from medgloss.glossary_writer import format_text
from medgloss.po import apply_changes, glossary_catalog, glossary_changes, parse_po
from medgloss.termbase import TermBase

HOUSE = """\
# House glossary, written for the tests: comments and layout must survive the import.
[glossary]
domain = "house"

[[concept]]
id = "house_calcinosis"
category = "disorder"
fr = [
  { term = "calcinose maison", status = "preferred", gender = "f" },
  { term = "calcinose du logis", gender = "f" },
]
en = [
  { term = "house calcinosis", status = "preferred" },    # aligned comment
  { term = "home calcinosis", note = "rare" },
  { term = "calcinose", status = "forbidden", note = "French word" },
]

[[concept]]
id = "house_rash"
category = "sign-symptom"
fr = [ { term = "éruption maison", status = "preferred", gender = "f" } ]
en = [ { term = "house rash", status = "preferred" } ]
"""


@pytest.fixture
def house(tmp_path: Path) -> Path:
    path = tmp_path / "house.toml"
    path.write_text(HOUSE, "utf-8")
    return path


def _reviewed(house: Path, **answers: str) -> tuple[polib.POFile, TermBase]:
    termbase = TermBase.load([house], bundled=False)
    catalog = glossary_catalog(termbase)
    for entry in catalog:
        if entry.msgid in answers:
            entry.msgstr = answers[entry.msgid]
    return parse_po(str(catalog)), termbase


def test_unchanged_catalog_means_no_change(house: Path) -> None:
    report = glossary_changes(*_reviewed(house))
    assert (report.changes, report.refusals, report.unchanged) == ([], [], 2)


def test_rename_and_promotion_are_written_as_line_edits(house: Path) -> None:
    catalog, termbase = _reviewed(
        house,
        **{
            "calcinose maison": "home calcinosis",
            "calcinose du logis": "home calcinosis",
            "éruption maison": "household rash",
        },
    )
    report = glossary_changes(catalog, termbase)
    assert [(c.concept_id, c.new, c.promoted is not None) for c in report.changes] == [
        ("house_calcinosis", "home calcinosis", True),
        ("house_rash", "household rash", False),
    ]
    assert apply_changes(report.changes) == [str(house)]
    after = house.read_text("utf-8").split("\n")
    before = HOUSE.split("\n")
    changed = {no + 1 for no, (a, b) in enumerate(zip(before, after, strict=True)) if a != b}
    assert changed == {13, 14, 22}
    assert after[12] == '  { term = "house calcinosis", status = "admitted" },    # aligned comment'
    assert after[13] == '  { term = "home calcinosis", status = "preferred", note = "rare" },'
    assert after[21] == 'en = [ { term = "household rash", status = "preferred" } ]'
    reread = TermBase.load([house], bundled=False)
    assert reread["house_calcinosis"].preferred("en").text == "home calcinosis"  # type: ignore[union-attr]
    assert not parse_glossary_file(house).problems


def test_a_canonical_file_stays_canonical(house: Path) -> None:
    house.write_text(format_text(HOUSE), "utf-8")
    catalog, termbase = _reviewed(house, **{"éruption maison": "household \\ rash"})
    apply_changes(glossary_changes(catalog, termbase).changes)
    after = house.read_text("utf-8")
    assert format_text(after) == after
    assert TermBase.load([house], bundled=False)["house_rash"].terms_in("en")[0].text == "household \\ rash"


def test_fuzzy_and_untranslated_messages_are_left_aside(house: Path) -> None:
    catalog, termbase = _reviewed(house, **{"calcinose maison": "whatever"})
    catalog[0].flags.append("fuzzy")
    catalog[2].msgstr = ""
    report = glossary_changes(catalog, termbase)
    assert (len(report.changes), report.skipped, report.unchanged) == (0, 2, 1)


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ({"calcinose maison": "calcinose", "calcinose du logis": "calcinose"}, "'calcinose' is forbidden"),
        ({"calcinose maison": "a", "calcinose du logis": "b"}, "'b' disagrees with 'a' at line"),
        ({"éruption maison": "two  spaces"}, "doubled spaces"),
    ],
)
def test_refusals(house: Path, answers: dict[str, str], words: str) -> None:
    report = glossary_changes(*_reviewed(house, **answers))
    assert any(words in r.message for r in report.refusals), report.refusals
    assert all(r.po_line for r in report.refusals)


def test_unknown_concept_or_term_is_refused(house: Path) -> None:
    catalog, termbase = _reviewed(house)
    catalog[0].msgctxt = "no_such_concept"
    catalog[1].msgid = "pas un terme"
    messages = [r.message for r in glossary_changes(catalog, termbase).refusals]
    assert messages == [
        "unknown concept 'no_such_concept'",
        "house_calcinosis: no French term 'pas un terme'",
    ]


def test_a_file_changed_since_loading_is_not_touched(house: Path) -> None:
    catalog, termbase = _reviewed(house, **{"éruption maison": "household rash"})
    report = glossary_changes(catalog, termbase)
    house.write_text(HOUSE.replace('"house rash"', '"house eruption"'), "utf-8")
    with pytest.raises(GlossaryError, match="has the file changed"):
        apply_changes(report.changes)
    assert '"house eruption"' in house.read_text("utf-8")


def test_an_edit_that_breaks_the_file_is_not_written(house: Path) -> None:
    catalog, termbase = _reviewed(house, **{"éruption maison": "calcinose"})
    report = glossary_changes(catalog, termbase)
    house.write_text(
        HOUSE.replace('"house rash", status = "preferred"', '"house rash", status = "preferred", bad = 1')
    )
    with pytest.raises(GlossaryError) as caught:
        apply_changes(report.changes)
    assert caught.value.path == str(house) and caught.value.line == 22
    assert (
        "bad = 1" in house.read_text("utf-8") and "calcinose" not in house.read_text("utf-8").split("\n")[21]
    )
