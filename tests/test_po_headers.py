"""Catalog headers: gettext's standard fields, dates, Babel's plural rules."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from medgloss import __version__
from medgloss.outputs import GENERATOR_MARK
from medgloss.po import new_catalog, plural_forms, po_date


def test_source_date_epoch_fixes_dates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1552140300")
    assert po_date() == "2019-03-09 14:05+0000"
    assert new_catalog("p", "en", "d").metadata["POT-Creation-Date"] == "2019-03-09 14:05+0000"


def test_current_date_without_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert po_date().startswith(str(datetime.now(UTC).year))


@pytest.mark.parametrize(
    ("lang", "forms"),
    [
        ("en", "nplurals=2; plural=(n != 1);"),
        ("fr", "nplurals=2; plural=(n > 1);"),
        ("en-US", "nplurals=2; plural=(n != 1);"),
        ("pl", "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"),
        ("xx-nowhere", "nplurals=2; plural=(n != 1);"),
    ],
)
def test_plural_forms_come_from_babel(lang: str, forms: str) -> None:
    assert plural_forms(lang) == forms


def test_template_and_translation_headers() -> None:
    pot, po = new_catalog("art.txt", None, "Template."), new_catalog("art.txt", "fr", "Translation.")
    assert pot.metadata["Language"] == "" and po.metadata["Language"] == "fr"
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    for catalog in (pot, po):
        assert catalog.metadata["Content-Type"] == "text/plain; charset=UTF-8"
        assert catalog.metadata["X-Generator"] == f"medgloss {__version__}"
        assert GENERATOR_MARK in catalog.header
