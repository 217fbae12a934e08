"""What every resource's logic provides, in plain Python types.

The Pulumi adapter (`resources/provider.py`) maps these onto `pulumi.dynamic` results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic.diff import DiffPlan
from pulumi_dataddo.logic.validation import Failure

Props = dict[str, Any]


class ProviderError(Exception):
    """A resource operation failed; the message says why and what to do."""


@dataclass(frozen=True)
class Checked:
    inputs: Props
    failures: list[Failure]


@dataclass(frozen=True)
class Created:
    id: str
    outs: Props


@dataclass(frozen=True)
class Refreshed:
    """`id` None: the object is gone and leaves the state."""

    id: str | None
    outs: Props
    inputs: Props


GONE = Refreshed(None, {}, {})


@dataclass(frozen=True)
class ResourceLogic:
    """The lifecycle of one resource kind: olds in `diff`/`update`/`read`/`delete` are the old
    outputs (which hold every input), news are checked inputs."""

    kind: str
    check: Callable[[Props, Props], Checked]
    diff: Callable[[Props, Props], DiffPlan]
    create: Callable[[DataddoClient, Props], Created]
    read: Callable[[DataddoClient, str, Props], Refreshed]
    update: Callable[[DataddoClient, str, Props, Props], Props]
    delete: Callable[[DataddoClient, str, Props], None]
