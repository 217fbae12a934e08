"""Read every object of an account as `pulumi import` reads one (`ResourceLogic.read_new`: the
arguments the API tells, from what the spec promises for each operation), kinds in the order
they refer to each other: services, sources, destinations, flows."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import Any

from pulumi_dataddo.fields.base import ResourceSpec
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic import destination, flow, service, source
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.logic.base import ResourceLogic

# Objects read at the same time (a source takes three GETs).
PARALLEL = 8
Listing = Callable[[DataddoClient], Iterable[str]]
KINDS: tuple[tuple[ResourceLogic, Listing], ...] = (
    (service.LOGIC, lambda api: (str(s.id) for s in api.list_services())),
    (source.LOGIC, lambda api: (s.id for s in api.list_sources())),
    (destination.LOGIC, lambda api: (d.id for d in api.list_destinations())),
    (flow.LOGIC, lambda api: (f.id for f in api.list_flows())),
)


@dataclass(frozen=True)
class Found:
    """An object of the account: its kind, id and arguments as the API tells them."""

    spec: ResourceSpec
    id: str
    inputs: dict[str, Any]


def read(api: DataddoClient) -> tuple[Found, ...]:
    """Every object, kind by kind in `KINDS` order, each kind in id order; one deleted while it
    is read is left out."""
    account = Account(api)
    found: list[Found] = []
    with ThreadPoolExecutor(PARALLEL) as pool:
        for logic, listing in KINDS:
            ids = sorted(listing(api), key=lambda id_: (len(id_), id_))  # 999 before 1000
            for read_one in pool.map(partial(logic.read_new, account), ids):
                if read_one.id is not None:
                    found.append(Found(logic.spec, read_one.id, read_one.inputs))
    return tuple(found)
