"""Reading articles and writing outputs safely.

Inputs are decoded robustly (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252 or
Latin-1) and refused with a one-line error when they are missing, empty, binary or too large.
Outputs are written atomically: to a temporary file beside the target, then renamed over it.
"""

from __future__ import annotations

import codecs
import os
import sys
import tempfile
from pathlib import Path

from .errors import InputError

__all__ = ["MAX_BYTES", "atomic_write", "decode", "read_article"]

MAX_BYTES = 50 * 1024 * 1024
"""Inputs larger than this (50 MiB) are refused; split them first."""

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """``(text, encoding)`` of ``data``; raises InputError for empty or binary data.

    >>> decode("calcinose – réfractaire".encode("cp1252"))
    ('calcinose – réfractaire', 'cp1252')
    >>> decode(b"\\xef\\xbb\\xbfd\\xc3\\xa9p\\xc3\\xb4t")
    ('dépôt', 'utf-8-sig')
    """
    if not data.strip():
        raise InputError("the file is empty", name)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise InputError(f"invalid {encoding} text at byte {err.start}", name) from None
    if b"\x00" in data[:65536]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary file (NUL byte), not a text article", name, line)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(8, len(text) // 200):
        raise InputError("binary file (control characters), not a text article", name)
    return text, encoding


def read_article(path: str | Path, max_bytes: int = MAX_BYTES) -> tuple[str, str]:
    """Read and decode an article; ``-`` reads standard input."""
    name = str(path)
    try:
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            p = Path(path)
            if p.is_dir():
                raise InputError("is a directory, not an article", name)
            if p.stat().st_size > max_bytes:
                raise InputError(f"too large ({p.stat().st_size:,} bytes; the limit is {max_bytes:,})", name)
            data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as err:
        raise InputError(err.strerror or str(err), name) from None
    if len(data) > max_bytes:
        raise InputError(f"too large (more than {max_bytes:,} bytes)", name)
    return decode(data, name)


def atomic_write(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never a half-written file."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode(encoding) if isinstance(data, str) else data
    try:  # keep the mode of a file being replaced; a new file gets the usual 0o666 & ~umask
        mode = target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
