"""The two providers a scenario runs on: the dynamic providers (`import pulumi_dataddo as
dataddo`) and the native plugin (`import pulumi_dataddo.native as dataddo`, the project's
Pulumi.yaml pointing at `plugin/`); the same program otherwise. How each one's failures reach
the console, and how its process is told apart from the others the engine starts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from harness.engine import PLUGIN, Project

DYNAMIC = "dynamic"
NATIVE = "native"
PROVIDERS = (DYNAMIC, NATIVE)

_IMPORTS = {
    DYNAMIC: "import pulumi_dataddo as dataddo\n",
    NATIVE: "import pulumi_dataddo.native as dataddo\n",
}
# The line a provider failure reaches the console with, its message naming the operation and
# the object (`operations.reported`): the dynamic provider raises `DataddoError`, which the
# console shows by its bare name; the native one answers the engine with the message alone
# (native/server.py), which the console shows after `error: `.
_ERROR_LINES = {
    DYNAMIC: re.compile(r"DataddoError: (?P<message>.*)"),
    NATIVE: re.compile(
        r"error: (?P<message>(?:creating|updating|reading|deleting|importing|diffing|configuring)"
        r" (?:service|source|flow|destination|dataddo)\b.*)"
    ),
}


def program(text: str, provider: str) -> str:
    """`text` (a program for the dynamic providers) for `provider`: one import changed."""
    assert _IMPORTS[DYNAMIC] in text
    return text.replace(_IMPORTS[DYNAMIC], _IMPORTS[provider])


def project(
    root: Path, text: str, provider: str, *, env: Mapping[str, str] | None = None, **kw: Any
) -> Project:
    """A project running `text` on `provider` (the native one: with its plugin directory)."""
    plugins = {"dataddo": PLUGIN} if provider == NATIVE else None
    return Project(root, program(text, provider), env=env, plugins=plugins, **kw)


def error_messages(text: str, provider: str) -> list[str]:
    """The provider failures in console `text`, each as its message."""
    pattern = _ERROR_LINES[provider]
    return [m["message"] for line in text.splitlines() if (m := pattern.search(line))]


def is_provider_process(cmdline: bytes) -> bool:
    """Whether a process (its `/proc/PID/cmdline`) is a Dataddo provider: the dynamic
    providers' server (`python -m pulumi.dynamic`) or the native plugin (the plugin directory
    run by Python, or the console script)."""
    args = cmdline.split(b"\0")
    return b"pulumi.dynamic" in cmdline or any(
        arg == str(PLUGIN).encode() or arg.endswith(b"pulumi-resource-dataddo") for arg in args
    )
