"""Hardening: oversized bodies, exact ids, blank labels, secrets kept out of the journal."""

import json
from typing import Any

import pytest

from dataddo_emulator.testing import RunningEmulator
from tests.emulator.conftest import SNAPCHAT_FORM, Api, raw_exchange

MIB = 1024 * 1024
HEAD = "POST /customer-api/v1/services HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"


def test_a_body_declared_too_large_is_413_before_anything_else(server: RunningEmulator) -> None:
    """No token and 300 MB announced: refused at once, nothing of it read."""
    status, headers = raw_exchange(server, f"{HEAD}Content-Length: {300 * MIB}\r\n\r\n".encode())
    assert (status, headers["connection"]) == (413, "close")
    assert server.requests()[-1]["status"] == 413


def test_a_streamed_body_is_413_once_past_the_limit(server: RunningEmulator) -> None:
    chunk = b"x" * (MIB + 1)
    request = f"{HEAD}Transfer-Encoding: chunked\r\n\r\n{len(chunk):x}\r\n".encode() + chunk
    assert raw_exchange(server, request + b"\r\n")[0] == 413  # the last chunk is never sent


def test_a_body_at_the_limit_is_read(api: Api) -> None:
    body = {**SNAPCHAT_FORM, "oAuthId": str(api.service()), "padding": ""}
    body["padding"] = "x" * (MIB - len(json.dumps(body)))
    data = json.dumps(body).encode()
    assert len(data) == MIB
    headers = {"Content-Type": "application/json"}
    api.call("POST", "/connectors/snapchat/create-source", data=data, headers=headers)


def test_service_ids_match_exactly(api: Api) -> None:
    assert api.service() == 1000
    for raw in ("%201000", "1000%0A", "+1000", "01000", "\u0661\u0660\u0660\u0660", "1e3"):
        api.error("GET", f"/services/{raw}", 404)
        api.error("PUT", f"/services/{raw}", 404, json={"label": "x"})
        api.error("DELETE", f"/services/{raw}", 404)
    api.call("GET", "/services/1000")


def test_object_ids_match_exactly(api: Api) -> None:
    destination_id = api.destination()["id"]
    flow = api.flow()
    source_id = flow["source"][0]["source_id"]
    for change in (str.upper, lambda i: f"{i}%0A", lambda i: f"%20{i}", lambda i: f"0{i}"):
        for path in (
            f"/sources/{change(source_id)}",
            f"/flows/{change(flow['id'])}",
            f"/destinations/{change(destination_id)}",
        ):
            api.error("GET", path, 404)
        api.error("GET", f"/flows/by-source/{change(source_id)}", 404)
    api.error("POST", "/flows", 400, json={"sources": [source_id.upper()]})


@pytest.mark.parametrize(
    "label", ["", "   ", "\t\n", "\u200b", " \ufeff\u200e", "\u3164\u2800", 5, None]
)
def test_a_blank_label_is_the_same_400_on_every_create_and_update(api: Api, label: Any) -> None:
    service_id, source_id = api.service(), api.source()
    flow_id = api.flow(source_id)["id"]
    destination_id = api.destination()["id"]
    attempts = [
        ("POST", "/services", {"serviceName": "s3", "config": {"label": label}}),
        ("POST", "/services", {"service": "s3", "data": {"label": label}}),
        ("POST", "/services/s3", {"data": {"label": label}}),
        ("PUT", f"/services/{service_id}", {"config": {"label": label}}),
        ("POST", "/connectors/snapchat/create-source", {**SNAPCHAT_FORM, "label": label}),
        ("POST", "/connectors/mysql/create-source", {"label": label}),
        ("POST", "/flows", {"sources": [source_id], "label": label}),
        ("POST", "/destinations/pgsql", {"label": label}),
    ]
    attempts += [
        ("PUT", f"/services/{service_id}", {"label": label}),
        ("PUT", f"/sources/{source_id}", {"label": label}),
        ("PUT", f"/flows/{flow_id}", {"label": label}),
        ("PUT", f"/destinations/{destination_id}", {"label": label}),
    ]
    answers = [api.error(method, path, 400, json=body) for method, path, body in attempts]
    assert all(answer == answers[0] for answer in answers), answers
    assert list(answers[0]["errors"]) == ["label"]


def _journaled(server: RunningEmulator, api: Api, method: str, path: str, body: Any) -> Any:
    api.request(method, path, json=body)
    return server.requests()[-1]["body"]


def test_the_journal_masks_every_value_of_a_services_config(
    server: RunningEmulator, api: Api
) -> None:
    config = {"host": "db", "port": 3306, "ssh": {"user": "u", "keys": ["k1"]}, "label": "L"}
    masked = {"host": "***", "port": "***", "ssh": {"user": "***", "keys": ["***"]}, "label": "***"}
    service_id = api.service()
    for method, path, body, expected in [
        ("POST", "/services", {"serviceName": "mysql", "config": config}, {"config": masked}),
        ("POST", "/services", {"service": "mysql", "data": config}, {"data": masked}),
        ("POST", "/services/mysql", {"data": config}, {"data": masked}),
        ("PUT", f"/services/{service_id}", {"label": "N", "config": config}, {"config": masked}),
    ]:
        journaled = _journaled(server, api, method, path, body)
        assert journaled == {**body, **expected}


def test_the_journal_redacts_secrets_in_other_bodies(server: RunningEmulator, api: Api) -> None:
    body = {
        **SNAPCHAT_FORM,
        "oAuthId": str(api.service()),
        "apiKey": 12345,
        "nested": [{"clientSecret": {"deep": "s"}, "plain": "p"}],
        "url": "https://user:pw@example.com/data?api_key=k1&page=2&token=t2",
        "headers": ["Authorization: Bearer t3", "Accept: application/json"],
        "params": [{"name": "Authorization", "value": "Bearer t4"}, {"name": "q", "value": "v"}],
    }
    journaled = _journaled(server, api, "POST", "/connectors/snapchat/create-source", body)
    assert journaled == {
        **body,
        "apiKey": "***",
        "nested": [{"clientSecret": "***", "plain": "p"}],
        "url": "https://user:***@example.com/data?api_key=***&page=2&token=***",
        "headers": ["Authorization: ***", "Accept: application/json"],
        "params": [{"name": "Authorization", "value": "***"}, {"name": "q", "value": "v"}],
    }


def test_the_journal_redacts_secrets_in_destination_bodies(
    server: RunningEmulator, api: Api
) -> None:
    service_id = api.service("s3", k="v")
    body = {"label": "Lake", "o_auth_id": service_id, "path": "https://u:pw@x/y", "secretKey": "s"}
    created = _journaled(server, api, "POST", "/destinations/s3", body)
    redacted = {**body, "path": "https://u:***@x/y", "secretKey": "***"}
    assert created == redacted
    destination_id = api.call("GET", "/destinations")[0]["id"]
    assert _journaled(server, api, "PUT", f"/destinations/{destination_id}", body) == redacted


def test_a_path_the_spec_does_not_declare_is_404_not_a_redirect(api: Api) -> None:
    """`/sources/` is no path of the spec: no 307 to `/sources` for a client to follow."""
    api.flow()
    for path in ("/sources/", "/flows/", "/services/", "/destinations/"):
        api.error("GET", path, 404)
