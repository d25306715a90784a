"""The small word lists shipped in ``medgloss/data/``, read with importlib.resources."""

from __future__ import annotations

from importlib import resources

__all__ = ["data_lines"]


def data_lines(name: str) -> list[str]:
    """The lines of ``data/<name>``, stripped, without blank lines and ``#`` comments."""
    text = (resources.files("medgloss") / "data" / name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
