"""Where the evaluation corpora are and how each is loaded.

Third-party corpora are never copied into the repository: they are read from a folder laid out
like ``../shared/corpora`` (``quaero-frenchmed/``, ``mantra-gsc/``, ``e3c-fr/``, ``tico19-en-fr/``),
given by ``--corpora``, else the ``MEDGLOSS_CORPORA`` variable, else the first ``shared/corpora``
found from the current directory upwards. Our own gold set is ``tests/fixtures/gold`` of the
repository (found the same way), or any folder of gold ``.tsv`` files.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _
from .brat import read_brat_folder
from .documents import CorpusError, Document
from .e3c import read_e3c_folder
from .gold import read_gold_folder

__all__ = [
    "CORPORA",
    "SPLITS",
    "Corpus",
    "corpora_root",
    "gold_folder",
    "load_corpus",
]

CORPORA = ("quaero", "mantra", "e3c", "gold")
SPLITS = ("train", "dev", "test", "all")
ENV_VAR = "MEDGLOSS_CORPORA"


@dataclass(slots=True)
class Corpus:
    """Loaded documents and how to score them.

    ``labels`` is ``umls`` (gold labels are UMLS groups) or ``medgloss`` (our categories);
    ``nested`` tells whether the gold annotates terms nested in longer ones, in which case
    nested predictions are scored too.
    """

    name: str
    documents: list[Document]
    labels: str
    nested: bool
    split: str = "all"


def _upwards(relative: str, start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / relative
        if candidate.is_dir():
            return candidate
    return None


def corpora_root(given: str | Path | None = None) -> Path:
    """The folder holding the third-party corpora; raises CorpusError when there is none."""
    if given is not None:
        root = Path(given)
    elif os.environ.get(ENV_VAR):
        root = Path(os.environ[ENV_VAR])
    else:
        found = _upwards("shared/corpora")
        if found is None:
            raise CorpusError(
                _("no shared/corpora folder here or above; use --corpora DIR or set {variable}").format(
                    variable=ENV_VAR
                )
            )
        root = found
    if not root.is_dir():
        raise CorpusError(_("no such corpora folder"), root)
    return root


def gold_folder(given: str | Path | None = None) -> Path:
    """Our gold set: ``given``, else ``tests/fixtures/gold`` here or above."""
    if given is not None:
        return Path(given)
    found = _upwards("tests/fixtures/gold")
    if found is None:
        raise CorpusError(_("no tests/fixtures/gold folder here or above; use --path DIR"))
    return found


def load_corpus(
    name: str,
    *,
    path: str | Path | None = None,
    corpora: str | Path | None = None,
    split: str = "test",
    subset: str | None = None,
) -> Corpus:
    """Load corpus ``name`` (one of ``CORPORA``).

    ``path`` overrides the corpus folder (QUAERO: the folder holding train/dev/test; Mantra: the
    French folder; E3C: a layer folder of XMI files; gold: a folder of ``.tsv`` files). ``split``
    selects QUAERO's and E3C's train/dev/test documents (``all`` for every one; E3C has no dev);
    ``subset`` selects QUAERO's ``MEDLINE``/``EMEA`` or Mantra's ``EMEA``/``Medline``/``Patents``.
    """
    if name not in CORPORA:
        raise CorpusError(
            _("unknown corpus {name!r}; choose among {choices}").format(name=name, choices=", ".join(CORPORA))
        )
    if split not in SPLITS:
        raise CorpusError(
            _("unknown split {split!r}; choose among {choices}").format(
                split=split, choices=", ".join(SPLITS)
            )
        )
    if name == "gold":
        return Corpus(name, read_gold_folder(gold_folder(path)), "medgloss", nested=False)
    if name == "quaero":
        folder = Path(path) if path else corpora_root(corpora) / "quaero-frenchmed" / "corpus"
        docs: list[Document] = []
        for part in SPLITS[:3] if split == "all" else (split,):
            for sub in sorted(p for p in (folder / part).glob("*") if p.is_dir()):
                if subset is None or sub.name.lower() == subset.lower():
                    docs.extend(read_brat_folder(sub, f"{part}/{sub.name}/"))
        if not docs:
            raise CorpusError(
                _("no QUAERO documents for split {split!r}, subset {subset!r}").format(
                    split=split, subset=subset
                ),
                folder,
            )
        return Corpus(name, docs, "umls", nested=True, split=split)
    if name == "mantra":
        folder = Path(path) if path else corpora_root(corpora) / "mantra-gsc" / "French"
        if not folder.is_dir():
            raise CorpusError(_("no such corpus folder"), folder)
        docs = []
        for sub in sorted(p for p in folder.glob("*") if p.is_dir()):
            if subset is None or sub.name.lower().startswith(subset.lower()):
                docs.extend(read_brat_folder(sub, f"{sub.name.split('_')[0]}/"))
        if not docs:
            raise CorpusError(_("no Mantra documents for subset {subset!r}").format(subset=subset), folder)
        return Corpus(name, docs, "umls", nested=True)
    folder = (
        Path(path) if path else corpora_root(corpora) / "e3c-fr" / "data_annotation" / "French" / "layer1"
    )
    docs = read_e3c_folder(folder)
    if split in ("train", "test"):
        train = _e3c_training_ids(folder)
        docs = [d for d in docs if (d.id in train) == (split == "train")]
    elif split == "dev":
        raise CorpusError(_("E3C has no dev split; use train, test or all"))
    return Corpus(name, docs, "umls", nested=True, split=split)


def _e3c_training_ids(layer_folder: Path) -> set[str]:
    """The French training documents listed in E3C's ``documentation/train_test_split.txt``."""
    split_file = layer_folder.resolve().parents[2] / "documentation" / "train_test_split.txt"
    try:
        text = split_file.read_text("utf-8")
    except OSError:
        raise CorpusError(_("E3C train/test split list not found; use --split all"), split_file) from None
    french = re.search(r"^FRENCH\s*\n(.+)$", text, re.MULTILINE)
    if french is None:
        raise CorpusError(_("no FRENCH list in the E3C split file"), split_file)
    return set(re.findall(r"'(FR\d+)'", french.group(1)))
