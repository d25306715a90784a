"""The canonical writer: same data, stable order, comments kept, idempotent; files written atomically."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from medgloss.errors import GlossaryError
from medgloss.glossary_file import parse_glossary_file, parse_glossary_text
from medgloss.glossary_writer import add_concept_text, format_file, format_text, glossary_text
from medgloss.model import Concept, Term
from medgloss.termbase import bundled_glossary_files

FIXTURES = Path(__file__).parent / "fixtures" / "glossary"

MESSY = """# Top comment about the file
[[concept]]
en = [ "gout" ]   # English first, as a plain string
category = 'disorder'
id = "gout"
fr = [
  # the usual word
  { gender = "f", status = "preferred", term = "goutte" },
  { term = "podagre", status = "deprecated" }, # old
]

[glossary]
description = "A messy file"
domain = "rheumatology"

# --- Patterns ---

[[pattern]]
en = "{X} inhibitor"
fr = ["inhibiteur de {X}", "inhibiteur du {X}"]
id = "inhibitor_of"

# trailing comment
"""

CANONICAL = """# Top comment about the file
[glossary]
domain = "rheumatology"
description = "A messy file"

[[concept]]
id = "gout"
category = "disorder"
fr = [
  # the usual word
  { term = "goutte", status = "preferred", gender = "f" },
  { term = "podagre", status = "deprecated" },  # old
]
en = [  # English first, as a plain string
  "gout",
]

# --- Patterns ---

[[pattern]]
id = "inhibitor_of"
fr = ["inhibiteur de {X}", "inhibiteur du {X}"]
en = "{X} inhibitor"

# trailing comment
"""


def test_canonical_layout_keeps_data_order_and_comments() -> None:
    out = format_text(MESSY)
    assert tomllib.loads(out) == tomllib.loads(MESSY)
    assert out == CANONICAL
    assert format_text(out) == out


def test_the_fixture_glossary_is_canonical() -> None:
    text = (FIXTURES / "house.toml").read_text("utf-8")
    assert format_text(text) == text


def test_every_bundled_file_keeps_its_data_and_comments_and_formats_idempotently() -> None:
    files = bundled_glossary_files()
    assert files
    for path in files:
        text = path.read_text("utf-8")
        out = format_text(text, str(path))
        assert tomllib.loads(out) == tomllib.loads(text), path
        assert format_text(out) == out, path
        comments = sorted(line.strip() for line in text.splitlines() if line.lstrip().startswith("#"))
        assert comments == sorted(line.strip() for line in out.splitlines() if line.lstrip().startswith("#"))


def test_toml_11_inline_tables_become_toml_10() -> None:
    text = '[[concept]]\nid = "a"\ncategory = "other"\ndefinition = {\n  fr = "Une.",\n  en = "One.",\n}\n'
    out = format_text(text)
    assert 'definition = { fr = "Une.", en = "One." }' in out
    tomllib.loads(out)  # the standard library reads the result


def test_strings_are_escaped_for_toml() -> None:
    text = '[glossary]\nnote = "back\\\\slash \\"quoted\\" tab\\tand del \\u007f é"\n'
    out = format_text(text)
    assert tomllib.loads(out) == tomllib.loads(text)


def test_format_file_check_and_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "messy.toml"
    path.write_text(MESSY, "utf-8")
    path.chmod(0o640)
    assert format_file(path, check=True) is True
    assert path.read_text("utf-8") == MESSY
    assert format_file(path) is True
    assert path.read_text("utf-8") == CANONICAL
    assert path.stat().st_mode & 0o777 == 0o640
    assert format_file(path, check=True) is False


def test_format_refuses_a_file_that_is_not_toml_and_leaves_it_alone(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    original = (FIXTURES / "bad" / "syntax.toml").read_text("utf-8")
    path.write_text(original, "utf-8")
    with pytest.raises(GlossaryError) as err:
        format_file(path)
    assert err.value.line == 9 and "TOML syntax" in str(err.value)
    assert path.read_text("utf-8") == original


def test_a_file_written_from_concepts_reads_back_the_same() -> None:
    parsed = parse_glossary_file(FIXTURES / "house.toml")
    text = glossary_text(parsed.concepts, parsed.patterns, header={"domain": "rheumatology"})
    again = parse_glossary_text(text, "copy.toml")
    assert again.problems == []
    for old, new in zip(parsed.concepts, again.concepts, strict=True):
        assert (
            old.id,
            old.category,
            old.domain,
            old.terms,
            old.definition,
            old.codes,
            old.note,
            old.source,
        ) == (
            new.id,
            new.category,
            new.domain,
            new.terms,
            new.definition,
            new.codes,
            new.note,
            new.source,
        )
    assert again.patterns[0].fr == parsed.patterns[0].fr


def test_adding_a_concept_keeps_the_rest_of_the_file() -> None:
    text = (FIXTURES / "house.toml").read_text("utf-8")
    concept = Concept(
        id="myositis",
        category="disorder",
        domain="rheumatology",
        terms=[Term("myosite", "fr", "preferred", gender="f"), Term("myositis", "en", "preferred")],
    )
    out = add_concept_text(text, concept, "house.toml")
    assert out.startswith(text.split("[[pattern]]")[0])
    assert out.index('id = "myositis"') > out.index('id = "oedema"')
    assert "# --- Diseases" in out and "# the usual spelling" in out
    assert [c.id for c in parse_glossary_text(out).concepts][-1] == "myositis"
    new_file = add_concept_text(None, concept, "new.toml")
    assert new_file.startswith('[glossary]\ndomain = "rheumatology"\n')
