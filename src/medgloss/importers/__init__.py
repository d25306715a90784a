"""Importers of open terminologies: HPO (French), ICD-11 and Orphanet, into read-only glossary files.

``import_source(name, paths)`` reads a source with its reader (``hpo``, ``icd11``, ``orphanet``),
leaves out what would be noise in articles (``noise``: common words, one- or two-letter
abbreviations, forms the bundled glossary already has; each reader also skips the parts of its
source that are not clinical vocabulary), turns the entries into valid concepts
(``exchange.builder.finish``) and returns them with the header of the glossary file to write:
source, licence, version, attribution and ``read_only = true``. ``medgloss glossary import --from
SOURCE`` writes that file; use it with ``--glossary``. See docs/importers.md.

>>> sorted(SOURCES)
['hpo', 'icd11', 'orphanet']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..exchange.builder import ExchangeReport, ImportResult, finish
from ..glossary_validate import form_key
from ..i18n import _
from ..model import Concept
from .harvest import Harvest
from .hpo import read_hpo
from .icd11 import read_icd11
from .noise import NoiseFilter, bundled_forms
from .orphanet import read_orphanet

__all__ = ["SOURCES", "NoiseFilter", "import_source"]

Reader = Callable[[Sequence[str | Path], int | None, bool, str | None], Harvest]


SOURCES: dict[str, Reader] = {
    "hpo": lambda paths, limit, everything, version: read_hpo(paths, limit=limit, version=version),
    "icd11": lambda paths, limit, everything, version: read_icd11(
        paths, limit=limit, everything=everything, version=version
    ),
    "orphanet": lambda paths, limit, everything, version: read_orphanet(
        paths, limit=limit, everything=everything, version=version
    ),
}
"""The reader of each importable source: ``(paths, limit, everything, version) -> Harvest``."""


def import_source(
    name: str,
    paths: Sequence[str | Path] = (),
    *,
    limit: int | None = None,
    filtered: bool = True,
    noise: NoiseFilter | None = None,
    version: str | None = None,
    domain: str | None = None,
) -> tuple[ImportResult, dict[str, Any]]:
    """The concepts of source ``name`` read from ``paths``, and the header of their glossary file.

    ``limit`` reads only the first entries of the source; ``filtered=False`` keeps everything
    (no noise filter, every branch); ``noise`` replaces the default filter (common words,
    abbreviations of one or two letters, forms of the bundled glossary); ``version`` names the
    source's version when the files do not tell it. Raises InputError for unreadable sources.
    """
    harvest = SOURCES[name](paths, limit, not filtered, version)
    drafts = harvest.drafts
    if filtered:
        drafts = (noise or NoiseFilter(known=bundled_forms())).apply(drafts, harvest.report)
    domain = domain or str(harvest.header["domain"])
    concepts = finish(drafts, harvest.report, domain=domain)
    concepts = _first_of_each_label(concepts, harvest.report)
    header = {**harvest.header, "domain": domain, "read_only": True}
    return ImportResult(concepts, harvest.report, name, harvest.entries), header


def _first_of_each_label(concepts: list[Concept], report: ExchangeReport) -> list[Concept]:
    """Concepts without those whose French preferred term an earlier one of the domain prefers
    (two concepts of one domain may not share it: validation refuses the file)."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for concept in concepts:
        pref = concept.preferred("fr")
        key = (concept.domain, form_key(pref)) if pref is not None else None
        if key is not None and key in seen:
            report.add(
                _("entries whose French label an earlier entry already has not imported"),
                f"{concept.id}: {pref.text if pref else ''}",
            )
            continue
        if key is not None:
            seen.add(key)
        kept.append(concept)
    return kept
