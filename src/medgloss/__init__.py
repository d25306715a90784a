"""medgloss: find, link and check the medical vocabulary of French health articles (FR→EN).

>>> import medgloss
>>> [t.en for t in medgloss.annotate("La dermatomyosite.", mode="fast").terms]
['dermatomyositis']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Annotation", "Mention", "TermBase", "__version__", "annotate", "annotate_many"]

if TYPE_CHECKING:
    from .annotation import Annotation, Mention
    from .api import annotate, annotate_many
    from .termbase import TermBase

_LAZY = {
    "annotate": "api",
    "annotate_many": "api",
    "Annotation": "annotation",
    "Mention": "annotation",
    "TermBase": "termbase",
}


def __getattr__(name: str) -> Any:
    """Import the API on first use, so that ``import medgloss`` (and ``medgloss --version``) stays quick."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'medgloss' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f"medgloss.{module}"), name)
