"""A resource's properties as a program declares them, from the field spec: the one builder of
both SDKs (the dynamic classes and `pulumi_dataddo.native`), so that both take the same
arguments and keep the same ones secret.

The classes' typed signatures are generated from the field specs (`signatures.py`); their
`__init__` calls `Declaring._declare`, which each SDK's base implements once with `properties`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pulumi

from pulumi_dataddo import adoption, redaction
from pulumi_dataddo.dynamic import process
from pulumi_dataddo.dynamic.schedule import schedule_props
from pulumi_dataddo.fields.base import ALWAYS, WITH_CREDENTIALS, Field
from pulumi_dataddo.logic.base import ResourceLogic

# How a program's value of a kind (`ValueType.python`) becomes a property: a `Schedule` (or a
# mapping, or an Output of either) as the mapping of its set fields. Others are sent as they are.
_AS_PROPERTY: dict[str, Callable[[Any], Any]] = {"Schedule": schedule_props}


class Declaring:
    """What a generated signature class (`signatures.py`) derives from: its typed `__init__`
    hands the arguments, as the program passed them (None when omitted), to `_declare`, which
    the dynamic base and the native base each implement once."""

    def _declare(
        self, resource_name: str, opts: pulumi.ResourceOptions | None, **arguments: Any
    ) -> None:
        raise NotImplementedError


def properties(
    logic: ResourceLogic,
    resource_name: str,
    args: Mapping[str, Any],
    derived: tuple[str, ...] = (),
) -> dict[str, Any]:
    """The resource's properties: every argument (as a property, secret as its field says;
    `adopt_id`, when not declared, the one stack config asks for: `adoption.requested`) and
    every output seeded with None (the SDK makes Outputs only of the keys it is given), but
    those the class derives itself."""
    values = {
        f.name: _AS_PROPERTY.get(f.type.python, _as_is)(args.get(f.name)) for f in logic.spec.inputs
    }
    if "adopt_id" in values:
        values["adopt_id"] = adoption.requested(logic.spec.name, resource_name, values["adopt_id"])
    process.start_program()
    return {
        f.name: None if f.output else _secrecy(f, values[f.name])
        for f in logic.spec.fields
        if f.name not in derived
    }


def _as_is(value: Any) -> Any:
    return value


def _secrecy(field: Field, value: Any) -> Any:
    if value is None or field.secret not in (ALWAYS, WITH_CREDENTIALS):
        return value
    if field.secret == ALWAYS:
        return pulumi.Output.secret(value)
    if not _holds_outputs(value):
        return pulumi.Output.secret(value) if redaction.holds_credentials(value) else value
    # Known only once its Outputs resolve: decided then (an unknown value holds nothing yet).
    return pulumi.Output.from_input(value).apply(
        lambda known: pulumi.Output.secret(known) if redaction.holds_credentials(known) else known
    )


def _holds_outputs(value: Any) -> bool:
    if isinstance(value, pulumi.Output):
        return True
    if isinstance(value, Mapping):
        return any(_holds_outputs(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_holds_outputs(v) for v in value)
    return False
