"""The typed signatures of the resource classes, rendered from the field specs (so that adding a
field is one `Field(...)`): `python -m pulumi_dataddo.fields.sdk` rewrites
`pulumi_dataddo/signatures.py` (`make generate` does, with the other generated files), and a
test fails when the committed one is stale.

Per resource, one class: its outputs as `pulumi.Output[...]` annotations, a docstring (what it
is, what changes in place, what replaces it, what is secret, each argument and output), and the
typed keyword-only `__init__`, which hands its arguments to `_declare`
(`arguments.Declaring`): the dynamic classes and the native ones derive from it and implement
`_declare` once, in their base. This renders text only: it imports no Pulumi.
"""

from __future__ import annotations

import argparse
import re
import textwrap
from pathlib import Path

from pulumi_dataddo.fields.base import ALWAYS, WITH_CREDENTIALS, Field, ResourceSpec
from pulumi_dataddo.fields.destination import DESTINATION
from pulumi_dataddo.fields.flow import FLOW
from pulumi_dataddo.fields.service import SERVICE
from pulumi_dataddo.fields.source import SOURCE

SPECS = (SERVICE, SOURCE, DESTINATION, FLOW)
MODULE = Path(__file__).resolve().parents[1] / "signatures.py"
COMMAND = "python -m pulumi_dataddo.fields.sdk"
WIDTH = 100

# How each kind of value (`ValueType.python`) reads in a program: the Input a resource takes
# (containers take Inputs inside too), and the Output it offers (ids are read back as text, a
# Schedule as its set fields).
INPUTS = {
    "str": "pulumi.Input[str]",
    "str | int": "pulumi.Input[str | int]",
    "bool": "pulumi.Input[bool]",
    "float": "pulumi.Input[float]",
    "Sequence[str]": "pulumi.Input[Sequence[pulumi.Input[str]]]",
    "Mapping[str, Any]": "pulumi.Input[Mapping[str, pulumi.Input[Any]]]",
    "Schedule": "ScheduleInput",
}
OUTPUTS = {
    "str": "str",
    "str | int": "str",
    "bool": "bool",
    "float": "float",
    "int": "int",
    "Sequence[str]": "list[str]",
    "Mapping[str, Any]": "dict[str, Any]",
    "Schedule": "dict[str, str]",
}
# The names an annotation may use, and where each comes from.
IMPORTS = {
    "Mapping": "from collections.abc import Mapping",
    "Sequence": "from collections.abc import Sequence",
    "Any": "from typing import Any",
    "ScheduleInput": "from pulumi_dataddo.dynamic.schedule import ScheduleInput",
}

HEADER = f'''"""GENERATED from the field specs (`pulumi_dataddo/fields/<resource>.py`) by
`{COMMAND}` (`make generate`): do not edit.

The typed signatures of the resource classes, one per resource: its outputs as `pulumi.Output`
annotations, its docstring and its typed keyword-only `__init__`, which hands the arguments to
`_declare`. The dynamic classes (`pulumi_dataddo.Service`, ...) and the native ones
(`pulumi_dataddo.native.Service`, ...) derive from these, and each of their bases implements
`_declare` once.
"""
'''


def _lookup(table: dict[str, str], field: Field) -> str:
    try:
        return table[field.type.python]
    except KeyError:
        raise ValueError(
            f"{field.name}: say in pulumi_dataddo/fields/sdk.py how a `{field.type.python}` reads "
            "as a Python Input and Output"
        ) from None


def input_annotation(field: Field) -> str:
    """The type `__init__` takes the argument as; `| None` when it may be omitted."""
    annotation = _lookup(INPUTS, field)
    return annotation if field.required else f"{annotation} | None"


def output_annotation(field: Field) -> str:
    """The type of the output: None when the argument may be omitted and has no default, or
    when the output is not one every object has (`required`)."""
    value = _lookup(OUTPUTS, field)
    present = field.required or (not field.output and field.default is not None)
    return f"pulumi.Output[{value if present else f'{value} | None'}]"


def _text(text: str) -> str:
    if '"""' in text or text.endswith('"'):
        raise ValueError(f"no docstring can hold {text!r}")
    return text.replace("\\", "\\\\")


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    return textwrap.wrap(
        _text(text),
        WIDTH,
        initial_indent=indent if first is None else first,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _names(fields: list[Field]) -> str:
    return ", ".join(f"`{f.name}`" for f in fields)


def _summary(spec: ResourceSpec) -> str:
    """What changes in place, what replaces the object, what is used only at create, and what
    is secret."""
    sentences = []
    for change, sentence in (
        ("in place", "Changed in place: {}."),
        ("replaces", f"A change replaces the {spec.kind}: {{}}."),
        ("at create", "Used only when it is created: {}."),
    ):
        fields = [f for f in spec.inputs if f.change == change]
        if fields:
            sentences.append(sentence.format(_names(fields)))
    secrets = [
        f"`{f.name}`" + (" when it holds a credential" if f.secret == WITH_CREDENTIALS else "")
        for f in spec.inputs
        if f.secret in (ALWAYS, WITH_CREDENTIALS)
    ]
    if secrets:
        sentences.append(f"Stored as a secret: {', '.join(secrets)}.")
    return " ".join(sentences)


def _argument(field: Field) -> str:
    if field.required:
        return f"{field.description} Required."
    if field.default is not None:
        return f"{field.description} Default `{field.default}`."
    return field.description


def _docstring(spec: ResourceSpec) -> list[str]:
    indent = " " * 4
    lines = _wrap(spec.description, indent, first=f'{indent}"""')
    lines += ["", *_wrap(_summary(spec), indent), "", f"{indent}Args:"]
    items = [
        ("resource_name", "The resource's name, unique in the stack."),
        *((f.name, _argument(f)) for f in spec.inputs),
        ("opts", "The resource options."),
    ]
    for name, text in items:
        lines += _wrap(text, indent * 3, first=f"{indent * 2}{name}: ")
    if spec.outputs:
        lines += ["", f"{indent}Outputs (besides the arguments):"]
        for f in spec.outputs:
            lines += _wrap(f.description, indent * 3, first=f"{indent * 2}{f.name}: ")
    return [*lines, f'{indent}"""']


def render_class(spec: ResourceSpec) -> str:
    """One resource's signature class."""
    lines = [f"class {spec.name}(Declaring):", *_docstring(spec), ""]
    lines += [f"    {f.name}: {output_annotation(f)}" for f in spec.fields]
    lines += ["", "    def __init__(", "        self,", "        resource_name: str,", "        *,"]
    for f in spec.inputs:
        default = "" if f.required else " = None"
        lines.append(f"        {f.name}: {input_annotation(f)}{default},")
    lines += ["        opts: pulumi.ResourceOptions | None = None,", "    ) -> None:"]
    lines += ["        self._declare(", "            resource_name,", "            opts,"]
    lines += [f"            {f.name}={f.name}," for f in spec.inputs]
    lines.append("        )")
    return "\n".join(lines) + "\n"


def _imports(annotations: str) -> str:
    used = [line for name, line in IMPORTS.items() if re.search(rf"\b{name}\b", annotations)]
    standard = sorted({line for line in used if not line.startswith("from pulumi_dataddo")})
    ours = sorted(
        {"from pulumi_dataddo.arguments import Declaring"}
        | {line for line in used if line.startswith("from pulumi_dataddo")}
    )
    # Names imported from one module go on one line.
    merged: dict[str, list[str]] = {}
    for line in standard:
        module, name = line.removeprefix("from ").split(" import ")
        merged.setdefault(module, []).append(name)
    blocks = ["from __future__ import annotations"]
    if merged:
        blocks.append("\n".join(f"from {m} import {', '.join(n)}" for m, n in merged.items()))
    blocks += ["import pulumi", "\n".join(ours)]
    return "\n\n".join(blocks) + "\n"


def render(specs: tuple[ResourceSpec, ...] = SPECS) -> str:
    """The whole generated module."""
    annotations = " ".join(
        [input_annotation(f) for spec in specs for f in spec.inputs]
        + [output_annotation(f) for spec in specs for f in spec.fields]
    )
    classes = "\n\n".join(render_class(spec) for spec in specs)
    return f"{HEADER}\n{_imports(annotations)}\n\n{classes}"


def main(argv: list[str] | None = None) -> int:
    """Write the module (or the file named)."""
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_dataddo.fields.sdk",
        description="Write the resource classes' typed signatures from the field specs.",
    )
    parser.add_argument("path", nargs="?", type=Path, default=MODULE, help=f"default: {MODULE}")
    path: Path = parser.parse_args(argv).path
    path.write_text(render(), "utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
