"""A resource's properties as a program declares them, from the field spec: the one builder of
both SDKs (the dynamic classes and `pulumi_dataddo.native`), so that both take the same
arguments and keep the same ones secret."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pulumi

from pulumi_dataddo import redaction
from pulumi_dataddo.dynamic import process
from pulumi_dataddo.fields.base import ALWAYS, WITH_CREDENTIALS, Field
from pulumi_dataddo.logic.base import ResourceLogic


def properties(
    logic: ResourceLogic, args: Mapping[str, Any], derived: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The resource's properties: every argument (secret as its field says) and every output
    seeded with None (the SDK makes Outputs only of the keys it is given), but those the class
    derives itself."""
    process.start_program()
    return {
        f.name: None if f.output else _secrecy(f, args.get(f.name))
        for f in logic.spec.fields
        if f.name not in derived
    }


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
