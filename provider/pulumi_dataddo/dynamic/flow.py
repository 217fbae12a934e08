"""`Flow`: sources wired to a dashboard app, exposing an API endpoint, or to a Destination."""

from __future__ import annotations

from pulumi_dataddo import signatures
from pulumi_dataddo.dynamic.provider import DataddoProvider
from pulumi_dataddo.dynamic.resource import DynamicResource
from pulumi_dataddo.logic import flow


class FlowProvider(DataddoProvider):
    logic = flow.LOGIC


class Flow(signatures.Flow, DynamicResource, module="dataddo", name="Flow"):
    _serves = FlowProvider
