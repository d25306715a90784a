"""Merging a translated catalog with a new template, as GNU ``msgmerge --previous`` does.

For each message of the new template, in its order:

- an old message with the same context and msgid (live or obsolete) gives its translation, its
  translator comments and its ``fuzzy`` flag;
- otherwise the most similar translated old message (any context, similarity at least 0.6, the
  Indel ratio msgmerge's ``fstrcmp`` computes) gives its translation, marked ``fuzzy``, with the old
  msgctxt and msgid kept as ``#|`` previous lines;
- otherwise the message stays untranslated.

Extracted comments, references and other flags come from the new template. Old translated
messages that nothing matched exactly or approximately become obsolete (``#~``); untranslated ones
are dropped. The old header is kept, with the template's ``POT-Creation-Date``.
"""

from __future__ import annotations

import polib
from rapidfuzz import fuzz, process

from .headers import GENERATOR, WRAP

__all__ = ["FUZZY_THRESHOLD", "merge_catalogs"]

FUZZY_THRESHOLD = 60.0
"""Lowest similarity (in percent) for a fuzzy match, msgmerge's 0.6."""


def merge_catalogs(old: polib.POFile, template: polib.POFile) -> polib.POFile:
    """``old``'s translations carried over to the messages of ``template`` (see the module doc)."""
    merged = polib.POFile(wrapwidth=WRAP)
    merged.header = old.header or template.header
    merged.metadata = dict(old.metadata or template.metadata)
    if "POT-Creation-Date" in template.metadata:
        merged.metadata["POT-Creation-Date"] = template.metadata["POT-Creation-Date"]
    merged.metadata["X-Generator"] = GENERATOR
    merged.metadata_is_fuzzy = old.metadata_is_fuzzy

    exact = {(e.msgctxt, e.msgid): e for e in old if e.obsolete}
    exact.update({(e.msgctxt, e.msgid): e for e in old if not e.obsolete})
    translated = [e for e in old if not e.obsolete and _is_translated(e)]
    choices = [e.msgid for e in translated]
    used: set[int] = set()

    for new in template:
        if new.obsolete:
            continue
        entry = _copy_source(new)
        found = exact.get((new.msgctxt, new.msgid))
        if found is not None:
            used.add(id(found))
            _take_translation(entry, found)
            if found.fuzzy:
                entry.flags.append("fuzzy")
                entry.previous_msgctxt = found.previous_msgctxt
                entry.previous_msgid = found.previous_msgid
                entry.previous_msgid_plural = found.previous_msgid_plural
        else:
            best = process.extractOne(new.msgid, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
            if best is not None:
                source = translated[best[2]]
                used.add(id(source))
                _take_translation(entry, source)
                entry.flags.append("fuzzy")
                entry.previous_msgctxt = source.msgctxt
                entry.previous_msgid = source.msgid
                entry.previous_msgid_plural = source.msgid_plural or None
        merged.append(entry)

    for old_entry in old:
        if id(old_entry) in used or not (old_entry.obsolete or _is_translated(old_entry)):
            continue
        gone = polib.POEntry(
            msgctxt=old_entry.msgctxt,
            msgid=old_entry.msgid,
            msgid_plural=old_entry.msgid_plural,
            msgstr=old_entry.msgstr,
            msgstr_plural=dict(old_entry.msgstr_plural),
            tcomment=old_entry.tcomment,
            flags=[f for f in old_entry.flags if f == "fuzzy"],
            obsolete=True,
        )
        merged.append(gone)
    return merged


def _is_translated(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return any(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _copy_source(new: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgctxt=new.msgctxt,
        msgid=new.msgid,
        msgid_plural=new.msgid_plural,
        msgstr="",
        msgstr_plural={k: "" for k in new.msgstr_plural},
        comment=new.comment,
        occurrences=list(new.occurrences),
        flags=[f for f in new.flags if f != "fuzzy"],
    )


def _take_translation(entry: polib.POEntry, old: polib.POEntry) -> None:
    entry.tcomment = old.tcomment
    if entry.msgid_plural:
        entry.msgstr_plural = {
            k: old.msgstr_plural.get(k, "") for k in entry.msgstr_plural or old.msgstr_plural
        }
    else:
        entry.msgstr = old.msgstr if not old.msgid_plural else old.msgstr_plural.get(0, "")
