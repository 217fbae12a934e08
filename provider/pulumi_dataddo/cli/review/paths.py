"""Pulumi property paths as the plan's `detailedDiff` writes them: `schedule.hour`,
`sources[0]`, `config["a.b"]`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from pulumi_dataddo.cli.review.masking import Marker

Path = tuple[str | int, ...]

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PART = re.compile(r'\.?(?P<name>[^.\[\]"]+)|\[(?P<index>\d+)\]|\[(?P<quoted>"(?:[^"\\]|\\.)*")\]')


def parse(path: str) -> Path:
    """The keys and indexes of `path`; a path that does not parse is one key."""
    parts: list[str | int] = []
    position = 0
    while position < len(path):
        match = _PART.match(path, position)
        if match is None:
            return (path,)
        if match["name"] is not None:
            parts.append(match["name"])
        elif match["index"] is not None:
            parts.append(int(match["index"]))
        else:
            parts.append(str(json.loads(match["quoted"])))
        position = match.end()
    return tuple(parts)


def lookup(values: Any, path: Path) -> Any:
    """The value at `path`: a masked or unknown value stands for all below it, and a path the
    values do not have gives `Marker.ABSENT`."""
    for part in path:
        if isinstance(values, Marker):
            return values
        in_list = isinstance(part, int) and isinstance(values, list) and part < len(values)
        if not (in_list or (isinstance(part, str) and isinstance(values, dict) and part in values)):
            return Marker.ABSENT
        values = values[part]
    return values


def covers(reason: str, path: str) -> bool:
    """Whether the property `reason` (a replace reason) is `path` or holds it."""
    return path == reason or path.startswith((f"{reason}.", f"{reason}["))


def leaves(values: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Each value that is not a mapping, with its path, in key order."""
    for key, value in sorted(values.items()):
        if _NAME.fullmatch(key):
            name = f"{prefix}.{key}" if prefix else key
        else:
            name = f"{prefix}[{json.dumps(key)}]"
        if isinstance(value, dict) and value:
            yield from leaves(value, name)
        else:
            yield name, value
