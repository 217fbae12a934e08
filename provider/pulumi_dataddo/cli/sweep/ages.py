"""Ages as the command line writes them: `0`, `90s`, `30m`, `1h30m`, `2d`."""

from __future__ import annotations

import re

UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_AGE = re.compile(r"(?:\d+[dhms])+|\d+")
_PART = re.compile(r"(\d+)([dhms])")


def parse(text: str) -> float:
    """Seconds of an age such as `1h30m` (a bare number is seconds); ValueError otherwise."""
    text = text.strip().lower()
    if not _AGE.fullmatch(text):
        raise ValueError(f"{text!r}: expected an age such as 0, 90s, 30m, 1h30m or 2d")
    if text.isdigit():
        return float(text)
    return float(sum(int(number) * UNITS[unit] for number, unit in _PART.findall(text)))


def describe(seconds: float) -> str:
    """An age in its two largest units, e.g. `2h 5m`, `40s`, `3d 1h`."""
    left = max(0, int(seconds))
    parts: list[str] = []
    for unit, size in UNITS.items():
        count, left = divmod(left, size)
        if count or (unit == "s" and not parts):
            parts.append(f"{count}{unit}")
    return " ".join(parts[:2])
