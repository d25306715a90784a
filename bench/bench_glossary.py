"""Benchmark: load and validate a synthetic 100,000-concept glossary, cold and through the cache.

    python bench/bench_glossary.py [--concepts 100000] [--files 10]

Writes the glossary to a temporary folder (one file per domain, shaped like an imported
terminology: two French and one or two English terms per concept, a definition for a quarter
of them, an ICD-10 code for a third), then times, each in a fresh process state:

- cold load: ``TermBase.load`` with an empty cache (fast ``rtoml`` read, then parse);
- cold validate: ``validate_layers`` with an empty cache (strict standard-library read);
- cached load and cached validate: the same again, answered by the compiled cache;
- a search index over every term, and one search.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from medgloss.glossary_search import TermIndex
from medgloss.glossary_validate import validate_layers
from medgloss.termbase import TermBase

SYLLABLES = [
    "ba",
    "ce",
    "di",
    "fo",
    "gu",
    "la",
    "me",
    "ni",
    "po",
    "ru",
    "sa",
    "te",
    "vi",
    "zo",
    "cra",
    "pli",
    "tro",
]
CATEGORIES = ["disorder", "sign-symptom", "drug", "anatomy", "procedure", "test", "substance", "organism"]


def _word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n))


def write_glossary(folder: Path, concepts: int, files: int, seed: int = 1) -> list[Path]:
    """Write ``concepts`` synthetic concepts in ``files`` domain files under ``folder``."""
    rng = random.Random(seed)
    per = concepts // files
    paths = []
    for f in range(files):
        domain = f"domain{f:02d}"
        blocks = [f'[glossary]\ndomain = "{domain}"\ndescription = "Synthetic, for benchmarks"\n']
        for i in range(f * per, (f + 1) * per):
            stem = _word(rng, 3) + f"{i:x}"
            lines = ["[[concept]]", f'id = "syn_{i:06d}"', f'category = "{CATEGORIES[i % len(CATEGORIES)]}"']
            if i % 4 == 0:
                lines.append(
                    f'definition = {{ fr = "Maladie synthétique numéro {i}.", en = "Synthetic disease number {i}." }}'
                )
            if i % 3 == 0:
                lines.append(f'codes = {{ icd10 = "M{i % 100:02d}.{i % 10}" }}')
            lines += [
                "fr = [",
                f'  {{ term = "{stem}ite", status = "preferred", gender = "f" }},',
                f'  {{ term = "{stem}ite {_word(rng, 2)}", status = "admitted", gender = "f" }},',
                "]",
                "en = [",
                f'  {{ term = "{stem}itis", status = "preferred" }},',
            ]
            if i % 2 == 0:
                lines.append(
                    f'  {{ term = "{stem[:3].upper()}{i}", status = "admitted", type = "abbreviation" }},'
                )
            lines.append("]")
            blocks.append("\n".join(lines) + "\n")
        path = folder / f"{domain}.toml"
        path.write_text("\n".join(blocks), "utf-8")
        paths.append(path)
    return paths


def timed(label: str, fn: Callable[[], Any]) -> tuple[float, Any]:
    """Run ``fn``; print its wall-clock and CPU time, return the CPU time (steadier on a busy machine)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{label:<28} {seconds:8.2f} s wall {cpu:8.2f} s CPU")
    return cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concepts", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="medgloss-bench-") as tmp:
        folder = Path(tmp)
        paths = write_glossary(folder, args.concepts, args.files)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"{args.concepts:,} concepts in {len(paths)} files, {size:.1f} MB\n")

        os.environ["MEDGLOSS_CACHE"] = str(folder / "cache-load")
        cold_load, termbase = timed("cold load", lambda: TermBase.load(paths, bundled=False))
        warm_load, _ = timed("cached load", lambda: TermBase.load(paths, bundled=False))

        os.environ["MEDGLOSS_CACHE"] = str(folder / "cache-validate")
        cold_validate, report = timed("cold validate (strict)", lambda: validate_layers([paths]))
        warm_validate, _ = timed("cached validate", lambda: validate_layers([paths]))
        assert report.concepts == args.concepts and not report.errors, report.problems[:3]

        os.environ["MEDGLOSS_CACHE"] = "off"
        no_cache, _ = timed("load without cache", lambda: TermBase.load(paths, bundled=False, cache=False))

        _, index = timed("search index", lambda: TermIndex(termbase))
        timed("one search (fuzzy)", lambda: index.search("dicrapliite", limit=10))

        terms = sum(len(c.terms) for c in termbase)
        print(f"\n{len(termbase):,} concepts, {terms:,} terms")
        print(
            f"cache speed-up: load ×{cold_load / warm_load:.1f}, validate ×{cold_validate / warm_validate:.1f}"
        )
        print(f"cache overhead on a cold load: ×{cold_load / no_cache:.2f}")


if __name__ == "__main__":
    main()
