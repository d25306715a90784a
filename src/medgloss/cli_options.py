"""What the ``medgloss`` commands share: exit statuses and common options."""

from __future__ import annotations

import click

from .i18n import _

__all__ = ["EXIT_FINDINGS", "EXIT_USAGE", "glossary_option", "variant_option"]

EXIT_FINDINGS = 1
"""Findings at or above the fail level, or some inputs failed while others were processed."""
EXIT_USAGE = 2
"""Usage or input errors."""

glossary_option = click.option(
    "--glossary",
    "-g",
    "glossaries",
    multiple=True,
    metavar="PATH",
    help=_("Extra glossary file or directory, layered over the bundled glossary (repeatable)."),
)
variant_option = click.option(
    "--variant",
    type=click.Choice(["en-GB", "en-US"]),
    default="en-GB",
    show_default=True,
    help=_("English spelling of the equivalents."),
)
