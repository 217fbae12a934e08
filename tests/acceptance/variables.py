"""The environment variables the suite reads: the account, and the connector fields only a live
account's owner knows (each with the value the emulator run uses)."""

from __future__ import annotations

from dataclasses import dataclass

ENABLE = "DATADDO_ACCEPTANCE"


@dataclass(frozen=True)
class Variable:
    """An environment variable; `config`: the stack config key a chain's program reads it as,
    `emulator`: its value in the emulator run."""

    name: str
    meaning: str
    config: str = ""
    emulator: str = ""
    secret: bool = False


ACCOUNT = (
    Variable(ENABLE, "1 runs the suite; anything else: it prints this and runs nothing"),
    Variable(
        "DATADDO_BASE_URL", "the API root (default https://headless.dataddo.com/customer-api/v1)"
    ),
    Variable("DATADDO_EMAIL", "a dedicated (non-SSO) API user"),
    Variable("DATADDO_PASSWORD", "its password", secret=True),
    Variable(
        "DATADDO_ACCESS_TOKEN", "or an access token instead of email and password", secret=True
    ),
)

SNAPCHAT = (
    Variable(
        "DATADDO_ACC_SNAPCHAT_REFRESH_TOKEN",
        "a Snapchat refresh token (the service's staticKey)",
        config="snapchatRefreshToken",
        emulator="acc-refresh-token-5Rk2",
        secret=True,
    ),
    Variable(
        "DATADDO_ACC_SNAPCHAT_CLIENT_ID",
        "the Snapchat app's client id",
        config="snapchatClientId",
        emulator="acc-client-id",
    ),
    Variable(
        "DATADDO_ACC_SNAPCHAT_CLIENT_SECRET",
        "the Snapchat app's client secret",
        config="snapchatClientSecret",
        emulator="acc-client-secret-8Lw3",
        secret=True,
    ),
    Variable(
        "DATADDO_ACC_SNAPCHAT_ORGANIZATION_ID",
        "an organization those credentials reach",
        config="snapchatOrganizationId",
        emulator="acc-org-1",
    ),
    Variable(
        "DATADDO_ACC_SNAPCHAT_ACCOUNT_ID",
        "an ad account of that organization",
        config="snapchatAccountId",
        emulator="acc-account-1",
    ),
)

POSTGRES = (
    Variable(
        "DATADDO_ACC_PGSQL_PASSWORD",
        "the password of a PostgreSQL login Dataddo may write into (a pgsql service)",
        config="dbPassword",
        emulator="acc-db-password-3Kt8",
        secret=True,
    ),
)
