"""Which values are secret and how they are kept out of messages: the one place.

Two rules live here. `is_secret_key` / `holds_credentials` / `credential_parts` decide which
parts of a config are credentials (a Source's or Destination's config is stored as a secret
when it holds one). `remember` / `redact` keep every secret this process has seen out of every
message that leaves it. The emulator's journal applies the same rules (tests/agreement proves
it).

A key names a credential (case-insensitive) when it ends in "key" (`apiKey`, `x-api-key`),
contains a credential word (`clientSecret`, `sshPassword`, `accessToken`, `Authorization`,
`signature`, `privateKey`), or its last word is a short credential name (`auth`, `sig`, `sas`,
`jwt`, `pat`, `pass`, `pin`, `otp`, ...: `basic_auth`, `X-Auth`, but not `author`,
`authority`, `oAuthId`, `pinned`). Unless its last word only describes a credential: a
`tokenUrl`, an `auth_type` or a `signature_version` holds none.

A config holds a credential where, at any depth:
- a key naming a credential has a value (null, "", booleans and empty containers hold none);
- a pair `{"name" | "field" | "key" | "header": <credential name>, "value" | "content": ...}`
  has a value (its name is no secret, so `{"key": "Accept", "value": ...}` holds none);
- a string holds a header line naming a credential (`Authorization: Bearer ...`), a pair
  `api_key=...` anywhere (query strings, `token=abc;x=1`, `password='a b'`), a URL's password
  (`scheme://user:<anything>@host`), or is JSON text (an object or array) holding one.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import quote, quote_plus

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
# `{"name": "Authorization", "value": "..."}`: the keys that hold a pair's name, and its value.
_PAIR_NAMES = ("name", "field", "key", "header")
_PAIR_VALUES = ("value", "content")
# In strings: a header line, a `name=value` pair (quoted, or up to a separator), and a URL's
# password. A password may hold any character, "@" too: it certainly runs to the first "@"
# (before any space), and perhaps to the line's last one (more is masked, never less).
_HEADER = re.compile(r"^[ \t]*([\w-]+)[ \t]*:[ \t]*(\S(?:[^\r\n]*\S)?)", re.MULTILINE)
_KEY_VALUE = re.compile(r"(?<![\w.-])([\w.-]+)=('[^']+'|\"[^\"]+\"|[^\s&;'\"]+)")
_PASSWORD = re.compile(r"://[^\s@/?#:]*:(?=(\S*?)@)(?=([^\r\n]*)@)")
_AUTH_SCHEME = re.compile(r"(?:basic|bearer|token)\s+(\S+)", re.IGNORECASE)

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
    """Whether a config holds a credential anywhere (by the rules above)."""
    return any(True for _ in credential_parts(value))


def credential_parts(value: Any) -> Iterator[object]:
    """The credentials inside a config: every value under a credential's name (the token of
    `Bearer <token>` too), and inside strings the value of a header line or `name=value` pair,
    a URL's password, and the credentials of JSON text."""
    if isinstance(value, Mapping):
        names = _pair_names(value)
        for key, item in value.items():
            if _holds_secret(key, names):
                yield from _secret_values(item)
            else:
                yield from credential_parts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from credential_parts(item)
    elif isinstance(value, str):
        yield from _text_parts(value)


def _pair_names(mapping: Mapping[Any, Any]) -> list[str]:
    """The names a `{"name": ..., "value": ...}` pair gives its value (none if not a pair)."""
    if not any(key in mapping for key in _PAIR_VALUES):
        return []
    return [mapping[key] for key in _PAIR_NAMES if isinstance(mapping.get(key), str)]


def _holds_secret(key: object, pair_names: list[str]) -> bool:
    if pair_names and key in _PAIR_NAMES:
        return False  # it names the credential (`"key": "X-Api-Key"`), it is none
    if pair_names and key in _PAIR_VALUES:
        return any(is_secret_key(name) for name in pair_names)
    return isinstance(key, str) and is_secret_key(key)


def _secret_values(value: Any) -> Iterator[object]:
    """Every leaf of a value held under a credential's name; null, "" and booleans hold none."""
    for leaf in _leaves(value):
        if leaf is None or leaf == "" or isinstance(leaf, bool):
            continue
        yield leaf
        if isinstance(leaf, str):
            scheme = _AUTH_SCHEME.fullmatch(leaf)
            if scheme is not None:
                yield scheme[1]
            yield from _text_parts(leaf)


def _text_parts(text: str) -> Iterator[object]:
    """The credentials inside a string (by the string rules above, or as JSON text)."""
    parsed = _json(text)
    if parsed is not None:
        yield from credential_parts(parsed)
        return
    for name, value in _HEADER.findall(text):
        if is_secret_key(name):
            yield from _secret_values(value)
    for name, value in _KEY_VALUE.findall(text):
        if is_secret_key(name):
            yield from _secret_values(value[1:-1] if value[:1] in ("'", '"') else value)
    for passwords in _PASSWORD.findall(text):
        yield from (password for password in passwords if password)


def _json(text: str) -> Any:
    """The object or array a string holds as JSON text, else None."""
    if text.lstrip()[:1] not in ("{", "["):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _leaves(value: Any) -> Iterator[Any]:
    if isinstance(value, Mapping | list | tuple):
        for item in value.values() if isinstance(value, Mapping) else value:
            yield from _leaves(item)
    else:
        yield value


def remember(*values: object) -> None:
    """Register secret values (strings, and numbers as written) so that `redact` masks them
    from now on in this process."""
    with _lock:
        for value in values:
            _known.update(_spellings(value))


def remember_credentials(config: Any) -> None:
    """Register the credentials inside a Source's or Destination's config (`credential_parts`),
    not its harmless values: messages still name its tables and hosts."""
    remember(*credential_parts(config))


def remember_all(value: Any) -> None:
    """Register every string inside a value that is all secret (a Service's config), and the
    credentials inside them (a URL's password may appear alone)."""
    strings = (leaf for leaf in _leaves(value) if isinstance(leaf, str))
    remember(*strings, *credential_parts(value))


def redact(text: str, extra: Iterable[str] = ()) -> str:
    """`text` with every known secret value (and `extra` ones) replaced by `***`, wherever
    they appear, also escaped as in JSON or Python text or percent-encoded."""
    with _lock:
        values = _known.union(*map(_spellings, extra))
    # Longest first, so that a secret containing another one is masked whole.
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, MASK)
    return text


def _spellings(value: object) -> set[str]:
    """A secret as messages may spell it: as is, escaped in JSON or Python text, or in a URL."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or len(value) < MIN_SECRET_LENGTH:
        return set()
    escaped = (json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1])
    return {value, *escaped, repr(value)[1:-1], quote(value, safe=""), quote_plus(value)}
