"""Abbreviation definitions in French text, after Schwartz & Hearst (2003).

Handles ``forme longue (SIGLE)``, ``forme longue (ou SIGLE)`` and ``SIGLE (forme longue)``; the
long form is the shortest run of preceding words that the abbreviation's letters can be read from,
in order, the first letter starting a word.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .matching import Tok
from .typography import fold

__all__ = ["Definition", "find_definitions", "initials_form_for", "long_form_for", "looks_like_abbreviation"]

_INTRO = {
    "ou",
    "en",
    "dit",
    "dite",
    "soit",
    "abrege",
    "abregee",
    "sigle",
    "acronyme",
    "anglais",
    "english",
    "i.e.",
    "ie",
}
_STOP_PUNCT = set('.;:!?()[]{}«»"')


@dataclass(frozen=True, slots=True)
class Definition:
    """``short`` is defined by the words of tokens ``[long_start, long_end)``."""

    short: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def looks_like_abbreviation(text: str) -> bool:
    """2–10 characters, starting with a letter or digit, with an upper-case letter, no spaces.

    >>> [looks_like_abbreviation(w) for w in ("JAK", "AVC", "ARNm", "Covid", "le", "COVID-19")]
    [True, True, True, False, False, True]
    """
    if not 2 <= len(text) <= 10 or " " in text or not text[0].isalnum():
        return False
    upper = sum(c.isupper() for c in text)
    return upper >= 2 or (
        upper == 1 and len(text) <= 3 and text[0].isupper() and any(c.isdigit() for c in text)
    )


def long_form_for(short: str, words: Sequence[str]) -> int | None:
    """How many of the trailing ``words`` form the long form of ``short``; None when none fits.

    >>> long_form_for("JAK", ["inhibiteur", "des", "janus", "kinases"])
    2
    >>> long_form_for("AVC", ["un", "accident", "vasculaire", "cérébral"])
    3
    """
    letters = [c for c in fold(short) if c.isalnum()]
    if not letters:
        return None
    text = " ".join(fold(w) for w in words)
    s, t = len(letters) - 1, len(text) - 1
    while s >= 0:
        c = letters[s]
        while t >= 0 and (text[t] != c or (s == 0 and t > 0 and text[t - 1].isalnum())):
            t -= 1
        if t < 0:
            return None
        s -= 1
        t -= 1
    start = text.rfind(" ", 0, t + 1) + 1
    n = text[start:].count(" ") + 1
    return n if n <= len(words) else None


_SKIPPED_WORDS = frozenset(
    {
        "de",
        "du",
        "des",
        "d'",
        "d",
        "et",
        "en",
        "la",
        "le",
        "les",
        "l'",
        "l",
        "a",
        "au",
        "aux",
        "pour",
        "par",
        "sur",
    }
)


def _capitalised(text: str) -> bool:
    return 3 <= len(text) <= 8 and text[0].isupper() and text[1:].islower() and text.isalpha()


def initials_form_for(short: str, words: Sequence[str]) -> int | None:
    """How many trailing ``words`` spell ``short`` by their initials (function words skipped).

    >>> initials_form_for("Csapa", "les centres de soins, d' accompagnement et de prévention en addictologie".split())
    10
    >>> initials_form_for("Csapa", ["les", "centres", "de", "soins"]) is None
    True
    """
    letters = fold(short)
    k = len(letters) - 1
    for n in range(1, len(words) + 1):
        word = fold(words[-n]).strip(",")
        if not word or word in _SKIPPED_WORDS:
            continue
        if word[0] != letters[k]:
            return None
        k -= 1
        if k < 0:
            return n
    return None


def find_definitions(toks: Sequence[Tok]) -> list[Definition]:
    """Abbreviation definitions in the token sequence ``toks``."""
    out: list[Definition] = []
    if not any(t.text == "(" for t in toks):
        return out
    words = [i for i, t in enumerate(toks) if not t.space]
    pos = {tok_i: k for k, tok_i in enumerate(words)}
    for k, i in enumerate(words):
        if toks[i].text != "(":
            continue
        close = next(
            (words[m] for m in range(k + 1, min(k + 14, len(words))) if toks[words[m]].text == ")"), None
        )
        if close is None:
            continue
        content = [
            j for j in words[k + 1 : pos[close]] if fold(toks[j].text) not in _INTRO and toks[j].text != ","
        ]
        before = _preceding_words(toks, words, k)
        if len(content) == 1 and looks_like_abbreviation(toks[content[0]].text) and before:
            short = toks[content[0]].text
            n = long_form_for(
                short, [toks[j].text for j in before[-(min(len(short) + 5, 2 * len(short)) + 2) :]]
            )
            if n:
                span = before[-n:]
                out.append(_definition(toks, short, content[0], span))
        elif len(content) == 1 and before and _capitalised(toks[content[0]].text):
            short = toks[content[0]].text  # "(Csapa)": only when every letter starts a word, in order
            wider = [j for j in _preceding_words(toks, words, k, commas=True) if toks[j].text != ","]
            n = initials_form_for(short, [toks[j].text for j in wider])
            if n:
                out.append(_definition(toks, short, content[0], wider[-n:]))
        elif len(content) >= 2 and k > 0 and looks_like_abbreviation(toks[words[k - 1]].text):
            short_i = words[k - 1]
            n = long_form_for(toks[short_i].text, [toks[j].text for j in content])
            if n and n >= len(content) - 1:
                out.append(_definition(toks, toks[short_i].text, short_i, content[-n:]))
    return out


def _preceding_words(toks: Sequence[Tok], words: list[int], k: int, commas: bool = False) -> list[int]:
    """Token indices of the words before ``words[k]`` back to the previous strong punctuation
    (or comma, unless ``commas``: enumerations inside a long form)."""
    out: list[int] = []
    m = k - 1
    while m >= 0 and len(out) < 16:
        text = toks[words[m]].text
        if text in _STOP_PUNCT or (text == "," and out and not commas):
            break
        if text != ",":
            out.append(words[m])
        m -= 1
    return out[::-1]


def _definition(toks: Sequence[Tok], short: str, short_i: int, span: list[int]) -> Definition:
    return Definition(short, short_i, short_i + 1, span[0], span[-1] + 1)
