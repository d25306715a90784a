"""The ``medgloss check`` command: output, exit codes, configuration, and the acceptance tests:
the seed article and an article of our own with faulty English translations."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from medgloss.commands import app

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
FIXTURES = ROOT / "tests" / "fixtures" / "check"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["check", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def finding_lines(stdout: str) -> list[tuple[int, str, str]]:
    """(line, severity, rule) of each text-format finding."""
    out = []
    for line in stdout.splitlines():
        m = re.match(r".*?:(\d+):\d+: (error|warning|info) ([\w-]+) ", line)
        assert m, line
        out.append((int(m.group(1)), m.group(2), m.group(3)))
    return out


@pytest.fixture
def seed_pair(tmp_path: Path) -> tuple[Path, str]:
    """The seed article and our English translation of it (its quoted English reference, not ours,
    is copied from the seed at test time)."""
    seeds = sorted((SHARED / "seed").glob("*.txt"))
    if not seeds:
        pytest.skip("../shared/seed is not available")
    seed_lines = seeds[0].read_text("utf-8").split("\n")
    ours = (FIXTURES / "seed.en.txt").read_text("utf-8")
    return seeds[0], ours + "\n".join(seed_lines[19:])


def test_seed_with_a_faithful_translation(seed_pair: tuple[Path, str], tmp_path: Path) -> None:
    seed, english = seed_pair
    (tmp_path / "seed.en.txt").write_text(english, "utf-8")
    code, out, _err = run("--source", str(seed), str(tmp_path / "seed.en.txt"))
    assert (code, out) == (0, "")
    code, out, _err = run("--format", "json", "--source", str(seed), str(tmp_path / "seed.en.txt"))
    alignment = json.loads(out)["summary"]["alignments"][str(tmp_path / "seed.en.txt")]
    assert alignment == {"method": "lines", "segments": 13}


def findings_json(*args: str) -> tuple[int, list[tuple[int, str, str, str | None, str | None]]]:
    code, out, _err = run("--format", "json", *args)
    return code, [
        (f["line"], f["severity"], f["rule"], f["term"], f["suggestion"]) for f in json.loads(out)["findings"]
    ]


def test_seed_with_a_faulty_translation(seed_pair: tuple[Path, str], tmp_path: Path) -> None:
    seed, english = seed_pair
    faulty = (
        english.replace(
            "Several clinical trials of specific treatments", "Several studies of specific treatments"
        )
        .replace("also had lung involvement", "also had a pulmonary attack")
        .replace("published in March 2019", "published in March 2016")
    )
    (tmp_path / "seed.en.txt").write_text(faulty, "utf-8")
    assert findings_json("--source", str(seed), str(tmp_path / "seed.en.txt")) == (
        1,
        [
            (8, "warning", "missing-equivalent", "essais cliniques", "clinical trial"),
            (12, "error", "number-mismatch", "2016", "2019"),
            (12, "error", "forbidden-term", "pulmonary attack", "lung involvement"),
        ],
    )


def test_our_article_with_a_faithful_translation() -> None:
    code, out, _err = run(
        "--source", str(FIXTURES / "polyarthrite.fr.txt"), str(FIXTURES / "polyarthrite.en.txt")
    )
    assert (code, out) == (0, "")


def test_our_article_with_a_faulty_translation() -> None:
    code, out, _err = run(
        "--source", str(FIXTURES / "polyarthrite.fr.txt"), str(FIXTURES / "polyarthrite-faulty.en.txt")
    )
    assert code == 1
    assert finding_lines(out) == [
        (5, "error", "number-mismatch"),
        (9, "warning", "missing-equivalent"),
        (9, "error", "forbidden-term"),
    ]
    assert findings_json(
        "--source", str(FIXTURES / "polyarthrite.fr.txt"), str(FIXTURES / "polyarthrite-faulty.en.txt")
    )[1] == [
        (5, "error", "number-mismatch", "50 mg", "15 mg"),  # 15 mg a week became 50 mg
        (9, "warning", "missing-equivalent", "anticorps monoclonal", "monoclonal antibody"),
        (9, "error", "forbidden-term", "reanimation", "intensive care"),  # the false friend
    ]


def test_json_output_and_fail_level(tmp_path: Path) -> None:
    note = tmp_path / "note.fr.txt"
    note.write_text("L'HTA touche un adulte sur trois.\n", "utf-8")
    code, out, _err = run("--format", "json", str(note))
    data = json.loads(out)
    assert code == 0  # a warning does not reach the default fail level
    assert [f["rule"] for f in data["findings"]] == ["undefined-abbreviation"]
    assert data["summary"]["warning"] == 1
    assert run("--fail-level", "warning", str(note))[0] == 1


def test_sarif_to_a_file(tmp_path: Path) -> None:
    note = tmp_path / "note.en.txt"
    note.write_text("The patient went to reanimation.\n", "utf-8")
    report = tmp_path / "out" / "medgloss.sarif"
    code, out, _err = run("--format", "sarif", "-o", str(report), str(note))
    assert (code, out) == (1, "")
    log = json.loads(report.read_text("utf-8"))
    assert log["runs"][0]["results"][0]["ruleId"] == "forbidden-term"


def test_configuration_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    note = tmp_path / "note.en.txt"
    note.write_text("The patient went to reanimation. The dose was 2,5 mg.\n", "utf-8")
    (tmp_path / ".medgloss.toml").write_text(
        '[rules]\nforbidden-term = "warning"\nnumber-format = "off"\n', "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, out, _err = run(str(note))
    assert code == 0
    assert finding_lines(out) == [(1, "warning", "forbidden-term")]
    code, out, _err = run("--list-rules")
    assert re.search(r"^number-format\s+off\s", out, re.MULTILINE)


def test_bad_configuration_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".medgloss.toml").write_text('[rules]\nno-such-rule = "off"\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    code, _out, err = run("--list-rules")
    assert code == 2
    assert err.strip().endswith(
        "unknown rule 'no-such-rule' in [rules]; known rules: " + ", ".join(sorted(_rule_ids()))
    )


def _rule_ids() -> list[str]:
    from medgloss.check import RULES

    return list(RULES)


def test_input_errors_exit_2_without_losing_the_other_files(tmp_path: Path) -> None:
    good = tmp_path / "good.en.txt"
    good.write_text("The patient went to reanimation.\n", "utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    code, out, err = run(str(binary), str(good))
    assert code == 2
    assert "forbidden-term" in out  # the readable file is still checked
    assert f"{binary}:1:" in err
    assert "Traceback" not in err


def test_usage_errors() -> None:
    assert run()[0] == 2
    code, _out, err = run("--source", "a.fr.txt", "b.po")
    assert code == 2 and "--source" in err


def test_module_entry_point(tmp_path: Path) -> None:
    note = tmp_path / "note.en.txt"
    note.write_text("The tumour grew and the tumor was removed.\n", "utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "medgloss", "check", "--quiet", str(note)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.startswith(f"{note}:1:25: warning mixed-variant ")
    assert "'tumor'" in result.stdout and result.stdout.endswith("tumour)\n")
    assert result.stderr == ""


def test_pre_commit_hook_definition() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text("utf-8")
    assert re.search(r"^- id: medgloss-check$", hooks, re.MULTILINE)
    entry = re.search(r"^  entry: (.+)$", hooks, re.MULTILINE)
    assert entry and entry.group(1).split()[:2] == ["medgloss", "check"]
    assert re.search(r"^  language: python$", hooks, re.MULTILINE)
