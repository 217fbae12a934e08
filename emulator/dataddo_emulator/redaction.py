"""Which values are secret, and how they are hidden: the one place.

A Service's config is all secret (the journal masks every value of it, answers never carry
it). Elsewhere the provider's rules apply (their list: pulumi_dataddo.redaction's docstring):
the values of secret-like keys and of `{"name": <secret-like>, "value": ...}` pairs, and inside
strings the values of secret-like header lines and `name=value` pairs, a URL's password, and
the secrets of JSON text.
"""

import json
import re
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
# last words that describe a credential without holding one (`tokenUrl`, `auth_type`)
_DESCRIPTIVE = frozenset(
    {"algorithm", "endpoint", "expiration", "expires", "expiry", "format", "method", "mode"}
    | {"scheme", "type", "uri", "url", "version"}
)
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
# `{"name": "Authorization", "value": "..."}`: the keys that hold a pair's name, and its value
_PAIR_NAMES = ("name", "field", "key", "header")
_PAIR_VALUES = ("value", "content")
# a header line, a `name=value` pair, a URL's password (to the line's last "@": it may hold any
# character, "@" too); the first group is kept, the last one masked
_HEADER = re.compile(r"^([ \t]*([\w-]+)[ \t]*:[ \t]*)(\S(?:[^\r\n]*\S)?)", re.MULTILINE)
_KEY_VALUE = re.compile(r"(?<![\w.-])(([\w.-]+)=)('[^']+'|\"[^\"]+\"|[^\s&;'\"]+)")
_PASSWORD = re.compile(r"(://[^\s@/?#:]*:)(?=\S*@)([^\r\n]*)(?=@)")


def is_secret_key(name: str) -> bool:
    """Whether a key names a credential: `clientSecret`, `password`, `accessToken`, `apiKey`,
    `basic_auth`, ... but not `tokenUrl` or `auth_type` (which describe one)."""
    words = [word.lower() for word in _WORD.findall(name)]
    if not words or (len(words) > 1 and words[-1] in _DESCRIPTIVE):
        return False
    lowered = name.lower()
    return (
        lowered.endswith("key")
        or words[-1] in _SECRET_NAMES
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
            key: REDACTED if _holds_secret(key, names) and not _blank(item) else redact(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact(item) for item in value]
    if isinstance(value, str):
        return redact_text(value)
    return value


def redact_text(text: str) -> str:
    """`text` without the values of secret-like header lines (`Authorization: ***`) and
    `name=value` pairs (`?api_key=***`), a URL's password (`https://user:***@host`), and the
    secrets of JSON text."""
    parsed = _json(text)
    if parsed is not None:
        redacted = redact(parsed)
        return text if redacted == parsed else json.dumps(redacted, ensure_ascii=False)
    for pattern in (_HEADER, _KEY_VALUE):
        text = pattern.sub(_masked_if_secret, text)
    return _PASSWORD.sub(lambda m: f"{m[1]}{REDACTED}" if m[2] else m[0], text)


def _masked_if_secret(match: re.Match[str]) -> str:
    return f"{match[1]}{REDACTED}" if is_secret_key(match[2]) else match[0]


def _pair_names(entry: dict[str, Any]) -> list[str]:
    """The names a `{"name": ..., "value": ...}` pair gives its value (none if not a pair)."""
    if not any(key in entry for key in _PAIR_VALUES):
        return []
    return [entry[key] for key in _PAIR_NAMES if isinstance(entry.get(key), str)]


def _holds_secret(key: str, pair_names: list[str]) -> bool:
    if pair_names and key in _PAIR_NAMES:
        return False  # it names the secret (`"key": "X-Api-Key"`), it is none
    if pair_names and key in _PAIR_VALUES:
        return any(is_secret_key(name) for name in pair_names)
    return is_secret_key(key)


def _blank(value: Any) -> bool:
    """Whether a value hides nothing: null, "", a boolean, or containers of only these."""
    if isinstance(value, dict):
        return all(map(_blank, value.values()))
    if isinstance(value, list):
        return all(map(_blank, value))
    return value is None or value == "" or isinstance(value, bool)


def _json(text: str) -> Any:
    """The object or array a string holds as JSON text, else None."""
    if text.lstrip()[:1] not in ("{", "["):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def without_secrets(value: Any) -> Any:
    """A copy of a JSON value with every secret-like key left out (for answers)."""
    if isinstance(value, dict):
        return {k: without_secrets(v) for k, v in value.items() if not is_secret_key(k)}
    if isinstance(value, list):
        return [without_secrets(item) for item in value]
    return value


def redact_service(body: Any) -> Any:
    """A Service request body for the journal: its config (`config`, `data`) entirely masked."""
    if not isinstance(body, dict):
        return mask(body)
    redacted = redact(body)
    return {key: mask(body[key]) if key in ("config", "data") else redacted[key] for key in body}
