"""The ``medgloss`` commands (click), thin over the Python API."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

import click

from . import __version__
from .api import pipeline
from .article_formats import KINDS, Article, annotate_articles, read_article_file
from .cli_options import EXIT_USAGE, glossary_option, variant_option
from .errors import MedglossError
from .i18n import UI_LANGS, _, translate_help
from .outputs import expand_inputs, output_stems, refusal
from .render import BOM, BOM_FORMATS, RENDERERS, format_for_path, render
from .textio import atomic_write

__all__ = ["app"]


def fail(err: MedglossError | str) -> None:
    """Print a one-line error and stop with exit status 2."""
    click.echo(_("medgloss: error: {message}").format(message=err), err=True)
    sys.exit(EXIT_USAGE)


LAZY_COMMANDS = {
    "check": "medgloss.cli_check:check",
    "evaluate": "medgloss.cli_evaluate:evaluate",
    "glossary": "medgloss.cli_glossary:glossary",
    "po": "medgloss.cli_po:po",
}
"""Commands imported when used, so that ``medgloss annotate`` does not load what it does not run."""


class MedglossGroup(click.Group):
    """A group that runs ``annotate`` when the first argument is not a command (``medgloss a.txt``),
    loads its other commands on first use, and turns medgloss errors into one-line messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            module, name = LAZY_COMMANDS[cmd_name].split(":")
            command = getattr(import_module(module), name)
            translate_help(command)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[Any, Any, list[str]]:
        known = args and (args[0] in self.commands or args[0] in LAZY_COMMANDS)
        if args and not known and (args[0] == "-" or not args[0].startswith("-")):
            return "annotate", self.commands["annotate"], args
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MedglossError as err:
            fail(err)


@click.group(cls=MedglossGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="medgloss", message="%(prog)s %(version)s")
@click.option(
    "--ui-lang",
    type=click.Choice(UI_LANGS),
    help=_("Language of medgloss's own messages (default: from LANGUAGE, LC_ALL or LANG)."),
)
def app(ui_lang: str | None) -> None:
    """Find, link and check the medical vocabulary of French health articles (FR→EN).

    Run 'medgloss ARTICLE' to annotate an article, or 'medgloss COMMAND --help'.
    """
    del ui_lang  # applied before the commands were loaded (see medgloss.cli)


LARGE = 1_000_000
"""Articles longer than this many characters get a note that annotating them takes a while."""


def _formats(ctx: click.Context, param: click.Parameter, values: Sequence[str]) -> tuple[str, ...]:
    """``-f html -f tsv`` or ``-f html,tsv``: known format names, each once."""
    del ctx, param
    names = [n.strip().lower() for v in values for n in v.split(",") if n.strip()]
    unknown = [n for n in names if n not in RENDERERS]
    if unknown:
        raise click.BadParameter(
            _("unknown format {name}; choose from {choices}").format(
                name=unknown[0], choices=", ".join(RENDERERS)
            )
        )
    return tuple(dict.fromkeys(names))


@app.command()
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@click.option(
    "--format",
    "-f",
    "formats",
    multiple=True,
    callback=_formats,
    metavar="FORMAT",
    help=_(
        "Output format, repeatable or comma-separated: {formats}. Default: html into a folder, "
        "the format of the file's suffix for -o FILE, json on standard output."
    ).format(formats=", ".join(RENDERERS)),
)
@click.option(
    "--output",
    "-o",
    metavar="PATH",
    help=_(
        "Output folder (one file per article and format), or a file for a single output; '-' for standard output."
    ),
)
@click.option(
    "--input-format",
    type=click.Choice(["auto", *KINDS]),
    default="auto",
    show_default=True,
    help=_("How to read the articles; auto goes by file suffix (.md, .html, else text)."),
)
@glossary_option
@variant_option
@click.option(
    "--fast",
    is_flag=True,
    help=_("Glossary and abbreviations only, without the statistical model (no candidates)."),
)
@click.option("--force", is_flag=True, help=_("Replace existing output files that medgloss did not write."))
@click.option(
    "--bom", is_flag=True, help=_("Start TSV and CSV term sheets with a UTF-8 byte-order mark (Excel).")
)
@click.option("--quiet", "-q", is_flag=True, help=_("No progress bar, notes or summary."))
def annotate(
    articles: Sequence[str],
    formats: tuple[str, ...],
    output: str | None,
    input_format: str,
    glossaries: Sequence[str],
    variant: str,
    fast: bool,
    force: bool,
    bom: bool,
    quiet: bool,
) -> None:
    """Annotate French articles (.txt, .md, .html; folders and globs too): terms, EN equivalents,
    abbreviations, candidates.

    Into a folder, each article gives STEM.html, STEM.annotated.md, STEM.terms.tsv,
    STEM.terms.csv, STEM.bilingual.html, STEM.bilingual.md or STEM.json. Files medgloss wrote
    before are replaced; other existing files only with --force; an input never.

    Example: medgloss annotate article.txt -f html -f tsv -o out/
    """
    inputs = expand_inputs(articles)
    to_stdout = output in (None, "-")
    single_file = (
        not to_stdout and output is not None and not Path(output).is_dir() and bool(Path(output).suffix)
    )
    if not formats:
        guessed = format_for_path(output) if single_file and output else None
        formats = (guessed or "html",) if not to_stdout else ("json",)
    if to_stdout and (len(inputs) > 1 or len(formats) > 1):
        fail(_("several articles or formats need an output folder: -o DIR"))
    if single_file and (len(inputs) > 1 or len(formats) > 1):
        fail(_("-o {path} is a file; several articles or formats need a folder").format(path=output))

    mode = "fast" if fast else "full"
    termbase = pipeline(mode, tuple(glossaries), variant).get_pipe("medgloss").termbase  # type: ignore[attr-defined]
    stems = output_stems(inputs)
    sources = {Path(i).resolve() for i in inputs if i != "-"}
    written: dict[Path, str] = {}
    problems = 0
    done = 0

    def report(err: MedglossError) -> None:
        nonlocal problems
        problems += 1
        click.echo(_("medgloss: error: {message}").format(message=err), err=True)

    def note(message: str) -> None:
        if not quiet:
            click.echo(_("medgloss: note: {message}").format(message=message), err=True)

    show_bar = not quiet and len(inputs) > 1 and sys.stderr.isatty()
    with (
        click.progressbar(length=len(inputs), label=_("Annotating"), file=sys.stderr)
        if show_bar
        else contextlib.nullcontext()
    ) as bar:

        def readable() -> Iterator[Article]:
            for item in inputs:
                try:
                    article = read_article_file(item, input_format)
                except MedglossError as err:
                    report(err)
                    if bar is not None:
                        bar.update(1)
                    continue
                if article.encoding not in ("utf-8", "utf-8-sig"):
                    note(
                        _("{path}: not UTF-8, read as {encoding}").format(
                            path=item, encoding=article.encoding
                        )
                    )
                if len(article.source) > LARGE:
                    note(
                        _("{path}: large article ({size:,} characters); this takes a while").format(
                            path=item, size=len(article.source)
                        )
                    )
                yield article

        for article, ann in annotate_articles(readable(), mode=mode, glossary=glossaries, variant=variant):
            done += 1
            for fmt in formats:
                content = render(fmt, ann, termbase, article)
                if bom and fmt in BOM_FORMATS:
                    content = BOM + content
                if to_stdout:
                    sys.stdout.buffer.write(content.encode("utf-8"))
                    sys.stdout.flush()
                    continue
                assert output is not None
                target = (
                    Path(output)
                    if single_file
                    else Path(output) / f"{stems[article.name or '-']}{RENDERERS[fmt][0]}"
                )
                problem = refusal(target, sources, written, force)
                if problem:
                    report(MedglossError(problem, target))
                    continue
                try:
                    atomic_write(target, content)
                except OSError as err:
                    report(
                        MedglossError(_("cannot write: {reason}").format(reason=err.strerror or err), target)
                    )
                    continue
                written[target.resolve()] = article.name or "-"
            if bar is not None:
                bar.update(1)
    if (
        not quiet and (not to_stdout or problems) and (done or len(inputs) > 1)
    ):  # one bad file: its error says it all
        click.echo(
            _(
                "Annotated {done} of {total} article(s); {files} file(s) written{where}; {problems} problem(s)."
            ).format(
                done=done,
                total=len(inputs),
                files=len(written),
                where=_(" to {folder}").format(folder=output) if output and not to_stdout else "",
                problems=problems,
            ),
            err=True,
        )
    if problems:
        sys.exit(EXIT_USAGE)
