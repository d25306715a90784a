"""Article catalogs: one message per sentence, stable contexts, references, term comments."""

from __future__ import annotations

import polib
import pytest
from spacy.language import Language

from medgloss.api import annotate
from medgloss.po import article_catalogs
from medgloss.termbase import TermBase

ARTICLE = (
    "Dermatomyosite : le tofacitinib s’attaque à la calcinose\n"
    "\n"
    "Un inhibiteur des janus kinases (ou JAK) agit sur la calcinose. La calcinose recule.\n"
    "\n"
    "Intertitre\n"
    "\n"
    "La calcinose recule.\n"
    "\n"
    "Successful treatment of extensive calcifications in dermatomyositis with the Janus kinase inhibitor.\n"
)


@pytest.fixture(scope="module")
def termbase(nlp_fast: Language) -> TermBase:
    return nlp_fast.get_pipe("medgloss").termbase  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def catalogs(termbase: TermBase) -> tuple[polib.POFile, polib.POFile]:
    ann = annotate(ARTICLE, source="seed.txt", mode="fast")
    return article_catalogs(ARTICLE, "articles/seed.txt", ann, termbase)


def test_one_message_per_sentence_in_reading_order(catalogs: tuple[polib.POFile, polib.POFile]) -> None:
    template, _ = catalogs
    assert [(e.msgctxt, e.occurrences[0][1]) for e in template] == [
        ("title", "1"),
        ("paragraph", "3"),
        ("paragraph", "3"),
        ("heading", "5"),
        ("paragraph #2", "7"),
        ("paragraph", "9"),
    ]
    assert template[2].msgid == template[4].msgid == "La calcinose recule."
    assert all(e.occurrences[0][0] == "articles/seed.txt" for e in template)
    assert template.metadata["X-Medgloss-Lines"] == "10"
    assert template.metadata["X-Medgloss-Kind"] == "article"


def test_comments_give_terms_and_abbreviations(catalogs: tuple[polib.POFile, polib.POFile]) -> None:
    template, _ = catalogs
    title = template[0].comment.split("\n")
    assert "calcinose → calcinosis (disorder)" in title
    assert "tofacitinib → tofacitinib (drug)" in title
    second = template[1].comment.split("\n")
    assert "abbreviation: JAK = janus kinases → Janus kinase" in second
    assert any(line.startswith("inhibiteur des janus kinases → Janus kinase inhibitor") for line in second)


def test_forbidden_renderings_are_listed(termbase: TermBase) -> None:
    text = "Titre\n\nIl est en réanimation.\n"
    template, _ = article_catalogs(text, "r.txt", annotate(text, mode="fast"), termbase)
    assert any("avoid: reanimation" in line for line in template[1].comment.split("\n"))


def test_english_sentences_are_marked_and_prefilled(catalogs: tuple[polib.POFile, polib.POFile]) -> None:
    template, translation = catalogs
    assert "already in English" in template[-1].comment
    assert template[-1].msgstr == ""
    assert translation[-1].msgstr == translation[-1].msgid and translation[-1].fuzzy
    assert [e.msgstr for e in translation][:-1] == [""] * 5


def test_contexts_do_not_move_when_text_is_inserted_before(termbase: TermBase) -> None:
    edited = ARTICLE.replace("Intertitre\n", "Intertitre\n\nUne phrase ajoutée.\n")
    template, _ = article_catalogs(edited, "a.txt", annotate(edited, mode="fast"), termbase)
    old, _ = article_catalogs(ARTICLE, "a.txt", annotate(ARTICLE, mode="fast"), termbase)
    assert {(e.msgctxt, e.msgid) for e in old} <= {(e.msgctxt, e.msgid) for e in template}
