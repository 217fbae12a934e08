"""Which values are secret and how they are kept out of messages: the one place.

Every secret the process handles (password, tokens, Service config values) is remembered here,
and every message that leaves the provider goes through `redact`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from typing import Any

MASK = "***"
# Shorter values are not redacted: masking "1" or "day" everywhere would garble messages
# without protecting anything worth protecting.
MIN_SECRET_LENGTH = 4
_SECRET_KEY_PARTS = ("secret", "password", "token", "statickey")

_known: set[str] = set()
_lock = threading.Lock()


def is_secret_key(name: str) -> bool:
    """Whether a config key names a credential (`clientSecret`, `password`, `apiKey`, ...)."""
    lowered = name.lower()
    return any(part in lowered for part in _SECRET_KEY_PARTS) or lowered.endswith("key")


def remember(*values: object) -> None:
    """Register secret values so that `redact` masks them from now on in this process."""
    with _lock:
        for value in values:
            if isinstance(value, str) and len(value) >= MIN_SECRET_LENGTH:
                _known.add(value)


def remember_config(config: Mapping[str, Any]) -> None:
    """Register every string value of a Service config (all of it is secret)."""
    remember(*(v for v in config.values() if isinstance(v, str)))


def remember_secret_fields(config: Mapping[Any, Any]) -> None:
    """Register the values of credential-like keys of a config (a Source's, say)."""
    remember(*(v for k, v in config.items() if isinstance(k, str) and is_secret_key(k)))


def has_secret_fields(config: Any) -> bool:
    """Whether a (known) config mapping holds credential-like keys."""
    return isinstance(config, Mapping) and any(
        isinstance(k, str) and is_secret_key(k) for k in config
    )


def redact(text: str, extra: Iterable[str] = ()) -> str:
    """`text` with every known secret value (and `extra` ones) replaced by `***`."""
    with _lock:
        values = _known | {v for v in extra if len(v) >= MIN_SECRET_LENGTH}
    # Longest first, so that a secret containing another one is masked whole.
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, MASK)
    return text
