"""Acceptance on the seed article (../shared/seed): its vocabulary is found with the right English."""

from __future__ import annotations

import re

import pytest

from medgloss.annotation import Annotation
from medgloss.api import annotate
from medgloss.pipeline import MedglossComponent

# (pattern over the French text, accepted English equivalents)
SEED_VOCABULARY = [
    (r"[Dd]ermatomyosite(?! réfractaire)", {"dermatomyositis"}),
    (r"dermatomyosite réfractaire", {"refractory dermatomyositis"}),
    (r"tofacitinib", {"tofacitinib"}),
    (r"ruxolitinib", {"ruxolitinib"}),
    (r"calcinose", {"calcinosis"}),
    (r"calcifications?", {"calcification"}),
    (r"inhibiteurs? (?:des janus kinases|de JAK)", {"JAK inhibitor", "Janus kinase inhibitor"}),
    (r"janus kinases", {"Janus kinase"}),
    (r"\bJAK\b", {"Janus kinase", "JAK"}),
    (r"système immunitaire", {"immune system"}),
    (r"maladie auto-immune", {"autoimmune disease"}),
    (r"cristaux de calcium", {"calcium crystals", "calcium crystal"}),
    (r"thiosulfate de sodium", {"sodium thiosulfate"}),
    (r"essais? cliniques?", {"clinical trial"}),
    (r"comprimés", {"tablet"}),
    (r"maladies inflammatoires", {"inflammatory disease"}),
    (r"processus inflammatoires", {"inflammatory process"}),
    (r"atteinte pulmonaire", {"lung involvement", "pulmonary involvement"}),
    (r"pneumopathie interstitielle", {"interstitial lung disease"}),
    (r"mitochondries", {"mitochondrion", "mitochondria"}),
    (r"enzymes", {"enzyme"}),
]


@pytest.fixture(scope="module")
def seed_annotation(seed_text: str) -> Annotation:
    return annotate(seed_text, source="seed.txt")


def french_part(ann: Annotation) -> int:
    return next(s.start for s in ann.segments if s.lang == "en")


@pytest.mark.parametrize(("pattern", "english"), SEED_VOCABULARY, ids=[p for p, _ in SEED_VOCABULARY])
def test_every_occurrence_is_found_with_its_english(
    seed_annotation: Annotation, pattern: str, english: set[str]
) -> None:
    ann = seed_annotation
    end_fr = french_part(ann)
    occurrences = [m for m in re.finditer(pattern, ann.text) if m.start() < end_fr]
    assert occurrences, f"the seed no longer contains {pattern!r}"
    for occ in occurrences:
        covering = [t for t in ann.terms if t.start == occ.start() and t.end == occ.end()]
        assert covering, f"{occ.group()!r} at {occ.start()} not found"
        assert any(t.en in english for t in covering), (occ.group(), [t.en for t in covering])


def test_english_citation_is_not_french(seed_annotation: Annotation) -> None:
    ann = seed_annotation
    citation = ann.text.index("Successful treatment")
    assert ann.lang_at(citation) == "en"
    assert ann.lang_at(ann.text.index("Wendel S")) == "en"
    assert all(t.lang == "en" for t in ann.terms if t.start >= citation)
    assert all(t.source != "candidate" for t in ann.terms if t.start >= citation)


def test_ou_jak_is_an_abbreviation(seed_annotation: Annotation) -> None:
    (jak,) = [a for a in seed_annotation.abbreviations if a.short == "JAK"]
    assert jak.long == "janus kinases"
    assert jak.concept_id == "janus_kinase"
    assert seed_annotation.text[jak.start - 4 : jak.end + 1] == "(ou JAK)"


def test_generic_words_are_not_terms(seed_annotation: Annotation) -> None:
    found = {t.text.lower() for t in seed_annotation.terms if not t.nested}
    assert not found & {"traitement", "personnes", "médecin", "étude", "patient"}


def test_offsets_point_into_the_original_text(seed_annotation: Annotation, seed_text: str) -> None:
    assert seed_annotation.text == seed_text
    for t in seed_annotation.terms:
        assert seed_text[t.start : t.end] == t.text
    # the typographic apostrophe stays in the original text
    assert "s’attaque" in seed_text


def test_calcinose_comes_back_as_a_candidate(nlp_full, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    base: MedglossComponent = nlp_full.get_pipe("medgloss")
    lacking = MedglossComponent(nlp_full, termbase=base.termbase.without(["calcinosis"]))
    from medgloss.typography import normalise

    doc = nlp_full.make_doc(normalise(seed_text))
    for _, proc in nlp_full.pipeline[:-1]:
        doc = proc(doc)
    ann = lacking.annotate_doc(doc)
    calcinose = [t for t in ann.terms if t.text == "calcinose"]
    assert calcinose, "calcinose not proposed"
    assert all(t.source == "candidate" and t.en == "calcinosis" and t.concept_id is None for t in calcinose)
