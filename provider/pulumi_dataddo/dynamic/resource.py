"""What every dynamic resource class does in the program: its properties from the field spec
(`arguments.properties`, shared with the native SDK), and warnings for what the published
catalog does not know (the native provider logs those itself)."""

from __future__ import annotations

from typing import Any

import pulumi

from pulumi_dataddo.arguments import properties
from pulumi_dataddo.dynamic.provider import plain
from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.logic.base import ResourceLogic

# The dynamic resource classes take both from here.
__all__ = ["properties", "warn_unknowns"]


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
