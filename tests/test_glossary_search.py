"""Search: accent- and case-insensitive, exact before prefix before word before fuzzy, one hit per concept."""

from __future__ import annotations

from pathlib import Path

import pytest

from medgloss.glossary_search import TermIndex, search_key
from medgloss.termbase import TermBase

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"


@pytest.fixture(scope="module")
def index() -> TermIndex:
    return TermIndex(
        TermBase.load([FIXTURES / "house.toml", FIXTURES / "override.toml"], bundled=False, cache=False)
    )


def found(index: TermIndex, query: str, **kwargs: object) -> list[tuple[str, str, str]]:
    return [(h.concept.id, h.term.text, h.kind) for h in index.search(query, **kwargs)]  # type: ignore[arg-type]


def test_search_keys_fold_case_accents_ligatures_and_separators() -> None:
    assert search_key("  Œdème  Aigu ") == "oedeme aigu"
    assert search_key("anti‑TNF") == search_key("anti TNF") == "anti tnf"


def test_exact_matches_ignore_case_and_accents(index: TermIndex) -> None:
    assert found(index, "OEDEME")[0] == ("oedema", "œdème", "exact")
    assert found(index, "reanimation", lang="fr")[0] == ("intensive_care", "réanimation", "exact")


def test_prefix_and_word_matches(index: TermIndex) -> None:
    assert found(index, "dermato")[0] == ("dermatomyositis", "dermatomyosite", "prefix")
    assert ("intensive_care", "soins intensifs", "word") in found(index, "intensif", lang="fr")


def test_close_spellings(index: TermIndex) -> None:
    hit = index.search("dermatomiosite")[0]
    assert (hit.concept.id, hit.kind) == ("dermatomyositis", "fuzzy") and hit.score < 80


def test_one_hit_per_concept_best_first_and_language_filter(index: TermIndex) -> None:
    hits = index.search("myosite")
    assert len({h.concept.id for h in hits}) == len(hits)
    assert hits[0].concept.id == "myositis" and hits[0].kind == "exact"
    assert all(h.term.lang == "en" for h in index.search("myosit", lang="en"))
    assert index.search("   ") == []


def test_terms_from_an_override_layer_are_found(index: TermIndex) -> None:
    assert found(index, "maladie de wagner")[0][:2] == ("dermatomyositis", "maladie de Wagner-Unverricht")
