"""`Source`: a connector pulling data, authorized by a Service."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
import pulumi.dynamic

from pulumi_dataddo import adoption
from pulumi_dataddo.dynamic.provider import DataddoProvider
from pulumi_dataddo.dynamic.resource import properties, warn_unknowns
from pulumi_dataddo.dynamic.schedule import ScheduleInput, schedule_props
from pulumi_dataddo.logic import source


class SourceProvider(DataddoProvider):
    logic = source.LOGIC


class Source(pulumi.dynamic.Resource, module="dataddo", name="Source"):
    """A Dataddo source created from `connector_id`'s create-source form.

    `config` carries the connector's fields verbatim. `label` and `schedule` change in place;
    `connector_id`, `template_id`, `oauth_id`, `config` and `strategy` replace the source.
    `wait_until_live` (seconds) waits for the first extraction to go live. A `config` that
    holds a credential (a credential-like key, an Authorization header, a URL with a password
    or an api_key) is stored as a secret.
    """

    connector_id: pulumi.Output[str]
    label: pulumi.Output[str]
    oauth_id: pulumi.Output[str | None]
    template_id: pulumi.Output[str]
    config: pulumi.Output[dict[str, Any] | None]
    schedule: pulumi.Output[dict[str, str] | None]
    strategy: pulumi.Output[str | None]
    wait_until_live: pulumi.Output[float | None]
    adopt_id: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: pulumi.Input[str],
        label: pulumi.Input[str],
        oauth_id: pulumi.Input[str | int] | None = None,
        template_id: pulumi.Input[str] | None = None,
        config: pulumi.Input[Mapping[str, pulumi.Input[Any]]] | None = None,
        schedule: ScheduleInput | None = None,
        strategy: pulumi.Input[str] | None = None,
        wait_until_live: pulumi.Input[float] | None = None,
        adopt_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        args = {
            "connector_id": connector_id,
            "label": label,
            "oauth_id": oauth_id,
            "template_id": template_id,
            "config": config,
            "schedule": schedule_props(schedule),
            "strategy": strategy,
            "wait_until_live": wait_until_live,
            "adopt_id": adoption.requested(SourceProvider.logic.spec.name, resource_name, adopt_id),
        }
        props = properties(SourceProvider.logic, args)
        super().__init__(SourceProvider(), resource_name, props, opts)
        warn_unknowns(self, SourceProvider.logic, props)
