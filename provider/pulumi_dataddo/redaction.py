"""Which values are secret and how they are kept out of messages: the one place.

Two rules live here. `is_secret_key` / `holds_credentials` decide which config values are
credentials (a Source's config is stored as a secret when it holds one). `remember` / `redact`
keep every secret value this process has seen out of every message that leaves it. The
emulator's journal applies the same rules (tests/agreement proves it).

A key names a credential (case-insensitive) when it ends in "key" (`apiKey`, `x-api-key`),
contains a credential word (`clientSecret`, `sshPassword`, `accessToken`, `Authorization`,
`signature`, `privateKey`), or its last word is a short credential name (`auth`, `sig`, `sas`,
`jwt`, `pat`, `pass`, `pin`, `otp`, ...: `basic_auth`, `X-Auth`, but not `author`,
`authority`, `oAuthId`, `pinned`). Unless its last word only describes a credential: a
`tokenUrl`, an `auth_type` or a `signature_version` holds none.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlsplit

MASK = "***"
# Shorter values are not redacted: masking "1" or "day" everywhere would garble messages
# without protecting anything worth protecting.
MIN_SECRET_LENGTH = 4
# Parts of a key (case-insensitive) that name a credential wherever they appear.
_SECRET_KEY_PARTS = (
    "secret",
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "token",
    "statickey",
    "authorization",
    "credential",
    "cookie",
    "signature",
    "private",
)
# Short names of credentials, counted only as a key's last word: as parts they would catch
# `author`, `pinned`, `path`.
_SECRET_NAMES = frozenset(
    {"auth", "bearer", "hmac", "jwt", "otp", "pass", "pat", "pin", "psk", "sas", "sig", "totp"}
)
# Last words of keys that describe a credential without holding one (`tokenUrl`, `auth_type`).
_DESCRIPTIVE = frozenset(
    {"algorithm", "endpoint", "expiration", "expires", "expiry", "format", "method", "mode"}
    | {"scheme", "type", "uri", "url", "version"}
)
# A key's words: `XApiKey` -> X, Api, Key; `client_secret` -> client, secret.
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
# Header-like pairs (`[{"name": "Authorization", "value": "..."}]`): the keys that hold the
# header's name, and those that hold its value.
_PAIR_NAMES = ("name", "key", "header", "field")
_PAIR_VALUES = ("value", "content")
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s\"']+")

_known: set[str] = set()
_lock = threading.Lock()


def is_secret_key(name: str) -> bool:
    """Whether a key names a credential (`clientSecret`, `password`, `apiKey`, `basic_auth`)."""
    words = [word.lower() for word in _WORD.findall(name)]
    if not words or (len(words) > 1 and words[-1] in _DESCRIPTIVE):
        return False
    lowered = name.lower()
    return (
        lowered.endswith("key")
        or words[-1] in _SECRET_NAMES
        or any(part in lowered for part in _SECRET_KEY_PARTS)
    )


def holds_credentials(value: Any) -> bool:
    """Whether a config holds a credential anywhere: under a credential-like key (at any depth),
    as a `{name: Authorization, value: ...}` pair, or in a URL (userinfo, or a credential-like
    query parameter such as `api_key=`)."""
    if isinstance(value, Mapping):
        if _is_secret_pair(value):
            return True
        return any(
            (isinstance(k, str) and is_secret_key(k) and v not in (None, ""))
            or holds_credentials(v)
            for k, v in value.items()
        )
    if isinstance(value, list | tuple):
        return any(holds_credentials(item) for item in value)
    if isinstance(value, str):
        return any(_url_has_credentials(url) for url in _URL.findall(value))
    return False


def _is_secret_pair(pair: Mapping[Any, Any]) -> bool:
    names = [pair[k] for k in _PAIR_NAMES if isinstance(pair.get(k), str)]
    has_value = any(pair.get(k) not in (None, "") for k in _PAIR_VALUES)
    return has_value and any(is_secret_key(name) for name in names)


def _url_has_credentials(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    if parts.password:
        return True
    return any(is_secret_key(k) and v for k, v in parse_qsl(parts.query, keep_blank_values=True))


def remember(*values: object) -> None:
    """Register secret values so that `redact` masks them from now on in this process."""
    with _lock:
        for value in values:
            if isinstance(value, str) and len(value) >= MIN_SECRET_LENGTH:
                _known.add(value)


def remember_all(value: Any) -> None:
    """Register every string inside a secret value (a Service's or a secret Source's config)."""
    if isinstance(value, Mapping):
        for item in value.values():
            remember_all(item)
    elif isinstance(value, list | tuple):
        for item in value:
            remember_all(item)
    else:
        remember(value)


def redact(text: str, extra: Iterable[str] = ()) -> str:
    """`text` with every known secret value (and `extra` ones) replaced by `***`."""
    with _lock:
        values = _known | {v for v in extra if len(v) >= MIN_SECRET_LENGTH}
    # Longest first, so that a secret containing another one is masked whole.
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, MASK)
    return text
