"""Flows: sources sent to an app; an app attaches an `api` object (the data endpoint)."""

import json
import sqlite3
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from dataddo_emulator.catalog import APPS
from dataddo_emulator.domain.lookup import owned
from dataddo_emulator.errors import ApiError, bad_request
from dataddo_emulator.ids import object_id
from dataddo_emulator.store import dump, load, rows

# DECIDED: the label of a flow created without one.
DEFAULT_LABEL = "Flow"


def create(
    db: sqlite3.Connection,
    customer: str,
    *,
    source_ids: Sequence[str],
    field: str,
    app: str | None,
    label: str | None,
) -> dict[str, Any]:
    """Create a flow; answer the seed's shape (an `api` of just `app` and `id`)."""
    _check_sources(db, customer, source_ids, field)
    if app is not None and app not in APPS:
        raise bad_request("app", f"unknown app {app!r}; one of {', '.join(sorted(APPS))}")
    flow_id = object_id()
    doc = {
        "label": DEFAULT_LABEL if label is None else label,
        "sources": list(source_ids),
        "app": app,
        "api_id": object_id() if app else None,
        "created": time.time(),
    }
    db.execute(
        "INSERT INTO flows (id, customer_id, doc) VALUES (?, ?, ?)", (flow_id, customer, dump(doc))
    )
    _link(db, flow_id, source_ids)
    flow = _flow(flow_id, customer, doc)
    if flow["api"] is not None:
        flow["api"] = {"app": app, "id": doc["api_id"]}
    return flow


def listing(db: sqlite3.Connection, customer: str) -> list[dict[str, Any]]:
    return [_from_row(row) for row in rows(db, "flows", customer)]


def everyone(db: sqlite3.Connection) -> list[dict[str, Any]]:
    return [_from_row(row) for row in rows(db, "flows")]


def detail(db: sqlite3.Connection, customer: str, flow_id: str) -> dict[str, Any]:
    return _from_row(owned(db, "flows", flow_id, customer))


def update(
    db: sqlite3.Connection,
    customer: str,
    flow_id: str,
    *,
    label: str | None,
    sources: tuple[Sequence[str], str] | None,
    app: str | None,
) -> dict[str, Any]:
    """Change the label and the sources (given with the field they came in); the app stays."""
    doc = load(owned(db, "flows", flow_id, customer)["doc"])
    if app is not None and app != doc["app"]:
        raise bad_request("app", "the app of a flow cannot change; create another flow")
    if label is not None:
        doc["label"] = label
    if sources is not None:
        source_ids, field = sources
        _check_sources(db, customer, source_ids, field)
        doc["sources"] = list(source_ids)
        db.execute("DELETE FROM flow_sources WHERE flow_id = ?", (flow_id,))
        _link(db, flow_id, source_ids)
    db.execute("UPDATE flows SET doc = ? WHERE id = ?", (dump(doc), flow_id))
    return _flow(flow_id, customer, doc)


def delete(db: sqlite3.Connection, customer: str, flow_id: str) -> None:
    owned(db, "flows", flow_id, customer)
    db.execute("DELETE FROM flows WHERE id = ?", (flow_id,))


def by_source(db: sqlite3.Connection, customer: str, source_id: str) -> list[dict[str, Any]]:
    owned(db, "sources", source_id, customer)
    found = db.execute(
        "SELECT flows.* FROM flows JOIN flow_sources ON flow_sources.flow_id = flows.id "
        "WHERE flow_sources.source_id = ? AND flows.customer_id = ? ORDER BY flows.rowid",
        (source_id, customer),
    ).fetchall()
    return [_from_row(row) for row in found]


def _check_sources(
    db: sqlite3.Connection, customer: str, source_ids: Sequence[str], field: str
) -> None:
    """400 naming every source that is unknown to this customer or given twice."""
    if not source_ids:
        raise bad_request(field, "at least one source is required")
    given = Counter(source_ids)
    known = {
        row["id"]
        for row in db.execute(
            "SELECT id FROM sources WHERE customer_id = ? "
            "AND id IN (SELECT value FROM json_each(?))",  # one parameter for any number of ids
            (customer, json.dumps(list(given))),
        )
    }
    unknown = [s for s in given if s not in known]
    reasons = [f"unknown source {s}" for s in unknown]
    reasons += [f"source {s} given twice" for s, count in given.items() if count > 1]
    if reasons:
        message = f"unknown sources: {', '.join(unknown)}" if unknown else "; ".join(reasons)
        raise ApiError(400, message, {field: reasons})


def _link(db: sqlite3.Connection, flow_id: str, source_ids: Sequence[str]) -> None:
    db.executemany(
        "INSERT INTO flow_sources (flow_id, source_id) VALUES (?, ?)",
        [(flow_id, source_id) for source_id in source_ids],
    )


def _from_row(row: sqlite3.Row) -> dict[str, Any]:
    return _flow(row["id"], row["customer_id"], load(row["doc"]))


def _flow(flow_id: str, customer: str, doc: Mapping[str, Any]) -> dict[str, Any]:
    api = None
    if doc["app"]:
        api = {"id": doc["api_id"], "customer_id": customer, "app": doc["app"], "last": None}
    return {
        "id": flow_id,
        "label": doc["label"],
        "customer_id": customer,
        "source": [{"source_id": source_id} for source_id in doc["sources"]],
        "tag": [],
        "operation": [],
        "rules": [],
        "api": api,
        "write_action": None,
    }
