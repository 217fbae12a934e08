"""What the program reads from stack config as secrets: a Service's credentials (the API never
shows them; the README names the fields of its type's form), a config value holding a
credential, and the secret fields a connector's form requires that the metadata leaves out."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pulumi_dataddo import redaction
from pulumi_dataddo.logic import catalog

FILLER = "…"
# What the README's command shows for a field of each JSON type.
EXAMPLES: Mapping[str, Any] = {
    "integer": 0,
    "number": 0,
    "boolean": False,
    "array": [],
    "object": {},
}


@dataclass(frozen=True)
class Hidden:
    """A config field the program reads from stack config as a secret."""

    name: str
    text: bool  # a string (`require_secret`), else any JSON value (`require_secret_object`)
    why: str


def example(fields: Mapping[str, str]) -> str:
    """A config of `fields` as JSON, each value a filler of its type."""
    values = {name: EXAMPLES.get(kind, FILLER) for name, kind in fields.items()}
    return json.dumps(values, ensure_ascii=False)


def apart(config: Mapping[str, Any]) -> dict[str, Any]:
    """`config` with each value holding a credential (a credential-like key, a header pair, a
    URL with a password) replaced by a `Hidden` field."""
    return {
        key: Hidden(key, isinstance(value, str), "it holds a credential")
        if redaction.holds_credentials({key: value})
        else value
        for key, value in config.items()
    }


def left_out(connector_id: str, config: Mapping[str, Any]) -> tuple[list[Hidden], list[str]]:
    """The secret fields of the connector's form that `config` lacks (the metadata leaves
    secret-like keys out): those the form requires, as `Hidden` fields, and the optional ones,
    which the API never shows set or not."""
    form = catalog.connector_form(connector_id)
    if form is None:
        return [], []
    missing = sorted(k for k in form.fields - config.keys() if redaction.is_secret_key(k))
    required = [
        Hidden(k, form.types.get(k, "string") == "string", "the API hides it")
        for k in missing
        if k in form.required
    ]
    return required, [k for k in missing if k not in form.required]
