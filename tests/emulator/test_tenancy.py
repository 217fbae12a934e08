"""One customer never sees another's objects: every id-taking path answers 404."""

from tests.emulator.conftest import Api


def test_another_customers_objects_are_404(api: Api, other: Api) -> None:
    service_id = api.service()
    source_id = api.source(service_id)
    destination_id = api.destination()["id"]
    flow_id = api.flow(source_id, destination_id=destination_id)["id"]
    calls: list[tuple[str, str] | tuple[str, str, dict[str, str]]] = [
        ("GET", f"/services/{service_id}"),
        ("PUT", f"/services/{service_id}"),
        ("DELETE", f"/services/{service_id}"),
        ("GET", f"/services/{service_id}/debug"),
        ("GET", f"/sources/{source_id}"),
        ("PUT", f"/sources/{source_id}"),
        ("DELETE", f"/sources/{source_id}"),
        ("GET", f"/sources/{source_id}/metadata"),
        ("GET", f"/sources/{source_id}/extraction/schedule"),
        ("PUT", f"/sources/{source_id}/extraction/schedule", {"hour": "1"}),
        ("GET", f"/sources/{source_id}/status"),
        ("GET", f"/flows/{flow_id}"),
        ("PUT", f"/flows/{flow_id}"),
        ("DELETE", f"/flows/{flow_id}"),
        ("GET", f"/flows/by-source/{source_id}"),
        ("PUT", f"/flows/{flow_id}/write/settings", {"write_mode": "upsert"}),
        ("GET", f"/destinations/{destination_id}"),
        ("PUT", f"/destinations/{destination_id}"),
        ("DELETE", f"/destinations/{destination_id}"),
    ]
    for method, path, *body in calls:
        sent = body[0] if body else {"label": "stolen"} if method == "PUT" else None
        other.error(method, path, 404, json=sent)
    for path in ("/services", "/sources", "/flows", "/destinations"):
        assert other.call("GET", path) == []
    assert other.call("GET", "/connectors/snapchat/actions/authorization") == []
    # nothing changed for the owner
    assert api.call("GET", f"/flows/{flow_id}")["label"] == "F"
    assert api.call("GET", f"/flows/{flow_id}")["write_action"]["write_mode"] == "insert"
    assert api.call("GET", f"/destinations/{destination_id}")["label"] == "Warehouse"
    assert api.service_item(service_id)["label"] == "snapchat_static"
