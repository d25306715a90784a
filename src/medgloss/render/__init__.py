"""Renderers: one function per output format, looked up by name.

Each renderer takes an ``Annotation``, the ``TermBase`` it was made with and, optionally, the
``Article`` it came from (its original shape: Markdown source, HTML markup), and returns the text
of the output file. ``RENDERERS`` maps a format name to ``(file suffix, function)``; the suffix is
appended to the article's stem when writing into a folder.
"""

from __future__ import annotations

from typing import Protocol

from ..annotation import Annotation
from ..article_formats import Article
from ..termbase import TermBase
from .bilingual import render_bilingual_html, render_bilingual_markdown
from .html import render_html
from .json_format import render_json
from .markdown import render_markdown
from .termsheet import BOM, render_csv, render_tsv

__all__ = ["BOM", "BOM_FORMATS", "RENDERERS", "Renderer", "format_for_path", "render"]


class Renderer(Protocol):
    def __call__(self, ann: Annotation, termbase: TermBase, article: Article | None = None) -> str: ...


def _json(ann: Annotation, termbase: TermBase, article: Article | None = None) -> str:
    """JSON describes the annotated text itself, whatever the article's format."""
    del article
    return render_json(ann, termbase)


RENDERERS: dict[str, tuple[str, Renderer]] = {
    "html": (".html", render_html),
    "md": (".annotated.md", render_markdown),
    "tsv": (".terms.tsv", render_tsv),
    "csv": (".terms.csv", render_csv),
    "bilingual": (".bilingual.html", render_bilingual_html),
    "bilingual-md": (".bilingual.md", render_bilingual_markdown),
    "json": (".json", _json),
}
BOM_FORMATS = frozenset({"tsv", "csv"})
"""Formats that may start with a UTF-8 byte-order mark (``--bom``) for spreadsheets."""


def render(fmt: str, ann: Annotation, termbase: TermBase, article: Article | None = None) -> str:
    """The output of format ``fmt`` for an annotated article."""
    return RENDERERS[fmt][1](ann, termbase, article)


def format_for_path(path: str) -> str | None:
    """The format whose file suffix ``path`` ends with (the longest that fits), if any.

    >>> format_for_path("out/a.bilingual.html"), format_for_path("a.html"), format_for_path("a.terms.tsv")
    ('bilingual', 'html', 'tsv')
    >>> format_for_path("notes.tsv"), format_for_path("a.md"), format_for_path("a.docx")
    ('tsv', 'md', None)
    """
    name = path.lower()
    fits = [(len(suffix), fmt) for fmt, (suffix, _) in RENDERERS.items() if name.endswith(suffix)]
    if fits:
        return max(fits)[1]
    plain = {suffix.rsplit(".", 1)[-1]: fmt for fmt, (suffix, _) in reversed(list(RENDERERS.items()))}
    return plain.get(name.rsplit(".", 1)[-1]) if "." in name else None
