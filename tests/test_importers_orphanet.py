"""The Orphanet importer on product1 files we wrote (tests/fixtures/orphanet), broken XML, the CLI."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from medgloss.commands import app
from medgloss.errors import InputError
from medgloss.importers import NoiseFilter, import_source
from medgloss.importers.orphanet import read_orphanet

FIXTURES = Path(__file__).parent / "fixtures" / "orphanet"
FR = FIXTURES / "fr_product1.xml"
EN = FIXTURES / "en_product1.xml"


pytestmark = pytest.mark.usefixtures("own_cache")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [*map(str, args)], catch_exceptions=False)


def terms(concept_terms: list) -> list[tuple[str, str, str, str]]:
    return [(t.lang, t.text, t.status, t.type) for t in concept_terms]


def test_disorders_matched_on_orphacode_with_synonyms_codes_and_definitions() -> None:
    result, header = import_source("orphanet", [EN, FR], noise=NoiseFilter())  # any order
    by_id = {c.id: c for c in result.concepts}
    assert list(by_id) == ["orpha:558", "orpha:586", "orpha:221", "orpha:98249", "orpha:2322", "orpha:480"]
    marfan = by_id["orpha:558"]
    assert marfan.category == "disorder" and marfan.read_only
    assert marfan.codes == {"orpha": "ORPHA:558", "icd10": "Q87.4"}  # OMIM is not a code system of ours
    assert terms(marfan.terms) == [
        ("fr", "Syndrome de Marfan", "preferred", "full"),
        ("fr", "Maladie de Marfan", "admitted", "full"),
        ("en", "Marfan syndrome", "preferred", "full"),
        ("en", "MFS", "admitted", "acronym"),
    ]
    assert marfan.definition["fr"].startswith("Maladie héréditaire du tissu conjonctif")
    assert marfan.definition["en"].startswith("An inherited connective tissue disorder")
    assert by_id["orpha:586"].codes == {"orpha": "ORPHA:586"}  # two exact ICD-10 mappings: none is certain
    assert by_id["orpha:480"].codes == {"orpha": "ORPHA:480"}  # a broader mapping is not an exact one
    assert [t.text for t in by_id["orpha:586"].terms_in("fr")] == [
        "Mucoviscidose",
        "Fibrose kystique du pancréas",
    ]
    assert header["licence"] == "CC-BY-4.0" and header["read_only"] is True
    assert header["version"] == "1.3.35 / 4.1.8 [2025-06-01] (orientdb version) 2025-06-30 09:12:44"
    assert "Orphanet" in header["description"] and "Orphanet" in (marfan.source or "")
    lines = "\n".join(result.report.lines())
    for message in (
        "inactive, deprecated or obsolete",
        "'Category'",
        "missing from the English file",
        "one or two",
    ):
        assert message in lines
    assert "fr_product1.xml:86" in lines  # the inactive entry, located by its line


def test_categories_are_kept_unfiltered() -> None:
    result, _header = import_source("orphanet", [FR, EN], filtered=False)
    assert "orpha:98006" in {c.id for c in result.concepts}
    assert "orpha:2950" not in {c.id for c in result.concepts}  # inactive entries never


def test_the_bundled_glossary_wins_over_the_import() -> None:
    result, _header = import_source("orphanet", [FR, EN])
    assert "orpha:221" not in {c.id for c in result.concepts}  # dermatomyosite is in the bundled glossary
    assert "orpha:480" in {c.id for c in result.concepts}


def test_limit_reads_only_the_first_disorders_of_the_french_file() -> None:
    assert [d.raw_id for d in read_orphanet([FR, EN], limit=2).drafts] == ["orpha:558", "orpha:586"]


def _copy(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (FR.read_text("utf-8")[:1500], "not well-formed XML", None),
        ("<?xml version='1.0'?>\n<tbx><text/></tbx>\n", "root element is <tbx>, not <JDBOR>", 2),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE JDBOR [<!ENTITY a "aaaaaaaaaa">]>\n<JDBOR>&a;</JDBOR>\n',
            "unsafe XML refused",
            None,
        ),
        ("<?xml version='1.0'?>\n<JDBOR><DisorderList count='0'/></JDBOR>\n", "no disorders", None),
    ],
)
def test_broken_or_hostile_files_give_one_line_errors(
    tmp_path: Path, text: str, message: str, line: int | None
) -> None:
    broken = _copy(tmp_path, "fr_product1.xml", text)
    with pytest.raises(InputError) as err:
        read_orphanet([broken, EN])
    assert message in str(err.value) and err.value.path == str(broken)
    if line is not None:
        assert err.value.line == line
    result = run("glossary", "import", "--from", "orphanet", broken, EN, "-o", tmp_path / "out.toml")
    assert result.exit_code == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.toml").exists()


def test_two_files_of_one_language_or_a_wrong_count_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="one French and one English"):
        read_orphanet([FR, FR])
    result = run("glossary", "import", "--from", "orphanet", FR, "-o", tmp_path / "out.toml")
    assert result.exit_code == 2 and "reads two files" in result.stderr


def test_the_written_file_validates_and_annotates(tmp_path: Path) -> None:
    out = tmp_path / "orpha.toml"
    result = run("glossary", "import", "--from", "orphanet", FR, EN, "-o", out)
    assert result.exit_code == 0, result.output
    assert "not imported or changed:" in result.stderr
    data = tomllib.loads(out.read_text("utf-8"))
    assert data["glossary"]["read_only"] is True and data["glossary"]["domain"] == "orphanet"
    validated = run("glossary", "validate", out)
    assert validated.exit_code == 0 and "0 error(s)" in validated.stderr
    article = tmp_path / "article.txt"
    article.write_text(
        "Le syndrome de Kearns-Sayre (KSS) et le syndrome de Kabuki sont rares. Le KSS touche l'œil.\n",
        "utf-8",
    )
    result = run("annotate", "--fast", "--glossary", out, article, "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    found = [
        (t["text"], t["concept_id"], t["en"]) for t in json.loads(result.stdout)["terms"] if not t["nested"]
    ]
    # the bundled glossary has these syndromes: the import adds only what it lacks, the acronym
    assert ("syndrome de Kearns-Sayre", "kearns_sayre_syndrome", "Kearns-Sayre syndrome") in found
    assert ("syndrome de Kabuki", "kabuki_syndrome", "Kabuki syndrome") in found
    assert [c for t, c, _ in found if t == "KSS"] == ["orpha:480", "orpha:480"]


def test_inputs_are_never_overwritten(tmp_path: Path) -> None:
    fr = _copy(tmp_path, "fr.xml", FR.read_text("utf-8"))
    result = run("glossary", "import", "--from", "orphanet", fr, EN, "-o", fr, "--force")
    assert result.exit_code == 2 and "never overwrites its inputs" in result.stderr
    assert fr.read_text("utf-8") == FR.read_text("utf-8")
