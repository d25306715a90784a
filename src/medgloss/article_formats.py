"""Articles in their file formats: plain text, Markdown and HTML, read and annotated.

An ``Article`` holds the text medgloss annotates and what renderers need to put the result back
into the article's own shape:

- ``.txt`` (and anything else): the decoded text itself.
- ``.md``/``.markdown``: the source with its syntax blanked to spaces, so offsets are source
  offsets; code spans and link targets are never annotated (see ``article_markdown``).
- ``.html``/``.htm``: the text of the body's text nodes; the markup is kept aside, sanitized,
  and only text nodes are annotated, never scripts, styles, attributes or code
  (see ``article_html``). Offsets point into that extracted text.

>>> art = article_from_source("<p>La <b>calcinose</b> <code>calcinose</code></p>", kind="html")
>>> ann = next(annotate_articles([art], mode="fast"))[1]
>>> [(t.text, t.start) for t in ann.terms]
[('calcinose', 3)]
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .annotation import Annotation
from .api import annotate_many
from .article_html import Piece, TextRun, parse_html
from .article_markdown import markdown_body, markdown_text
from .errors import InputError
from .i18n import _
from .textio import read_article

__all__ = [
    "KINDS",
    "Article",
    "annotate_articles",
    "article_from_source",
    "kind_of",
    "read_article_file",
    "text_blocks",
    "without_protected",
]

KINDS = ("text", "markdown", "html")
_SUFFIX_KINDS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
TITLE_MAX = 200
"""A plain text's first line is its title when it is at most this long."""


@dataclass(slots=True)
class Article:
    """An article ready to annotate: ``text`` is what medgloss reads, ``source`` the original file.

    ``protected`` lists ``[start, end)`` ranges of ``text`` where no term may be found (code);
    ``pieces`` is the article body as safe HTML markup and text runs (see ``article_html``).
    """

    text: str
    source: str
    kind: str = "text"
    name: str | None = None
    encoding: str = "utf-8"
    title: str | None = None
    protected: list[tuple[int, int]] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)


def kind_of(name: str, source: str = "") -> str:
    """The kind of an article from its file name, or for standard input (``-``) from its start.

    >>> kind_of("a.md"), kind_of("b.HTM"), kind_of("c.txt"), kind_of("-", "<!DOCTYPE html><p>x")
    ('markdown', 'html', 'text', 'html')
    """
    if name == "-":
        return "html" if _HTML_START.match(source[:4096]) else "text"
    return _SUFFIX_KINDS.get(Path(name).suffix.lower(), "text")


def article_from_source(
    source: str, *, kind: str = "text", name: str | None = None, encoding: str = "utf-8"
) -> Article:
    """An ``Article`` of kind ``text``, ``markdown`` or ``html`` from its decoded ``source``."""
    if kind == "html":
        body = parse_html(source)
        if not body.text.strip():
            raise InputError(_("no text to annotate (the HTML holds markup only)"), name)
        return Article(body.text, source, kind, name, encoding, body.title, body.protected, body.pieces)
    if kind == "markdown":
        text, protected = markdown_text(source)
        if not text.strip():
            raise InputError(_("no text to annotate (the Markdown holds code or markup only)"), name)
        body = markdown_body(source, text)
        return Article(
            text, source, kind, name, encoding, body.title or _first_line(text), protected, body.pieces
        )
    if kind != "text":
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    return Article(source, source, kind, name, encoding, _first_line(source), [], _text_pieces(source))


def read_article_file(path: str | Path, kind: str = "auto") -> Article:
    """Read and decode an article file (``-`` for standard input); ``kind`` ``auto`` goes by suffix."""
    name = str(path)
    source, encoding = read_article(name)
    return article_from_source(
        source, kind=kind_of(name, source) if kind == "auto" else kind, name=name, encoding=encoding
    )


def annotate_articles(
    articles: Iterable[Article],
    *,
    mode: str = "full",
    glossary: Sequence[str] = (),
    variant: str = "en-GB",
) -> Iterator[tuple[Article, Annotation]]:
    """Annotate articles as a stream: each article with its annotation (code left unannotated)."""
    pending: deque[Article] = deque()

    def texts() -> Iterator[str]:
        for article in articles:
            pending.append(article)
            yield article.text

    for ann in annotate_many(texts(), mode=mode, glossary=glossary, variant=variant):
        article = pending.popleft()
        yield (
            article,
            replace(
                without_protected(ann, article.protected), source=article.name, encoding=article.encoding
            ),
        )


def without_protected(ann: Annotation, protected: Sequence[tuple[int, int]]) -> Annotation:
    """``ann`` without the mentions and abbreviations that touch a protected range."""
    if not protected:
        return ann
    ranges = sorted(protected)
    starts = [a for a, _ in ranges]

    def touches(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end) - 1
        return k >= 0 and ranges[k][1] > start

    keep = [k for k, m in enumerate(ann.terms) if not touches(m.start, m.end)]
    index = {old: new for new, old in enumerate(keep)}
    terms = []
    for k in keep:
        m = ann.terms[k]
        parent = index.get(m.parent) if m.parent is not None else None
        terms.append(replace(m, parent=parent, nested=m.nested and parent is not None))
    abbreviations = [
        a for a in ann.abbreviations if not touches(a.start, a.end) and not touches(a.long_start, a.long_end)
    ]
    return replace(ann, terms=terms, abbreviations=abbreviations)


def _first_line(text: str) -> str | None:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line[:TITLE_MAX] or None


def text_blocks(text: str) -> list[tuple[str, int, int]]:
    """``(tag, start, end)`` blocks of a plain text: its first line as ``h1``, then ``p`` paragraphs.

    >>> text = "Titre\\nPublié le 3 mars\\n\\nUn paragraphe\\nsur deux lignes.\\n"
    >>> [(tag, text[a:b]) for tag, a, b in text_blocks(text)]
    [('h1', 'Titre'), ('p', 'Publié le 3 mars'), ('p', 'Un paragraphe\\nsur deux lignes.')]
    """
    blocks: list[tuple[str, int, int]] = []
    start = len(text) - len(text.lstrip())
    bounds = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    for end, next_start in [*bounds, (len(text), len(text))]:
        end = start + len(text[start:end].rstrip())
        if not blocks and start < end:
            line_end = text.find("\n", start, end)
            title_end = end if line_end < 0 else start + len(text[start:line_end].rstrip())
            if title_end - start <= TITLE_MAX:
                blocks.append(("h1", start, title_end))
                start = title_end + len(text[title_end:end]) - len(text[title_end:end].lstrip())
        if start < end:
            blocks.append(("p", start, end))
        start = next_start
    return blocks


def _text_pieces(text: str) -> list[Piece]:
    """A plain-text article as HTML pieces (see ``text_blocks``)."""
    pieces: list[Piece] = []
    for tag, start, end in text_blocks(text):
        pieces.extend((f"<{tag}>", TextRun(text[start:end], start), f"</{tag}>\n"))
    return pieces
