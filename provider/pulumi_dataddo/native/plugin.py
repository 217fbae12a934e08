"""The plugin directory that a project's Pulumi.yaml points at
(`plugins: providers: [{name: dataddo, path: DIR}]`): `PulumiPlugin.yaml` (the Python language
host runs the plugin in a virtualenv that has pulumi-dataddo installed), `__main__.py` (starts
the server) and `schema.json` (for `pulumi package gen-sdk` and readers; the provider serves the
same schema itself).

    python -m pulumi_dataddo.native.plugin DIR [--virtualenv PATH]

writes one for this interpreter's virtualenv; the repository's `plugin/` is
`python -m pulumi_dataddo.native.plugin plugin --virtualenv ../.venv`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pulumi_dataddo.native import schema

MAIN = '''"""The Dataddo provider plugin, as the Python language host runs it (`python DIR ...`)."""

from pulumi_dataddo.native.server import main

main()
'''


def files(virtualenv: str) -> dict[str, str]:
    """The directory's files by name."""
    return {
        "PulumiPlugin.yaml": (
            "runtime:\n"
            "  name: python\n"
            "  options:\n"
            "    toolchain: pip\n"
            f"    virtualenv: {virtualenv}\n"
        ),
        "__main__.py": MAIN,
        "schema.json": json.dumps(schema.generate(), indent=2) + "\n",
    }


def write(directory: Path, virtualenv: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in files(virtualenv).items():
        (directory / name).write_text(text, "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m pulumi_dataddo.native.plugin",
        description="Write the Dataddo provider's plugin directory.",
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument(
        "--virtualenv",
        default=sys.prefix,
        help="the virtualenv that has pulumi-dataddo installed, absolute or relative to the "
        f"directory (default: this interpreter's, {sys.prefix})",
    )
    args = parser.parse_args(argv)
    write(args.directory, args.virtualenv)
    print(f"wrote {args.directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
