"""The engine floor: the benchmark's resource graph on a dynamic provider that does nothing.

The classes live in this importable module, so the engine's provider process unpickles them by
reference (as it does the real providers); that process must find `benchmarks` on PYTHONPATH.
Each resource takes the same properties as its pulumi-dataddo counterpart (Service config secret
included), so the engine stores, diffs and encrypts the same amount of data, minus every HTTP call.
"""

from __future__ import annotations

import itertools
from typing import Any, ClassVar

import pulumi
import pulumi.dynamic as dyn

_ids = itertools.count(1)


class NoopProvider(dyn.ResourceProvider):
    """Answers every call at once; `computed` names the output the real provider fills in."""

    serialize_as_secret_always = False
    computed: ClassVar[str] = "id"

    def diff(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> dyn.DiffResult:
        # Like the real providers: a cheap comparison of the declared inputs, never "unknown".
        changed = any(
            _olds.get(key) != value for key, value in _news.items() if not key.startswith("__")
        )
        return dyn.DiffResult(changes=changed, replaces=[], delete_before_replace=False)

    def create(self, props: dict[str, Any]) -> dyn.CreateResult:
        new_id = f"{next(_ids):024x}"
        return dyn.CreateResult(new_id, {**props, self.computed: new_id})

    def read(self, id_: str, props: dict[str, Any]) -> dyn.ReadResult:
        return dyn.ReadResult(id_, props)

    def update(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> dyn.UpdateResult:
        return dyn.UpdateResult({**_news, self.computed: _olds.get(self.computed)})

    def delete(self, _id: str, _props: dict[str, Any]) -> None:
        return None


class ServiceNoop(NoopProvider):
    computed = "service_id"


class SourceNoop(NoopProvider):
    computed = "status"


class FlowNoop(NoopProvider):
    computed = "api_id"


class Service(dyn.Resource, module="floor", name="Service"):
    """Takes a pulumi-dataddo Service's arguments; its config is secret as there."""

    def __init__(self, name: str, **args: Any) -> None:
        props = {**args, "config": pulumi.Output.secret(args["config"]), "service_id": None}
        opts = pulumi.ResourceOptions(additional_secret_outputs=["config"])
        super().__init__(ServiceNoop(), name, props, opts)


class Source(dyn.Resource, module="floor", name="Source"):
    """Takes a pulumi-dataddo Source's arguments."""

    def __init__(self, name: str, **args: Any) -> None:
        super().__init__(SourceNoop(), name, {**args, "status": None})


class Flow(dyn.Resource, module="floor", name="Flow"):
    """Takes a pulumi-dataddo Flow's arguments."""

    def __init__(self, name: str, **args: Any) -> None:
        super().__init__(FlowNoop(), name, {**args, "api_id": None})
