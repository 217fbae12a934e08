"""Finding and removing the objects of acceptance runs: only those whose label starts with the
given prefix and carries a run's start time (`labels.py`), older than an age. Nothing else is
read, changed or deleted: the listings are filtered by label before anything is done."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from pulumi_dataddo.cli.sweep import ages
from pulumi_dataddo.cli.sweep.labels import run_started
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.http.errors import ApiError, NotFound


@dataclass(frozen=True)
class Kind:
    """A kind of object: how to list its ids and labels, and how to delete one."""

    name: str
    listing: Callable[[DataddoClient], list[tuple[str, str | None]]]
    delete: Callable[[DataddoClient, str], None]


def _flows(client: DataddoClient) -> list[tuple[str, str | None]]:
    return [(flow.id, flow.label) for flow in client.list_flows()]


def _sources(client: DataddoClient) -> list[tuple[str, str | None]]:
    return [(source.id, source.label) for source in client.list_sources()]


def _destinations(client: DataddoClient) -> list[tuple[str, str | None]]:
    return [(destination.id, destination.label) for destination in client.list_destinations()]


def _services(client: DataddoClient) -> list[tuple[str, str | None]]:
    return [(str(service.id), service.label) for service in client.list_services()]


# In the order of deletion: an object goes before those it uses (a flow uses sources and a
# destination, sources and destinations use a service).
KINDS = (
    Kind("flow", _flows, lambda client, id_: client.delete_flow(id_)),
    Kind("source", _sources, lambda client, id_: client.delete_source(id_)),
    Kind("destination", _destinations, lambda client, id_: client.delete_destination(id_)),
    Kind("service", _services, lambda client, id_: client.delete_service(int(id_))),
)


@dataclass(frozen=True)
class Leftover:
    """An object labelled with the prefix; `started`: when its run started (None: unknown)."""

    kind: str
    id: str
    label: str
    started: float | None

    def describe(self, now: float) -> str:
        if self.started is None:
            age = "no run time in its label"
        else:
            age = f"run started {ages.describe(now - self.started)} ago"
        return f'{self.kind} {self.id} "{self.label}" ({age})'


def leftovers(client: DataddoClient, prefix: str, kinds: Sequence[Kind] = KINDS) -> list[Leftover]:
    """Every object of `kinds` whose label starts with `prefix`, in the order of deletion."""
    return [
        Leftover(kind.name, id_, label, run_started(label))
        for kind in kinds
        for id_, label in kind.listing(client)
        if label is not None and label.startswith(prefix)
    ]


@dataclass
class Sweep:
    """What a sweep did (or, dry, would do)."""

    removed: list[Leftover] = field(default_factory=list)
    failed: list[Leftover] = field(default_factory=list)
    younger: list[Leftover] = field(default_factory=list)
    undated: list[Leftover] = field(default_factory=list)


def sweep(
    client: DataddoClient,
    found: list[Leftover],
    *,
    older_than: float,
    now: float,
    dry_run: bool,
    say: Callable[[str], None],
) -> Sweep:
    """Delete the objects of `found` whose run started at least `older_than` seconds before
    `now`, in order, telling `say` about each; an object already gone counts as removed, one
    that cannot be deleted (e.g. in use) is reported and the others are still tried."""
    done = Sweep()
    deletes = {kind.name: kind.delete for kind in KINDS}
    for leftover in found:
        if leftover.started is None:
            done.undated.append(leftover)
        elif now - leftover.started < older_than:
            done.younger.append(leftover)
        elif dry_run:
            say(f"would remove {leftover.describe(now)}")
            done.removed.append(leftover)
        else:
            try:
                deletes[leftover.kind](client, leftover.id)
            except NotFound:
                say(f"already gone: {leftover.describe(now)}")
            except ApiError as error:
                say(f"could not remove {leftover.describe(now)}: {error}")
                done.failed.append(leftover)
                continue
            else:
                say(f"removed {leftover.describe(now)}")
            done.removed.append(leftover)
    return done
