"""The glossary matcher on a small glossary of ours: inflection, elision, case, accents, hyphens."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from medgloss.model import Pattern
from medgloss.pipeline import MedglossComponent
from medgloss.termbase import TermBase
from medgloss.typography import normalise

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def component() -> MedglossComponent:
    nlp = spacy.blank("fr")
    return nlp.add_pipe("medgloss", config={"bundled": False, "glossary": [str(FIXTURES / "mini.toml")]})


def found(component: MedglossComponent, text: str, nested: bool = False) -> list[tuple[str, str | None]]:
    doc = component(spacy.blank("fr")(normalise(text)))
    return [(m.text, m.concept_id) for m in doc._.medgloss.terms if nested or not m.nested]


def top_terms(nlp: Language, text: str) -> list[tuple[str, str | None]]:
    """Text and English of the top-level mentions ``nlp`` finds in ``text``."""
    return [(t.text, t.en) for t in nlp(text)._.medgloss.terms if not t.nested]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("des maladies auto-immunes", [("maladies auto-immunes", "autoimmune_disease")]),
        ("une maladie autoimmune", [("maladie autoimmune", "autoimmune_disease")]),
        ("une maladie auto immune", [("maladie auto immune", "autoimmune_disease")]),
        ("MALADIE AUTO-IMMUNE", [("MALADIE AUTO-IMMUNE", "autoimmune_disease")]),
        ("une maladie auto-\nimmune", [("maladie auto-\nimmune", "autoimmune_disease")]),  # cut at a line end
        ("une maladie\nauto-immune", [("maladie\nauto-immune", "autoimmune_disease")]),
        ("les inhibiteurs de JAK", [("inhibiteurs de JAK", "jak_inhibitor")]),
        ("l\u2019inhibiteur des Janus kinases", [("inhibiteur des Janus kinases", "jak_inhibitor")]),
        ("un inhibiteur de la pompe à protons", [("inhibiteur de la pompe à protons", "inhibitor_of:pump")]),
        ("les essais cliniques randomisés", [("essais cliniques randomisés", "clinical_trial")]),
        (
            "un oedème, des œdèmes, un Œdème",
            [("oedème", "oedema"), ("œdèmes", "oedema"), ("Œdème", "oedema")],
        ),
        ("odeme", []),
        ("oedeme sans accents", [("oedeme", "oedema")]),
        ("la PR évolue", [("PR", "rheumatoid_arthritis")]),
        ("le Pr Martin", []),  # acronyms match case-sensitively
        ("une réanimation", [("réanimation", "intensive_care")]),
        ("www.reanimation.fr et reanimation@chu.fr", []),  # not inside URLs or e-mail addresses
        ("préréanimation", []),  # not inside a longer word
        ("un anti-TNF", [("anti-TNF", "anti:tnf")]),  # a pattern glued to its filler
        ("une RT-PCR positive", [("RT-PCR", "rt_pcr")]),
        ("tous toussent, la toux persiste", [("toux", "cough")]),  # a stop word is not a term
        ("des nouveau-nés", [("nouveau-nés", "newborn")]),
        ("l'essai QUADRI-TNF", []),  # not inside a hyphenated name
        ("au sein de l'équipe, une toux", [("toux", "cough")]),  # nothing inside a fixed expression
    ],
)
def test_matches(component: MedglossComponent, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(component, text) == expected


def test_nested_terms_are_kept_as_nested(component: MedglossComponent) -> None:
    doc = component(spacy.blank("fr")("un inhibiteur des janus kinases"))
    terms = doc._.medgloss.terms
    assert [(m.text, m.nested) for m in terms] == [
        ("inhibiteur des janus kinases", False),
        ("janus kinases", True),
    ]
    assert terms[1].parent == 0


def test_pattern_composes_english(component: MedglossComponent) -> None:
    doc = component(spacy.blank("fr")("un inhibiteur de la pompe à protons"))
    mention = doc._.medgloss.terms[0]
    assert (mention.source, mention.en, mention.lemma) == (
        "pattern",
        "proton pump inhibitor",
        "inhibiteur de pompe à protons",
    )


def test_a_plural_filler_is_singular_before_the_head_noun() -> None:
    before = Pattern("breakdown_of", "physiology", ("dégradation de {X}",), "{X} breakdown")
    assert before.compose_en("purines", plural=True) == "purine breakdown"
    assert before.compose_en("fatty acids", plural=True) == "fatty acid breakdown"
    assert before.compose_en("diabetes", plural=True) == "diabetes breakdown"  # same in the plural
    assert before.compose_en("purines") == "purines breakdown"  # a singular French filler stays as is
    after = Pattern("ulcer_of", "disorder", ("ulcère de {X}",), "ulcer of the {X}")
    assert after.compose_en("bronchi", plural=True) == "ulcer of the bronchi"  # not before a noun


def test_variant_picks_english_spelling() -> None:
    tb = TermBase.load([FIXTURES / "mini.toml"], bundled=False)
    nlp = spacy.blank("fr")
    us = MedglossComponent(nlp, termbase=tb, variant="en-US")
    gb = MedglossComponent(nlp, termbase=tb, variant="en-GB")
    text = "un œdème"
    assert us(nlp(text))._.medgloss.terms[0].en == "edema"
    assert gb(nlp(text))._.medgloss.terms[0].en == "oedema"


def test_english_segment_is_matched_in_english(component: MedglossComponent) -> None:
    text = (
        "La polyarthrite rhumatoïde progresse.\n\n"
        "Source\n\nA randomised trial of Janus kinase inhibitors in patients with rheumatoid arthritis and oedema."
    )
    terms = component(spacy.blank("fr")(text))._.medgloss.terms
    assert [(m.text, m.lang) for m in terms if not m.nested] == [
        ("polyarthrite rhumatoïde", "fr"),
        ("Janus kinase", "en"),
        ("rheumatoid arthritis", "en"),
        ("oedema", "en"),
    ]


def test_elliptical_terms_need_their_concept_named_before(component: MedglossComponent) -> None:
    def terms(text: str) -> list[tuple[str, str | None, str | None]]:
        return [(t.text, t.concept_id, t.en) for t in component(spacy.blank("fr")(text))._.medgloss.terms]

    assert terms("Une crise sanitaire, puis l'asthme.") == [("asthme", "asthma", "asthma")]
    assert terms("L'asthme de l'enfant : une crise la nuit, des crises le jour.")[1:] == [
        ("crise", "asthma_attack", "attack"),  # named through "asthme", inside "crise d'asthme"
        ("crises", "asthma_attack", "attack"),
    ]
    assert terms("Une crise d'épilepsie, puis l'asthme. La crise passe.")[-1] == (
        "crise",
        "asthma_attack",  # the concept named last
        "attack",
    )
    assert terms("Une tension politique. L'hypertension : la tension monte.")[1:] == [
        ("tension", "blood_pressure", "blood pressure")  # "hypertension" ends with it
    ]
    assert terms("Après une crise d'asthme, une autre crise.") == [
        ("crise d'asthme", "asthma_attack", "asthma attack"),
        ("asthme", "asthma", "asthma"),
        ("crise", "asthma_attack", "attack"),
    ]


def test_lay_french_gets_lay_english(component: MedglossComponent) -> None:
    terms = component(spacy.blank("fr")("une rougeur, un érythème"))._.medgloss.terms
    assert [(t.text, t.en) for t in terms] == [("rougeur", "redness"), ("érythème", "erythema")]


def test_tagger_filters_one_word_matches(nlp_full) -> None:  # type: ignore[no-untyped-def]
    from medgloss.typography import normalise

    text = "Le nez se bouche. La bouche est sèche. Les essais cliniques et le tofacitinib."
    ann = nlp_full(normalise(text))._.medgloss
    found = [(t.text, t.nested) for t in ann.terms]
    assert ("bouche", False) in found and text.index("bouche") != ann.terms[0].start
    assert [t.start for t in ann.terms if t.text == "bouche"] == [text.index("La bouche") + 3]
    assert ("cliniques", True) not in found  # an adjective after a noun is not "clinique" (hospital)
    assert ("tofacitinib", False) in found  # tagged as a verb by the small model, kept: its lemma is itself


def test_medical_adjectives_compose_a_term_the_glossary_lacks(nlp_full) -> None:  # type: ignore[no-untyped-def]
    from medgloss.typography import normalise

    component = MedglossComponent(nlp_full, termbase=TermBase.load([FIXTURES / "mini.toml"], bundled=False))
    text = "Un œdème pulmonaire aigu. Un œdème important. L'œdème provoque une gêne."
    doc = nlp_full.make_doc(normalise(text))
    for _, proc in nlp_full.pipeline[:-1]:
        doc = proc(doc)
    terms = component.annotate_doc(doc).terms
    top = [(t.text, t.en, t.source) for t in terms if not t.nested]
    assert top[0] == ("œdème pulmonaire aigu", "acute pulmonary oedema", "pattern")
    assert ("œdème", "oedema", "glossary") in top[1:]  # "important" qualifies, it makes no new term
    assert all("provoque" not in t for t, _, _ in top)


def test_full_stop_kept_on_a_mixed_case_abbreviation_is_not_part_of_the_term(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    terms = nlp_fast("Il a un déficit en IgA. Puis rien.")._.medgloss.terms
    assert "déficit en IgA" in [t.text for t in terms if not t.nested]  # the tokenizer gives "IgA."
    terms = nlp_fast("La vitamine D. Une infection à E. coli. Le C. trachomatis.")._.medgloss.terms
    top = [t.text for t in terms if not t.nested]
    assert top == ["vitamine D", "infection à E. coli", "C. trachomatis"]  # "D." ends a sentence


def test_generic_heads_compose_with_medical_adjectives(nlp_full) -> None:  # type: ignore[no-untyped-def]
    text = "Des troubles hépatiques, des complications cardiovasculaires, des complications chroniques. Un trouble."
    terms = [(t.text, t.en, t.source) for t in nlp_full(text)._.medgloss.terms]
    assert ("troubles hépatiques", "hepatic disorder", "pattern") in terms
    assert (
        "complications cardiovasculaires",
        "cardiovascular complication",
        "pattern",
    ) in terms  # tagged VERB
    assert all(
        t[0] not in ("complications chroniques", "trouble") for t in terms
    )  # time course; generic alone


def test_folded_endings_do_not_turn_participles_or_singulars_into_terms(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    terms = [
        t.text
        for t in nlp_fast(
            "Le nez est bouché. La règle est simple. Les règles sont douloureuses."
        )._.medgloss.terms
    ]
    assert "bouché" not in terms and "règle" not in terms  # not "bouche" (mouth), not "règles" (menstruation)
    temples = [t.text for t in nlp_fast("Le temps passe. La tempe, les tempes.")._.medgloss.terms]
    assert temples == ["tempe", "tempes"]  # "temps" is no plural of "tempe"
    assert "nez" in terms and "règles" in terms


def test_a_letter_accented_differently_is_another_word(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    terms = [
        (t.text, t.concept_id)
        for t in nlp_fast("Une gêne respiratoire. Un gène muté. Une gene.")._.medgloss.terms
    ]
    assert ("gêne", "gene") not in terms  # "gêne" (discomfort) is not "gène" (gene)
    assert ("gène", "gene") in terms and ("gene", "gene") in terms  # a missing accent is tolerated


def test_lay_french_gets_the_closest_lay_english(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    terms = {
        t.text: t.en for t in nlp_fast("Une difficulté respiratoire, un essoufflement.")._.medgloss.terms
    }
    assert terms == {
        "difficulté respiratoire": "breathing difficulty",
        "essoufflement": "shortness of breath",
    }


def test_signs_and_tests_of_a_body_part_make_one_term(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    text = "Une douleur du mollet, une échographie de la rate, un cancer de la peau."
    top = [(t.text, t.en, t.source) for t in nlp_fast(text)._.medgloss.terms if not t.nested]
    assert ("douleur du mollet", "calf pain", "pattern") in top
    assert ("échographie de la rate", "spleen ultrasound", "pattern") in top
    assert ("cancer de la peau", "skin cancer", "glossary") in top  # a glossary term, not composed


def test_adjectives_the_model_tags_as_nouns_or_verbs_compose(nlp_full) -> None:  # type: ignore[no-untyped-def]
    text = "Des thromboses veineuses. Une thyroïdite auto-immune. Une anémie hémolytique chronique."
    top = top_terms(nlp_full, text)
    assert ("thromboses veineuses", "venous thrombosis") in top  # "veineuses" tagged NOUN
    assert ("thyroïdite auto-immune", "autoimmune thyroiditis") in top  # "auto-immune" tagged VERB
    assert ("anémie hémolytique", "haemolytic anaemia") in top  # time course does not extend a disorder


def test_relational_nouns_compose_with_their_complement(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    text = "Le transport de l’oxygène, la dégradation des purines, une résistance à la rifampicine."
    top = [(t.text, t.en, t.source) for t in nlp_fast(text)._.medgloss.terms if not t.nested]
    assert top == [
        ("transport de l’oxygène", "oxygen transport", "pattern"),
        ("dégradation des purines", "purine breakdown", "pattern"),  # a noun adjunct is singular
        ("résistance à la rifampicine", "rifampicin resistance", "pattern"),
    ]


def test_an_identifier_after_a_term_makes_one_term(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    text = "Le gène LRRK2, le chromosome 7, l’antigène NS1. Amoxicilline 250 mg. Le gène Le."
    top = top_terms(nlp_fast, text)
    assert ("gène LRRK2", "LRRK2 gene") in top  # a symbol comes first in English
    assert ("chromosome 7", "chromosome 7") in top  # a number last
    assert ("antigène NS1", "NS1 antigen") in top
    assert ("Amoxicilline", "amoxicillin") in top  # a drug's number is its strength
    assert top[-1] == ("gène", "gene")  # a capitalised word is no identifier


def test_irregular_plurals_match_their_singular(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    top = top_terms(nlp_fast, "Des maux de dos, les yeux secs.")
    assert ("maux de dos", "back pain") in top and top[-1][0] == "yeux secs"


def test_a_negated_adjective_composes(nlp_full) -> None:  # type: ignore[no-untyped-def]
    text = "Les symptômes non moteurs. Une fibrillation atriale non valvulaire."
    top = top_terms(nlp_full, text)
    assert top == [
        ("symptômes non moteurs", "non-motor symptom"),
        ("fibrillation atriale non valvulaire", "non-valvular atrial fibrillation"),
    ]


def test_an_adjective_whose_english_holds_the_head_does_not_repeat_it(nlp_full) -> None:  # type: ignore[no-untyped-def]
    top = top_terms(nlp_full, "Des médicaments antiépileptiques.")
    assert top == [("médicaments antiépileptiques", "antiepileptic drug")]  # not "antiepileptic drug drug"


def test_unknown_drug_names_and_therapies_become_candidates(nlp_full) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le céfidérocol est récent. Ne prenez pas de gemfibrozil. La phagothérapie est étudiée. Une maison."
    )
    found = {(t.text, t.en, t.source) for t in nlp_full(text)._.medgloss.terms}
    assert ("céfidérocol", "cefiderocol", "candidate") in found  # a long word general French never uses
    assert ("gemfibrozil", "gemfibrozil", "candidate") in found
    assert ("phagothérapie", "phagotherapy", "candidate") in found  # -thérapie
    assert all(t != "maison" for t, _, _ in found)


def test_society_names_and_slash_combinations_compose(nlp_full) -> None:  # type: ignore[no-untyped-def]
    text = "La Société française de neurologie conseille le nirmatrelvir/ritonavir. La dose est de 5 mg/kg."
    top = top_terms(nlp_full, text)
    assert ("Société française de neurologie", "French Society of Neurology") in top  # a proper name
    assert ("nirmatrelvir/ritonavir", "nirmatrelvir/ritonavir") in top  # a candidate with a glossary drug
    assert all("mg/kg" not in t for t, _ in top)


def test_a_person_word_used_predicatively_gets_the_adjective(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    text = "Si vous êtes diabétique ou asthmatique. Les diabétiques."
    top = top_terms(nlp_fast, text)
    assert top == [
        ("diabétique", "diabetic"),
        ("asthmatique", "asthmatic"),  # coordinated with the first
        ("diabétiques", "person with diabetes"),  # a noun keeps person-first wording
    ]


def test_eponyms_and_viruses_compose(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    text = "Un syndrome de Zollinger-Ellison. Le virus de l’hépatite delta est un virus à ADN."
    top = top_terms(nlp_fast, text)
    assert ("syndrome de Zollinger-Ellison", "Zollinger-Ellison syndrome") in top  # the name first
    assert {
        ("virus de l’hépatite delta", "hepatitis D virus"),
        ("virus de l’hépatite delta", "hepatitis delta virus"),
    } & set(top)
    assert ("virus à ADN", "DNA virus") in top


def test_a_lay_filler_keeps_lay_english_in_a_pattern(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    top = top_terms(nlp_fast, "Une augmentation des enzymes du foie.")
    assert top == [
        ("augmentation des enzymes du foie", "increased liver enzymes")
    ]  # not "increased transaminases"


def test_a_verb_the_model_tags_as_an_adjective_does_not_compose(nlp_full) -> None:  # type: ignore[no-untyped-def]
    top = top_terms(nlp_full, "La toux augmente.")
    assert top == [("toux", "cough")]  # "augmente" (ADJ, lemma "augment") is a frequent verb form


def test_english_follows_the_form_of_the_french_term(nlp_full) -> None:  # type: ignore[no-untyped-def]
    text = "Une mutation. L’ADN viral. Une IRM. Des nodules sous-cutanés. Une uricémie inférieure à 60 mg/l."
    top = top_terms(nlp_full, text)
    assert ("mutation", "mutation") in top  # its English twin, not the preferred "genetic mutation"
    assert ("ADN viral", "viral DNA") in top and ("IRM", "MRI") in top  # an acronym gets an acronym
    assert ("nodules sous-cutanés", "subcutaneous nodule") in top  # the adjective, not "subcutaneous route"
    assert ("uricémie", "serum uric acid") in top  # "inférieure à" compares, it makes no term


def test_strengths_operability_and_numbered_long_forms(nlp_full) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le macrogol 400 et la Metformine 1 000 mg. Un mélanome opérable. Le cotransporteur de type 2 (CT2)."
    )
    ann = nlp_full(text)._.medgloss
    top = [(t.text, t.en) for t in ann.terms if not t.nested]
    assert ("macrogol 400", "macrogol 400") in top  # a grade, not a strength
    assert ("Metformine", "metformin") in top  # 1 000 mg is a strength
    assert ("mélanome", "melanoma") in top  # "opérable" qualifies
    assert {a.short: a.en for a in ann.abbreviations} == {"CT2": None}  # no word-by-word calque


def test_a_generic_head_gives_way_to_the_term_crossing_it(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    text = "Le risque de fracture de la hanche. Une dose de vaccin contre la grippe."
    top = top_terms(nlp_fast, text)
    assert top == [
        ("fracture de la hanche", "hip fracture"),
        ("vaccin contre la grippe", "influenza vaccine"),
    ]


def test_a_state_of_people_is_the_term_and_gets_the_adjective(nlp_full) -> None:  # type: ignore[no-untyped-def]
    text = "Les personnes immunodéprimées, l’adulte immunodéprimé et les enfants non vaccinés. Des sujets homozygotes SS."
    top = top_terms(nlp_full, text)
    assert ("immunodéprimées", "immunocompromised") in top  # not "personnes immunodéprimées"
    assert ("immunodéprimé", "immunocompromised") in top  # not the candidate "adulte immunodéprimé"
    assert ("non vaccinés", "unvaccinated") in top
    assert all("SS" not in t for t, _ in top)  # an adjective of people names nothing


def test_a_term_in_the_complement_wins_and_a_shared_adjective_stays_out(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La réactivation du virus varicelle-zona. L’évolution de la maladie rénale chronique. "
        "En cas d’insuffisance rénale ou d’insuffisance cardiaque sévères."
    )
    top = top_terms(nlp_fast, text)
    assert ("virus varicelle-zona", "varicella zoster virus") in top
    assert ("maladie rénale chronique", "chronic kidney disease") in top
    assert ("insuffisance cardiaque", "heart failure") in top  # "sévères" qualifies both failures


def test_a_participle_is_no_part_of_a_term(nlp_full) -> None:  # type: ignore[no-untyped-def]
    top = top_terms(nlp_full, "Des vésicules groupées. Une vasodilatation cutanée.")
    assert ("vésicules", "vesicle") in top  # not "group vesicle"
    assert ("vasodilatation cutanée", "cutaneous vasodilation") in top  # an adjective in -ée still composes


def test_haut_after_a_head_is_upper(nlp_full) -> None:  # type: ignore[no-untyped-def]
    top = top_terms(nlp_full, "Une endoscopie digestive haute.")
    assert ("endoscopie digestive haute", "upper gastrointestinal endoscopy") in top


def test_a_counted_word_is_a_noun_and_an_organism_takes_its_group(nlp_full) -> None:  # type: ignore[no-untyped-def]
    text = "La dose est de 1 comprimé à 1 000 mg. Le méningocoque C circule."
    top = top_terms(nlp_full, text)
    assert ("comprimé", "tablet") in top  # the model tags it as the participle of comprimer
    assert ("méningocoque C", "meningococcus C") in top


def test_a_french_synonym_gets_the_english_that_echoes_it(nlp_fast) -> None:  # type: ignore[no-untyped-def]
    top = top_terms(nlp_fast, "Des nodules sous-cutanés.")
    assert top == [("nodules sous-cutanés", "subcutaneous nodule")]  # the concept prefers "skin nodule"


def test_an_adjective_the_glossary_knows_as_a_phrase_composes_by_its_shape(nlp_full) -> None:  # type: ignore[no-untyped-def]
    top = top_terms(nlp_full, "Un traitement périopératoire.")
    assert top == [
        ("traitement périopératoire", "perioperative treatment")
    ]  # not "perioperative period treatment"
