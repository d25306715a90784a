"""Whole-glossary validation: concept checks, codes, layers, duplicates and clashing French forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from medgloss.glossary_validate import CODE_EXAMPLES, CODE_FORMATS, check_code, validate_layers
from medgloss.model import CODE_SYSTEMS

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
BAD = FIXTURES / "bad"


pytestmark = pytest.mark.usefixtures("own_cache")


def messages(report) -> list[tuple[str, int | None, str, str]]:  # type: ignore[no-untyped-def]
    return [(Path(p.path).name, p.line, p.severity, p.message) for p in report.problems]


def test_every_code_system_has_a_format_and_an_example_that_passes() -> None:
    assert set(CODE_FORMATS) == set(CODE_SYSTEMS) == set(CODE_EXAMPLES)
    for system, example in CODE_EXAMPLES.items():
        assert check_code(system, example) is None


@pytest.mark.parametrize(
    ("system", "code", "ok"),
    [
        ("icd10", "M33.1", True),
        ("icd10", "U07.1", True),
        ("icd10", "I21", True),
        ("icd10", "M05-M06", False),
        ("icd10", "m33.1", False),
        ("icd11", "4A41.0", True),
        ("icd11", "1C62.3", True),
        ("icd11", "BA41.Z", True),
        ("icd11", "XN109", True),
        ("icd11", "4I41", False),
        ("mesh", "D003882", True),
        ("mesh", "C000657245", True),
        ("mesh", "D3882", False),
        ("hpo", "HP:0001370", True),
        ("hpo", "HP:137", False),
        ("orpha", "ORPHA:221", True),
        ("orpha", "Orphanet_221", False),
        ("atc", "L04AA29", True),
        ("atc", "L04", True),
        ("atc", "Z99", False),
        ("umls", "C0011633", True),
        ("snomed", "69896004", False),
        ("loinc", "1234-5", False),
    ],
)
def test_code_formats(system: str, code: str, ok: bool) -> None:
    assert (check_code(system, code) is None) is ok


def test_a_good_glossary_and_its_override_layer_validate() -> None:
    report = validate_layers([[FIXTURES / "house.toml"], [FIXTURES / "override.toml"]])
    assert report.problems == [] and report.concepts == 5 and not report.failed(strict=True)


def test_preferred_terms_exactly_one_per_language() -> None:
    found = messages(validate_layers([[BAD / "preferred.toml"]]))
    assert ("preferred.toml", 4, "error", "concept no_french_preferred: no preferred fr term") in found
    assert any(line == 22 and "'SLE' is a second preferred en term" in m for _f, line, _s, m in found)


def test_malformed_codes_licensed_systems_and_forbidden_terms_without_note() -> None:
    report = validate_layers([[BAD / "codes.toml"]])
    found = messages(report)
    errors = [m for _f, _line, s, m in found if s == "error"]
    assert any("icd10 code 'M05-M06' is malformed" in m for m in errors)
    assert any("atc code 'Z99' is malformed" in m for m in errors)
    assert any("snomed codes are not allowed" in m for m in errors)
    assert not any("mesh" in m or "hpo" in m or "icd11" in m for m in errors)
    assert {line for _f, line, s, _m in found if s == "error"} == {7}  # the codes line
    assert ("codes.toml", 13, "warning") in {(f, line, s) for f, line, s, _m in found}


def test_the_same_french_form_preferred_twice_in_a_domain_is_an_error() -> None:
    found = messages(validate_layers([[BAD / "clash_b.toml"]]))
    clashes = [(line, m) for _f, line, s, m in found if "already preferred" in m]
    # case-insensitive for full forms; abbreviations ('PR' vs 'pr') are case-sensitive
    assert clashes == [
        (
            18,
            "concept rheumatoid_polyarthritis: the French form 'Polyarthrite Rhumatoïde' is already "
            f"preferred by rheumatoid_arthritis in domain rheumatology ({BAD / 'clash_b.toml'}:8)",
        )
    ]


def test_duplicate_ids_within_a_layer_but_overrides_across_layers() -> None:
    one_layer = messages(validate_layers([[BAD / "clash_a.toml", BAD / "clash_b.toml"]]))
    assert any(
        f == "clash_b.toml" and "duplicate concept id rheumatoid_arthritis" in m for f, _l, _s, m in one_layer
    )
    two_layers = messages(validate_layers([[BAD / "clash_a.toml"], [BAD / "clash_b.toml"]]))
    assert not any("duplicate" in m for _f, _l, _s, m in two_layers)


def test_parser_problems_are_part_of_the_report_and_files_with_errors_fail(tmp_path: Path) -> None:
    report = validate_layers([[BAD / "syntax.toml", BAD / "values.toml", BAD / "empty.toml"]])
    assert report.failed()
    assert {Path(p.path).name for p in report.errors} == {"syntax.toml", "values.toml", "empty.toml"}


def test_warnings_fail_only_when_strict(tmp_path: Path) -> None:
    path = tmp_path / "nfc.toml"
    decomposed = "oede\u0300me"  # è as e + combining grave accent
    path.write_text(
        '[glossary]\ndomain = "x"\n\n[[concept]]\nid = "oedema"\ncategory = "disorder"\n'
        f'fr = [\n  {{ term = "{decomposed}", status = "preferred" }},\n  {{ term = "œdème", status = "admitted" }},\n'
        '  { term = "œdème", status = "admitted" },\n]\n'
        'en = [\n  { term = "oedema", status = "preferred" },\n]\n',
        "utf-8",
    )
    report = validate_layers([[path]])
    assert [(p.line, p.severity) for p in report.problems] == [(8, "warning"), (10, "warning")]
    assert "NFC" in report.problems[0].message and "listed twice" in report.problems[1].message
    assert not report.failed() and report.failed(strict=True)


def test_terms_with_control_characters_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "tab.toml"
    path.write_text(
        '[[concept]]\nid = "a"\ncategory = "other"\nfr = [{ term = "a\\tb", status = "preferred" }]\n'
        'en = [{ term = "a", status = "preferred" }]\n',
        "utf-8",
    )
    assert any("control character" in p.message for p in validate_layers([[path]]).errors)
