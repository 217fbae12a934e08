"""The /_emulator test hooks: reset, journal, objects, settings."""

from dataddo_emulator.testing import ALL_KINDS, RunningEmulator
from tests.emulator.conftest import Api


def test_reset_empties_everything_but_users(server: RunningEmulator, api: Api) -> None:
    api.flow(destination_id=api.destination()["id"])
    server.settings(live_after=9)
    server.set_faults([{"latency_ms": 1}])
    server.reset()
    assert server.objects() == {"services": [], "sources": [], "flows": []}
    assert server.objects(*ALL_KINDS) == {kind: [] for kind in ALL_KINDS}
    assert server.requests() == []
    assert server.faults()["rules"] == []
    assert server.settings()["live_after"] == 2
    api.error("GET", "/services", 401)  # tokens went too
    fresh = Api(server.url, server.login())
    assert fresh.service() == 1000  # ids start again


def test_journal_records_requests(server: RunningEmulator, api: Api) -> None:
    service_id = api.service("snapchat_static", clientId="c")
    api.call("GET", f"/services/{service_id}")
    api.error("GET", "/services/999", 404)
    login, create, read, missing = server.requests()
    assert login["path"] == "/customer-api/v1/auth"
    assert login["body"] == {"email": "demo@example.com", "password": "***"}
    assert (create["method"], create["status"], create["route"]) == (
        "POST",
        200,
        "/customer-api/v1/services",
    )
    assert read["route"] == "/customer-api/v1/services/{id}"
    assert read["path"] == f"/customer-api/v1/services/{service_id}"
    assert read["body"] is None
    assert missing["status"] == 404
    assert create["customer_id"] == login["customer_id"] == read["customer_id"] is not None
    assert all(e["duration_ms"] >= 0 and e["fault"] is None for e in server.requests())
    assert [e["seq"] for e in server.requests()] == sorted(e["seq"] for e in server.requests())


def test_journal_since_and_clear(server: RunningEmulator, api: Api) -> None:
    api.call("GET", "/services")
    last = server.requests()[-1]["seq"]
    api.call("GET", "/sources")
    assert [e["path"] for e in server.requests(since=last)] == ["/customer-api/v1/sources"]
    server.clear_requests()
    assert server.requests() == []
    api.call("GET", "/flows")
    assert [e["seq"] for e in server.requests()] == [last + 2]  # numbers are never reused


def test_journal_leaves_out_hooks_and_keeps_odd_bodies(server: RunningEmulator, api: Api) -> None:
    server.objects()
    api.error("POST", "/flows", 400, data="not json", headers={"Content-Type": "application/json"})
    api.error("GET", "/nowhere", 404)
    *_, bad, nowhere = server.requests()
    assert bad["body"] is None
    assert bad["status"] == 400
    assert nowhere["route"] is None
    assert all(not e["path"].startswith("/_emulator") for e in server.requests())


def test_unauthenticated_requests_have_no_customer(server: RunningEmulator, anonymous: Api) -> None:
    anonymous.error("GET", "/services", 401)
    assert server.requests()[-1]["customer_id"] is None


def test_objects_of_every_customer_as_the_api_answers_them(
    server: RunningEmulator, api: Api, other: Api
) -> None:
    flow = api.flow()
    theirs = other.destination("mysql", other.service("mysql", host="h", password="p"))
    objects = server.objects()
    assert [s["service"] for s in objects["services"]] == ["snapchat_static", "mysql"]
    assert objects["services"][0] == api.call("GET", "/services")[0]
    [source] = objects["sources"]
    assert source == api.call("GET", f"/sources/{source['id']}")
    assert objects["flows"] == [flow]
    everything = server.objects(*ALL_KINDS)
    assert everything["destinations"] == other.call("GET", "/destinations")
    assert [d["id"] for d in everything["destinations"]] == [theirs["id"]]
    assert everything == {**objects, "destinations": everything["destinations"]}
    assert server.objects("destinations") == {"destinations": everything["destinations"]}


def test_settings(server: RunningEmulator) -> None:
    assert server.settings() == {"token_ttl": 3600, "refresh_ttl": 86400, "live_after": 2}
    assert server.settings(live_after=0.25)["live_after"] == 0.25
    response = server.http.put(f"{server.root}/_emulator/settings", json={"live_after": -1})
    assert response.status_code == 400
    response = server.http.put(f"{server.root}/_emulator/settings", json={"speed": 1})
    assert response.status_code == 400


def test_forcing_the_status_of_an_unknown_source_is_404(server: RunningEmulator) -> None:
    response = server.http.put(
        f"{server.root}/_emulator/sources/nope/status", json={"status": "live"}
    )
    assert response.status_code == 404
    response = server.http.put(
        f"{server.root}/_emulator/sources/nope/status", json={"status": "sleepy"}
    )
    assert response.status_code == 400


def test_openapi_document_and_docs_are_served(server: RunningEmulator) -> None:
    document = server.http.get(f"{server.root}/openapi.json").json()
    assert "/customer-api/v1/connectors/{id}/create-source" in document["paths"]
    assert server.http.get(f"{server.root}/docs").status_code == 200
