"""The resource classes' typed signatures are generated from the field specs, once for both
SDKs: the committed module is current, the classes take exactly the spec's arguments, both SDKs
declare the same properties, and a program's keyword arguments type-check."""

from __future__ import annotations

import base64
import inspect
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi
import pytest

import pulumi_dataddo as dataddo
from pulumi_dataddo import native, signatures
from pulumi_dataddo.fields import sdk
from pulumi_dataddo.fields.base import Field
from pulumi_dataddo.fields.types import ValueType

REPO = Path(__file__).resolve().parents[3]
KINDS = [spec.name for spec in sdk.SPECS]


def test_the_committed_signatures_are_current() -> None:
    assert sdk.MODULE.read_text("utf-8") == sdk.render(), (
        f"provider/pulumi_dataddo/signatures.py is stale: run `make generate` (or `{sdk.COMMAND}`)"
    )


@pytest.mark.parametrize("kind", KINDS)
def test_both_sdks_take_exactly_the_specs_arguments(kind: str) -> None:
    spec = next(s for s in sdk.SPECS if s.name == kind)
    for cls in (getattr(dataddo, kind), getattr(native, kind)):
        assert issubclass(cls, getattr(signatures, kind))
        parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
        assert [p.name for p in parameters] == ["resource_name", *spec.input_names, "opts"]
        assert all(p.kind is p.KEYWORD_ONLY for p in parameters[1:])
        required = [p.name for p in parameters[1:] if p.default is p.empty]
        assert required == [f.name for f in spec.inputs if f.required]
        assert set(inspect.get_annotations(getattr(signatures, kind))) == {
            f.name for f in spec.fields
        }


def test_the_dynamic_type_tokens_stay() -> None:
    for kind in KINDS:
        token = getattr(dataddo, kind)._resource_type_name
        assert token == f"dynamic/dataddo:{kind}"


def test_a_kind_of_value_without_a_python_type_is_refused() -> None:
    odd = ValueType("Weird", {"type": "object"}, lambda v, name, value: None)
    with pytest.raises(ValueError, match="how a `Weird` reads"):
        sdk.input_annotation(Field("odd", odd, "An odd one."))


def test_outputs_are_optional_unless_every_object_has_them() -> None:
    service, flow = sdk.SPECS[0], sdk.SPECS[3]
    assert sdk.output_annotation(service.field("service_id")) == "pulumi.Output[int]"
    assert sdk.output_annotation(service.field("label")) == "pulumi.Output[str | None]"
    assert sdk.output_annotation(flow.field("api_id")) == "pulumi.Output[str | None]"
    assert sdk.output_annotation(flow.field("sources")) == "pulumi.Output[list[str]]"


class Mocks(pulumi.runtime.Mocks):
    def __init__(self) -> None:
        self.created: dict[str, tuple[str, dict[str, Any]]] = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        self.created[args.name] = (args.typ, dict(args.inputs))
        return f"{args.name}-id", dict(args.inputs)

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], None]:
        return {}, None


# Stack config asking both SDKs' "adopted" Sources to adopt an object.
ADOPT = {"Source:adopted": "b" * 24, "Source:adopted-native": "b" * 24}


@pytest.fixture
def mocks() -> Iterator[Mocks]:
    mocks = Mocks()
    pulumi.runtime.set_mocks(mocks, preview=False)
    pulumi.runtime.set_all_config({"dataddo:adopt": json.dumps(ADOPT)})
    yield mocks
    pulumi.runtime.set_all_config({})


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_both_sdks_declare_the_same_properties(mocks: Mocks) -> pulumi.Output[Any]:
    declared = []
    for sdk_module, suffix in ((dataddo, ""), (native, "-native")):
        schedule = dataddo.Schedule(sync_frequency="day", hour="3")
        declared += [
            sdk_module.Source(
                "adopted" + suffix, connector_id="snapchat", label="x", schedule=schedule
            ),
            sdk_module.Source(
                "declared" + suffix, connector_id="snapchat", label="x", adopt_id="c" * 24
            ),
        ]

    def sent(name: str) -> dict[str, Any]:
        inputs = mocks.created[name][1]
        return {k: v for k, v in inputs.items() if v is not None and k != "__provider"}

    def verify(_ids: list[Any]) -> None:
        # The dynamic SDK sends Python names, the native one the schema's camelCase.
        assert sent("adopted") == {
            "connector_id": "snapchat",
            "label": "x",
            "schedule": {"sync_frequency": "day", "hour": "3"},
            "adopt_id": "b" * 24,  # from dataddo:adopt
        }
        assert sent("adopted-native") == {
            "connectorId": "snapchat",
            "label": "x",
            "schedule": {"syncFrequency": "day", "hour": "3"},
            "adoptId": "b" * 24,
        }
        assert sent("declared")["adopt_id"] == sent("declared-native")["adoptId"] == "c" * 24
        assert mocks.created["adopted"][0] == "pulumi-python:dynamic/dataddo:Source"
        # State names the dynamic provider's class as before.
        pickled = base64.b64decode(mocks.created["adopted"][1]["__provider"])
        assert b"pulumi_dataddo.dynamic.source" in pickled
        assert b"SourceProvider" in pickled
        assert mocks.created["adopted-native"][0] == "dataddo:index:Source"

    return pulumi.Output.all(*(resource.id for resource in declared)).apply(verify)


# A program, written once for each SDK; the lines marked `# wrong` are the type errors.
PROGRAM = """
def declare_{sdk}() -> None:
    auth = {sdk}.Service("auth", service="snapchat_static", config={{"staticKey": "k"}})
    source = {sdk}.Source(
        "insights",
        connector_id="snapchat",
        label="Insights",
        oauth_id=auth.service_id,
        schedule=dataddo.Schedule(hour="3"),
        wait_until_live=30,
    )
    flow = {sdk}.Flow("flow", sources=[source.id], app="google_data_studio")
    service_id: pulumi.Output[int] = auth.service_id
    api_id: pulumi.Output[str | None] = flow.api_id
    label: pulumi.Output[str] = source.label
    {sdk}.Source("typo", connector_id="snapchat", label="x", labels="y")  # wrong
    {sdk}.Flow("not-ids", sources=3)  # wrong
    {sdk}.Destination("no-type", label="x")  # wrong
    {sdk}.Service("positional", "snapchat_static", config={{}})  # wrong
    label = source.oauth_id  # wrong
"""


def test_a_programs_keyword_arguments_type_check(tmp_path: Path) -> None:
    text = (
        "import pulumi\nimport pulumi_dataddo as dataddo\nimport pulumi_dataddo.native as native\n"
    )
    text += "".join(PROGRAM.format(sdk=name) for name in ("dataddo", "native"))
    (tmp_path / "program.py").write_text(text, "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "program.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"MYPYPATH": str(REPO / "provider"), "PATH": ""},
        check=False,
    )
    errors = [int(line.split(":")[1]) for line in done.stdout.splitlines() if ": error:" in line]
    wrong = [n for n, line in enumerate(text.splitlines(), 1) if line.endswith("# wrong")]
    assert len(wrong) == 10
    assert errors == wrong, done.stdout
