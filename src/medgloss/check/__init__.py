"""Terminology QA for French texts, English texts and FR↔EN translations (``medgloss check``).

>>> from medgloss.check import CheckOptions, Document, check_document
>>> doc = Document("note.en.txt", "The patient was moved to reanimation.", "en")
>>> [(f.rule, f.suggestion) for f in check_document(doc, CheckOptions())]
[('forbidden-term', 'intensive care')]
"""

from __future__ import annotations

from .document import Document
from .findings import LEVELS, SEVERITIES, Finding, at_least
from .inputs import Translation, read_po, read_text, read_translation, read_tsv
from .registry import Rule, resolve_levels
from .reporters import REPORTERS, summary
from .rules import RULES
from .runner import CheckOptions, FileReport, check_document, check_file, check_translation

__all__ = [
    "LEVELS",
    "REPORTERS",
    "RULES",
    "SEVERITIES",
    "CheckOptions",
    "Document",
    "FileReport",
    "Finding",
    "Rule",
    "Translation",
    "at_least",
    "check_document",
    "check_file",
    "check_translation",
    "read_po",
    "read_text",
    "read_translation",
    "read_tsv",
    "resolve_levels",
    "summary",
]
