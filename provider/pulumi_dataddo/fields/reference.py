"""The reference of docs/resources.md, rendered from the field specs (so it cannot drift from
the code): `python -m pulumi_dataddo.fields.reference docs/resources.md` rewrites what stands
between each `<!-- fields:Kind -->` and `<!-- /fields -->` marker: a resource's call signature
and its table of arguments and outputs, or the fields of a Schedule."""

from __future__ import annotations

import argparse
import re
import textwrap
from pathlib import Path

from pulumi_dataddo.fields import schedule
from pulumi_dataddo.fields.base import ALWAYS, WITH_CREDENTIALS, Field, ResourceSpec
from pulumi_dataddo.fields.destination import DESTINATION
from pulumi_dataddo.fields.flow import FLOW
from pulumi_dataddo.fields.service import SERVICE
from pulumi_dataddo.fields.source import SOURCE

SPECS: dict[str, ResourceSpec] = {spec.name: spec for spec in (SERVICE, SOURCE, DESTINATION, FLOW)}
SECRECY = {ALWAYS: "always", WITH_CREDENTIALS: "when it holds a credential"}
_SECTION = re.compile(r"(<!-- fields:(\w+) -->\n).*?(<!-- /fields -->)", re.DOTALL)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _presence(field: Field) -> str:
    if field.required:
        return "required"
    if field.default is not None:
        return f"default `{field.default}`"
    return "optional"


def call(spec: ResourceSpec) -> str:
    """How a program declares the resource, as the generated signature takes it."""
    arguments = [f.name if f.required else f"{f.name}=None" for f in spec.inputs]
    text = f"`dataddo.{spec.name}(name, *, {', '.join(arguments)}, opts=None)`"
    return "\n".join(textwrap.wrap(text, 100, break_on_hyphens=False)) + "\n"


def table(spec: ResourceSpec) -> str:
    """The arguments and outputs of `spec` as a Markdown table."""
    rows = [
        "| name | type | | change | secret | meaning |",
        "|---|---|---|---|---|---|",
    ]
    for field in spec.fields:
        presence = "output" if field.output else _presence(field)
        rows.append(
            f"| `{field.name}` | `{_cell(field.type.python)}` | {presence} | {field.change} | "
            f"{SECRECY.get(field.secret, '')} | {_cell(field.description)} |"
        )
    return "\n".join(rows) + "\n"


def schedule_table() -> str:
    """The fields of a `Schedule`."""
    rows = ["| field | meaning |", "|---|---|"]
    rows += [f"| `{name}` | {_cell(schedule.DESCRIPTIONS[name])} |" for name in schedule.FIELDS]
    return "\n".join(rows) + "\n"


def rendered(kind: str) -> str:
    if kind == "Schedule":
        return schedule_table()
    return f"{call(SPECS[kind])}\n{table(SPECS[kind])}"


def update(document: str) -> str:
    """`document` with every marked table rendered afresh."""
    return _SECTION.sub(lambda m: m[1] + rendered(m[2]) + m[3], document)


def main(argv: list[str] | None = None) -> int:
    """Rewrite the tables of each file named (docs/resources.md)."""
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_dataddo.fields.reference",
        description="Rewrite the field tables between the fields markers of each file.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="FILE")
    for path in parser.parse_args(argv).paths:
        path.write_text(update(path.read_text("utf-8")), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
