"""``medgloss glossary``: validate, format, search, show, add, stats, export and import, thin over the
termbase modules (``glossary_validate``, ``glossary_writer``, ``glossary_search``, ``exchange``).

The termbase these commands see is the bundled glossary (unless ``--no-bundled``), then the
glossaries of the configuration (``.medgloss.toml`` or ``[tool.medgloss]``), then ``--glossary``
paths, each layer overriding concepts of the previous ones by id.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rapidfuzz import process

from .cli_options import EXIT_FINDINGS, EXIT_USAGE, glossary_option, variant_option
from .config import load_config
from .errors import GlossaryError, MedglossError
from .exchange import DIALECTS, FORMATS, export_glossary, guess_format, import_glossary
from .exchange.builder import slug
from .glossary_file import Problem, parse_glossary_text
from .glossary_search import TermIndex, search_key
from .glossary_validate import check_concept, form_key, validate_layers
from .glossary_writer import add_concept_text, concept_table, dumps, format_file, format_text, glossary_text
from .i18n import _
from .importers import SOURCES, import_source
from .model import CATEGORIES, CODE_SYSTEMS, LANGS, Concept, Term
from .termbase import TermBase, bundled_glossary_files, glossary_files
from .textio import atomic_write

__all__ = ["glossary"]


no_bundled_option = click.option(
    "--no-bundled",
    is_flag=True,
    help=_("Leave out the bundled glossary (only configured and --glossary files)."),
)
format_option = click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help=_("Output format."),
)
quiet_option = click.option("--quiet", "-q", is_flag=True, help=_("No summary or report."))


def _say(quiet: bool, message: str) -> None:
    if not quiet:
        click.echo(message, err=True)


def _shown(path: str | None) -> str:
    """``path`` relative to the current folder when it is below it."""
    if not path:
        return "?"
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if relative.startswith("..") else relative


def _where(path: str | None, line: int | None) -> str:
    return f"{_shown(path)}:{line}" if line else _shown(path)


def _user_layers(glossaries: Sequence[str]) -> list[str]:
    return [*load_config().glossary, *glossaries]


def _termbase(glossaries: Sequence[str], no_bundled: bool) -> TermBase:
    return TermBase.load(_user_layers(glossaries), bundled=not no_bundled)


def _problem_line(problem: Problem) -> str:
    severity = _("error") if problem.severity == "error" else _("warning")
    return f"{_where(problem.path, problem.line)}: {severity}: {problem.message}"


@click.group()
def glossary() -> None:
    """Work on glossaries: validate, format, search, show, add, stats, export and import.

    Example: medgloss glossary validate my-glossary.toml
    """


# --- validate, fmt --------------------------------------------------------------------------


@glossary.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option("--strict", is_flag=True, help=_("Fail on warnings too."))
@glossary_option
@no_bundled_option
@quiet_option
def validate(
    paths: Sequence[str], strict: bool, glossaries: Sequence[str], no_bundled: bool, quiet: bool
) -> None:
    """Report every problem of glossary files with file:line; exit 1 on errors (or warnings with --strict).

    Each PATH (file or folder) is a layer that must not repeat a concept id. Without PATH: the
    bundled glossary, the configured glossaries and --glossary paths.

    Example: medgloss glossary validate glossary/ --strict
    """
    if paths:
        layers = [glossary_files(p) for p in paths]
    else:
        layers = [] if no_bundled else [bundled_glossary_files()]
        layers += [glossary_files(p) for p in _user_layers(glossaries)]
    if not any(layers):
        raise MedglossError(_("no glossary files to validate"))
    report = validate_layers(layers)
    for problem in report.problems:
        click.echo(_problem_line(problem))
    _say(
        quiet,
        _("{files} file(s), {concepts} concept(s): {errors} error(s), {warnings} warning(s)").format(
            files=len(report.files),
            concepts=report.concepts,
            errors=len(report.errors),
            warnings=len(report.warnings),
        ),
    )
    if report.failed(strict):
        sys.exit(EXIT_FINDINGS)


@glossary.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@click.option("--check", is_flag=True, help=_("Write nothing; exit 1 when a file is not in canonical form."))
@click.option("--diff", "show_diff", is_flag=True, help=_("With --check, show what would change."))
@quiet_option
def fmt(paths: Sequence[str], check: bool, show_diff: bool, quiet: bool) -> None:
    """Rewrite glossary files in canonical form (key order, one term per line; comments and entry order kept).

    Without PATH: the configured glossaries. The bundled glossary is never rewritten implicitly.

    Example: medgloss glossary fmt glossary/ --check
    """
    targets = list(paths) or load_config().glossary
    if not targets:
        raise MedglossError(_("give the glossary files or folders to format"))
    files = [f for t in targets for f in glossary_files(t)]
    changed = failed = 0
    for path in files:
        try:
            if show_diff and check:
                text = path.read_text("utf-8-sig")
                canonical = format_text(text, str(path))
                click.echo(
                    "".join(
                        difflib.unified_diff(
                            text.splitlines(keepends=True),
                            canonical.splitlines(keepends=True),
                            str(path),
                            _("{path} (canonical)").format(path=path),
                        )
                    ),
                    nl=False,
                )
            if format_file(path, check=check):
                changed += 1
                _say(
                    quiet,
                    (_("would reformat {path}") if check else _("reformatted {path}")).format(
                        path=_shown(str(path))
                    ),
                )
        except (GlossaryError, UnicodeDecodeError) as err:
            click.echo(_("medgloss: error: {message}").format(message=err), err=True)
            failed += 1
    _say(
        quiet,
        _("{changed} of {files} file(s) not in canonical form, {failed} unreadable").format(
            changed=changed, files=len(files), failed=failed
        )
        if check
        else _("{changed} of {files} file(s) reformatted, {failed} unreadable").format(
            changed=changed, files=len(files), failed=failed
        ),
    )
    if failed:
        sys.exit(EXIT_USAGE)
    if check and changed:
        sys.exit(EXIT_FINDINGS)


# --- search, show, stats --------------------------------------------------------------------


def _term_json(term: Term) -> dict[str, Any]:
    return {
        "text": term.text,
        "lang": term.lang,
        "status": term.status,
        "type": term.type,
        "gender": term.gender,
        "number": term.number,
        "register": term.register,
        "variant": term.variant,
        "needs_definition": term.needs_definition,
        "note": term.note,
        "origin": _where(term.origin, term.line),
    }


@glossary.command()
@click.argument("query")
@click.option("--lang", type=click.Choice(LANGS), help=_("Only French or only English terms."))
@click.option(
    "--limit", "-n", type=click.IntRange(1, 1000), default=10, show_default=True, help=_("Most hits.")
)
@glossary_option
@no_bundled_option
@format_option
def search(
    query: str, lang: str | None, limit: int, glossaries: Sequence[str], no_bundled: bool, output_format: str
) -> None:
    """Find concepts by a French or English term: accents and case ignored, prefixes and close spellings.

    Example: medgloss glossary search "polyarthrite rhumato"
    """
    hits = TermIndex(_termbase(glossaries, no_bundled)).search(query, lang=lang, limit=limit)
    if output_format == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "concept_id": h.concept.id,
                        "score": h.score,
                        "kind": h.kind,
                        "term": _term_json(h.term),
                        "fr": _text(h.concept.preferred("fr")),
                        "en": _text(h.concept.preferred("en")),
                    }
                    for h in hits
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for h in hits:
            click.echo(
                f"{h.score:5.1f}  {h.concept.id}  {_text(h.concept.preferred('fr'))} → "
                f"{_text(h.concept.preferred('en'))}  [{h.term.lang}: {h.term.text}, {h.kind}]"
            )
    if not hits:
        click.echo(_("no concept matches {query!r}").format(query=query), err=True)
        sys.exit(EXIT_FINDINGS)


def _text(term: Term | None) -> str:
    return term.text if term is not None else "—"


def _find(termbase: TermBase, key: str) -> Concept:
    """The concept with id ``key``, else the one concept with a term equal to ``key``."""
    concept = termbase.get(key)
    if concept is not None:
        return concept
    wanted = search_key(key)
    owners = {c.id: c for c in termbase if any(search_key(t.text) == wanted for t in c.terms)}
    if len(owners) == 1:
        return next(iter(owners.values()))
    close = [m[0] for m in process.extract(key, list(termbase.concepts), limit=3, score_cutoff=70)]
    hint = list(owners) or close
    raise MedglossError(
        _("no concept {id!r}").format(id=key)
        + (_(" (did you mean: {ids}?)").format(ids=", ".join(hint)) if hint else "")
    )


@glossary.command()
@click.argument("concept_id", metavar="ID")
@glossary_option
@no_bundled_option
@format_option
def show(concept_id: str, glossaries: Sequence[str], no_bundled: bool, output_format: str) -> None:
    """Show a concept (by id, or by one of its terms) and where each of its terms comes from.

    Example: medgloss glossary show dermatomyositis
    """
    termbase = _termbase(glossaries, no_bundled)
    try:
        concept = _find(termbase, concept_id)
    except MedglossError as err:
        click.echo(_("medgloss: {message}").format(message=err), err=True)
        sys.exit(EXIT_FINDINGS)
    layers = [_where(p, line) for p, line in termbase.layers.get(concept.id, [(concept.path, concept.line)])]
    if output_format == "json":
        data = {
            "id": concept.id,
            "category": concept.category,
            "domain": concept.domain,
            "definition": concept.definition,
            "codes": concept.codes,
            "note": concept.note,
            "source": concept.source,
            "read_only": concept.read_only,
            "defined_in": layers,
            "terms": [_term_json(t) for t in concept.terms],
        }
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{concept.id}  ({concept.category} · {concept.domain})")
    click.echo("  " + _("defined in: {where}").format(where=layers[0]))
    for later in layers[1:]:
        click.echo("  " + _("overridden in: {where}").format(where=later))
    for lang, text in concept.definition.items():
        click.echo("  " + _("definition ({lang}): {text}").format(lang=lang, text=text))
    if concept.codes:
        codes = " · ".join(f"{system} {code}" for system, code in concept.codes.items())
        click.echo("  " + _("codes: {codes}").format(codes=codes))
    for label, value in ((_("note: {text}"), concept.note), (_("source: {text}"), concept.source)):
        if value:
            click.echo("  " + label.format(text=value))
    if concept.read_only:
        click.echo("  " + _("read-only"))
    width = max(len(t.text) for t in concept.terms) if concept.terms else 0
    for lang in LANGS:
        click.echo(f"  {lang}:")
        for term in concept.terms_in(lang):
            click.echo(f"    {term.text:<{width}}  {_describe(term):<40}  {_where(term.origin, term.line)}")
            if term.note:
                click.echo(f"    {'':<{width}}  {term.note}")


def _describe(term: Term) -> str:
    parts = [term.status]
    parts += [term.type] if term.type != "full" else []
    parts += [x for x in (term.gender, term.register, term.variant) if x]
    parts += [term.number] if term.number != "sg" else []
    parts += [_("needs definition")] if term.needs_definition else []
    return " · ".join(parts)


def glossary_stats(termbase: TermBase) -> dict[str, Any]:
    """Counts of a termbase: concepts, terms per language, by category, domain, status and code."""
    terms: Counter[str] = Counter()
    status: dict[str, Counter[str]] = {lang: Counter() for lang in LANGS}
    codes: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    by_domain: Counter[str] = Counter()
    for concept in termbase:
        by_category[concept.category] += 1
        by_domain[concept.domain] += 1
        codes.update(concept.codes.keys())
        for term in concept.terms:
            terms[term.lang] += 1
            status[term.lang][term.status] += 1
    return {
        "concepts": len(termbase),
        "terms": {lang: terms[lang] for lang in LANGS},
        "by_category": dict(sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_domain": dict(sorted(by_domain.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_status": {lang: dict(status[lang].most_common()) for lang in LANGS},
        "codes": {system: codes[system] for system in CODE_SYSTEMS if codes[system]},
        "patterns": len(termbase.patterns),
        "files": len(termbase.files),
    }


@glossary.command()
@glossary_option
@no_bundled_option
@format_option
def stats(glossaries: Sequence[str], no_bundled: bool, output_format: str) -> None:
    """Count concepts and terms, by language, category, domain, status and code system.

    Example: medgloss glossary stats --format json
    """
    data = glossary_stats(_termbase(glossaries, no_bundled))
    if output_format == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(
        _(
            "{concepts} concepts, {fr} French and {en} English terms, {patterns} patterns, {files} files"
        ).format(
            concepts=data["concepts"],
            fr=data["terms"]["fr"],
            en=data["terms"]["en"],
            patterns=data["patterns"],
            files=data["files"],
        )
    )
    for title, key in (
        (_("by category"), "by_category"),
        (_("by domain"), "by_domain"),
        (_("codes"), "codes"),
    ):
        click.echo(f"{title}:")
        for name, count in data[key].items():
            click.echo(f"  {name:<24} {count:>7}")


# --- compile --------------------------------------------------------------------------------


@glossary.command("compile")
@glossary_option
@variant_option
@click.option("--fast-only", is_flag=True, help=_("Only for fast mode: no statistical model is loaded."))
@quiet_option
def compile_command(glossaries: Sequence[str], variant: str, fast_only: bool, quiet: bool) -> None:
    """Compile the glossary into the cache now, so that the next annotate starts fast.

    The first 'medgloss annotate' after an install or a glossary edit compiles the glossary itself
    (a few seconds for the bundled one); run this after installing, after editing glossary files or
    when building an image. Both languages, fast and full mode.

    Example: medgloss glossary compile -g my-terms.toml
    """
    from time import perf_counter

    from .api import build_pipeline
    from .glossary_cache import cache_dir

    folder = cache_dir()
    if folder is None:
        raise MedglossError(_("the cache is off (MEDGLOSS_CACHE): there is nowhere to compile to"))
    start = perf_counter()
    modes = ("fast",) if fast_only else ("fast", "full")
    concepts = 0
    for mode in modes:
        component: Any = build_pipeline(mode, glossaries, variant).get_pipe("medgloss")
        component.prepare()
        concepts = len(component.termbase)
    _say(
        quiet,
        _("compiled {concepts} concepts for {modes} mode into {folder} in {seconds:.1f} s").format(
            concepts=concepts, modes=" and ".join(modes), folder=folder, seconds=perf_counter() - start
        ),
    )


# --- add ------------------------------------------------------------------------------------


def _term_spec(spec: str) -> dict[str, Any]:
    """``TERM[;key=value…]`` as a term table."""
    text, *options = spec.split(";")
    table: dict[str, Any] = {"term": text.strip()}
    for option in options:
        key, sep, value = option.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(
                _("{option!r} is not key=value (e.g. 'soins intensifs;gender=m;number=pl')").format(
                    option=option
                )
            )
        value = value.strip()
        table[key.strip()] = (
            value.lower() in ("true", "yes", "1") if key.strip() == "needs_definition" else value
        )
    return table


def _prompt_terms(label: str, first: str) -> list[str]:
    specs = [click.prompt(first)]
    while extra := click.prompt(label, default="", show_default=False):
        specs.append(extra)
    return specs


@glossary.command()
@click.option(
    "--to", "target", metavar="FILE", help=_("Glossary file to add to (default: the first configured one).")
)
@click.option("--id", "concept_id", help=_("Concept id (default: from the English preferred term)."))
@click.option("--category", type=click.Choice(CATEGORIES), help=_("Category of the concept."))
@click.option("--domain", help=_("Domain (default: the file's domain)."))
@click.option(
    "--fr",
    "fr_terms",
    multiple=True,
    metavar="TERM[;key=value…]",
    help=_("French term, e.g. 'dermatomyosite;gender=f' (repeatable; the first is preferred)."),
)
@click.option(
    "--en",
    "en_terms",
    multiple=True,
    metavar="TERM[;key=value…]",
    help=_("English term (repeatable; the first is preferred)."),
)
@click.option("--definition-fr", help=_("French definition (one sentence)."))
@click.option("--definition-en", help=_("English definition (one sentence)."))
@click.option(
    "--code", "codes", multiple=True, metavar="SYSTEM=CODE", help=_("Code, e.g. icd10=M33.1 (repeatable).")
)
@click.option("--note", help=_("Note for terminologists."))
@click.option("--source", help=_("Where the entry comes from."))
@click.option(
    "--interactive/--no-interactive",
    default=None,
    help=_("Ask for what is missing (default: when standard input is a terminal)."),
)
@click.option("--dry-run", is_flag=True, help=_("Print the entry instead of writing it."))
@glossary_option
@no_bundled_option
def add(
    target: str | None,
    concept_id: str | None,
    category: str | None,
    domain: str | None,
    fr_terms: Sequence[str],
    en_terms: Sequence[str],
    definition_fr: str | None,
    definition_en: str | None,
    codes: Sequence[str],
    note: str | None,
    source: str | None,
    interactive: bool | None,
    dry_run: bool,
    glossaries: Sequence[str],
    no_bundled: bool,
) -> None:
    """Add a concept to a glossary file: checked like 'validate', written in canonical form.

    Example: medgloss glossary add --to house.toml --category disorder --fr "dermatomyosite;gender=f" --en dermatomyositis
    """
    config = load_config()
    path = (
        Path(target)
        if target
        else next((Path(g) for g in config.glossary if Path(g).suffix == ".toml"), None)
    )
    if path is None:
        raise MedglossError(_("say which glossary file to add to: --to FILE"))
    ask = sys.stdin.isatty() if interactive is None else interactive
    if ask:
        fr_terms = fr_terms or _prompt_terms(
            _("Another French term (empty to finish)"), _("French preferred term")
        )
        en_terms = en_terms or _prompt_terms(
            _("Another English term (empty to finish)"), _("English preferred term")
        )
        category = category or click.prompt(_("Category"), type=click.Choice(CATEGORIES))
    missing = [
        name
        for name, value in (("--fr", fr_terms), ("--en", en_terms), ("--category", category))
        if not value
    ]
    if missing:
        raise MedglossError(
            _("missing {options} (or run with --interactive)").format(options=", ".join(missing))
        )
    tables = {lang: [_term_spec(s) for s in specs] for lang, specs in (("fr", fr_terms), ("en", en_terms))}
    for terms in tables.values():
        terms[0].setdefault("status", "preferred")
        for extra in terms[1:]:
            extra.setdefault("status", "admitted")
    if concept_id is None:
        concept_id = slug(tables["en"][0]["term"]) or "concept"
        if ask:
            concept_id = click.prompt(_("Concept id"), default=concept_id)
    if ask:
        definition_fr = (
            definition_fr or click.prompt(_("French definition"), default="", show_default=False) or None
        )
        definition_en = (
            definition_en or click.prompt(_("English definition"), default="", show_default=False) or None
        )
    existing = path.read_text("utf-8-sig") if path.exists() else None
    file_domain = _file_domain(existing, path)
    table: dict[str, Any] = {"id": concept_id, "category": category}
    if domain and domain != file_domain:
        table["domain"] = domain
    definition = {k: v for k, v in (("fr", definition_fr), ("en", definition_en)) if v}
    if definition:
        table["definition"] = definition
    if codes:
        table["codes"] = dict(_code(c) for c in codes)
    table.update({k: v for k, v in (("note", note), ("source", source)) if v})
    table.update(tables)
    concept = _checked_concept(table, file_domain, path)
    termbase = TermBase.load(
        [*_user_layers(glossaries), *([path] if path.exists() else [])], bundled=not no_bundled
    )
    _refuse_clash(concept, termbase)
    if dry_run:
        click.echo(dumps({"concept": [concept_table(concept, file_domain)]}), nl=False)
        return
    new_text = add_concept_text(existing, concept, str(path))
    errors = parse_glossary_text(new_text, str(path)).errors
    if errors:
        raise GlossaryError(errors[0].message, path, errors[0].line)
    atomic_write(path, new_text)
    click.echo(_("added {id} to {path}").format(id=concept.id, path=_shown(str(path))), err=True)


def _code(spec: str) -> tuple[str, str]:
    system, sep, code = spec.partition("=")
    if not sep or not system.strip() or not code.strip():
        raise click.BadParameter(_("{spec!r} is not SYSTEM=CODE (e.g. icd10=M33.1)").format(spec=spec))
    return system.strip().lower(), code.strip()


def _file_domain(text: str | None, path: Path) -> str:
    if text is not None:
        header = parse_glossary_text(text, str(path)).header
        if header.get("domain"):
            return str(header["domain"])
    return path.stem


def _checked_concept(table: dict[str, Any], file_domain: str, path: Path) -> Concept:
    """The concept of ``table``, refused (with every problem) unless it validates."""
    parsed = parse_glossary_text(dumps({"glossary": {"domain": file_domain}, "concept": [table]}), str(path))
    problems = parsed.problems + [p for c in parsed.concepts for p in check_concept(c)]
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        severity = _("error") if problem.severity == "error" else _("warning")
        click.echo(
            _("medgloss: {severity}: {message}").format(severity=severity, message=problem.message), err=True
        )
    if errors or not parsed.concepts:
        raise MedglossError(_("the entry was not added"), path)
    concept = parsed.concepts[0]
    concept.path = str(path)
    return concept


def _refuse_clash(concept: Concept, termbase: TermBase) -> None:
    old = termbase.get(concept.id)
    if old is not None:
        raise MedglossError(
            _("concept id {id} exists already ({where}); edit it there or choose another --id").format(
                id=concept.id, where=_where(old.path, old.line)
            )
        )
    pref = concept.preferred("fr")
    if pref is None:
        return
    key = form_key(pref)
    for other in termbase:
        other_pref = other.preferred("fr")
        if other.domain == concept.domain and other_pref is not None and form_key(other_pref) == key:
            raise MedglossError(
                _(
                    "{term!r} is already the French preferred term of {id} in domain {domain} ({where})"
                ).format(
                    term=other_pref.text,
                    id=other.id,
                    domain=other.domain,
                    where=_where(other_pref.origin, other_pref.line),
                )
            )


# --- export, import -------------------------------------------------------------------------


def _refuse_overwrite(target: Path, inputs: Sequence[Path], force: bool) -> None:
    resolved = target.resolve()
    if any(resolved == p.resolve() for p in inputs):
        raise MedglossError(_("is an input; medgloss never overwrites its inputs"), target)
    if target.exists() and not force:
        raise MedglossError(_("exists; use --force to replace it"), target)


def _print_report(quiet: bool, title: str, lines: list[str]) -> None:
    if lines and not quiet:
        click.echo(title, err=True)
        for line in lines:
            click.echo(f"  {line}", err=True)


@glossary.command("export")
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), help=_("Format (default: from -o, else tbx).")
)
@click.option(
    "--dialect",
    type=click.Choice([d for d in DIALECTS if d != "columns"]),
    default="medgloss",
    show_default=True,
    help=_("CSV/TSV layout: all fields (medgloss), DeepL entries or Weblate's CSV."),
)
@click.option("--output", "-o", metavar="FILE", help=_("Output file; '-' or nothing for standard output."))
@click.option("--domain", "domains", multiple=True, help=_("Only this domain (repeatable)."))
@click.option(
    "--variant", type=click.Choice(["en-GB", "en-US"]), help=_("English spelling for DeepL and Weblate.")
)
@click.option("--force", is_flag=True, help=_("Replace an existing output file."))
@glossary_option
@no_bundled_option
@quiet_option
def export_command(
    fmt: str | None,
    dialect: str,
    output: str | None,
    domains: Sequence[str],
    variant: str | None,
    force: bool,
    glossaries: Sequence[str],
    no_bundled: bool,
    quiet: bool,
) -> None:
    """Export the glossary as TBX (TBX-Basic, TBX v3) or CSV/TSV (all fields, DeepL or Weblate).

    Example: medgloss glossary export -o glossary.tbx
    """
    to_stdout = output in (None, "-")
    fmt = fmt or (None if to_stdout else guess_format(output or "")) or "tbx"
    termbase = _termbase(glossaries, no_bundled)
    concepts = [c for c in termbase if not domains or c.domain in domains]
    patterns = [p for p in termbase.patterns if not domains or p.domain in domains]
    text, report = export_glossary(
        concepts, patterns, fmt=fmt, dialect=dialect, variant=variant or load_config().variant or "en-GB"
    )
    if to_stdout:
        click.echo(text, nl=False)
    else:
        assert output is not None
        _refuse_overwrite(Path(output), [Path(f) for f in termbase.files], force)
        atomic_write(output, text)
        _say(quiet, _("{count} concepts exported to {path}").format(count=len(concepts), path=output))
    _print_report(quiet, _("not exported:"), report.lines())


def _columns(spec: str | None) -> dict[str, str] | None:
    if not spec:
        return None
    out = {}
    for item in spec.split(","):
        field, sep, header = item.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise click.BadParameter(
                _("{item!r} is not field=Column (e.g. fr=Terme,en=Term)").format(item=item)
            )
        out[field.strip()] = header.strip()
    return out


@glossary.command("import")
@click.argument("source_files", nargs=-1, metavar="[FILE...]", type=click.Path(dir_okay=False))
@click.option(
    "--output", "-o", required=True, metavar="OUT", help=_("Glossary file to write (our TOML format).")
)
@click.option(
    "--from",
    "terminology",
    type=click.Choice(sorted(SOURCES)),
    help=_(
        "Import an open terminology instead of an exchange file: hpo [hp-fr.babelon.tsv], "
        "icd11 [cim-11.sqlite3] (package cim-11-certic), orphanet FR.xml EN.xml."
    ),
)
@click.option(
    "--limit", type=click.IntRange(1), metavar="N", help=_("With --from: read only the first N entries.")
)
@click.option(
    "--unfiltered",
    is_flag=True,
    help=_("With --from: keep every entry and term (no noise filter, every branch of the source)."),
)
@click.option(
    "--source-version",
    metavar="TEXT",
    help=_("With --from: the source's version, when its files do not say."),
)
@click.option(
    "--format", "-f", "fmt", type=click.Choice(FORMATS), help=_("Format of FILE (default: from its name).")
)
@click.option(
    "--dialect",
    type=click.Choice(["auto", *DIALECTS]),
    default="auto",
    show_default=True,
    help=_("CSV/TSV layout (auto: from the header)."),
)
@click.option("--columns", help=_("CSV/TSV column mapping, e.g. 'fr=Terme,en=Term,id=ID'."))
@click.option(
    "--source-lang",
    type=click.Choice(LANGS),
    default="fr",
    show_default=True,
    help=_("Language of the source column of DeepL entries."),
)
@click.option(
    "--domain",
    help=_(
        "Domain of the new file (default: the most frequent one, else OUT's name; with --from, the source's)."
    ),
)
@click.option(
    "--category",
    type=click.Choice(CATEGORIES),
    default="other",
    show_default=True,
    help=_("Category of entries that have none."),
)
@click.option("--force", is_flag=True, help=_("Replace OUT when it exists."))
@quiet_option
def import_command(
    source_files: Sequence[str],
    output: str,
    terminology: str | None,
    limit: int | None,
    unfiltered: bool,
    source_version: str | None,
    fmt: str | None,
    dialect: str,
    columns: str | None,
    source_lang: str,
    domain: str | None,
    category: str,
    force: bool,
    quiet: bool,
) -> None:
    """Import a TBX (v3 or v2/martif: IATE, Weblate) or CSV/TSV file (DeepL, Weblate, any columns) into a glossary file.

    With --from, read an open terminology (HPO, ICD-11, Orphanet) into a read-only file that
    carries its source, licence and version, leaving out what would be noise in articles
    (see docs/importers.md). Whatever cannot be mapped is reported. The new file is validated;
    exit 1 if it has errors.

    Example: medgloss glossary import iate.tbx -o glossary/iate.toml

    Example: medgloss glossary import --from hpo hp-fr.babelon.tsv -o hpo.toml
    """
    out = Path(output)
    _refuse_overwrite(out, [Path(f) for f in source_files], force)
    if terminology is not None:
        if fmt or columns or dialect != "auto":
            raise MedglossError(_("--format, --dialect and --columns are for exchange files, not --from"))
        result, header = import_source(
            terminology,
            source_files,
            limit=limit,
            filtered=not unfiltered,
            version=source_version,
            domain=domain,
        )
        source_file = " ".join(source_files) or terminology
    else:
        if len(source_files) != 1:
            raise MedglossError(_("give one FILE to import, or --from SOURCE"))
        if limit or unfiltered or source_version:
            raise MedglossError(_("--limit, --unfiltered and --source-version go with --from"))
        source_file = source_files[0]
        result = import_glossary(
            source_file,
            fmt=fmt,
            dialect=dialect,
            columns=_columns(columns),
            source_lang=source_lang,
            category=category,
            domain=domain or out.stem,
        )
        header = {"domain": domain or result.main_domain() or out.stem, "source": Path(source_file).name}
    atomic_write(out, glossary_text(result.concepts, header=header))
    terms = sum(len(c.terms) for c in result.concepts)
    _say(
        quiet,
        _(
            "{concepts} concepts ({terms} terms) imported from {entries} entries of {source} into {out}"
        ).format(
            concepts=len(result.concepts), terms=terms, entries=result.entries, source=source_file, out=output
        ),
    )
    _print_report(quiet, _("not imported or changed:"), result.report.lines())
    report = validate_layers([[out]])
    for problem in report.problems:
        click.echo(_problem_line(problem))
    if report.errors:
        sys.exit(EXIT_FINDINGS)
