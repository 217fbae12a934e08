"""Where the suite points: the account named by the environment (`DATADDO_ACCEPTANCE=1`), or
the emulator of a `make test` run. Scenarios see only this, so both runs are the same code."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from pulumi_dataddo import redaction
from pulumi_dataddo.settings import Settings, resolve
from tests.acceptance.variables import ENABLE, Variable


def enabled(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the environment asks for a run against the account it names."""
    return (os.environ if environ is None else environ).get(ENABLE, "").strip() == "1"


@dataclass(frozen=True)
class Target:
    """An account and where the connector fields come from: the environment (`from_env`) or
    each variable's emulator value."""

    settings: Settings
    from_env: bool

    @classmethod
    def from_environment(cls) -> Target:
        """The account the `DATADDO_*` variables name (their check is the provider's own)."""
        settings = resolve(lambda _key: None)
        settings.require_credentials()
        return cls(settings, from_env=True)

    def value(self, variable: Variable) -> str:
        """A connector field's value ("" when the environment lacks it)."""
        if not self.from_env:
            return variable.emulator
        value = os.environ.get(variable.name, "").strip()
        if variable.secret:
            redaction.remember(value)
        return value

    def environment(self) -> dict[str, str]:
        """The variables that point the provider and `pulumi-dataddo sweep` at this account
        (set, or blank so that the caller's own do not leak in)."""
        return {
            "DATADDO_BASE_URL": self.settings.base_url,
            "DATADDO_EMAIL": self.settings.email or "",
            "DATADDO_PASSWORD": self.settings.password or "",
            "DATADDO_ACCESS_TOKEN": self.settings.access_token or "",
        }

    def describe(self) -> str:
        who = self.settings.email or "an access token"
        where = "named by the environment" if self.from_env else "the suite's emulator"
        return f"{self.settings.base_url} as {who} ({where})"
