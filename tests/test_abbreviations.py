"""Abbreviations defined in French text, and their later short forms."""

from __future__ import annotations

import pytest

from medgloss.api import annotate


@pytest.mark.parametrize(
    ("text", "short", "long", "concept"),
    [
        ("Un inhibiteur des janus kinases (ou JAK) agit.", "JAK", "janus kinases", "janus_kinase"),
        ("Un accident vasculaire cérébral (AVC) survient.", "AVC", "accident vasculaire cérébral", "stroke"),
        (
            "L’IRM (imagerie par résonance magnétique) montre tout.",
            "IRM",
            "imagerie par résonance magnétique",
            None,
        ),
        (
            "Les centres de soins, d’accompagnement et de prévention en addictologie (Csapa) sont gratuits.",
            "Csapa",
            "centres de soins, d’accompagnement et de prévention en addictologie",
            None,
        ),
    ],
)
def test_definitions(text: str, short: str, long: str, concept: str | None) -> None:
    (found,) = annotate(text, mode="fast").abbreviations
    assert (found.short, found.long) == (short, long)
    if concept:
        assert found.concept_id == concept


def test_not_every_parenthesis_is_a_definition() -> None:
    ann = annotate("Le Pr Martin (Paris) et le Dr Roux (CHU de Lyon) parlent (enfin).", mode="fast")
    assert ann.abbreviations == []


def test_later_short_forms_take_the_definition() -> None:
    text = "Une insuffisance cardiaque (IC) est grave. Les patients atteints d’IC sont suivis."
    ann = annotate(text, mode="fast")
    ic = [t for t in ann.terms if t.text == "IC"]
    assert len(ic) == 2
    assert all(t.concept_id == "heart_failure" and not t.ambiguous for t in ic)


def test_unknown_long_forms_get_english_only_when_it_composes() -> None:
    text = (
        "L’Observatoire lorrain des drogues et des tendances addictives (OLDTA) publie. "
        "Un projet de suivi personnalisé (PSUP) est signé."
    )
    ann = annotate(text, mode="fast")
    by_short = {a.short: a for a in ann.abbreviations}
    assert by_short["OLDTA"].en is None  # a coordination does not compose word by word: no calque
    assert by_short["PSUP"].en == "personalised follow-up plan"
    later = [t for t in ann.terms if t.text == "OLDTA"]
    assert later and later[0].source == "abbreviation"


def test_an_abbreviation_defined_in_the_text_overrides_the_glossary_meaning() -> None:
    ann = annotate("Un projet de soins personnalisé (PSP) est signé. Le PSP est revu.", mode="fast")
    psp = [t for t in ann.terms if t.text == "PSP"]
    assert len(psp) == 2 and {t.en for t in psp} == {
        "nursing care plan"
    }  # not progressive supranuclear palsy
