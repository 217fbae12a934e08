"""`Service`: an authorizer holding third-party credentials (config always secret)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
import pulumi.dynamic

from pulumi_dataddo import adoption
from pulumi_dataddo.dynamic.provider import DataddoProvider
from pulumi_dataddo.dynamic.resource import properties, warn_unknowns
from pulumi_dataddo.logic import service


class ServiceProvider(DataddoProvider):
    logic = service.LOGIC


class Service(pulumi.dynamic.Resource, module="dataddo", name="Service"):
    """Stored credentials of a third-party service, e.g. `snapchat_static`.

    `config` is always stored as a secret. A new `service` type replaces the Service; `label`
    and `config` (credential rotation) change in place. `adopt_id` takes over an existing
    service by its integer id (its config is then overwritten with the declared one).
    """

    service: pulumi.Output[str]
    config: pulumi.Output[dict[str, Any]]
    label: pulumi.Output[str | None]
    adopt_id: pulumi.Output[str | None]
    service_id: pulumi.Output[int]

    def __init__(
        self,
        resource_name: str,
        *,
        service: pulumi.Input[str],
        config: pulumi.Input[Mapping[str, pulumi.Input[Any]]],
        label: pulumi.Input[str] | None = None,
        adopt_id: pulumi.Input[str | int] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        args = {
            "service": service,
            "config": config,
            "label": label,
            "adopt_id": adoption.requested(
                ServiceProvider.logic.spec.name, resource_name, adopt_id
            ),
        }
        # `service_id` is the id as an integer: derived here, it stays known in previews of
        # in-place updates (the dynamic protocol cannot declare outputs stable).
        props = properties(ServiceProvider.logic, args, derived=("service_id",))
        secret_config = pulumi.ResourceOptions(additional_secret_outputs=["config"])
        super().__init__(
            ServiceProvider(),
            resource_name,
            props,
            pulumi.ResourceOptions.merge(opts, secret_config),
        )
        self.service_id = self.id.apply(int)
        warn_unknowns(self, ServiceProvider.logic, props)
