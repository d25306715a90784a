"""The tool's own interface language: gettext catalogs in ``locales/``, picked once at start-up.

The language comes from ``--ui-lang``, else the usual ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and
``LANG`` variables; French and English are shipped, anything else falls back to English. Click's own
strings ("Usage:", "Options:"…) go through the standard ``gettext`` functions: ``translate_click``
points them at our ``click`` catalog. Numbers and dates in reports are written with Babel for the language.
"""

from __future__ import annotations

import gettext
import inspect
import os
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal, format_percent

__all__ = [
    "CLICK_DOMAIN",
    "DOMAIN",
    "UI_LANGS",
    "_",
    "current_language",
    "format_date",
    "format_number",
    "format_percentage",
    "ngettext",
    "set_language",
    "translate_click",
    "translate_help",
    "ui_language_from_env",
]

DOMAIN = "medgloss"
CLICK_DOMAIN = "click"
"""Our translation of click's own strings (``locales/<lang>/LC_MESSAGES/click.po``)."""
UI_LANGS = ("en", "fr")
_state: dict[str, gettext.NullTranslations | str] = {"translation": gettext.NullTranslations(), "lang": "en"}


def locale_dir() -> Path:
    """The folder holding ``<lang>/LC_MESSAGES/medgloss.mo``."""
    with resources.as_file(resources.files("medgloss") / "locales") as path:
        return Path(path)


def ui_language_from_env(environ: dict[str, str] | None = None) -> str:
    """The interface language the environment asks for, among ``UI_LANGS``.

    >>> ui_language_from_env({"LANG": "fr_FR.UTF-8"}), ui_language_from_env({"LANGUAGE": "de:fr"})
    ('fr', 'fr')
    >>> ui_language_from_env({"LC_ALL": "C"})
    'en'
    """
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if not value:
            continue
        for item in value.split(":"):
            code = item.split(".")[0].split("_")[0].split("-")[0].lower()
            if code in UI_LANGS:
                return code
        if var != "LANGUAGE":
            return "en"
    return "en"


def set_language(lang: str | None = None) -> str:
    """Use ``lang`` (or the environment's choice) for every later message; returns the language."""
    code = (lang or ui_language_from_env()).lower()
    code = code if code in UI_LANGS else "en"
    _state["translation"] = gettext.translation(DOMAIN, locale_dir(), languages=[code], fallback=True)
    _state["lang"] = code
    return code


def translate_click(code: str) -> None:
    """Make click's own strings ("Usage:", "Options:"…) use our ``click`` catalog in language ``code``.

    Click calls the standard ``gettext.gettext``: the process-wide text domain, in the language of the
    ``LANGUAGE`` variable. So this sets both, for the whole process: it is for the ``medgloss``
    command's start-up, not for library use.
    """
    gettext.bindtextdomain(CLICK_DOMAIN, str(locale_dir()))
    gettext.textdomain(CLICK_DOMAIN)
    os.environ["LANGUAGE"] = code


def current_language() -> str:
    """The interface language in use (``en`` or ``fr``)."""
    return str(_state["lang"])


def _(message: str) -> str:
    """Translate ``message`` into the interface language."""
    translation = _state["translation"]
    assert isinstance(translation, gettext.NullTranslations)
    return translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message with a number."""
    translation = _state["translation"]
    assert isinstance(translation, gettext.NullTranslations)
    return translation.ngettext(singular, plural, n)


def translate_help(command: Any) -> None:
    """Translate the help texts of a click ``command`` and its subcommands, in place.

    Click takes a command's help from its docstring; ``medgloss.i18n_extract`` puts the cleaned
    docstrings in the catalog, and this looks them up.
    """
    for attr in ("help", "short_help", "epilog"):
        text = getattr(command, attr, None)
        if text:
            setattr(command, attr, _(inspect.cleandoc(text)))
    for sub in getattr(command, "commands", {}).values():
        translate_help(sub)


def format_number(number: float, decimals: int | None = None) -> str:
    """``number`` written for the interface language, with ``decimals`` digits when given.

    >>> lang = set_language("fr"); format_number(1234567.891, 2)
    '1\u202f234\u202f567,89'
    >>> lang = set_language("en"); format_number(1234567.891, 2), format_number(3)
    ('1,234,567.89', '3')
    """
    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(number, format=pattern, locale=current_language())


def format_percentage(ratio: float, decimals: int = 0) -> str:
    """``ratio`` (0.5 for half) as a percentage in the interface language, rounded to ``decimals``.

    >>> lang = set_language("fr"); format_percentage(0.256, 1)
    '25,6\xa0%'
    >>> lang = set_language("en"); format_percentage(0.256)
    '26%'
    """
    return format_percent(round(ratio, decimals + 2), locale=current_language(), decimal_quantization=False)


def format_date(value: date | datetime, style: str = "medium") -> str:
    """A date in the interface language; ``style`` is ``short``, ``medium``, ``long`` or ``full``.

    >>> lang = set_language("fr"); format_date(date(2019, 3, 9), "long")
    '9 mars 2019'
    >>> lang = set_language("en"); format_date(date(2019, 3, 9))
    'Mar 9, 2019'
    """
    return babel_format_date(value, format=style, locale=current_language())
