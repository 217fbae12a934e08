"""Which values are secret, and how they are hidden: the one place.

A Service's config is all secret (the journal masks every value of it, answers never carry
it). Elsewhere the provider's rules apply (their list: pulumi_dataddo.redaction's docstring):
the values of secret-like keys (`apiKeys`, `api_key_2` too), of `{"Name": <secret-like>,
"value": ...}` pairs (keys in any case) and of `[<secret-like>, <value>]` lists, and inside
strings the values of secret-like headers, `name=value` pairs, options (`--password x`) and
pairs of Python's dict text (`{'api_key': "abc"}`), tokens (`... Bearer <token>`,
`https://<token>@host`), a URL's password (`user:pw@host` too), a curl command's password
(`curl -u user:pw`), and the secrets of JSON text (whole or after a prefix). Answers (a
source's metadata) leave out what the journal hides.
"""

import json
import re
from collections.abc import Iterator
from typing import Any

REDACTED = "***"
# The provider's rules (pulumi_dataddo.redaction; tests/agreement proves the two agree).
_SECRET_WORDS = (
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
# short names, secret only as a key's last word (`basic_auth`, not `author`)
_SECRET_NAMES = frozenset(
    {"auth", "bearer", "hmac", "jwt", "otp", "pass", "pat", "pin", "psk", "sas", "sig", "totp"}
)
# last words that describe a credential without holding one (`tokenUrl`, `auth_type`,
# `passwordPolicy`), or name something else (`tokenBucket`, a rate limit)
_DESCRIPTIVE = frozenset(
    {"algorithm", "bucket", "endpoint", "expiration", "expires", "expiry", "format", "method"}
    | {"mode", "policy", "scheme", "type", "uri", "url", "version"}
)
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
# `{"name": "Authorization", "value": "..."}` (keys in any case): the keys that hold a pair's
# name, and its value
_PAIR_NAMES = ("name", "field", "key", "header")
_PAIR_VALUES = ("value", "content")
# a secret's name heading a list `[<name>, <value>]`: words, not a text (a header line)
_LISTED_NAME = re.compile(r"[\w.-]+(?: [\w.-]+)*")
# Rules naming what they hold: the first group is kept (the second one is the name), the last
# one masked. A header line (to the line's end) and a header within a text (an optional scheme
# and one word), a `name=value` pair (spaces around "=", not "=="), an option (`--password x`),
# a pair of Python's dict text, which is no JSON (`{'api_key': "abc"}`: a single-quoted key, a
# value in either quote, where a backslash escapes one: `'it\'s "x"'`).
_HEADER = re.compile(r"^([ \t]*([\w-]+)[ \t]*:[ \t]*)(\S(?:[^\r\n]*\S)?)", re.MULTILINE)
_INLINE_HEADER = re.compile(
    r"((?<![\w-])([\w-]+)[ \t]*:[ \t]*)((?:(?i:basic|bearer|token)[ \t]+)?[^\s'\"`,;()<>\[\]{}]+)"
)
_KEY_VALUE = re.compile(r"((?<![\w.-])([\w.-]+)[ \t]*=(?!=)[ \t]*)('[^']+'|\"[^\"]+\"|[^\s&;'\"]+)")
_OPTION = re.compile(
    r"((?<![^\s'\"])--?([A-Za-z][\w-]*)[ \t]+)('[^']+'|\"[^\"]+\"|[^\s'\"-][^\s'\"]*)"
)
_REPR_PAIR = re.compile(
    r"('([\w.-]+)'[ \t]*:[ \t]*)('(?:[^'\\\r\n]|\\.)+'|\"(?:[^\"\\\r\n]|\\.)+\")"
)
# Rules whose value counts when it looks like a token (the first group kept, the second one
# masked): token68 after an authorization scheme anywhere, a URL's user name with no password.
_AUTH_SCHEME = re.compile(r"((?<![\w-])(?i:basic|bearer|token)[ \t]+)([A-Za-z0-9_\-.~+/]+=*)")
_URL_TOKEN = re.compile(r"(://)([^\s@/?#:]+)(?=:?@)")
# a token: 8 characters or more, holding a digit or a small letter before a capital
_TOKEN_MIN_LENGTH = 8
_TOKEN_MARK = re.compile(r"[0-9]|[a-z][A-Z]")
# a URL's password (to the line's last "@": it may hold any character, "@" too), and one with
# no scheme (`user:pw@host`, to the first "@"; not `mailto:someone@host`)
_PASSWORD = re.compile(r"(://[^\s@/?#:]*:)(?=\S*@)([^\r\n]*)(?=@)")
_USERINFO = re.compile(
    r"((?<![\w.%+:/@-])(?!(?i:mailto|sips?|xmpp|acct|tel):)[\w.%+-]+:)([^\s@/]+)(?=@)"
)
# a curl command (to the line's end, over `\`-continued lines) and its `user:password` options
# (the first group kept); only in curl: other commands' `-u` is none (`docker -u 1000:1000`)
_CURL = re.compile(r"(?<![\w-])curl(?![\w-])(?:\\\r?\n|[^\r\n])*")
_CURL_USER = re.compile(
    r"((?<![^\s'\"])(?:-[uU][ \t]*|--(?:proxy-)?user[ \t]+))('[^']+'|\"[^\"]+\"|[^\s'\"-][^\s'\"]*)"
)
# where JSON text may start inside a string: an object or an array
_JSON_START = re.compile(r"[\[{]")
_DECODER = json.JSONDecoder()


def is_secret_key(name: str) -> bool:
    """Whether a key names a credential: `clientSecret`, `password`, `accessToken`, `apiKey`,
    `apiKeys`, `basic_auth`, ... but not `tokenUrl` or `auth_type` (which describe one)."""
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
        or any(word in lowered for word in _SECRET_WORDS)
    )


def mask(value: Any) -> Any:
    """A copy of a JSON value with every leaf replaced by "***" (a Service's config)."""
    if isinstance(value, dict):
        return {key: mask(item) for key, item in value.items()}
    if isinstance(value, list):
        return [mask(item) for item in value]
    return REDACTED


def redact(value: Any) -> Any:
    """A copy of a JSON value with its secrets replaced by "***": the values of secret-like
    keys and pairs (null, "" and booleans hide nothing), and secrets inside strings."""
    if isinstance(value, dict):
        names = _pair_names(value)
        return {
            key: _hidden(item) if _holds_secret(key, names) else redact(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        if _is_listed_pair(value):
            return [redact(value[0]), _hidden(value[1])]
        return [redact(item) for item in value]
    if isinstance(value, str):
        return redact_text(value)
    return value


def redact_text(text: str) -> str:
    """`text` without the values of secret-like headers (`Authorization: ***`), `name=value`
    pairs (`?api_key=***`), options (`--password ***`) and Python's dict pairs
    (`{'token': ***}`), tokens (`Bearer ***`, `https://***@host`), a URL's password
    (`https://user:***@host`), a curl command's (`curl -u user:***`), and the secrets of JSON
    text."""
    text = _redact_json(text)
    for pattern in (_HEADER, _INLINE_HEADER, _KEY_VALUE, _OPTION, _REPR_PAIR):
        text = pattern.sub(_masked_if_secret, text)
    for pattern in (_AUTH_SCHEME, _URL_TOKEN):
        text = pattern.sub(_masked_if_token, text)
    text = _PASSWORD.sub(lambda m: f"{m[1]}{REDACTED}" if m[2] else m[0], text)
    text = _USERINFO.sub(lambda m: f"{m[1]}{REDACTED}", text)
    return _CURL.sub(lambda m: _CURL_USER.sub(_masked_login, m[0]), text)


def _masked_if_secret(match: re.Match[str]) -> str:
    return f"{match[1]}{REDACTED}" if is_secret_key(match[2]) else match[0]


def _masked_login(match: re.Match[str]) -> str:
    """A curl option's `user:password` as `user:***` (its quotes dropped), unless it has no
    password (`-u user`, `-u user:`)."""
    login = match[2]
    user, _, password = (login[1:-1] if login[0] in "'\"" else login).partition(":")
    return f"{match[1]}{user}:{REDACTED}" if password else match[0]


def _masked_if_token(match: re.Match[str]) -> str:
    token = match[2]
    looks = len(token) >= _TOKEN_MIN_LENGTH and _TOKEN_MARK.search(token) is not None
    return f"{match[1]}{REDACTED}" if looks else match[0]


def _redact_json(text: str) -> str:
    """`text` with each JSON object or array in it (all of it, or after a prefix: `body={...}`)
    redacted, where it holds a secret."""
    pieces: list[str] = []
    done = 0
    for start, end, parsed in _json_spans(text):
        redacted = redact(parsed)
        if redacted != parsed:
            pieces += [text[done:start], json.dumps(redacted, ensure_ascii=False)]
            done = end
    return "".join(pieces) + text[done:]


def _json_spans(text: str) -> Iterator[tuple[int, int, Any]]:
    """The JSON objects and arrays in a string, each with where it starts and ends."""
    start = 0
    while (found := _JSON_START.search(text, start)) is not None:
        try:
            value, start = _DECODER.raw_decode(text, found.start())
        except (ValueError, RecursionError):
            start = found.start() + 1
        else:
            yield found.start(), start, value


def _pair_names(entry: dict[str, Any]) -> list[str]:
    """The names a `{"name": ..., "value": ...}` pair gives its value (none if not a pair)."""
    if not any(key.lower() in _PAIR_VALUES for key in entry):
        return []
    return [
        item for key, item in entry.items() if key.lower() in _PAIR_NAMES and isinstance(item, str)
    ]


def _holds_secret(key: str, pair_names: list[str]) -> bool:
    if pair_names and key.lower() in _PAIR_NAMES:
        return False  # it names the secret (`"key": "X-Api-Key"`), it is none
    if pair_names and key.lower() in _PAIR_VALUES:
        return any(is_secret_key(name) for name in pair_names)
    return is_secret_key(key)


def _is_listed_pair(items: list[Any]) -> bool:
    """Whether a list is a secret's name and its value (`["Authorization", "Bearer ..."]`)."""
    return (
        len(items) == 2
        and isinstance(items[0], str)
        and _LISTED_NAME.fullmatch(items[0]) is not None
        and is_secret_key(items[0])
    )


def _hidden(value: Any) -> Any:
    """A secret's value as the journal shows it: "***", unless it hides nothing."""
    return redact(value) if _blank(value) else REDACTED


def _blank(value: Any) -> bool:
    """Whether a value hides nothing: null, "", a boolean, or containers of only these."""
    if isinstance(value, dict):
        return all(map(_blank, value.values()))
    if isinstance(value, list):
        return all(map(_blank, value))
    return value is None or value == "" or isinstance(value, bool)


def without_secrets(value: Any) -> Any:
    """A copy of a JSON value for answers: secret-like keys left out, and every other part
    the journal hides (`redact`): a pair's value, a string holding a secret."""
    return _kept(value, redact(value))


def _kept(value: Any, shown: Any) -> Any:
    """`value` less the parts `shown` (its journal copy) hides."""
    if isinstance(value, dict):
        return {
            key: _kept(item, shown[key])
            for key, item in value.items()
            if not is_secret_key(key) and not _hides(item, shown[key])
        }
    if isinstance(value, list):
        return [
            _kept(item, seen)
            for item, seen in zip(value, shown, strict=True)
            if not _hides(item, seen)
        ]
    return value


def _hides(value: Any, shown: Any) -> bool:
    """Whether the journal hides a value whole, or a string in part."""
    return shown == REDACTED != value or (isinstance(value, str) and shown != value)


def redact_service(body: Any) -> Any:
    """A Service request body for the journal: its config (`config`, `data`) entirely masked."""
    if not isinstance(body, dict):
        return mask(body)
    redacted = redact(body)
    return {key: mask(body[key]) if key in ("config", "data") else redacted[key] for key in body}
