"""The ``medgloss check`` command: terminology QA with linter-style output and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from .check import (
    REPORTERS,
    RULES,
    SEVERITIES,
    CheckOptions,
    FileReport,
    at_least,
    check_file,
    resolve_levels,
    summary,
)
from .check.inputs import suffix_kind
from .cli_options import EXIT_FINDINGS, EXIT_USAGE, glossary_option
from .config import load_config
from .errors import MedglossError
from .i18n import _, ngettext
from .textio import atomic_write

__all__ = ["check"]


def _label(word: str) -> str:
    """The interface-language label of a rule kind or an alignment method."""
    labels = {
        "document": _("text"),
        "pair": _("translation"),
        "lines": _("lines"),
        "paragraphs": _("paragraphs"),
        "sentences": _("sentences"),
        "entries": _(".po entries"),
        "rows": _("TSV rows"),
    }
    return labels.get(word, word)


def _list_rules(levels: dict[str, str]) -> str:
    width = max(len(r) for r in RULES)
    lines = [
        f"{rule.id:<{width}}  {levels[rule.id]:<7}  {_label(rule.kind):<11}  {_(rule.title)}"
        for rule in RULES.values()
    ]
    return "\n".join(lines) + "\n"


def _summary_line(reports: Sequence[FileReport]) -> str:
    counts = summary(reports)
    files = ngettext("{n} file", "{n} files", counts["files"]).format(n=counts["files"])
    if not counts["findings"]:
        return _("No problems found in {files}.").format(files=files)
    problems = ngettext("{n} problem", "{n} problems", counts["findings"]).format(n=counts["findings"])
    errors = ngettext("{n} error", "{n} errors", counts["error"]).format(n=counts["error"])
    warnings = ngettext("{n} warning", "{n} warnings", counts["warning"]).format(n=counts["warning"])
    infos = ngettext("{n} info", "{n} info", counts["info"]).format(n=counts["info"])
    return _("{problems} ({errors}, {warnings}, {infos}) in {files}.").format(
        problems=problems, errors=errors, warnings=warnings, infos=infos, files=files
    )


def _alignment_line(report: FileReport) -> str:
    return _("{path}: {segments} segments aligned by {method}").format(
        path=report.path, segments=report.segments, method=_label(report.alignment or "")
    )


@click.command("check")
@click.argument("texts", nargs=-1, metavar="TEXT...")
@click.option(
    "--lang",
    type=click.Choice(["auto", "fr", "en"]),
    default="auto",
    show_default=True,
    help=_("Language of a text checked on its own (auto: detected)."),
)
@click.option(
    "--source",
    metavar="SOURCE_TEXT",
    help=_("Source text of which TEXT is the translation: check the pair (segments aligned)."),
)
@click.option(
    "--source-lang",
    type=click.Choice(["fr", "en"]),
    default="fr",
    show_default=True,
    help=_("Language of the source of a translation (--source, .po or .tsv); the target is the other."),
)
@click.option(
    "--variant",
    type=click.Choice(["en-GB", "en-US"]),
    help=_("English spelling the text must use (default: from the configuration, else any, not mixed)."),
)
@click.option(
    "--register",
    type=click.Choice(["lay", "professional"]),
    help=_("Readership: suggest the lay (or professional) term where the glossary has one."),
)
@glossary_option
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(sorted(REPORTERS)),
    default="text",
    show_default=True,
    help=_("Report format."),
)
@click.option(
    "--fail-level",
    type=click.Choice(SEVERITIES),
    default="error",
    show_default=True,
    help=_("Exit with status 1 when a finding is at this severity or above."),
)
@click.option(
    "--output", "-o", metavar="PATH", help=_("Write the report to PATH instead of standard output.")
)
@click.option("--list-rules", is_flag=True, help=_("List the rules with their levels in force, and stop."))
@click.option("--quiet", "-q", is_flag=True, help=_("No summary on standard error."))
def check(
    texts: Sequence[str],
    lang: str,
    source: str | None,
    source_lang: str,
    variant: str | None,
    register: str | None,
    glossaries: Sequence[str],
    fmt: str,
    fail_level: str,
    output: str | None,
    list_rules: bool,
    quiet: bool,
) -> None:
    """Check the medical terminology of French or English texts and of FR↔EN translations.

    A TEXT on its own gets the text rules (forbidden and deprecated terms, competing spellings,
    undefined abbreviations, English variants, number notation). With --source, or as a
    translated .po file or a TSV of source/target rows, a translation also gets the pair rules
    (missing equivalents, numbers and units that differ). Exit status: 0 when no finding reaches
    --fail-level, 1 when one does, 2 on usage or input errors.

    Example: medgloss check --source article.fr.txt article.en.txt --variant en-GB
    """
    config = load_config()
    levels = resolve_levels(RULES, config.rules, str(config.path) if config.path else None)
    if list_rules:
        click.echo(_list_rules(levels), nl=False)
        return
    if not texts:
        raise click.UsageError(_("name at least one TEXT to check"))
    if source is not None and len(texts) != 1:
        raise click.UsageError(_("--source goes with exactly one TEXT, its translation"))
    if source is not None and suffix_kind(texts[0]) != "text":
        raise click.UsageError(
            _("--source is for plain-text translations; a .po or .tsv file holds both sides")
        )
    options = CheckOptions(
        glossary=tuple(config.glossary) + tuple(glossaries),
        variant=variant or config.variant,
        register=register,
        levels=levels,
    )
    reports: list[FileReport] = []
    failed = False
    for text in texts:
        try:
            reports.append(
                check_file(
                    text,
                    lang=None if lang == "auto" else lang,
                    source=source,
                    source_lang=source_lang,
                    options=options,
                )
            )
        except MedglossError as err:
            click.echo(_("medgloss: error: {message}").format(message=err), err=True)
            failed = True
    color = output is None and fmt == "text" and sys.stdout.isatty()
    report = REPORTERS[fmt](reports, levels, color)
    if output is not None and output != "-":
        atomic_write(output, report)
    else:
        click.echo(report, nl=False, color=color)
    if not quiet and reports:
        for r in reports:
            if r.alignment:
                click.echo(_alignment_line(r), err=True)
        click.echo(_summary_line(reports), err=True)
    if failed:
        sys.exit(EXIT_USAGE)
    if any(at_least(f.severity, fail_level) for r in reports for f in r.findings):
        sys.exit(EXIT_FINDINGS)
