"""Moving a stack from the dynamic providers to the native one without touching the objects
(docs/native.md, "Migrating a dynamic stack"): from `pulumi stack export`, the import file that
`pulumi import --file` takes (each Dataddo resource's native type, name and id) and the URNs
that `pulumi state delete` takes (what uses an object first).

    python -m pulumi_dataddo.native.migrate EXPORT.json            # the import file
    python -m pulumi_dataddo.native.migrate EXPORT.json --urns     # the dynamic URNs
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pulumi_dataddo.native import schema

DYNAMIC_PREFIX = "pulumi-python:dynamic/dataddo:"


def dynamic_resources(export: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The stack's dynamic Dataddo resources, what uses an object first (the reverse of the
    state's order, which lists dependencies first)."""
    resources = export.get("deployment", {}).get("resources") or []
    return [r for r in reversed(resources) if str(r.get("type", "")).startswith(DYNAMIC_PREFIX)]


def import_file(export: Mapping[str, Any]) -> dict[str, Any]:
    """`pulumi import --file` input: each resource under its name with its native type."""
    return {
        "resources": [
            {
                "type": schema.token(r["type"].removeprefix(DYNAMIC_PREFIX)),
                "name": r["urn"].rsplit("::", 1)[-1],
                "id": r["id"],
            }
            for r in reversed(dynamic_resources(export))
        ]
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_dataddo.native.migrate", description=__doc__.split("\n")[0]
    )
    parser.add_argument("export", type=Path, help="the output of `pulumi stack export`")
    parser.add_argument(
        "--urns", action="store_true", help="print the dynamic resources' URNs instead"
    )
    args = parser.parse_args(argv)
    export = json.loads(args.export.read_text("utf-8"))
    if args.urns:
        print("\n".join(r["urn"] for r in dynamic_resources(export)))
    else:
        print(json.dumps(import_file(export), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
