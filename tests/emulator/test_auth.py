"""POST /auth, token refresh in the two documented forms only, bearer checks, expiry."""

import time
from typing import Any

import pytest

from dataddo_emulator.testing import RunningEmulator
from tests.emulator.conftest import Api

DEMO = {"email": "demo@example.com", "password": "demo"}


def _login(api: Api) -> dict[str, Any]:
    tokens: dict[str, Any] = api.call("POST", "/auth", json=DEMO)
    return tokens


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _realm(tokens: dict[str, Any]) -> dict[str, str]:
    """The headers a client echoes: the login's realm_id and provider."""
    return {"X-Realm-Id": str(tokens["realm_id"]), "X-Provider": str(tokens["provider"])}


def test_login_answers_a_security_dto(anonymous: Api) -> None:
    tokens = _login(anonymous)
    assert set(tokens) == {"access_token", "refresh_token", "provider", "realm_id", "expires_in"}
    assert tokens["expires_in"] == 3600
    assert isinstance(tokens["realm_id"], int)
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
    anonymous.error("GET", "/services", 401, headers=_bearer(_login(anonymous)["refresh_token"]))


def test_realm_headers_are_checked_where_sent(anonymous: Api) -> None:
    tokens = _login(anonymous)
    headers = {**_bearer(tokens["access_token"]), **_realm(tokens)}
    anonymous.call("GET", "/services", headers=headers)
    for name, value in (("X-Realm-Id", "1"), ("X-Provider", "other")):
        anonymous.error("GET", "/services", 401, headers={**headers, name: value})


def test_refresh_in_the_docs_form(anonymous: Api) -> None:
    """`POST /refresh {refresh_token}` with the access token issued with it as bearer."""
    tokens = _login(anonymous)
    body = {"refresh_token": tokens["refresh_token"]}
    fresh = anonymous.call("POST", "/refresh", json=body, headers=_bearer(tokens["access_token"]))
    assert fresh.keys() == tokens.keys()
    assert fresh["refresh_token"] == tokens["refresh_token"]
    assert fresh["access_token"] != tokens["access_token"]
    Api(anonymous.url, fresh["access_token"]).call("GET", "/services")
    # the new access token was issued with the same refresh token: it may refresh again
    anonymous.call("POST", "/refresh", json=body, headers=_bearer(fresh["access_token"]))


def test_refresh_in_the_spec_form(anonymous: Api) -> None:
    """`GET /refresh` with `X-Refresh-Token` and the login's `X-Realm-Id` and `X-Provider`."""
    tokens = _login(anonymous)
    headers = {"X-Refresh-Token": tokens["refresh_token"], **_realm(tokens)}
    fresh = anonymous.call("GET", "/refresh", headers=headers)
    assert fresh["refresh_token"] == tokens["refresh_token"]
    Api(anonymous.url, fresh["access_token"]).call("GET", "/services")
    anonymous.call("GET", "/refresh", headers={**headers, **_bearer(tokens["access_token"])})


def test_other_refresh_forms_are_refused(anonymous: Api) -> None:
    tokens, other_login = _login(anonymous), _login(anonymous)
    body = {"refresh_token": tokens["refresh_token"]}
    anonymous.error("POST", "/refresh", 401, json=body)  # no bearer
    foreign = _bearer(other_login["access_token"])  # issued with another refresh token
    anonymous.error("POST", "/refresh", 401, json=body, headers=foreign)
    header_only = {"X-Refresh-Token": tokens["refresh_token"], **_bearer(tokens["access_token"])}
    anonymous.error("POST", "/refresh", 400, headers=header_only)
    headers = {"X-Refresh-Token": tokens["refresh_token"], **_realm(tokens)}
    for name in ("X-Realm-Id", "X-Provider"):
        missing = {k: v for k, v in headers.items() if k != name}
        assert name.lower() in anonymous.error("GET", "/refresh", 400, headers=missing)["errors"]
        anonymous.error("GET", "/refresh", 401, headers={**headers, name: "7"})
    anonymous.error("GET", "/refresh", 401, headers={**headers, **foreign})


def test_unknown_refresh_tokens_are_401(anonymous: Api) -> None:
    tokens = _login(anonymous)
    bearer = _bearer(tokens["access_token"])
    for value in ("nope", tokens["access_token"]):
        anonymous.error("POST", "/refresh", 401, json={"refresh_token": value}, headers=bearer)
        headers = {"X-Refresh-Token": value, **_realm(tokens)}
        anonymous.error("GET", "/refresh", 401, headers=headers)


def test_an_expired_access_token_is_401_and_refreshes(
    server: RunningEmulator, anonymous: Api
) -> None:
    server.settings(token_ttl=1)
    tokens = _login(anonymous)
    assert tokens["expires_in"] == 1
    client = Api(anonymous.url, tokens["access_token"])
    client.call("GET", "/services")
    time.sleep(1.1)
    assert "expired" in client.error("GET", "/services", 401)["message"]
    body = {"refresh_token": tokens["refresh_token"]}
    fresh = anonymous.call("POST", "/refresh", json=body, headers=_bearer(tokens["access_token"]))
    Api(anonymous.url, fresh["access_token"]).call("GET", "/services")


def test_refresh_token_expires(server: RunningEmulator, anonymous: Api) -> None:
    server.settings(refresh_ttl=0.3)
    tokens = _login(anonymous)
    time.sleep(0.4)
    body = {"refresh_token": tokens["refresh_token"]}
    anonymous.error("POST", "/refresh", 401, json=body, headers=_bearer(tokens["access_token"]))
    _login(anonymous)  # logging in again always works


def test_each_user_is_its_own_customer(api: Api, other: Api) -> None:
    mine = api.service_item(api.service())
    theirs = other.service_item(other.service())
    assert mine["customer_id"] != theirs["customer_id"]
    assert [s["id"] for s in api.call("GET", "/services")] == [mine["id"]]
