"""``medgloss po``: the localisation round trip with gettext catalogs, thin over ``medgloss.po``."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click
import polib

from .api import annotate, pipeline
from .article_formats import kind_of
from .check import REPORTERS, RULES, SEVERITIES, at_least, resolve_levels
from .cli_options import EXIT_FINDINGS, EXIT_USAGE
from .config import load_config
from .errors import MedglossError
from .i18n import _, format_number
from .model import CATEGORIES, STATUSES
from .outputs import expand_inputs, is_ours
from .po import (
    GLOSSARY_KIND,
    Selection,
    apply_changes,
    article_catalogs,
    glossary_catalog,
    glossary_changes,
    merge_catalogs,
    po_text,
    read_po,
    rebuild_article,
    write_mo,
    write_po,
)
from .po.article_import import RebuiltArticle, check_terminology
from .termbase import TermBase
from .textio import atomic_write, read_article

__all__ = ["po"]


glossary_file_option = click.option(
    "--glossary-file",
    "-g",
    "glossary_files",
    multiple=True,
    metavar="PATH",
    help=_("Extra glossary file or directory, layered over the bundled glossary (repeatable)."),
)
variant_option = click.option(
    "--variant",
    type=click.Choice(["en-GB", "en-US"]),
    help=_("English spelling of the equivalents (default: from the configuration, else en-GB)."),
)
force_option = click.option(
    "--force", is_flag=True, help=_("Replace existing output files that medgloss did not write.")
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help=_("No summary."))


def _settings(glossary_files: Sequence[str], variant: str | None) -> tuple[tuple[str, ...], str]:
    """Extra glossaries (configuration's, then the options') and the English variant in force."""
    config = load_config()
    return tuple(config.glossary) + tuple(glossary_files), variant or config.variant or "en-GB"


def _refuse_foreign(path: Path, force: bool) -> None:
    if path.exists() and not force and not is_ours(path):
        raise MedglossError(_("exists and was not written by medgloss; use --force"), path)


def _say(quiet: bool, message: str) -> None:
    if not quiet:
        click.echo(message, err=True)


@click.group()
def po() -> None:
    """Localisation round trip: the glossary and articles as gettext catalogs (.pot, .po, .mo).

    Example: medgloss po export article.txt -o l10n/
    """


@po.command("export")
@click.argument("articles", nargs=-1, metavar="[ARTICLE...]")
@click.option(
    "--glossary", "glossary_mode", is_flag=True, help=_("Export the glossary (glossary.pot and en.po).")
)
@click.option("--output", "-o", default=".", show_default=True, metavar="DIR", help=_("Output folder."))
@click.option("--domain", "domains", multiple=True, help=_("Glossary: only this domain (repeatable)."))
@click.option(
    "--category",
    "categories",
    multiple=True,
    type=click.Choice(CATEGORIES),
    help=_("Glossary: only this category (repeatable)."),
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(STATUSES),
    help=_("Glossary: only French terms of this status (repeatable)."),
)
@glossary_file_option
@variant_option
@force_option
@quiet_option
def export_command(
    articles: Sequence[str],
    glossary_mode: bool,
    output: str,
    domains: Sequence[str],
    categories: Sequence[str],
    statuses: Sequence[str],
    glossary_files: Sequence[str],
    variant: str | None,
    force: bool,
    quiet: bool,
) -> None:
    """Write translation catalogs: ARTICLE.pot and ARTICLE.en.po per article, or the glossary's.

    Articles are cut into sentences; an existing ARTICLE.en.po is merged with the new template, so
    its translations are kept. The glossary gives glossary.pot and en.po (French term → English
    preferred term).

    Example: medgloss po export --glossary --domain rheumatology -o l10n/
    """
    if glossary_mode == bool(articles):
        raise click.UsageError(_("give either --glossary or one or more articles"))
    extra, variant = _settings(glossary_files, variant)
    folder = Path(output)
    if glossary_mode:
        _export_glossary(folder, extra, variant, Selection(domains, categories, statuses), force, quiet)
        return
    failures = 0
    targets: dict[Path, str] = {}
    for item in expand_inputs(articles):
        name = "stdin" if item == "-" else item
        stem = Path(name).stem
        if folder / stem in targets:
            raise MedglossError(
                _("same output name as {other}; export them to different folders").format(
                    other=targets[folder / stem]
                ),
                item,
            )
        targets[folder / stem] = item
        try:
            text, _encoding = read_article(item)
            if kind_of(item, text) == "html":
                raise MedglossError(
                    _("HTML articles cannot be exported as catalogs; export their text"), item
                )
        except MedglossError as err:
            click.echo(_("medgloss: error: {message}").format(message=err), err=True)
            failures += 1
            continue
        _export_article(text, name, folder / stem, extra, variant, force, quiet)
    if failures:
        sys.exit(EXIT_USAGE)


def _export_glossary(
    folder: Path, extra: tuple[str, ...], variant: str, selection: Selection, force: bool, quiet: bool
) -> None:
    termbase = TermBase.load(extra)
    pot_path, po_path = folder / "glossary.pot", folder / "en.po"
    _refuse_foreign(pot_path, force)
    if po_path.exists() and not force:
        old = read_po(po_path)
        if old.metadata.get("X-Medgloss-Kind") != GLOSSARY_KIND:
            raise MedglossError(_("exists and is not a medgloss glossary catalog; use --force"), po_path)
        pending = glossary_changes(old, termbase, variant).changes
        if pending:
            raise MedglossError(
                _(
                    "holds {count} reviewed change(s) not yet imported; run 'medgloss po import --glossary "
                    "--apply' first, or use --force"
                ).format(count=format_number(len(pending))),
                po_path,
            )
    template = glossary_catalog(termbase, language=None, variant=variant, selection=selection)
    write_po(template, pot_path)
    write_po(glossary_catalog(termbase, language="en", variant=variant, selection=selection), po_path)
    _say(
        quiet,
        _("{count} French term(s) written to {pot} and {po}").format(
            count=format_number(len(template)), pot=pot_path, po=po_path
        ),
    )


def _export_article(
    text: str, name: str, base: Path, extra: tuple[str, ...], variant: str, force: bool, quiet: bool
) -> None:
    termbase = pipeline("fast", extra, variant).get_pipe("medgloss").termbase  # type: ignore[attr-defined]
    ann = annotate(text, source=name, mode="fast", glossary=extra, variant=variant)
    template, translation = article_catalogs(text, name, ann, termbase)
    pot_path, po_path = base.with_name(base.name + ".pot"), base.with_name(base.name + ".en.po")
    _refuse_foreign(pot_path, force)
    if po_path.exists():
        merged = merge_catalogs(read_po(po_path), template)
        write_po(template, pot_path)
        write_po(merged, po_path)
        kept = sum(1 for e in merged if e.translated())
        _say(
            quiet,
            _("{pot}: {count} segment(s); {po} updated: {kept} translated, {fuzzy} fuzzy").format(
                pot=pot_path,
                count=format_number(len(template)),
                po=po_path,
                kept=format_number(kept),
                fuzzy=format_number(len(merged.fuzzy_entries())),
            ),
        )
        return
    write_po(template, pot_path)
    write_po(translation, po_path)
    _say(
        quiet,
        _("{pot}: {count} segment(s); {po} created").format(
            pot=pot_path, count=format_number(len(template)), po=po_path
        ),
    )


@po.command("import")
@click.argument("po_file", metavar="PO")
@click.option(
    "--glossary",
    "glossary_mode",
    is_flag=True,
    help=_("Read PO as a glossary catalog (default: as its X-Medgloss-Kind header says)."),
)
@click.option(
    "--apply", "apply_", is_flag=True, help=_("Glossary: write the changes into the glossary files.")
)
@click.option(
    "--output",
    "-o",
    metavar="PATH",
    help=_("Article: where to write the English article ('-' for standard output; default: beside PO)."),
)
@click.option(
    "--fail-level",
    type=click.Choice(SEVERITIES),
    default="error",
    show_default=True,
    help=_("Article: exit with status 1 when a terminology finding is at this severity or above."),
)
@glossary_file_option
@variant_option
@force_option
@quiet_option
def import_command(
    po_file: str,
    glossary_mode: bool,
    apply_: bool,
    output: str | None,
    fail_level: str,
    glossary_files: Sequence[str],
    variant: str | None,
    force: bool,
    quiet: bool,
) -> None:
    """Read a translated catalog back: rebuild the English article, or update the glossary.

    For an article catalog, the English article is written with the original layout (untranslated
    and fuzzy sentences stay in French) and the translations get the terminology check of 'medgloss
    check' (report and exit status as there). For a glossary catalog, the changes of English
    preferred terms are listed, and written into the glossary files with --apply.

    Example: medgloss po import --glossary en.po --apply
    """
    catalog = read_po(po_file)
    config = load_config()
    extra = tuple(config.glossary) + tuple(glossary_files)
    if glossary_mode or catalog.metadata.get("X-Medgloss-Kind") == GLOSSARY_KIND:
        chosen = variant or catalog.metadata.get("X-Medgloss-Variant") or config.variant or "en-GB"
        _import_glossary(catalog, po_file, extra, chosen, apply_, quiet)
        return
    rebuilt = rebuild_article(catalog, po_file)
    target = output or str(_english_path(Path(po_file), rebuilt))
    if target != "-" and Path(target).exists() and not force:
        raise MedglossError(_("exists; use --force to replace it"), target)
    if target == "-":
        click.echo(rebuilt.text, nl=False)
    else:
        atomic_write(target, rebuilt.text)
    _say(
        quiet,
        _("{path}: {translated} sentence(s) translated, {fuzzy} fuzzy, {untranslated} untranslated").format(
            path=target,
            translated=format_number(rebuilt.translated),
            fuzzy=format_number(rebuilt.fuzzy),
            untranslated=format_number(rebuilt.untranslated),
        ),
    )
    if not any(s.translation is not None or s.fuzzy for s in rebuilt.segments):
        return
    levels = resolve_levels(RULES, config.rules, str(config.path) if config.path else None)
    report = check_terminology(po_file, glossary=extra, variant=variant or config.variant, levels=levels)
    click.echo(REPORTERS["text"]([report], levels, False), nl=False, err=target == "-")
    if any(at_least(f.severity, fail_level) for f in report.findings):
        sys.exit(EXIT_FINDINGS)


def _english_path(po_path: Path, rebuilt: RebuiltArticle) -> Path:
    """``article.en.po`` → ``article.en.txt`` (the source's suffix), beside the catalog."""
    stem = po_path.name[: -len(po_path.suffix)] if po_path.suffix else po_path.name
    if not stem.endswith(".en"):
        stem += ".en"
    suffix = Path(rebuilt.source).suffix if rebuilt.source else ".txt"
    return po_path.with_name(stem + (suffix or ".txt"))


def _import_glossary(
    catalog: polib.POFile, name: str, extra: tuple[str, ...], variant: str, apply_: bool, quiet: bool
) -> None:
    report = glossary_changes(catalog, TermBase.load(extra), variant)
    for change in report.changes:
        click.echo(change.describe())
    for refusal in report.refusals:
        where = f"{name}:{refusal.po_line}" if refusal.po_line else name
        click.echo(_("{where}: refused: {message}").format(where=where, message=refusal.message), err=True)
    if apply_ and report.changes:
        files = apply_changes(report.changes)
        _say(
            quiet,
            _("{changes} change(s) written to {files} glossary file(s)").format(
                changes=format_number(len(report.changes)), files=format_number(len(files))
            ),
        )
    else:
        _say(
            quiet,
            _(
                "{changes} change(s), {unchanged} unchanged, {skipped} untranslated or fuzzy, {refused} refused{hint}"
            ).format(
                changes=format_number(len(report.changes)),
                unchanged=format_number(report.unchanged),
                skipped=format_number(report.skipped),
                refused=format_number(len(report.refusals)),
                hint=_("; use --apply to write them") if report.changes else "",
            ),
        )
    if report.refusals:
        sys.exit(EXIT_FINDINGS)


@po.command("merge")
@click.argument("old_po", metavar="OLD.po")
@click.argument("new_pot", metavar="NEW.pot")
@click.option(
    "--output", "-o", metavar="PATH", help=_("Write the merged catalog here ('-': standard output).")
)
@click.option("--update", "-U", is_flag=True, help=_("Update OLD.po in place."))
@quiet_option
def merge_command(old_po: str, new_pot: str, output: str | None, update: bool, quiet: bool) -> None:
    """Carry the translations of OLD.po over to the messages of NEW.pot, as msgmerge --previous does.

    Unchanged messages keep their translation; changed ones get the closest old translation, marked
    fuzzy with the previous msgid (#|); messages gone from NEW.pot become obsolete (#~).

    Example: medgloss po merge article.en.po article.pot -U
    """
    if update and output:
        raise click.UsageError(_("give either --update or --output, not both"))
    merged = merge_catalogs(read_po(old_po), read_po(new_pot))
    target = old_po if update else output or "-"
    if target == "-":
        click.echo(po_text(merged), nl=False)
    else:
        write_po(merged, target)
    _say(
        quiet,
        _("{translated} translated, {fuzzy} fuzzy, {untranslated} untranslated, {obsolete} obsolete").format(
            translated=format_number(len(merged.translated_entries())),
            fuzzy=format_number(len(merged.fuzzy_entries())),
            untranslated=format_number(len(merged.untranslated_entries())),
            obsolete=format_number(len(merged.obsolete_entries())),
        ),
    )


@po.command("compile")
@click.argument("po_files", nargs=-1, required=True, metavar="PO...")
@click.option(
    "--output", "-o", metavar="PATH", help=_("Output .mo file (one PO only; default: beside each PO).")
)
@quiet_option
def compile_command(po_files: Sequence[str], output: str | None, quiet: bool) -> None:
    """Compile catalogs to .mo files (translated messages only, as msgfmt does).

    Example: medgloss po compile article.en.po
    """
    if output and len(po_files) > 1:
        raise click.UsageError(_("--output takes one PO file only"))
    for item in po_files:
        catalog = read_po(item)
        target = Path(output) if output else Path(item).with_suffix(".mo")
        write_mo(catalog, target)
        _say(
            quiet,
            _("{path}: {count} message(s) compiled").format(
                path=target, count=format_number(len(catalog.translated_entries()))
            ),
        )
