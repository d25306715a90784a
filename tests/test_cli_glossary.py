"""``medgloss glossary``: the commands end to end, with CliRunner and one real subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from medgloss.commands import app

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
HOUSE = FIXTURES / "house.toml"
OVERRIDE = FIXTURES / "override.toml"
EXCHANGE = FIXTURES / "exchange"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Own cache folder, and a working folder without configuration."""
    monkeypatch.setenv("MEDGLOSS_CACHE", str(tmp_path / "cache"))
    work = tmp_path / "work"
    work.mkdir()
    (work / ".medgloss.toml").write_text("", "utf-8")
    monkeypatch.chdir(work)


def run(*args: str | Path, input: str | None = None) -> Result:
    return CliRunner().invoke(app, ["glossary", *map(str, args)], input=input, catch_exceptions=False)


def test_validate_reports_problems_with_file_and_line_and_exit_status() -> None:
    result = run("validate", FIXTURES / "bad" / "preferred.toml")
    assert result.exit_code == 1
    assert "preferred.toml:4: error: concept no_french_preferred: no preferred fr term" in result.stdout
    assert "1 file(s), 3 concept(s): 3 error(s), 0 warning(s)" in result.stderr
    assert run("validate", HOUSE, OVERRIDE).exit_code == 0


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    path = tmp_path / "warn.toml"
    path.write_text(
        '[[concept]]\nid = "a"\ncategory = "other"\nfr = [{ term = "a", status = "preferred" }]\n'
        'en = [{ term = "a", status = "preferred" }, { term = "b", status = "forbidden" }]\n',
        "utf-8",
    )
    assert run("validate", path).exit_code == 0
    assert run("validate", "--strict", path).exit_code == 1


def test_validate_without_paths_takes_the_configured_glossaries(tmp_path: Path) -> None:
    Path(".medgloss.toml").write_text(
        f'glossary = ["{HOUSE.as_posix()}", "{OVERRIDE.as_posix()}"]\n', "utf-8"
    )
    result = run("validate", "--no-bundled")
    assert result.exit_code == 0 and "2 file(s), 5 concept(s)" in result.stderr
    assert run("validate", "--no-bundled", "-g", FIXTURES / "bad" / "codes.toml").exit_code == 1


def test_validate_of_nothing_or_a_missing_path_is_a_usage_error() -> None:
    result = run("validate", "--no-bundled")
    assert result.exit_code == 2 and "no glossary files" in result.stderr
    result = run("validate", "nowhere.toml")
    assert result.exit_code == 2 and result.stderr.startswith("medgloss: error: nowhere.toml:")


@pytest.mark.parametrize("name", ["binary.toml", "latin1.toml", "empty.toml", "syntax.toml"])
def test_validate_of_unreadable_files_is_one_line_each(name: str) -> None:
    result = run("validate", FIXTURES / "bad" / name)
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 1 and "Traceback" not in result.output


def test_fmt_check_rewrite_and_refusal(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    messy = HOUSE.read_text("utf-8").replace(
        'status = "preferred", gender = "f"', 'gender = "f", status = "preferred"'
    )
    path.write_text(messy, "utf-8")
    result = run("fmt", "--check", "--diff", path)
    assert result.exit_code == 1 and "would reformat" in result.stderr and "+  { term" in result.stdout
    assert path.read_text("utf-8") == messy
    assert run("fmt", path).exit_code == 0
    assert path.read_text("utf-8") == HOUSE.read_text("utf-8")
    assert run("fmt", "--check", path).exit_code == 0
    broken = tmp_path / "broken.toml"
    shutil.copy(FIXTURES / "bad" / "syntax.toml", broken)
    result = run("fmt", broken)
    assert result.exit_code == 2 and "broken.toml:9: TOML syntax" in result.stderr
    assert broken.read_text("utf-8") == (FIXTURES / "bad" / "syntax.toml").read_text("utf-8")
    assert run("fmt").exit_code == 2


def test_search_finds_concepts_in_both_languages() -> None:
    result = run("search", "OEDEME", "--no-bundled", "-g", HOUSE)
    assert result.exit_code == 0 and result.stdout.startswith("100.0  oedema  œdème → oedema")
    hits = json.loads(run("search", "intensive", "--no-bundled", "-g", HOUSE, "--format", "json").stdout)
    assert hits[0]["concept_id"] == "intensive_care" and hits[0]["term"]["lang"] == "en"
    assert run("search", "zzzzqqq", "--no-bundled", "-g", HOUSE).exit_code == 1


def test_show_says_where_each_term_comes_from_across_layers() -> None:
    result = run("show", "dermatomyositis", "--no-bundled", "-g", HOUSE, "-g", OVERRIDE)
    assert result.exit_code == 0
    out = result.stdout
    assert "defined in: " in out and "house.toml:8\n" in out
    assert "overridden in: " in out and "override.toml:4\n" in out
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("    ") and line.split()}
    assert lines["dermatomyosite"].endswith("override.toml:8")
    assert lines["DM"].endswith("house.toml:15")
    assert "deprecated" in lines["maladie"] and lines["maladie"].endswith("override.toml:9")
    data = json.loads(run("show", "dermatomyosite", "--no-bundled", "-g", HOUSE, "-f", "json").stdout)
    assert data["id"] == "dermatomyositis" and data["codes"]["orpha"] == "ORPHA:221"
    assert data["terms"][0]["origin"].endswith("house.toml:14")


def test_show_an_unknown_id_suggests_close_ones() -> None:
    result = run("show", "dermatomiositis", "--no-bundled", "-g", HOUSE)
    assert result.exit_code == 1 and "did you mean: dermatomyositis" in result.stderr


def test_stats_json_has_the_promised_keys() -> None:
    data = json.loads(run("stats", "--format", "json", "--no-bundled", "-g", HOUSE).stdout)
    assert data["concepts"] == 3 and data["terms"] == {"fr": 5, "en": 6}
    assert data["by_category"] == {"disorder": 1, "procedure": 1, "sign-symptom": 1}
    assert data["by_domain"] == {"critical-care": 1, "rheumatology": 2}
    assert data["codes"] == {"icd10": 1, "mesh": 1, "orpha": 1} and data["patterns"] == 1


def test_stats_of_the_bundled_glossary() -> None:
    data = json.loads(run("stats", "-f", "json").stdout)
    assert data["concepts"] > 1000 and set(data["terms"]) == {"fr", "en"}
    assert sum(data["by_domain"].values()) == data["concepts"]


def test_add_with_options_writes_a_canonical_valid_entry(tmp_path: Path) -> None:
    target = tmp_path / "house.toml"
    shutil.copy(HOUSE, target)
    result = run(
        "add", "--to", target, "--no-bundled", "--category", "disorder", "--fr", "myosite;gender=f",
        "--fr", "inflammation musculaire;gender=f;register=lay", "--en", "myositis", "--code", "icd10=M60.9",
        "--definition-en", "Inflammation of muscles.",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = target.read_text("utf-8")
    assert text.startswith(HOUSE.read_text("utf-8").split("[[pattern]]")[0])
    data = tomllib.loads(text)["concept"][-1]
    assert data["id"] == "myositis" and data["codes"] == {"icd10": "M60.9"}
    assert data["fr"][1] == {
        "term": "inflammation musculaire",
        "status": "admitted",
        "gender": "f",
        "register": "lay",
    }
    assert run("validate", target).exit_code == 0
    assert run("fmt", "--check", target).exit_code == 0


def test_add_refuses_duplicates_clashes_and_bad_values(tmp_path: Path) -> None:
    target = tmp_path / "house.toml"
    shutil.copy(HOUSE, target)
    before = target.read_text("utf-8")
    common = ["add", "--to", target, "--no-bundled", "--category", "disorder"]
    result = run(*common, "--id", "oedema", "--fr", "oedème", "--en", "swelling")
    assert result.exit_code == 2 and "exists already" in result.stderr
    result = run(*common, "--id", "oedema_2", "--fr", "Œdème", "--en", "swelling")
    assert result.exit_code == 2 and "already the French preferred term of oedema" in result.stderr
    result = run(*common, "--fr", "myosite;gender=x", "--en", "myositis", "--code", "snomed=1")
    assert result.exit_code == 2 and "gender 'x'" in result.stderr and "snomed" in result.stderr
    result = run(*common, "--fr", "myosite;gender", "--en", "myositis")
    assert result.exit_code == 2 and "key=value" in result.stderr
    assert run("add", "--to", target, "--no-bundled", "--no-interactive").exit_code == 2
    assert target.read_text("utf-8") == before


def test_add_asks_for_what_is_missing(tmp_path: Path) -> None:
    target = tmp_path / "new.toml"
    answers = "\n".join(["myosite;gender=f", "", "myositis", "", "disorder", "", "", ""]) + "\n"
    result = run("add", "--to", target, "--no-bundled", "--interactive", input=answers)
    assert result.exit_code == 0, result.output
    data = tomllib.loads(target.read_text("utf-8"))
    assert data["glossary"] == {"domain": "new"} and data["concept"][0]["id"] == "myositis"


def test_add_dry_run_prints_without_writing(tmp_path: Path) -> None:
    target = tmp_path / "house.toml"
    result = run(
        "add",
        "--to",
        target,
        "--no-bundled",
        "--dry-run",
        "--category",
        "test",
        "--fr",
        "IRM;type=acronym;gender=f",
        "--en",
        "MRI;type=acronym",
    )
    assert (
        result.exit_code == 0
        and '{ term = "IRM", status = "preferred", type = "acronym", gender = "f" },' in result.stdout
    )
    assert not target.exists()


@pytest.mark.parametrize("fmt", ["tbx", "csv", "tsv"])
def test_export_then_import_round_trip(fmt: str, tmp_path: Path) -> None:
    exported = tmp_path / f"house.{fmt}"
    result = run("export", "--no-bundled", "-g", HOUSE, "-o", exported)
    assert result.exit_code == 0 and "patterns not exported" in result.stderr
    back = tmp_path / "back.toml"
    result = run("import", exported, "-o", back)
    assert result.exit_code == 0, result.output
    original = tomllib.loads(HOUSE.read_text("utf-8"))["concept"]
    again = tomllib.loads(back.read_text("utf-8"))
    assert again["glossary"]["domain"] == "rheumatology"
    assert again["concept"] == original
    assert run("validate", back).exit_code == 0


def test_export_to_standard_output_and_domain_filter() -> None:
    result = run(
        "export", "--no-bundled", "-g", HOUSE, "-f", "tsv", "--dialect", "deepl", "--domain", "critical-care"
    )
    assert result.stdout == "réanimation\tintensive care\nsoins intensifs\tintensive care\n"


def test_import_and_export_never_overwrite_inputs_or_files_without_force(tmp_path: Path) -> None:
    copy = tmp_path / "house.toml"
    shutil.copy(HOUSE, copy)
    result = run("export", "--no-bundled", "-g", copy, "-f", "tbx", "-o", copy)
    assert result.exit_code == 2 and "never overwrites its inputs" in result.stderr
    source = tmp_path / "deepl.tsv"
    shutil.copy(EXCHANGE / "deepl.tsv", source)
    assert run("import", source, "-o", source, "--force").exit_code == 2
    out = tmp_path / "out.toml"
    out.write_text("keep me", "utf-8")
    result = run("import", source, "-o", out)
    assert result.exit_code == 2 and "use --force" in result.stderr and out.read_text("utf-8") == "keep me"
    assert run("import", source, "-o", out, "--force").exit_code == 0


@pytest.mark.parametrize(
    "name", ["hostile_billion_laughs.tbx", "hostile_external_entity.tbx", "malformed.tbx"]
)
def test_import_of_hostile_or_broken_xml_is_a_one_line_error(name: str, tmp_path: Path) -> None:
    out = tmp_path / "out.toml"
    result = run("import", EXCHANGE / name, "-o", out)
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("medgloss: error: ") and not out.exists()


def test_import_reports_what_it_did_not_map_and_validates_the_result(tmp_path: Path) -> None:
    result = run(
        "import", EXCHANGE / "tbx_v2_iate.tbx", "-o", tmp_path / "iate.toml", "--category", "disorder"
    )
    assert result.exit_code == 0
    assert "not imported or changed:" in result.stderr and "reliabilityCode" in result.stderr
    data = tomllib.loads((tmp_path / "iate.toml").read_text("utf-8"))
    assert data["glossary"] == {"domain": "health", "source": "tbx_v2_iate.tbx"}
    assert {c["category"] for c in data["concept"]} == {"disorder"}
    clash = tmp_path / "clash.csv"
    clash.write_text("fr,en\nfièvre,fever\nfièvre,pyrexia\n", "utf-8")
    result = run("import", clash, "-o", tmp_path / "clash.toml")
    assert result.exit_code == 1 and "already preferred" in result.stdout


def test_the_module_entry_point_runs_validate() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "medgloss", "glossary", "validate", str(HOUSE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and "0 error(s)" in done.stderr


def test_compile_fills_the_cache_with_both_languages(tmp_path: Path) -> None:
    result = run("compile", "--fast-only", "-g", HOUSE)
    assert result.exit_code == 0, result.output
    assert "compiled" in result.stderr and "fast mode" in result.stderr
    cache = tmp_path / "cache"
    assert len(list(cache.glob("compiled-*-en.marshal"))) == 1  # English too, not only on first use
    assert len([p for p in cache.glob("compiled-*.marshal") if not p.name.endswith("-en.marshal")]) == 1


def test_compile_needs_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDGLOSS_CACHE", "off")
    result = CliRunner().invoke(app, ["glossary", "compile", "--fast-only"])
    assert result.exit_code != 0
    assert "the cache is off" in result.stderr and "Traceback" not in result.output
