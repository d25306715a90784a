"""Strict reading of PO/POT files: every problem is reported with its file and line.

polib reads leniently (it keeps a bad escape as it is, takes a wrongly declared charset on trust and
keeps duplicate entries), so the text is checked first, line by line, against the PO syntax GNU
``msgfmt`` accepts; only then is it parsed with polib.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import NoReturn

import polib

from ..errors import MedglossError
from ..i18n import _
from ..textio import MAX_BYTES
from .headers import WRAP

__all__ = ["PoError", "parse_po", "read_po"]

_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"\s*$')
_ESCAPE = re.compile(r"\\(.)")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)\s+(?=\")")
_VALID_ESCAPES = set("\\\"'?abfnrtvx01234567")
_POLIB_LINE = re.compile(r"\(line (\d+)\)")
_MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")


class PoError(MedglossError):
    """A PO or POT file is malformed: the message names the file and line."""


def read_po(path: str | Path) -> polib.POFile:
    """Read a PO/POT file strictly; raises PoError naming the file and line of the first problem."""
    name = str(path)
    try:
        p = Path(path)
        if p.stat().st_size > MAX_BYTES:
            raise PoError(
                _("too large for a PO file (more than {limit} bytes)").format(limit=MAX_BYTES), name
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise PoError(_("no such file"), name) from None
    except IsADirectoryError:
        raise PoError(_("is a directory, not a PO file"), name) from None
    except OSError as err:
        raise PoError(err.strerror or str(err), name) from None
    return parse_po(decode_po(data, name), name)


def decode_po(data: bytes, name: str = "<po>") -> str:
    """The text of a PO file, decoded with the charset its header declares (UTF-8 when none)."""
    if not data.strip():
        raise PoError(_("the file is empty"), name)
    if data[:4] in _MO_MAGIC:
        raise PoError(_("this is a compiled .mo file, not a PO file"), name)
    if b"\x00" in data:
        nul_line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise PoError(_("binary data (NUL byte), not a PO file"), name, nul_line)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    charset, line = "UTF-8", None
    found = _CHARSET.search(data)
    if found:
        line = data[: found.start()].count(b"\n") + 1
        charset = found.group(1).decode("ascii")
        if charset.upper() == "CHARSET":  # an untouched template header
            charset = "UTF-8"
    try:
        codec = codecs.lookup(charset)
    except LookupError:
        raise PoError(
            _("unknown charset {charset!r} in the header").format(charset=charset), name, line
        ) from None
    try:
        return data.decode(codec.name)
    except UnicodeDecodeError as err:
        bad = data[: err.start].count(b"\n") + 1
        raise PoError(
            _("not valid {charset} text (byte {byte:#04x}); is the charset in the header right?").format(
                charset=charset, byte=data[err.start]
            ),
            name,
            bad,
        ) from None


def parse_po(text: str, name: str = "<po>") -> polib.POFile:
    """Check ``text`` against the PO syntax, then parse it with polib; PoError on the first problem."""
    check_syntax(text, name)
    try:
        catalog = polib.pofile(text, wrapwidth=WRAP)
    except (OSError, ValueError) as err:
        m = _POLIB_LINE.search(str(err))
        raise PoError(str(err), name, int(m.group(1)) if m else None) from None
    first_line = next((no for no, line in enumerate(text.splitlines(), 1) if line.strip()), 1)
    for entry in catalog:
        if not entry.linenum:  # polib numbers the file's first entry 0
            entry.linenum = first_line
    return catalog


def check_syntax(text: str, name: str = "<po>") -> None:
    """Raise PoError at the first line that breaks the PO syntax: strings, escapes, entry structure,
    duplicate messages."""
    _Checker(name).run(text)


class _Checker:
    """A line-by-line state machine over the keywords of the current entry (live or obsolete)."""

    def __init__(self, name: str):
        self.name = name
        self.seen: dict[tuple[str, ...], int] = {}

    def fail(self, line: int, message: str) -> NoReturn:
        raise PoError(message, self.name, line)

    def run(self, text: str) -> None:
        live = _Entry(self, check_duplicates=True)
        obsolete = _Entry(self, check_duplicates=False)
        for no, raw in enumerate(text.splitlines(), 1):
            line = raw.strip()
            if line.startswith("#~"):
                rest = line[2:].lstrip()
                if rest.startswith("|"):
                    continue
                live.end(no)
                obsolete.feed(rest, no)
            elif not line or line.startswith("#"):
                if line.startswith("#|"):
                    rest = line[2:].strip()
                    m = _KEYWORD.match(rest)
                    self.string(rest[m.end() :] if m else rest, no)
                live.end(no)
                obsolete.end(no)
            else:
                obsolete.end(no)
                live.feed(line, no)
        live.end(None)
        obsolete.end(None)

    def string(self, token: str, no: int) -> str:
        """Check one quoted string (closed, no bare quote inside, known escapes only); its content."""
        m = _STRING.match(token)
        if not m:
            if not token.startswith('"'):
                self.fail(no, _("syntax error: expected a quoted string"))
            self.fail(no, _("unterminated string or unescaped '\"' inside it"))
        for esc in _ESCAPE.finditer(m.group(1)):
            if esc.group(1) not in _VALID_ESCAPES:
                self.fail(no, _("invalid escape sequence '\\{char}'").format(char=esc.group(1)))
        return m.group(1)


class _Entry:
    """The keywords and strings seen so far in the current entry."""

    def __init__(self, checker: _Checker, check_duplicates: bool):
        self.checker = checker
        self.check_duplicates = check_duplicates
        self.reset()

    def reset(self) -> None:
        self.keywords: list[str] = []
        self.strings: dict[str, str] = {}
        self.msgid_line: int | None = None
        self.plural = False

    def end(self, no: int | None) -> None:
        """The entry ends (blank line, comment or end of file): it must be complete."""
        if not self.keywords:
            return
        if not self.keywords[-1].startswith("msgstr"):
            self.checker.fail(self.msgid_line or no or 1, _("missing 'msgstr' for this msgid"))
        self.register()
        self.reset()

    def register(self) -> None:
        """Refuse a second message with the same msgctxt and msgid."""
        if not self.check_duplicates or self.msgid_line is None:
            return
        key = ("msgctxt" in self.strings, self.strings.get("msgctxt", ""), self.strings.get("msgid", ""))
        first = self.checker.seen.setdefault(tuple(map(str, key)), self.msgid_line)
        if first != self.msgid_line:
            self.checker.fail(
                self.msgid_line,
                _("duplicate message definition (first defined at line {line})").format(line=first),
            )

    def feed(self, line: str, no: int) -> None:
        if line.startswith('"'):
            if not self.keywords:
                self.checker.fail(no, _("syntax error: a string outside any msgid or msgstr"))
            self.strings[self.keywords[-1]] += self.checker.string(line, no)
            return
        m = _KEYWORD.match(line)
        if not m:
            self.checker.fail(no, _("syntax error: expected msgctxt, msgid, msgstr or a quoted string"))
        keyword = m.group(1)
        content = self.checker.string(line[m.end() :], no)
        last = self.keywords[-1] if self.keywords else None
        if keyword in ("msgctxt", "msgid") and last is not None and last.startswith("msgstr"):
            self.register()
            self.reset()
            last = None
        if keyword == "msgctxt" and last is not None:
            self.checker.fail(no, _("'msgctxt' must come before 'msgid'"))
        elif keyword == "msgid":
            if last not in (None, "msgctxt"):
                self.checker.fail(self.msgid_line or no, _("missing 'msgstr' for this msgid"))
            self.msgid_line = no
        elif keyword == "msgid_plural":
            if last != "msgid":
                self.checker.fail(no, _("'msgid_plural' must follow 'msgid'"))
            self.plural = True
        elif keyword == "msgstr":
            if self.plural:
                self.checker.fail(no, _("a plural entry needs msgstr[0], msgstr[1]…, not 'msgstr'"))
            if last != "msgid":
                self.checker.fail(no, _("'msgstr' without a 'msgid' before it"))
        elif keyword.startswith("msgstr["):
            index = int(m.group(2))
            if not self.plural:
                self.checker.fail(no, _("'msgstr[N]' in an entry without 'msgid_plural'"))
            expected = int(last[7:-1]) + 1 if last and last.startswith("msgstr[") else 0
            if index != expected:
                self.checker.fail(no, _("'msgstr[{index}]' out of order").format(index=index))
        self.keywords.append(keyword)
        self.strings[keyword] = content
