"""What the Pulumi CLI tells about a project's stacks: the objects they hold, the creates a
preview plans, when their last update succeeded, their Dataddo settings; and writing
`dataddo:adopt`."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pulumi_dataddo import adoption, settings, tokens
from pulumi_dataddo.cli.command import CliError

ADOPT_KEY = f"dataddo:{adoption.CONFIG_KEY}"


@dataclass(frozen=True)
class Planned:
    """A Dataddo resource a preview plans to create: its kind, name, checked inputs, and the
    resources each input depends on (unknown values in the plan come from those)."""

    kind: str
    name: str
    urn: str
    inputs: Mapping[str, Any]
    depends: Mapping[str, Sequence[str]] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Its `dataddo:adopt` key."""
        return adoption.key(self.kind, self.name)


class PulumiCli:
    """The `pulumi` CLI run in a project directory."""

    def __init__(self, project: Path, binary: str = "pulumi") -> None:
        self.project = project
        self.binary = binary

    def run(self, *args: str) -> str:
        try:
            done = subprocess.run(
                [self.binary, *args, "--non-interactive"],
                cwd=self.project,
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError as exc:
            raise CliError(f"cannot run {self.binary}: {exc}") from None
        if done.returncode != 0:
            last = (done.stderr.strip() or done.stdout.strip()).splitlines()[-1:] or ["?"]
            raise CliError(f"`pulumi {' '.join(args)}` failed: {last[0]}")
        return done.stdout

    def json(self, *args: str) -> Any:
        text = self.run(*args)
        try:
            return json.loads(text)
        except ValueError:
            raise CliError(f"`pulumi {' '.join(args)}` printed no JSON") from None

    def current_stack(self) -> str:
        return self.run("stack", "--show-name").strip()

    def stacks(self) -> list[str]:
        return [str(entry["name"]) for entry in self.json("stack", "ls", "--json")]

    def export(self, stack: str) -> Any:
        return self.json("stack", "export", "--stack", stack)

    def planned_creates(self, stack: str) -> list[Planned]:
        # Plaintext inputs: a Source's secret config must be compared, not "[secret]". The
        # plan is read here and never printed.
        return planned_creates(self.json("preview", "--json", "--show-secrets", "--stack", stack))

    def history(self, stack: str) -> Any:
        return self.json("stack", "history", "--json", "--stack", stack)

    def settings(self, stack: str) -> settings.Settings:
        """The stack's Dataddo settings (its config, then the environment)."""
        config = self.json("config", "--json", "--show-secrets", "--stack", stack)
        values = {key: str(entry.get("value")) for key, entry in config.items() if "value" in entry}
        return settings.resolve(values.get)

    def adoptions(self, stack: str) -> dict[str, str]:
        config = self.json("config", "--json", "--stack", stack)
        text = config.get(ADOPT_KEY, {}).get("value")
        current = json.loads(text) if isinstance(text, str) else {}
        return {str(k): str(v) for k, v in current.items()} if isinstance(current, dict) else {}

    def set_adoptions(self, stack: str, adoptions: Mapping[str, str]) -> None:
        self.run("config", "set", "--stack", stack, ADOPT_KEY, json.dumps(dict(adoptions)))


def held(export: Any) -> set[tuple[str, str]]:
    """(kind, id) of every Dataddo object a stack export holds."""
    resources = (export.get("deployment") or {}).get("resources") or []
    found = set()
    for resource in resources:
        kind = tokens.kind(str(resource.get("type", "")))
        if kind is not None and resource.get("id"):
            found.add((kind, str(resource["id"])))
    return found


def planned_creates(plan: Any) -> list[Planned]:
    """The Dataddo resources a `pulumi preview --json` plan creates (replacements included)."""
    planned = []
    for step in plan.get("steps") or []:
        state = step.get("newState") or {}
        kind = tokens.kind(str(state.get("type", "")))
        if kind is None or step.get("op") not in ("create", "create-replacement", "replace"):
            continue
        inputs = {k: v for k, v in (state.get("inputs") or {}).items() if not k.startswith("__")}
        urn = str(step["urn"])
        depends = state.get("propertyDependencies") or {}
        planned.append(Planned(kind, urn.rsplit("::", 1)[-1], urn, inputs, depends))
    return planned


# How far the API's clock may be behind this machine's (creation times are the API's).
CLOCK_MARGIN = 60.0


def suspects_since(history: Any) -> float | None:
    """Since when objects a failed or killed run made can exist (Unix seconds): the end of the
    stack's last succeeded `update`, else the start of its first update, less a margin for
    clocks; None without any update. A refresh or destroy never counts: a refresh after a
    failed `up` must not hide what the failed run made."""
    updates = [u for u in history or [] if isinstance(u, dict) and u.get("kind") == "update"]
    ends = [
        t
        for u in updates
        if u.get("result") == "succeeded" and (t := _seconds(u.get("endTime"))) is not None
    ]
    if ends:
        return max(ends) - CLOCK_MARGIN
    starts = [t for u in updates if (t := _seconds(u.get("startTime"))) is not None]
    return min(starts) - CLOCK_MARGIN if starts else None


def _seconds(text: Any) -> float | None:
    try:
        return datetime.fromisoformat(str(text)).timestamp()
    except ValueError:
        return None
