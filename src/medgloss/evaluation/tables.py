"""Evaluation reports as plain-text or Markdown tables (labels through ``_()``)."""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import _
from .agreement import AgreementReport
from .coverage import CoverageReport
from .extractor import ExtractorReport
from .scoring import PRF

__all__ = ["agreement_tables", "coverage_tables", "extractor_tables", "render_table"]

MAX_DOCUMENT_ROWS = 20
"""Per-document scores are listed for corpora of at most this many documents."""


def render_table(headers: Sequence[str], rows: Sequence[Sequence[object]], *, markdown: bool = False) -> str:
    """Rows under headers, columns aligned (numbers to the right); Markdown pipes when asked.

    >>> print(render_table(["label", "n"], [["ALL", 12], ["DISO", 3]]))
    label   n
    ALL    12
    DISO    3
    """
    cells = [[str(h) for h in headers]] + [[_cell(v) for v in row] for row in rows]
    numeric = [all(_is_number(r[i]) for r in cells[1:]) and len(cells) > 1 for i in range(len(headers))]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]

    def line(row: list[str]) -> str:
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(row, widths, numeric, strict=True)]
        return ("| " + " | ".join(parts) + " |") if markdown else "  ".join(parts).rstrip()

    out = [line(cells[0])]
    if markdown:
        out.append(
            "|"
            + "|".join(
                ("-" * (w + 1) + ":") if num else "-" * (w + 2)
                for w, num in zip(widths, numeric, strict=True)
            )
            + "|"
        )
    out.extend(line(r) for r in cells[1:])
    return "\n".join(out)


def _cell(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _prf_rows(rows: dict[str, PRF]) -> list[list[object]]:
    ordered = sorted(rows.items(), key=lambda kv: (kv[0] != "ALL", -kv[1].gold, kv[0]))
    return [[label, r.gold, r.predicted, r.precision, r.recall, r.f1] for label, r in ordered if r.gold]


def extractor_tables(report: ExtractorReport, *, markdown: bool = False, errors: int = 0) -> str:
    """Exact and overlap P/R/F1 per label for each setting, EN accuracy and the top errors."""
    headers = [_("label"), _("gold"), _("predicted"), _("P"), _("R"), _("F1")]
    out = [
        _("Extractor on {corpus} ({split}, {documents} documents, {mode} mode, {seconds:.1f} s)").format(
            corpus=report.corpus,
            split=report.split,
            documents=report.documents,
            mode=report.mode,
            seconds=report.seconds,
        )
    ]
    names = {"glossary": _("glossary only"), "candidates": _("with candidates")}
    matches = {"exact": _("exact spans"), "overlap": _("overlapping spans")}
    for setting, by_match in report.scores.items():
        for match, rows in by_match.items():
            out += [
                "",
                f"{names[setting]} — {matches[match]}",
                "",
                render_table(headers, _prf_rows(rows), markdown=markdown),
            ]
        en = report.en.get(setting)
        if en is not None:
            out += [
                "",
                _(
                    "EN equivalents ({setting}): {correct} correct of {found} gold terms found "
                    "(accuracy {accuracy:.3f}); {gold} gold terms (recall {recall:.3f})"
                ).format(
                    setting=names[setting],
                    correct=en.correct,
                    found=en.found,
                    accuracy=en.accuracy,
                    gold=en.gold,
                    recall=en.recall,
                ),
            ]
    widest = list(report.by_document)[-1] if report.by_document else None
    if widest and len(report.by_document[widest]) <= MAX_DOCUMENT_ROWS:
        out += [
            "",
            _("By document ({setting}, overlapping spans)").format(setting=names[widest]),
            "",
            render_table(
                [_("document"), _("gold"), _("predicted"), _("P"), _("R"), _("F1")],
                [
                    [doc, r.gold, r.predicted, r.precision, r.recall, r.f1]
                    for doc, r in report.by_document[widest].items()
                ],
                markdown=markdown,
            ),
        ]
    if errors:
        out += ["", _("Most frequent missed gold terms:"), _counts(report.missed.most_common(errors))]
        out += ["", _("Most frequent spurious predictions:"), _counts(report.spurious.most_common(errors))]
    return "\n".join(out) + "\n"


def _counts(items: list[tuple[str, int]]) -> str:
    return ", ".join(f"{text} ({n})" for text, n in items) or "—"


def coverage_tables(reports: Sequence[CoverageReport], *, markdown: bool = False, missing: int = 0) -> str:
    """Mentions and distinct terms linked by the glossary, per corpus and label."""
    headers = [
        _("label"),
        _("mentions"),
        _("linked"),
        _("share"),
        _("same group"),
        _("terms"),
        _("linked terms"),
        _("share"),
    ]
    out: list[str] = []
    for report in reports:
        rows = sorted(report.rows.items(), key=lambda kv: (kv[0] != "ALL", -kv[1].mentions, kv[0]))
        out += [
            _("Glossary coverage of {corpus} ({split}, {documents} documents)").format(
                corpus=report.corpus, split=report.split, documents=report.documents
            ),
            "",
            render_table(
                headers,
                [
                    [
                        label,
                        r.mentions,
                        r.linked,
                        r.share,
                        r.same_group,
                        len(r.terms),
                        len(r.linked_terms),
                        r.term_share,
                    ]
                    for label, r in rows
                ],
                markdown=markdown,
            ),
        ]
        if missing:
            out += ["", _("Most frequent unlinked terms:"), _counts(report.missing.most_common(missing))]
        out.append("")
    return "\n".join(out)


def agreement_tables(report: AgreementReport, *, markdown: bool = False, disagreements: bool = True) -> str:
    """Agreement per source, then every disagreement."""
    headers = [_("source"), _("pairs"), _("shared"), _("agree"), _("rate"), _("explained"), _("unexplained")]
    rows = [
        [source, r.pairs, r.shared, r.agree, r.rate, r.explained, r.shared - r.agree - r.explained]
        for source, r in report.rows.items()
    ]
    out = [_("EN agreement with third-party term pairs"), "", render_table(headers, rows, markdown=markdown)]
    if disagreements and report.disagreements:
        out += [
            "",
            _("Disagreements"),
            "",
            render_table(
                [_("source"), _("French"), _("theirs"), _("concept"), _("ours"), _("explained")],
                [
                    [
                        d.source,
                        d.fr,
                        d.theirs,
                        d.concept_id,
                        " | ".join(d.ours),
                        _("yes") if d.explained else _("no"),
                    ]
                    for d in report.disagreements
                ],
                markdown=markdown,
            ),
        ]
    return "\n".join(out) + "\n"
