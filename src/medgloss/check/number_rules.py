"""Rules on numbers, doses and units: notation in one text, agreement between source and target."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..i18n import _
from .context import DocContext, SegmentContext
from .findings import Hit
from .numbers import Quantity, find_quantities, number_words
from .registry import rule

__all__ = ["compare_quantities", "number_format", "number_mismatch", "unit_mismatch", "unit_notation"]

_STANDARD_UNITS = {
    "fr": {"mcg": "µg", "ug": "µg", "ul": "µL", "umol": "µmol", "cc": "mL", "iu": "UI"},
    "en": {"ug": "µg", "ul": "µL", "umol": "µmol", "cc": "mL", "ui": "IU"},
}


def _local(q: Quantity, ctx: DocContext) -> bool:
    return not ctx.is_foreign(q.start)


@rule("number-format", "warning")
def number_format(ctx: DocContext) -> Iterator[Hit]:
    """A decimal measure written the other language's way (2.5 mg in French, 2,5 mg in English)."""
    for q in find_quantities(ctx.doc.text, ctx.lang):
        number = q.number
        if q.unit is None or not _local(q, ctx) or " " in number or len(re.findall(r"[.,]", number)) != 1:
            continue
        whole, sep, frac = re.split(r"([.,])", number)
        rest = q.text[len(number) :]
        if ctx.lang == "fr" and sep == ".":
            fixed = f"{whole},{frac}{rest}"
            if len(frac) == 3:
                message = _(
                    "'{text}': French writes decimals with a comma and groups thousands with a space "
                    "('{decimal}' or '{grouped}')"
                ).format(text=q.text, decimal=fixed, grouped=f"{whole} {frac}{rest}")
            else:
                message = _("'{text}': French writes decimals with a comma ('{fixed}')").format(
                    text=q.text, fixed=fixed
                )
            yield Hit(q.start, q.end, message, q.text, fixed)
        elif ctx.lang == "en" and sep == "," and len(frac) != 3:
            fixed = f"{whole}.{frac}{rest}"
            message = _("'{text}': English writes decimals with a point ('{fixed}')").format(
                text=q.text, fixed=fixed
            )
            yield Hit(q.start, q.end, message, q.text, fixed)


@rule("unit-notation", "warning")
def unit_notation(ctx: DocContext) -> Iterator[Hit]:
    """A unit in a non-standard notation (mcg or ug for µg in French, UI for IU in English)."""
    table = _STANDARD_UNITS.get(ctx.lang, {})
    for q in find_quantities(ctx.doc.text, ctx.lang):
        if q.unit_text is None or not _local(q, ctx):
            continue
        offset = q.end - len(q.unit_text)
        for part in re.finditer(r"[^/]+", q.unit_text):
            standard = table.get(part.group().lower())
            if standard is None:
                continue
            start = offset + part.start()
            message = _("'{unit}' is not the standard notation: write '{standard}'").format(
                unit=part.group(), standard=standard
            )
            yield Hit(start, offset + part.end(), message, part.group(), standard)


@dataclass(slots=True)
class Comparison:
    """Quantities of a segment: matched pairs, source ones not found, target ones not in the source."""

    pairs: list[tuple[Quantity, Quantity]]
    missing: list[Quantity]
    extra: list[Quantity]


def _same_unit(a: str | None, b: str | None) -> bool:
    """Units agree when equal, when one is missing, or when one starts the other (*mg* written
    with *per day* in words against *mg/j*)."""
    if a is None or b is None or a == b:
        return True
    pa, pb = a.split("/"), b.split("/")
    n = min(len(pa), len(pb))
    return pa[:n] == pb[:n]


def compare_quantities(seg: SegmentContext) -> Comparison:
    """Match the quantities of the source and target of ``seg`` by value, same units first;
    spelled-out numbers on the other side account for a number (*trois semaines* / *3 weeks*)."""
    source = find_quantities(seg.source_text, seg.source.lang)
    target = find_quantities(seg.target_text, seg.doc.lang)
    free = list(target)
    pairs: list[tuple[Quantity, Quantity]] = []
    pending = source
    unmatched: list[Quantity] = []
    for strict in (True, False):
        unmatched = []
        for q in pending:
            t = next((t for t in free if q.values & t.values and (not strict or t.unit == q.unit)), None)
            if t is None:
                unmatched.append(q)
                continue
            free.remove(t)
            pairs.append((q, t))
        pending = unmatched
    target_words = set(number_words(seg.target_text, seg.doc.lang))
    source_words = set(number_words(seg.source_text, seg.source.lang))
    missing = [q for q in unmatched if not q.values & target_words]
    extra = [t for t in free if not t.values & source_words]
    pairs.sort(key=lambda p: p[1].start)
    return Comparison(pairs, missing, extra)


def _in_target(seg: SegmentContext, q: Quantity) -> tuple[int, int]:
    return seg.start + q.start, seg.start + q.end


def _value(q: Quantity) -> str:
    return " / ".join(f"{v:g}" for v in sorted(q.values))


@rule("number-mismatch", "error", kind="pair")
def number_mismatch(seg: SegmentContext) -> Iterator[Hit]:
    """A number or dose of the source missing, changed or added in the translation (5 mg / 50 mg)."""
    comparison = compare_quantities(seg)
    changed = list(zip(comparison.missing, comparison.extra, strict=False))
    line = seg.source_line
    for s, t in changed:
        start, end = _in_target(seg, t)
        if s.number == t.number:  # the same digits, read differently: "4,600" is 4.6 in French
            message = _(
                "'{target}' reads as {value} here, but the source's '{source}' is {source_value}"
            ).format(target=t.text, value=_value(t), source=s.text, source_value=_value(s))
        else:
            message = _("'{target}' here but '{source}' in the source (line {line})").format(
                target=t.text, source=s.text, line=line
            )
        yield Hit(start, end, message, t.text, s.text)
    for s in comparison.missing[len(changed) :]:
        message = _("'{source}' (source line {line}) is missing from the translation").format(
            source=s.text, line=line
        )
        yield Hit(seg.start, seg.start, message, s.text, s.text)
    for t in comparison.extra[len(changed) :]:
        start, end = _in_target(seg, t)
        message = _("'{target}' is not in the source (line {line})").format(target=t.text, line=line)
        yield Hit(start, end, message, t.text, None)


@rule("unit-mismatch", "error", kind="pair")
def unit_mismatch(seg: SegmentContext) -> Iterator[Hit]:
    """A number translated with another unit than the source's (5 mg / 5 g, mg/dL / mg/L)."""
    for s, t in compare_quantities(seg).pairs:
        if _same_unit(s.unit, t.unit):
            continue
        start, end = _in_target(seg, t)
        message = _("'{target}' here but '{source}' in the source (line {line}): the unit differs").format(
            target=t.text, source=s.text, line=seg.source_line
        )
        yield Hit(start, end, message, t.text, s.text)
