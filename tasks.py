#!/usr/bin/env python3
"""Set-up and developer tasks, with nothing but Python needed beforehand.

python3 tasks.py demo   # create .venv, install medgloss, annotate the example articles into out/
python3 tasks.py test   # create .venv, install medgloss with test tools, run lint, types and tests
python3 tasks.py bench  # run the benchmarks and evaluations in bench/ (figures: bench/RESULTS.md)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"
OUT = ROOT / "out"


def run(*cmd: str | Path, check: bool = True) -> int:
    """Run a command from the repository root, echoing it."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    code = subprocess.call([str(c) for c in cmd], cwd=ROOT)
    if check and code != 0:
        sys.exit(code)
    return code


def ensure_venv(extra: str) -> None:
    """Create .venv and install the package (editable) with ``extra``; quick when already done."""
    if sys.version_info < (3, 11):  # noqa: UP036 -- tasks.py may be started by an older python3
        sys.exit(f"medgloss needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extra}"
    sources = [ROOT / "pyproject.toml"]
    if stamp.exists() and all(stamp.stat().st_mtime >= s.stat().st_mtime for s in sources):
        return
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", f".[{extra}]")
    run(BIN / "medgloss", "glossary", "compile", "--quiet")  # so that the first annotate starts fast
    stamp.touch()


def demo() -> None:
    """Annotate the bundled example articles in every format, into out/."""
    ensure_venv("test")
    formats = ["-f", "html,json,tsv,md,bilingual"]
    run(BIN / "medgloss", "annotate", "examples/*.txt", *formats, "-o", OUT, "--force")
    print(f"\nOpen {OUT / 'cardiologie-insuffisance-cardiaque.html'} in a browser.")


def test() -> None:
    """Lint, format check, types, glossary validation and layout, then the whole test suite."""
    ensure_venv("dev")
    run(BIN / "ruff", "check", "src", "tests", "bench", "tasks.py")
    run(BIN / "ruff", "format", "--check", "src", "tests", "bench", "tasks.py")
    run(BIN / "mypy")
    run(BIN / "medgloss", "glossary", "validate", "--strict")
    run(BIN / "medgloss", "glossary", "fmt", "--check", "glossary")
    code = run(PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", *sys.argv[2:], check=False)
    if code == 5:
        sys.exit("pytest collected no tests: that is a failure")
    sys.exit(code)


def bench() -> None:
    """Run every benchmark and evaluation script in bench/ (figures: bench/RESULTS.md)."""
    ensure_venv("dev")
    for script in sorted((ROOT / "bench").glob("bench_*.py")) + sorted((ROOT / "bench").glob("eval_*.py")):
        run(PY, script)


def clean() -> None:
    """Remove .venv and out/."""
    for path in (VENV, OUT):
        shutil.rmtree(path, ignore_errors=True)


TASKS = {"demo": demo, "test": test, "bench": bench, "clean": clean}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(f"usage: python3 tasks.py {{{'|'.join(TASKS)}}}")
    TASKS[sys.argv[1]]()
