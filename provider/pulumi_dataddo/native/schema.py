"""The provider's Pulumi package schema, generated from the field specs: each resource kind's
properties (secret, required, replacing, defaults, descriptions), the object types they refer
to, the lookups as functions, and the provider's configuration.

`python -m pulumi_dataddo.native.plugin` writes it into the plugin directory; a test proves the
committed file is current.
"""

from __future__ import annotations

from functools import cache
from importlib.metadata import version
from typing import Any

from pulumi_dataddo import settings
from pulumi_dataddo.fields.base import ALWAYS, Field, ResourceSpec, camel_case
from pulumi_dataddo.logic.registry import logics
from pulumi_dataddo.native.functions import FUNCTIONS, LABEL_VALUES, Function
from pulumi_dataddo.native.objects import object_type

NAME = "dataddo"
PACKAGE = "pulumi-dataddo"
Schema = dict[str, Any]

LABEL_VALUE = "LabelValue"
# The provider's configuration, by `settings.SOURCES` attribute: its type, secrecy and meaning.
CONFIG: dict[str, tuple[str, bool, str]] = {
    "base_url": ("string", False, f"The API root, default `{settings.DEFAULT_BASE_URL}`."),
    "email": ("string", False, "The API user's email (SSO accounts cannot log in)."),
    "password": ("string", True, "The API user's password."),
    "access_token": ("string", True, "An access token used as is, instead of logging in."),
    "timeout": (
        "number",
        False,
        f"Seconds to wait for each answer, default {settings.DEFAULT_TIMEOUT:g}.",
    ),
    "parallelism": (
        "integer",
        False,
        f"API calls the provider makes at once, default {settings.DEFAULT_PARALLELISM}.",
    ),
}


def token(name: str) -> str:
    """The package's token of a resource, type or function."""
    return f"{NAME}:index:{name}"


def _ref(name: str) -> Schema:
    return {"$ref": f"#/types/{token(name)}"}


def _property(field: Field) -> Schema:
    prop: Schema = {**field.type.schema, "description": field.description}
    if field.secret == ALWAYS:
        prop["secret"] = True
    if field.default is not None:
        prop["default"] = field.default
    if field.replaces:
        prop["willReplaceOnChanges"] = True
    return prop


def _resource(spec: ResourceSpec) -> Schema:
    inputs = spec.inputs
    # Outputs always present: required or defaulted arguments the API tells again on import
    # (not a write-only secret such as a Service's config).
    always = [f for f in inputs if (f.required or f.default is not None) and f.secret != ALWAYS]
    return {
        "description": spec.description,
        "properties": {f.camel: _property(f) for f in spec.fields},
        "required": [f.camel for f in always],
        "inputProperties": {f.camel: _property(f) for f in inputs},
        "requiredInputs": [f.camel for f in inputs if f.required],
    }


def _types(specs: list[ResourceSpec]) -> Schema:
    types: Schema = {
        token(LABEL_VALUE): {
            "type": "object",
            "description": "An option of a lookup: what it is called and its value.",
            "properties": {
                "label": {"type": "string", "description": "The option's name."},
                "value": {"type": "string", "description": "The option's value (an id)."},
            },
            "required": ["label", "value"],
        }
    }
    for name in sorted({ref for spec in specs for f in spec.fields for ref in f.type.refs}):
        described = object_type(name)
        types[token(name)] = {
            "type": "object",
            "description": described.description,
            "properties": {
                camel_case(field): {"type": "string", "description": text}
                for field, text in described.fields.items()
            },
        }
    return types


def _function(function: Function) -> Schema:
    item = _ref(LABEL_VALUE) if function.items == LABEL_VALUES else {"type": "string"}
    arguments = {
        camel_case(a.name): {"type": "string", "description": a.description}
        | ({} if a.default is None else {"default": a.default})
        for a in function.arguments
    }
    return {
        "description": function.description,
        "inputs": {
            "properties": arguments,
            "required": [camel_case(a.name) for a in function.arguments if a.default is None],
        },
        "outputs": {
            "properties": {"items": {"type": "array", "items": item}},
            "required": ["items"],
        },
    }


def _config() -> Schema:
    variables: Schema = {}
    for attribute, _key, variable in settings.SOURCES:
        kind, secret, text = CONFIG[attribute]
        variables[camel_case(attribute)] = {
            "type": kind,
            "description": f"{text} Environment fallback: `{variable}`.",
        } | ({"secret": True} if secret else {})
    return variables


@cache
def generate() -> Schema:
    """The whole schema."""
    specs = [kind.spec for kind in logics()]
    config = _config()
    return {
        "name": NAME,
        "displayName": "Dataddo",
        "version": version(PACKAGE),
        "description": "Dataddo's headless API as Pulumi resources: "
        + ", ".join(spec.name for spec in specs)
        + ".",
        "keywords": ["pulumi", "dataddo", "category/utility"],
        "license": "Apache-2.0",
        "config": {"variables": config},
        "provider": {
            "description": "The Dataddo account the resources live in.",
            "inputProperties": config,
        },
        "resources": {token(spec.name): _resource(spec) for spec in specs},
        "types": _types(specs),
        "functions": {f.token: _function(f) for f in FUNCTIONS},
        "language": {
            "python": {
                "packageName": "pulumi_dataddo.native",
                "requires": {"pulumi": ">=3.216,<4"},
                "pyproject": {"enabled": True},
                "respectSchemaVersion": True,
            }
        },
    }
