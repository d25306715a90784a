"""Pages from the Jinja templates in ``medgloss/templates``: autoescaped, self-contained, no script
allowed but ours (a Content-Security-Policy with the hashes of the inline style and script)."""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import PurePath
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from ..annotation import Annotation
from ..i18n import _, current_language
from ..outputs import GENERATOR_MARK
from ..termbase import TermBase
from .terms import TermRow, category_label, code_label, source_label, status_label

__all__ = ["page_data", "render_page", "sidebar_context"]


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("medgloss", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


@lru_cache(maxsize=1)
def _assets() -> tuple[str, str, str]:
    folder = resources.files("medgloss") / "templates"
    css = (folder / "medgloss.css").read_text("utf-8")
    js = (folder / "medgloss.js").read_text("utf-8")
    csp = (
        f"default-src 'none'; style-src 'sha256-{_sha256(css)}'; script-src 'sha256-{_sha256(js)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return css, js, csp


def render_page(template: str, **context: Any) -> str:
    """Render ``template`` with the shared page context (styles, script, policy, labels)."""
    css, js, csp = _assets()
    source = context.get("source")
    return (
        _environment()
        .get_template(template)
        .render(
            _=_,
            css=Markup(css),
            js=Markup(js),
            csp=csp,
            version=__version__,
            generator=GENERATOR_MARK,
            ui_lang=current_language(),
            source_name=PurePath(source).name if source else None,
            **context,
        )
    )


def sidebar_context(ann: Annotation, rows: list[TermRow], termbase: TermBase) -> dict[str, Any]:
    """What the summary and legend need: counts, categories present, abbreviations defined."""
    shown = [r for r in rows if r.occurrences]
    counts: dict[str, int] = {}
    for row in shown:
        if row.source != "candidate":
            key = row.category or "none"
            counts[key] = counts.get(key, 0) + row.occurrences
    abbreviations = list({a.short: a for a in ann.abbreviations}.values())
    return {
        "stats": {
            "occurrences": sum(r.occurrences for r in shown),
            "concepts": sum(1 for r in shown if r.source != "candidate" and r.concept_id),
            "candidates": sum(1 for r in shown if r.source == "candidate"),
            "abbreviations": len(abbreviations),
        },
        "legend": [
            {"category": c, "label": category_label(c), "count": n}
            for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        "abbreviations": abbreviations,
        "glossary_size": len(termbase),
        "mode": ann.mode,
    }


def page_data(rows: list[TermRow]) -> dict[str, Any]:
    """The JSON the page script reads: one entry per row (for the hover card) and its labels."""
    return {
        "rows": [
            {
                "fr": row.fr,
                "en": row.en,
                "alternatives": row.en_alternatives,
                "category": row.category or "none",
                "category_label": category_label(row.category),
                "source": row.source,
                "source_label": source_label(row.source),
                "concept_id": row.concept_id,
                "definition_en": row.definition.get("en"),
                "definition_fr": row.definition.get("fr"),
                "codes": [f"{code_label(k)} {v}" for k, v in row.codes.items()],
                "avoid": [[t, status_label(s), note] for t, s, note in row.avoid],
                "occurrences": row.occurrences + row.en_occurrences,
                "score": f"{row.score:.2f}",
            }
            for row in rows
        ],
        "labels": {
            "no_en": _("no equivalent known"),
            "form": _("Glossary form"),
            "lemma": _("Lemma"),
            "fr_preferred": _("Preferred FR"),
            "alternatives": _("Also"),
            "definition": _("Definition"),
            "codes": _("Codes"),
            "avoid": _("Avoid"),
            "score": _("Termhood score"),
            "occurrences": _("Occurrences:"),
            "status": {
                "preferred": status_label("preferred"),
                "admitted": status_label("admitted"),
                "deprecated": status_label("deprecated"),
                "forbidden": status_label("forbidden"),
                "candidate": _("candidate"),
                "abbreviation": _("abbreviation"),
                "pattern": _("glossary pattern"),
            },
        },
    }
