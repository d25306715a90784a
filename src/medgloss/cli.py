"""Entry point of the ``medgloss`` command: picks the interface language, then runs the commands.

Messages and help texts are translated when the command modules are imported, so the language is
chosen first, from ``--ui-lang`` or the environment.
"""

from __future__ import annotations

import sys

from .i18n import set_language, translate_click, translate_help

__all__ = ["main"]


def _ui_lang_from_argv(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--ui-lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--ui-lang="):
            return arg.split("=", 1)[1]
    return None


def main(argv: list[str] | None = None) -> None:
    """Run ``medgloss`` with ``argv`` (default: the process arguments)."""
    args = list(sys.argv[1:] if argv is None else argv)
    translate_click(set_language(_ui_lang_from_argv(args)))
    from .commands import app

    translate_help(app)
    app.main(args=args, prog_name="medgloss")
