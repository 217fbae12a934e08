"""What the lookups ask the API, over a client (no Pulumi): the program's functions
(`pulumi_dataddo.lookups`) and the native provider's invokes both call these."""

from __future__ import annotations

from typing import Any

from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic import catalog, payloads

LabelValues = list[dict[str, str]]
DEFAULT_CONNECTOR = "snapchat"


def connectors(api: DataddoClient) -> LabelValues:
    """Every connector of the account: `[{"label": "Snapchat", "value": "snapchat"}, ...]`."""
    return api.list_connectors()


def organizations(
    api: DataddoClient, oauth_id: Any, connector_id: str = DEFAULT_CONNECTOR
) -> LabelValues:
    """The organizations the Service `oauth_id` can read through `connector_id`."""
    return api.connector_action(connector_id, "organization", payloads.connector_action(oauth_id))


def accounts(
    api: DataddoClient, oauth_id: Any, organization_id: str, connector_id: str = DEFAULT_CONNECTOR
) -> LabelValues:
    """The ad accounts of an organization the Service `oauth_id` can read."""
    body = payloads.connector_action(oauth_id, organizationId=organization_id)
    return api.connector_action(connector_id, "account", body)


def destination_types() -> list[str]:
    """The destination types of the published spec, offline (no API call)."""
    return sorted(catalog.destination_types())


def write_modes(api: DataddoClient, destination_type: str) -> LabelValues:
    """The write modes a destination type offers: `[{"label": "Insert", "value": "insert"}]`."""
    return api.write_modes(destination_type)
