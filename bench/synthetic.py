"""A synthetic glossary of any size, for benchmarks: French-looking multi-word medical terms."""

from __future__ import annotations

import random
from pathlib import Path

_ONSETS = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "gr", "pl", "tr", "ph"]
_VOWELS = ["a", "e", "i", "o", "u", "é", "ou", "ai"]
_SUFFIXES = ["ite", "ose", "pathie", "émie", "ome", "algie", "ectomie", "ine", "ase", "ique", "aire", "al"]
_HEADS = [
    "syndrome",
    "maladie",
    "déficit",
    "atteinte",
    "inhibiteur",
    "récepteur",
    "facteur",
    "tumeur",
    "kyste",
]
_LINKS = ["de", "du", "des", "à"]


def _word(rng: random.Random) -> str:
    stem = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 3)))
    return stem + rng.choice(_SUFFIXES)


def _term(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.35:
        return _word(rng)
    if shape < 0.7:
        return f"{_word(rng)} {_word(rng)}"
    if shape < 0.9:
        return f"{rng.choice(_HEADS)} {rng.choice(_LINKS)} {_word(rng)}"
    return f"{rng.choice(_HEADS)} {_word(rng)} {rng.choice(_LINKS)} {_word(rng)}"


def write_synthetic_glossary(path: Path, concepts: int, seed: int = 7) -> Path:
    """Write ``concepts`` concepts (one FR and one EN term each, a third with a FR variant) to ``path``."""
    rng = random.Random(seed)
    seen: set[str] = set()
    lines = ["[glossary]", 'domain = "synthetic"', 'description = "Generated for benchmarks"', ""]
    for i in range(concepts):
        term = _term(rng)
        while term in seen:
            term = _term(rng)
        seen.add(term)
        lines += ["[[concept]]", f'id = "syn{i:06d}"', 'category = "disorder"', "fr = ["]
        lines.append(f'  {{ term = "{term}", status = "preferred", gender = "f" }},')
        if i % 3 == 0:
            lines.append(f'  {{ term = "{term}s", status = "admitted", gender = "f" }},')
        lines += ["]", "en = [", f'  {{ term = "syn term {i}", status = "preferred" }},', "]", ""]
    path.write_text("\n".join(lines), "utf-8")
    return path
