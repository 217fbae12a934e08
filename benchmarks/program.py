"""The benchmark's Pulumi program: `bench:chains` chains Service -> Source -> Flow.

With `bench:chain: destination` each chain writes into a database instead (the call counts of
docs/benchmarks.md, "HTTP calls of a destination chain"): the same Snapchat Service and Source,
a `pgsql` Service holding the database login, a `pgsql` Destination on it, and a Flow writing
the Source into the Destination with write settings (`write_mode` upsert and the
`unique_columns` it needs), as examples/warehouse declares them. Only the real providers
(`dataddo`, `native`) build it: it is counted, not timed against a floor.

Stack config `bench:provider` picks the resources: `dataddo` (the real dynamic providers, which
read `dataddo:*` config), `floor` (the no-op dynamic providers of `benchmarks.floor`), `native`
(the native provider, `pulumi_dataddo.native`) or `native-floor` (its no-op twin,
`benchmarks.native_floor`). All build the same graph from the same arguments: each Source takes
its Service's id, each Flow its Source's id.
The project's `__main__.py` is `PROGRAM` below; `benchmarks` must be on PYTHONPATH.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pulumi

import pulumi_dataddo as dataddo
from benchmarks import floor, native_floor
from pulumi_dataddo import native

PROGRAM = "from benchmarks.program import main\n\nmain()\n"

Args = dict[str, Any]
Make = Callable[[str, Args], pulumi.CustomResource]


def service_args(index: int) -> Args:
    """A Snapchat authorizer, as in the docs' example (credentials are made up)."""
    return {
        "service": "snapchat_static",
        "config": {
            "staticKey": f"bench-refresh-token-{index}",
            "clientId": f"bench-client-{index}",
            "clientSecret": f"bench-client-secret-{index}",
        },
        "label": f"Snapchat {index}",
    }


def source_args(index: int, service_id: pulumi.Input[str]) -> Args:
    """The docs' Snapchat Insights source, authorized by `service_id`."""
    return {
        "connector_id": "snapchat",
        "template_id": "index",
        "oauth_id": service_id,
        "label": f"Snapchat Insights {index}",
        "config": {
            "organizationId": f"org-{index}",
            "accountId": f"acct-{index}",
            "breakdown": "campaign",
            "metrics": ["spend", "impressions"],
            "labels": ["stats_id", "stats_type", "stats_start_time", "stats_end_time"],
            "action_report_time": "conversion",
            "swipe_up_attribution_window": "28_DAY",
            "view_attribution_window": "1_DAY",
            "dateRange": "{{30d1}}",
        },
        "schedule": {"sync_frequency": "day", "hour": "3", "minute": "25", "timezone": "UTC"},
        "strategy": "incremental",
    }


def flow_args(index: int, source_id: pulumi.Input[str]) -> Args:
    """A Google Data Studio flow reading the source."""
    return {"sources": [source_id], "app": "google_data_studio", "label": f"Flow {index}"}


def database_args(index: int) -> Args:
    """A PostgreSQL login (the spec's PgsqlDtoAuthorizer; the password is made up)."""
    return {
        "service": "pgsql",
        "config": {"password": f"bench-db-pw-{index}", "useSSH": False},
        "label": f"Warehouse database {index}",
    }


def destination_args(index: int, database_id: pulumi.Input[str]) -> Args:
    """A `pgsql` destination on the database login (PgSQLStorageRequest has no field of its
    own)."""
    return {"destination_type": "pgsql", "oauth_id": database_id, "label": f"Warehouse {index}"}


def writing_flow_args(
    index: int, source_id: pulumi.Input[str], destination_id: pulumi.Input[str]
) -> Args:
    """A flow writing the source into the destination: upsert on the rows' identifying
    columns."""
    return {
        "sources": [source_id],
        "destination_id": destination_id,
        "write_mode": "upsert",
        "unique_columns": ["stats_id", "stats_start_time"],
        "label": f"Snapchat into warehouse {index}",
    }


def constructors(module: Any) -> tuple[Make, Make, Make]:
    """The (Service, Source, Flow) constructors of a module's classes, taking (name, arguments);
    all are called the same way, so that every kind records stack traces of the same depth."""
    return (
        lambda name, args: module.Service(name, **args),
        lambda name, args: module.Source(name, **args),
        lambda name, args: module.Flow(name, **args),
    )


KINDS: Mapping[str, tuple[Make, Make, Make]] = {
    "dataddo": constructors(dataddo),
    "floor": constructors(floor),
    "native": constructors(native),
    "native-floor": constructors(native_floor),
}
# The Destination constructor of each provider that builds destination chains.
DESTINATIONS: Mapping[str, Make] = {
    "dataddo": lambda name, args: dataddo.Destination(name, **args),
    "native": lambda name, args: native.Destination(name, **args),
}


def main() -> None:
    """Declare the chains."""
    config = pulumi.Config("bench")
    provider = config.get("provider") or "dataddo"
    make_service, make_source, make_flow = KINDS[provider]
    into_destination = config.get("chain") == "destination"
    for index in range(config.require_int("chains")):
        service = make_service(f"service-{index}", service_args(index))
        source = make_source(f"source-{index}", source_args(index, service.id))
        if not into_destination:
            make_flow(f"flow-{index}", flow_args(index, source.id))
            continue
        database = make_service(f"database-{index}", database_args(index))
        destination = DESTINATIONS[provider](
            f"destination-{index}", destination_args(index, database.id)
        )
        make_flow(f"flow-{index}", writing_flow_args(index, source.id, destination.id))
