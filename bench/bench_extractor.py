"""Extractor speed and memory, as ratios against baselines measured in the same run.

    python bench/bench_extractor.py [--chars 1000000] [--full-chars 300000]

Text: the French side of the WMT biomedical test sets in ../shared/corpora (the examples repeated
when it is absent), cut into documents of 20 lines. Targets (issue #5):
  fast mode  >= 0.5 x spacy.blank("fr") tokenizing the same texts, with a 100,000-term glossary
  full mode  >= 0.8 x the spaCy components it runs (fr_core_news_sm tagger+lemmatizer), alone
  100k-term glossary throughput >= 0.8 x the 1,000-term one
  100k-term glossary: compile < 10 s cold, load < 1 s from the cache, < 500 MB above the model
  cold `medgloss annotate` of one article: < 5 s (full), < 3 s (fast)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "bench"))

from medgloss.pipeline import KeepText  # noqa: E402
from medgloss.typography import normalise  # noqa: E402
from synthetic import write_synthetic_glossary  # noqa: E402


def corpus(chars: int) -> list[str]:
    files = sorted((SHARED / "corpora" / "wmt-biomed-fr-en" / "sentence_level").glob("*.fr"))
    if files:
        text = "".join(f.read_text("utf-8") for f in files)
    else:
        text = "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "examples").glob("*.txt")))
    while len(text) < chars:
        text += "\n" + text
    lines = text[:chars].splitlines()
    return [normalise("\n".join(lines[i : i + 20])) for i in range(0, len(lines), 20)]


def timed(nlp: spacy.language.Language, docs: list[str]) -> float:
    start = time.perf_counter()
    for _doc in nlp.pipe(docs):
        pass
    return time.perf_counter() - start


def throughputs(
    pipelines: list[spacy.language.Language], docs: list[str], tokens: int, repeat: int = 3
) -> list[float]:
    """Tokens per second of each pipeline: warmed up, then the best of ``repeat`` runs taken in turn,
    so that a busy machine slows every pipeline alike."""
    for nlp in pipelines:
        list(nlp.pipe(docs))
    best = [float("inf")] * len(pipelines)
    for _ in range(repeat):
        for k, nlp in enumerate(pipelines):
            best[k] = min(best[k], timed(nlp, docs))
    return [tokens / b for b in best]


def with_component(nlp: spacy.language.Language, **config: object) -> spacy.language.Language:
    """``nlp`` with medgloss added as ``medgloss.api.pipeline`` does."""
    nlp.tokenizer = KeepText(nlp.tokenizer)
    nlp.add_pipe("medgloss", config=config)
    return nlp


def run_python(code: str, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


MEASURE_BUILD = """
import json, resource, time, spacy, sys
from medgloss.pipeline import MedglossComponent
nlp = spacy.blank("fr")
t = time.perf_counter()
c = MedglossComponent(nlp, glossary=[sys.argv[1] if len(sys.argv) > 1 else {glossary!r}], bundled=False)
print(json.dumps({{"seconds": time.perf_counter() - t, "terms": c.fr.size}}))
"""

MEASURE_MEMORY = """
import json, re, spacy
nlp = spacy.blank("fr")
{extra}
nlp("La dermatomyosite est une maladie auto-immune rare.")
status = open("/proc/self/status").read()  # VmHWM: this process's peak, unlike ru_maxrss (kept across exec)
print(json.dumps({{"maxrss_mb": int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024}}))
"""
"""Peak memory of a process holding the French tokenizer, with or without the component: the
difference is what the glossary costs, whatever the statistical model (loaded or not) adds."""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--full-chars", type=int, default=300_000)
    args = parser.parse_args()

    rows: list[tuple[str, str, str]] = []

    def row(name: str, value: str, verdict: str = "") -> None:
        rows.append((name, value, verdict))
        print(f"{name:<58} {value:>22} {verdict}", flush=True)

    docs = corpus(args.chars)
    blank = spacy.blank("fr")
    tokens = sum(len(d) for d in blank.pipe(docs))
    row("text", f"{sum(map(len, docs)) / 1e6:.2f} MB, {tokens:,} tokens")
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        env = {**os.environ, "MEDGLOSS_CACHE": str(cache)}
        os.environ["MEDGLOSS_CACHE"] = str(cache)
        big = write_synthetic_glossary(Path(tmp) / "synthetic-100k.toml", 100_000)
        small = write_synthetic_glossary(Path(tmp) / "synthetic-1k.toml", 1_000)

        base, fast, fast_small, fast_big = throughputs(
            [
                blank,
                with_component(spacy.blank("fr"), candidates=False),
                with_component(spacy.blank("fr"), candidates=False, bundled=False, glossary=[str(small)]),
                with_component(spacy.blank("fr"), candidates=False, bundled=False, glossary=[str(big)]),
            ],
            docs,
            tokens,
        )
        row("baseline: spacy.blank('fr') tokenizer", f"{base:,.0f} tok/s")
        row("fast, bundled glossary", f"{fast:,.0f} tok/s", f"{fast / base:.2f} x blank (target >= 0.5)")
        row(
            "fast, 1,000-concept synthetic glossary",
            f"{fast_small:,.0f} tok/s",
            f"{fast_small / base:.2f} x blank",
        )
        row(
            "fast, 100,000-concept synthetic glossary",
            f"{fast_big:,.0f} tok/s",
            f"{fast_big / base:.2f} x blank (>= 0.5); {fast_big / fast_small:.2f} x 1k (>= 0.8)",
        )

        full_docs = docs[: max(1, len(docs) * args.full_chars // max(1, args.chars))]
        full_tokens = sum(len(d) for d in blank.pipe(full_docs))
        model = spacy.load("fr_core_news_sm", exclude=["parser", "ner", "senter"])
        full_nlp = with_component(spacy.load("fr_core_news_sm", exclude=["parser", "ner", "senter"]))
        alone, full = throughputs([model, full_nlp], full_docs, full_tokens, repeat=2)
        row(f"baseline: model components {model.pipe_names}", f"{alone:,.0f} tok/s")
        row(
            "full (model + medgloss with candidates)",
            f"{full:,.0f} tok/s",
            f"{full / alone:.2f} x model (>= 0.8)",
        )

        cold_cache = Path(tmp) / "cold"
        cold = run_python(MEASURE_BUILD.format(glossary=str(big)), {**env, "MEDGLOSS_CACHE": str(cold_cache)})
        row("100k glossary: parse + compile, empty cache", f"{cold['seconds']:.2f} s", "(target < 10 s)")
        warm = run_python(MEASURE_BUILD.format(glossary=str(big)), {**env, "MEDGLOSS_CACHE": str(cold_cache)})
        row("100k glossary: load from the compiled cache", f"{warm['seconds']:.2f} s", "(target < 1 s)")

        blank_mem = run_python(MEASURE_MEMORY.format(extra=""), env)["maxrss_mb"]
        extra = f'nlp.add_pipe("medgloss", config={{"glossary": [{str(big)!r}], "candidates": False}})'
        for label in ("compiling", "from the cache"):
            folder = Path(tmp) / "mem"
            peak = run_python(MEASURE_MEMORY.format(extra=extra), {**env, "MEDGLOSS_CACHE": str(folder)})[
                "maxrss_mb"
            ]
            row(
                f"peak memory added by the 100k glossary ({label})",
                f"{peak - blank_mem:,.0f} MB",
                f"(process {peak:,.0f} MB vs {blank_mem:,.0f} MB without; target < 500 MB)",
            )

        article = ROOT / "examples" / "cardiologie-insuffisance-cardiaque.txt"
        for mode, flag, target in (("fast", ["--fast"], 3), ("full", [], 5)):
            for label, cache_dir in (
                ("first run, empty cache", Path(tmp) / f"cli-{mode}"),
                ("next runs", None),
            ):
                run_env = {**env, "MEDGLOSS_CACHE": str(cache_dir or Path(tmp) / f"cli-{mode}")}
                cmd = [
                    sys.executable,
                    "-m",
                    "medgloss",
                    "annotate",
                    str(article),
                    *flag,
                    "-f",
                    "json",
                    "-o",
                    "-",
                ]
                start = time.perf_counter()
                subprocess.run(cmd, capture_output=True, env=run_env, check=True)
                row(
                    f"cold `medgloss annotate` ({mode}, {label})",
                    f"{time.perf_counter() - start:.2f} s",
                    f"(target < {target} s)",
                )


if __name__ == "__main__":
    main()
