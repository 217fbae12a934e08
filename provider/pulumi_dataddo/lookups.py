"""Lookups for programs: connectors, a connector's organizations and accounts, destination
types and their write modes.

They run in the program (not the provider) with credentials from `pulumi.Config("dataddo")`,
then the environment, and return Outputs of `[{"label", "value"}]`; ids may be Outputs. They
call the API whenever the program runs, previews included. A failure ends the program with one
line, like a resource's (`pulumi.RunError` prints no traceback).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi

from pulumi_dataddo import redaction, settings
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.client import DataddoClient, shared_client
from pulumi_dataddo.logic import catalog, payloads

LabelValues = list[dict[str, str]]


def _client() -> DataddoClient:
    config = pulumi.Config("dataddo")
    return shared_client(settings.resolve(lambda key: config.get(key.split(":", 1)[1])))


def _one_line(lookup: Callable[[], LabelValues], what: str) -> LabelValues:
    try:
        return lookup()
    except DataddoError as exc:
        raise pulumi.RunError(f"DataddoError: {what}: {redaction.redact(str(exc))}") from None


def _action(connector_id: str, action: str, oauth_id: Any, **fields: Any) -> LabelValues:
    body = payloads.connector_action(oauth_id, **fields)
    return _one_line(
        lambda: _client().connector_action(connector_id, action, body),
        f"looking up {connector_id} {action}s",
    )


def get_connectors() -> pulumi.Output[LabelValues]:
    """Every connector of the account: `[{"label": "Snapchat", "value": "snapchat"}, ...]`."""
    return pulumi.Output.from_input(None).apply(
        lambda _: _one_line(lambda: _client().list_connectors(), "looking up connectors")
    )


def get_organizations(
    oauth_id: pulumi.Input[str | int], connector_id: pulumi.Input[str] = "snapchat"
) -> pulumi.Output[LabelValues]:
    """The organizations the Service `oauth_id` can read through `connector_id`."""
    return pulumi.Output.all(oauth_id, connector_id).apply(
        lambda args: _action(args[1], "organization", args[0])
    )


def get_accounts(
    oauth_id: pulumi.Input[str | int],
    organization_id: pulumi.Input[str],
    connector_id: pulumi.Input[str] = "snapchat",
) -> pulumi.Output[LabelValues]:
    """The ad accounts of an organization the Service `oauth_id` can read."""
    return pulumi.Output.all(oauth_id, organization_id, connector_id).apply(
        lambda args: _action(args[2], "account", args[0], organizationId=args[1])
    )


def get_destination_types() -> list[str]:
    """The destination types of the published spec, offline (no API call)."""
    return sorted(catalog.destination_types())


def get_write_modes(destination_type: pulumi.Input[str]) -> pulumi.Output[LabelValues]:
    """The write modes a destination type offers (`POST /destinations/{type}/actions/
    writeModes`): `[{"label": "Insert", "value": "insert"}, ...]`."""
    return pulumi.Output.from_input(destination_type).apply(
        lambda kind: _one_line(
            lambda: _client().write_modes(kind), f"looking up {kind}'s write modes"
        )
    )
