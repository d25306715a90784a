"""CSV/TSV: our full layout (round trip), DeepL entries, Weblate's CSV and column mappings."""

from __future__ import annotations

from pathlib import Path

import pytest

from medgloss.errors import GlossaryError, InputError
from medgloss.exchange import export_glossary, import_glossary
from medgloss.exchange.csv import COLUMNS
from medgloss.model import Concept
from medgloss.termbase import TermBase

from .conftest import concept_key

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
EXCHANGE = FIXTURES / "exchange"


pytestmark = pytest.mark.usefixtures("own_cache")


@pytest.fixture(scope="module")
def house() -> list[Concept]:
    return list(TermBase.load([FIXTURES / "house.toml"], bundled=False, cache=False))


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_our_layout_round_trips(fmt: str, house: list[Concept], tmp_path: Path) -> None:
    text, report = export_glossary(house, fmt=fmt)
    assert text.splitlines()[0] == ("," if fmt == "csv" else "\t").join(COLUMNS)
    path = tmp_path / f"out.{fmt}"
    path.write_text(text, "utf-8")
    result = import_glossary(path)
    assert not result.report and not report
    assert [concept_key(c) for c in result.concepts] == [concept_key(c) for c in house]


def test_the_bundled_glossary_round_trips_through_tsv(tmp_path: Path) -> None:
    concepts = list(TermBase.load())
    path = tmp_path / "all.tsv"
    path.write_text(export_glossary(concepts, fmt="tsv")[0], "utf-8")
    assert [concept_key(c) for c in import_glossary(path).concepts] == [concept_key(c) for c in concepts]


def test_deepl_export_has_one_pair_per_usable_french_term(house: list[Concept]) -> None:
    text, report = export_glossary(house, fmt="tsv", dialect="deepl", variant="en-US")
    assert text.splitlines() == [
        "dermatomyosite\tdermatomyositis",
        "DM\tdermatomyositis",
        "réanimation\tintensive care",
        "soins intensifs\tintensive care",
        "œdème\tedema",
    ]
    lines = "\n".join(report.lines())
    assert "English terms other than the preferred one not exported" in lines


def test_deepl_round_trip_keeps_the_term_pairs(house: list[Concept], tmp_path: Path) -> None:
    path = tmp_path / "deepl.tsv"
    path.write_text(export_glossary(house, fmt="tsv", dialect="deepl")[0], "utf-8")
    back = import_glossary(path).concepts
    pairs = {(t.text, c.preferred("en").text) for c in back for t in c.terms_in("fr")}  # type: ignore[union-attr]
    assert pairs == {
        ("dermatomyosite", "dermatomyositis"),
        ("DM", "dermatomyositis"),
        ("réanimation", "intensive care"),
        ("soins intensifs", "intensive care"),
        ("œdème", "oedema"),
    }


def test_deepl_files_with_and_without_language_columns() -> None:
    tsv = import_glossary(EXCHANGE / "deepl.tsv")
    assert [(c.id, [t.text for t in c.terms]) for c in tsv.concepts] == [
        ("fever", ["fièvre", "hyperthermie", "fever"]),
        ("cough", ["toux", "toux sèche", "cough"]),
    ]
    csv = import_glossary(EXCHANGE / "deepl.csv")
    assert [t.text for c in csv.concepts for t in c.terms] == ["fièvre", "fever", "toux, sèche", "dry cough"]
    assert csv.concepts[1].terms[1].variant == "en-GB"
    assert csv.report.lines() == [
        "entries for other language pairs not imported: 1 (first: " + str(EXCHANGE / "deepl.csv") + ":3)"
    ]


def test_weblate_round_trip_keeps_ids_french_terms_definitions_and_notes(
    house: list[Concept], tmp_path: Path
) -> None:
    path = tmp_path / "weblate.csv"
    path.write_text(export_glossary(house, fmt="csv", dialect="weblate")[0], "utf-8")
    back = {c.id: c for c in import_glossary(path).concepts}
    for concept in house:
        usable = [t.text for t in concept.terms_in("fr") if t.usable]
        assert [t.text for t in back[concept.id].terms_in("fr")] == usable
        assert back[concept.id].preferred("en").text == concept.preferred("en").text  # type: ignore[union-attr]
        assert back[concept.id].definition.get("fr") == concept.definition.get("fr")
        assert back[concept.id].note == concept.note


def test_a_weblate_csv_file_is_read_and_its_extra_columns_reported() -> None:
    result = import_glossary(EXCHANGE / "weblate.csv")
    fever = result.concepts[0]
    assert [t.text for t in fever.terms] == ["fièvre", "hyperthermie", "fever"]
    assert fever.definition == {"fr": "Élévation de la température du corps."}
    assert fever.note == "Prefer 'fever' in lay texts."
    lines = "\n".join(result.report.lines())
    assert "rows marked fuzzy" in lines and "Weblate location values not imported" in lines


def test_column_names_in_french_are_mapped_and_unknown_columns_reported() -> None:
    result = import_glossary(EXCHANGE / "columns_fr.csv")
    arthritis, gout = result.concepts
    assert (arthritis.id, arthritis.codes, arthritis.note) == ("arthrite", {"icd10": "M13.9"}, "Relu en 2024")
    assert (gout.id, gout.category, gout.codes) == ("gout", "other", {"icd10": "M10"})
    lines = "\n".join(result.report.lines())
    assert "column 'relecteur' not imported: 2" in lines
    assert "unknown category 'illness'" in lines
    assert "entries without a usable en term not imported: 1" in lines


def test_an_explicit_column_mapping(tmp_path: Path) -> None:
    path = tmp_path / "table.tsv"
    path.write_text("Nom\tName\tCode\nfièvre\tfever\tR50.9\n", "utf-8")
    result = import_glossary(path, columns={"fr": "Nom", "en": "Name", "icd10": "Code"})
    assert [(c.id, c.codes) for c in result.concepts] == [("fever", {"icd10": "R50.9"})]
    with pytest.raises(GlossaryError, match="no column 'Nom propre'"):
        import_glossary(path, columns={"fr": "Nom propre", "en": "Name"})
    with pytest.raises(GlossaryError, match="unknown fields"):
        import_glossary(path, columns={"fr": "Nom", "en": "Name", "colour": "Code"})


def test_rows_of_one_concept_that_disagree_are_reported(house: list[Concept], tmp_path: Path) -> None:
    text = export_glossary(house[:1], fmt="csv")[0].replace("rheumatology\n", "rheumatology\n", 1)
    lines = text.splitlines()
    lines[2] = lines[2].replace(",rheumatology,", ",dermatology,")
    path = tmp_path / "edited.csv"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    result = import_glossary(path)
    assert result.concepts[0].domain == "rheumatology"
    assert result.report.count("rows of one concept disagree on a concept field: the first value kept") == 1


@pytest.mark.parametrize(
    ("content", "error"),
    [(b"", InputError), (b"\x00\x01\x02binary", InputError), (b"  \n\n", InputError)],
)
def test_empty_or_binary_tables_fail_cleanly(content: bytes, error: type[Exception], tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(error):
        import_glossary(path)


def test_an_unknown_extension_needs_a_format(tmp_path: Path) -> None:
    path = tmp_path / "terms.txt"
    path.write_text("fièvre\tfever\n", "utf-8")
    with pytest.raises(GlossaryError, match="--format"):
        import_glossary(path)
    assert import_glossary(path, fmt="tsv").concepts[0].id == "fever"
