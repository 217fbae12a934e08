"""POST /auth, token refresh in both forms, bearer checks and token expiry."""

import time

import pytest

from dataddo_emulator.testing import RunningEmulator
from tests.emulator.conftest import Api

DEMO = {"email": "demo@example.com", "password": "demo"}


def test_login_answers_tokens(anonymous: Api) -> None:
    tokens = anonymous.call("POST", "/auth", json=DEMO)
    assert set(tokens) == {"access_token", "refresh_token", "expires_in"}
    assert tokens["expires_in"] == 3600
    assert tokens["access_token"] != tokens["refresh_token"]


def test_email_is_case_insensitive(anonymous: Api) -> None:
    anonymous.call("POST", "/auth", json={**DEMO, "email": "Demo@Example.com"})


@pytest.mark.parametrize(
    "credentials",
    [{**DEMO, "password": "wrong"}, {**DEMO, "email": "nobody@example.com"}],
)
def test_bad_credentials_are_401(anonymous: Api, credentials: dict[str, str]) -> None:
    anonymous.error("POST", "/auth", 401, json=credentials)


def test_login_without_password_is_400(anonymous: Api) -> None:
    body = anonymous.error("POST", "/auth", 400, json={"email": "demo@example.com"})
    assert "password" in body["errors"]


def test_every_other_path_needs_a_bearer_token(anonymous: Api) -> None:
    for path in ("/services", "/sources", "/flows", "/connectors", "/sources/x/status"):
        response = anonymous.request("GET", path)
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("header", ["Bearer nonsense", "Basic ZGVtbzpkZW1v", "Bearer", ""])
def test_bad_authorization_is_401(anonymous: Api, header: str) -> None:
    anonymous.error("GET", "/services", 401, headers={"Authorization": header})


def test_refresh_token_is_not_an_access_token(anonymous: Api) -> None:
    tokens = anonymous.call("POST", "/auth", json=DEMO)
    headers = {"Authorization": f"Bearer {tokens['refresh_token']}"}
    anonymous.error("GET", "/services", 401, headers=headers)


def test_refresh_by_body_and_by_header(anonymous: Api) -> None:
    tokens = anonymous.call("POST", "/auth", json=DEMO)
    by_body = anonymous.call("POST", "/refresh", json={"refresh_token": tokens["refresh_token"]})
    by_header = anonymous.call(
        "GET", "/refresh", headers={"X-Refresh-Token": tokens["refresh_token"]}
    )
    for fresh in (by_body, by_header):
        assert fresh["refresh_token"] == tokens["refresh_token"]
        assert fresh["access_token"] != tokens["access_token"]
        Api(anonymous.url, fresh["access_token"]).call("GET", "/services")


def test_unknown_refresh_token_is_401(anonymous: Api) -> None:
    anonymous.error("POST", "/refresh", 401, json={"refresh_token": "nope"})
    anonymous.error("GET", "/refresh", 401, headers={"X-Refresh-Token": "nope"})
    anonymous.error("GET", "/refresh", 401)


def test_access_token_is_not_a_refresh_token(anonymous: Api) -> None:
    tokens = anonymous.call("POST", "/auth", json=DEMO)
    anonymous.error("POST", "/refresh", 401, json={"refresh_token": tokens["access_token"]})


def test_access_token_expires_and_refresh_gets_a_new_one(
    server: RunningEmulator, anonymous: Api
) -> None:
    server.settings(token_ttl=1)
    tokens = anonymous.call("POST", "/auth", json=DEMO)
    assert tokens["expires_in"] == 1
    client = Api(anonymous.url, tokens["access_token"])
    client.call("GET", "/services")
    time.sleep(1.1)
    assert "expired" in client.error("GET", "/services", 401)["message"]
    fresh = anonymous.call("POST", "/refresh", json={"refresh_token": tokens["refresh_token"]})
    Api(anonymous.url, fresh["access_token"]).call("GET", "/services")


def test_refresh_token_expires(server: RunningEmulator, anonymous: Api) -> None:
    server.settings(refresh_ttl=0.3)
    tokens = anonymous.call("POST", "/auth", json=DEMO)
    time.sleep(0.4)
    anonymous.error("POST", "/refresh", 401, json={"refresh_token": tokens["refresh_token"]})
    anonymous.call("POST", "/auth", json=DEMO)  # logging in again always works


def test_each_user_is_its_own_customer(api: Api, other: Api) -> None:
    mine = api.call("GET", f"/services/{api.service()}")
    theirs = other.call("GET", f"/services/{other.service()}")
    assert mine["customer_id"] != theirs["customer_id"]
    assert [s["id"] for s in api.call("GET", "/services")] == [mine["id"]]
