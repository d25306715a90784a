"""Sentence boundaries by rule: fast, model-free and the same in every mode."""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_BOUNDARY = re.compile(r"(?<=[.!?…])[\"»”)]?\s+(?=[«\"“(\[]?\s?[A-ZÀ-ÖØ-Þ0-9])")
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:Pr|Dr|Mr|Mme|Mlle|M|St|Ste|cf|vol|al|p|pp|n°|No|vs|env|etc|fig|Fig|J|[A-Z])\.)$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; a line break always ends one, titles included.

    >>> t = "Un titre\\n\\nLe Pr. Martin parle. Les JAK agissent ! Fin"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Un titre', 'Le Pr. Martin parle.', 'Les JAK agissent !', 'Fin']
    """
    out: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start = 0
        for m in _BOUNDARY.finditer(body):
            if _NO_BREAK_AFTER.search(body[start : m.start()]):
                continue
            _add(out, body, offset, start, m.start())
            start = m.end()
        _add(out, body, offset, start, len(body))
        offset += len(line)
    return out


def _add(out: list[tuple[int, int]], body: str, offset: int, start: int, end: int) -> None:
    piece = body[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        out.append((offset + start + lead, offset + start + lead + len(stripped)))
