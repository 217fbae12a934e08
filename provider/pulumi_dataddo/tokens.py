"""The type tokens of Dataddo resources: the Python dynamic providers' and the native one's."""

from __future__ import annotations

import re

DYNAMIC_PREFIX = "pulumi-python:dynamic/dataddo:"
NATIVE_PREFIX = "dataddo:index:"
_TOKEN = re.compile(r"(?:pulumi-python:dynamic/dataddo|dataddo:index):(?P<kind>[A-Za-z]+)")


def kind(type_token: str) -> str | None:
    """The resource kind (`Service`, `Source`, `Flow`, `Destination`) of a Dataddo type token,
    None for any other type."""
    match = _TOKEN.fullmatch(type_token)
    return match["kind"] if match else None
