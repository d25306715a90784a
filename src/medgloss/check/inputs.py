"""Reading what is checked: a text, a source text with its translation, a translated ``.po``
file, or a TSV file of segment pairs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polib

from ..errors import InputError
from ..i18n import _
from ..language import classify
from ..sentences import split_sentences
from ..textio import read_article
from .align import Pair, align_texts
from .document import Document, DocumentBuilder

__all__ = [
    "Translation",
    "detect_language",
    "other_language",
    "read_po",
    "read_text",
    "read_translation",
    "read_tsv",
    "suffix_kind",
]

_TSV_HEADERS = frozenset(
    {"fr", "en", "fr-fr", "en-gb", "en-us", "source", "target", "src", "tgt"}
    | {"french", "english", "français", "anglais"}
)


@dataclass(slots=True)
class Translation:
    """A source and its translation (the target, the document findings are reported in), the
    aligned segment pairs and how they were aligned (``lines``, ``paragraphs``, ``sentences``,
    ``entries`` of a .po file, ``rows`` of a TSV file)."""

    source: Document
    target: Document
    pairs: list[Pair]
    method: str


def other_language(lang: str) -> str:
    return "en" if lang == "fr" else "fr"


def detect_language(text: str) -> str:
    """``fr`` or ``en``, whichever most sentences of the start of ``text`` are in (``fr`` by default)."""
    votes = [classify(text[s:e]) for s, e in split_sentences(text[:5000])]
    return "en" if votes.count("en") > votes.count("fr") else "fr"


def read_text(path: str, lang: str | None = None) -> Document:
    """A text file as a document in ``lang`` (detected when None)."""
    text, _encoding = read_article(path)
    return Document(str(path), text, lang or detect_language(text))


def read_translation(source: str, target: str, source_lang: str = "fr") -> Translation:
    """A source text and its translation, aligned."""
    src = read_text(source, source_lang)
    tgt = read_text(target, other_language(source_lang))
    alignment = align_texts(src.text, tgt.text)
    return Translation(src, tgt, alignment.pairs, alignment.method)


def read_po(path: str, source_lang: str = "fr") -> Translation:
    """A translated ``.po`` file: ``msgid`` is the source, ``msgstr`` the target.

    Obsolete and untranslated entries are skipped, fuzzy ones checked. A finding is placed on
    the line of the ``msgstr``; markers go in the entry's comments (``# medgloss: ignore[...]``).
    """
    text, _encoding = read_article(path)
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as err:
        line = re.search(r"line (\d+)", str(err))
        raise InputError(
            _("not a valid .po file: {error}").format(error=err), path, int(line.group(1)) if line else None
        ) from None
    lines = text.splitlines()
    src = DocumentBuilder(path, source_lang)
    tgt = DocumentBuilder(path, other_language(source_lang))
    pairs: list[Pair] = []
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        msgid_line = next(
            (k + 1 for k in range(entry.linenum - 1, len(lines)) if lines[k].startswith("msgid ")),
            entry.linenum,
        )
        msgstr_line = next(
            (k + 1 for k in range(msgid_line - 1, len(lines)) if lines[k].startswith("msgstr")), msgid_line
        )
        if entry.msgid_plural:
            forms = sorted(entry.msgstr_plural.items())
            texts = [(entry.msgid if k == 0 else entry.msgid_plural, v) for k, v in forms]
        else:
            texts = [(entry.msgid, entry.msgstr)]
        markers = f"{entry.tcomment}\n{entry.comment}"
        for source_text, target_text in texts:
            if not target_text.strip():
                continue
            pairs.append(
                Pair(src.add(source_text, msgid_line), tgt.add(target_text, msgstr_line, markers=markers))
            )
    if not pairs:
        raise InputError(_("no translated entries to check"), path)
    return Translation(src.build(), tgt.build(), pairs, "entries")


def read_tsv(path: str, source_lang: str = "fr") -> Translation:
    """A TSV file whose rows are ``source<TAB>target`` (more columns are ignored; a header row
    naming the languages or ``source``/``target`` is skipped)."""
    text, _encoding = read_article(path)
    src = DocumentBuilder(path, source_lang)
    tgt = DocumentBuilder(path, other_language(source_lang))
    pairs: list[Pair] = []
    first = True
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) < 2:
            raise InputError(_("expected a source and a target separated by a tab"), path, number)
        if first and {c.strip().lower() for c in cells[:2]} <= _TSV_HEADERS:
            first = False
            continue
        first = False
        source_text, target_text = cells[0], cells[1]
        if not target_text.strip():
            continue
        pairs.append(
            Pair(
                src.add(source_text, number, 1, exact=True, markers=line),
                tgt.add(target_text, number, len(source_text) + 2, exact=True, markers=line),
            )
        )
    if not pairs:
        raise InputError(_("no segment pairs to check"), path)
    return Translation(src.build(), tgt.build(), pairs, "rows")


def suffix_kind(path: str) -> str:
    """``po``, ``tsv`` or ``text``, from the file name."""
    suffix = Path(path).suffix.lower()
    return {".po": "po", ".tsv": "tsv"}.get(suffix, "text")
