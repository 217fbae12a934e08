"""What the generated program declares: each object the reader found as a resource call with
the arguments the API tells and `adopt_id`, references to other declared objects as their
resources' ids, secrets read from stack config, and what it cannot declare, with why.

Generic over the field specs: a field is left out when unset or at its default; one that is
always secret (a Service's `config`, never shown) is read from stack config whole; in one
stored as a secret when it holds a credential (a `config`), each value holding one is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from pulumi_dataddo.cli.export import credentials
from pulumi_dataddo.cli.export.credentials import Hidden
from pulumi_dataddo.cli.export.naming import Names
from pulumi_dataddo.cli.export.pycode import Call, Code
from pulumi_dataddo.cli.export.reader import KINDS, Found
from pulumi_dataddo.fields import types
from pulumi_dataddo.fields.base import ALWAYS, WITH_CREDENTIALS, Field
from pulumi_dataddo.fields.schedule import FIELDS as SCHEDULE_FIELDS
from pulumi_dataddo.logic import catalog

ORDER = tuple(logic.spec.name for logic, _ in KINDS)
# Fields holding the id of another kind's object: written as `<its resource>.id`.
REFERENCES = {"oauth_id": "Service", "sources": "Source", "destination_id": "Destination"}
ADOPT_ID = "adopt_id"


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
        """How many of each kind it declares: `2 services, 2 sources, 0 destinations, ...`."""
        return ", ".join(
            f"{sum(1 for r in self.resources if r.kind == kind)} {kind.lower()}s" for kind in ORDER
        )


def plan(found: Iterable[Found]) -> Export:
    """The declarations of `found`, in its order (objects referred to come first)."""
    planner = _Planner()
    for each in found:
        planner.declare(each)
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

    def declare(self, found: Found) -> None:
        kind, inputs = found.spec.name, found.inputs
        missing = [
            f.name
            for f in found.spec.inputs
            if f.required and f.secret != ALWAYS and not _set(f, inputs)
        ]
        if missing:
            why = f"the API shows no {', '.join(missing)}, which a {kind} requires"
            self.skipped.append(Skipped(kind, found.id, inputs.get("label"), why))
            return
        name = self.names.resource(inputs.get("label"), found.spec.kind)
        arguments = [
            (f.name, self._argument(name, found, f))
            for f in found.spec.inputs
            if f.name != ADOPT_ID and (f.secret == ALWAYS or _set(f, inputs))
        ]
        kwargs = (*arguments, (ADOPT_ID, found.id))
        self.resources.append(
            Resource(name, kind, found.id, Call(f"dataddo.{kind}", (name,), kwargs))
        )
        self.declared[(kind, found.id)] = name

    def _argument(self, name: str, found: Found, spec: Field) -> Any:
        value = found.inputs.get(spec.name)
        if spec.secret == ALWAYS:
            return self._always_secret(name, found, spec)
        if spec.name in REFERENCES:
            target = REFERENCES[spec.name]
            if isinstance(value, list):
                return [self._reference(target, str(id_), name) for id_ in value]
            return self._reference(target, str(value), name)
        if spec.type is types.SCHEDULE and isinstance(value, Mapping):
            return Call(
                "dataddo.Schedule",
                kwargs=tuple((k, value[k]) for k in SCHEDULE_FIELDS if k in value),
            )
        if spec.secret == WITH_CREDENTIALS and isinstance(value, Mapping):
            return self._config(name, found, value)
        return value

    def _always_secret(self, name: str, found: Found, spec: Field) -> Call:
        """A value the API never shows (a Service's credentials), whole from stack config."""
        service_type = str(found.inputs.get("service"))
        fields = catalog.service_form(service_type)
        shown = ", ".join(map(_code, fields or ()))
        about = (
            f"the {spec.name} of {_code(name)} (a {_code(service_type)} {found.spec.kind}): "
            + (f"its form's fields are {shown}" if shown else "the spec has no form of its type")
        )
        example = credentials.example(fields or {"FIELD": "string"})
        return self._secret(name, spec.name, text=False, about=about, example=example)

    def _config(self, name: str, found: Found, config: Mapping[str, Any]) -> dict[str, Any]:
        """`config` with what holds a credential, and the secret fields its connector's form
        requires that the API hides, from stack config."""
        values = credentials.apart(config)
        connector_id = found.inputs.get("connector_id")
        if isinstance(connector_id, str):
            required, optional = credentials.left_out(connector_id, config)
            values.update((hidden.name, hidden) for hidden in required)
            if optional:
                self.notes.append(
                    f"{_code(name)}: the API never shows the secret fields "
                    f"{', '.join(map(_code, optional))} of its connector's form; if the source "
                    "uses them, add them to its config from stack config."
                )
        return {key: self._hidden(name, value) for key, value in values.items()}

    def _hidden(self, name: str, value: Any) -> Any:
        if not isinstance(value, Hidden):
            return value
        shape = "" if value.text else " (a JSON value)"
        about = f"config field {_code(value.name)} of {_code(name)}{shape}: {value.why}"
        return self._secret(
            name, value.name, text=value.text, about=about, example=credentials.FILLER
        )

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

    def _secret(
        self, resource: str, field_name: str, *, text: bool, about: str, example: str
    ) -> Call:
        key = self.names.config_key(resource, field_name)
        self.secrets.append(Secret(key, about, example))
        reader = "cfg.require_secret" if text else "cfg.require_secret_object"
        return Call(reader, (key,))


def _set(spec: Field, inputs: Mapping[str, Any]) -> bool:
    """Whether the input is declared: set, not empty, and not the field's default."""
    value = inputs.get(spec.name)
    return value not in (None, "", [], {}) and value != spec.default
