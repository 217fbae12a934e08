"""The native provider's resources in a program: the same classes and arguments as the dynamic
ones (`pulumi_dataddo.Service`, ...), registered as `dataddo:index:<Kind>`, so that a program
moves from one provider to the other by changing its import. Both take their typed signatures
from the generated `signatures.py`.

Properties come from the shared builder (`arguments.properties`: secret where the field spec
says so) and travel in the schema's camelCase; outputs are also offered under their Python
names (`source.connector_id`). Warnings about what the catalog does not know come from the
provider itself.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pulumi

from pulumi_dataddo import signatures
from pulumi_dataddo.arguments import Declaring, properties
from pulumi_dataddo.fields.base import Field
from pulumi_dataddo.logic import destination, flow, service, source
from pulumi_dataddo.logic.base import ResourceLogic
from pulumi_dataddo.native import names, schema


def _converted(field: Field, value: Any, *, to_wire: bool) -> Any:
    """An object-typed value (also inside an Output) with its keys in the other casing."""
    if not field.type.refs:
        return value
    if isinstance(value, pulumi.Output):
        return value.apply(lambda known: _converted(field, known, to_wire=to_wire))
    return names.convert_object(field, value, to_wire=to_wire)


class NativeResource(Declaring, pulumi.CustomResource):
    """A Dataddo resource served by the native provider; the classes come after their
    signature: `class Source(signatures.Source, NativeResource)`."""

    _logic: ClassVar[ResourceLogic]
    # The provider package that serves it (another one only for the benchmark's floor).
    _package: ClassVar[str] = schema.NAME

    def _declare(
        self, resource_name: str, opts: pulumi.ResourceOptions | None, **arguments: Any
    ) -> None:
        spec = self._logic.spec
        props = properties(self._logic, resource_name, arguments)
        wire = {f.camel: _converted(f, props[f.name], to_wire=True) for f in spec.fields}
        super().__init__(f"{self._package}:index:{spec.name}", resource_name, wire, opts)
        for field in spec.fields:  # the SDK named the outputs as they were sent
            value = self.__dict__[field.camel]
            setattr(self, field.name, _converted(field, value, to_wire=False))


class Service(signatures.Service, NativeResource):
    _logic = service.LOGIC


class Source(signatures.Source, NativeResource):
    _logic = source.LOGIC


class Flow(signatures.Flow, NativeResource):
    _logic = flow.LOGIC


class Destination(signatures.Destination, NativeResource):
    _logic = destination.LOGIC
