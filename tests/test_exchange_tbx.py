"""TBX: TBX-Basic v3 export, TBX v3 and v2 (martif) import, round trips, hostile and malformed XML."""

from __future__ import annotations

from pathlib import Path

import defusedxml.ElementTree as SafeET
import pytest

from medgloss.errors import GlossaryError
from medgloss.exchange import export_glossary, import_glossary
from medgloss.exchange.tbx import read_tbx, write_tbx
from medgloss.model import Concept, Term
from medgloss.termbase import TermBase

from .conftest import concept_key

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
EXCHANGE = FIXTURES / "exchange"


pytestmark = pytest.mark.usefixtures("own_cache")


def round_trip(concepts: list[Concept], tmp_path: Path) -> list[Concept]:
    text, _report = write_tbx(concepts)
    path = tmp_path / "out.tbx"
    path.write_text(text, "utf-8")
    result = read_tbx(path)
    assert not result.report, result.report.lines()
    return result.concepts


def test_export_then_import_gives_back_the_same_concepts(tmp_path: Path) -> None:
    termbase = TermBase.load([FIXTURES / "house.toml"], bundled=False)
    concepts = list(termbase)
    assert [concept_key(c) for c in round_trip(concepts, tmp_path)] == [concept_key(c) for c in concepts]


def test_round_trip_of_the_bundled_glossary(tmp_path: Path) -> None:
    concepts = list(TermBase.load())
    assert len(concepts) > 100
    assert [concept_key(c) for c in round_trip(concepts, tmp_path)] == [concept_key(c) for c in concepts]


def test_values_tbx_basic_lacks_survive_the_round_trip(tmp_path: Path) -> None:
    concept = Concept(
        id="x.1",
        category="drug",
        domain="pharmacology",
        terms=[
            Term(
                "IPP", "fr", "preferred", "acronym", "mf", "pl", "lay", needs_definition=True, note="Sigle."
            ),
            Term("proton pump inhibitor", "en", "preferred", register="professional", variant="en-GB"),
            Term("PPI", "en", "forbidden", "abbreviation", note="Not in lay texts."),
        ],
        codes={"atc": "A02BC", "mesh": "D054328"},
        read_only=True,
        source="house",
        note="Line one.\nLine two & <three>.",
    )
    assert [concept_key(c) for c in round_trip([concept], tmp_path)] == [concept_key(concept)]


def test_the_export_is_tbx_basic_v3(tmp_path: Path) -> None:
    text, report = write_tbx(list(TermBase.load([FIXTURES / "house.toml"], bundled=False)), [])
    root = SafeET.fromstring(text.encode("utf-8"))
    ns = "{urn:iso:std:iso:30042:ed-2}"
    assert root.tag == f"{ns}tbx" and root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    entry = root.find(f"{ns}text/{ns}body/{ns}conceptEntry")
    assert entry is not None and entry.get("id") == "dermatomyositis"
    statuses = [n.text for n in root.iter(f"{ns}termNote") if n.get("type") == "administrativeStatus"]
    assert set(statuses) <= {"preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"}
    assert not report


def test_patterns_are_reported_not_exported() -> None:
    termbase = TermBase.load([FIXTURES / "house.toml"], bundled=False)
    _text, report = export_glossary(list(termbase), termbase.patterns, fmt="tbx")
    assert report.lines() == ["productive patterns not exported (TBX has no place for them): 1"]


def test_a_tbx_basic_v3_file_maps_what_it_can_and_reports_the_rest() -> None:
    result = import_glossary(EXCHANGE / "tbx_v3_basic.tbx")
    arthritis, gout = result.concepts
    assert arthritis.id == "c-0001" and arthritis.domain == "rheumatology"
    assert arthritis.definition == {
        "fr": "Inflammation d'une articulation.",
        "en": "Inflammation of a joint.",
    }
    assert [(t.text, t.status, t.gender, t.variant, t.note) for t in arthritis.terms] == [
        ("arthrite", "preferred", "f", None, None),
        ("arthrite aiguë", "admitted", None, None, None),
        ("arthritis", "preferred", None, "en-GB", "Plural: arthritides."),
    ]
    assert [(t.text, t.status, t.register) for t in gout.terms] == [
        ("goutte", "preferred", None),
        ("podagre", "deprecated", "lay"),
        ("gout", "preferred", None),
        ("podagra", "forbidden", None),
    ]
    report = "\n".join(result.report.lines())
    for expected in (
        "transaction history",
        'type="partOfSpeech"',
        'type="context"',
        "other than French and English not imported (de)",
        "gender value 'neuter' not understood",
        "terms trimmed",
        "entries without a usable en term not imported: 1 (first: C-0003)",
    ):
        assert expected in report


def test_a_tbx_v2_iate_export_is_read() -> None:
    result = import_glossary(EXCHANGE / "tbx_v2_iate.tbx")
    mi = result.concepts[0]
    assert mi.id == "iate-1234567" and mi.domain == "health"
    assert mi.definition == {"en": "Death of heart muscle caused by a lack of blood flow."}
    assert [(t.lang, t.text, t.type, t.status) for t in mi.terms] == [
        ("fr", "infarctus du myocarde", "full", "preferred"),
        ("fr", "IDM", "abbreviation", "admitted"),
        ("en", "myocardial infarction", "full", "preferred"),
        ("en", "MI", "abbreviation", "admitted"),
    ]
    assert result.report.count('<descrip type="reliabilityCode"> of terms not imported') == 3
    assert result.main_domain() == "health"


def test_weblate_tbx_with_a_doctype_and_dct_style_tbx_are_read() -> None:
    weblate = import_glossary(EXCHANGE / "tbx_v2_weblate.tbx")
    assert [(c.id, [t.text for t in c.terms]) for c in weblate.concepts] == [
        ("fever", ["fièvre", "fever"]),
        ("cough", ["toux", "cough"]),
    ]
    dct = import_glossary(EXCHANGE / "tbx_v3_dct.tbx").concepts[0]
    assert dct.domain == "haematology"
    assert [(t.text, t.status, t.gender, t.variant) for t in dct.terms] == [
        ("anémie", "preferred", "f", None),
        ("anaemia", "preferred", None, "en-GB"),
        ("anemia", "admitted", None, "en-US"),
    ]


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("hostile_billion_laughs.tbx", "unsafe XML refused", None),
        ("hostile_external_entity.tbx", "unsafe XML refused", None),
        ("hostile_parameter_entity.tbx", "unsafe XML refused", None),
        ("malformed.tbx", "not well-formed XML", 5),
        ("not_tbx.xml", "not a TBX file", None),
    ],
)
def test_hostile_or_broken_xml_fails_cleanly(name: str, message: str, line: int | None) -> None:
    with pytest.raises(GlossaryError) as err:
        import_glossary(EXCHANGE / name)
    assert message in err.value.message and err.value.line == line
    assert err.value.path == str(EXCHANGE / name)


def test_an_empty_or_missing_file_fails_cleanly(tmp_path: Path) -> None:
    empty = tmp_path / "empty.tbx"
    empty.write_bytes(b"")
    with pytest.raises(GlossaryError, match="not well-formed"):
        read_tbx(empty)
    with pytest.raises(GlossaryError):
        read_tbx(tmp_path / "missing.tbx")
