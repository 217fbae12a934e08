"""What every resource's logic provides, in plain Python types (no Pulumi).

The adapters (`dynamic/`, `native/`) map these onto their protocol's results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pulumi_dataddo.fields.base import ResourceSpec
from pulumi_dataddo.fields.validation import Failure
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.logic.diff import DiffPlan, plan

Props = dict[str, Any]


@dataclass(frozen=True)
class Checked:
    inputs: Props
    failures: list[Failure]
    # Advice that does not block (a connector or app the published catalog does not know).
    warnings: list[str] = field(default_factory=list)


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

    spec: ResourceSpec
    check: Callable[[Props, Props], Checked]
    create: Callable[[Account, Props], Created]
    read: Callable[[Account, str, Props], Refreshed]
    update: Callable[[Account, str, Props, Props], Props]
    delete: Callable[[Account, str, Props], None]
    # Reads an object no state knows (`pulumi import`): every argument the API tells; None:
    # what `read` tells of it.
    imported: Callable[[Account, str], Refreshed] | None = None
    # Old outputs written by an earlier version, in today's shape (an argument added since
    # takes over what the state holds elsewhere), so that no upgrade shows as a change.
    upgrade: Callable[[Props], Props] = dict

    @property
    def kind(self) -> str:
        return self.spec.kind

    def diff(self, olds: Props, news: Props) -> DiffPlan:
        return plan(self.spec, self.upgrade(olds), news)

    def read_new(self, account: Account, id_: str) -> Refreshed:
        """An object no state knows, for import."""
        if self.imported is not None:
            return self.imported(account, id_)
        return self.read(account, id_, {})
