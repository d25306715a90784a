"""Numbers, doses and units: notation in a text, agreement in a translation
(medgloss.check.number_rules)."""

from __future__ import annotations

from medgloss.check import CheckOptions, Document, Finding, Translation, check_document, check_translation
from medgloss.check.align import align_texts


def text_findings(text: str, lang: str, rule: str) -> list[tuple[str | None, str | None]]:
    findings = check_document(Document("article.txt", text, lang), CheckOptions())
    return [(f.term, f.suggestion) for f in findings if f.rule == rule]


def pair(source: str, target: str, source_lang: str = "fr") -> list[Finding]:
    alignment = align_texts(source, target)
    translation = Translation(
        Document("source.txt", source, source_lang),
        Document("target.txt", target, "en" if source_lang == "fr" else "fr"),
        alignment.pairs,
        alignment.method,
    )
    return [f for f in check_translation(translation, CheckOptions()) if f.rule.endswith("-mismatch")]


def test_decimal_point_in_french() -> None:
    assert text_findings("Le méthotrexate est donné à 2.5 mg par jour.", "fr", "number-format") == [
        ("2.5 mg", "2,5 mg")
    ]


def test_decimal_comma_in_english() -> None:
    assert text_findings("The dose was 2,5 mg a day.", "en", "number-format") == [("2,5 mg", "2.5 mg")]


def test_each_language_its_own_convention() -> None:
    assert (
        text_findings("La dose est de 2,5 mg ; 4 600 cellules/mm³ ; 12 000 UI.", "fr", "number-format") == []
    )
    assert text_findings("The dose was 2.5 mg; 4,600 cells/mm3; 12,000 IU.", "en", "number-format") == []
    assert text_findings("Version 2.5 du protocole, section 3.1.", "fr", "number-format") == []  # no unit


def test_unit_notation() -> None:
    assert text_findings("Le zinc était à 49 mcg/dL.", "fr", "unit-notation") == [("mcg", "µg")]
    assert text_findings("Filgrastim 300 ug a day; 10 UI of insulin.", "en", "unit-notation") == [
        ("ug", "µg"),
        ("UI", "IU"),
    ]
    assert text_findings("Le zinc était à 49 µg/dL.", "fr", "unit-notation") == []


def test_wrong_dose() -> None:
    (f,) = pair(
        "Le méthotrexate est prescrit à 15 mg par semaine.", "Methotrexate is prescribed at 50 mg a week."
    )
    assert (f.rule, f.severity, f.term, f.suggestion) == ("number-mismatch", "error", "50 mg", "15 mg")
    assert (f.line, f.column) == (1, 31)


def test_same_values_in_each_language_convention() -> None:
    assert (
        pair(
            "Elle a reçu 2,5 mg/kg/j ; 4 600 PNN/mm³ ; fièvre à 38,5 °C.",
            "She received 2.5 mg/kg/day; 4,600 PMN/mm3; fever of 38.5°C.",
        )
        == []
    )
    assert pair("Le taux était de 2,5 %.", "The rate was 2.5%.") == []


def test_spelled_out_numbers_account_for_digits() -> None:
    assert pair("Un gonflement évoluant depuis trois semaines.", "A 3-week history of swelling.") == []
    assert pair("Two patients over 3 weeks.", "Deux patients sur trois semaines.", source_lang="en") == []


def test_a_missing_value_is_reported_where_the_segment_starts() -> None:
    (f,) = pair("Une fièvre à 38,5 °C a été notée.", "A fever was noted.")
    assert (f.rule, f.line, f.column, f.length, f.term) == ("number-mismatch", 1, 1, 0, "38,5 °C")


def test_a_comma_kept_from_english_changes_the_value_in_french() -> None:
    (f,) = pair(
        "The neutrophil count was 4,600/uL.", "Les neutrophiles étaient à 4,600/uL.", source_lang="en"
    )
    assert f.rule == "number-mismatch"
    assert "4.6" in f.message and "4600" in f.message


def test_wrong_unit() -> None:
    (f,) = pair("Il reçoit 5 mg par jour.", "He receives 5 g a day.")
    assert (f.rule, f.term, f.suggestion) == ("unit-mismatch", "5 g", "5 mg")


def test_unit_written_in_words_is_not_a_mismatch() -> None:
    assert pair("Il reçoit 15 mg/j.", "He receives 15 mg per day.") == []
