"""Run-time settings: set from the command line, changed through /_emulator/settings."""

from dataclasses import dataclass

DEFAULT_TOKEN_TTL = 3600.0
DEFAULT_LIVE_AFTER = 2.0
# DECIDED: refresh tokens live a day and are not rotated by a refresh (so concurrent
# refreshes with one token all succeed).
DEFAULT_REFRESH_TTL = 86400.0


@dataclass
class Settings:
    """Seconds: access token lifetime, refresh token lifetime, delay before a source is live."""

    token_ttl: float = DEFAULT_TOKEN_TTL
    refresh_ttl: float = DEFAULT_REFRESH_TTL
    live_after: float = DEFAULT_LIVE_AFTER
