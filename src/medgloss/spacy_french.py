"""Import spaCy's French language data in a third of the time.

``spacy.lang.fr`` compiles, at import, one regular expression of several hundred alternatives that
each repeat the same large Unicode character classes; Python's regex compiler optimises every copy
of a class again (``re._compiler._optimize_charset``, two thirds of the 1.5–3 s the import takes).
That function is pure, so while the module is imported its results are memoised: the compiled
patterns are the same, the cold start of ``medgloss annotate`` is about 1.5 s shorter. Without
the private function (another Python), the import simply runs at its usual speed.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["french_stop_words", "import_french"]


@contextlib.contextmanager
def _memoised_charsets() -> Iterator[None]:
    compiler: Any = getattr(re, "_compiler", None)
    optimise: Callable[..., tuple[list[Any], bool]] | None = getattr(compiler, "_optimize_charset", None)
    if optimise is None:
        yield
        return
    cache: dict[Any, tuple[list[Any], bool]] = {}

    def memoised(
        charset: Any, iscased: Any = None, fixup: Any = None, fixes: Any = None
    ) -> tuple[list[Any], bool]:
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            hit = cache.get(key)
        except TypeError:  # an unhashable item: no memo for this one
            return optimise(charset, iscased, fixup, fixes)
        if hit is None:
            hit = cache[key] = optimise(charset, iscased, fixup, fixes)
        return list(hit[0]), hit[1]

    compiler._optimize_charset = memoised
    try:
        yield
    finally:
        compiler._optimize_charset = optimise


def import_french() -> None:
    """Import ``spacy.lang.fr`` (once per process) with the memoised regex compiler."""
    if "spacy.lang.fr" in sys.modules:
        return
    with _memoised_charsets():
        import spacy.lang.fr  # noqa: F401


def french_stop_words() -> frozenset[str]:
    """spaCy's French stop words."""
    import_french()
    from spacy.lang.fr.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
