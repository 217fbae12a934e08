"""Which values are secret and how they are kept out of messages: the one place.

Two rules live here. `is_secret_key` / `holds_credentials` / `credential_parts` decide which
parts of a config are credentials (a Source's or Destination's config is stored as a secret
when it holds one; `masked` shows a config with them masked). `remember` / `redact` keep every
secret this process has seen out of every message that leaves it. The emulator's journal applies
the same rules (tests/agreement proves it).

A key names a credential (case-insensitive; numbers and a plural `s` aside: `apiKeys`,
`api_key_2`, `tokens`) when it ends in "key" (`apiKey`, `x-api-key`), contains a credential
word (`clientSecret`, `sshPassword`, `accessToken`, `Authorization`, `signature`, `privateKey`),
or its last word is a short credential name (`auth`, `sig`, `sas`, `jwt`, `pat`, `pass`, `pin`,
`otp`, ...: `basic_auth`, `X-Auth`, but not `author`, `authority`, `oAuthId`, `pinned`). Unless
its last word only describes a credential: a `tokenUrl`, an `auth_type`, a `signature_version`
or a `passwordPolicy` holds none.

A config holds a credential where, at any depth:
- a key naming a credential has a value (null, "", booleans and empty containers hold none);
- a pair `{"name" | "field" | "key" | "header": <credential name>, "value" | "content": ...}`
  (its keys in any case: `Name`, `Value`) or a list `[<credential name>, <value>]` has a value
  (its name is no secret, so `{"key": "Accept", "value": ...}` holds none);
- a string holds
  - a header naming a credential: a line `Authorization: Bearer ...` (its value to the line's
    end), or within a text (`-H 'X-Api-Key: abc'`: an optional scheme and one word);
  - a pair `api_key=...` anywhere (query strings, `token=abc;x=1`, `password='a b'`,
    `Password = x`, `--api-key=x`), a command line's option `--password x`, or a pair of
    Python's dict text (`{'api_key': "abc"}`: a quoted key, a quoted value);
  - a token after `Basic`, `Bearer` or `Token` anywhere, or as a URL's user name
    (`https://<token>@host`), when it looks like one (8 characters or more, holding a digit or
    a small letter before a capital: `token bucket`, `git@host` hold none);
  - a URL's password (`scheme://user:<anything>@host`), also without a scheme
    (`user:<password>@host`, not `mailto:someone@host`);
  - a curl command's password (`curl -u user:<password>`, `--user`, `-U`, `--proxy-user`;
    a user alone, `-u user`, holds none; `docker -u 1000:1000` is no curl);
  - JSON text (an object or array, whole or after a prefix: `body={...}`) holding one.
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
# Last words of keys that describe a credential without holding one (`tokenUrl`, `auth_type`,
# `passwordPolicy`), or name something else (`tokenBucket`, a rate limit).
_DESCRIPTIVE = frozenset(
    {"algorithm", "bucket", "endpoint", "expiration", "expires", "expiry", "format", "method"}
    | {"mode", "policy", "scheme", "type", "uri", "url", "version"}
)
# A key's words: `XApiKey` -> X, Api, Key; `client_secret` -> client, secret.
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
# `{"name": "Authorization", "value": "..."}` (keys in any case): the keys that hold a pair's
# name, and its value.
_PAIR_NAMES = ("name", "field", "key", "header")
_PAIR_VALUES = ("value", "content")
# A credential's name heading a list `[<name>, <value>]`: words (`X-Api-Key`, `API key`), not
# a text such as a header line (`["Authorization: Bearer ...", "Accept: */*"]` are two lines).
_LISTED_NAME = re.compile(r"[\w.-]+(?: [\w.-]+)*")
# In strings, rules giving a name and its value. A header line (its value runs to the line's
# end) and a header within a text (`-H 'X-Api-Key: abc'`: an optional scheme and one word).
_HEADER = re.compile(r"^[ \t]*([\w-]+)[ \t]*:[ \t]*(\S(?:[^\r\n]*\S)?)", re.MULTILINE)
_INLINE_HEADER = re.compile(
    r"(?<![\w-])([\w-]+)[ \t]*:[ \t]*((?:(?i:basic|bearer|token)[ \t]+)?[^\s'\"`,;()<>\[\]{}]+)"
)
# A `name=value` pair (spaces around "=", not "=="; the value quoted, or up to a separator),
# and a command line's option with its value (`--password x`; not a next option `-v`).
_KEY_VALUE = re.compile(r"(?<![\w.-])([\w.-]+)[ \t]*=(?!=)[ \t]*('[^']+'|\"[^\"]+\"|[^\s&;'\"]+)")
_OPTION = re.compile(
    r"(?<![^\s'\"])--?([A-Za-z][\w-]*)[ \t]+('[^']+'|\"[^\"]+\"|[^\s'\"-][^\s'\"]*)"
)
# A pair of Python's dict text (`{'api_key': "abc"}`, as `str(dict)` writes it), which is no
# JSON: a single-quoted key, a value in either quote (a backslash escapes one: `'it\'s "x"'`).
_REPR_PAIR = re.compile(r"'([\w.-]+)'[ \t]*:[ \t]*('(?:[^'\\\r\n]|\\.)+'|\"(?:[^\"\\\r\n]|\\.)+\")")
_NAMED = (_HEADER, _INLINE_HEADER, _KEY_VALUE, _OPTION, _REPR_PAIR)
# Rules giving a value with no name: it counts when it looks like a token. RFC 7235's token68
# after an authorization scheme anywhere (`... Bearer eyJ...`), and a URL's user name with no
# password (`https://ghp_...@github.com`).
_AUTH_SCHEME = re.compile(r"(?<![\w-])(?i:basic|bearer|token)[ \t]+([A-Za-z0-9_\-.~+/]+=*)")
_URL_TOKEN = re.compile(r"://([^\s@/?#:]+)(?=:?@)")
_TOKENS = (_AUTH_SCHEME, _URL_TOKEN)
# A token has 8 characters or more and holds a digit or a small letter before a capital
# (`dXNlcjpw`); words of prose (`token bucket`, `Basic Insights`) and user names (`git`) do not.
_TOKEN_MIN_LENGTH = 8
_TOKEN_MARK = re.compile(r"[0-9]|[a-z][A-Z]")
# A URL's password. It may hold any character, "@" too: it certainly runs to the first "@"
# (before any space), and perhaps to the line's last one (more is masked, never less).
_PASSWORD = re.compile(r"://[^\s@/?#:]*:(?=(\S*?)@)(?=([^\r\n]*)@)")
# `user:password@host` with no scheme (a DSN), the password to the first "@"; not an opaque URI
# whose part after the colon is a user (`mailto:someone@host`, `sip:`, `xmpp:`).
_USERINFO = re.compile(r"(?<![\w.%+:/@-])(?!(?i:mailto|sips?|xmpp|acct|tel):)[\w.%+-]+:([^\s@/]+)@")
# A curl command (to the line's end, over `\`-continued lines) and its `user:password` options:
# only in curl, since other commands' `-u` is no credential (`docker run -u 1000:1000`).
_CURL = re.compile(r"(?<![\w-])curl(?![\w-])(?:\\\r?\n|[^\r\n])*")
_CURL_USER = re.compile(
    r"(?<![^\s'\"])(?:-[uU][ \t]*|--(?:proxy-)?user[ \t]+)('[^']+'|\"[^\"]+\"|[^\s'\"-][^\s'\"]*)"
)
# Where JSON text may start inside a string: an object or an array.
_JSON_START = re.compile(r"[\[{]")
_DECODER = json.JSONDecoder()

_known: set[str] = set()
_lock = threading.Lock()


def is_secret_key(name: str) -> bool:
    """Whether a key names a credential (`clientSecret`, `password`, `apiKeys`, `basic_auth`)."""
    words = [word.lower() for word in _WORD.findall(name) if not word.isdigit()]
    if not words:
        return False
    last = {words[-1], words[-1].removesuffix("s")}  # `keys` is `key`; `pass` stays
    if len(words) > 1 and last & _DESCRIPTIVE:
        return False
    lowered = name.lower()
    return (
        any(word.endswith("key") for word in last)
        or bool(last & _SECRET_NAMES)
        or any(part in lowered for part in _SECRET_KEY_PARTS)
    )


def holds_credentials(value: Any) -> bool:
    """Whether a config holds a credential anywhere (by the rules above)."""
    return any(True for _ in credential_parts(value))


def credential_parts(value: Any) -> Iterator[object]:
    """The credentials inside a config: every value under a credential's name (the token of
    `Bearer <token>` too), and inside strings the value of a header or `name=value` pair, a
    token, a URL's or curl command's password, and the credentials of JSON text."""
    if isinstance(value, Mapping):
        names = _pair_names(value)
        for key, item in value.items():
            if _holds_secret(key, names):
                yield from _secret_values(item)
            else:
                yield from credential_parts(item)
    elif isinstance(value, list | tuple):
        if _is_listed_pair(value):
            yield from credential_parts(value[0])
            yield from _secret_values(value[1])
        else:
            for item in value:
                yield from credential_parts(item)
    elif isinstance(value, str):
        yield from _text_parts(value)


def masked(value: Any) -> Any:
    """A copy of a config fit to show (an imported Source's): each credential inside
    (`credential_parts`) replaced by `***`, whole, or in a string wherever it is spelled."""
    return _masked(value, {str(part) for part in credential_parts(value)})


def _masked(value: Any, secrets: set[str]) -> Any:
    if isinstance(value, Mapping):
        return {key: _masked(item, secrets) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(item, secrets) for item in value]
    if value is None or isinstance(value, bool):
        return value
    if str(value) in secrets:
        return MASK
    if isinstance(value, str):
        parts = {spelling for part in _text_parts(value) for spelling in _escaped(str(part))}
        return _replaced(value, parts)
    return value


def _pair_names(mapping: Mapping[Any, Any]) -> list[str]:
    """The names a `{"name": ..., "value": ...}` pair gives its value (none if not a pair)."""
    if not any(_folded(key) in _PAIR_VALUES for key in mapping):
        return []
    return [
        item
        for key, item in mapping.items()
        if _folded(key) in _PAIR_NAMES and isinstance(item, str)
    ]


def _holds_secret(key: object, pair_names: list[str]) -> bool:
    if pair_names and _folded(key) in _PAIR_NAMES:
        return False  # it names the credential (`"key": "X-Api-Key"`), it is none
    if pair_names and _folded(key) in _PAIR_VALUES:
        return any(is_secret_key(name) for name in pair_names)
    return isinstance(key, str) and is_secret_key(key)


def _folded(key: object) -> object:
    return key.lower() if isinstance(key, str) else key


def _is_listed_pair(items: list[Any] | tuple[Any, ...]) -> bool:
    """Whether a list is a credential's name and its value (`["Authorization", "Bearer ..."]`)."""
    return (
        len(items) == 2
        and isinstance(items[0], str)
        and _LISTED_NAME.fullmatch(items[0]) is not None
        and is_secret_key(items[0])
    )


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
    """The credentials inside a string (by the string rules above, and of its JSON text)."""
    for parsed in _json_values(text):
        yield from credential_parts(parsed)
    for pattern in _NAMED:
        for name, value in pattern.findall(text):
            if is_secret_key(name):
                yield from _secret_values(_unquoted(value))
    for pattern in _TOKENS:
        yield from filter(_looks_like_token, pattern.findall(text))
    for passwords in _PASSWORD.findall(text):
        yield from (password for password in passwords if password)
    yield from _USERINFO.findall(text)
    for command in _CURL.findall(text):
        for login in _CURL_USER.findall(command):
            password = _unquoted(login).partition(":")[2]  # the user, before the first ":"
            if password:
                yield password


def _unquoted(value: str) -> str:
    """A value without the quotes around it (`'a b'` -> `a b`)."""
    quoted = len(value) > 2 and value[0] == value[-1] and value[0] in "'\""
    return value[1:-1] if quoted else value


def _looks_like_token(text: str) -> bool:
    return len(text) >= _TOKEN_MIN_LENGTH and _TOKEN_MARK.search(text) is not None


def _json_values(text: str) -> Iterator[Any]:
    """The JSON objects and arrays in a string: all of it, or after a prefix (`body={...}`)."""
    start = 0
    while (found := _JSON_START.search(text, start)) is not None:
        try:
            value, start = _DECODER.raw_decode(text, found.start())
        except (ValueError, RecursionError):
            start = found.start() + 1
        else:
            yield value


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
    return _replaced(text, values)


def _replaced(text: str, values: Iterable[str]) -> str:
    """`text` with each of `values` replaced by `***`: longest first, so that a secret
    containing another one is masked whole."""
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, MASK)
    return text


def _spellings(value: object) -> set[str]:
    """A secret as messages may spell it (`_escaped`), unless too short to be worth masking."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or len(value) < MIN_SECRET_LENGTH:
        return set()
    return _escaped(value)


def _escaped(value: str) -> set[str]:
    """A text as it may be spelled: as is, escaped in JSON or Python text, or in a URL."""
    escaped = (json.dumps(value)[1:-1], json.dumps(value, ensure_ascii=False)[1:-1])
    return {value, *escaped, repr(value)[1:-1], quote(value, safe=""), quote_plus(value)}
