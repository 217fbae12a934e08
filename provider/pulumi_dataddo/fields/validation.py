"""Field validation for `check`: every failure names its field and what is allowed.

A `Validator` collects failures instead of raising, skips values not known yet (preview), and
never raises itself, whatever the input.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from pulumi_dataddo.fields.values import integer_text, is_blank, is_unknown, kind, show

SERVICE_ID = re.compile(r"^[0-9]+$")
OBJECT_ID = re.compile(r"^[0-9a-f]{24}$")
IDENTIFIER = re.compile(r"^[A-Za-z0-9_.-]+$")


@dataclass(frozen=True)
class Failure:
    """A refused input: the field (dotted path) and why."""

    field: str
    reason: str

    def __str__(self) -> str:
        return f"{self.field}: {self.reason}"


@dataclass
class Validator:
    """Collects failures; `secret` hides values (only their kind is named)."""

    failures: list[Failure] = field(default_factory=list)
    # For secret fields: messages name a value's kind, never the value.
    hide_values: bool = False

    def fail(self, name: str, reason: str) -> None:
        self.failures.append(Failure(name, reason))

    def got(self, value: Any) -> str:
        return f"got {kind(value)}" if self.hide_values else f"got {show(value)}"

    def text(
        self,
        name: str,
        value: Any,
        *,
        required: bool = False,
        choices: Collection[str] = (),
        pattern: re.Pattern[str] | None = None,
        expected: str = "a non-blank string",
    ) -> None:
        """A string field: present if required, non-empty, one of `choices`, matching `pattern`."""
        if is_unknown(value):
            return
        if value is None:
            if required:
                self.fail(name, f"is required ({expected})")
            return
        if not isinstance(value, str) or is_blank(value):
            self.fail(name, f"must be {expected}, {self.got(value)}")
        elif choices and value not in choices:
            self.fail(name, f"must be one of {', '.join(sorted(choices))}, {self.got(value)}")
        elif pattern is not None and not pattern.fullmatch(value):  # no trailing newline
            self.fail(name, f"must be {expected}, {self.got(value)}")

    def service_id(self, name: str, value: Any, *, required: bool = False) -> None:
        """A service id: a whole number (or its decimal text)."""
        if is_unknown(value):
            return
        if value is None:
            if required:
                self.fail(name, "is required (a service id, an integer)")
        elif integer_text(value) is None:
            self.fail(name, f"must be a service id (an integer), {self.got(value)}")

    def object_id(self, name: str, value: Any) -> None:
        """A source or flow id: 24 hexadecimal characters."""
        self.text(name, value, pattern=OBJECT_ID, expected="an id of 24 hexadecimal characters")

    def mapping(self, name: str, value: Any, *, required: bool = False) -> dict[str, Any] | None:
        """An object with string keys; returned for further checks when known and valid.
        Keys are checked even while some values are not known yet (keys are always known)."""
        if isinstance(value, dict):
            bad = [k for k in value if not isinstance(k, str) or not k]
            if bad:
                self.fail(name, f"keys must be non-empty strings, got {', '.join(map(repr, bad))}")
                return None
        if is_unknown(value):
            return None
        if value is None:
            if required:
                self.fail(name, "is required (an object)")
            return None
        if not isinstance(value, dict):
            self.fail(name, f"must be an object, {self.got(value)}")
            return None
        return value

    def number(self, name: str, value: Any, *, minimum: float = 0) -> None:
        """A number no smaller than `minimum`."""
        if is_unknown(value) or value is None:
            return
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not math.isfinite(value) or value < minimum:
            self.fail(name, f"must be a number of at least {minimum:g}, {self.got(value)}")
