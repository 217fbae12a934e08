"""What every dynamic resource class does in the program (`DynamicResource`): its typed
signature is generated (`signatures.py`), its properties come from the field spec
(`arguments.properties`, shared with the native SDK), and it warns about what the published
catalog does not know (the native provider logs those itself)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import pulumi
import pulumi.dynamic

from pulumi_dataddo.arguments import Declaring, properties
from pulumi_dataddo.dynamic.provider import DataddoProvider, plain
from pulumi_dataddo.fields.base import ALWAYS
from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.logic.base import ResourceLogic

# Outputs a class derives from the resource itself (by name), not from the provider.
Derived = Mapping[str, Callable[[pulumi.CustomResource], pulumi.Output[Any]]]


class DynamicResource(Declaring, pulumi.dynamic.Resource):
    """The base of the dynamic classes, which come after their signature:
    `class Source(signatures.Source, DynamicResource, module="dataddo", name="Source")`."""

    # The ResourceProvider class that serves it (pickled into state by its name).
    _serves: ClassVar[type[DataddoProvider]]
    _derived: ClassVar[Derived] = {}

    def _declare(
        self, resource_name: str, opts: pulumi.ResourceOptions | None, **arguments: Any
    ) -> None:
        logic = self._serves.logic
        props = properties(logic, resource_name, arguments, derived=tuple(self._derived))
        # Fields always secret are secret outputs too, whatever the provider returns.
        always = [f.name for f in logic.spec.fields if f.secret == ALWAYS]
        if always:
            secret = pulumi.ResourceOptions(additional_secret_outputs=always)
            opts = pulumi.ResourceOptions.merge(opts, secret)
        super().__init__(self._serves(), resource_name, props, opts)
        for name, derive in self._derived.items():
            setattr(self, name, derive(self))
        warn_unknowns(self, logic, props)


def warn_unknowns(resource: pulumi.Resource, logic: ResourceLogic, props: dict[str, Any]) -> None:
    """Warn, once the arguments are known, about what the published catalog does not know.
    References to other objects never decide a warning, and are taken as unknown so that one
    not known in a preview (a Service created in the same run) does not silence the others."""
    inputs = {
        f.name: UNKNOWN if f.type.reference else props[f.name]
        for f in logic.spec.inputs
        if props.get(f.name) is not None
    }

    def warn(values: dict[str, Any]) -> None:
        for warning in logic.check({}, plain(values)).warnings:
            pulumi.log.warn(warning, resource)

    pulumi.Output.all(**inputs).apply(warn)
