"""Highlighted terms in HTML: article text escaped, with a ``<mark>`` per term and ``lang`` spans.

Every character that comes from the article goes through ``markupsafe.escape``; marks are only
ever put inside one text node, so the article's own markup stays balanced. A mark carries its
category and source as classes (colour plus underline style in CSS), the row of the term table it
belongs to, its matched glossary form and status (for the hover card) and, hidden until asked for,
its English equivalent in a ``lang="en"`` span.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from ..annotation import Annotation
from ..article_html import Piece, TextRun
from .terms import TermRow, row_key

__all__ = ["Marker", "css_token"]

_TOKEN = re.compile(r"[^a-z0-9-]+")


def css_token(value: str | None) -> str:
    """``value`` made safe for a class name (``sign-symptom`` stays, anything odd is dropped)."""
    return _TOKEN.sub("", (value or "none").lower()) or "none"


class Marker:
    """Renders text runs of ``ann.text`` with the article's top-level terms marked."""

    def __init__(self, ann: Annotation, rows: list[TermRow]):
        self.ann = ann
        self.row_index = {row.key: i for i, row in enumerate(rows)}
        self.first = {row.first for row in rows if row.first >= 0}
        top = sorted(((m.start, k) for k, m in enumerate(ann.terms) if not m.nested))
        self.starts = [s for s, _ in top]
        self.indexes = [k for _, k in top]
        self.seg_starts = [s.start for s in ann.segments]

    # public -------------------------------------------------------------------------------------
    def body(self, pieces: Iterable[Piece]) -> Markup:
        """An article body: markup as given, text runs escaped and marked."""
        return Markup("".join(p if isinstance(p, str) else self.run(p) for p in pieces))

    def span(self, start: int, end: int) -> Markup:
        """The text ``ann.text[start:end]`` escaped and marked."""
        return self.run(TextRun(self.ann.text[start:end], start))

    def run(self, run: TextRun) -> Markup:
        """One text run escaped, with its marks and language spans."""
        if not run.annotate or (run.start < 0 and run.offsets is None):
            return escape(run.text)
        if run.offsets is None:
            marks = self._marks_in(run.start, run.start + len(run.text), run.start)
            breaks = self._breaks(run.start, run.start + len(run.text))
        else:
            marks, breaks = self._aligned(run.offsets)
        return self._emit(run.text, marks, breaks)

    def mark(self, k: int, text: str) -> str:
        """The ``<mark>`` of mention ``k`` around ``text``."""
        m = self.ann.terms[k]
        row = self.row_index.get(row_key(m), -1)
        classes = f"mg-term mg-c-{css_token(m.category)} mg-s-{css_token(m.source)}"
        if m.status in ("deprecated", "forbidden"):
            classes += " mg-warn"
        ident = f' id="mg-r-{row}"' if k in self.first else ""
        en = (
            f'<span class="mg-en" lang="en">{escape(m.en)}</span>' if m.en and m.lang == self.ann.lang else ""
        )
        return (
            f'<mark class="{classes}"{ident} tabindex="0" aria-describedby="mg-tip" data-r="{row}" '
            f'data-f="{escape(m.lemma)}" data-st="{css_token(m.status or m.source)}">'
            f"{escape(text)}{en}</mark>"
        )

    # internals ----------------------------------------------------------------------------------
    def _marks_in(self, start: int, end: int, base: int) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        k = bisect.bisect_left(self.starts, start)
        while k < len(self.starts) and self.starts[k] < end:
            m = self.ann.terms[self.indexes[k]]
            if m.end <= end and (not out or m.start - base >= out[-1][1]):
                out.append((m.start - base, m.end - base, self.indexes[k]))
            k += 1
        return out

    def _lang(self, offset: int) -> str:
        k = bisect.bisect_right(self.seg_starts, offset) - 1
        return self.ann.segments[k].lang if k >= 0 else self.ann.lang

    def _breaks(self, start: int, end: int) -> list[tuple[int, str]]:
        out = [(0, self._lang(start))]
        k = bisect.bisect_right(self.seg_starts, start)
        while k < len(self.seg_starts) and self.seg_starts[k] < end:
            out.append((self.seg_starts[k] - start, self.ann.segments[k].lang))
            k += 1
        return out

    def _aligned(self, offsets: tuple[int, ...]) -> tuple[list[tuple[int, int, int]], list[tuple[int, str]]]:
        where = {o: i for i, o in enumerate(offsets) if o >= 0}
        known = [o for o in offsets if o >= 0]
        marks: list[tuple[int, int, int]] = []
        breaks: list[tuple[int, str]] = []
        if not known:
            return marks, breaks
        for i, j, k in self._marks_in(known[0], known[-1] + 1, 0):
            a, b = where.get(i), where.get(j - 1)
            if a is not None and b is not None and a <= b:
                marks.append((a, b + 1, k))
        if len(self.ann.segments) > 1:
            for i, o in enumerate(offsets):
                lang = self._lang(o) if o >= 0 else (breaks[-1][1] if breaks else self.ann.lang)
                if not breaks or breaks[-1][1] != lang:
                    breaks.append((i, lang))
        return marks, breaks

    def _emit(self, text: str, marks: list[tuple[int, int, int]], breaks: list[tuple[int, str]]) -> Markup:
        mark_starts = [i for i, _, _ in marks]
        cuts: list[tuple[int, str]] = []
        for pos, lang in breaks or [(0, self.ann.lang)]:
            k = bisect.bisect_right(mark_starts, pos) - 1
            if k >= 0 and marks[k][0] < pos < marks[k][1]:
                pos = marks[k][1]
            if cuts and pos <= cuts[-1][0]:
                cuts[-1] = (cuts[-1][0], lang) if pos == cuts[-1][0] else cuts[-1]
                continue
            cuts.append((pos, lang))
        if cuts[0][0] > 0:
            cuts.insert(0, (0, self.ann.lang))
        out: list[str] = []
        mk = 0
        for n, (start, lang) in enumerate(cuts):
            end = cuts[n + 1][0] if n + 1 < len(cuts) else len(text)
            parts: list[str] = []
            pos = start
            while mk < len(marks) and marks[mk][0] < end:
                i, j, k = marks[mk]
                parts.append(str(escape(text[pos:i])))
                parts.append(self.mark(k, text[i:j]))
                pos = j
                mk += 1
            parts.append(str(escape(text[pos:end])))
            inner = "".join(parts)
            out.append(
                inner
                if lang == self.ann.lang or not inner
                else f'<span class="mg-seg" lang="{lang}">{inner}</span>'
            )
        return Markup("".join(out))
