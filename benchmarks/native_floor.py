"""The native floor: the benchmark's resource graph on a native provider plugin that does
nothing (package `benchfloor`), to the native provider what `floor.py` is to the dynamic ones.

The program declares the native SDK's own classes under the `benchfloor` package, so the
engine receives the same properties (camelCase, Service config secret) from the same code; the
plugin (`benchmarks/native-floor-plugin`, run by the Python language host like ours) answers
every call at once, with the same computed outputs. The plugin process imports `benchmarks`
from PYTHONPATH, as the dynamic floor's does.
"""

from __future__ import annotations

import itertools
import sys

from pulumi.provider.experimental import provider as rpc
from pulumi.provider.experimental.property_value import PropertyValue
from pulumi.provider.experimental.server import main as serve

from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.native import resources

PACKAGE = "benchfloor"
# The output our provider computes for each kind (a Source has none).
COMPUTED = {"Service": "serviceId", "Flow": "apiId"}


class Service(resources.Service):
    _package = PACKAGE


class Source(resources.Source):
    _package = PACKAGE


class Flow(resources.Flow):
    _package = PACKAGE


class NoopProvider(rpc.Provider):
    """Answers every call at once; previews like ours (computed outputs unknown)."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)

    async def configure(self, request: rpc.ConfigureRequest) -> rpc.ConfigureResponse:
        return rpc.ConfigureResponse(accept_secrets=True, supports_preview=True)

    async def diff(self, request: rpc.DiffRequest) -> rpc.DiffResponse:
        # A cheap comparison of the declared inputs, like ours.
        olds = request.old_state
        changed = any(olds.get(key) != value for key, value in request.new_inputs.items())
        return rpc.DiffResponse(changes=changed)

    async def create(self, request: rpc.CreateRequest) -> rpc.CreateResponse:
        new_id = None if request.preview else f"{next(self._ids):024x}"
        properties = dict(request.properties)
        computed = COMPUTED.get(request.type.rsplit(":", 1)[1])
        if computed is not None:
            properties[computed] = PropertyValue(new_id or UNKNOWN)
        return rpc.CreateResponse(new_id, properties)

    async def update(self, request: rpc.UpdateRequest) -> rpc.UpdateResponse:
        properties = dict(request.news)
        computed = COMPUTED.get(request.type.rsplit(":", 1)[1])
        if computed in request.olds:
            properties[computed] = request.olds[computed]
        return rpc.UpdateResponse(properties)

    async def delete(self, request: rpc.DeleteRequest) -> None:
        return None


def main() -> None:
    """The plugin: `python benchmarks/native-floor-plugin ENGINE_ADDRESS`."""
    serve(sys.argv[1:], "0.0.1", NoopProvider())
