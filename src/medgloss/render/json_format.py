"""The JSON output (the contract of DESIGN.md), enriched with glossary data renderers share."""

from __future__ import annotations

import json

from ..annotation import Annotation
from ..termbase import TermBase

__all__ = ["render_json"]


def render_json(ann: Annotation, termbase: TermBase) -> str:
    """The annotation as pretty-printed JSON (one object per article)."""
    del termbase  # the mentions already carry what the contract needs
    return json.dumps(ann.to_json(), ensure_ascii=False, indent=2) + "\n"
