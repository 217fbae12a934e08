"""The lookups in a program, served by the native provider (`dataddo:index:get...` functions
with the provider's credentials): the same functions and arguments as `pulumi_dataddo`'s, and
`opts` for an explicit provider (`pulumi.InvokeOptions(provider=...)`)."""

from __future__ import annotations

from typing import Any

import pulumi

from pulumi_dataddo.fields.base import camel_case
from pulumi_dataddo.logic import lookups
from pulumi_dataddo.logic.lookups import DEFAULT_CONNECTOR, LabelValues
from pulumi_dataddo.native import schema


def _items(function: str, opts: pulumi.InvokeOptions | None, **args: Any) -> pulumi.Output[Any]:
    """The `items` the provider's function returns; arguments may be Outputs."""
    wire = {camel_case(name): value for name, value in args.items()}
    return pulumi.runtime.invoke_output(schema.token(function), wire, opts).apply(
        lambda result: result["items"]
    )


def get_connectors(opts: pulumi.InvokeOptions | None = None) -> pulumi.Output[LabelValues]:
    """Every connector of the account: `[{"label": "Snapchat", "value": "snapchat"}, ...]`."""
    return _items("getConnectors", opts)


def get_organizations(
    oauth_id: pulumi.Input[str | int],
    connector_id: pulumi.Input[str] = DEFAULT_CONNECTOR,
    opts: pulumi.InvokeOptions | None = None,
) -> pulumi.Output[LabelValues]:
    """The organizations the Service `oauth_id` can read through `connector_id`."""
    return _items("getOrganizations", opts, oauth_id=oauth_id, connector_id=connector_id)


def get_accounts(
    oauth_id: pulumi.Input[str | int],
    organization_id: pulumi.Input[str],
    connector_id: pulumi.Input[str] = DEFAULT_CONNECTOR,
    opts: pulumi.InvokeOptions | None = None,
) -> pulumi.Output[LabelValues]:
    """The ad accounts of an organization the Service `oauth_id` can read."""
    return _items(
        "getAccounts",
        opts,
        oauth_id=oauth_id,
        organization_id=organization_id,
        connector_id=connector_id,
    )


def get_destination_types() -> list[str]:
    """The destination types of the published spec, offline (no API call)."""
    return lookups.destination_types()


def get_write_modes(
    destination_type: pulumi.Input[str], opts: pulumi.InvokeOptions | None = None
) -> pulumi.Output[LabelValues]:
    """The write modes a destination type offers: `[{"label": "Insert", "value": "insert"}]`."""
    return _items("getWriteModes", opts, destination_type=destination_type)
