"""Moving a dynamic stack onto the native provider: the import file and the URNs to delete,
read from `pulumi stack export`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pulumi_dataddo.native import migrate

PREFIX = "urn:pulumi:dev::p::"
EXPORT = {
    "deployment": {
        "resources": [
            {"urn": f"{PREFIX}pulumi:pulumi:Stack::p-dev", "type": "pulumi:pulumi:Stack"},
            {"urn": f"{PREFIX}aws:s3/bucket:Bucket::b", "type": "aws:s3/bucket:Bucket", "id": "b"},
            {
                "urn": f"{PREFIX}pulumi-python:dynamic/dataddo:Service::auth",
                "type": "pulumi-python:dynamic/dataddo:Service",
                "id": "1000",
            },
            {
                "urn": f"{PREFIX}pulumi-python:dynamic/dataddo:Source::insights",
                "type": "pulumi-python:dynamic/dataddo:Source",
                "id": "a" * 24,
            },
        ]
    }
}


def test_the_import_file_names_each_dynamic_resource_with_its_native_type() -> None:
    assert migrate.import_file(EXPORT) == {
        "resources": [
            {"type": "dataddo:index:Service", "name": "auth", "id": "1000"},
            {"type": "dataddo:index:Source", "name": "insights", "id": "a" * 24},
        ]
    }


def test_urns_to_delete_put_what_uses_an_object_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps(EXPORT))
    assert migrate.main([str(export), "--urns"]) == 0
    assert capsys.readouterr().out.split() == [
        f"{PREFIX}pulumi-python:dynamic/dataddo:Source::insights",
        f"{PREFIX}pulumi-python:dynamic/dataddo:Service::auth",
    ]
    assert migrate.main([str(export)]) == 0
    assert json.loads(capsys.readouterr().out) == migrate.import_file(EXPORT)
