"""Which values are secret, and how they are hidden: the one place.

A Service's config is all secret (the journal masks every value of it, answers never carry
it). Elsewhere a value is secret when its key is secret-like (`is_secret_key`), and inside
strings the password of a URL, secret-like query parameters and `Authorization:`-like headers.
"""

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
# keys whose value names another entry's key, as in headers written `{"name", "value"}`
_NAME_KEYS = ("name", "key", "header")
_URL_PASSWORD = re.compile(r"(://[^/?#@\s:]*):[^/?#@\s]*@")
_QUERY_PARAMETER = re.compile(r"([?&;])([^=&#\s]+)=([^&#\s]*)")
_HEADER = re.compile(r"\s*([A-Za-z0-9_-]+)\s*:\s*\S.*", re.DOTALL)


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
    keys (and of `{"name": <secret-like>, "value": ...}` pairs), and secrets inside strings."""
    if isinstance(value, dict):
        named = any(isinstance(value.get(k), str) and is_secret_key(value[k]) for k in _NAME_KEYS)
        return {
            key: REDACTED if is_secret_key(key) or (named and key == "value") else redact(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [redact(item) for item in value]
    if isinstance(value, str):
        return redact_text(value)
    return value


def redact_text(text: str) -> str:
    """`text` without the password of a URL (`https://user:***@host`), the values of
    secret-like query parameters (`?api_key=***`) and of a secret-like header line
    (`Authorization: ***`)."""
    header = _HEADER.fullmatch(text)
    if header is not None and is_secret_key(header.group(1)):
        return f"{header.group(1)}: {REDACTED}"
    text = _URL_PASSWORD.sub(rf"\1:{REDACTED}@", text)
    return _QUERY_PARAMETER.sub(
        lambda m: f"{m[1]}{m[2]}={REDACTED}" if is_secret_key(m[2]) else m[0], text
    )


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
