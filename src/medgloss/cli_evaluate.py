"""The ``medgloss evaluate`` commands: extractor P/R/F1, glossary coverage and EN agreement."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from . import __version__
from .cli_options import glossary_option
from .i18n import _
from .outputs import GENERATOR_MARK, is_ours
from .textio import atomic_write

__all__ = ["evaluate"]

_CORPORA_HELP = _(
    "Folder of the third-party corpora (default: $MEDGLOSS_CORPORA, else shared/corpora here or above)."
)


def _output_options(func: Any) -> Any:
    func = click.option(
        "--force", is_flag=True, help=_("Replace an existing output file that medgloss did not write.")
    )(func)
    func = click.option(
        "--output", "-o", metavar="PATH", help=_("Write the report to PATH instead of standard output.")
    )(func)
    func = click.option(
        "--format",
        "-f",
        "fmt",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=_("Report format."),
    )(func)
    func = glossary_option(func)
    return func


def _emit(text: str, data: dict[str, Any], fmt: str, output: str | None, force: bool) -> None:
    """Print or write the report (atomically; an existing file medgloss did not write needs --force)."""
    payload = (
        json.dumps({"medgloss": __version__, **data}, ensure_ascii=False, indent=2) + "\n"
        if fmt == "json"
        else text
    )
    if output in (None, "-"):
        click.echo(payload, nl=False)
        return
    assert output is not None
    target = Path(output)
    if target.exists() and not force and not is_ours(target):
        raise click.UsageError(
            _("{path}: exists and was not written by medgloss; use --force").format(path=target)
        )
    atomic_write(target, payload if fmt == "json" else f"# {GENERATOR_MARK} {__version__}\n{payload}")


@click.group()
def evaluate() -> None:
    """Measure the extractor and the glossary against annotated corpora.

    Third-party corpora (QUAERO, Mantra GSC, E3C, TICO-19) are read where they are, never copied.

    Example: medgloss evaluate extractor --corpus quaero --split test
    """


@evaluate.command("extractor")
@click.option(
    "--corpus",
    type=click.Choice(["quaero", "mantra", "e3c", "gold"]),
    default="gold",
    show_default=True,
    help=_("Annotated corpus to evaluate on ('gold': our hand-annotated texts)."),
)
@click.option("--path", metavar="DIR", help=_("Folder of the corpus, instead of its usual place."))
@click.option("--corpora", metavar="DIR", help=_CORPORA_HELP)
@click.option(
    "--split",
    type=click.Choice(["train", "dev", "test", "all"]),
    default="test",
    show_default=True,
    help=_("QUAERO and E3C documents to use."),
)
@click.option(
    "--subset", metavar="NAME", help=_("QUAERO: MEDLINE or EMEA; Mantra: EMEA, Medline or Patents.")
)
@click.option("--fast", is_flag=True, help=_("Glossary only: skip the statistical model and the candidates."))
@click.option(
    "--skip-generic",
    is_flag=True,
    help=_(
        "Leave out gold mentions that are generic words (traitement, patients…), which medgloss never marks."
    ),
)
@click.option(
    "--errors",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help=_("Also list the N most frequent missed and spurious terms."),
)
@click.option(
    "--fail-under",
    type=click.FloatRange(0, 1),
    metavar="F1",
    help=_("Exit with status 1 when the overlap F1 (all labels, widest setting) is below F1."),
)
@_output_options
def extractor_command(
    corpus: str,
    path: str | None,
    corpora: str | None,
    split: str,
    subset: str | None,
    fast: bool,
    skip_generic: bool,
    errors: int,
    fail_under: float | None,
    glossaries: Sequence[str],
    fmt: str,
    output: str | None,
    force: bool,
) -> None:
    """Exact and overlap precision, recall and F1 of the extractor, per category.

    Example: medgloss evaluate extractor --corpus mantra --fast --errors 20
    """
    from .evaluation.corpora import load_corpus
    from .evaluation.extractor import evaluate_extractor, without_generic_words
    from .evaluation.scoring import ALL
    from .evaluation.tables import extractor_tables

    loaded = load_corpus(corpus, path=path, corpora=corpora, split=split, subset=subset)
    if skip_generic:
        loaded = without_generic_words(loaded)
    report = evaluate_extractor(loaded, mode="fast" if fast else "full", glossary=glossaries)
    _emit(extractor_tables(report, errors=errors), report.to_json(errors or 20), fmt, output, force)
    if fail_under is not None:
        widest = list(report.scores)[-1]
        if report.scores[widest]["overlap"][ALL].f1 < fail_under:
            sys.exit(1)


@evaluate.command("coverage")
@click.option(
    "--corpus",
    "corpus_names",
    multiple=True,
    type=click.Choice(["quaero", "mantra", "e3c"]),
    help=_("Corpus to measure (repeatable; default: all three)."),
)
@click.option("--corpora", metavar="DIR", help=_CORPORA_HELP)
@click.option(
    "--split",
    type=click.Choice(["train", "dev", "test", "all"]),
    default="all",
    show_default=True,
    help=_("QUAERO and E3C documents to use."),
)
@click.option(
    "--missing",
    type=click.IntRange(min=0),
    default=0,
    metavar="N",
    help=_("Also list the N most frequent terms the glossary does not link."),
)
@_output_options
def coverage_command(
    corpus_names: Sequence[str],
    corpora: str | None,
    split: str,
    missing: int,
    glossaries: Sequence[str],
    fmt: str,
    output: str | None,
    force: bool,
) -> None:
    """Share of the corpora's French gold term mentions that the glossary links, per category.

    Example: medgloss evaluate coverage --corpus quaero --missing 30
    """
    from .evaluation.corpora import load_corpus
    from .evaluation.coverage import glossary_coverage
    from .evaluation.tables import coverage_tables

    reports = [
        glossary_coverage(
            load_corpus(name, corpora=corpora, split=split if name != "mantra" else "all"),
            glossary=glossaries,
        )
        for name in corpus_names or ("quaero", "mantra", "e3c")
    ]
    data = {"coverage": [r.to_json(missing or 20) for r in reports]}
    _emit(coverage_tables(reports, missing=missing), data, fmt, output, force)


@evaluate.command("agreement")
@click.option(
    "--source",
    "sources",
    multiple=True,
    type=click.Choice(["mantra", "tico-facebook", "tico-google"]),
    help=_("Term-pair list to compare with (repeatable; default: all)."),
)
@click.option("--corpora", metavar="DIR", help=_CORPORA_HELP)
@click.option(
    "--unexplained",
    is_flag=True,
    help=_("Exit with status 1 when a disagreement is neither fixed nor explained in a note."),
)
@_output_options
def agreement_command(
    sources: Sequence[str],
    corpora: str | None,
    unexplained: bool,
    glossaries: Sequence[str],
    fmt: str,
    output: str | None,
    force: bool,
) -> None:
    """How often our English equals the English of third-party FR–EN term lists.

    Example: medgloss evaluate agreement --source mantra
    """
    from .evaluation.agreement import SOURCES, en_agreement, load_pairs
    from .evaluation.tables import agreement_tables

    report = en_agreement(load_pairs(sources or tuple(SOURCES), corpora), glossary=glossaries)
    _emit(agreement_tables(report), report.to_json(), fmt, output, force)
    if unexplained and any(not d.explained for d in report.disagreements):
        sys.exit(1)
