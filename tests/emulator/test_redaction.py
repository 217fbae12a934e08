"""The journal's redaction: which keys and which parts of strings it hides."""

from __future__ import annotations

import pytest

from dataddo_emulator.redaction import REDACTED, is_secret_key, redact, redact_text


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
