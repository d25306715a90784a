"""The Python API: ``annotate`` and ``annotate_many`` over a cached spaCy pipeline.

>>> ann = annotate("Un inhibiteur de JAK contre la dermatomyosite.", mode="fast")
>>> [(t.text, t.en) for t in ann.top_terms]
[('inhibiteur de JAK', 'JAK inhibitor'), ('dermatomyosite', 'dermatomyositis')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

import spacy
from spacy.language import Language

from .annotation import Annotation, annotation_from_json
from .language import Segment
from .pipeline import KeepText
from .spacy_french import import_french
from .typography import normalise

__all__ = ["MODES", "annotate", "annotate_many", "build_pipeline", "pipeline"]

MODES = ("full", "fast")
MODEL = "fr_core_news_sm"
CHUNK = 100_000
"""Longer texts are cut at paragraph breaks into pieces of about this many characters."""


def pipeline(
    mode: str = "full", glossary: tuple[str, ...] = (), variant: str = "en-GB", serializable: bool = False
) -> Language:
    """The spaCy pipeline for ``mode``, built once per set of arguments (however they are passed).

    ``full`` runs the French model's tagger and lemmatizer (no parser, no NER) for candidates;
    ``fast`` runs only the tokenizer and the glossary matcher.
    """
    return _pipeline(mode, tuple(glossary), variant, serializable)


@lru_cache(maxsize=8)
def _pipeline(mode: str, glossary: tuple[str, ...], variant: str, serializable: bool) -> Language:
    return build_pipeline(mode, glossary, variant, serializable)


def build_pipeline(
    mode: str = "full", glossary: Sequence[str] = (), variant: str = "en-GB", serializable: bool = False
) -> Language:
    """A new spaCy pipeline for ``mode`` (``pipeline`` keeps one per set of arguments)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    import_french()
    nlp = spacy.blank("fr") if mode == "fast" else spacy.load(MODEL, exclude=["parser", "ner", "senter"])
    nlp.max_length = CHUNK * 2
    nlp.tokenizer = KeepText(nlp.tokenizer)
    nlp.add_pipe(
        "medgloss",
        config={
            "glossary": list(glossary),
            "candidates": mode == "full",
            "variant": variant,
            "serializable": serializable,
        },
    )
    return nlp


def annotate(
    text: str,
    *,
    source: str | None = None,
    mode: str = "full",
    glossary: Sequence[str] = (),
    variant: str = "en-GB",
    encoding: str = "utf-8",
) -> Annotation:
    """Annotate one French article (``text`` as decoded; offsets point into it)."""
    return next(
        annotate_many(
            [text], sources=[source], mode=mode, glossary=glossary, variant=variant, encoding=encoding
        )
    )


def annotate_many(
    texts: Iterable[str],
    *,
    sources: Iterable[str | None] | None = None,
    mode: str = "full",
    glossary: Sequence[str] = (),
    variant: str = "en-GB",
    n_process: int = 1,
    batch_size: int = 16,
    encoding: str = "utf-8",
) -> Iterator[Annotation]:
    """Annotate articles as a stream (``nlp.pipe``; ``n_process`` > 1 uses worker processes)."""
    nlp = pipeline(mode, tuple(str(g) for g in glossary), variant, n_process > 1)
    names = iter(sources) if sources is not None else iter(())
    originals: dict[int, str] = {}

    def pieces() -> Iterator[tuple[str, tuple[int, int, bool]]]:
        for number, text in enumerate(texts):
            originals[number] = text
            chunks = _chunks(text)
            for k, (start, end) in enumerate(chunks):
                yield normalise(text[start:end]), (number, start, k == len(chunks) - 1)

    parts: list[tuple[int, Annotation]] = []
    for doc, (number, start, last) in nlp.pipe(
        pieces(), as_tuples=True, n_process=n_process, batch_size=batch_size
    ):
        ann = doc._.medgloss
        parts.append(
            (start, annotation_from_json({**ann, "text": doc.text}) if isinstance(ann, dict) else ann)
        )
        if last:
            text = originals.pop(number)
            merged = _merge(parts, text)
            parts = []
            yield replace(merged, source=next(names, None), encoding=encoding)


def _chunks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` pieces of ``text`` of about ``CHUNK`` characters, cut at paragraph breaks."""
    if len(text) <= CHUNK:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK)
        if end < len(text):
            cut = text.rfind("\n\n", start + CHUNK // 2, end)
            if cut < 0:
                cut = text.rfind("\n", start + CHUNK // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + CHUNK // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append((start, end))
        start = end
    return out


def _merge(parts: list[tuple[int, Annotation]], text: str) -> Annotation:
    """One annotation of ``text`` from the annotations of its pieces (offsets shifted)."""
    first = parts[0][1]
    merged = Annotation(text=text, lang=first.lang, mode=first.mode)
    line_offset = 0
    for start, ann in parts:
        base = len(merged.terms)
        for m in ann.terms:
            merged.terms.append(
                replace(
                    m,
                    start=m.start + start,
                    end=m.end + start,
                    text=text[m.start + start : m.end + start],
                    parent=None if m.parent is None else m.parent + base,
                    line=m.line + line_offset,
                )
            )
        merged.abbreviations.extend(
            replace(
                a,
                start=a.start + start,
                end=a.end + start,
                long_start=a.long_start + start,
                long_end=a.long_end + start,
                long=text[a.long_start + start : a.long_end + start],
                short=text[a.start + start : a.end + start],
            )
            for a in ann.abbreviations
        )
        merged.sentences.extend((s + start, e + start) for s, e in ann.sentences)
        for seg in ann.segments:
            shifted = Segment(seg.start + start, seg.end + start, seg.lang)
            if (
                merged.segments
                and merged.segments[-1].lang == seg.lang
                and merged.segments[-1].end == shifted.start
            ):
                merged.segments[-1] = Segment(merged.segments[-1].start, shifted.end, seg.lang)
            else:
                merged.segments.append(shifted)
        line_offset += ann.text.count("\n")
    return merged
