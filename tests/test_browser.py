"""The HTML outputs in a real browser (headless Chromium from Debian, driven by Playwright).

Checks that terms are highlighted, that keyboard focus on a term shows its English equivalent,
that the switches and the term table work, and that hostile articles run no script. Screenshots
go to ``test-artifacts/`` (look at them: they are what translators will see).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from medgloss.api import pipeline
from medgloss.article_formats import annotate_articles, read_article_file
from medgloss.render import render

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTIFACTS = ROOT / "test-artifacts"
EXAMPLE = ROOT / "examples" / "neurologie-avc.txt"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Writes the page of an article (``fmt``, ``mode``) and returns its path and annotation."""
    folder = tmp_path_factory.mktemp("pages")
    ARTIFACTS.mkdir(exist_ok=True)

    def make(path: Path, fmt: str = "html", mode: str = "fast"):
        article, ann = next(annotate_articles([read_article_file(path)], mode=mode))
        termbase = pipeline(mode).get_pipe("medgloss").termbase
        out = folder / f"{path.stem}.{fmt}.html"
        out.write_text(render(fmt, ann, termbase, article), "utf-8")
        return out, ann

    return make


class Watched:
    """A page with its dialogs, console errors and script errors recorded."""

    def __init__(self, browser, path: Path, width: int = 1400):
        self.page = browser.new_page(viewport={"width": width, "height": 1000})
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(path.as_uri())

    def clean(self) -> bool:
        return not self.dialogs and not self.errors

    def close(self) -> None:
        self.page.close()


def tab_to_first_term(page) -> str:
    """Press Tab until a term has the focus; return its text."""
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('mg-term')"):
            return page.evaluate("document.activeElement.firstChild.nodeValue")
    raise AssertionError("Tab never reached a term")


def test_seed_article_terms_highlighted_and_focus_shows_english(browser, pages):
    seed = sorted((SHARED / "seed").glob("*.txt"))
    if not seed:
        pytest.skip("../shared/seed is not available")
    path, ann = pages(seed[0], mode="full")
    w = Watched(browser, path)
    page = w.page
    marks = page.locator("article mark.mg-term")
    assert marks.count() == len(ann.top_terms) > 20
    background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert marks.first.evaluate("m => getComputedStyle(m).textDecorationLine") == "underline"
    page.screenshot(path=str(ARTIFACTS / "seed.png"))
    page.screenshot(path=str(ARTIFACTS / "seed-full.png"), full_page=True)

    focused = tab_to_first_term(page)
    first = ann.top_terms[0]
    assert focused == first.text
    tip = page.locator("#mg-tip")
    assert tip.is_visible()
    assert first.en and first.en in tip.inner_text()
    assert tip.locator(".mg-tip-en").get_attribute("lang") == "en"
    page.screenshot(path=str(ARTIFACTS / "seed-focus.png"))
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    assert w.clean(), (w.dialogs, w.errors)
    w.close()


def test_example_page_switches_table_and_hover(browser, pages):
    path, ann = pages(EXAMPLE)
    w = Watched(browser, path)
    page = w.page
    assert page.locator("article mark.mg-term").count() == len(ann.top_terms)
    inline = page.locator("article .mg-en").first
    assert not inline.is_visible()
    page.locator("label.mg-switch", has_text="EN equivalents inline").click()
    assert inline.is_visible() and inline.get_attribute("lang") == "en"
    page.screenshot(path=str(ARTIFACTS / "example-en-inline.png"))

    mark = page.locator("article mark.mg-term").nth(3)
    mark.hover()
    assert page.locator("#mg-tip").is_visible()

    rows = page.locator("#mg-table tbody tr")

    def counts() -> list[int]:
        return [int(r) for r in rows.locator("td:nth-child(6)").all_inner_texts()]

    page.locator("#mg-table th", has_text="Occurrences").locator("button").click()
    assert counts() == sorted(counts())
    page.locator("#mg-table th", has_text="Occurrences").locator("button").click()
    assert counts() == sorted(counts(), reverse=True)
    assert page.locator("#mg-table th", has_text="Occurrences").get_attribute("aria-sort") == "descending"
    page.fill("#mg-filter", "thrombectomie")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 1 <= len(visible) < rows.count()
    page.fill("#mg-filter", "")
    page.locator(".mg-terms").screenshot(path=str(ARTIFACTS / "example-term-table.png"))
    assert w.clean(), (w.dialogs, w.errors)
    w.close()


@pytest.mark.parametrize("name", ["hostile.txt", "hostile.html"])
def test_hostile_articles_run_no_script(browser, pages, name):
    path, ann = pages(FIXTURES / name)
    w = Watched(browser, path)
    page = w.page
    page.mouse.move(300, 300)
    for mark in page.locator("article mark.mg-term").all()[:5]:
        mark.hover()
    page.locator("article").click(position={"x": 5, "y": 5})
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert w.dialogs == []
    assert w.errors == []  # not even a blocked attempt: nothing executable reached the page
    assert page.locator("article mark.mg-term").count() == len(ann.top_terms) > 0
    text = page.locator("article").inner_text()
    assert "{{ 7*7 }}" in text and "49" not in text
    if name.endswith(".txt"):
        assert '<script>window.__pwned = 1; alert("script");</script>' in text
        assert page.locator("article img, article svg, article a, article script").count() == 0
    else:
        assert page.locator("article script, article img, article iframe, article svg").count() == 0
    page.screenshot(path=str(ARTIFACTS / f"{name.replace('.', '-')}.png"), full_page=True)
    w.close()


def test_bilingual_view_and_markdown_article(browser, pages):
    path, ann = pages(EXAMPLE, fmt="bilingual")
    w = Watched(browser, path)
    assert w.page.locator(".mg-sentence").count() == len(ann.sentences)
    assert w.page.locator(".mg-gloss .mg-g-en").count() > 20
    tab_to_first_term(w.page)
    assert w.page.locator("#mg-tip").is_visible()
    w.page.screenshot(path=str(ARTIFACTS / "bilingual.png"))
    assert w.clean(), (w.dialogs, w.errors)
    w.close()

    path, ann = pages(FIXTURES / "article.md")
    w = Watched(browser, path, width=900)
    assert w.page.locator("article table mark.mg-term").count() == 1
    assert w.page.locator("article code mark").count() == 0
    w.page.screenshot(path=str(ARTIFACTS / "markdown-article-narrow.png"), full_page=True)
    assert w.clean(), (w.dialogs, w.errors)
    w.close()


def test_print_stylesheet_hides_the_controls(browser, pages):
    path, _ = pages(EXAMPLE)
    w = Watched(browser, path)
    w.page.emulate_media(media="print")
    assert not w.page.locator(".mg-bar").is_visible()
    assert w.page.locator("article mark.mg-term").first.is_visible()
    w.page.pdf(path=str(ARTIFACTS / "example-print.pdf"))
    w.close()
