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
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic import lookups
from pulumi_dataddo.logic.account import shared_account
from pulumi_dataddo.logic.lookups import DEFAULT_CONNECTOR, LabelValues


def _client() -> DataddoClient:
    config = pulumi.Config("dataddo")
    return shared_account(settings.resolve(lambda key: config.get(key.split(":", 1)[1]))).api


def _one_line(lookup: Callable[[DataddoClient], LabelValues], what: str) -> LabelValues:
    try:
        return lookup(_client())
    except DataddoError as exc:
        raise pulumi.RunError(f"DataddoError: {what}: {redaction.redact(str(exc))}") from None


def get_connectors() -> pulumi.Output[LabelValues]:
    """Every connector of the account: `[{"label": "Snapchat", "value": "snapchat"}, ...]`."""
    return pulumi.Output.from_input(None).apply(
        lambda _: _one_line(lookups.connectors, "looking up connectors")
    )


def get_organizations(
    oauth_id: pulumi.Input[str | int], connector_id: pulumi.Input[str] = DEFAULT_CONNECTOR
) -> pulumi.Output[LabelValues]:
    """The organizations the Service `oauth_id` can read through `connector_id`."""

    def look(args: list[Any]) -> LabelValues:
        oauth, connector = args
        return _one_line(
            lambda api: lookups.organizations(api, oauth, connector),
            f"looking up {connector} organizations",
        )

    return pulumi.Output.all(oauth_id, connector_id).apply(look)


def get_accounts(
    oauth_id: pulumi.Input[str | int],
    organization_id: pulumi.Input[str],
    connector_id: pulumi.Input[str] = DEFAULT_CONNECTOR,
) -> pulumi.Output[LabelValues]:
    """The ad accounts of an organization the Service `oauth_id` can read."""

    def look(args: list[Any]) -> LabelValues:
        oauth, organization, connector = args
        return _one_line(
            lambda api: lookups.accounts(api, oauth, organization, connector),
            f"looking up {connector} accounts",
        )

    return pulumi.Output.all(oauth_id, organization_id, connector_id).apply(look)


def get_destination_types() -> list[str]:
    """The destination types of the published spec, offline (no API call)."""
    return lookups.destination_types()


def get_write_modes(destination_type: pulumi.Input[str]) -> pulumi.Output[LabelValues]:
    """The write modes a destination type offers (`POST /destinations/{type}/actions/
    writeModes`): `[{"label": "Insert", "value": "insert"}, ...]`."""
    return pulumi.Output.from_input(destination_type).apply(
        lambda kind: _one_line(
            lambda api: lookups.write_modes(api, kind), f"looking up {kind}'s write modes"
        )
    )
