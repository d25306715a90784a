"""The annotated article in Markdown: terms glossed inline at their first occurrence, a term table.

A glossary term reads ``calcinose [EN: calcinosis]``; a candidate the glossary does not know reads
``tofacitinib [EN?: tofacitinib]`` (a proposal to check). Each concept is glossed once, where it
first appears, so the article stays readable; the table at the end lists every term. A Markdown
article keeps its own source (code spans and link targets untouched, since no term is ever found
there); a text or HTML article is written out as Markdown, escaped so it renders as written.
The output is CommonMark plus a GFM table.
"""

from __future__ import annotations

import bisect
import re

from .. import __version__
from ..annotation import Annotation
from ..article_formats import Article, article_from_source, text_blocks
from ..article_markdown import FRONT_MATTER
from ..i18n import _
from ..outputs import GENERATOR_MARK
from ..termbase import TermBase
from .terms import TermRow, category_label, row_key, status_label, term_rows

__all__ = ["gloss", "md_escape", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*\[\]<>|~&])")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
_LINE_START = re.compile(r"^([#>+=-])|^(\d+)([.)])")


def md_escape(text: str) -> str:
    """``text`` with what Markdown would read as syntax backslash-escaped.

    >>> md_escape("<script> *x* a_b _c_ | 1. [lien]")
    '\\\\<script\\\\> \\\\*x\\\\* a_b \\\\_c\\\\_ \\\\| 1. \\\\[lien\\\\]'
    """
    return _UNDERSCORE.sub(r"\\_", _SPECIAL.sub(r"\\\1", text))


def gloss(ann: Annotation, rows: list[TermRow]) -> dict[int, str]:
    """The glosses to insert, by text offset: one per concept, after its first occurrence.

    Candidates and abbreviations the glossary does not know get ``EN?`` (a proposal to check).
    """
    firsts = {r.first: r for r in rows if r.first >= 0 and r.en}
    out: dict[int, str] = {}
    for k, row in firsts.items():
        m = ann.terms[k]
        if row_key(m) != row.key:
            continue
        label = "EN" if row.concept_id and row.source != "candidate" else "EN?"
        out[m.end] = f" [{label}: {md_escape(row.en or '')}]"
    return out


def render_markdown(ann: Annotation, termbase: TermBase, article: Article | None = None) -> str:
    """The article in Markdown with glossed terms, then its terms and abbreviations."""
    article = article or article_from_source(ann.text, name=ann.source)
    rows = term_rows(ann, termbase)
    glosses = gloss(ann, rows)
    if article.kind == "markdown":
        front, body = _split_front_matter(_insert(article.source, glosses))
    else:
        front, body = "", _text_markdown(ann.text, glosses)
    source = (ann.source or "").replace("--", "- -")
    head = f"<!-- {GENERATOR_MARK} {__version__}{' from ' + source if source else ''} -->\n\n"
    note = "> " + _(
        "Glossed by medgloss: [EN: …] is the glossary equivalent, [EN?: …] a proposal to check; "
        "each term is glossed at its first occurrence."
    )
    return front + head + note + "\n\n" + body.rstrip() + "\n\n" + _tables(ann, rows)


def _insert(source: str, glosses: dict[int, str]) -> str:
    parts: list[str] = []
    pos = 0
    for at in sorted(glosses):
        text = glosses[at]
        if source[at : at + 1] in ("(", "["):
            text = text.replace("[", "\\[", 1)[:-1] + "\\]"
        parts.extend((source[pos:at], text))
        pos = at
    parts.append(source[pos:])
    return "".join(parts)


def _split_front_matter(source: str) -> tuple[str, str]:
    m = FRONT_MATTER.match(source)
    return (m.group(), source[m.end() :]) if m else ("", source)


def _text_markdown(text: str, glosses: dict[int, str]) -> str:
    """A plain text as Markdown: its first line as the title, paragraphs, line breaks kept."""
    points = sorted(glosses)
    blocks: list[str] = []
    for tag, start, end in text_blocks(text):
        lines: list[str] = []
        offset = start
        for line in text[start:end].split("\n"):
            lead = len(line) - len(line.lstrip())
            a, b = offset + lead, offset + len(line.rstrip())
            offset += len(line) + 1
            if a >= b:
                continue
            chunks: list[str] = []
            pos = a
            for at in points[bisect.bisect_right(points, a) : bisect.bisect_right(points, b)]:
                chunks.extend((md_escape(text[pos:at]), glosses[at]))
                pos = at
            chunks.append(md_escape(text[pos:b]))
            chunks[0] = _line_start(chunks[0])
            lines.append("".join(chunks))
        blocks.append(("# " if tag == "h1" else "") + "\\\n".join(lines))
    return "\n\n".join(blocks)


def _line_start(escaped: str) -> str:
    """``escaped`` (a line) with a leading heading, quote, list or rule marker escaped."""
    return _LINE_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped
    )


def _cell(text: str) -> str:
    return md_escape(" ".join(text.split())) or "–"


def _tables(ann: Annotation, rows: list[TermRow]) -> str:
    shown = [r for r in rows if r.occurrences]
    out = [f"## {_('Terms')}", ""]
    if not shown:
        out.append(_("No term found in this article."))
    else:
        out.append(
            f"| {_('French term')} | {_('English equivalent')} | {_('Category')} | {_('Status')} "
            f"| {_('Occurrences')} |"
        )
        out.append("|---|---|---|---|---:|")
        for row in shown:
            en = _cell(row.en or "") if row.en else "–"
            if row.en_alternatives:
                en += " (" + _cell(", ".join(row.en_alternatives)) + ")"
            status = status_label(row.status)
            if row.source == "candidate":
                status += " (" + _("candidate") + ")"
            out.append(
                f"| {_cell(row.fr)} | {en} | {_cell(category_label(row.category))} | {_cell(status)} "
                f"| {row.occurrences} |"
            )
    abbreviations = list({a.short: a for a in ann.abbreviations}.values())
    if abbreviations:
        out += ["", f"## {_('Abbreviations defined')}", ""]
        for a in abbreviations:
            en = f" — EN: {md_escape(a.en)}" if a.en else ""
            out.append(f"- **{md_escape(a.short)}**: {md_escape(' '.join(a.long.split()))}{en}")
    return "\n".join(out) + "\n"
