"""``medgloss annotate``: formats, -o DIR/FILE/-, folders and globs, bad inputs, the "ours" rule."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from medgloss.commands import app
from medgloss.i18n import set_language
from medgloss.outputs import is_ours

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
ARTICLE = "Dermatomyosite : la calcinose\n\nLa dermatomyosite se complique parfois d’une calcinose.\n"


@pytest.fixture(autouse=True, scope="module")
def english_messages():
    set_language("en")


def run(*args: str, stdin: str | bytes | None = None):
    return CliRunner().invoke(app, list(args), input=stdin, catch_exceptions=False)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    return path


def test_every_format_into_a_folder_with_clear_names(tmp_path):
    article = write(tmp_path / "in" / "calcinose.txt", ARTICLE)
    out = tmp_path / "out"
    result = run(
        "annotate",
        str(article),
        "--fast",
        "-f",
        "html,md",
        "-f",
        "tsv",
        "-f",
        "csv",
        "-f",
        "bilingual",
        "-f",
        "bilingual-md",
        "-f",
        "json",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "calcinose.annotated.md",
        "calcinose.bilingual.html",
        "calcinose.bilingual.md",
        "calcinose.html",
        "calcinose.json",
        "calcinose.terms.csv",
        "calcinose.terms.tsv",
    ]
    assert all(is_ours(p) for p in out.iterdir())
    assert json.loads((out / "calcinose.json").read_text("utf-8"))["source"] == str(article)
    assert "Annotated 1 of 1 article(s); 7 file(s) written to" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("page.html", "<!DOCTYPE html>"),
        ("sheet.terms.tsv", "fr_term\t"),
        ("notes.md", "<!-- generated"),
        ("view.bilingual.md", "<!-- generated"),
        ("data.json", "{"),
    ],
)
def test_an_output_file_takes_its_format_from_its_suffix(tmp_path, name, start):
    article = write(tmp_path / "a.txt", ARTICLE)
    result = run("annotate", str(article), "--fast", "-o", str(tmp_path / name))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / name).read_text("utf-8").startswith(start)


def test_standard_input_and_output(tmp_path):
    result = run("annotate", "-", "--fast", stdin=ARTICLE)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["source"] == "-" and {t["text"] for t in data["terms"]} >= {"calcinose", "dermatomyosite"}
    page = run(
        "annotate", "-", "--fast", "-f", "html", "-o", "-", stdin="<!DOCTYPE html><p>La calcinose.</p>"
    )
    assert page.stdout.startswith("<!DOCTYPE html>") and "<p>La <mark" in page.stdout
    assert run("-", "--fast", "-o", str(tmp_path), stdin=ARTICLE).exit_code == 0
    assert (tmp_path / "stdin.html").is_file()


def test_an_article_without_a_command_is_annotated(tmp_path):
    article = write(tmp_path / "a.txt", ARTICLE)
    result = run(str(article), "--fast")
    assert result.exit_code == 0 and json.loads(result.stdout)["terms"]


def test_folders_and_globs_go_on_past_a_bad_file(tmp_path):
    folder = tmp_path / "articles"
    write(folder / "a.txt", ARTICLE)
    write(folder / "sub" / "b.md", "# Calcinose\n\nLa *calcinose* et le `code`.\n")
    write(folder / "c.html", "<html><body><p>La dermatomyosite.</p></body></html>")
    write(folder / "d.txt", b"\x00\x01\x02binary\x00")
    write(folder / "ignored.pdf", b"%PDF-1.4")
    out = tmp_path / "out"
    result = run("annotate", str(folder), "--fast", "-f", "html,tsv", "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.count("medgloss: error:") == 1
    assert (
        f"medgloss: error: {folder / 'd.txt'}:1: binary file (NUL byte), not a text article" in result.stderr
    )
    assert "Annotated 3 of 4 article(s); 6 file(s) written" in result.stderr
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        "a.html",
        "a.terms.tsv",
        "c.html",
        "c.terms.tsv",
        "sub/b.html",
        "sub/b.terms.tsv",
    ]
    globbed = run("annotate", str(folder / "*.txt"), str(folder / "sub" / "*.md"), "--fast", "-o", str(out))
    assert globbed.exit_code == 2 and "Annotated 2 of 3 article(s); 2 file(s) written" in globbed.stderr


def test_existing_outputs_ours_are_replaced_others_need_force(tmp_path):
    article = write(tmp_path / "a.txt", ARTICLE)
    out = tmp_path / "out"
    assert run("annotate", str(article), "--fast", "-f", "html,tsv", "-o", str(out)).exit_code == 0
    assert run("annotate", str(article), "--fast", "-f", "html,tsv", "-o", str(out)).exit_code == 0
    foreign = write(out / "a.html", "<p>My own notes</p>")
    refused = run("annotate", str(article), "--fast", "-f", "html", "-o", str(out))
    assert refused.exit_code == 2
    assert (
        f"medgloss: error: {foreign}: exists and was not written by medgloss; use --force" in refused.stderr
    )
    assert foreign.read_text("utf-8") == "<p>My own notes</p>"
    forced = run("annotate", str(article), "--fast", "-f", "html", "-o", str(out), "--force")
    assert forced.exit_code == 0 and is_ours(foreign)


def test_an_input_is_never_overwritten(tmp_path):
    page = write(tmp_path / "a.html", "<p>La calcinose.</p>")
    for extra in ([], ["--force"]):
        result = run("annotate", str(page), "--fast", "-o", str(tmp_path), *extra)
        assert result.exit_code == 2 and "is an input article" in result.stderr
    assert page.read_text("utf-8") == "<p>La calcinose.</p>"


def test_two_articles_sharing_a_name_do_not_overwrite_each_other(tmp_path):
    a = write(tmp_path / "x.txt", ARTICLE)
    b = write(tmp_path / "x.md", "La calcinose.\n")
    result = run("annotate", str(a), str(b), "--fast", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2 and f"already written for {a} in this run" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"  \n\t\n", "the file is empty"),
        (b"PK\x03\x04\x00\x00binary", ":1: binary file (NUL byte), not a text article"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "invalid utf-16 text"),
        (b"<html><script>alert(1)</script></html>", "no text to annotate"),
    ],
    ids=["empty", "blank", "binary", "bad-utf16", "markup-only"],
)
def test_bad_inputs_get_a_one_line_error(tmp_path, content, message):
    name = "a.html" if b"<html>" in content else "a.txt"
    article = write(tmp_path / name, content)
    result = run("annotate", str(article), "--fast", "-o", str(tmp_path / "out"))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("medgloss: error:")]
    assert len(errors) == 1 and str(article) in errors[0] and message in errors[0]
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_missing_file_and_usage_errors(tmp_path):
    missing = run("annotate", str(tmp_path / "nope.txt"), "--fast")
    assert missing.exit_code == 2 and f"{tmp_path / 'nope.txt'}: no such file" in missing.stderr
    article = write(tmp_path / "a.txt", ARTICLE)
    both = run("annotate", str(article), "--fast", "-f", "html,tsv")
    assert both.exit_code == 2 and "need an output folder" in both.stderr
    unknown = run("annotate", str(article), "-f", "pdf")
    assert unknown.exit_code == 2 and "unknown format pdf" in unknown.stderr
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    nothing = run("annotate", str(empty_dir))
    assert nothing.exit_code == 2 and "no articles (.txt, .md, .html) in this directory" in nothing.stderr


def test_windows_1252_article_is_read_with_a_note(tmp_path):
    article = write(tmp_path / "a.txt", "La dermatomyosite réfractaire – une calcinose.".encode("cp1252"))
    result = run("annotate", str(article), "--fast", "-o", str(tmp_path / "a.html"))
    assert result.exit_code == 0
    assert f"medgloss: note: {article}: not UTF-8, read as cp1252" in result.stderr
    page = (tmp_path / "a.html").read_text("utf-8")
    assert "réfractaire" in page and "– une <mark" in page
    quiet = run("annotate", str(article), "--fast", "-q", "-o", str(tmp_path / "a.html"))
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_bom_for_spreadsheets(tmp_path):
    article = write(tmp_path / "a.txt", ARTICLE)
    result = run("annotate", str(article), "--fast", "-f", "tsv,html", "--bom", "-o", str(tmp_path))
    assert result.exit_code == 0
    assert (tmp_path / "a.terms.tsv").read_bytes().startswith(codecs.BOM_UTF8 + b"fr_term\t")
    assert (tmp_path / "a.html").read_bytes().startswith(b"<!DOCTYPE html>")
    assert is_ours(tmp_path / "a.terms.tsv")


@pytest.mark.slow
def test_a_5_mb_article(tmp_path):
    block = "\n\n".join(p.read_text("utf-8") for p in EXAMPLES) + "\n\n"
    copies = 5 * 1024 * 1024 // len(block.encode()) + 1
    huge = write(tmp_path / "huge.txt", block * copies)
    assert huge.stat().st_size >= 5 * 1024 * 1024
    started = time.perf_counter()
    result = run("annotate", str(huge), "--fast", "-f", "html,tsv", "-o", str(tmp_path / "out"))
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.stderr
    assert "large article" in result.stderr and "this takes a while" in result.stderr
    sheet = (tmp_path / "out" / "huge.terms.tsv").read_text("utf-8").splitlines()
    assert len(sheet) > 50
    page = (tmp_path / "out" / "huge.html").read_text("utf-8")
    assert page.rstrip().endswith("</html>") and page.count("<mark ") > 10 * copies
    print(f"5 MB article annotated and rendered in {elapsed:.1f} s")


def test_errors_from_a_real_process_are_one_line(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "medgloss", "annotate", str(tmp_path / "missing.txt"), "--fast"],
        capture_output=True,
        text=True,
        timeout=120,
        env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == f"medgloss: error: {tmp_path / 'missing.txt'}: no such file"
    assert "Traceback" not in result.stderr


def test_the_api_builds_one_pipeline_however_its_arguments_are_passed() -> None:
    from medgloss.api import pipeline

    assert pipeline("fast", (), "en-GB") is pipeline("fast", (), "en-GB", False)
    assert pipeline("fast") is pipeline(mode="fast", glossary=[], variant="en-GB")  # type: ignore[arg-type]
