"""Localisation round trip with gettext catalogs (polib): the glossary and articles as ``.pot``/``.po``,
``msgmerge``-style merging, ``.mo`` compilation and strict reading of malformed files.

>>> from medgloss.po import parse_po
>>> parse_po('msgid "a"\\nmsgstr "b"\\n\\nmsgid "a"\\nmsgstr "c"\\n', "x.po")
Traceback (most recent call last):
...
medgloss.po.reading.PoError: x.po:4: duplicate message definition (first defined at line 1)
"""

from .article_import import RebuiltArticle, TranslatedSegment, rebuild_article
from .article_po import ARTICLE_KIND, article_catalogs
from .glossary_import import Change, GlossaryImport, Refusal, apply_changes, glossary_changes
from .glossary_po import GLOSSARY_KIND, Selection, glossary_catalog
from .headers import new_catalog, plural_forms, po_date
from .merge import merge_catalogs
from .reading import PoError, decode_po, parse_po, read_po
from .segments import TextSegment, split_segments
from .writing import compile_mo, po_text, write_mo, write_po

__all__ = [
    "ARTICLE_KIND",
    "GLOSSARY_KIND",
    "Change",
    "GlossaryImport",
    "PoError",
    "RebuiltArticle",
    "Refusal",
    "Selection",
    "TextSegment",
    "TranslatedSegment",
    "apply_changes",
    "article_catalogs",
    "compile_mo",
    "decode_po",
    "glossary_catalog",
    "glossary_changes",
    "merge_catalogs",
    "new_catalog",
    "parse_po",
    "plural_forms",
    "po_date",
    "po_text",
    "read_po",
    "rebuild_article",
    "split_segments",
    "write_mo",
    "write_po",
]
