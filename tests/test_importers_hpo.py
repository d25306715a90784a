"""The HPO importer: a Babelon TSV we write, malformed files, the CLI, and the real file when present."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from medgloss.commands import app
from medgloss.errors import InputError
from medgloss.importers import NoiseFilter, import_source
from medgloss.importers.hpo import read_hpo

REAL = Path(__file__).resolve().parents[2] / "shared" / "terminologies" / "hpo-fr" / "hp-fr.babelon.tsv"
HEADER = (
    "subject_id\tsource_language\ttranslation_language\tpredicate_id\tsource_value\t"
    "translation_status\ttranslation_value\n"
)
ROWS = [
    ("HP:0003761", "rdfs:label", "Calcinosis", "OFFICIAL", "Calcinose"),
    (
        "HP:0003761",
        "IAO:0000115",
        "Deposits of calcium salts in tissues",
        "OFFICIAL",
        "Dépôts de sels de calcium",
    ),
    ("HP:0003761", "oboInOwl:hasExactSynonym", "Calcinoses", "OFFICIAL", "Calcifications tissulaires"),
    ("HP:0003761", "rdfs:label", "Calcinosis", "OFFICIAL", "calcinose"),
    ("HP:0001945", "rdfs:label", "Fever", "CANDIDATE", "Fièvre"),
    ("HP:0012828", "rdfs:label", "Severe", "OFFICIAL", "Sévère"),
    ("HP:0006515", "rdfs:label", "Interstitial pneumonitis", "OFFICIAL", "Pneumopathie interstitielle"),
    ("HP:0012385", "rdfs:label", "Camptodactyly", "OFFICIAL", "Camptodactylie"),
]


pytestmark = pytest.mark.usefixtures("own_cache")


def tsv(path: Path, rows: list[tuple[str, ...]] = ROWS, header: str = HEADER) -> Path:
    lines = [f"{hp}\ten\tfr\t{pred}\t{en}\t{status}\t{fr}\n" for hp, pred, en, status, fr in rows]
    path.write_text(header + "".join(lines), "utf-8")
    return path


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [*map(str, args)], catch_exceptions=False)


def test_labels_synonyms_definitions_codes_and_licence(tmp_path: Path) -> None:
    result, header = import_source(
        "hpo", [tsv(tmp_path / "hp.tsv")], noise=NoiseFilter(), version="v2026-06-22"
    )
    by_id = {c.id: c for c in result.concepts}
    # Sévère is a common word; Fièvre a candidate translation
    assert sorted(by_id) == ["hpo:0003761", "hpo:0006515", "hpo:0012385"]
    calcinosis = by_id["hpo:0003761"]
    assert calcinosis.category == "sign-symptom" and calcinosis.codes == {"hpo": "HP:0003761"}
    assert calcinosis.read_only and calcinosis.source == "HPO French translation, v2026-06-22"
    assert [(t.lang, t.text, t.status) for t in calcinosis.terms] == [
        ("fr", "Calcinose", "preferred"),
        ("fr", "Calcifications tissulaires", "admitted"),
        ("en", "Calcinosis", "preferred"),
    ]
    assert calcinosis.definition == {
        "fr": "Dépôts de sels de calcium",
        "en": "Deposits of calcium salts in tissues",
    }
    assert header["read_only"] is True and header["domain"] == "hpo"
    assert "v2026-06-22" in header["description"] and "Human Phenotype Ontology" in header["description"]
    assert "HPO licence" in header["licence"] and header["version"] == "v2026-06-22"
    lines = "\n".join(result.report.lines())
    assert "not OFFICIAL" in lines and "other capitals" in lines and "common words" in lines


def test_comment_lines_on_top_are_metadata(tmp_path: Path) -> None:
    path = tmp_path / "hp.tsv"
    path.write_text(
        "# babelon metadata\n#curie_map: HP\n" + tsv(tmp_path / "plain.tsv").read_text("utf-8"), "utf-8"
    )
    assert next(d.where for d in read_hpo([path]).drafts) == f"{path}:4"


def test_limit_reads_only_the_first_classes(tmp_path: Path) -> None:
    harvest = read_hpo([tsv(tmp_path / "hp.tsv")], limit=2)
    assert [d.raw_id for d in harvest.drafts] == ["hpo:0003761", "hpo:0012828"]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("subject_id\tpredicate_id\n", 1, "lacks the column(s) source_value, translation_value"),
        (
            HEADER + "HP:0003761\ten\tfr\trdfs:label\tCalcinosis\n",
            2,
            "expected 7 tab-separated fields, found 5",
        ),
        (HEADER + "\nHP:37\ten\tfr\trdfs:label\tX\tOFFICIAL\tY\n", 3, "'HP:37' is not an HPO id"),
    ],
)
def test_malformed_files_are_refused_with_their_line(
    tmp_path: Path, content: str, line: int, message: str
) -> None:
    path = tmp_path / "hp.tsv"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError) as err:
        read_hpo([path])
    assert err.value.line == line and message in str(err.value)
    assert str(err.value).startswith(f"{path}:{line}: ")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        (
            HEADER.encode() + "HP:0003761\ten\tfr\trdfs:label\tX\tOFFICIAL\tcalcinosé\n".encode("cp1252"),
            ":2: not UTF-8",
        ),
    ],
)
def test_unreadable_files_give_one_line_errors(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "hp.tsv"
    path.write_bytes(data)
    result = run("glossary", "import", "--from", "hpo", path, "-o", tmp_path / "out.toml")
    assert result.exit_code == 2
    assert message in result.stderr and str(path) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out.toml").exists()


def test_without_a_path_the_file_of_the_current_folder_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("glossary", "import", "--from", "hpo", "-o", "hpo.toml")
    assert result.exit_code == 2 and "hp-fr.babelon.tsv" in result.stderr
    tsv(tmp_path / "hp-fr.babelon.tsv")
    result = run("glossary", "import", "--from", "hpo", "-o", "hpo.toml", "--source-version", "2026-06-22")
    assert result.exit_code == 0, result.output
    data = tomllib.loads((tmp_path / "hpo.toml").read_text("utf-8"))
    assert data["glossary"]["read_only"] is True and data["glossary"]["version"] == "2026-06-22"


def test_the_written_file_validates_and_annotates(tmp_path: Path) -> None:
    out = tmp_path / "hpo.toml"
    result = run("glossary", "import", "--from", "hpo", tsv(tmp_path / "hp.tsv"), "-o", out)
    assert result.exit_code == 0, result.output
    assert "concepts" in result.stderr and "not imported or changed:" in result.stderr
    assert run("glossary", "validate", out).exit_code == 0
    article = tmp_path / "article.txt"
    article.write_text("Une camptodactylie et une calcinose ont été décrites.\n", "utf-8")
    result = run("annotate", "--fast", "--glossary", out, article, "-f", "json", "-o", "-")
    assert result.exit_code == 0, result.output
    terms = {t["text"]: t for t in json.loads(result.stdout)["terms"]}
    assert terms["camptodactylie"]["concept_id"] == "hpo:0012385"
    assert terms["camptodactylie"]["en"] == "Camptodactyly"
    assert not terms["calcinose"]["concept_id"].startswith("hpo:")  # the bundled glossary's concept


def test_options_of_exchange_files_do_not_mix_with_from(tmp_path: Path) -> None:
    path = tsv(tmp_path / "hp.tsv")
    result = run("glossary", "import", "--from", "hpo", path, "-o", tmp_path / "o.toml", "--format", "tsv")
    assert result.exit_code == 2 and "--from" in result.stderr
    result = run("glossary", "import", path, "-o", tmp_path / "o.toml", "--limit", "3")
    assert result.exit_code == 2 and "--from" in result.stderr
    result = run("glossary", "import", "-o", tmp_path / "o.toml")
    assert result.exit_code == 2 and "give one FILE" in result.stderr


@pytest.mark.skipif(not REAL.is_file(), reason="../shared/terminologies/hpo-fr is not available")
def test_the_real_file_imports_unaltered_labels(tmp_path: Path) -> None:
    out = tmp_path / "hpo.toml"
    result = run("glossary", "import", "--from", "hpo", REAL, "-o", out, "--limit", "400")
    assert result.exit_code == 0, result.output
    data = tomllib.loads(out.read_text("utf-8"))
    assert (
        data["glossary"]["read_only"] is True
        and "Human Phenotype Ontology" in data["glossary"]["description"]
    )
    concepts = data["concept"]
    assert 200 < len(concepts) <= 400
    source = REAL.read_text("utf-8")
    labels = {" ".join(line.split("\t")[6].split()) for line in source.splitlines()[1:]}
    for concept in concepts:
        assert concept["id"] == "hpo:" + concept["codes"]["hpo"].split(":")[1]
        assert all(term["term"] in labels for term in concept["fr"])
    assert run("glossary", "validate", out).exit_code == 0
