"""`Source`: a connector pulling data, authorized by a Service."""

from __future__ import annotations

from pulumi_dataddo import signatures
from pulumi_dataddo.dynamic.provider import DataddoProvider
from pulumi_dataddo.dynamic.resource import DynamicResource
from pulumi_dataddo.logic import source


class SourceProvider(DataddoProvider):
    logic = source.LOGIC


class Source(signatures.Source, DynamicResource, module="dataddo", name="Source"):
    _serves = SourceProvider
