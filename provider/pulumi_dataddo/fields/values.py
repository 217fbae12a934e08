"""Plain values as the engine hands them over: unknowns, numbers, and how to show them.

The Pulumi engine marks values not yet known (in preview) with a fixed sentinel string; the
adapter turns the SDK's `Unknown` objects into that same string, so logic can test for it
without importing Pulumi, and what logic returns serializes back unchanged.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections.abc import Collection
from typing import Any

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
MAX_SHOWN = 60


def is_unknown(value: Any) -> bool:
    """Whether `value` or anything inside it is not known yet."""
    if isinstance(value, str):
        return value == UNKNOWN
    if isinstance(value, dict):
        return any(is_unknown(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(is_unknown(v) for v in value)
    return False


def is_blank(text: str) -> bool:
    """Whether `text` shows nothing: only white space, format characters (a zero-width space, a
    direction mark), combining marks with nothing to combine with, and the characters that are
    drawn as blank (Hangul fillers, the blank braille pattern), none of which `str.strip`
    removes."""
    return all(
        ch.isspace() or ch in BLANK_LOOKING or unicodedata.category(ch) in INVISIBLE for ch in text
    )


# Format characters and combining marks (they show only on a visible character).
INVISIBLE = frozenset({"Cf", "Mn", "Me"})
BLANK_LOOKING = frozenset("\u115f\u1160\u2800\u3164\uffa0")


def whole_numbers(value: Any) -> Any:
    """`value` with integral floats as ints (the engine sends every number as a float)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dict):
        return {k: whole_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [whole_numbers(v) for v in value]
    return value


def integer_text(value: Any) -> str | None:
    """`value` as the decimal text of a whole number (`3`, `3.0`, `"3"`), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return str(int(value))
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return str(int(value))
    return None


def show(value: Any) -> str:
    """A short rendering of a (non-secret) value for messages."""
    try:
        text = json.dumps(whole_numbers(value), default=repr)
    except (ValueError, TypeError, RecursionError):  # circular structures, odd keys
        text = repr(value)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "..."


def kind(value: Any) -> str:
    """The JSON kind of `value`, for messages that must not show a (secret) value."""
    names = {bool: "a boolean", str: "a string", dict: "an object", list: "a list"}
    for python_type, name in names.items():
        if isinstance(value, python_type):
            return name
    if isinstance(value, int | float):
        return "a number"
    return "null" if value is None else type(value).__name__


def did_you_mean(name: str, known: Collection[str]) -> str:
    """`; did you mean a or b?` for near misses, across casings (`storageStrategy` matches
    `storage_strategy`); empty when nothing is close."""
    flat = {k.replace("_", "").lower(): k for k in known}
    wanted = name.replace("_", "").lower()
    same = flat.get(wanted)
    close = [same] if same else [flat[k] for k in difflib.get_close_matches(wanted, flat, 3)]
    return f"; did you mean {' or '.join(close)}?" if close else ""
