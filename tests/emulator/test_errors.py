"""Every failure answers in the error format, FastAPI's own included; every answer is dated."""

from typing import Any

import pytest

from dataddo_emulator.testing import RunningEmulator
from tests.emulator.conftest import SNAPCHAT_FORM, Api, raw_exchange


def test_unknown_route_is_404(api: Api) -> None:
    assert api.error("GET", "/nothing/here", 404)["message"] == "Not Found"
    api.error("GET", "/../../_emulator/objects/x", 404)


def test_wrong_method_is_405(api: Api) -> None:
    assert api.error("PATCH", "/sources", 405)["message"] == "Method Not Allowed"
    api.error("DELETE", "/services", 405)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [("{", "application/json"), ("[1,", "application/json"), ("\xff", "application/json")],
)
def test_malformed_json_is_400(api: Api, body: str, content_type: str) -> None:
    api.error(
        "POST", "/flows", 400, data=body.encode("latin-1"), headers={"Content-Type": content_type}
    )


def test_validation_errors_name_the_nested_field(api: Api) -> None:
    error = api.error("POST", "/flows", 400, json={"source": [{"source_id": 1}]})
    assert list(error["errors"]) == ["source.0.source_id"]
    assert error["message"].startswith("source.0.source_id: ")


def test_a_lone_surrogate_is_400_not_500(api: Api) -> None:
    raw = '{"sources": ["\\ud800"]}'
    api.error("POST", "/flows", 400, data=raw, headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("depth", [65, 900, 100_000])
def test_deeply_nested_json_is_400(server: RunningEmulator, api: Api, depth: int) -> None:
    body = '{"data": {"x": ' + "[" * depth + "]" * depth + "}}"
    headers = {"Content-Type": "application/json"}
    api.error("POST", "/services/mysql", 400, data=body, headers=headers)
    assert server.requests()[-1]["body"] is None
    assert server.objects()["services"] == []


def test_nesting_up_to_the_limit_is_kept(api: Api) -> None:
    nested: Any = []
    for _ in range(62):
        nested = [nested]
    body = {**SNAPCHAT_FORM, "oAuthId": str(api.service()), "deep": nested}
    source_id = api.call("POST", "/connectors/snapchat/create-source", json=body)["id"]
    assert api.call("GET", f"/sources/{source_id}/metadata")["deep"] == nested


def test_every_answer_carries_a_date_header(server: RunningEmulator, api: Api) -> None:
    """Clients take the API's clock from it: successes, errors and injected faults alike."""
    answers = [api.request("GET", "/services"), api.request("GET", "/services/999")]
    for mode in ("error_rate", "rate_limit_rate", "fail_after_commit_rate", "malformed_rate"):
        server.set_faults([{mode: 1, "times": 1}])
        answers.append(api.request("GET", "/flows"))
    assert [a.status_code for a in answers] == [200, 404, 503, 429, 500, 200]
    assert all(a.headers.get("Date", "").endswith(" GMT") for a in answers)
    too_large = (
        b"POST /customer-api/v1/services HTTP/1.1\r\nHost: x\r\nContent-Length: 9999999\r\n\r\n"
    )
    status, headers = raw_exchange(server, too_large)
    assert (status, headers["date"][-4:]) == (413, " GMT")
