"""Values as a review may show them: secrets masked, unknowns named. The one place that decides.

Masked: what the plan shows as secret (`pulumi preview --json` prints every secret as the string
"[secret]", also under `--show-secrets`), whole fields the caller names (a Service's `config`,
a state's `additionalSecretOutputs`), the value of any key that looks like a credential, at any
depth, and the userinfo of URLs inside strings.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any

# What `pulumi preview --json` prints for a secret input, `--show-secrets` or not (engine
# v3.274.1): the plaintext is never in the plan.
PLAN_SECRET = "[secret]"
# What the engine writes for a value not known until the update runs (sig.UnknownStringValue).
PLAN_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
# Broader than the provider's own redaction on purpose: a PR comment is read by many.
_CREDENTIAL_PARTS = (
    "password",
    "passwd",
    "passphrase",
    "secret",
    "token",
    "key",
    "credential",
    "private",
    "authorization",
    "cookie",
)
_USERINFO = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.\-]*://)[^/?#\s]+@")


class Marker(enum.Enum):
    """A value the review does not show, and how it is shown instead."""

    SECRET = "[secret]"
    UNKNOWN = "(known after apply)"
    ABSENT = "(none)"


def is_credential_key(key: str) -> bool:
    """Whether a key names a credential (`password`, `clientSecret`, `apiKey`, `token`, ...)."""
    lowered = key.lower()
    return any(part in lowered for part in _CREDENTIAL_PARTS)


def scrub(text: str) -> str:
    """`text` with the userinfo of every URL in it masked (`mysql://[secret]@host/db`)."""
    return _USERINFO.sub(rf"\g<scheme>{Marker.SECRET.value}@", text)


def mask_fields(values: Mapping[str, Any], secret: Iterable[str] = ()) -> dict[str, Any]:
    """A resource's fields as a review may show them; `secret` names fields masked whole.
    Internal fields (`__provider`, the pickled dynamic provider) are left out."""
    hidden = set(secret)
    return {
        key: Marker.SECRET if key in hidden else _mask_item(key, value)
        for key, value in values.items()
        if not key.startswith("__")
    }


def _mask_item(key: str, value: Any) -> Any:
    return Marker.SECRET if is_credential_key(key) else _mask(value)


def _mask(value: Any) -> Any:
    if value == PLAN_SECRET:
        return Marker.SECRET
    if value == PLAN_UNKNOWN:
        return Marker.UNKNOWN
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, Mapping):
        return {str(k): _mask_item(str(k), v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(item) for item in value]
    return value
