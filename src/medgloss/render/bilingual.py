"""The bilingual view for translators: the article sentence by sentence, each followed by the
terms it contains and their English equivalents (HTML page and Markdown)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .. import __version__
from ..annotation import Annotation, Mention
from ..article_formats import Article, article_from_source
from ..i18n import _
from ..outputs import GENERATOR_MARK
from ..termbase import TermBase
from .markdown import md_escape
from .marking import Marker, css_token
from .page import page_data, render_page, sidebar_context
from .terms import TermRow, category_label, row_key, status_label, term_rows

__all__ = ["Sentence", "render_bilingual_html", "render_bilingual_markdown", "sentences"]

_WS = re.compile(r"\s+")


@dataclass(slots=True)
class Sentence:
    """A sentence of the article, its language and the terms it holds (one per concept)."""

    n: int
    start: int
    end: int
    lang: str
    mentions: list[Mention] = field(default_factory=list)
    """One mention per concept, in order."""
    occurrences: list[Mention] = field(default_factory=list)
    """Every top-level mention."""


def sentences(ann: Annotation) -> list[Sentence]:
    """The article's sentences with their top-level terms (terms of English sentences left out)."""
    top = sorted((m for m in ann.terms if not m.nested), key=lambda m: m.start)
    starts = [m.start for m in top]
    seg_starts = [seg.start for seg in ann.segments]
    out: list[Sentence] = []
    for n, (start, end) in enumerate(ann.sentences, 1):
        k = bisect.bisect_right(seg_starts, start) - 1
        sentence = Sentence(n, start, end, ann.segments[k].lang if k >= 0 else ann.lang)
        if sentence.lang == ann.lang:
            seen: set[str] = set()
            sentence.occurrences = top[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            for m in sentence.occurrences:
                if row_key(m) not in seen:
                    seen.add(row_key(m))
                    sentence.mentions.append(m)
        out.append(sentence)
    return out


def render_bilingual_html(ann: Annotation, termbase: TermBase, article: Article | None = None) -> str:
    """The bilingual view as a self-contained HTML page."""
    article = article or article_from_source(ann.text, name=ann.source)
    rows = term_rows(ann, termbase)
    by_key = {row.key: row for row in rows}
    marker = Marker(ann, rows)
    items = [
        {
            "n": s.n,
            "lang": s.lang,
            "html": marker.span(s.start, s.end),
            "terms": [_term(m, by_key[row_key(m)]) for m in s.mentions],
        }
        for s in sentences(ann)
    ]
    return render_page(
        "bilingual.html",
        title=article.title or ann.source or "article",
        source=ann.source,
        lang=ann.lang,
        sentences=items,
        data=page_data(rows),
        **sidebar_context(ann, rows, termbase),
    )


def _term(m: Mention, row: TermRow) -> dict[str, object]:
    status = m.status or ("check" if m.source == "candidate" else m.source)
    return {
        "fr": m.text,
        "en": m.en,
        "category": css_token(m.category),
        "category_label": category_label(m.category) if m.category else "",
        "source": css_token(m.source),
        "status": css_token(status),
        "status_label": status_label(m.status)
        if m.status
        else _("candidate")
        if m.source == "candidate"
        else _("abbreviation"),
        "concept_id": row.concept_id,
    }


def render_bilingual_markdown(ann: Annotation, termbase: TermBase, article: Article | None = None) -> str:
    """The bilingual view in Markdown: numbered sentences, terms in bold, their equivalents below."""
    article = article or article_from_source(ann.text, name=ann.source)
    source = (ann.source or "").replace("--", "- -")
    title = " ".join((article.title or ann.source or "article").split())
    out = [
        f"<!-- {GENERATOR_MARK} {__version__}{' from ' + source if source else ''} -->",
        "",
        f"# {md_escape(title)} — {_('bilingual view')}",
        "",
    ]
    for s in sentences(ann):
        text = _bold_terms(ann, s)
        lang = "" if s.lang == ann.lang else f"*({s.lang.upper()})* "
        out += [f"**{s.n}.** {lang}{text}", ""]
        for m in s.mentions:
            en = f"**{md_escape(m.en)}**" if m.en else "*" + _("no equivalent known") + "*"
            extra = (
                ""
                if m.status == "preferred"
                else f" · {status_label(m.status) if m.status else _('candidate, to check')}"
            )
            out.append(
                f"- {md_escape(' '.join(m.text.split()))} → {en} · {category_label(m.category)}{extra}"
            )
        if s.mentions:
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _bold_terms(ann: Annotation, s: Sentence) -> str:
    parts: list[str] = []
    pos = s.start
    for m in s.occurrences:
        parts += [md_escape(ann.text[pos : m.start]), "**", md_escape(m.text), "**"]
        pos = m.end
    parts.append(md_escape(ann.text[pos : s.end]))
    return _WS.sub(" ", "".join(parts)).strip()
