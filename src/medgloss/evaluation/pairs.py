"""Third-party French–English term pairs: Mantra GSC derived pairs and the TICO-19 term lists."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _
from .documents import CorpusError, read_utf8

__all__ = ["TermPair", "read_mantra_pairs", "read_tico_terms"]


@dataclass(frozen=True, slots=True)
class TermPair:
    """A French term and the English term a third party gives for it."""

    fr: str
    en: str
    source: str
    group: str | None = None
    line: int | None = None


def read_mantra_pairs(path: str | Path, source: str = "mantra") -> list[TermPair]:
    """``mantra-gsc/derived/fr_en_term_pairs.tsv``: CUIs annotated in both units of an FR–EN pair.

    Columns: subcorpus, pair_id, cui, semantic_group, fr_surface, en_surface.
    """
    p = Path(path)
    rows = list(csv.DictReader(io.StringIO(read_utf8(p)), delimiter="\t"))
    need = {"semantic_group", "fr_surface", "en_surface"}
    if rows and not need <= set(rows[0]):
        raise CorpusError(_("expected columns {columns}").format(columns=", ".join(sorted(need))), p, 1)
    return [
        TermPair(r["fr_surface"].strip(), r["en_surface"].strip(), source, r["semantic_group"], n)
        for n, r in enumerate(rows, 2)
        if r["fr_surface"] and r["en_surface"]
    ]


def read_tico_terms(path: str | Path, source: str = "tico") -> list[TermPair]:
    """A TICO-19 term list (``sourceLang``, ``targetLang``, ``sourceString``, ``targetString`` columns).

    Lists go EN→FR or FR→EN; either way each row gives one French and one English term.
    """
    p = Path(path)
    rows = list(csv.DictReader(io.StringIO(read_utf8(p))))
    need = {"sourceLang", "targetLang", "sourceString", "targetString"}
    if rows and not need <= set(rows[0]):
        raise CorpusError(_("expected columns {columns}").format(columns=", ".join(sorted(need))), p, 1)
    out = []
    for n, r in enumerate(rows, 2):
        src, tgt = r["sourceString"].strip(), r["targetString"].strip()
        if not src or not tgt:
            continue
        if r["sourceLang"].lower().startswith("fr"):
            out.append(TermPair(src, tgt, source, line=n))
        else:
            out.append(TermPair(tgt, src, source, line=n))
    return out
