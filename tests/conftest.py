"""Shared fixtures: the real spaCy pipelines (built once), the repository's files, ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from medgloss.api import pipeline
from medgloss.model import Concept

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = ROOT / "tests" / "fixtures"
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))


def concept_key(c: Concept) -> tuple[object, ...]:
    """What a round trip through an exchange format must keep of a concept."""
    return (c.id, c.category, c.domain, c.terms, c.definition, c.codes, c.note, c.source, c.read_only)


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder of the test's own, so that caches written by other tests play no part."""
    monkeypatch.setenv("MEDGLOSS_CACHE", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def nlp_fast() -> Language:
    """Tokenizer + medgloss, bundled glossary."""
    return pipeline("fast")


@pytest.fixture(scope="session")
def nlp_full() -> Language:
    """fr_core_news_sm (tagger, lemmatizer) + medgloss, bundled glossary."""
    return pipeline("full")


@pytest.fixture(scope="session")
def blank_fr() -> Language:
    return spacy.blank("fr")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article, when ../shared is there."""
    files = sorted((SHARED / "seed").glob("*.txt"))
    if not files:
        pytest.skip("../shared/seed is not available")
    return files[0].read_text("utf-8")
