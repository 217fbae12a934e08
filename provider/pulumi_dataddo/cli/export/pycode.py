"""Python expressions written as `ruff format` writes them (its defaults: 88 columns, double
quotes, magic trailing commas), without depending on ruff.

Lines are measured as ruff measures them: wide (East Asian) characters count two columns,
combining marks none.

A value is JSON-like data (None, bool, int, float, str, list, dict with string keys), `Code`
(source used as is) or a `Call`. A line too long is split at its outermost bracket: a call's
arguments (or a lone item) on one indented line when they fit there, else one item a line, with
a trailing comma when there are several, each split the same way.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

LINE_LENGTH = 88
INDENT = "    "
# Characters ruff counts two columns wide though Unicode calls them neutral: the Yijing hexagrams.
_WIDE_NEUTRALS = frozenset(map(chr, range(0x4DC0, 0x4E00)))
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


@dataclass(frozen=True)
class Code:
    """Python source used as is: a name, an attribute (`auth.id`)."""

    text: str


@dataclass(frozen=True)
class Call:
    """`function(*args, **kwargs)`, keyword arguments in the given order."""

    function: str
    args: tuple[Any, ...] = ()
    kwargs: tuple[tuple[str, Any], ...] = ()


# (text before the item, the item's value)
_Item = tuple[str, Any]


def string(text: str) -> str:
    """A string literal: double quotes unless the text holds more of them than single ones."""
    quote = "'" if text.count('"') > text.count("'") else '"'
    return quote + "".join(_escaped(char, quote) for char in text) + quote


def _escaped(char: str, quote: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if char == quote:
        return "\\" + char
    if char.isprintable():
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def width(text: str) -> int:
    """The columns `text` takes on a terminal."""
    return sum(_columns(char) for char in text)


def _columns(char: str) -> int:
    if char.isascii():
        return 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    wide = unicodedata.east_asian_width(char) in ("W", "F") or char in _WIDE_NEUTRALS
    return 2 if wide else 1


def flat(value: Any) -> str:
    """`value` on one line."""
    parts = _brackets(value)
    if parts is None:
        return _atom(value)
    opener, items, closer = parts
    return opener + ", ".join(head + flat(item) for head, item in items) + closer


def statement(target: str, value: Any) -> str:
    """`target = value`, split over lines as needed, with a final newline."""
    return "\n".join(_lines(f"{target} = ", value, "", 0)) + "\n"


def _lines(head: str, value: Any, tail: str, depth: int) -> list[str]:
    indent = INDENT * depth
    line = indent + head + flat(value) + tail
    parts = _brackets(value)
    if width(line) <= LINE_LENGTH or parts is None or not parts[1]:
        return [line]
    opener, items, closer = parts
    first, last = [indent + head + opener], [indent + closer + tail]
    # A call's arguments, or a lone item, may stay on one line of their own; several items of
    # a list or dict are always one a line.
    if isinstance(value, Call) or len(items) == 1:
        inner = INDENT * (depth + 1) + ", ".join(h + flat(item) for h, item in items)
        if width(inner) <= LINE_LENGTH:
            return [*first, inner, *last]
    if len(items) == 1:
        return [*first, *_lines(*items[0], "", depth + 1), *last]
    return [*first, *(line for h, item in items for line in _lines(h, item, ",", depth + 1)), *last]


def _brackets(value: Any) -> tuple[str, Sequence[_Item], str] | None:
    """(opener, items, closer) of a bracketed value; None for an atom."""
    if isinstance(value, float) and not math.isfinite(value):
        return _brackets(Call("float", (repr(value),)))
    if isinstance(value, Call):
        items = [("", arg) for arg in value.args] + [(f"{k}=", v) for k, v in value.kwargs]
        return f"{value.function}(", items, ")"
    if isinstance(value, dict):
        return "{", [(f"{string(str(k))}: ", v) for k, v in value.items()], "}"
    if isinstance(value, list | tuple):
        return "[", [("", item) for item in value], "]"
    return None


def _atom(value: Any) -> str:
    if isinstance(value, Code):
        return value.text
    if isinstance(value, str):
        return string(value)
    if isinstance(value, float):
        return repr(value).replace("e+", "e")  # ruff writes no `+` in exponents
    if value is None or isinstance(value, bool | int):
        return repr(value)
    raise TypeError(f"not a value this module writes: {type(value).__name__}")
