"""HTML articles: the text of their text nodes, and their markup kept aside in a safe form.

``parse_html`` reads an HTML document (or fragment) into ``HtmlBody``: the plain text a reader
reads (text nodes in order, block elements separated by blank lines, white space collapsed as a
browser would) and a list of pieces to rebuild the body from: safe markup strings and ``TextRun``
objects that point into that text. Only text nodes are ever annotated, never attributes, and never
the contents of ``<script>``, ``<style>``, ``<code>`` or ``<pre>``.

The rebuilt markup is sanitized so that it runs nothing and loads nothing when shown inside a
medgloss page: scripts, styles, frames, forms, event handlers, ``javascript:`` links and external
images are dropped, unknown elements are unwrapped, and every tag left is closed in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markupsafe import escape

__all__ = ["HtmlBody", "TextRun", "parse_html", "safe_url"]


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Elements kept, with the attributes they may carry (besides the global ones).
_KEEP = {
    **dict.fromkeys(
        _names(
            "abbr address article aside b bdi bdo blockquote br caption cite code data dd del details "
            "dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 header hr i ins kbd li main "
            "mark nav p pre q rp rt ruby s samp section small span strong sub summary sup table tbody td "
            "tfoot th thead time tr u ul var wbr"
        ),
        frozenset[str](),
    ),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr"}),
    "time": frozenset({"datetime"}),
    "data": frozenset({"value"}),
}
_GLOBAL_ATTRS = frozenset({"lang", "dir", "title", "id"})
# Elements dropped together with everything inside them.
_DROP = _names(
    "script style template noscript iframe frame frameset object embed applet svg math canvas audio "
    "video picture source track form button input select option textarea dialog head title meta link "
    "base param portal"
)
_VOID = _names("area base br col embed hr img input link meta param source track wbr")
_BLOCK = _names(
    "address article aside blockquote caption details dd div dl dt figcaption figure footer h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul"
)
_CODE = frozenset({"code", "kbd", "samp", "var", "pre"})
_LINE = frozenset({"br", "li", "tr", "td", "th", "dt", "dd"})
_WS = re.compile(r"[ \t\n\r\f]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_DATA_IMAGE = re.compile(r"^data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$")


@dataclass(frozen=True, slots=True)
class TextRun:
    """A text node of the article body.

    ``start`` is the offset of ``text`` in the annotated text, or -1 when the node is not part of it
    (code blocks); ``offsets``, when given, holds the annotated-text offset of each character of
    ``text`` (-1 for characters without one), for text that is not a contiguous slice.
    ``annotate`` is false for code, where no term is ever highlighted.
    """

    text: str
    start: int = -1
    offsets: tuple[int, ...] | None = None
    annotate: bool = True


Piece = str | TextRun
"""A piece of an article body: safe HTML markup, or a text node to escape (and annotate)."""


@dataclass(slots=True)
class HtmlBody:
    """What ``parse_html`` reads: the text to annotate, where code is, and the body's pieces."""

    text: str
    pieces: list[Piece]
    protected: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    lang: str | None = None


def safe_url(url: str) -> str | None:
    """``url`` when following it cannot run anything (http, https, mailto, relative), else None.

    >>> safe_url("https://example.org/a?b=1"), safe_url("#notes"), safe_url("notes.html")
    ('https://example.org/a?b=1', '#notes', 'notes.html')
    >>> safe_url(" jav\\tascript:alert(1)") is None, safe_url("data:text/html,x") is None
    (True, True)
    """
    squeezed = "".join(c for c in url if c > " ").strip()
    m = _SCHEME.match(squeezed)
    if m and m.group(1).lower() not in ("http", "https", "mailto"):
        return None
    return url.strip()


class _BodyParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[Piece] = []
        self.parts: list[str] = []
        self.length = 0
        self.protected: list[tuple[int, int]] = []
        self.open: list[str] = []
        self.dropping: list[str] = []
        self.code = 0
        self.pre = 0
        self.title_parts: list[str] = []
        self.in_title = False
        self.title_done = False
        self.h1_parts: list[str] | None = None
        self.h1_title: str | None = None
        self.lang: str | None = None

    # text ---------------------------------------------------------------------------------------
    def _ends_blank(self) -> bool:
        return not self.parts or self.parts[-1][-1:] in (" ", "\n")

    def _append(self, s: str) -> int:
        start = self.length
        self.parts.append(s)
        self.length += len(s)
        return start

    def _newlines(self, n: int) -> None:
        if not self.parts:
            return
        tail = "".join(self.parts[-3:])
        have = len(tail) - len(tail.rstrip("\n"))
        if have < n:
            self._append("\n" * (n - have))

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.dropping:
            return
        if self.pre:
            self.pieces.append(TextRun(data, -1, annotate=False))
            return
        s = _WS.sub(" ", data)
        if self._ends_blank():
            s = s.lstrip(" ")
        if not s:
            if data:
                self.pieces.append(" ")
            return
        start = self._append(s)
        if self.code:
            self.protected.append((start, start + len(s)))
        self.pieces.append(TextRun(s, start, annotate=not self.code))
        if self.h1_parts is not None:
            self.h1_parts.append(s)

    # tags ---------------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=tag in _VOID)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        if tag == "title" and not closed and not self.title_done:
            self.in_title = True
            return
        if self.dropping:
            if tag == self.dropping[-1] and not closed:
                self.dropping.append(tag)
            return
        if tag == "html":
            self.lang = next((v for k, v in attrs if k == "lang" and v), self.lang)
            return
        if tag in _DROP:
            if not closed:
                self.dropping.append(tag)
            return
        if tag in _BLOCK:
            self._newlines(1 if tag in _LINE else 2)
        elif tag in _LINE:
            self._newlines(1)
        if tag == "h1" and self.h1_title is None:
            self.h1_parts = []
        if tag in _CODE and not closed:
            self.code += 1
            if tag == "pre":
                self.pre += 1
        if tag not in _KEEP:
            return
        rendered = self._attrs(tag, dict(attrs))
        if rendered is None:
            return
        self.pieces.append(f"<{tag}{rendered}>")
        if not closed:
            self.open.append(tag)

    def _attrs(self, tag: str, attrs: dict[str, str | None]) -> str | None:
        allowed = _GLOBAL_ATTRS | _KEEP[tag]
        out: list[str] = []
        for name, value in attrs.items():
            if name not in allowed or value is None:
                continue
            if name == "href":
                value = safe_url(value)
            elif name == "src":
                value = value if _DATA_IMAGE.match(value) else None
            elif name == "id" and value.startswith("mg-"):
                value = None
            if value is not None:
                out.append(f' {name}="{escape(value)}"')
        if tag == "img" and not any(a.startswith(" src=") for a in out):
            alt = attrs.get("alt")
            if alt:
                self.pieces.append(f'<span class="mg-img-alt">[{escape(alt)}]</span>')
            return None
        if tag == "a":
            if not any(a.startswith(" href=") for a in out):
                return None
            out.append(' rel="noopener noreferrer"')
        return "".join(out)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.in_title:
            self.in_title = False
            self.title_done = True
            return
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            return
        if tag in _CODE and self.code:
            self.code -= 1
            if tag == "pre" and self.pre:
                self.pre -= 1
        if tag == "h1" and self.h1_parts is not None:
            self.h1_title = "".join(self.h1_parts).strip() or None
            self.h1_parts = None
        if tag in self.open:
            while self.open:
                top = self.open.pop()
                self.pieces.append(f"</{top}>")
                if top == tag:
                    break
        if tag in _BLOCK:
            self._newlines(1 if tag in _LINE else 2)

    def close(self) -> None:
        super().close()
        self.pieces.extend(f"</{t}>" for t in reversed(self.open))
        self.open = []


def parse_html(source: str) -> HtmlBody:
    """The text and the safe body pieces of an HTML document or fragment.

    >>> body = parse_html('<h1>Calcinose</h1><p onclick="x()">Le <code>JAK</code> <script>no()</script>agit.</p>')
    >>> body.text
    'Calcinose\\n\\nLe JAK agit.'
    >>> body.protected, body.title
    ([(14, 17)], 'Calcinose')
    >>> "".join(p if isinstance(p, str) else p.text for p in body.pieces)
    '<h1>Calcinose</h1><p>Le <code>JAK</code> agit.</p>'
    """
    parser = _BodyParser()
    parser.feed(source)
    parser.close()
    text = "".join(parser.parts).rstrip("\n")
    title = _WS.sub(" ", "".join(parser.title_parts)).strip() or parser.h1_title
    return HtmlBody(text, parser.pieces, parser.protected, title, parser.lang)
