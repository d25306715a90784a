"""Cutting an article into translation segments: one per sentence, each on its line.

A segment is a sentence as ``medgloss.sentences`` cuts it, widened so that no character of the line
is lost (a closing quote or bracket after the full stop stays with its sentence). Its ``kind`` says
where it stands: ``title`` (the first line), ``heading`` (a short line standing alone, without final
punctuation) or ``paragraph``.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ..sentences import split_sentences

__all__ = ["KINDS", "TextSegment", "split_segments"]

KINDS = ("title", "heading", "paragraph")
HEADING_MAX = 100
"""Longest line (in characters) still taken for a heading."""


@dataclass(frozen=True, slots=True)
class TextSegment:
    """Characters ``[start, end)`` of the article, on line ``line`` (1-based)."""

    text: str
    start: int
    end: int
    line: int
    kind: str


def split_segments(text: str) -> list[TextSegment]:
    """The segments of ``text``, in reading order.

    >>> t = "Un titre\\n\\nIntertitre\\n\\nPremière phrase (ici.) Seconde « phrase. »\\n"
    >>> [(s.kind, s.line, s.text) for s in split_segments(t)]
    [('title', 1, 'Un titre'), ('heading', 3, 'Intertitre'), ('paragraph', 5, 'Première phrase (ici.)'), ('paragraph', 5, 'Seconde « phrase. »')]
    """
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    by_line: dict[int, list[int]] = {}
    for start, _end in split_sentences(text):
        no = _line_of(starts, start)
        by_line.setdefault(no, []).append(start)
    out: list[TextSegment] = []
    title_seen = False
    for no, sentence_starts in sorted(by_line.items()):
        line = lines[no - 1].rstrip("\r")
        line_end = starts[no - 1] + len(line)
        kind = "paragraph"
        if not title_seen:
            kind, title_seen = "title", True
        elif _stands_alone(lines, no) and len(line.strip()) <= HEADING_MAX and not _ends_sentence(line):
            kind = "heading"
        bounds = [*sentence_starts, line_end]
        for start, end in pairwise(bounds):
            piece = text[start:end].rstrip()
            out.append(TextSegment(piece, start, start + len(piece), no, kind))
    return out


def _line_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo + 1


def _stands_alone(lines: list[str], no: int) -> bool:
    before = lines[no - 2].strip() if no >= 2 else ""
    after = lines[no].strip() if no < len(lines) else ""
    return not before and not after


def _ends_sentence(line: str) -> bool:
    return line.rstrip().rstrip('"»”)').rstrip()[-1:] in (".", "!", "?", "…", ":", ";")
