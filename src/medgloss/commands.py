"""The ``medgloss`` commands (click), thin over the Python API."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from . import __version__
from .api import annotate_many, pipeline
from .errors import MedglossError
from .i18n import UI_LANGS, _
from .outputs import expand_inputs, is_ours
from .render import RENDERERS
from .textio import atomic_write, read_article

__all__ = ["app"]

EXIT_FINDINGS = 1
EXIT_USAGE = 2


def fail(err: MedglossError | str) -> None:
    """Print a one-line error and stop with exit status 2."""
    click.echo(_("medgloss: error: {message}").format(message=err), err=True)
    sys.exit(EXIT_USAGE)


class MedglossGroup(click.Group):
    """A group that runs ``annotate`` when the first argument is not a command (``medgloss a.txt``)
    and turns medgloss errors into one-line messages."""

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[Any, Any, list[str]]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            return "annotate", self.commands["annotate"], args
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MedglossError as err:
            fail(err)


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


@app.command()
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@click.option(
    "--format",
    "-f",
    "formats",
    multiple=True,
    type=click.Choice(sorted(RENDERERS)),
    help=_("Output format (repeatable); default html when writing to a folder, json on standard output."),
)
@click.option(
    "--output",
    "-o",
    metavar="PATH",
    help=_(
        "Output folder (one file per article and format), or a file for a single output; '-' for standard output."
    ),
)
@glossary_option
@variant_option
@click.option(
    "--fast",
    is_flag=True,
    help=_("Glossary and abbreviations only, without the statistical model (no candidates)."),
)
@click.option("--force", is_flag=True, help=_("Replace existing output files that medgloss did not write."))
@click.option("--quiet", "-q", is_flag=True, help=_("No progress bar or summary."))
def annotate(
    articles: Sequence[str],
    formats: Sequence[str],
    output: str | None,
    glossaries: Sequence[str],
    variant: str,
    fast: bool,
    force: bool,
    quiet: bool,
) -> None:
    """Annotate French articles: terms, EN equivalents, abbreviations, candidates.

    Example: medgloss annotate article.txt -f html -f tsv -o out/
    """
    inputs = expand_inputs(articles)
    to_stdout = output in (None, "-")
    formats = tuple(formats) or (("json",) if to_stdout else ("html",) if "html" in RENDERERS else ("json",))
    single_file = output is not None and not to_stdout and (Path(output).suffix and not Path(output).is_dir())
    if to_stdout and (len(inputs) > 1 or len(formats) > 1):
        fail(_("several articles or formats need an output folder: -o DIR"))
    if single_file and (len(inputs) > 1 or len(formats) > 1):
        fail(_("-o {path} is a file; several articles or formats need a folder").format(path=output))

    mode = "fast" if fast else "full"
    termbase = pipeline(mode, tuple(glossaries), variant).get_pipe("medgloss").termbase  # type: ignore[attr-defined]
    texts: list[str] = []
    readable: list[str] = []
    failures = 0
    for item in inputs:
        try:
            text, encoding = read_article(item)
        except MedglossError as err:
            click.echo(_("medgloss: error: {message}").format(message=err), err=True)
            failures += 1
            continue
        texts.append(text)
        readable.append(item)
        del encoding
    written = 0
    show_progress = not quiet and len(readable) > 1 and sys.stderr.isatty()
    stream = annotate_many(texts, sources=readable, mode=mode, glossary=glossaries, variant=variant)
    with (
        click.progressbar(stream, length=len(readable), label=_("Annotating"), file=sys.stderr)
        if show_progress
        else _nullbar(stream) as bar
    ):
        for ann in bar:
            for fmt in formats:
                suffix, render = RENDERERS[fmt]
                content = render(ann, termbase)
                if to_stdout:
                    click.echo(content, nl=False)
                    continue
                assert output is not None
                target = (
                    Path(output)
                    if single_file
                    else Path(output) / (Path(ann.source or "stdin").stem + suffix)
                )
                if target.exists() and not force and not is_ours(target):
                    click.echo(
                        _(
                            "medgloss: error: {path}: exists and was not written by medgloss; use --force"
                        ).format(path=target),
                        err=True,
                    )
                    failures += 1
                    continue
                atomic_write(target, content)
                written += 1
    if not quiet and not to_stdout:
        click.echo(
            _(
                "{articles} article(s) annotated, {files} file(s) written to {folder}, {failed} failure(s)"
            ).format(articles=len(readable), files=written, folder=output, failed=failures),
            err=True,
        )
    if failures:
        sys.exit(EXIT_USAGE if not readable else EXIT_FINDINGS)


class _nullbar:
    """A stand-in for click's progress bar when none is shown."""

    def __init__(self, items: Any):
        self.items = items

    def __enter__(self) -> Any:
        return self.items

    def __exit__(self, *exc: object) -> None:
        return None
