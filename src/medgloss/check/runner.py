"""Running the rules over a text or a translation: levels from the configuration, inline markers,
findings in file order."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from ..annotation import Mention
from .analysis import analyse, termbase_for
from .context import DocContext, SegmentContext
from .document import Document
from .findings import Finding, Hit
from .inputs import Translation, read_po, read_text, read_translation, read_tsv, suffix_kind
from .registry import Rule
from .rules import RULES
from .suppress import suppressed

__all__ = ["CheckOptions", "FileReport", "check_document", "check_file", "check_translation"]


@dataclass(slots=True)
class CheckOptions:
    """How to check: extra glossaries, the English variant and register asked for, rule levels
    (rule id → ``off`` or a severity; rules not named keep their default severity)."""

    glossary: tuple[str, ...] = ()
    variant: str | None = None
    register: str | None = None
    levels: Mapping[str, str] = field(default_factory=dict)

    def level(self, rule: Rule) -> str:
        return self.levels.get(rule.id, rule.severity)


@dataclass(slots=True)
class FileReport:
    """The findings of one checked file; for a translation, how it was aligned."""

    path: str
    findings: list[Finding]
    alignment: str | None = None
    segments: int = 0


def _findings(doc: Document, rule: Rule, level: str, hits: Iterable[Hit]) -> Iterator[Finding]:
    for hit in hits:
        line, column = doc.locate(hit.start)
        if suppressed(rule.id, *doc.marker_lines(hit.start)):
            continue
        end_line, end_column = doc.locate(hit.end)
        length = end_column - column if end_line == line else 0  # 0: no exact extent on one line
        yield Finding(doc.path, line, column, rule.id, level, hit.message, hit.term, hit.suggestion, length)


def _ordered(findings: Iterable[Finding]) -> list[Finding]:
    unique = dict.fromkeys(findings)
    return sorted(unique, key=lambda f: (f.line, f.column, f.rule, f.message))


def _active(options: CheckOptions, kind: str) -> list[tuple[Rule, str]]:
    return [(r, options.level(r)) for r in RULES.values() if r.kind == kind and options.level(r) != "off"]


def _document_findings(ctx: DocContext, options: CheckOptions) -> list[Finding]:
    out: list[Finding] = []
    for rule, level in _active(options, "document"):
        out.extend(_findings(ctx.doc, rule, level, rule.run(ctx)))
    return out


def check_document(doc: Document, options: CheckOptions | None = None) -> list[Finding]:
    """Findings of the document rules on one text."""
    options = options or CheckOptions()
    analysis = analyse(doc, gated=True, glossary=options.glossary)
    ctx = DocContext(
        doc,
        termbase_for(options.glossary),
        analysis.mentions,
        analysis.definitions,
        analysis.sentences,
        analysis.foreign,
        options.variant,
        options.register,
    )
    return _ordered(_document_findings(ctx, options))


def _within(mentions: list[Mention], starts: list[int], start: int, end: int) -> list[Mention]:
    lo = bisect.bisect_left(starts, start)
    hi = bisect.bisect_left(starts, end)
    return [m for m in mentions[lo:hi] if m.end <= end]


def check_translation(translation: Translation, options: CheckOptions | None = None) -> list[Finding]:
    """Findings on a translation: pair rules on each aligned segment, document rules on the target
    (where a forbidden rendering counts as confirmed when the source segment holds the concept)."""
    options = options or CheckOptions()
    termbase = termbase_for(options.glossary)
    source = analyse(translation.source, gated=True, glossary=options.glossary)
    target = analyse(translation.target, gated=False, glossary=options.glossary)
    source_starts = [m.start for m in source.mentions]
    target_starts = [m.start for m in target.mentions]
    segments = [
        SegmentContext(
            translation.target,
            termbase,
            translation.source,
            pair.source[0],
            pair.source[1],
            pair.target[0],
            pair.target[1],
            _within(source.mentions, source_starts, *pair.source),
            _within(target.mentions, target_starts, *pair.target),
            options.variant,
        )
        for pair in translation.pairs
    ]
    by_target = sorted((seg.start, seg.end, k) for k, seg in enumerate(segments))
    target_segment_starts = [s for s, _e, _k in by_target]

    def source_concepts(offset: int) -> set[str]:
        k = bisect.bisect_right(target_segment_starts, offset) - 1
        if k < 0 or offset >= by_target[k][1]:
            return set()
        seg = segments[by_target[k][2]]
        return {c for m in seg.source_mentions for c in (m.concept_id, *m.ambiguous) if c}

    ctx = DocContext(
        translation.target,
        termbase,
        target.mentions,
        target.definitions,
        target.sentences,
        target.foreign,
        options.variant,
        options.register,
        source_concepts,
    )
    findings = _document_findings(ctx, options)
    for rule, level in _active(options, "pair"):
        for seg in segments:
            findings.extend(_findings(translation.target, rule, level, rule.run(seg)))
    return _ordered(findings)


def check_file(
    path: str,
    *,
    lang: str | None = None,
    source: str | None = None,
    source_lang: str = "fr",
    options: CheckOptions | None = None,
) -> FileReport:
    """Check one file: a ``.po`` or ``.tsv`` translation, a text with its ``source``, or a text
    on its own (in ``lang``, detected when None). Raises InputError for unreadable input."""
    kind = suffix_kind(path)
    if kind == "text" and source is None:
        return FileReport(path, check_document(read_text(path, lang), options))
    if kind == "po":
        translation = read_po(path, source_lang)
    elif kind == "tsv":
        translation = read_tsv(path, source_lang)
    else:
        assert source is not None
        translation = read_translation(source, path, source_lang)
    return FileReport(
        path, check_translation(translation, options), translation.method, len(translation.pairs)
    )
