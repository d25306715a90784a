"""Project configuration: ``.medgloss.toml`` or ``[tool.medgloss]`` in ``pyproject.toml``.

The nearest of the two, from the current directory upwards, is used. Keys:
``glossary`` (list of paths, relative to the config file), ``variant`` (``en-GB``/``en-US``) and
``[rules]`` / ``[tool.medgloss.rules]`` (rule id → ``off`` or a severity, for ``medgloss check``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import MedglossError

__all__ = ["Config", "find_config", "load_config"]


@dataclass(slots=True)
class Config:
    """What the configuration file says (empty when there is none)."""

    path: Path | None = None
    glossary: list[str] = field(default_factory=list)
    variant: str | None = None
    rules: dict[str, str] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict)


def find_config(start: Path | None = None) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration file and its medgloss table, or None."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / ".medgloss.toml"
        if own.is_file():
            return own, _read(own)
        project = folder / "pyproject.toml"
        if project.is_file():
            table = _read(project).get("tool", {}).get("medgloss")
            if isinstance(table, dict):
                return project, table
    return None


def load_config(start: Path | None = None) -> Config:
    """The configuration in force for ``start`` (default: the current directory)."""
    found = find_config(start)
    if found is None:
        return Config()
    path, table = found
    glossary = table.get("glossary", [])
    if isinstance(glossary, str):
        glossary = [glossary]
    rules = table.get("rules", {})
    if not isinstance(glossary, list) or not isinstance(rules, dict):
        raise MedglossError("'glossary' must be a list of paths and 'rules' a table", path)
    return Config(
        path=path,
        glossary=[str((path.parent / g).resolve()) for g in glossary],
        variant=table.get("variant"),
        rules={str(k): str(v) for k, v in rules.items()},
        raw=table,
    )


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise MedglossError(f"cannot read configuration: {err}", path) from None
