"""The terminology rule of translation QA (medgloss.check.equivalent_rules): each source term
has its glossary equivalent in the aligned target segment."""

from __future__ import annotations

from medgloss.check import CheckOptions, Document, Translation, check_translation
from medgloss.check.align import align_texts
from medgloss.check.equivalent_rules import word_keys


def found(source: str, target: str, source_lang: str = "fr", rule: str = "missing-equivalent") -> list[tuple]:
    alignment = align_texts(source, target)
    translation = Translation(
        Document("source.txt", source, source_lang),
        Document("target.txt", target, "en" if source_lang == "fr" else "fr"),
        alignment.pairs,
        alignment.method,
    )
    return [(f.term, f.suggestion) for f in check_translation(translation, CheckOptions()) if f.rule == rule]


def test_missing_equivalent() -> None:
    assert found("Plusieurs essais cliniques sont en cours.", "Several studies are under way.") == [
        ("essais cliniques", "clinical trial")
    ]


def test_inflected_equivalents() -> None:
    assert found("Plusieurs essais cliniques sont en cours.", "Several clinical trials are under way.") == []
    assert found("Les maladies auto-immunes sont fréquentes.", "Autoimmune diseases are common.") == []


def test_admitted_equivalents_and_word_order() -> None:
    assert found("Une maladie auto-immune rare.", "A rare autoimmune disorder.") == []
    assert found("Des cristaux de calcium se déposent.", "Crystals of calcium are deposited.") == []
    assert (
        found(
            "Le traitement de la dermatomyosite réfractaire.",
            "Treatment of dermatomyositis refractory to steroids.",
        )
        == []
    )


def test_everyday_words_are_not_required() -> None:
    assert found("Le sang est prélevé le matin.", "A sample is taken in the morning.") == []


def test_abbreviation_left_untranslated() -> None:
    assert found("Le patient a une HTA.", "The patient has HTA.") == [("HTA", "hypertension")]


def test_english_to_french() -> None:
    assert (
        found(
            "She developed graft-versus-host disease.",
            "Elle a développé une maladie du greffon contre l'hôte.",
            "en",
        )
        == []
    )
    assert found("She developed chronic GVHD.", "Elle a développé une GVHD chronique.", "en") == [
        ("chronic GVHD", "maladie du greffon contre l'hôte chronique")  # the English acronym kept in French
    ]


def test_a_false_friend_is_reported_once_as_forbidden() -> None:
    source, target = "Le patient est en réanimation.", "The patient is in reanimation."
    assert found(source, target) == []
    assert found(source, target, rule="forbidden-term") == [("reanimation", "intensive care")]


def test_word_keys() -> None:
    assert word_keys("the crystals of calcium", "en") == ["crystal", "calcium"]
    assert word_keys("calcium-rich studies", "en") == ["calcium-rich", "calcium", "rich", "study"]
