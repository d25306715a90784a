"""The ICD-11 importer: a small database we write, broken databases, and the real package when installed."""

from __future__ import annotations

import importlib.util
import sqlite3
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from medgloss.commands import app
from medgloss.errors import InputError
from medgloss.importers import NoiseFilter, import_source
from medgloss.importers.icd11 import packaged_database, read_icd11

WHO = "http://id.who.int/icd/entity/"
ROWS = [
    (
        WHO + "1435254666",
        "",
        "Certaines maladies infectieuses ou parasitaires",
        None,
        "Certain infectious diseases",
    ),
    (WHO + "257068234", "1A00", "Choléra", WHO + "1435254666", "Cholera"),
    (WHO + "1528414070", "1A07", "Fièvre typhoïde", WHO + "1435254666", "Typhoid fever"),
    (
        WHO + "1528414070/mms/unspecified",
        "1A07.Z",
        "Fièvre typhoïde, sans précision",
        WHO + "1528414070",
        "Typhoid fever, unspecified",
    ),
    (WHO + "1843895818", "", "Symptômes ou signes cliniques", None, "Symptoms or clinical signs"),
    (WHO + "900000001", "MG26", "Fièvre d'origine inconnue", WHO + "1843895818", "Fever of unknown origin"),
    (WHO + "850137482", "", "Causes externes", None, "External causes"),
    (WHO + "900000002", "PA00", "Accident de la route", WHO + "850137482", "Road traffic accident"),
    (WHO + "979408586", "", "Codes d'extension", None, "Extension codes"),
    (WHO + "1154280071", "", "Anatomie et topographie", WHO + "979408586", "Anatomy and topography"),
    (
        WHO + "900000003",
        "XA0Q12",
        "Ligament tibiofibulaire antérieur",
        WHO + "1154280071",
        "Anterior tibiofibular ligament",
    ),
    (WHO + "900000004", "XA1R34", "", WHO + "1154280071", "Fibula"),
    (WHO + "815889539", "", "Échelle de gravité", WHO + "979408586", "Severity scale value"),
    (WHO + "900000005", "XS5W", "Léger", WHO + "815889539", "Mild"),
]


pytestmark = pytest.mark.usefixtures("own_cache")


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "cim-11.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE cim11 (idc_id, icode, label, parent_idc_id, label_en)")
    db.executemany("INSERT INTO cim11 VALUES (?, ?, ?, ?, ?)", ROWS)
    db.commit()
    db.close()
    return path


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, [*map(str, args)], catch_exceptions=False)


def test_coded_entities_of_clinical_branches_with_their_categories(database: Path) -> None:
    result, header = import_source("icd11", [database], noise=NoiseFilter())
    got = {
        c.id: (c.category, c.codes, [(t.lang, t.text, t.status) for t in c.terms]) for c in result.concepts
    }
    assert got == {
        "icd11:1a00": (
            "disorder",
            {"icd11": "1A00"},
            [("fr", "Choléra", "preferred"), ("en", "Cholera", "preferred")],
        ),
        "icd11:1a07": (
            "disorder",
            {"icd11": "1A07"},
            [("fr", "Fièvre typhoïde", "preferred"), ("en", "Typhoid fever", "preferred")],
        ),
        "icd11:mg26": (
            "sign-symptom",
            {"icd11": "MG26"},
            [
                ("fr", "Fièvre d'origine inconnue", "preferred"),
                ("en", "Fever of unknown origin", "preferred"),
            ],
        ),
        "icd11:xa0q12": (
            "anatomy",
            {"icd11": "XA0Q12"},
            [
                ("fr", "Ligament tibiofibulaire antérieur", "preferred"),
                ("en", "Anterior tibiofibular ligament", "preferred"),
            ],
        ),
    }
    assert all(c.read_only and c.source and "ICD-11" in c.source for c in result.concepts)
    report = result.report
    assert report.count("groupings without a code (chapters, blocks) not imported") == 6
    assert report.count("residual categories ('other', 'unspecified') not imported") == 1
    assert report.count("entities without a French or English label not imported") == 1
    (branches,) = [line for line in report.lines() if "not clinical vocabulary" in line]
    assert "not imported: 2 (first: PA00)" in branches
    assert header["domain"] == "icd11" and header["read_only"] is True
    assert "CC BY-ND" in header["licence"] and "cim-11.sqlite3 of" in header["version"]


def test_unfiltered_keeps_every_branch_as_other(database: Path) -> None:
    result, _header = import_source("icd11", [database], filtered=False)
    categories = {c.id: c.category for c in result.concepts}
    assert categories["icd11:pa00"] == "other" and categories["icd11:xs5w"] == "other"
    assert "icd11:1a07.z" not in categories  # residual categories are never imported


def test_limit_reads_only_the_first_rows(database: Path) -> None:
    assert [d.raw_id for d in read_icd11([database], limit=3).drafts] == ["icd11:1a00", "icd11:1a07"]


def test_broken_databases_give_one_line_errors(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database at all\n" * 200, "utf-8")
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).execute("CREATE TABLE other (x)").connection.close()
    for path in (text, empty):
        with pytest.raises(InputError, match="not an ICD-11 database"):
            read_icd11([path])
        result = run("glossary", "import", "--from", "icd11", path, "-o", tmp_path / "out.toml")
        assert result.exit_code == 2 and str(path) in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    result = run(
        "glossary", "import", "--from", "icd11", tmp_path / "missing.sqlite3", "-o", tmp_path / "o.toml"
    )
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_the_written_file_validates(database: Path, tmp_path: Path) -> None:
    out = tmp_path / "icd11.toml"
    result = run("glossary", "import", "--from", "icd11", database, "-o", out)
    assert result.exit_code == 0, result.output
    assert run("glossary", "validate", out).exit_code == 0
    assert tomllib.loads(out.read_text("utf-8"))["glossary"]["read_only"] is True


@pytest.mark.skipif(importlib.util.find_spec("cim_11") is None, reason="cim-11-certic is not installed")
def test_the_installed_package_imports_unaltered_labels(tmp_path: Path) -> None:
    out = tmp_path / "icd11.toml"
    result = run("glossary", "import", "--from", "icd11", "-o", out, "--limit", "500")
    assert result.exit_code == 0, result.output
    data = tomllib.loads(out.read_text("utf-8"))
    assert data["glossary"]["version"].startswith("cim-11-certic ")
    db = sqlite3.connect(packaged_database())
    labels = {code: (fr, en) for code, fr, en in db.execute("SELECT icode, label, label_en FROM cim11")}
    db.close()
    assert 100 < len(data["concept"]) < 500
    for concept in data["concept"]:
        fr, en = labels[concept["codes"]["icd11"]]
        assert concept["id"] == "icd11:" + concept["codes"]["icd11"].lower()
        assert [t["term"] for t in concept["fr"]] == [" ".join(fr.split())]
        assert [t["term"] for t in concept["en"]] == [" ".join(en.split())]
    assert run("glossary", "validate", out).exit_code == 0
