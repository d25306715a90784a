"""Numbers, doses and units read with French and English conventions (medgloss.check.numbers)."""

from __future__ import annotations

import pytest

from medgloss.check.numbers import find_quantities, number_words, parse_number, unit_key


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("2,5", "fr", {2.5}),
        ("2.5", "en", {2.5}),
        ("4 600", "fr", {4600.0}),
        ("4,600", "en", {4600.0}),
        ("4,600", "fr", {4.6}),  # a French reader reads a decimal comma
        ("12 000,5", "fr", {12000.5}),
        ("1,234,567.5", "en", {1234567.5}),
        ("1.234.567,5", "fr", {1234567.5}),
        ("30.103", "fr", {30.103, 30103.0}),  # a point before three digits may group thousands
        ("0.375", "en", {0.375}),
        ("2,5", "en", {2.5}),  # a French decimal in English text is still read as one
    ],
)
def test_parse_number(text: str, lang: str, values: set[float]) -> None:
    assert parse_number(text, lang) == values


def test_units_are_canonical_in_both_languages() -> None:
    assert unit_key("mg/kg/j", "fr") == unit_key("mg/kg/day", "en") == "mg/kg/day"
    assert unit_key("mcg", "en") == unit_key("µg", "fr") == unit_key("ug", "fr") == "µg"
    assert unit_key("cellules/mm³", "fr") == unit_key("cells/mm3", "en")
    assert unit_key("ans", "fr") == unit_key("years", "en") == "year"


def test_quantities_of_a_french_prescription() -> None:
    text = "Méthotrexate 15 mg/semaine, acide folique 5 mg 48 h après ; fièvre à 38,5 °C ; PNN 4 600/mm³."
    found = [(q.text, sorted(q.values), q.unit) for q in find_quantities(text, "fr")]
    assert found == [
        ("15 mg/semaine", [15.0], "mg/week"),
        ("5 mg", [5.0], "mg"),
        ("48 h", [48.0], "h"),
        ("38,5 °C", [38.5], "°C"),
        ("4 600/mm³", [4600.0], "/mm3"),
    ]


def test_quantity_offsets_point_into_the_text() -> None:
    text = "Une dose\u00a0de 2,5\u202fmg."
    (q,) = find_quantities(text, "fr")
    assert text[q.start : q.end] == q.text == "2,5\u202fmg"
    assert q.unit == "mg"


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19",
        "SARS-CoV-2",
        "un taux de CD4",
        "l'IL-6",
        "HbA1c",
        "10E9/L",
        "la 2e ligne",
        "le 1er mois",
        "T2",
    ],
)
def test_identifiers_and_ordinals_are_not_quantities(text: str) -> None:
    assert find_quantities(text, "fr") == []


def test_ranges_and_ages() -> None:
    found = [
        (q.number, q.unit) for q in find_quantities("A 44-year-old man on 5-10 mg for a 3-week course", "en")
    ]
    assert found == [("44", "year"), ("5", None), ("10", "mg"), ("3", "week")]


def test_number_words() -> None:
    assert number_words("trois semaines, deux patients et dix-huit mois", "fr") == [3, 2, 18]
    assert number_words("three weeks and twenty-one days", "en") == [3, 20, 1, 21]
    assert number_words("aucun chiffre", "fr") == []
