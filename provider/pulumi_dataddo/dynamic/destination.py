"""`Destination`: a warehouse, database, storage or business app that flows write into."""

from __future__ import annotations

from pulumi_dataddo import signatures
from pulumi_dataddo.dynamic.provider import DataddoProvider
from pulumi_dataddo.dynamic.resource import DynamicResource
from pulumi_dataddo.logic import destination


class DestinationProvider(DataddoProvider):
    logic = destination.LOGIC


class Destination(signatures.Destination, DynamicResource, module="dataddo", name="Destination"):
    _serves = DestinationProvider
