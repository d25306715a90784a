"""Source/target alignment: lines, paragraphs, then sentences by length (medgloss.check.align)."""

from __future__ import annotations

from medgloss.check.align import Pair, align_texts, gale_church


def pairs(source: str, target: str) -> tuple[str, list[tuple[str, str]]]:
    alignment = align_texts(source, target)
    return alignment.method, [
        (source[p.source[0] : p.source[1]], target[p.target[0] : p.target[1]]) for p in alignment.pairs
    ]


def test_same_lines_align_line_by_line() -> None:
    method, found = pairs("Titre\n\nLe patient va bien.\n", "Title\n\nThe patient is well.\n")
    assert method == "lines"
    assert found == [("Titre", "Title"), ("Le patient va bien.", "The patient is well.")]


def test_same_paragraphs_with_reflowed_lines() -> None:
    source = "Titre\n\nUne première phrase assez longue.\nUne deuxième phrase.\n"
    target = "Title\n\nA first rather long sentence. A second sentence.\n"
    method, found = pairs(source, target)
    assert method == "paragraphs"
    assert found == [
        ("Titre", "Title"),
        ("Une première phrase assez longue.", "A first rather long sentence."),
        ("Une deuxième phrase.", "A second sentence."),
    ]


def test_sentences_when_layouts_differ() -> None:
    source = (
        "La dermatomyosite est une maladie rare.\n\nElle touche la peau et les muscles. "
        "Le tofacitinib a été testé chez deux patientes.\n\nLes calcifications ont régressé."
    )
    target = (
        "Dermatomyositis is a rare disease. It affects the skin and the muscles.\n"
        "Tofacitinib was tried in two patients. The calcifications regressed."
    )
    method, found = pairs(source, target)
    assert method == "sentences"
    assert [t for _s, t in found] == [
        "Dermatomyositis is a rare disease.",
        "It affects the skin and the muscles.",
        "Tofacitinib was tried in two patients.",
        "The calcifications regressed.",
    ]


def test_gale_church_merges_a_split_sentence() -> None:
    source = [(0, 60), (61, 100)]
    target = [(0, 30), (31, 62), (63, 104)]  # the first source sentence translated as two
    assert gale_church(source, target) == [Pair((0, 60), (0, 62)), Pair((61, 100), (63, 104))]


def test_an_untranslated_sentence_joins_a_neighbour() -> None:
    source = (
        "Le tofacitinib a été essayé chez 2 patientes en 2019. Un commentaire bref. "
        "Les calcifications ont régressé en 6 mois chez les 2 patientes."
    )
    target = "Tofacitinib was tried in 2 patients in 2019.\n\nThe calcifications regressed within 6 months in the 2 patients."
    method, found = pairs(source, target)
    assert method == "sentences"
    assert found == [
        (
            "Le tofacitinib a été essayé chez 2 patientes en 2019.",
            "Tofacitinib was tried in 2 patients in 2019.",
        ),
        (
            "Un commentaire bref. Les calcifications ont régressé en 6 mois chez les 2 patientes.",
            "The calcifications regressed within 6 months in the 2 patients.",
        ),
    ]


def test_reflowed_lines_are_not_paired_line_by_line() -> None:
    source = (
        "La dermatomyosite est une maladie auto-immune rare.\n"
        "Elle touche surtout la peau et les muscles des épaules et des hanches. Chez certains patients, "
        "des dépôts de calcium se forment sous la peau. Le tofacitinib a été essayé chez deux patientes."
    )
    target = (
        "Dermatomyositis is a rare autoimmune disease. It mainly affects the skin and the muscles of the "
        "shoulders and hips. Some patients develop calcium deposits under the skin.\n"
        "Tofacitinib was tried in two patients."
    )
    method, found = pairs(source, target)
    assert method != "lines"
    assert found[-1] == (
        "Le tofacitinib a été essayé chez deux patientes.",
        "Tofacitinib was tried in two patients.",
    )


def test_alignment_covers_every_source_span_in_order() -> None:
    source = [(0, 100), (101, 400), (401, 500), (501, 560)]
    target = [(0, 90), (91, 190), (191, 260)]
    found = gale_church(source, target)
    assert found[0].source[0] == 0 and found[-1].source[1] == 560
    starts = [p.target[0] for p in found]
    assert starts == sorted(starts)
