"""The compiled cache: same result as parsing, rebuilt when a file changes, harmless when broken."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from medgloss import glossary_cache
from medgloss.glossary_cache import cache_dir, load_glossary_file
from medgloss.glossary_file import parse_glossary_file
from medgloss.termbase import TermBase

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MEDGLOSS_CACHE", str(folder))
    return folder


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "house.toml"
    shutil.copy(FIXTURES / "house.toml", path)
    return path


def same(a, b) -> bool:  # type: ignore[no-untyped-def]
    return [
        (c.id, c.domain, c.terms, c.definition, c.codes, c.line, [t.line for t in c.terms])
        for c in a.concepts
    ] == [
        (c.id, c.domain, c.terms, c.definition, c.codes, c.line, [t.line for t in c.terms])
        for c in b.concepts
    ] and (a.patterns, a.problems, a.header) == (b.patterns, b.problems, b.header)


def test_the_cache_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MEDGLOSS_CACHE", str(tmp_path))
    assert cache_dir() == tmp_path
    monkeypatch.setenv("MEDGLOSS_CACHE", "off")
    assert cache_dir() is None
    monkeypatch.delenv("MEDGLOSS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "medgloss"


def test_a_cached_load_equals_a_parse(cache: Path, glossary: Path) -> None:
    first = load_glossary_file(glossary)
    assert len(list(cache.glob("*.pickle"))) == 1
    second = load_glossary_file(glossary)
    assert same(first, second) and same(second, parse_glossary_file(glossary))
    assert second.concepts[0].terms[0].origin == str(glossary)


def test_a_changed_file_is_parsed_again(cache: Path, glossary: Path) -> None:
    load_glossary_file(glossary)
    text = glossary.read_text("utf-8").replace('"dermatomyositis", status', '"DM-itis", status')
    glossary.write_text(text, "utf-8")
    stat = glossary.stat()
    os.utime(glossary, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert load_glossary_file(glossary).concepts[0].terms[2].text == "DM-itis"


def test_a_strict_request_is_not_answered_by_a_fast_parse(
    cache: Path, glossary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_glossary_file(glossary, strict=False)
    calls: list[bool] = []
    real = glossary_cache.parse_glossary_file

    def spy(path: Path, *, strict: bool = True):  # type: ignore[no-untyped-def]
        calls.append(strict)
        return real(path, strict=strict)

    monkeypatch.setattr(glossary_cache, "parse_glossary_file", spy)
    assert load_glossary_file(glossary, strict=True).strict
    assert load_glossary_file(glossary, strict=False).strict  # the strict entry serves both
    assert calls == [True]


def test_a_corrupt_entry_or_an_unwritable_folder_only_costs_time(
    cache: Path, glossary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_glossary_file(glossary)
    entry = next(cache.glob("*.pickle"))
    entry.write_bytes(b"not a pickle")
    assert same(load_glossary_file(glossary), parse_glossary_file(glossary))
    blocked = cache.parent / "blocked"
    blocked.write_text("a file where the cache folder should be", "utf-8")
    monkeypatch.setenv("MEDGLOSS_CACHE", str(blocked))
    assert same(load_glossary_file(glossary), parse_glossary_file(glossary))


def test_the_termbase_loads_through_the_cache(cache: Path, glossary: Path) -> None:
    cold = TermBase.load([glossary], bundled=False)
    warm = TermBase.load([glossary], bundled=False)
    assert [c.terms for c in cold] == [c.terms for c in warm]
    assert warm.layers["dermatomyositis"] == [(str(glossary), 8)]


def test_the_english_tables_are_compiled_when_a_text_first_has_english(cache: Path, glossary: Path) -> None:
    import spacy

    from medgloss.pipeline import MedglossComponent

    french = "Une dermatomyosite avec un œdème."
    mixed = french + "\n\nDermatomyositis with oedema in intensive care: a randomised trial of the new drug."
    first = MedglossComponent(spacy.blank("fr"), glossary=[str(glossary)], bundled=False)
    first(first_doc := spacy.blank("fr")(french))
    assert [p.name for p in cache.glob("compiled-*.marshal")] != []
    assert list(cache.glob("compiled-*-en.marshal")) == []  # no English yet, none compiled
    expected = first.annotate_doc(spacy.blank("fr")(mixed)).to_json()
    assert len(list(cache.glob("compiled-*-en.marshal"))) == 1
    assert {t["lang"] for t in expected["terms"]} == {"fr", "en"}
    again = MedglossComponent(spacy.blank("fr"), glossary=[str(glossary)], bundled=False)
    assert again.annotate_doc(spacy.blank("fr")(mixed)).to_json() == expected  # from the cache
    assert first_doc._.medgloss is not None
