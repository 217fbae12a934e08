"""Where the endpoint and credentials come from: stack config, then environment, at call time.

The provider's `configure` stores the stack config in a process-wide registry (never on the
pickled provider instance); the program side (lookups) reads `pulumi.Config("dataddo")`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from pulumi_dataddo import redaction
from pulumi_dataddo.errors import DataddoError

DEFAULT_BASE_URL = "https://headless.dataddo.com/customer-api/v1"
# Seconds to wait for an answer before a request counts as failed (a create is then reconciled).
DEFAULT_TIMEOUT = 60.0
# API calls one process makes at once (the native provider's worker threads, and the HTTP
# connections it keeps): well above the engine's default `--parallel`, so that the engine decides.
DEFAULT_PARALLELISM = 32
# (attribute, stack config key, environment variable)
SOURCES = (
    ("base_url", "dataddo:baseUrl", "DATADDO_BASE_URL"),
    ("email", "dataddo:email", "DATADDO_EMAIL"),
    ("password", "dataddo:password", "DATADDO_PASSWORD"),
    ("access_token", "dataddo:accessToken", "DATADDO_ACCESS_TOKEN"),
    ("timeout", "dataddo:timeout", "DATADDO_TIMEOUT"),
    ("parallelism", "dataddo:parallelism", "DATADDO_PARALLELISM"),
)
CONFIG_KEYS = tuple(key for _, key, _ in SOURCES)

ConfigLookup = Callable[[str], "str | None"]


class SettingsError(DataddoError):
    """The endpoint or the credentials are missing or unusable."""


@dataclass(frozen=True)
class Settings:
    """The endpoint and credentials of one Dataddo account."""

    base_url: str = DEFAULT_BASE_URL
    email: str | None = None
    password: str | None = None
    access_token: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    parallelism: int = DEFAULT_PARALLELISM

    def __post_init__(self) -> None:
        redaction.remember(self.password, self.access_token)
        if urlsplit(self.base_url).scheme not in ("http", "https"):
            raise SettingsError(
                f"dataddo:baseUrl (DATADDO_BASE_URL) must be an http(s) URL such as "
                f"{DEFAULT_BASE_URL}, got {self.base_url!r}"
            )

    def __repr__(self) -> str:
        # Keeps credentials out of tracebacks and debug output.
        return f"Settings(base_url={self.base_url!r}, email={self.email!r})"

    def require_credentials(self) -> None:
        """Raise a clear error unless a token or an email and password are set."""
        if self.access_token or (self.email and self.password):
            return
        if self.email or self.password:
            given, missing = ("email", "password") if self.email else ("password", "email")
            raise SettingsError(
                f"dataddo:{given} is set but dataddo:{missing} is not: set dataddo:{missing}"
                f"{' with --secret' if missing == 'password' else ''} (env "
                f"DATADDO_{missing.upper()}), or use dataddo:accessToken instead"
            )
        raise SettingsError(
            "no Dataddo credentials: set stack config dataddo:accessToken (env "
            "DATADDO_ACCESS_TOKEN), or dataddo:email and dataddo:password (env DATADDO_EMAIL "
            "and DATADDO_PASSWORD)"
        )


def resolve(config: ConfigLookup, environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from `config` (namespaced keys such as `dataddo:baseUrl`), else the environment."""
    env = os.environ if environ is None else environ
    values: dict[str, str] = {}
    for attribute, key, variable in SOURCES:
        value = config(key) or env.get(variable)
        if value:
            values[attribute] = str(value)
    return Settings(
        base_url=values.get("base_url", DEFAULT_BASE_URL).rstrip("/"),
        email=values.get("email"),
        password=values.get("password"),
        access_token=values.get("access_token"),
        timeout=_seconds(values.get("timeout")),
        parallelism=_parallelism(values.get("parallelism")),
    )


def _seconds(text: str | None) -> float:
    """The timeout setting: a positive number of seconds."""
    if text is None:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise SettingsError(
            f"dataddo:timeout (DATADDO_TIMEOUT) must be positive seconds, got {text!r}"
        )
    return value


def _parallelism(text: str | None) -> int:
    """The parallelism setting: a whole number of at least 1."""
    if text is None:
        return DEFAULT_PARALLELISM
    value = text.strip()
    if not (value.isascii() and value.isdigit() and int(value) >= 1):
        raise SettingsError(
            f"dataddo:parallelism (DATADDO_PARALLELISM) must be a whole number of at least 1, "
            f"got {text!r}"
        )
    return int(value)


_stack_config: dict[str, str] = {}
_lock = threading.Lock()


def configure_stack(config: ConfigLookup) -> None:
    """Keep the provider's stack config (only our keys) for this process."""
    with _lock:
        _stack_config.clear()
        for key in CONFIG_KEYS:
            value = config(key)
            if value:
                _stack_config[key] = str(value)


def current() -> Settings:
    """The provider process's settings: the stored stack config, then the environment."""
    with _lock:
        stored = dict(_stack_config)
    return resolve(stored.get)
