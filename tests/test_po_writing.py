"""Every catalog medgloss writes passes ``msgfmt --check`` and re-reads identically with polib and
Babel; compiled ``.mo`` files hold what msgfmt would put in them."""

from __future__ import annotations

import gettext
import io
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po as babel_read_po
from spacy.language import Language

from medgloss.api import annotate
from medgloss.po import (
    article_catalogs,
    compile_mo,
    glossary_catalog,
    merge_catalogs,
    po_text,
    write_mo,
    write_po,
)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ARTICLES = sorted((ROOT / "examples").glob("*.txt")) + sorted((SHARED / "seed").glob("*.txt"))
LOCALES = ROOT / "locales"
TEMPLATE_WARNING = "header field 'Language' still has the initial default value"


@pytest.fixture(scope="module")
def written(nlp_fast: Language, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The glossary catalogs of the bundled glossary and the catalogs of each example and the seed."""
    folder = tmp_path_factory.mktemp("catalogs")
    termbase = nlp_fast.get_pipe("medgloss").termbase  # type: ignore[attr-defined]
    paths = [folder / "glossary.pot", folder / "en.po"]
    write_po(glossary_catalog(termbase, language=None), paths[0])
    write_po(glossary_catalog(termbase), paths[1])
    for article in ARTICLES:
        text = article.read_text("utf-8")
        template, translation = article_catalogs(text, article.name, annotate(text, mode="fast"), termbase)
        for entry in translation:
            entry.msgstr = entry.msgstr or f"EN {entry.msgid}"
        paths += [folder / f"{article.stem}.pot", folder / f"{article.stem}.en.po"]
        write_po(template, paths[-2])
        write_po(translation, paths[-1])
        edited = text.replace(".", " donc.", 1)
        new_template, _ = article_catalogs(edited, article.name, annotate(edited, mode="fast"), termbase)
        paths.append(folder / f"{article.stem}.merged.po")
        write_po(merge_catalogs(translation, new_template), paths[-1])
    return paths


def _ours_and_shipped(written: list[Path]) -> list[Path]:
    return written + sorted(LOCALES.glob("*/LC_MESSAGES/*.po")) + sorted(LOCALES.glob("*.pot"))


def test_msgfmt_check_passes(written: list[Path], tmp_path: Path) -> None:
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext's msgfmt is not installed")
    for path in _ours_and_shipped(written):
        done = subprocess.run(
            ["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(path)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        warnings = [
            w for w in done.stderr.splitlines() if not (path.suffix == ".pot" and TEMPLATE_WARNING in w)
        ]
        if path.parent != LOCALES:  # Babel's own template header keeps its placeholders
            assert warnings == [], path


def test_polib_reads_back_the_same_text(written: list[Path]) -> None:
    for path in written:
        assert po_text(polib.pofile(str(path))) == path.read_text("utf-8"), path


def test_babel_reads_the_same_messages(written: list[Path]) -> None:
    for path in written:
        ours = polib.pofile(str(path))
        with path.open("rb") as fh:
            theirs = babel_read_po(fh)
        live = [e for e in ours if not e.obsolete]
        assert len(theirs) == len(live), path
        for entry in live:
            message = theirs.get(entry.msgid, entry.msgctxt)
            assert message is not None and message.string == entry.msgstr, (path, entry.msgid)
            assert message.fuzzy == entry.fuzzy
            assert [(f, int(n)) for f, n in entry.occurrences] == message.locations
        assert len(theirs.obsolete) == len(ours.obsolete_entries())
        assert theirs.locale is None or str(theirs.locale) == ours.metadata["Language"]


def test_compiled_mo_matches_msgfmt(written: list[Path], tmp_path: Path) -> None:
    po_path = next(p for p in written if p.name.endswith(".merged.po"))
    catalog = polib.pofile(str(po_path))
    ours = gettext.GNUTranslations(io.BytesIO(compile_mo(catalog)))
    fuzzy = catalog.fuzzy_entries()[0]
    assert ours.pgettext(fuzzy.msgctxt, fuzzy.msgid) == fuzzy.msgid  # fuzzy messages are left out
    done = catalog.translated_entries()[0]
    assert ours.pgettext(done.msgctxt, done.msgid) == done.msgstr
    if shutil.which("msgfmt") is None:
        pytest.skip("GNU gettext's msgfmt is not installed")
    subprocess.run(["msgfmt", "-o", str(tmp_path / "gnu.mo"), str(po_path)], check=True)
    write_mo(catalog, tmp_path / "ours.mo")
    with (tmp_path / "gnu.mo").open("rb") as gnu, (tmp_path / "ours.mo").open("rb") as mine:
        theirs, mine_ = gettext.GNUTranslations(gnu)._catalog, gettext.GNUTranslations(mine)._catalog  # type: ignore[attr-defined]
    assert sorted(mine_.pop("").splitlines()) == sorted(
        theirs.pop("").splitlines()
    )  # the header, in any order
    assert mine_ == theirs
