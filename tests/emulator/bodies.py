"""Request bodies built from the generated catalog: a value of each declared field type, the
smallest create-source body of a connector, and the fullest storage body of a destination."""

from typing import Any

from dataddo_emulator.catalog import TEMPLATE, catalog

SAMPLES: dict[str, Any] = {"string": "x", "integer": 1, "number": 1.5, "boolean": True}


def sample(declared: str) -> Any:
    """A value of a field type in the catalog's notation ("string", "integer[]", "object?")."""
    kind = declared.rstrip("?")
    if kind.endswith("[]"):
        return [sample(kind[:-2])]
    return {"object": {}, "array": []}.get(kind, SAMPLES.get(kind, "x"))


def minimal_body(connector_id: str, service_id: int | None) -> dict[str, Any]:
    """The required fields of a connector's form, with the service (in the form's casing)."""
    connector = catalog().connectors[connector_id]
    names = connector.names
    body = {name: sample(connector.fields.get(name, "any")) for name in connector.required}
    common = {names.connector: connector.id, names.template: TEMPLATE, names.strategy: "clean"}
    body.update({name: value for name, value in common.items() if name in body})
    if "label" in body:
        body["label"] = f"{connector_id} source"
    if connector.takes_service and service_id is not None:
        body[names.service] = str(service_id) if connector.casing == "camel" else service_id
    return body


def full_body(destination_type: str, service_id: int) -> dict[str, Any]:
    """Every field of a type's storage form, with its service."""
    destination = catalog().destinations[destination_type]
    body = {name: sample(declared) for name, declared in destination.fields.items()}
    body["label"], body["type"] = f"{destination_type} destination", destination_type
    return body | {"o_auth_id": service_id}
