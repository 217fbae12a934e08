"""`Flow`: sources wired to a dashboard app, exposing an API endpoint."""

from __future__ import annotations

from collections.abc import Sequence

import pulumi
import pulumi.dynamic

from pulumi_dataddo import adoption
from pulumi_dataddo.dynamic.provider import DataddoProvider
from pulumi_dataddo.dynamic.resource import properties, warn_unknowns
from pulumi_dataddo.logic import flow


class FlowProvider(DataddoProvider):
    logic = flow.LOGIC


class Flow(pulumi.dynamic.Resource, module="dataddo", name="Flow"):
    """A flow from `sources` to a dashboard `app` (`api_id` is the endpoint the app reads), or
    into the Destination `destination_id` (written as `write_mode` says).

    `label`, `sources`, `write_mode` and `unique_columns` change in place; a new `app` or
    `destination_id` replaces the flow.
    """

    sources: pulumi.Output[list[str]]
    app: pulumi.Output[str | None]
    destination_id: pulumi.Output[str | None]
    write_mode: pulumi.Output[str | None]
    unique_columns: pulumi.Output[list[str] | None]
    label: pulumi.Output[str | None]
    adopt_id: pulumi.Output[str | None]
    api_id: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        sources: pulumi.Input[Sequence[pulumi.Input[str]]],
        app: pulumi.Input[str] | None = None,
        destination_id: pulumi.Input[str] | None = None,
        write_mode: pulumi.Input[str] | None = None,
        unique_columns: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None,
        label: pulumi.Input[str] | None = None,
        adopt_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        args = {
            "sources": sources,
            "app": app,
            "destination_id": destination_id,
            "write_mode": write_mode,
            "unique_columns": unique_columns,
            "label": label,
            "adopt_id": adoption.requested(FlowProvider.logic.spec.name, resource_name, adopt_id),
        }
        props = properties(FlowProvider.logic, args)
        super().__init__(FlowProvider(), resource_name, props, opts)
        warn_unknowns(self, FlowProvider.logic, props)
