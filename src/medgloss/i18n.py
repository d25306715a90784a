"""The tool's own interface language: gettext catalogs in ``locales/``, picked once at start-up.

The language comes from ``--ui-lang``, else the usual ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` and
``LANG`` variables; French and English are shipped, anything else falls back to English.
"""

from __future__ import annotations

import gettext
import os
from importlib import resources
from pathlib import Path

__all__ = ["DOMAIN", "UI_LANGS", "_", "current_language", "ngettext", "set_language", "ui_language_from_env"]

DOMAIN = "medgloss"
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
