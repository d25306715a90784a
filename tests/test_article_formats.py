"""Reading .txt, .md and .html articles: the text annotated, code left alone, markup kept safe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from medgloss.annotation import Annotation, Mention
from medgloss.article_formats import (
    annotate_articles,
    article_from_source,
    kind_of,
    read_article_file,
    without_protected,
)
from medgloss.article_html import TextRun, parse_html
from medgloss.article_markdown import markdown_text
from medgloss.errors import InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def annotate_fast(article):
    return next(annotate_articles([article], mode="fast"))[1]


def test_kind_follows_the_suffix_and_sniffs_standard_input():
    assert [kind_of(n) for n in ("a.txt", "b.md", "c.markdown", "d.html", "e.HTM", "f")] == [
        "text",
        "markdown",
        "markdown",
        "html",
        "html",
        "text",
    ]
    assert kind_of("-", "  <!doctype html><title>x</title>") == "html"
    assert kind_of("-", "La calcinose <b>est</b> rare.") == "text"


def test_text_article_keeps_its_text_and_makes_title_and_paragraphs():
    text = "Dermatomyosite et calcinose\n\nPremier paragraphe,\nsur deux lignes.\n\n\nSecond."
    art = article_from_source(text, name="a.txt")
    assert art.text == text and art.title == "Dermatomyosite et calcinose"
    runs = [p for p in art.pieces if isinstance(p, TextRun)]
    assert [text[r.start : r.start + len(r.text)] for r in runs] == [r.text for r in runs]
    assert [r.text for r in runs] == [
        "Dermatomyosite et calcinose",
        "Premier paragraphe,\nsur deux lignes.",
        "Second.",
    ]
    assert art.pieces[0] == "<h1>" and "<p>" in art.pieces


def test_markdown_text_keeps_offsets_and_blanks_syntax():
    source = (FIXTURES / "article.md").read_text("utf-8")
    text, protected = markdown_text(source)
    assert len(text) == len(source)
    assert [line.count("\n") for line in (text, source)] == [source.count("\n")] * 2
    for gone in ("https://", "title:", "```", "**", "|---", "![", "calcinose = "):
        assert gone not in text, gone
    assert [text[a:b] for a, b in protected] == ["calcinose"]
    kept = "La   dermatomyosite   est une maladie auto-immune rare."
    assert kept in text and source[text.index(kept) : text.index(kept) + len(kept)].startswith("La **")


def test_markdown_terms_point_into_the_source_and_skip_code_and_links():
    art = read_article_file(FIXTURES / "article.md")
    assert art.kind == "markdown" and art.title == "Dermatomyosite : le tofacitinib contre la calcinose"
    ann = annotate_fast(art)
    assert ann.top_terms
    for m in ann.terms:
        assert art.source[m.start : m.end] == m.text
    code_start = art.source.index("`calcinose`") + 1
    link = art.source.index("(https://example.org/calcinose/dermatomyosite)")
    fence = art.source.index("```python")
    for m in ann.terms:
        assert m.start != code_start
        assert not link <= m.start < link + 48
        assert not fence <= m.start < fence + 50
    assert sum(m.text == "calcinose" for m in ann.top_terms) == 3  # title, paragraph, table


def test_markdown_body_aligns_html_text_with_the_source():
    art = read_article_file(FIXTURES / "article.md")
    aligned = [p for p in art.pieces if isinstance(p, TextRun) and p.offsets is not None]
    assert aligned
    for run in aligned:
        for ch, offset in zip(run.text, run.offsets or (), strict=True):
            if offset >= 0:
                assert art.text[offset] == ch
    markup = "".join(p for p in art.pieces if isinstance(p, str))
    assert "<table>" in markup and "<blockquote>" in markup and "<ul>" in markup
    assert '<a href="https://example.org/calcinose/dermatomyosite" rel="noopener noreferrer">' in markup
    assert "title:" not in "".join(p.text for p in art.pieces if isinstance(p, TextRun))


def test_html_text_nodes_only_and_code_protected():
    art = read_article_file(FIXTURES / "article.html")
    assert art.kind == "html" and art.title == "Dermatomyosite : le tofacitinib contre la calcinose"
    assert art.text.startswith("Dermatomyosite : le tofacitinib contre la calcinose\n\nLa dermatomyosite est")
    assert "n’est pas un terme" in art.text  # entities decoded
    assert 'calcinose = "dermatomyosite"' not in art.text  # <pre> is shown, not read
    ann = annotate_fast(art)
    code = art.text.index("Le code calcinose") + len("Le code ")
    assert all(ann.text[m.start : m.end] == m.text for m in ann.terms)
    assert not [m for m in ann.terms if m.start == code]
    assert [m.text for m in ann.top_terms].count("calcinose") == 3  # title, paragraph, table cell


def test_html_markup_is_sanitized_and_balanced():
    body = parse_html((FIXTURES / "hostile.html").read_text("utf-8"))
    markup = "".join(p if isinstance(p, str) else p.text for p in body.pieces)
    lowered = markup.lower()
    for bad in (
        "<script",
        "onerror",
        "onload",
        "onclick",
        "onmouseover",
        "javascript:",
        "<iframe",
        "<svg",
        "<style",
        "<form",
        "<input",
        "<meta",
        "<link",
        "tracker.png",
        'target="',
    ):
        assert bad not in lowered, bad
    assert "window.__pwned" not in body.text
    assert "{{ 7*7 }}" in body.text
    assert '<a href="https://example.org/" rel="noopener noreferrer">lien sûr</a>' in markup
    assert '<span class="mg-img-alt">[photo de calcinose]</span>' in markup
    stack: list[str] = []
    for tag in re.findall(r"<(/?)([a-z0-9]+)[^>]*>", markup):
        if tag[0]:
            assert stack.pop() == tag[1]
        elif tag[1] not in ("br", "hr", "img", "wbr"):
            stack.append(tag[1])
    assert stack == []
    assert body.title == "Calcinose et dermatomyosite" and body.lang == "fr"


def test_markup_only_inputs_are_refused():
    with pytest.raises(InputError, match="markup only"):
        article_from_source("<html><script>x()</script><p> </p></html>", kind="html", name="a.html")
    with pytest.raises(InputError, match="code or markup only"):
        article_from_source("```\ncalcinose\n```\n", kind="markdown", name="a.md")


def test_without_protected_drops_terms_and_renumbers_parents():
    ann = Annotation(
        text="pneumopathie interstitielle et code",
        terms=[
            Mention(0, 27, "pneumopathie interstitielle", "p", "ild", "ILD"),
            Mention(0, 12, "pneumopathie", "p", "ld", "LD", nested=True, parent=0),
            Mention(31, 35, "code", "code", None, "code", source="candidate"),
        ],
    )
    assert without_protected(ann, []) is ann
    kept = without_protected(ann, [(30, 35)])
    assert [m.text for m in kept.terms] == ["pneumopathie interstitielle", "pneumopathie"]
    assert kept.terms[1].parent == 0 and kept.terms[1].nested
    orphan = without_protected(ann, [(14, 20)])
    assert [(m.text, m.nested, m.parent) for m in orphan.terms] == [
        ("pneumopathie", False, None),
        ("code", False, None),
    ]
