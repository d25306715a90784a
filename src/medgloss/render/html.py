"""The annotated article as one self-contained HTML page.

The article keeps its own shape (paragraphs of a text file, the rendered Markdown, the sanitized
markup of an HTML article) with every term highlighted by category; hovering or focusing a term
shows its English equivalent, status, definition, codes and matched glossary form. A sortable
term table, a legend, an "EN inline" switch and a print stylesheet come with it. The page loads
nothing from outside and runs no script but its own.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..annotation import Annotation
from ..article_formats import Article, article_from_source
from ..termbase import TermBase
from .marking import Marker, css_token
from .page import page_data, render_page, sidebar_context
from .terms import TermRow, category_label, sentence_at, status_label, term_rows

__all__ = ["render_html"]

_WS = re.compile(r"\s+")
CONTEXT_WIDTH = 180
"""First contexts longer than this many characters are cut around the term."""


def render_html(ann: Annotation, termbase: TermBase, article: Article | None = None) -> str:
    """The HTML page of an annotated article (``article`` gives its original shape)."""
    article = article or article_from_source(ann.text, name=ann.source)
    rows = term_rows(ann, termbase)
    marker = Marker(ann, rows)
    table = [_table_row(ann, row, i) for i, row in enumerate(rows) if row.occurrences]
    return render_page(
        "article.html",
        title=article.title or ann.source or "article",
        source=ann.source,
        lang=ann.lang,
        plain=article.kind == "text",
        body=marker.body(article.pieces),
        rows=table,
        data=page_data(rows),
        **sidebar_context(ann, rows, termbase),
    )


def _table_row(ann: Annotation, row: TermRow, index: int) -> dict[str, object]:
    forms = [f for f in row.fr_forms if f.lower() != row.fr.lower()]
    return {
        "index": index,
        "fr": row.fr,
        "forms": " · ".join(forms),
        "en": row.en,
        "alternatives": " · ".join(row.en_alternatives),
        "category": css_token(row.category),
        "category_label": category_label(row.category),
        "source": css_token(row.source),
        "status": css_token(row.status or ("check" if row.source == "candidate" else row.source)),
        "status_label": status_label(row.status),
        "occurrences": row.occurrences,
        "context": _context(ann, row),
    }


def _context(ann: Annotation, row: TermRow) -> Markup:
    """The sentence of the first occurrence with the term in bold, cut around it when long."""
    m = ann.terms[row.first]
    sentence_start, sentence_end = sentence_at(ann, m.start)
    half = max(20, (CONTEXT_WIDTH - (m.end - m.start)) // 2)
    start, end = max(sentence_start, m.start - half), min(sentence_end, m.end + half)
    if start > sentence_start:
        space = ann.text.find(" ", start, m.start)
        start = space + 1 if space >= 0 else m.start
    if end < sentence_end:
        space = ann.text.rfind(" ", m.end, end)
        end = space if space >= 0 else m.end
    before, after = ann.text[start : m.start], ann.text[m.end : end]
    return Markup("{}{}<b>{}</b>{}{}").format(
        "… " if start > sentence_start else "",
        _squeeze(before).lstrip(),
        m.text,
        _squeeze(after).rstrip(),
        " …" if end < sentence_end else "",
    )


def _squeeze(text: str) -> str:
    """White space runs as single spaces."""
    return _WS.sub(" ", text)
