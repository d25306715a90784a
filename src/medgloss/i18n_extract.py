"""Babel extraction method for medgloss's interface strings (named in ``babel.cfg``).

It yields what Babel's own Python extractor finds (``_()`` and ``ngettext()`` calls) plus the
docstrings of click commands and groups, which click shows as their help and which
``medgloss.i18n.translate_help`` translates at start-up, and the titles of ``check`` rules (the
first paragraph of the docstring of a function decorated with ``rule(...)``), which the check
reports show through ``_()``.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any

from babel.messages.extract import extract_python

__all__ = ["command_docstrings", "extract_medgloss"]


def extract_medgloss(
    fileobj: IO[bytes], keywords: Mapping[str, Any], comment_tags: Collection[str], options: Mapping[str, Any]
) -> Iterator[tuple[Any, ...]]:
    """Babel's ``(lineno, funcname, message, comments)`` tuples for one Python file."""
    yield from extract_python(fileobj, keywords, comment_tags, dict(options))  # type: ignore[arg-type]
    fileobj.seek(0)
    for line, doc in command_docstrings(fileobj.read().decode("utf-8")):
        yield line, None, doc, []


def command_docstrings(source: str) -> list[tuple[int, str]]:
    """``(line, cleaned docstring)`` of the functions decorated with a click ``command``/``group``.

    >>> command_docstrings('@po.command("x")\\ndef x():\\n    \\"\\"\\"Do it.\\n\\n    More.\\n    \\"\\"\\"\\n')
    [(3, 'Do it.\\n\\nMore.')]
    """
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        doc = ast.get_docstring(node, clean=True)
        if not doc:
            continue
        if any(_is_click_command(d) for d in node.decorator_list):
            out.append((node.body[0].lineno, doc))
        elif any(_is_rule(d) for d in node.decorator_list):
            out.append((node.body[0].lineno, " ".join(doc.split("\n\n")[0].split())))
    return out


def _is_rule(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Name) and target.id == "rule"


def _is_click_command(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(target, ast.Attribute | ast.Name) and (
        getattr(target, "attr", None) or getattr(target, "id", None)
    ) in ("command", "group")
