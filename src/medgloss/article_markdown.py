"""Markdown articles: the prose to annotate, with offsets that still point into the source.

``markdown_text`` replaces Markdown syntax with spaces (newlines kept), so the text has the length
of the source and every annotation offset is also a source offset: code blocks, link and image
targets, autolinks and bare URLs, raw HTML tags and comments, reference definitions, heading,
quote and list markers, emphasis marks, table pipes, escapes and entities. The content of code
spans is kept (sentences read on) but protected: no term is ever found there.

``markdown_body`` renders the source to HTML (CommonMark with tables and strikethrough, through
markdown-it-py), reads that HTML with ``parse_html`` and aligns each of its text nodes with the
annotated text, so the HTML view can highlight terms found in the source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt

from .article_html import HtmlBody, TextRun, parse_html

__all__ = ["FRONT_MATTER", "markdown_body", "markdown_text"]

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
"""YAML front matter at the very start of a Markdown file (neither read nor rendered)."""

_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_RAW_BLOCK = re.compile(r"<(script|style|textarea)\b.*?</\1\s*>", re.S | re.I)
_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])?")
_LINK = re.compile(r"\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\](\((?:[^()\n]|\([^()\n]*\))*\)|\[[^\]\n]*\])?")
_AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.\-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()]+")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M)
_LINE_MARK = re.compile(
    r"^(?:[ \t]*(?:>[ \t]?)+|[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])|[ \t]*#{1,6}(?=[ \t]|$))", re.M
)
_RULE = re.compile(r"^ {0,3}(?:(?:[-*_][ \t]*){3,}|=+[ \t]*)$", re.M)
_HEADING_TAIL = re.compile(r"(?<=[ \t])#+[ \t]*$", re.M)
_EMPHASIS = re.compile(r"\*+|~~|(?<![^\W_])_+|_+(?![^\W_])")
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])|\\$", re.M)
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_WORD = re.compile(r"\S+")
_WINDOW = 400


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def markdown_text(source: str) -> tuple[str, list[tuple[int, int]]]:
    """``(text, protected)``: the prose of ``source`` at its own offsets, and the code spans.

    >>> text, protected = markdown_text("## La *calcinose*\\n\\nVoir [l'essai](https://x.org/a) et `JAK`.")
    >>> text
    "   La  calcinose  \\n\\nVoir  l'essai                  et  JAK  ."
    >>> [text[a:b] for a, b in protected]
    ['JAK']
    """
    chars = list(source)
    front = FRONT_MATTER.match(source)
    if front:
        _blank(chars, 0, front.end())
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    tables: list[tuple[int, int]] = []
    for token in _markdown().parse(_without_front_matter(source)):
        if token.map is None:
            continue
        first, last = token.map
        if token.type in ("fence", "code_block"):
            _blank(chars, starts[first], starts[min(last, len(lines))])
        elif token.type == "table_open":
            tables.append((starts[first], starts[min(last, len(lines))]))

    def blank_all(pattern: re.Pattern[str]) -> None:
        for m in pattern.finditer("".join(chars)):
            _blank(chars, m.start(), m.end())

    protected: list[tuple[int, int]] = []
    for m in _CODE_SPAN.finditer("".join(chars)):
        _blank(chars, m.start(1), m.end(1))
        _blank(chars, m.end(2), m.end())
        protected.append((m.start(2), m.end(2)))
    for pattern in (_COMMENT, _RAW_BLOCK, _IMAGE, _AUTOLINK, _TAG, _REF_DEF, _RULE, _URL):
        blank_all(pattern)
    for m in _LINK.finditer("".join(chars)):
        _blank(chars, m.start(), m.start() + 1)
        _blank(chars, m.end(1), m.end())
    for pattern in (_LINE_MARK, _HEADING_TAIL, _EMPHASIS, _ESCAPE, _ENTITY):
        blank_all(pattern)
    for start, end in tables:
        for i in range(start, end):
            if chars[i] == "|" and (i == 0 or source[i - 1] != "\\"):
                chars[i] = " "
        for m in re.finditer(r"^[ \t|:-]+$", "".join(chars[start:end]), re.M):
            _blank(chars, start + m.start(), start + m.end())
    return "".join(chars), [(a, b) for a, b in protected if any(not c.isspace() for c in chars[a:b])]


def _without_front_matter(source: str) -> str:
    """``source`` with its front matter replaced by as many empty lines (line numbers kept)."""
    front = FRONT_MATTER.match(source)
    return "\n" * front.group().count("\n") + source[front.end() :] if front else source


def markdown_body(source: str, text: str) -> HtmlBody:
    """The HTML body of ``source``; its text runs carry offsets into ``text`` (``markdown_text``)."""
    body = parse_html(_markdown().render(_without_front_matter(source)))
    cursor = 0
    pieces: list[str | TextRun] = []
    for piece in body.pieces:
        if isinstance(piece, TextRun) and piece.start >= 0:
            offsets, cursor = _align(piece.text, text, cursor)
            piece = TextRun(piece.text, -1, offsets, piece.annotate)
        pieces.append(piece)
    return HtmlBody(text, pieces, [], body.title, body.lang)


def _align(node: str, text: str, cursor: int) -> tuple[tuple[int, ...], int]:
    """The offset in ``text`` of each character of ``node`` (-1 where unknown), word by word."""
    offsets = [-1] * len(node)
    for m in _WORD.finditer(node):
        word = m.group()
        at = text.find(word, cursor, cursor + _WINDOW + len(word))
        if at < 0:
            at = text.find(word, cursor)
            if at < 0 or text[cursor:at].strip():
                continue
        for k in range(len(word)):
            offsets[m.start() + k] = at + k
        cursor = at + len(word)
    return tuple(offsets), cursor
