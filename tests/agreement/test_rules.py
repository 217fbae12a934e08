"""Rules the provider and the emulator each need, and may not share code for (the product never
imports the emulator): proven to agree, so neither can drift."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dataddo_emulator import cron
from dataddo_emulator import redaction as emulator_redaction
from pulumi_dataddo import redaction
from pulumi_dataddo.fields import schedule

# Cron-like text: digits, the grammar's marks, and a few characters it must refuse.
CRON_TEXT = st.text(alphabet="0123456789*/-, \n+x٣", max_size=12)
KEY_WORDS = st.sampled_from(
    ["api", "Key", "secret", "Password", "pwd", "token", "Static", "auth", "Authorization", "id",
     "private", "cookie", "name", "label", "credentials", "signature", "pass", "phrase", "-", "_",
     "sig", "sas", "jwt", "pin", "or", "o", "Url", "type", "Version", "ID", "X", "7", "Keys", "s",
     "_2", "Policy", "bucket"]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(sorted(schedule.RANGES)), CRON_TEXT)
@example("minute", "*/15")
@example("hour", "00")
@example("day_of_week", "7")
@example("minute", "5/15")
@example("hour", "1-5/2,7")
def test_the_cron_grammars_agree(field: str, value: str) -> None:
    assert schedule.RANGES == cron.RANGES
    assert schedule.valid_cron_field(field, value) == cron.valid_cron_field(field, value)


@settings(max_examples=2000, deadline=None)
@given(st.lists(KEY_WORDS, min_size=1, max_size=4).map("".join) | st.text(max_size=16))
@example("staticKeyValue")
@example("x-api-key")
@example("basic_auth")
@example("signature_version")
@example("apiKeys")
@example("api_key_2")
@example("passwordPolicy")
def test_the_secret_key_rules_agree(key: str) -> None:
    assert redaction.is_secret_key(key) == emulator_redaction.is_secret_key(key)


# (config, its credentials, harmless values both must leave visible): positives, then negatives.
CREDENTIAL_EXAMPLES: list[tuple[Any, list[str], list[str]]] = [
    ({"password": "hunter22"}, ["hunter22"], []),
    ({"db": {"sshPassword": "ssh-pw-1", "host": "db.internal"}}, ["ssh-pw-1"], ["db.internal"]),
    ({"h": [{"name": "Authorization", "value": "Bearer tok-1"}]}, ["tok-1"], ["Authorization"]),
    ({"h": [{"key": "X-Api-Key", "value": "xk-1"}]}, ["xk-1"], ["X-Api-Key"]),
    ({"fields": [{"field": "sas", "content": "sv-1"}]}, ["sv-1"], ["sas"]),
    ({"h": "Accept: text/csv\nAuthorization: Bearer tok-2"}, ["tok-2"], ["text/csv"]),
    (["X-Api-Key: xk-2"], ["xk-2"], ["X-Api-Key"]),
    ({"url": "postgres://admin:p@ss w/rd@db.example.com/shop"}, ["p@ss w/rd"], ["admin", "shop"]),
    ({"url": "https://user:pa:ss@h.example"}, ["pa:ss"], ["user", "h.example"]),
    ({"q": "host=db.example.com&api_key=ak-1"}, ["ak-1"], ["db.example.com"]),
    ({"q": "token=tk-1;x=1"}, ["tk-1"], ["x=1"]),
    ({"q": "https://api.example.com/v1?limit=5&access_token=at-1"}, ["at-1"], ["limit=5"]),
    ({"q": "dbname=shop password='my pw'"}, ["my pw"], ["dbname=shop"]),
    ({"sig": "s-1", "basic_auth": "a-1", "jwt": "j-1", "pin": 4321}, ["s-1", "a-1", "4321"], []),
    ({"body": '{"client": "acme", "secret": "sec-1"}'}, ["sec-1"], ["acme"]),
    ({"body": '["Authorization: Bearer tok-3"]'}, ["tok-3"], ["Authorization"]),
    ({"table": "orders", "author": "me", "authority": "ca", "oAuthId": 7}, [], ["orders", "ca"]),
    ({"tokenUrl": "https://h/t", "auth_type": "basic", "signature_version": "v4"}, [], ["basic"]),
    ({"a": "https://u@h/x", "b": "https://u:@h", "c": "https://h:443/x"}, [], ["u:@h", "443"]),
    ({"q": "token=&author=me", "h": "Accept: */*\nX-Request-Id: 7"}, [], ["author=me", "Id: 7"]),
    ({"password": None, "token": "", "isPrivate": True, "credentials": {"a": None}}, [], []),
    ({"body": '{"author": "me"}', "broken": "{password"}, [], ["author", "{password"]),
    ({"h": [{"key": "Accept", "value": "application/json"}]}, [], ["application/json"]),
    # Plural and numbered keys, pairs in any case, name and value lists.
    ({"apiKeys": ["ak-1", "ak-2"], "apiKey2": "ak-3", "api_key_2": 7},
     ["ak-1", "ak-2", "ak-3", "7"], []),
    ({"passwords": ["pw-1"], "tokens": {"a": "tk-1"}}, ["pw-1", "tk-1"], []),
    ({"h": [{"Name": "Authorization", "Value": "Bearer tok-4"}]}, ["tok-4"], ["Authorization"]),
    ({"h": [{"KEY": "X-Api-Key", "VALUE": "xk-3"}]}, ["xk-3"], ["X-Api-Key"]),
    ({"h": [["Authorization", "Bearer tok-5"], ["Accept", "text/csv"]]}, ["tok-5"], ["text/csv"]),
    ({"login": ["password", "pw-2"]}, ["pw-2"], ["password"]),
    ({"h": ["Authorization: Bearer tok-6", "Accept: text/csv"]}, ["tok-6"], ["Accept: text/csv"]),
    # Inside strings: tokens, headers and JSON within a text, spaced pairs, options, DSNs.
    ({"repo": "https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/o/r.git"},
     ["ghp_16C7e42F292c6912E7710c838347Ae178B4a"], ["github.com/o/r.git"]),
    ({"note": "sent Bearer eyJhbGciOiJIUzI1NiJ9.e30.s-1 to the API"},
     ["eyJhbGciOiJIUzI1NiJ9.e30.s-1"], ["to the API"]),
    ({"note": "login with basic dXNlcjpwYXNz, then"}, ["dXNlcjpwYXNz"], ["then"]),
    ({"cmd": "curl -H 'X-Api-Key: xk-4' https://api.example.com/v1"},
     ["xk-4"], ["https://api.example.com/v1"]),
    ({"log": 'body={"password": "pw-3", "user": "bob"} sent'}, ["pw-3"], ["bob", "sent"]),
    ({"dsn": "Server=db;PASSWORD = pw-4;Port=1433"}, ["pw-4"], ["Server=db", "Port=1433"]),
    ({"cmd": "tool --password 'pw 5' --api-key=ak-5 -v"}, ["pw 5", "ak-5"], ["-v"]),
    ({"dsn": "admin:pw-6@db.example.com:5432/shop"}, ["pw-6"], ["admin", "db.example.com"]),
    # Python's dict text, curl's user:password.
    ({"log": "sent {'password': 'pw-7', 'user': 'bob'}"}, ["pw-7"], ["'password'", "bob"]),
    ({"log": "{'api_key': \"ak-6\", 'label': 'Snapchat'}"}, ["ak-6"], ["'api_key'", "Snapchat"]),
    ({"cmd": "curl -u bob:pw-8 https://api.example.com"}, ["pw-8"], ["bob", "api.example.com"]),
    ({"cmd": "curl -s \\\n  --user 'bob:pw 9' -U px:pw-10 https://h"},
     ["pw 9", "pw-10"], ["bob", "px"]),
    # Look-alikes: prose, labels, ids, user names, comparisons, empty values.
    ({"note": "The token bucket refills at 5/s; password policy = strict"}, [], ["5/s", "strict"]),
    ({"label": "Snapchat Insights", "description": "Basic plan, Token bucket"},
     [], ["Insights", "plan"]),
    ({"id": "64f0c2a1b2c3d4e5f6a7b8c9", "passwordPolicy": "strict", "tokenBucket": {"size": 5}},
     [], ["64f0c2a1b2c3d4e5f6a7b8c9", "strict"]),
    ({"repo": "https://git@github.com/o", "mail": "mailto:someone@example.com"},
     [], ["git", "someone"]),
    ({"check": "if token == expected", "flags": "--token-file", "cols": ["id", "password"]},
     [], ["expected"]),
    ({"apiKeys": [], "passwords": [""], "p": ["pin", None],
      "h": [{"Name": "Accept", "Value": "text/csv"}]}, [], ["text/csv"]),
    ({"log": "{'label': 'Snapchat', 'tokenUrl': 'https://h/t'}", "note": "the 'password': field"},
     [], ["Snapchat", "https://h/t"]),
    ({"cmd": "curl -u bob --user-agent 'ua:1' https://h", "run": "docker run -u 1000:1000 img",
      "note": "curl: pass -u when asked, see --user docs"},
     [], ["bob", "ua:1", "1000:1000", "docs"]),
]  # fmt: skip


@pytest.mark.parametrize(("config", "secrets", "kept"), CREDENTIAL_EXAMPLES)
def test_the_credential_rules_agree_on_examples(
    config: Any, secrets: list[str], kept: list[str]
) -> None:
    parts = [str(part) for part in redaction.credential_parts(config)]
    assert redaction.holds_credentials(config) is bool(secrets)
    assert set(secrets) <= set(parts)
    assert not [value for value in kept if any(value in part for part in parts)]
    journal = emulator_redaction.redact(config)
    shown = json.dumps(journal, ensure_ascii=False)
    assert (journal != config) is bool(secrets)
    assert not [piece for secret in secrets for piece in secret.split() if piece in shown]
    assert not [value for value in kept if value not in shown]


# Text made of the pieces the rules look for (no "*": a masked value would read as unchanged).
MARKS = st.sampled_from(
    ["=", ":", " ", "\n", "://", "@", "&", ";", "/", "?", "'", '"', "--", " = ", "==", "Bearer ",
     "mailto", "tOk3nValue", "{", "[", "curl ", "-u", " --user ", "\\", "\\\n"]
)  # fmt: skip
JSON_MARKS = st.sampled_from(
    ["{", "}", "[", "]", ",", ":", '"password"', '"a"', '"x=1"', '"Name"', '"Value"', "x="]
)
TEXT = st.lists(KEY_WORDS | MARKS, max_size=10) | st.lists(JSON_MARKS, max_size=8)
CONFIGS = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT.map("".join),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.lists(KEY_WORDS, min_size=1, max_size=2).map("".join)
            | st.sampled_from(
                ["name", "key", "field", "header", "value", "content", "Name", "VALUE"]
            ),
            children,
            max_size=3,
        )
    ),
    max_leaves=8,
)


@settings(max_examples=3000, deadline=None)
@given(CONFIGS)
@example("x://u:p@ss w@h")
@example('["token=x"]')
@example(["Authorization", "Bearer x"])
@example('x={"Name": "pin", "Value": 1}')
@example("Bearer tOk3nValue")
@example("{'password': 'a\\'b'}")
@example("curl -u 'u:p w' --user u -U :x")
def test_the_credential_rules_agree_on_generated_configs(config: Any) -> None:
    """The provider finds a credential exactly where the emulator's journal hides one."""
    assert redaction.holds_credentials(config) == (emulator_redaction.redact(config) != config)
