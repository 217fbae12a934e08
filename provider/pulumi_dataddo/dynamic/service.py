"""`Service`: an authorizer holding third-party credentials (config always secret)."""

from __future__ import annotations

from typing import ClassVar

from pulumi_dataddo import signatures
from pulumi_dataddo.dynamic.provider import DataddoProvider
from pulumi_dataddo.dynamic.resource import Derived, DynamicResource
from pulumi_dataddo.logic import service


class ServiceProvider(DataddoProvider):
    logic = service.LOGIC


class Service(signatures.Service, DynamicResource, module="dataddo", name="Service"):
    _serves = ServiceProvider
    # `service_id` is the id as an integer: derived here, it stays known in previews of
    # in-place updates (the dynamic protocol cannot declare outputs stable).
    _derived: ClassVar[Derived] = {"service_id": lambda resource: resource.id.apply(int)}
