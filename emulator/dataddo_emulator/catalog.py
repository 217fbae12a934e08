"""The emulator's catalog: connectors and destination types with their create forms, service
types, apps.

The facts come from `catalog.json`, generated from the published spec by
`tools/catalog/build.py`; what the spec does not say is DECIDED here.
"""

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, ClassVar, Literal

Casing = Literal["camel", "snake"]
# DECIDED: the one template of every connector (the seed's templateId).
TEMPLATE = "index"
# DECIDED: the spec shows the examples "clean" and "incremental"; "upsert" pairs with
# `useDataddoHash` ("to be used for upsert").
STORAGE_STRATEGIES = ("clean", "incremental", "upsert")
# DECIDED: a service type fits a connector (or a destination type) when its name, less an auth
# suffix, is the connector's (`snapchat_static`: snapchat), a prefix of it (`mysql`:
# mysql_binlog) or ends with it (`aws_mysql`: mysql); where no type fits by name, any type does.
_AUTH_SUFFIX = re.compile(r"_(static|custom|custom_domain)$")


@dataclass(frozen=True)
class Names:
    """The names a form gives the fields every source has."""

    connector: str
    template: str
    service: str
    strategy: str


NAMES: dict[Casing, Names] = {
    "camel": Names("connectorId", "templateId", "oAuthId", "storageStrategy"),
    "snake": Names("connector_id", "template_id", "o_auth_id", "storage_strategy"),
}
# The spec's deprecated alias of `storageStrategy` (ConnectorForm); the seed sends only it.
STRATEGY_ALIAS = "strategy"


@dataclass(frozen=True)
class Form:
    """A create form: a connector's (a source) or a destination type's; the service types
    fitting it."""

    kind: ClassVar[str]  # what the form creates an object from, in messages
    id: str
    casing: Casing
    required: frozenset[str]
    fields: Mapping[str, str]  # name -> "string", "integer[]", "object?", "any", ...
    services: frozenset[str]

    @property
    def names(self) -> Names:
        return NAMES[self.casing]

    @property
    def takes_service(self) -> bool:
        """Whether the form has a service field (a few take a token of their own instead)."""
        return self.names.service in self.fields

    @property
    def label(self) -> str:
        """DECIDED: the id in words (`google_analytics4`: "Google Analytics4")."""
        return _snake(self.id).replace("_", " ").title()


@dataclass(frozen=True)
class Connector(Form):
    """One connector: its create-source form and its actions."""

    kind: ClassVar[str] = "connector"
    actions: Mapping[str, tuple[str, ...]]  # action -> the names its body declares


@dataclass(frozen=True)
class Destination(Form):
    """One destination type: its create form (the spec's `*StorageRequest`, snake_case) and the
    fields its typed answer (`*Destination`) adds to `Destination`."""

    kind: ClassVar[str] = "destination type"
    answer: Mapping[str, str]  # name -> type, in the notation of `fields`


@dataclass(frozen=True)
class Catalog:
    connectors: Mapping[str, Connector]
    destinations: Mapping[str, Destination]
    services: Mapping[str, Mapping[str, bool]]  # type -> {"typed": ..., "oauth": ...}
    apps: tuple[str, ...]

    def service_type(self, service: str) -> str:
        """A service's `service_type` (DECIDED: `static`, `oauth` or `credentials`)."""
        if service.endswith("_static"):
            return "static"
        return "oauth" if self.services[service]["oauth"] else "credentials"


@cache
def catalog() -> Catalog:
    text = resources.files("dataddo_emulator").joinpath("catalog.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    services = data["services"]
    connectors = {
        name: Connector(
            id=name,
            casing=form["casing"],
            required=frozenset(form["required"]),
            fields=form["fields"],
            actions={action: tuple(body) for action, body in form["actions"].items()},
            services=_fitting(services, name),
        )
        for name, form in data["connectors"].items()
    }
    destinations = {
        name: Destination(
            id=name,
            casing="snake",
            required=frozenset(form["required"]),
            fields=form["fields"],
            answer=form["answer"],
            services=_fitting(services, name),
        )
        for name, form in data["destinations"].items()
    }
    return Catalog(connectors, destinations, services, tuple(data["apps"]))


def _fitting(services: Mapping[str, Any], form: str) -> frozenset[str]:
    """The service types fitting a connector or a destination type: by name, else any."""
    return frozenset(s for s in services if _fits(s, form)) or frozenset(services)


def _fits(service: str, connector: str) -> bool:
    base, name = _AUTH_SUFFIX.sub("", service), _snake(connector)
    return name == base or name.startswith(f"{base}_") or base.endswith(f"_{name}")


def _snake(name: str) -> str:
    """`coreWebVitals` -> `core_web_vitals`."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()
