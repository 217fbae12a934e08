"""Redaction: which config values are credentials, and one place that masks every secret."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import pytest

from pulumi_dataddo import redaction
from pulumi_dataddo.logic import destination, source


@pytest.mark.parametrize(
    ("key", "secret"),
    [
        ("staticKey", True),
        ("clientSecret", True),
        ("password", True),
        ("passphrase", True),
        ("pwd", True),
        ("refresh_token", True),
        ("apiKey", True),
        ("x-api-key", True),
        ("privateKey", True),
        ("Authorization", True),
        ("credentials", True),
        ("sig", True),
        ("SAS", True),
        ("auth", True),
        ("basic_auth", True),
        ("X-Auth", True),
        ("jwt", True),
        ("github_pat", True),
        ("pass", True),
        ("pin", True),
        ("otp", True),
        ("signature", True),
        ("private_key_id", True),
        ("apiKeys", True),
        ("apiKey2", True),
        ("api_key_2", True),
        ("passwords", True),
        ("tokens", True),
        ("X-API-KEYS", True),
        ("pins", True),
        ("author", False),
        ("authority", False),
        ("oAuthId", False),
        ("pinned", False),
        ("path", False),
        ("signature_version", False),
        ("tokenUrl", False),
        ("auth_type", False),
        ("passwordExpiry", False),
        ("apiKeyType", False),
        ("clientId", False),
        ("label", False),
        ("keyword", False),
        ("url", False),
        ("tokenUrls", False),
        ("auth_types", False),
        ("passwordPolicy", False),
        ("tokenBucket", False),
        ("keywords", False),
        ("status", False),
        ("2", False),
    ],
)
def test_secret_keys(key: str, secret: bool) -> None:
    assert redaction.is_secret_key(key) is secret


@pytest.mark.parametrize(
    "config",
    [
        {"password": "p"},
        {"nested": {"deeper": [{"apiKey": "k"}]}},
        {"url": "https://user:hunter2@db.example.com/x"},
        {"url": "https://api.example.com/v1/items?limit=5&api_key=abc123"},
        {"request": "GET https://api.example.com/?access_token=zz"},
        {"headers": [{"name": "Authorization", "value": "Bearer abc"}]},
        {"headers": [{"key": "X-Api-Key", "value": "abc"}]},
        {"headers": {"Authorization": "Basic abc"}},
        {"headers": "Accept: */*\nAuthorization: Bearer abc"},
        {"headers": ["X-Api-Key: abc"]},
        {"url": "postgres://u:p@ss w/rd@host/db"},
        {"url": "https://user:pa:ss@h"},
        {"dsn": "host=x&api_key=abc"},
        {"dsn": "token=abc;x=1"},
        {"dsn": "host=h password='my pw' port=5432"},
        {"sig": "abc"},
        {"fields": [{"field": "sas", "content": "sv=2020&sig=abc"}]},
        {"body": '{"auth": {"token": "abc"}}'},
        {"body": '["Authorization: Bearer abc"]'},
        {"body": json.dumps({"inner": json.dumps({"password": "abc"})})},
        {"pin": 1234},
        {"apiKeys": ["k1", "k2"]},
        {"api_key_2": "k"},
        {"headers": [{"Name": "Authorization", "Value": "Bearer abc"}]},
        {"headers": [{"KEY": "X-Api-Key", "VALUE": "abc"}]},
        {"headers": [["Authorization", "Bearer x"]]},
        {"login": ["password", "x"]},
        {"repo": "https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/o/r.git"},
        {"note": "retried with Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"},
        {"note": "then Basic dXNlcjpwYXNz was sent"},
        {"note": "TOKEN ghp_16C7e42F292c"},
        {"cmd": "curl -H 'X-Api-Key: abc' https://h"},
        {"log": "sent Authorization: Bearer abc, got 401"},
        {"log": 'body={"password": "x"}'},
        {"log": 'sent [{"name": "token", "value": "x"}] and failed'},
        {"dsn": "Password = x"},
        {"dsn": "server=h; PASSWORD=x"},
        {"cmd": "run --password x"},
        {"cmd": "run --api-key=x"},
        {"cmd": 'run -token "a b"'},
        {"dsn": "admin:hunter2@db.example.com:5432/shop"},
        {"dsn": "dsn=u:p@tcp(h:3306)/db"},
        {"log": "sent {'password': 'x'}"},
        {"log": "{'api_key': \"abc\", 'region': 'eu'}"},
        {"log": "{'auth': {'token': 'it\\'s \"x\"'}}"},
        {"cmd": "curl -u user:pass https://h"},
        {"cmd": "curl -s --user 'me:p w' https://h"},
        {"cmd": "curl -uadmin:pw https://h"},
        {"cmd": "curl -X POST \\\n  -U proxy:pw https://h"},
        {"cmd": "curl --proxy-user proxy:pw https://h"},
    ],
)
def test_credentials_are_found_whatever_their_shape(config: dict[str, Any]) -> None:
    assert redaction.holds_credentials(config)


@pytest.mark.parametrize(
    "config",
    [
        {"organizationId": "org", "metrics": ["spend"], "dateRange": "{{30d1}}"},
        {"url": "https://api.example.com/v1/items?limit=5", "method": "GET"},
        {"headers": [{"name": "Accept", "value": "application/json"}]},
        {"password": None, "token": ""},
        {"url": "https://user@db.example.com/x"},
        {"url": "https://u:@h", "port": "https://h:443/x"},
        {"dsn": "token=&host=x", "query": "author=me&signature_version=s3v4"},
        {"headers": [{"key": "Accept", "value": "application/json"}]},
        {"headers": "Accept: */*\nX-Request-Id: 7"},
        {"body": '{"author": "me", "tokenUrl": "https://h/token"}', "broken": "{password"},
        {"isPrivate": True, "credentials": {"a": None, "b": ""}},
        "password",
        {"note": "The token bucket refills; see the password policy", "label": "Snapchat Insights"},
        {"description": "Basic plan. Token bucket, bearer bonds", "id": "64f0c2a1b2c3d4e5f6a7b8c9"},
        {"passwordPolicy": "strict", "tokenBucket": {"size": 5}, "tokenUrls": ["https://h/t"]},
        {"apiKeys": [], "tokens": [None, ""], "login": ["password", ""], "pair": ["Accept", "*/*"]},
        {"columns": ["id", "password"], "headers": [{"Name": "Accept", "Value": "text/csv"}]},
        {"repo": "https://git@github.com/o/r.git", "mail": "mailto:someone@example.com"},
        {"check": "if token == expected", "flags": "--token-file", "time": "at 10:30, token: "},
        {"log": 'body={"author": "me"} [1, 2]', "query": "password= &x=1"},
        {"log": "{'label': 'Snapchat', 'tokenUrl': 'https://h/t', 'password': ''}"},
        {"note": "the 'password': field, then 'token' : 7", "cols": "['id', 'password']"},
        {"cmd": "curl -u user https://h", "also": "curl -u user: --user-agent 'a:b' https://h"},
        {"cmd": "run -u words: here", "docker": "docker run -u 1000:1000 --user app:app img"},
    ],
)
def test_plain_configs_hold_no_credentials(config: Any) -> None:
    assert not redaction.holds_credentials(config)


def test_redact_masks_remembered_values_longest_first() -> None:
    redaction.remember("abcd-token", "abcd-token-extended", None, 7, "abc")
    text = "sent abcd-token-extended and abcd-token, kept abc"
    assert redaction.redact(text) == "sent *** and ***, kept abc"


def test_redact_masks_secrets_inside_longer_text_however_escaped() -> None:
    secret = 'p@ss w/rd"1'
    redaction.remember(secret, 12345678)
    assert redaction.redact(json.dumps({"p": secret})) == '{"p": "***"}'
    assert redaction.redact(repr({"p": secret})) == "{'p': '***'}"
    assert redaction.redact(f"GET /x?pw={quote(secret, safe='')}&a=1") == "GET /x?pw=***&a=1"
    assert redaction.redact("pin 12345678.") == "pin ***."
    assert redaction.redact("a=p%40ss!", ["p@ss"]) == "a=***!"


def test_remember_credentials_takes_only_the_credentials() -> None:
    config = {
        "table": "orders_2024",
        "url": "postgres://admin:p@ss w/rd@db.example.com/shop?sslmode=require",
        "headers": ["Accept: text/csv", "Authorization: Bearer tok-123456"],
        "query": "region=eu&api_key=key-98765",
        "body": '{"client": "acme", "secret": "sec-4242"}',
        "extra": [{"name": "X-Api-Key", "value": "xk-55555"}],
    }
    redaction.remember_credentials(config)
    assert redaction.redact(str(config)) == str(
        {
            "table": "orders_2024",
            "url": "postgres://admin:***@db.example.com/shop?sslmode=require",
            "headers": ["Accept: text/csv", "Authorization: ***"],
            "query": "region=eu&api_key=***",
            "body": '{"client": "acme", "secret": "***"}',
            "extra": [{"name": "X-Api-Key", "value": "***"}],
        }
    )
    assert redaction.redact("tok-123456 alone, and p@ss w/rd") == "*** alone, and ***"


def test_source_and_destination_checks_remember_only_credentials() -> None:
    config = {"table": "orders_2024", "url": "https://user:s3cret-pw@api.example.com/?token=t-1234"}
    source.check({}, {"connector_id": "json", "label": "J", "config": config})
    destination.check({}, {"destination_type": "pgsql", "config": {"password": "pg-pass-1"}})
    assert redaction.redact(f"{config} pg-pass-1") == (
        "{'table': 'orders_2024', 'url': 'https://user:***@api.example.com/?token=***'} ***"
    )


def test_remember_all_takes_every_string_inside() -> None:
    redaction.remember_all({"staticKey": "refresh-xyz", "port": 3306, "deep": ["db-pass-123"]})
    assert redaction.redact("refresh-xyz, db-pass-123, 3306") == "***, ***, 3306"
    assert redaction.redact("one-off-value", ["one-off-value"]) == "***"


def test_remember_all_takes_the_credentials_inside_strings_too() -> None:
    redaction.remember_all({"url": "postgres://u:pw-9876@h/db"})
    assert redaction.redact("login failed for pw-9876") == "login failed for ***"


def test_masked_shows_a_config_with_its_credentials_masked() -> None:
    config = {
        "table": "orders",
        "pin": 1234,
        "url": "postgres://admin:pw-1@db.example.com/shop",
        "headers": [["Authorization", "Bearer tok-1"], {"Name": "Accept", "Value": "text/csv"}],
        "body": 'sent {"secret": "s\\"1", "client": "acme"}',
        "cmd": "tool --password pw-2 -v",
        "flags": [True, None, 5],
        "log": "got {'label': 'x', 'api_key': \"ak-1\"}",
        "curl": "curl -u 'me:p w' https://h",
    }
    assert redaction.masked(config) == {
        "table": "orders",
        "pin": "***",
        "url": "postgres://admin:***@db.example.com/shop",
        "headers": [["Authorization", "***"], {"Name": "Accept", "Value": "text/csv"}],
        "body": 'sent {"secret": "***", "client": "acme"}',
        "cmd": "tool --password *** -v",
        "flags": [True, None, 5],
        "log": "got {'label': 'x', 'api_key': \"***\"}",
        "curl": "curl -u 'me:***' https://h",
    }
    assert redaction.masked({"note": "no credential"}) == {"note": "no credential"}
