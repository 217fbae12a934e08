"""Adoption asked for in stack config, so that recovering from a failed or killed run needs no
change to the program.

`dataddo:adopt` maps `<Kind>:<resource name>` (e.g. `Source:insights`) to the id of an existing
object; a resource it names, declared without `adopt_id`, adopts that object when it is created
(with every check `adopt_id` makes). `pulumi-dataddo unmanaged --adopt` writes it (README
"Recovery"). Program side: read where resources are declared.
"""

from __future__ import annotations

from typing import Any

from pulumi_dataddo.errors import DataddoError

CONFIG_KEY = "adopt"


def key(kind: str, resource_name: str) -> str:
    """The `dataddo:adopt` key of a resource."""
    return f"{kind}:{resource_name}"


def requested(kind: str, resource_name: str, declared: Any) -> Any:
    """The adopt_id to use: the declared one, else the one `dataddo:adopt` names, else None."""
    if declared is not None:
        return declared
    import pulumi  # noqa: PLC0415 -- program side only: the command line reads `key` without the SDK

    try:
        asked = pulumi.Config("dataddo").get_object(CONFIG_KEY) or {}
    except Exception as exc:  # the SDK raises a bare error for text that is no JSON object
        raise DataddoError(
            f"dataddo:{CONFIG_KEY} must be a JSON object of '<Kind>:<name>': '<id>' ({exc})"
        ) from None
    if not isinstance(asked, dict):
        raise DataddoError(
            f"dataddo:{CONFIG_KEY} must be a JSON object of '<Kind>:<name>': '<id>', got "
            f"{type(asked).__name__}"
        )
    value = asked.get(key(kind, resource_name))
    return None if value is None else str(value)
