"""A source's `Source` arguments from what the API shows: label, connector and template from its
`SourceDTO`, the rest from its creation parameters (`/metadata`, in the connector form's
casing), the schedule from `/extraction/schedule`.

`config` is the parameters less the fields the Source's own arguments set (`connector_form.Names`)
and less the fields the provider adds to every create body with the values it would give them.
Config values the program must not hold (a credential-like key, a header pair or URL holding a
credential) and the secret fields a form requires that the metadata leaves out become
`SecretField`s, read from stack config.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pulumi_dataddo import redaction
from pulumi_dataddo.cli.export.reader import SourceRecord
from pulumi_dataddo.fields.schedule import FIELDS as SCHEDULE_FIELDS
from pulumi_dataddo.fields.source import DEFAULT_TEMPLATE
from pulumi_dataddo.fields.values import integer_text
from pulumi_dataddo.logic import catalog, connector_form, payloads


class InexpressibleError(ValueError):
    """The object cannot be declared as a resource; the message says why."""


@dataclass(frozen=True)
class SecretField:
    """A config field the program reads from stack config as a secret."""

    name: str
    text: bool  # a string (`require_secret`), else any JSON value (`require_secret_object`)
    why: str


@dataclass(frozen=True)
class SourceArguments:
    """What a `Source` declaration says of one source."""

    connector_id: str
    label: str
    oauth_id: str | None  # the Service's id
    template_id: str | None  # None: the default template
    config: dict[str, Any]  # literal values and `SecretField`s, in the metadata's order
    schedule: dict[str, str]
    strategy: str | None
    # Secret fields of the form that the metadata cannot show were set or not.
    unknown_secrets: tuple[str, ...] = ()


def arguments(record: SourceRecord) -> SourceArguments:
    """The `Source` arguments of `record`; `InexpressibleError` without a connector or a label."""
    metadata = record.metadata
    connector_id = record.info.connector_id or _text(
        metadata.get("connectorId", metadata.get("connector_id"))
    )
    if connector_id is None:
        raise InexpressibleError("neither GET /sources/{id} nor its metadata names its connector")
    names = connector_form.names(connector_id)
    label = record.info.label or _text(metadata.get(names.label))
    if not label:
        raise InexpressibleError("it has no label, which a Source requires")
    template = record.info.template_id or _text(metadata.get(names.template_id))
    set_by_arguments = {*names.arguments(), names.storage_strategy}
    config = {k: v for k, v in metadata.items() if k not in set_by_arguments}
    config = _without_added_fields(config, names, connector_id, template, label)
    form = catalog.connector_form(connector_id)
    left_out = (
        {k for k in form.fields if redaction.is_secret_key(k)} - config.keys() if form else set()
    )
    required = form.required if form else frozenset()
    oauth = metadata.get(names.oauth_id)
    return SourceArguments(
        connector_id=connector_id,
        label=label,
        oauth_id=None if oauth in (None, "") else integer_text(oauth) or str(oauth),
        template_id=None if template in (None, DEFAULT_TEMPLATE) else template,
        config=_secrets_apart(config, sorted(left_out & required), form),
        schedule={k: record.schedule[k] for k in SCHEDULE_FIELDS if k in record.schedule},
        strategy=_text(metadata.get(names.strategy, metadata.get(names.storage_strategy))),
        unknown_secrets=tuple(sorted(left_out - required)),
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _without_added_fields(
    config: dict[str, Any],
    names: connector_form.Names,
    connector_id: str,
    template: str | None,
    label: str,
) -> dict[str, Any]:
    """`config` less the fields the provider adds to a create body (`dateRangePreview`,
    `search`, ...) where they hold what it would add."""
    added = set(names.ui_fields) & config.keys()
    body = payloads.create_source(
        names,
        connector_id=connector_id,
        template_id=template or DEFAULT_TEMPLATE,
        label=label,
        config={k: v for k, v in config.items() if k not in added},
    )
    return {k: v for k, v in config.items() if k not in added or k not in body or body[k] != v}


def _secrets_apart(
    config: dict[str, Any], left_out: list[str], form: catalog.ConnectorForm | None
) -> dict[str, Any]:
    """`config` with each value holding a credential replaced by a `SecretField`, then one for
    each field of `left_out` (secret fields the form requires that the metadata left out)."""
    result: dict[str, Any] = {
        key: SecretField(key, isinstance(value, str), "it holds a credential")
        if redaction.holds_credentials({key: value})
        else value
        for key, value in config.items()
    }
    types = form.types if form else {}
    for key in left_out:
        result[key] = SecretField(key, types.get(key, "string") == "string", "the API hides it")
    return result
