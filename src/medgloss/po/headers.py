"""The header of every catalog medgloss writes: gettext's standard fields, Babel's plural rules."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import polib
from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

from .. import __version__
from ..outputs import GENERATOR_MARK

__all__ = ["GENERATOR", "new_catalog", "plural_forms", "po_date"]

GENERATOR = f"medgloss {__version__}"
WRAP = 78
"""Line width of written catalogs (that of polib and msgmerge)."""


def po_date(when: datetime | None = None) -> str:
    """A header date (``2025-03-09 14:05+0000``); ``SOURCE_DATE_EPOCH`` fixes it for reproducible builds.

    >>> po_date(datetime(2019, 3, 9, 14, 5, tzinfo=UTC))
    '2019-03-09 14:05+0000'
    """
    if when is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        when = datetime.fromtimestamp(int(epoch), UTC) if epoch.isdigit() else datetime.now(UTC)
    return when.strftime("%Y-%m-%d %H:%M%z")


def plural_forms(language: str) -> str:
    """The ``Plural-Forms`` value for ``language``, from Babel's CLDR plural rules.

    >>> plural_forms("fr"), plural_forms("en_GB")
    ('nplurals=2; plural=(n > 1);', 'nplurals=2; plural=(n != 1);')
    """
    try:
        return get_plural(Locale.parse(language.replace("-", "_"))).plural_forms
    except (UnknownLocaleError, ValueError):
        return get_plural("en").plural_forms


def new_catalog(project: str, language: str | None, description: str) -> polib.POFile:
    """An empty catalog: a template (``.pot``) when ``language`` is None, else a ``.po`` for it."""
    now = po_date()
    catalog = polib.POFile(wrapwidth=WRAP)
    catalog.header = f"{description}\nThis file was {GENERATOR_MARK} {__version__}."
    catalog.metadata = {
        "Project-Id-Version": project,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": now,
        "PO-Revision-Date": now,
        "Last-Translator": "",
        "Language-Team": "",
        "Language": language or "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": plural_forms(language or "en"),
        "X-Generator": GENERATOR,
    }
    return catalog
