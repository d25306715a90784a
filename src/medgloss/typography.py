"""Typography normalisation and the folded keys the matcher compares.

``normalise`` is length-preserving (one character in, one character out), so every offset in the
normalised text is also an offset into the original text: the offset map is the identity, and no
span ever has to be mapped back. What cannot be replaced one-for-one (ligatures, soft hyphens,
zero-width characters) is handled in ``fold`` instead, which only builds comparison keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "inflection_key", "normalise"]

_ONE_FOR_ONE = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark, the French typographic apostrophe
        "\u2018": "'",
        "\u02bc": "'",  # modifier letter apostrophe
        "\u2032": "'",  # prime, often typed for an apostrophe
        "\u00b4": "'",
        "`": "'",
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2212": "-",  # minus sign
        "\u00ad": "\u00ad",  # soft hyphen: kept here, dropped by fold()
        "\t": " ",
        "\f": "\n",
        "\v": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
        "\u0085": "\n",
    }
)
_CR = re.compile(r"\r\n?")


def normalise(text: str) -> str:
    """Normalise typography for spaCy without changing the length of ``text``.

    >>> normalise("l\u2019inhibiteur\u00a0: 5\u202f%")
    "l'inhibiteur : 5 %"
    """
    out = text.translate(_ONE_FOR_ONE)
    if "\r" in out:
        out = _CR.sub(lambda m: " \n" if len(m.group()) == 2 else "\n", out)
    return out


_FOLD_EXTRA = str.maketrans(
    {"œ": "oe", "æ": "ae", "ß": "ss", "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": ""}
)


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case, accent-free, ligature-free form of ``text`` for comparisons.

    >>> fold("Œdème AUTO-IMMUNE")
    'oedeme auto-immune'
    """
    text = normalise(text).lower().translate(_FOLD_EXTRA)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_FEMININE = (
    ("euse", "eu"),
    ("ive", "if"),
    ("elle", "el"),
    ("enne", "en"),
    ("ere", "er"),
    ("ette", "et"),
)


_IRREGULAR_PLURALS = {"maux": "mal", "yeux": "oeil"}
"""Folded plurals no ending rule reaches: *maux de dos*, *yeux*."""


@lru_cache(maxsize=200_000)
def inflection_key(word: str) -> str:
    """A key shared by the singular/plural and masculine/feminine forms of a French word.

    Both glossary terms and text tokens go through it, so it only has to be consistent, not a
    linguistic lemma: it folds case and accents, drops hyphens inside the word, then plural and
    feminine endings.

    >>> [inflection_key(w) for w in ("auto-immunes", "autoimmun", "Interstitielles", "hôpitaux")]
    ['autoimmun', 'autoimmun', 'interstitiel', 'hopital']
    >>> [inflection_key(w) for w in ("vaisseaux", "vaisseau", "compliquées", "compliqué", "diarrhée")]
    ['vaisseau', 'vaisseau', 'complique', 'complique', 'diarrh']
    >>> [inflection_key(w) for w in ("maux", "mal", "yeux", "œil")]
    ['mal', 'mal', 'oeil', 'oeil']
    """
    w = fold(word).replace("-", "").replace("'", "")
    if w in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[w]
    if len(w) <= 2 or not w.isalpha():
        return w
    if len(w) == 3:  # "nés" / "né": only the plural
        return w[:-1] if w[-1] in "sx" else w
    if w.endswith("eaux") and len(w) > 5:  # "vaisseaux": "vaisseau"
        return w[:-1]
    if w.endswith("aux") and len(w) > 4:
        return w[:-3] + "al"
    if w[-1] in "sx":
        w = w[:-1]
    for fem, masc in _FEMININE:
        if w.endswith(fem) and len(w) > len(fem) + 1:
            return w[: -len(fem)] + masc
    if w.endswith("ee") and len(w) > 5:  # "compliquée" as "compliqué", "déplacée" as "déplacé"
        w = w[:-1]
    if len(w) > 4 and w.endswith("e") and w[-2] not in "aeiouy":
        return w[:-1]
    return w
