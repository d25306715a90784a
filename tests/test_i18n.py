"""The interface catalogs: complete, up to date with the sources, compiled; French help and formats."""

from __future__ import annotations

import gettext
import importlib.metadata
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from medgloss.i18n import _, current_language, format_number, set_language

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "locales"
PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]*)\}|%\(\w+\)s")


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def _extract(tmp_path: Path, *args: str) -> Catalog:
    out = tmp_path / "extracted.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-o", str(out), *args])
    return _read(out)


def _ids(catalog: Catalog) -> set[tuple[str | None, object]]:
    return {(m.context, m.id) for m in catalog if m.id}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    """What ``pybabel extract`` finds in the sources today (the command of docs/localisation.md)."""
    return _extract(
        tmp_path_factory.mktemp("extract"), "-F", str(ROOT / "babel.cfg"), str(ROOT / "src" / "medgloss")
    )


@pytest.fixture
def french() -> Iterator[None]:
    before = current_language()
    set_language("fr")
    yield
    set_language(before)


def test_template_is_up_to_date(extracted: Catalog) -> None:
    template = _read(LOCALES / "medgloss.pot")
    missing = _ids(extracted) - _ids(template)
    stale = _ids(template) - _ids(extracted)
    assert not missing, (
        f"strings missing from locales/medgloss.pot (run pybabel extract): {sorted(missing, key=repr)}"
    )
    assert not stale, f"strings no longer in the sources (run pybabel extract): {sorted(stale, key=repr)}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_catalog_has_every_string(extracted: Catalog, lang: str) -> None:
    catalog = _read(LOCALES / lang / "LC_MESSAGES" / "medgloss.po", lang)
    missing = _ids(extracted) - _ids(catalog)
    stale = _ids(catalog) - _ids(extracted)
    assert not missing, f"{lang}: strings missing (run pybabel update): {sorted(missing, key=repr)}"
    assert not stale, (
        f"{lang}: strings no longer in the sources (run pybabel update): {sorted(stale, key=repr)}"
    )
    untranslated = [m.id for m in catalog if m.id and (m.fuzzy or not all(_strings(m.string)))]
    assert not untranslated, f"{lang}: untranslated or fuzzy (for en, run msgen): {untranslated}"


def _strings(value: object) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, tuple | list) else (str(value),)


@pytest.mark.parametrize("name", ["medgloss.po", "click.po"])
def test_french_keeps_the_placeholders(name: str) -> None:
    for message in _read(LOCALES / "fr" / "LC_MESSAGES" / name, "fr"):
        if not message.id:
            continue
        wanted = {p for s in _strings(message.id) for p in PLACEHOLDER.findall(s)}
        for translated in _strings(message.string):
            assert set(PLACEHOLDER.findall(translated)) <= wanted, (message.id, translated)
            if not message.pluralizable:
                assert set(PLACEHOLDER.findall(translated)) == wanted, (message.id, translated)


@pytest.mark.parametrize(
    "po", sorted(LOCALES.glob("*/LC_MESSAGES/*.po")), ids=lambda p: str(p.relative_to(LOCALES))
)
def test_compiled_catalog_is_up_to_date(po: Path) -> None:
    with po.with_suffix(".mo").open("rb") as fh:
        compiled = dict(gettext.GNUTranslations(fh)._catalog)  # type: ignore[attr-defined]
    compiled.pop("", None)
    expected: dict[object, str] = {}
    for m in _read(po, po.parts[-3]):
        if not m.id or m.fuzzy or not all(_strings(m.string)):
            continue
        if m.pluralizable:
            for k, s in enumerate(_strings(m.string)):
                expected[(m.id[0], k)] = s
        else:
            expected[m.id] = str(m.string)
    assert compiled == expected, f"{po} and its .mo differ: run pybabel compile"


def test_click_catalog_covers_the_installed_click(tmp_path: Path) -> None:
    catalog = _read(LOCALES / "fr" / "LC_MESSAGES" / "click.po", "fr")
    made_for = catalog.project + " " + catalog.version
    installed = "click " + importlib.metadata.version("click")
    if made_for != installed:
        pytest.skip(f"locales/fr/LC_MESSAGES/click.po was made for {made_for}, {installed} is installed")
    found = _extract(tmp_path, str(Path(click.__file__).parent))
    assert not _ids(found) - _ids(catalog), "click has new strings: update locales/click.pot and click.po"


def test_messages_follow_the_language(french: None) -> None:
    assert _("medgloss: error: {message}").startswith("medgloss : erreur")
    assert format_number(1234.5, 1) == "1\u202f234,5"


def _medgloss(*args: str, env: dict[str, str]) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    done = subprocess.run(
        [sys.executable, "-m", "medgloss", *args], capture_output=True, text=True, env={**clean, **env}
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_help_in_french_with_ui_lang() -> None:
    out = _medgloss("--ui-lang", "fr", "--help", env={"LANG": "en_GB.UTF-8"})
    assert out.startswith("Utilisation : medgloss [OPTIONS]")
    assert "Afficher ce message et quitter." in out
    assert "Options :" in out and "Commandes :" in out
    assert "Find, link and check" not in out


def test_help_in_french_from_the_environment() -> None:
    out = _medgloss("po", "--help", env={"LANG": "fr_FR.UTF-8"})
    assert out.startswith("Utilisation : medgloss po [OPTIONS]")
    assert "Aller-retour de localisation" in out and "Show this message and exit." not in out
