"""The provider's functions (invokes): the lookups of `logic.lookups`, one row each."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic import lookups

Api = Callable[[], DataddoClient]
# What a function returns as its `items`: label-value pairs or plain strings.
LABEL_VALUES = "label-values"
STRINGS = "strings"


@dataclass(frozen=True)
class Argument:
    """One argument (snake_case name; the schema camelCases it)."""

    name: str
    description: str
    default: str | None = None


@dataclass(frozen=True)
class Function:
    """A lookup as an invoke: `dataddo:index:<name>`, its arguments and what it returns."""

    name: str
    # The lookup it serves (its docstring describes the function).
    lookup: Callable[..., Any]
    # The lookup called with the API and the arguments (snake_case names, defaults filled in).
    call: Callable[[Api, Mapping[str, Any]], list[Any]]
    arguments: tuple[Argument, ...] = ()
    items: str = LABEL_VALUES

    @property
    def token(self) -> str:
        return f"dataddo:index:{self.name}"

    @property
    def description(self) -> str:
        return " ".join((self.lookup.__doc__ or "").split())


OAUTH_ID = Argument("oauth_id", "The id of the Service whose credentials are used.")
CONNECTOR_ID = Argument("connector_id", "The connector.", default=lookups.DEFAULT_CONNECTOR)

FUNCTIONS = (
    Function(
        "getConnectors",
        lookups.connectors,
        lambda api, _args: lookups.connectors(api()),
    ),
    Function(
        "getOrganizations",
        lookups.organizations,
        lambda api, args: lookups.organizations(api(), args["oauth_id"], args["connector_id"]),
        (OAUTH_ID, CONNECTOR_ID),
    ),
    Function(
        "getAccounts",
        lookups.accounts,
        lambda api, args: lookups.accounts(
            api(), args["oauth_id"], args["organization_id"], args["connector_id"]
        ),
        (OAUTH_ID, Argument("organization_id", "The organization's id."), CONNECTOR_ID),
    ),
    Function(
        "getDestinationTypes",
        lookups.destination_types,
        lambda _api, _args: lookups.destination_types(),
        items=STRINGS,
    ),
    Function(
        "getWriteModes",
        lookups.write_modes,
        lambda api, args: lookups.write_modes(api(), args["destination_type"]),
        (Argument("destination_type", "The destination type, e.g. `pgsql`."),),
    ),
)
BY_TOKEN = {function.token: function for function in FUNCTIONS}
