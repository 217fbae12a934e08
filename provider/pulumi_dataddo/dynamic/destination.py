"""`Destination`: a warehouse, database, storage or business app that flows write into."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
import pulumi.dynamic

from pulumi_dataddo import adoption
from pulumi_dataddo.dynamic.provider import DataddoProvider
from pulumi_dataddo.dynamic.resource import properties, warn_unknowns
from pulumi_dataddo.logic import destination


class DestinationProvider(DataddoProvider):
    logic = destination.LOGIC


class Destination(pulumi.dynamic.Resource, module="dataddo", name="Destination"):
    """A destination of `destination_type` (e.g. `pgsql`, `google_big_query`), authorized by the
    Service `oauth_id`; `config` carries the type's form fields verbatim.

    `label`, `oauth_id` and `config` change in place; a new `destination_type` replaces it. A
    `config` holding a credential is stored as a secret.
    """

    destination_type: pulumi.Output[str]
    label: pulumi.Output[str]
    oauth_id: pulumi.Output[str | None]
    config: pulumi.Output[dict[str, Any] | None]
    adopt_id: pulumi.Output[str | None]
    status: pulumi.Output[bool | None]
    status_detail: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        destination_type: pulumi.Input[str],
        label: pulumi.Input[str],
        config: pulumi.Input[Mapping[str, pulumi.Input[Any]]] | None = None,
        oauth_id: pulumi.Input[str | int] | None = None,
        adopt_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        logic = DestinationProvider.logic
        args = {
            "destination_type": destination_type,
            "label": label,
            "config": config,
            "oauth_id": oauth_id,
            "adopt_id": adoption.requested(logic.spec.name, resource_name, adopt_id),
        }
        props = properties(logic, args)
        super().__init__(DestinationProvider(), resource_name, props, opts)
        warn_unknowns(self, logic, props)
