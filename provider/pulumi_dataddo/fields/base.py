"""A resource's fields declared once, as data: the single source of check, diff, the adapters'
properties and output types, the reference tables in docs/resources.md and the provider schema.

Adding a field to a resource is one `Field(...)` in `fields/<resource>.py`; a Source argument
that sets a create-source form field names it there too (`form`), and the create body, the
import and the config checks follow. What else the API does with a field lives in `logic/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pulumi_dataddo.fields.types import ValueType

# When a field is stored as a secret.
NEVER = "never"
ALWAYS = "always"
# When the value holds a credential anywhere (`redaction.holds_credentials`).
WITH_CREDENTIALS = "with credentials"


def camel_case(name: str) -> str:
    """A snake_case name in Pulumi's camelCase convention (`connector_id` -> `connectorId`)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


@dataclass(frozen=True)
class FormName:
    """The create-source form field a Source argument sets, as each casing of the spec's forms
    spells it (the seed's camelCase forms, and the snake_case `*Dto` ones)."""

    camel: str
    snake: str


@dataclass(frozen=True)
class Field:
    """One argument or output of a resource."""

    name: str
    type: ValueType
    description: str
    # An argument the program must set; an output every object has (typed without None).
    required: bool = False
    # The value check stores when the argument is omitted.
    default: Any = None
    # A change needs a new object (the API cannot change it in place).
    replaces: bool = False
    # When it is stored as a secret: NEVER, ALWAYS or WITH_CREDENTIALS.
    secret: str = NEVER
    # Computed by the provider: an output, never an argument.
    output: bool = False
    # Omitted (None) means "leave whatever the API holds": never a change, never read back.
    managed_when_set: bool = False
    # False: used only when the object is created (adopt_id, wait_until_live), never compared.
    compared: bool = True
    # An output that an in-place update leaves as it is (an id), so previews keep it known.
    stable: bool = False
    # The create-source form field it sets (Source arguments sent as they are).
    form: FormName | None = None

    @property
    def camel(self) -> str:
        """The property's name in the provider schema (Pulumi's camelCase convention)."""
        return camel_case(self.name)

    @property
    def change(self) -> str:
        """How a change of this field is applied, for the docs."""
        if self.output:
            return "output"
        if not self.compared:
            return "at create"
        return "replaces" if self.replaces else "in place"


@dataclass(frozen=True)
class ResourceSpec:
    """A resource kind: its name, what it is, and its fields."""

    name: str
    kind: str
    description: str
    fields: tuple[Field, ...]

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: a field is declared twice: {names}")

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def inputs(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.output)

    @property
    def outputs(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.output)

    @property
    def compared(self) -> tuple[Field, ...]:
        """The arguments a diff compares."""
        return tuple(f for f in self.inputs if f.compared)

    @property
    def input_names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.inputs)
