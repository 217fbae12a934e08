"""What the Pulumi CLI tells about the stacks of a backend: which there are (any project), the
objects they hold, their history, the creates a preview plans, their Dataddo settings; and
writing `dataddo:adopt`."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pulumi_dataddo import adoption, redaction, settings, tokens
from pulumi_dataddo.cli.command import CliError
from pulumi_dataddo.cli.review.masking import scrub
from pulumi_dataddo.logic.registry import logics
from pulumi_dataddo.native import names

ADOPT_KEY = f"dataddo:{adoption.CONFIG_KEY}"
# Names every stack as `organization/project/stack`, so that a name tells its project.
QUALIFIED = "--fully-qualify-stack-names"
HISTORY_PAGE = 100


@dataclass(frozen=True)
class Planned:
    """A Dataddo resource a preview plans to create: its kind, name, checked inputs, and the
    resources each input depends on (unknown values in the plan come from those), both by the
    field specs' names (`oauth_id`), whichever provider planned it."""

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
            reason = failure(done.stdout, done.stderr) or f"exit status {done.returncode}"
            raise CliError(f"`pulumi {' '.join(args)}` failed: {reason}")
        return done.stdout

    def json(self, *args: str) -> Any:
        text = self.run(*args)
        try:
            return json.loads(text)
        except ValueError:
            raise CliError(f"`pulumi {' '.join(args)}` printed no JSON") from None

    def current_stack(self) -> str:
        return self.run("stack", "--show-name").strip()

    def qualified(self, stack: str) -> str:
        """The stack's name as `stacks` lists it (`organization/project/dev`)."""
        return self.run("stack", "--show-name", "--stack", stack, QUALIFIED).strip()

    def stacks(self) -> list[str]:
        """Every stack of the backend, any project's, by the names `--stack` takes."""
        listed = self.json("stack", "ls", "--all", "--json", QUALIFIED)
        return [str(entry["name"]) for entry in listed]

    def export(self, stack: str) -> Any:
        return self.json("stack", "export", "--stack", stack)

    def planned_creates(self, stack: str) -> list[Planned]:
        # A secret input shows as PLAN_SECRET whatever the flags (--show-secrets changes nothing).
        return planned_creates(self.json("preview", "--json", "--stack", stack))

    def history(self, stack: str) -> list[Any]:
        """The stack's operations, newest first, back to its last succeeded update (the CLI
        prints a page of them at a time)."""
        found: list[Any] = []
        page = 1
        while True:
            listed = self.json(
                "stack", "history", "--json", "--stack", stack,
                "--page-size", str(HISTORY_PAGE), "--page", str(page),
            )  # fmt: skip
            found += listed
            if len(listed) < HISTORY_PAGE or any(
                e.get("kind") == "update" and e.get("result") == "succeeded" for e in listed
            ):
                return found
            page += 1

    def settings(self, stack: str) -> settings.Settings:
        """The stack's Dataddo settings (its config, then the environment)."""
        config = self.json("config", "--json", "--show-secrets", "--stack", stack)
        values = {key: str(entry.get("value")) for key, entry in config.items() if "value" in entry}
        # Kept out of every message, a failed preview's among them.
        redaction.remember(*(values[key] for key in values if config[key].get("secret")))
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
    found = set()
    for resource in resources(export):
        kind = tokens.kind(str(resource.get("type", "")))
        if kind is not None and resource.get("id"):
            found.add((kind, str(resource["id"])))
    return found


def resources(export: Any) -> list[Mapping[str, Any]]:
    """The resources a `pulumi stack export` records; ValueError for what is no export."""
    return _listed(_deployment(export), "resources")


def pending_operations(export: Any) -> list[Mapping[str, Any]]:
    """The operations a killed run left pending in a `pulumi stack export`."""
    return _listed(_deployment(export), "pending_operations")


def _deployment(export: Any) -> Mapping[str, Any]:
    deployment = export.get("deployment") if isinstance(export, Mapping) else None
    if not isinstance(deployment, Mapping):
        raise ValueError("no deployment object")
    return deployment


def _listed(deployment: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    items = deployment.get(key) or []
    if not isinstance(items, list) or not all(isinstance(item, Mapping) for item in items):
        raise ValueError(f"deployment.{key} is not a list of objects")
    return items


def planned_creates(plan: Any) -> list[Planned]:
    """The Dataddo resources a `pulumi preview --json` plan creates (replacements included)."""
    specs = {logic.spec.name: logic.spec for logic in logics()}
    planned = []
    for step in plan.get("steps") or []:
        state = step.get("newState") or {}
        kind = tokens.kind(str(state.get("type", "")))
        if kind is None or step.get("op") not in ("create", "create-replacement", "replace"):
            continue
        inputs = {k: v for k, v in (state.get("inputs") or {}).items() if not k.startswith("__")}
        urn = str(step["urn"])
        depends = state.get("propertyDependencies") or {}
        spec = specs.get(kind)
        if str(state["type"]).startswith(tokens.NATIVE_PREFIX) and spec is not None:
            # The schema's camelCase (`oauthId`, `schedule.dayOfWeek`) as the field specs name it.
            inputs, depends = names.to_logic(spec, inputs), names.to_logic(spec, depends)
        planned.append(Planned(kind, urn.rsplit("::", 1)[-1], urn, inputs, depends))
    return planned


def failure(stdout: str, stderr: str) -> str | None:
    """What a failed `pulumi` command says went wrong, in one line, secrets masked: the first
    error among the diagnostics of its JSON output (where `preview --json` puts its program's
    exception, a check failure or bad config; its last line is only the closing brace), by its
    first line and its last (a traceback's error); else the last line of its error output;
    None when neither says."""
    errors = _error_diagnostics(stdout)
    if errors:
        lines = _lines(errors[0])
        said = lines[0] if len(lines) == 1 else f"{lines[0]} {lines[-1]}"
    else:
        said = next(reversed(_lines(stderr)), "")
    return redaction.redact(scrub(said.removeprefix("error: "))) or None


def _error_diagnostics(stdout: str) -> list[str]:
    try:
        printed = json.loads(stdout)
    except ValueError:
        return []
    diagnostics = printed.get("diagnostics") if isinstance(printed, dict) else None
    messages = [
        str(d.get("message", ""))
        for d in diagnostics or []
        if isinstance(d, dict) and d.get("severity") == "error"
    ]
    return [message for message in messages if _lines(message)]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]
