"""A checked text and the way back from its offsets to a file, line and column.

A plain article is its own document. A ``.po`` file or a TSV of segment pairs becomes a
*synthetic* document: its segments joined by blank lines, each piece remembering where it came
from (the line of its ``msgstr`` or TSV row, the column of the cell) and where inline markers
for it are written (the entry's comments, the row).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

__all__ = ["Document", "DocumentBuilder", "Piece"]

SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Piece:
    """Characters from ``start`` of a synthetic document come from ``line``:``column`` of the file.

    ``exact``: offsets inside the piece map to columns of that line (a TSV cell); otherwise every
    offset maps to the piece's own position (a ``.po`` string, whose layout is the PO writer's).
    """

    start: int
    line: int
    column: int
    exact: bool
    markers: str = ""


@dataclass(slots=True)
class Document:
    """``text`` in ``lang`` read from ``path``; ``pieces`` when the text is synthetic."""

    path: str
    text: str
    lang: str
    pieces: list[Piece] | None = None
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _piece_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._line_starts = [0] + [i + 1 for i, c in enumerate(self.text) if c == "\n"]
        self._piece_starts = [p.start for p in self.pieces or ()]

    def _line_index(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset) - 1

    def _piece(self, offset: int) -> Piece:
        assert self.pieces
        k = bisect.bisect_right(self._piece_starts, offset) - 1
        return self.pieces[max(k, 0)]

    def locate(self, offset: int) -> tuple[int, int]:
        """The 1-based ``(line, column)`` in the file of character ``offset`` of ``text``."""
        if self.pieces is None:
            k = self._line_index(offset)
            return k + 1, offset - self._line_starts[k] + 1
        piece = self._piece(offset)
        if not piece.exact:
            return piece.line, piece.column
        return piece.line, piece.column + offset - piece.start

    def line_number(self, offset: int) -> int:
        """The 1-based line in the file of ``offset``."""
        return self.locate(offset)[0]

    def marker_lines(self, offset: int) -> tuple[str, str]:
        """Where an inline marker for ``offset`` may be: its line, and the line above."""
        if self.pieces is not None:
            return self._piece(offset).markers, ""
        k = self._line_index(offset)
        lines = self._line_starts

        def line(i: int) -> str:
            end = lines[i + 1] - 1 if i + 1 < len(lines) else len(self.text)
            return self.text[lines[i] : end]

        return line(k), line(k - 1) if k > 0 else ""


class DocumentBuilder:
    """Builds a synthetic document piece by piece."""

    def __init__(self, path: str, lang: str):
        self.path = path
        self.lang = lang
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.size = 0

    def add(
        self, text: str, line: int, column: int = 1, exact: bool = False, markers: str = ""
    ) -> tuple[int, int]:
        """Append ``text`` (one segment); returns its ``(start, end)`` in the document."""
        if self.parts:
            self.parts.append(SEPARATOR)
            self.size += len(SEPARATOR)
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        self.pieces.append(Piece(start, line, column, exact and "\n" not in text, markers))
        return start, self.size

    def build(self) -> Document:
        return Document(self.path, "".join(self.parts), self.lang, self.pieces)
