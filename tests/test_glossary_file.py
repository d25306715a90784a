"""The glossary file parser: every problem with its line, strict (stdlib) and fast (rtoml) reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from medgloss.glossary_file import parse_glossary_file, parse_glossary_text

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"
BAD = FIXTURES / "bad"


def test_a_good_file_has_no_problem_and_every_term_knows_its_line() -> None:
    parsed = parse_glossary_file(FIXTURES / "house.toml")
    assert parsed.problems == []
    assert [c.id for c in parsed.concepts] == ["dermatomyositis", "intensive_care", "oedema"]
    lines = (FIXTURES / "house.toml").read_text("utf-8").splitlines()
    for concept in parsed.concepts:
        assert lines[concept.line - 1] == "[[concept]]"
        for term in concept.terms:
            assert f'term = "{term.text}"' in lines[term.line - 1]
            assert term.origin == str(FIXTURES / "house.toml")
    assert parsed.concepts[1].domain == "critical-care"
    assert parsed.concepts[0].domain == "rheumatology"
    assert [p.id for p in parsed.patterns] == ["inhibitor_of"]


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("syntax.toml", 9, "TOML syntax"),
        ("unknown_keys.toml", 3, "unknown key 'colour' in [glossary]"),
        ("unknown_keys.toml", 8, "unknown key 'synonyms' in concept"),
        ("unknown_keys.toml", 10, "unknown term key 'plural'"),
        ("values.toml", 4, "must be lower-case ASCII"),
        ("values.toml", 6, "category 'illness' is not one of"),
        ("values.toml", 8, "gender 'n' of 'maladie'"),
        ("values.toml", 9, "status 'recommended'"),
        ("values.toml", 10, "leading, trailing or doubled spaces"),
        ("values.toml", 11, "empty fr term"),
        ("preferred.toml", 25, "no 'en' terms"),
        ("latin1.toml", 8, "not UTF-8 text"),
        ("binary.toml", 3, "binary file"),
        ("empty.toml", None, "the file is empty"),
    ],
)
def test_malformed_files_report_each_problem_with_its_line(name: str, line: int | None, message: str) -> None:
    parsed = parse_glossary_file(BAD / name)
    found = [(p.line, p.message) for p in parsed.errors]
    assert any(ln == line and message in msg for ln, msg in found), found


def test_a_missing_file_is_one_error() -> None:
    parsed = parse_glossary_file(BAD / "does-not-exist.toml")
    assert len(parsed.errors) == 1 and parsed.concepts == []


MULTILINE_INLINE = """[glossary]
domain = "x"

[[concept]]
id = "gout"
category = "disorder"
definition = {
  fr = "Arthrite due aux cristaux d'urate.",
}
fr = [{ term = "goutte", status = "preferred" }]
en = [{ term = "gout", status = "preferred" }]
"""


def test_the_strict_read_refuses_toml_11_that_the_fast_read_accepts() -> None:
    fast = parse_glossary_text(MULTILINE_INLINE, "x.toml", strict=False)
    assert fast.problems == [] and fast.concepts[0].definition["fr"].startswith("Arthrite")
    strict = parse_glossary_text(MULTILINE_INLINE, "x.toml", strict=True)
    assert strict.errors and strict.errors[0].line == 7 and "TOML syntax" in strict.errors[0].message


def test_the_fast_read_reports_syntax_errors_like_the_strict_one() -> None:
    text = (BAD / "syntax.toml").read_text("utf-8")
    fast = parse_glossary_text(text, "s.toml", strict=False)
    strict = parse_glossary_text(text, "s.toml", strict=True)
    assert fast.problems == strict.problems


def test_large_files_parse_in_pieces_to_the_same_data() -> None:
    from medgloss.glossary_file import _PIECE, load_toml

    header = '[glossary]\ndomain = "big"\n\n'
    concept = (
        '[[concept]]\nid = "c{i}"\ncategory = "disorder"\n'
        'fr = [\n  {{ term = "terme numéro {i}", status = "preferred", gender = "m" }},\n]\n'
        'en = [\n  {{ term = "term number {i}", status = "preferred" }},\n]\n\n'
    )
    pattern = (
        '[[pattern]]\nid = "p"\ncategory = "drug-class"\nfr = "inhibiteur de {X}"\nen = "{X} inhibitor"\n'
    )
    text = header + "".join(concept.format(i=i) for i in range(_PIECE // 80)) + pattern
    assert len(text) > 2 * _PIECE
    assert load_toml(text, strict=False) == load_toml(text, strict=True)


def test_a_pattern_may_list_several_english_forms() -> None:
    from medgloss.glossary_writer import glossary_text
    from medgloss.model import Concept, Term

    text = (
        '[glossary]\ndomain = "d"\n\n[[pattern]]\nid = "drop_in"\ncategory = "sign-symptom"\n'
        'fr = "baisse de la {X}"\nen = ["drop in {X}", "low {X}"]\n'
    )
    parsed = parse_glossary_text(text, "p.toml")
    assert parsed.problems == []
    pattern = parsed.patterns[0]
    assert (pattern.en, pattern.alternatives) == ("drop in {X}", ("low {X}",))
    bp = Concept("bp", "physiology", "d", terms=(Term("blood pressure", "en"), Term("BP", "en", "admitted")))
    assert pattern.renderings(bp) == ["drop in blood pressure", "drop in BP", "low blood pressure", "low BP"]
    again = parse_glossary_text(glossary_text([], parsed.patterns, header={"domain": "d"}), "q.toml")
    assert again.patterns[0].alternatives == ("low {X}",)
    bad = parse_glossary_text(text.replace('"low {X}"', '"low"'), "p.toml")
    assert bad.patterns == [] and "must contain {X}" in bad.problems[0].message
