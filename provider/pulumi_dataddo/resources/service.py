"""`Service`: an authorizer holding third-party credentials (config always secret)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi
import pulumi.dynamic

from pulumi_dataddo.logic import service
from pulumi_dataddo.resources.provider import DataddoProvider


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
        props = {
            "service": service,
            "config": pulumi.Output.secret(config),
            "label": label,
            "adopt_id": adopt_id,
            "service_id": None,
        }
        secret_config = pulumi.ResourceOptions(additional_secret_outputs=["config"])
        super().__init__(
            ServiceProvider(),
            resource_name,
            props,
            pulumi.ResourceOptions.merge(opts, secret_config),
        )
