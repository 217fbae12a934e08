"""What the generated program declares, from a snapshot of the account: each object as a
resource call with its current settings and `adopt_id`, references between them as resource
outputs, the secrets it reads from stack config, and what it cannot declare, with why."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pulumi_dataddo.cli.export import credentials, sources
from pulumi_dataddo.cli.export.naming import Names
from pulumi_dataddo.cli.export.pycode import Call, Code
from pulumi_dataddo.cli.export.reader import Snapshot, SourceRecord
from pulumi_dataddo.http.responses import FlowInfo, ServiceInfo

SERVICE, SOURCE, FLOW = "Service", "Source", "Flow"


@dataclass(frozen=True)
class Secret:
    """A stack config value the program reads as a secret: the README's command sets it."""

    key: str
    about: str  # what it is, in Markdown
    example: str  # the shape of its value: a filler, or JSON


@dataclass(frozen=True)
class Resource:
    """One declaration: `name = <call>`."""

    name: str
    kind: str
    id: str
    call: Call


@dataclass(frozen=True)
class Skipped:
    """An object the program leaves out, and why."""

    kind: str
    id: str
    label: str | None
    why: str


@dataclass(frozen=True)
class Export:
    """The program to write, and what its README says."""

    resources: tuple[Resource, ...] = ()
    secrets: tuple[Secret, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    notes: tuple[str, ...] = ()  # what to check by hand, in Markdown

    def counts(self) -> str:
        """How many of each kind it declares: `2 services, 2 sources, 1 flows`."""
        return ", ".join(
            f"{sum(1 for r in self.resources if r.kind == kind)} {kind.lower()}s"
            for kind in (SERVICE, SOURCE, FLOW)
        )


def plan(snapshot: Snapshot) -> Export:
    """The declarations of `snapshot`: services, then sources, then flows, each in id order
    (so an older object keeps its name when newer ones come)."""
    planner = _Planner()
    for service in sorted(snapshot.services, key=lambda s: s.id):
        planner.service(service)
    for record in sorted(snapshot.sources, key=lambda r: r.info.id):
        planner.source(record)
    for flow in sorted(snapshot.flows, key=lambda f: f.id):
        planner.flow(flow)
    return Export(
        tuple(planner.resources),
        tuple(planner.secrets),
        tuple(planner.skipped),
        tuple(planner.notes),
    )


def _code(text: str) -> str:
    return f"`{text}`"


@dataclass
class _Planner:
    names: Names = field(default_factory=Names)
    resources: list[Resource] = field(default_factory=list)
    secrets: list[Secret] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    declared: dict[tuple[str, str], str] = field(default_factory=dict)  # (kind, id) -> name

    def service(self, service: ServiceInfo) -> None:
        if not service.service:
            self._skip(
                SERVICE, str(service.id), service.label, "GET /services does not show its type"
            )
            return
        name = self.names.resource(service.label, SERVICE.lower())
        fields = credentials.form(service.service)
        shown = ", ".join(map(_code, fields)) if fields else None
        config = self._secret(
            name,
            "config",
            text=False,
            about=f"the credentials of {_code(name)} (a {_code(service.service)} service): "
            + (f"its form's fields are {shown}" if shown else "the spec has no form of its type"),
            example=credentials.example(fields or {"FIELD": "string"}),
        )
        arguments = [
            ("service", service.service),
            ("label", service.label),
            ("config", config),
            ("adopt_id", service.id),
        ]
        self._declare(SERVICE, str(service.id), name, arguments)

    def source(self, record: SourceRecord) -> None:
        source_id, label = record.info.id, record.info.label
        try:
            found = sources.arguments(record)
        except sources.InexpressibleError as error:
            self._skip(SOURCE, source_id, label, str(error))
            return
        name = self.names.resource(found.label, SOURCE.lower())
        config = {k: self._config_value(name, v) for k, v in found.config.items()}
        schedule = Call("dataddo.Schedule", kwargs=tuple(found.schedule.items()))
        arguments = [
            ("connector_id", found.connector_id),
            ("label", found.label),
            ("oauth_id", found.oauth_id and self._reference(SERVICE, found.oauth_id, name)),
            ("template_id", found.template_id),
            ("config", config or None),
            ("schedule", schedule if found.schedule else None),
            ("strategy", found.strategy),
            ("adopt_id", source_id),
        ]
        if found.unknown_secrets:
            self.notes.append(
                f"{_code(name)}: the API never shows the secret fields "
                f"{', '.join(map(_code, found.unknown_secrets))} of its connector's form; if the "
                "source uses them, add them to its config from stack config."
            )
        self._declare(SOURCE, source_id, name, arguments)

    def flow(self, flow: FlowInfo) -> None:
        if flow.destination_id is not None:
            why = (
                f"it writes to destination {flow.destination_id}, and pulumi-dataddo has no "
                "Destination resource yet"
            )
            self._skip(FLOW, flow.id, flow.label, why)
            return
        if not flow.sources:
            self._skip(FLOW, flow.id, flow.label, "it reads no source; a Flow needs one at least")
            return
        name = self.names.resource(flow.label, FLOW.lower())
        arguments = [
            ("sources", [self._reference(SOURCE, id_, name) for id_ in flow.sources]),
            ("app", flow.app),
            ("label", flow.label),
            ("adopt_id", flow.id),
        ]
        self._declare(FLOW, flow.id, name, arguments)

    def _declare(
        self, kind: str, id_: str, name: str, arguments: Iterable[tuple[str, Any]]
    ) -> None:
        """`name = dataddo.<kind>(name, **arguments)`, unset arguments left out."""
        kwargs = tuple((k, v) for k, v in arguments if v is not None)
        self.resources.append(Resource(name, kind, id_, Call(f"dataddo.{kind}", (name,), kwargs)))
        self.declared[(kind, id_)] = name

    def _reference(self, kind: str, id_: str, user: str) -> Any:
        """`<resource>.id` of a declared object, else its id as is (noted)."""
        target = self.declared.get((kind, id_))
        if target is not None:
            return Code(f"{target}.id")
        self.notes.append(
            f"{_code(user)} uses {kind.lower()} {id_}, which is not declared here: its id is "
            "written as is."
        )
        return id_

    def _config_value(self, resource: str, value: Any) -> Any:
        if not isinstance(value, sources.SecretField):
            return value
        shape = "" if value.text else " (a JSON value)"
        about = f"config field {_code(value.name)} of {_code(resource)}{shape}: {value.why}"
        return self._secret(
            resource, value.name, text=value.text, about=about, example=credentials.FILLER
        )

    def _secret(self, resource: str, field: str, *, text: bool, about: str, example: str) -> Call:
        key = self.names.config_key(resource, field)
        self.secrets.append(Secret(key, about, example))
        reader = "cfg.require_secret" if text else "cfg.require_secret_object"
        return Call(reader, (key,))

    def _skip(self, kind: str, id_: str, label: str | None, why: str) -> None:
        self.skipped.append(Skipped(kind, id_, label, why))
