"""``medgloss po``: export, translate, import, merge and compile from the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner

from medgloss.commands import app

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "neurologie-avc.txt"

HOUSE = """\
[glossary]
domain = "house"

[[concept]]
id = "house_rash"
category = "sign-symptom"
fr = [ { term = "éruption maison", status = "preferred", gender = "f" } ]
en = [ { term = "house rash", status = "preferred" } ]
"""


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _translate(po_path: Path) -> None:
    catalog = polib.pofile(str(po_path))
    for entry in catalog:
        entry.msgstr, entry.flags = f"<{entry.msgid}>", []
    catalog.save()


def test_article_round_trip_keeps_layout_and_translations(here: Path) -> None:
    article = here / "avc.txt"
    article.write_text(EXAMPLE.read_text("utf-8"), "utf-8")
    code, _, err = run("po", "export", article.name, "-o", "l10n")
    assert code == 0 and "l10n/avc.en.po created" in err
    po_path = here / "l10n" / "avc.en.po"
    _translate(po_path)

    code, out, err = run("po", "import", po_path)
    assert "translated, 0 fuzzy, 0 untranslated" in err
    assert code == 1 and "missing-equivalent" in out  # the "translations" are still French
    english = (here / "l10n" / "avc.en.txt").read_text("utf-8")
    original = article.read_text("utf-8")
    assert [bool(line) for line in english.split("\n")] == [bool(line) for line in original.split("\n")]
    assert english.startswith("<AVC\u00a0: chaque minute compte")

    article.write_text(original.replace("sans attendre.", "sans attendre une minute."), "utf-8")
    code, _, err = run("po", "export", article.name, "-o", "l10n")
    assert code == 0 and "updated" in err and "1 fuzzy" in err
    merged = polib.pofile(str(po_path))
    assert len(merged.fuzzy_entries()) == 1
    fuzzy = merged.fuzzy_entries()[0]
    assert fuzzy.previous_msgid == "Encore faut-il appeler le 15 sans attendre."
    assert fuzzy.msgstr == "<Encore faut-il appeler le 15 sans attendre.>"
    assert len(merged.translated_entries()) == len(merged) - 1

    code, _, err = run("po", "import", po_path)
    assert code == 2 and "exists; use --force" in err
    code, out, err = run("po", "import", po_path, "-o", "-")
    assert code == 1 and "Encore faut-il appeler le 15 sans attendre une minute." in out
    assert "1 fuzzy" in err and "missing-equivalent" in err and "missing-equivalent" not in out


@pytest.mark.parametrize(
    ("translation", "code", "words"),
    [("He is in reanimation.", 1, "forbidden-term"), ("He is in intensive care.", 0, "")],
)
def test_import_runs_the_terminology_check(here: Path, translation: str, code: int, words: str) -> None:
    (here / "r.txt").write_text("Titre\n\nIl est en réanimation.\n", "utf-8")
    run("po", "export", "r.txt", "-q")
    catalog = polib.pofile(str(here / "r.en.po"))
    catalog[0].msgstr, catalog[1].msgstr = "Title", translation
    catalog.save()
    status, out, _ = run("po", "import", "r.en.po", "-q")
    assert status == code and (here / "r.en.txt").read_text("utf-8") == f"Title\n\n{translation}\n"
    assert words in out
    if words:
        assert out.startswith("r.en.po:") and "intensive care" in out


def test_seed_and_examples_export(here: Path) -> None:
    articles = sorted((ROOT / "examples").glob("*.txt")) + sorted((SHARED / "seed").glob("*.txt"))
    code, _, err = run("po", "export", *articles, "-o", "out", "-q")
    assert (code, err) == (0, "")
    assert (
        len(list((here / "out").glob("*.pot"))) == len(articles) == len(list((here / "out").glob("*.en.po")))
    )


def test_glossary_export_import_apply(here: Path) -> None:
    (here / "house.toml").write_text(HOUSE, "utf-8")
    code, _, err = run("po", "export", "--glossary", "-g", "house.toml", "--domain", "house", "-o", "gl")
    assert code == 0 and "1 French term(s) written" in err
    po_path = here / "gl" / "en.po"
    catalog = polib.pofile(str(po_path))
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in catalog] == [
        ("house_rash", "éruption maison", "house rash")
    ]
    catalog[0].msgstr = "household rash"
    catalog.save()

    code, out, err = run("po", "export", "--glossary", "-g", "house.toml", "--domain", "house", "-o", "gl")
    assert code == 2 and "1 reviewed change(s) not yet imported" in err

    code, out, err = run("po", "import", "--glossary", po_path, "-g", "house.toml")
    assert code == 0 and "house.toml:8: house_rash: 'house rash' → 'household rash'" in out
    assert "use --apply" in err and "house rash" in (here / "house.toml").read_text("utf-8")

    code, out, err = run("po", "import", po_path, "-g", "house.toml", "--apply")
    assert code == 0 and "1 change(s) written to 1 glossary file(s)" in err
    assert (here / "house.toml").read_text("utf-8") == HOUSE.replace('"house rash"', '"household rash"')


def test_glossary_import_refusals_exit_1(here: Path) -> None:
    (here / "house.toml").write_text(HOUSE, "utf-8")
    run("po", "export", "--glossary", "-g", "house.toml", "--domain", "house", "-o", "gl")
    catalog = polib.pofile(str(here / "gl" / "en.po"))
    catalog[0].msgctxt = "no_such_concept"
    catalog.save()
    code, _, err = run("po", "import", here / "gl" / "en.po", "-g", "house.toml")
    assert code == 1 and "en.po:" in err and "refused: unknown concept 'no_such_concept'" in err


def test_merge_and_compile(here: Path) -> None:
    (here / "a.txt").write_text("Titre\n\nLe chat dort. Le chien mange.\n", "utf-8")
    run("po", "export", "a.txt", "-q")
    _translate(here / "a.en.po")
    (here / "a.txt").write_text("Titre\n\nLe chat dort bien. Le chien mange.\n", "utf-8")
    (here / "a.en.po").rename(here / "old.po")
    run("po", "export", "a.txt", "-q")

    code, out, err = run("po", "merge", "old.po", "a.pot")
    assert code == 0 and '#| msgid "Le chat dort."' in out and "2 translated, 1 fuzzy" in err
    code, _, _ = run("po", "merge", "old.po", "a.pot", "-o", "merged.po", "-q")
    assert code == 0 and (here / "merged.po").read_text("utf-8") == out
    before = (here / "old.po").read_text("utf-8")
    assert run("po", "merge", "old.po", "a.pot", "-U", "-q")[0] == 0
    assert (here / "old.po").read_text("utf-8") != before
    assert run("po", "merge", "old.po", "a.pot", "-U", "-o", "x.po")[0] == 2

    code, _, err = run("po", "compile", "old.po")
    assert code == 0 and "old.mo: 2 message(s) compiled" in err and (here / "old.mo").stat().st_size > 0
    assert run("po", "compile", "old.po", "merged.po", "-o", "x.mo")[0] == 2


def test_usage_errors(here: Path) -> None:
    assert run("po", "export")[0] == 2
    assert run("po", "export", "--glossary", "a.txt")[0] == 2
    code, _, err = run("po", "export", "missing.txt")
    assert code == 2 and "missing.txt: no such file" in err
    (here / "a.html").write_text("<p>La calcinose.</p>", "utf-8")
    code, _, err = run("po", "export", "a.html")
    assert code == 2 and "a.html: HTML articles cannot be exported" in err


def test_malformed_po_is_one_line_exit_2(here: Path) -> None:
    (here / "bad.po").write_text('msgid ""\nmsgstr ""\n\nmsgid "a\\q"\nmsgstr "b"\n', "utf-8")
    message = "medgloss: error: bad.po:4: invalid escape sequence '\\q'\n"
    for command in (["compile"], ["merge", "bad.po"]):
        assert run("po", *command, "bad.po") == (2, "", message)
    done = subprocess.run(
        [sys.executable, "-m", "medgloss", "--ui-lang", "en", "po", "import", "bad.po"],
        capture_output=True,
        text=True,
    )
    assert (done.returncode, done.stderr) == (2, message)
    assert not (here / "bad.mo").exists()
