"""The glossary as a catalog: a message per French term, concept id as msgctxt, Weblate flags."""

from __future__ import annotations

import os
from pathlib import Path

import polib
import pytest
from spacy.language import Language

from medgloss.po import Selection, glossary_catalog
from medgloss.termbase import TermBase

HOUSE = """\
[glossary]
domain = "house"

[[concept]]
id = "house_calcinosis"
category = "disorder"
definition = { fr = "Dépôts de calcium.", en = "Calcium deposits." }
note = "Written for the tests."
fr = [
  { term = "calcinose maison", status = "preferred", gender = "f" },
  { term = "CM", status = "admitted", type = "acronym", gender = "f" },
  { term = "calcinose ancienne", status = "deprecated", gender = "f", note = "Old usage." },
]
en = [
  { term = "house calcinosis", status = "preferred", note = "Our own term." },
  { term = "home calcinosis", status = "admitted" },
  { term = "calcinose", status = "forbidden", note = "French word." },
]

[[concept]]
id = "house_rash"
category = "sign-symptom"
source = "importer"
fr = [ { term = "éruption maison", status = "preferred", gender = "f" } ]
en = [ { term = "house rash", status = "preferred" } ]

[[concept]]
id = "other_rash"
category = "sign-symptom"
domain = "elsewhere"
fr = [ { term = "éruption maison", status = "preferred", gender = "f" }, { term = "tache", status = "forbidden" } ]
en = [ { term = "other rash", status = "preferred" } ]
"""


@pytest.fixture
def termbase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TermBase:
    (tmp_path / "house.toml").write_text(HOUSE, "utf-8")
    (tmp_path / "ro.toml").write_text(
        '[glossary]\ndomain = "ro"\nread_only = true\n\n[[concept]]\nid = "ro_term"\ncategory = "other"\n'
        'fr = [ { term = "lecture", status = "preferred" } ]\nen = [ { term = "reading", status = "preferred" } ]\n',
        "utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return TermBase.load([tmp_path / "house.toml", tmp_path / "ro.toml"], bundled=False)


def _by_key(catalog: polib.POFile) -> dict[tuple[str, str], polib.POEntry]:
    return {(e.msgctxt, e.msgid): e for e in catalog}


def test_one_message_per_french_term_with_homographs_apart(termbase: TermBase) -> None:
    po = _by_key(glossary_catalog(termbase))
    assert set(po) == {
        ("house_calcinosis", "calcinose maison"),
        ("house_calcinosis", "CM"),
        ("house_calcinosis", "calcinose ancienne"),
        ("house_rash", "éruption maison"),
        ("other_rash", "éruption maison"),
        ("other_rash", "tache"),
        ("ro_term", "lecture"),
    }
    assert po[("house_calcinosis", "CM")].msgstr == "house calcinosis"
    assert po[("other_rash", "éruption maison")].msgstr == "other rash"


def test_comments_and_references(termbase: TermBase) -> None:
    entry = _by_key(glossary_catalog(termbase))[("house_calcinosis", "calcinose ancienne")]
    assert entry.comment.split("\n") == [
        "category: disorder; domain: house",
        "French term: deprecated",
        "definition (fr): Dépôts de calcium.",
        "definition (en): Calcium deposits.",
        "English alternatives: home calcinosis",
        "forbidden: calcinose (French word.)",
        "usage note: Old usage.",
        "note on house calcinosis: Our own term.",
        "concept note: Written for the tests.",
    ]
    assert entry.occurrences == [("house.toml", "12")]
    assert (
        "French term: admitted, acronym"
        in _by_key(glossary_catalog(termbase))[("house_calcinosis", "CM")].comment
    )


def test_flags(termbase: TermBase) -> None:
    po = _by_key(glossary_catalog(termbase))
    assert po[("house_rash", "éruption maison")].flags == ["fuzzy"]
    assert po[("house_calcinosis", "calcinose maison")].flags == []
    assert po[("other_rash", "tache")].flags == ["forbidden"]
    assert po[("ro_term", "lecture")].flags == ["read-only"]
    template = _by_key(glossary_catalog(termbase, language=None))
    assert template[("house_rash", "éruption maison")].flags == []
    assert all(e.msgstr == "" for e in template.values())


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        (Selection(domains=["elsewhere"]), {"other_rash"}),
        (Selection(categories=["disorder"]), {"house_calcinosis"}),
        (Selection(statuses=["forbidden"]), {"other_rash"}),
        (Selection(domains=["house"], statuses=["preferred"]), {"house_calcinosis", "house_rash"}),
    ],
)
def test_selection(termbase: TermBase, selection: Selection, expected: set[str]) -> None:
    assert {e.msgctxt for e in glossary_catalog(termbase, selection=selection)} == expected


def test_bundled_files_are_referenced_as_glossary_paths(nlp_fast: Language) -> None:
    termbase = nlp_fast.get_pipe("medgloss").termbase  # type: ignore[attr-defined]
    catalog = glossary_catalog(termbase, selection=Selection(domains=["rheumatology"]))
    entry = _by_key(catalog)[("dermatomyositis", "dermatomyosite")]
    path, line = entry.occurrences[0]
    assert path == "glossary/rheumatology.toml" and line.isdigit()
    assert entry.msgstr == "dermatomyositis"
    assert not os.path.isabs(path)
