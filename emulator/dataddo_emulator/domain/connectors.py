"""Connectors: the catalog as the API shows it, templates, and actions listing options.

Action options are fakes derived from the service id (and the parent option), so they are the
same on every call and every run, and differ between services.
"""

import hashlib
import sqlite3
import uuid
from collections.abc import Mapping
from typing import Any

from dataddo_emulator.catalog import CONNECTORS, Action, Connector
from dataddo_emulator.domain import services
from dataddo_emulator.errors import bad_request, not_found
from dataddo_emulator.forms import SERVICE_FIELD

OPTIONS_PER_ACTION = 3
_CREATED_AT = "2023-01-01T00:00:00Z"  # DECIDED: one fixed catalog date


def connector(connector_id: str) -> Connector:
    found = CONNECTORS.get(connector_id)
    if found is None:
        raise not_found("connector", connector_id)
    return found


def listing() -> list[dict[str, Any]]:
    """Every connector as a `ConnectorListResponse`."""
    return [
        {
            "id": c.id,
            "label": c.label,
            "tags": list(c.categories),
            "categories": list(c.categories),
            "group": None,
            "customers": None,
            "createdAt": _CREATED_AT,
            "icon": c.id,
            "iconUrl": None,
            "services": list(c.services),
            "priority": priority,
        }
        for priority, c in enumerate(CONNECTORS.values())
    ]


def templates(connector_id: str) -> dict[str, Any]:
    """A `ConnectorTemplateResponse`."""
    c = connector(connector_id)
    return {
        "connectorId": c.id,
        "sourceName": c.label,
        "categories": list(c.categories),
        "templates": [
            {
                "name": f"{c.label} ({template_id})",
                "description": f"{c.label} data",
                "type": "default",
                "templateId": template_id,
                "categoryId": [],
                "attributes": None,
            }
            for template_id in c.templates
        ],
        "iconUrl": None,
    }


def authorizations(db: sqlite3.Connection, customer: str, connector_id: str) -> list[Any]:
    return services.authorizations(db, customer, connector(connector_id))


def run_action(
    db: sqlite3.Connection, customer: str, connector_id: str, name: str, body: Mapping[str, Any]
) -> list[dict[str, str]]:
    """The options an action lists, e.g. Snapchat organizations of a service: `[{label, value}]`."""
    c = connector(connector_id)
    action = c.actions.get(name)
    if action is None:
        raise not_found("action", f"{c.id}/{name}")
    if SERVICE_FIELD not in body:
        raise bad_request(SERVICE_FIELD, "required")
    service_id = services.fitting(db, customer, body[SERVICE_FIELD], c, SERVICE_FIELD)
    parent: object = ""
    if action.parent is not None:
        parent = body.get(action.parent)
        if not isinstance(parent, str) or not parent:
            raise bad_request(action.parent, "required (a string)")
    seed = f"{c.id}/{name}/{service_id}/{parent}"
    return [_option(action, seed, n) for n in range(1, OPTIONS_PER_ACTION + 1)]


def _option(action: Action, seed: str, n: int) -> dict[str, str]:
    """Option `n` of an action; `seed` names the connector, action, service and parent."""
    digest = hashlib.sha256(f"{seed}/{n}".encode()).digest()
    value = action.value_format.format(
        uuid=uuid.UUID(bytes=digest[:16]), digits=int.from_bytes(digest[:6]), n=n
    )
    return {"label": f"{action.label} {n}", "value": value}
