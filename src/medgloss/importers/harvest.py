"""What a terminology reader hands over: entries as drafts, and the header of the glossary file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..exchange.builder import ConceptDraft, ExchangeReport

__all__ = ["Harvest", "file_date"]


@dataclass(slots=True)
class Harvest:
    """Drafts read from a source, the source's glossary header and how many entries were read.

    ``header`` holds ``domain``, ``description`` (with the attribution the licence asks for),
    ``source``, ``licence`` and ``version``; the file is always written ``read_only``.
    """

    drafts: list[ConceptDraft]
    header: dict[str, Any]
    entries: int
    report: ExchangeReport = field(default_factory=ExchangeReport)


def file_date(path: Path) -> str:
    """The modification date of ``path`` (``YYYY-MM-DD``, UTC), for sources that carry no version."""
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).strftime("%Y-%m-%d")
