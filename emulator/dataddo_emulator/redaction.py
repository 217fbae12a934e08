"""Which values are secret, and how they are hidden (the one place)."""

from typing import Any

REDACTED = "***"
_SECRET_WORDS = ("secret", "password", "token", "statickey")


def is_secret(key: str) -> bool:
    """A config key whose value is write-only (docs/design.md, "Secret fields")."""
    name = key.lower()
    return name.endswith("key") or any(word in name for word in _SECRET_WORDS)


def redact(value: Any) -> Any:
    """A copy of a JSON value with every secret value replaced by "***" (for the journal)."""
    return _scrub(value, drop=False)


def without_secrets(value: Any) -> Any:
    """A copy of a JSON value with every secret key left out (for responses)."""
    return _scrub(value, drop=True)


def _scrub(value: Any, *, drop: bool) -> Any:
    if isinstance(value, dict):
        return {
            k: REDACTED if is_secret(k) else _scrub(v, drop=drop)
            for k, v in value.items()
            if not (drop and is_secret(k))
        }
    if isinstance(value, list):
        return [_scrub(v, drop=drop) for v in value]
    return value
