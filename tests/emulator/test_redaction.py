"""The journal's redaction: which keys and which parts of strings it hides."""

from __future__ import annotations

import pytest

from dataddo_emulator.redaction import (
    REDACTED,
    is_secret_key,
    redact,
    redact_text,
    without_secrets,
)


@pytest.mark.parametrize(
    ("key", "secret"),
    [
        ("sig", True),
        ("basic_auth", True),
        ("X-Auth", True),
        ("jwt", True),
        ("pin", True),
        ("author", False),
        ("oAuthId", False),
        ("signature_version", False),
        ("tokenUrl", False),
        ("auth_type", False),
        ("apiKeys", True),
        ("apiKey2", True),
        ("api_key_2", True),
        ("passwords", True),
        ("tokens", True),
        ("passwordPolicy", False),
        ("tokenBucket", False),
    ],
)
def test_short_and_descriptive_key_names(key: str, secret: bool) -> None:
    assert is_secret_key(key) is secret


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Accept: */*\nAuthorization: Bearer abc\n", "Accept: */*\nAuthorization: ***\n"),
        ("  x-api-key : abc\r\nX-Id: 7", "  x-api-key : ***\r\nX-Id: 7"),
        ("postgres://u:p@ss w/rd@host/db", "postgres://u:***@host/db"),
        ("https://user:pa:ss@h", "https://user:***@h"),
        ("https://u:@h", "https://u:@h"),
        ("host=x&api_key=abc", "host=x&api_key=***"),
        ("token=abc;x=1", "token=***;x=1"),
        ("host=h password='a b' port=5432", "host=h password=*** port=5432"),
        ("sig=abc&sv=2020", "sig=***&sv=2020"),
        ("password=''&token=", "password=''&token="),
        ("Token: '", "Token: ***"),
        ("author=me&signature_version=s3v4", "author=me&signature_version=s3v4"),
        ('{"a": ["token=abc"], "b": 1}', '{"a": ["token=***"], "b": 1}'),
        ('{"author": "me"}', '{"author": "me"}'),
        ("{password", "{password"),
        ("https://ghp_16C7e42F292c@github.com/o", "https://***@github.com/o"),
        ("https://git@github.com/o", "https://git@github.com/o"),
        ("sent Bearer eyJhbGciOiJ9.e30 twice", "sent Bearer *** twice"),
        ("with basic dXNlcjpwYXNz, then", "with basic ***, then"),
        ("The token bucket; Basic plan", "The token bucket; Basic plan"),
        ("curl -H 'X-Api-Key: abc' https://h", "curl -H 'X-Api-Key: ***' https://h"),
        ("got Authorization: Bearer abc, 401", "got Authorization: ***, 401"),
        ('body={"password": "x", "a": 1} sent', 'body={"password": "***", "a": 1} sent'),
        ("Server=h; Password = x;", "Server=h; Password = ***;"),
        ("if token == x", "if token == x"),
        ("run --password 'a b' --api-key=k -v", "run --password *** --api-key=*** -v"),
        ("admin:pw@db.example.com/x", "admin:***@db.example.com/x"),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
        ("password policy = strict", "password policy = strict"),
        ("sent {'password': 'x', 'a': 1}", "sent {'password': ***, 'a': 1}"),
        ("{'api_key': \"it's\"}", "{'api_key': ***}"),
        ("{'token': 'a\\'b', 'x': 'y'}", "{'token': ***, 'x': 'y'}"),
        ("{'label': 'Snapchat', 'password': ''}", "{'label': 'Snapchat', 'password': ''}"),
        ("curl -u user:pass https://h", "curl -u user:*** https://h"),
        ("curl -uadmin:pw -U 'p:x y' h", "curl -uadmin:*** -U p:*** h"),
        ("curl \\\n --user me:a:b h", "curl \\\n --user me:*** h"),
        ("curl -u user --user-agent a:b h", "curl -u user --user-agent a:b h"),
        ("curl -u user: h", "curl -u user: h"),
        ("docker run -u 1000:1000 img", "docker run -u 1000:1000 img"),
    ],
)
def test_secrets_inside_strings(text: str, expected: str) -> None:
    assert redact_text(text) == expected


def test_pairs_hide_their_value_not_their_name() -> None:
    body = {
        "headers": [
            {"key": "X-Api-Key", "value": "abc"},
            {"field": "sas", "content": {"sig": "x"}},
            {"key": "Accept", "value": "text/csv"},
        ],
        "password": None,
        "isPrivate": True,
        "sig": "abc",
    }
    assert redact(body) == {
        "headers": [
            {"key": "X-Api-Key", "value": REDACTED},
            {"field": "sas", "content": REDACTED},
            {"key": "Accept", "value": "text/csv"},
        ],
        "password": None,
        "isPrivate": True,
        "sig": REDACTED,
    }


def test_pairs_in_any_case_and_listed_pairs_hide_their_value() -> None:
    body = {
        "a": [{"Name": "Authorization", "Value": "Bearer x"}, {"KEY": "Accept", "VALUE": "*/*"}],
        "b": [["password", "x"], ["Accept", "text/csv"], ["token", None]],
        "apiKeys": ["k1"],
    }
    assert redact(body) == {
        "a": [{"Name": "Authorization", "Value": REDACTED}, {"KEY": "Accept", "VALUE": "*/*"}],
        "b": [["password", REDACTED], ["Accept", "text/csv"], ["token", None]],
        "apiKeys": REDACTED,
    }


def test_answers_leave_out_what_the_journal_hides() -> None:
    metadata = {
        "table": "orders",
        "apiKey": "k",
        "password": None,
        "url": "postgres://u:pw@h/db",
        "headers": [{"name": "Authorization", "value": "x"}, {"name": "Accept", "value": "*/*"}],
        "pair": ["password", "x"],
        "lines": ["Accept: */*", "token=abc"],
        "nested": {"sig": 7, "region": "eu"},
    }
    assert without_secrets(metadata) == {
        "table": "orders",
        "headers": [{"name": "Authorization"}, {"name": "Accept", "value": "*/*"}],
        "pair": ["password"],
        "lines": ["Accept: */*"],
        "nested": {"region": "eu"},
    }
