"""Renderers: one function per output format, looked up by name.

Each renderer takes an ``Annotation`` and the ``TermBase`` it was made with and returns the text
of the output file. ``RENDERERS`` maps a format name to ``(file suffix, function)``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..annotation import Annotation
from ..termbase import TermBase
from .json_format import render_json

__all__ = ["RENDERERS", "Renderer"]

Renderer = Callable[[Annotation, TermBase], str]

RENDERERS: dict[str, tuple[str, Renderer]] = {
    "json": (".json", render_json),
}
