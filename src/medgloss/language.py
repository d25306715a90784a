"""Language segments: which parts of an article are French and which are English.

Each line is cut into sentences (and «quoted» or "quoted" passages of four words or more); each
piece long enough to judge is classified French or English with py3langid (restricted to those two
languages) cross-checked by stop-word counts; pieces too short to judge (an author list, a date)
take the language of the piece before them in the same paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

from .spacy_french import french_stop_words

__all__ = ["Segment", "classify", "segment_languages"]

_FR_STOP = french_stop_words()
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_QUOTED = re.compile(r"«\s*([^«»]{12,}?)\s*»|“([^“”]{12,}?)”|\"([^\"]{12,}?)\"")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_EN_ONLY = frozenset(EN_STOP - _FR_STOP - {"a", "as", "on", "son", "plus", "i", "me", "ne", "pas"})
_ELIDED = frozenset({"l'", "d'", "l’", "d’"})
_FR_ONLY = frozenset(_FR_STOP - EN_STOP - {"a", "as", "on", "son", "plus", "i", "me", "ne", "pas", "an"})


@dataclass(frozen=True, slots=True)
class Segment:
    """Characters ``[start, end)`` are in ``lang`` (``fr`` or ``en``)."""

    start: int
    end: int
    lang: str


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(["fr", "en"])
    return ident


def _stop_counts(words: list[str]) -> tuple[int, int]:
    """How many English-only and French-only stop words (and French elisions) ``words`` holds."""
    en = sum(map(_EN_ONLY.__contains__, words))
    fr = sum(map(_FR_ONLY.__contains__, words)) + sum(w[:2] in _ELIDED for w in words if "'" in w or "’" in w)
    return en, fr


def _clearly_french(line: str) -> bool:
    """A whole line that stop words alone show to be French, with no quotation to look into."""
    if any(q in line for q in '«“"'):
        return False
    en, fr = _stop_counts(_WORDS.findall(line.lower()))
    return fr >= 3 and en * 4 <= fr


def classify(text: str) -> str | None:
    """``fr``, ``en``, or None when ``text`` is too short or too mixed to tell.

    >>> classify("Successful treatment of extensive calcifications in dermatomyositis with tofacitinib.")
    'en'
    >>> classify("La dermatomyosite est due à un dérèglement du système immunitaire.")
    'fr'
    >>> classify("Wendel S, Venhoff N, Frye BC.") is None
    True
    """
    words = [w.lower() for w in _WORDS.findall(text)]
    if len(words) < 4:
        return None
    en, fr = _stop_counts(words)
    if en >= 2 and en > 2 * fr:
        return "en"
    if fr >= 2 and fr > 2 * en:
        return "fr"
    lang, prob = _identifier().classify(text)
    if prob >= 0.95 and (en + fr == 0 or (lang == "en") == (en > fr)) and len(words) >= 6:
        return str(lang)
    return None


def segment_languages(text: str, default: str = "fr") -> list[Segment]:
    """Contiguous French and English segments covering ``text``."""
    pieces: list[tuple[int, int, str]] = []
    para_lang = default
    offset = 0
    for line in text.splitlines(keepends=True):
        if not line.strip():
            para_lang = default if not pieces or pieces[-1][2] == default else para_lang
            pieces.append((offset, offset + len(line), para_lang))
            offset += len(line)
            continue
        if _clearly_french(line):
            pieces.append((offset, offset + len(line), "fr"))
            para_lang = "fr"
            offset += len(line)
            continue
        for m in _SENTENCE.finditer(line):
            start, end = offset + m.start(), offset + m.end()
            lang = classify(m.group()) or para_lang
            para_lang = lang
            inner = _quoted(m.group(), start, lang)
            pieces.extend(inner or [(start, end, lang)])
        offset += len(line)
    return _merge(pieces, len(text), default)


def _quoted(sentence: str, base: int, lang: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    pos = 0
    for q in _QUOTED.finditer(sentence):
        group = next(g for g in (1, 2, 3) if q.group(g))
        qlang = classify(q.group(group))
        if qlang and qlang != lang:
            out.append((base + pos, base + q.start(group), lang))
            out.append((base + q.start(group), base + q.end(group), qlang))
            pos = q.end(group)
    if out:
        out.append((base + pos, base + len(sentence), lang))
    return out


def _merge(pieces: list[tuple[int, int, str]], length: int, default: str) -> list[Segment]:
    segments: list[Segment] = []
    cursor = 0
    for start, end, lang in sorted(pieces):
        start = max(start, cursor)
        if end <= start:
            continue
        if segments and segments[-1].lang == lang:
            segments[-1] = Segment(segments[-1].start, end, lang)
        elif segments and start > segments[-1].end:
            segments[-1] = Segment(segments[-1].start, start, segments[-1].lang)
            segments.append(Segment(start, end, lang))
        else:
            segments.append(Segment(segments[-1].end if segments else 0, end, lang))
        cursor = end
    if not segments:
        return [Segment(0, length, default)] if length else []
    if segments[-1].end < length:
        segments[-1] = Segment(segments[-1].start, length, segments[-1].lang)
    return segments
