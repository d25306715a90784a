"""Term rules on French and English texts (medgloss.check.term_rules), with the real pipeline.

Each rule has sentences where it must fire and sentences where it must not: inflected forms,
legitimate variants, ordinary words that only look like a false friend.
"""

from __future__ import annotations

from medgloss.check import CheckOptions, Document, Finding, check_document
from medgloss.check.term_rules import spelling


def check(text: str, lang: str, **options: str) -> list[Finding]:
    return check_document(Document("article.txt", text, lang), CheckOptions(**options))


def found(text: str, lang: str, rule: str, **options: str) -> list[tuple[str | None, str | None]]:
    return [(f.term, f.suggestion) for f in check(text, lang, **options) if f.rule == rule]


def test_forbidden_english_terms_are_errors_with_the_preferred_term() -> None:
    findings = check("After the overdose, the patient was transferred to reanimation.", "en")
    (f,) = [f for f in findings if f.rule == "forbidden-term"]
    assert (f.severity, f.term, f.suggestion) == ("error", "reanimation", "intensive care")
    assert (f.line, f.column, f.length) == (1, 52, 11)
    assert "False friend" in f.message


def test_false_friends_in_english() -> None:
    text = "The medicament caused an intoxication, treated in the emergency department."
    assert found(text, "en", "forbidden-term") == [("medicament", "drug"), ("intoxication", "poisoning")]


def test_ordinary_words_are_not_reported_without_a_source() -> None:
    # 'delivery' is forbidden for 'délivrance' (the placenta) but is an everyday English word
    text = "The delivery of the drug to the tumour was delayed; alcohol consumption was low."
    assert found(text, "en", "forbidden-term") == []
    assert found(text, "en", "deprecated-term") == []


def test_deprecated_terms() -> None:
    assert found("Le diabète insulinodépendant touche surtout les enfants.", "fr", "deprecated-term") == [
        ("diabète insulinodépendant", "diabète de type 1")
    ]
    assert found("The cardiac insufficiency worsened in winter.", "en", "deprecated-term") == [
        ("cardiac insufficiency", "heart failure")
    ]


def test_preferred_terms_are_not_reported() -> None:
    text = "Le diabète de type 1 et l'insuffisance cardiaque sont des maladies chroniques."
    assert [f for f in check(text, "fr") if f.rule in ("deprecated-term", "forbidden-term")] == []


def test_competing_spellings_of_one_concept() -> None:
    text = "La dermatomyosite est une maladie auto-immune. Le lupus est aussi une maladie autoimmune."
    assert found(text, "fr", "inconsistent-variant") == [("maladie autoimmune", "maladie auto-immune")]


def test_covid_written_three_ways() -> None:
    text = "La COVID-19 a touché la France. Le Covid a fermé les écoles et le covid reste surveillé."
    assert found(text, "fr", "inconsistent-variant") == [("Covid", "COVID-19"), ("covid", "COVID-19")]


def test_inflection_and_sentence_initial_capitals_are_not_competing_spellings() -> None:
    text = (
        "Les maladies auto-immunes sont fréquentes. Maladie auto-immune rare, la dermatomyosite "
        "touche la peau.\nDermatomyosite : un nouveau traitement pour la dermatomyosite."
    )
    assert found(text, "fr", "inconsistent-variant") == []


def test_spelling_keys() -> None:
    assert spelling("auto-immunes") == spelling("auto-immune") != spelling("auto immune")
    assert spelling("hôpitaux") == spelling("hôpital") != spelling("hopital")
    assert spelling("DERMATOMYOSITE", heading=True) == spelling("dermatomyosite")


def test_mixed_british_and_american_spellings() -> None:
    text = "The tumour was removed. Tumours of this kind are rare, and the tumor did not recur."
    assert found(text, "en", "mixed-variant") == [("tumor", "tumour")]


def test_one_variant_throughout_is_fine() -> None:
    assert found("The tumor was removed. Tumors of this kind cause anemia.", "en", "mixed-variant") == []


def test_wrong_variant_for_the_variant_asked_for() -> None:
    text = "The tumour was removed; haemoglobin was normal."
    assert found(text, "en", "wrong-variant", variant="en-US") == [
        ("tumour", "tumor"),
        ("haemoglobin", "hemoglobin"),
    ]
    assert found(text, "en", "wrong-variant", variant="en-GB") == []
    assert found(text, "en", "mixed-variant", variant="en-US") == []


def test_register_for_lay_readers() -> None:
    text = "Un infarctus du myocarde est une urgence."
    assert found(text, "fr", "register", register="lay") == [("infarctus du myocarde", "crise cardiaque")]
    assert found(text, "fr", "register") == []  # only when asked


def test_register_for_professionals() -> None:
    text = "Une crise cardiaque est une urgence."
    assert found(text, "fr", "register", register="professional") == [
        ("crise cardiaque", "infarctus du myocarde")
    ]
    assert found(text, "fr", "register", register="lay") == []


def test_english_quotation_in_a_french_article_is_left_alone() -> None:
    text = (
        "La dermatomyosite est une maladie rare.\n\n"
        "Source : Successful treatment of calcinosis with a medicament in the tumor clinic and a tumour ward.\n"
    )
    assert [f for f in check(text, "fr") if f.rule != "number-format"] == []
