"""Numbers, doses and units in French and English text, read with each language's conventions.

French writes decimals with a comma and groups thousands with a (narrow no-break) space:
``2,5 %``, ``4 600/mm³``. English writes ``2.5%`` and ``4,600``. A number written the other
language's way is read as that language would read it (``4,600`` is 4.6 in French), except
that a point followed by exactly three digits may be either (``30.103``), so such a number
carries both readings. Numbers glued to letters (``COVID-19``, ``CD4``, ``10E9``, ``2e``) are
identifiers or ordinals, not quantities, and are left out; spelled-out numbers (``trois``,
``three``) are read separately, as evidence that a number is there in words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..typography import normalise

__all__ = ["Quantity", "find_quantities", "number_words", "parse_number", "unit_key"]

_SYMBOLS = {
    "kg": "kg",
    "g": "g",
    "mg": "mg",
    "µg": "µg",
    "mcg": "µg",
    "ug": "µg",
    "ng": "ng",
    "pg": "pg",
    "l": "L",
    "dl": "dL",
    "cl": "cL",
    "ml": "mL",
    "µl": "µL",
    "ul": "µL",
    "cc": "mL",
    "mm3": "mm3",
    "mm³": "mm3",
    "cm3": "mL",
    "cm³": "mL",
    "m2": "m2",
    "m²": "m2",
    "mol": "mol",
    "mmol": "mmol",
    "µmol": "µmol",
    "umol": "µmol",
    "nmol": "nmol",
    "pmol": "pmol",
    "meq": "mEq",
    "ui": "IU",
    "iu": "IU",
    "u": "U",
    "%": "%",
    "‰": "‰",
    "°c": "°C",
    "mmhg": "mmHg",
    "cmh2o": "cmH2O",
    "km": "km",
    "cm": "cm",
    "mm": "mm",
    "kcal": "kcal",
    "gy": "Gy",
    "mgy": "mGy",
    "msv": "mSv",
    "bpm": "bpm",
    "kda": "kDa",
    "h": "h",
    "min": "min",
    "ms": "ms",
}
_WORDS = {
    "fr": {
        "j": "day",
        "jour": "day",
        "jours": "day",
        "semaine": "week",
        "semaines": "week",
        "sem": "week",
        "mois": "month",
        "an": "year",
        "ans": "year",
        "année": "year",
        "années": "year",
        "heure": "h",
        "heures": "h",
        "minute": "min",
        "minutes": "min",
        "seconde": "s",
        "secondes": "s",
        "unité": "U",
        "unités": "U",
        "cp": "tablet",
        "comprimé": "tablet",
        "comprimés": "tablet",
        "gélule": "capsule",
        "gélules": "capsule",
        "goutte": "drop",
        "gouttes": "drop",
        "cellule": "cell",
        "cellules": "cell",
        "paquets-années": "pack-year",
        "paquet-année": "pack-year",
        "pa": "pack-year",
    },
    "en": {
        "day": "day",
        "days": "day",
        "week": "week",
        "weeks": "week",
        "wk": "week",
        "month": "month",
        "months": "month",
        "year": "year",
        "years": "year",
        "yr": "year",
        "hour": "h",
        "hours": "h",
        "hr": "h",
        "minute": "min",
        "minutes": "min",
        "second": "s",
        "seconds": "s",
        "unit": "U",
        "units": "U",
        "tablet": "tablet",
        "tablets": "tablet",
        "capsule": "capsule",
        "capsules": "capsule",
        "drop": "drop",
        "drops": "drop",
        "cell": "cell",
        "cells": "cell",
        "pack-years": "pack-year",
        "pack-year": "pack-year",
        "pack years": "pack-year",
        "pack year": "pack-year",
    },
}
_TIME = {"day", "week", "month", "year", "h", "min", "s", "pack-year"}


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUMBER = re.compile(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?|\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
_UNIT_RE = {
    lang: re.compile(
        rf"(?P<sep> ?|-)(?P<unit>/?(?:{_alternatives([*_SYMBOLS, *words])})(?:/(?:{_alternatives([*_SYMBOLS, *words])}))*)(?![^\W\d_])",
        re.IGNORECASE,
    )
    for lang, words in _WORDS.items()
}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number at ``[start, end)`` (its unit included), its possible ``values`` and its unit."""

    start: int
    end: int
    text: str
    number: str
    values: frozenset[float]
    unit: str | None = None
    unit_text: str | None = None


def parse_number(text: str, lang: str) -> frozenset[float]:
    """The values ``text`` may stand for, read the ``lang`` way (``fr`` or ``en``).

    >>> sorted(parse_number("2,5", "fr")), sorted(parse_number("2.5", "en"))
    ([2.5], [2.5])
    >>> sorted(parse_number("4 600", "fr")), sorted(parse_number("4,600", "en")), sorted(parse_number("4,600", "fr"))
    ([4600.0], [4600.0], [4.6])
    >>> sorted(parse_number("30.103", "fr"))
    [30.103, 30103.0]
    """
    if " " in text:
        spaced = re.fullmatch(r"([\d ]+)(?:[.,](\d+))?", text)
        assert spaced is not None
        digits = spaced.group(1).replace(" ", "")
        return frozenset({float(digits + ("." + spaced.group(2) if spaced.group(2) else ""))})
    seps = [c for c in text if c in ".,"]
    if not seps:
        return frozenset({float(text)})
    if len(seps) > 1:
        # 1,234,567 / 1.234.567 / 4,600.5 / 4.600,5: the last separator is the decimal one when it differs
        last = seps[-1]
        if all(s == last for s in seps):
            return frozenset({float(text.replace(last, ""))})
        return frozenset({float(text.replace(seps[0], "").replace(last, "."))})
    sep = seps[0]
    whole, frac = text.split(sep)
    decimal = float(f"{whole}.{frac}")
    grouped = float(whole + frac)
    three = len(frac) == 3 and len(whole) <= 3 and whole != "0"
    if sep == ",":
        return frozenset({grouped}) if lang == "en" and three else frozenset({decimal})
    return frozenset({decimal, grouped}) if three else frozenset({decimal})


def unit_key(unit: str, lang: str) -> str:
    """The canonical form of a unit written in ``lang``.

    >>> unit_key("mg/kg/j", "fr"), unit_key("mg/kg/day", "en"), unit_key("mcg", "en"), unit_key("/uL", "en")
    ('mg/kg/day', 'mg/kg/day', 'µg', '/µL')
    """
    words = _WORDS.get(lang, {})
    parts = unit.replace("μ", "µ").split("/")
    out = []
    for part in parts:
        low = part.lower()
        out.append("" if not part else words.get(low) or _SYMBOLS.get(low) or part)
    return "/".join(out)


def find_quantities(text: str, lang: str) -> list[Quantity]:
    """The numbers of ``text`` with their units, in text order.

    >>> [(q.number, sorted(q.values), q.unit) for q in find_quantities("5 mg/j pendant 2,5 semaines", "fr")]
    [('5', [5.0], 'mg/day'), ('2,5', [2.5], 'week')]
    >>> [q.number for q in find_quantities("COVID-19, CD4, 10E9/L, 2e ligne, 51-year-old", "en")]
    ['51']
    """
    norm = normalise(text)
    unit_re = _UNIT_RE.get(lang, _UNIT_RE["en"])
    out: list[Quantity] = []
    for m in _NUMBER.finditer(norm):
        start, end = m.start(), m.end()
        before = norm[start - 1] if start else ""
        before2 = norm[start - 2] if start > 1 else ""
        if before and (before.isalnum() or before in "_.,'" or (before in "-/" and before2.isalpha())):
            continue
        after = norm[end : end + 1]
        number = m.group()
        if after.isdigit():
            continue
        u = unit_re.match(norm, end)
        if u is not None and u.group("sep") == "-" and unit_key(u.group("unit"), lang) not in _TIME:
            u = None
        if u is None and (
            after.isalpha() or (after != "" and after in ".," and norm[end + 1 : end + 2].isdigit())
        ):
            continue
        unit_text = u.group("unit") if u else None
        q_end = u.end() if u else end
        out.append(
            Quantity(
                start,
                q_end,
                text[start:q_end],
                number,
                parse_number(number, lang),
                unit_key(unit_text, lang) if unit_text else None,
                unit_text,
            )
        )
    return out


_NUMBER_WORDS = {
    "fr": {
        "zéro": 0,
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "treize": 13,
        "quatorze": 14,
        "quinze": 15,
        "seize": 16,
        "vingt": 20,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "soixante": 60,
        "cent": 100,
        "mille": 1000,
        "premier": 1,
        "première": 1,
        "deuxième": 2,
        "second": 2,
        "seconde": 2,
        "troisième": 3,
        "quatrième": 4,
        "cinquième": 5,
        "douzaine": 12,
        "demi": 0.5,
        "demie": 0.5,
        "moitié": 0.5,
    },
    "en": {
        "zero": 0,
        "one": 1,
        "a": 1,
        "an": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "hundred": 100,
        "thousand": 1000,
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "dozen": 12,
        "half": 0.5,
        "twice": 2,
        "double": 2,
    },
}
_FR_TEENS = {"dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "soixante-dix": 70, "quatre-vingt": 80}


def number_words(text: str, lang: str) -> list[float]:
    """Values of the numbers spelled out in ``text`` (parts of compounds too).

    >>> number_words("Deux patients, dix-huit mois et demi", "fr")
    [2, 18, 0.5]
    >>> number_words("twenty-two weeks", "en")
    [20, 2, 22]
    """
    table = _NUMBER_WORDS.get(lang, {})
    out: list[float] = []
    for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text.lower()):
        if lang == "fr" and word.rstrip("s") in _FR_TEENS:
            out.append(_FR_TEENS[word.rstrip("s")])
            continue
        values = [table.get(part) for part in word.split("-")]
        out.extend(v for v in values if v is not None)
        if len(values) > 1 and all(v is not None for v in values):
            out.append(sum(v for v in values if v is not None))
    return out
