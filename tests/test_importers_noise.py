"""The noise filter of imported terminologies: common words, tiny abbreviations, forms already known."""

from __future__ import annotations

import pytest

from medgloss.exchange.builder import ConceptDraft, ExchangeReport
from medgloss.importers.noise import NoiseFilter, bundled_forms, forms, known_forms

pytestmark = pytest.mark.usefixtures("own_cache")


def draft(where: str, fr: list[str], en: str) -> ConceptDraft:
    report = ExchangeReport()
    d = ConceptDraft(raw_id=where, where=where)
    for text in fr:
        d.term("fr", text, report)
    d.term("en", en, report)
    return d


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Gauche", "common"),  # HPO's laterality modifier
        ("Début", "common"),
        ("Tête", "common"),
        ("PR", "short"),
        ("SC", "short"),
        ("Calcinose", None),
        ("Acrocyanose", None),
        ("Gangrène", None),  # a medical word, rare enough in general French
        ("KSS", None),
        ("Début tardif", None),  # several words: never a common word
    ],
)
def test_reasons_without_known_forms(text: str, reason: str | None) -> None:
    assert NoiseFilter().reason(text) == reason


def test_known_forms_are_compared_as_the_matcher_compares_them() -> None:
    noise = NoiseFilter(known=known_forms(["maladie de la peau", ("AVC", True)]))
    assert noise.reason("Maladies de peau") == "known"
    assert noise.reason("maladies de la peau") == "known"
    assert noise.reason("Maladie des ongles") is None
    assert noise.reason("AVC", short=True) == "known"
    assert forms("Auto-immunes") & forms("auto immune")


def test_the_threshold_can_be_raised() -> None:
    assert NoiseFilter().reason("Fièvre") == "common"
    assert NoiseFilter(max_zipf=5.0).reason("Fièvre") is None


def test_apply_drops_noisy_french_terms_and_entries_left_without_any() -> None:
    report = ExchangeReport()
    drafts = [
        draft("a", ["Gauche"], "Left"),
        draft("b", ["Calcinose", "PR"], "Calcinosis"),
        draft("c", ["Maladies de peau", "Dermatose rare"], "Skin disease"),
    ]
    kept = NoiseFilter(known=known_forms(["maladie de la peau"])).apply(drafts, report)
    assert [d.where for d in kept] == ["b", "c"]
    assert [t.text for t in kept[0].terms] == ["Calcinose", "Calcinosis"]
    assert [t.text for t in kept[1].terms] == ["Dermatose rare", "Skin disease"]
    lines = "\n".join(report.lines())
    assert "common words" in lines and "one or two letters" in lines and "bundled glossary" in lines
    assert report.count("entries left out because all their French labels are noise") == 1


def test_english_terms_are_never_filtered() -> None:
    kept = NoiseFilter().apply([draft("a", ["Calcinose"], "Left")], ExchangeReport())
    assert [t.text for t in kept[0].terms] == ["Calcinose", "Left"]


def test_bundled_forms_hold_the_seed_vocabulary() -> None:
    known = bundled_forms()
    assert forms("Dermatomyosites") <= known
    assert forms("JAK", short=True) <= known
    assert bundled_forms() is known  # computed once while the glossary does not change
