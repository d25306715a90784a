"""The command as a user starts it: version, help, and mistakes that must stay one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from medgloss import __version__


def medgloss(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "medgloss", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_version_and_help() -> None:
    assert medgloss("--version").stdout.strip() == f"medgloss {__version__}"
    help_text = medgloss("--help").stdout
    for command in ("annotate", "check", "glossary", "po", "evaluate"):
        assert command in help_text


@pytest.mark.parametrize(
    "args",
    [
        ("nonexistent.txt",),
        ("annotate", "nonexistent.txt"),
        ("check", "nonexistent.txt"),
        ("glossary", "validate", "nonexistent.toml"),
        ("po", "import", "nonexistent.po"),
    ],
)
def test_missing_files_give_one_line_and_status_2(args: tuple[str, ...], tmp_path: Path) -> None:
    result = medgloss(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "nonexistent" in lines[0] and "Traceback" not in result.stderr
