"""The native provider's resources in a program: the same classes and arguments as the dynamic
ones (`pulumi_dataddo.Service`, ...), registered as `dataddo:index:<Kind>`, so that a program
moves from one provider to the other by changing its import.

Properties come from the shared builder (`arguments.properties`: secret where the field spec
says so) and travel in the schema's camelCase; outputs are also offered under their Python
names (`source.connector_id`). Warnings about what the catalog does not know come from the
provider itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import pulumi

from pulumi_dataddo import adoption
from pulumi_dataddo.arguments import properties
from pulumi_dataddo.dynamic.schedule import ScheduleInput, schedule_props
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


class NativeResource(pulumi.CustomResource):
    """A Dataddo resource served by the native provider."""

    _logic: ClassVar[ResourceLogic]
    # The provider package that serves it (another one only for the benchmark's floor).
    _package: ClassVar[str] = schema.NAME

    def _declare(
        self, resource_name: str, opts: pulumi.ResourceOptions | None, **args: Any
    ) -> None:
        spec = self._logic.spec
        if "adopt_id" in args:
            args["adopt_id"] = adoption.requested(spec.name, resource_name, args["adopt_id"])
        props = properties(self._logic, args)
        wire = {f.camel: _converted(f, props[f.name], to_wire=True) for f in spec.fields}
        super().__init__(f"{self._package}:index:{spec.name}", resource_name, wire, opts)
        for field in spec.fields:  # the SDK named the outputs as they were sent
            value = self.__dict__[field.camel]
            setattr(self, field.name, _converted(field, value, to_wire=False))


class Service(NativeResource):
    """Stored credentials of a third-party service, e.g. `snapchat_static`.

    `config` is always stored as a secret. A new `service` type replaces the Service; `label`
    and `config` (credential rotation) change in place.
    """

    _logic = service.LOGIC
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
        self._declare(
            resource_name, opts, service=service, config=config, label=label, adopt_id=adopt_id
        )


class Source(NativeResource):
    """A Dataddo source created from `connector_id`'s create-source form.

    `label` and `schedule` change in place; `connector_id`, `template_id`, `oauth_id`, `config`
    and `strategy` replace the source. A `config` holding a credential is stored as a secret.
    """

    _logic = source.LOGIC
    connector_id: pulumi.Output[str]
    label: pulumi.Output[str]
    oauth_id: pulumi.Output[str | None]
    template_id: pulumi.Output[str]
    config: pulumi.Output[dict[str, Any] | None]
    schedule: pulumi.Output[dict[str, str] | None]
    strategy: pulumi.Output[str | None]
    wait_until_live: pulumi.Output[float | None]
    adopt_id: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        connector_id: pulumi.Input[str],
        label: pulumi.Input[str],
        oauth_id: pulumi.Input[str | int] | None = None,
        template_id: pulumi.Input[str] | None = None,
        config: pulumi.Input[Mapping[str, pulumi.Input[Any]]] | None = None,
        schedule: ScheduleInput | None = None,
        strategy: pulumi.Input[str] | None = None,
        wait_until_live: pulumi.Input[float] | None = None,
        adopt_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._declare(
            resource_name,
            opts,
            connector_id=connector_id,
            label=label,
            oauth_id=oauth_id,
            template_id=template_id,
            config=config,
            schedule=schedule_props(schedule),
            strategy=strategy,
            wait_until_live=wait_until_live,
            adopt_id=adopt_id,
        )


class Flow(NativeResource):
    """A flow from `sources` to a dashboard `app` (`api_id` is the endpoint the app reads), or
    into the Destination `destination_id`.

    `label`, `sources`, `write_mode` and `unique_columns` change in place; a new `app` or
    `destination_id` replaces the flow.
    """

    _logic = flow.LOGIC
    sources: pulumi.Output[list[str]]
    app: pulumi.Output[str | None]
    destination_id: pulumi.Output[str | None]
    write_mode: pulumi.Output[str | None]
    unique_columns: pulumi.Output[list[str] | None]
    label: pulumi.Output[str | None]
    adopt_id: pulumi.Output[str | None]
    api_id: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        sources: pulumi.Input[Sequence[pulumi.Input[str]]],
        app: pulumi.Input[str] | None = None,
        destination_id: pulumi.Input[str] | None = None,
        write_mode: pulumi.Input[str] | None = None,
        unique_columns: pulumi.Input[Sequence[pulumi.Input[str]]] | None = None,
        label: pulumi.Input[str] | None = None,
        adopt_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._declare(
            resource_name,
            opts,
            sources=sources,
            app=app,
            destination_id=destination_id,
            write_mode=write_mode,
            unique_columns=unique_columns,
            label=label,
            adopt_id=adopt_id,
        )


class Destination(NativeResource):
    """A destination of `destination_type` (e.g. `pgsql`), authorized by the Service
    `oauth_id`; `config` carries the type's form fields verbatim.

    `label`, `oauth_id` and `config` change in place; a new `destination_type` replaces it.
    """

    _logic = destination.LOGIC
    destination_type: pulumi.Output[str]
    label: pulumi.Output[str]
    oauth_id: pulumi.Output[str | None]
    config: pulumi.Output[dict[str, Any] | None]
    adopt_id: pulumi.Output[str | None]
    status: pulumi.Output[bool | None]
    status_detail: pulumi.Output[str | None]

    def __init__(
        self,
        resource_name: str,
        *,
        destination_type: pulumi.Input[str],
        label: pulumi.Input[str],
        config: pulumi.Input[Mapping[str, pulumi.Input[Any]]] | None = None,
        oauth_id: pulumi.Input[str | int] | None = None,
        adopt_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        self._declare(
            resource_name,
            opts,
            destination_type=destination_type,
            label=label,
            config=config,
            oauth_id=oauth_id,
            adopt_id=adopt_id,
        )
