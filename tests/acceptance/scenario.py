"""One scenario: its label prefix, its provider log, its view of the account, and the stacks it
deploys, destroyed when it ends."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from pulumi import automation as auto

from harness.engine import Events, Project
from pulumi_dataddo.cli.sweep.sweeper import Leftover
from tests.acceptance.account import Account
from tests.acceptance.chains import Chain
from tests.acceptance.target import Target
from tests.reliability.scenario import kill_session, wait_until

SWEEP = Path(sys.executable).parent / "pulumi-dataddo"


def scenario_name(test: str) -> str:
    """A scenario's name from its test's (`test_replace[x]` -> `replace-x`): a label word."""
    return re.sub(r"[^a-z0-9]+", "-", test.removeprefix("test_").lower()).strip("-")


@dataclass
class Stack:
    """A deployed chain's project; `config` mirrors its stack config."""

    project: Project
    chain: Chain
    config: dict[str, Any] = field(default_factory=dict)
    deployed: bool = False
    abandoned: bool = False  # killed mid-run: its objects are swept, not destroyed

    def set(self, **values: Any) -> None:
        """Change stack config values (objects as JSON; the chain's secret keys as secrets)."""
        self.config.update(values)
        text = {key: v if isinstance(v, str) else json.dumps(v) for key, v in values.items()}
        plain = {key: v for key, v in text.items() if key not in self.chain.secret}
        secret = {key: v for key, v in text.items() if key in self.chain.secret}
        if plain:
            self.project.set_config(plain)
        if secret:
            self.project.set_config(secret, secret=True)

    def up(self) -> tuple[auto.UpResult, Events]:
        """`pulumi up`: its result and what the engine reported."""
        self.deployed = True
        return self.project.up()

    def destroy(self) -> None:
        self.project.destroy()
        self.deployed = False

    def ids(self) -> dict[str, str]:
        """The ids in state, by resource name."""
        return {name: str(r["id"]) for name, r in self.project.resources().items()}

    def killed_up(self, when: Callable[[], bool], output: Path) -> None:
        """`pulumi up` in a session of its own, SIGKILLed with every process of that session
        (the CLI, the program, the providers) once `when()` holds, as a cancelled CI job."""
        self.abandoned = True
        cli = self.project.spawn(
            "up", "--yes", "--skip-preview", "--non-interactive", output=output
        )
        try:
            assert wait_until(when, timeout=180), output.read_text()[-3000:]
        finally:
            kill_session(cli.pid)
        cli.wait(30)


class Scenario:
    """What a scenario works with; objects it makes are labelled `prefix`."""

    def __init__(self, name: str, prefix: str, target: Target, root: Path, log: Path) -> None:
        self.name = name
        self.prefix = prefix
        self.target = target
        self.root = root
        self.log = log
        self.account = Account(target.settings, prefix)
        self.stacks: list[Stack] = []

    def env(self) -> dict[str, str]:
        """The environment of the engine and of `pulumi-dataddo sweep`: the account, the log."""
        return {**self.target.environment(), "PULUMI_DATADDO_LOG_FILE": str(self.log)}

    def inputs(self, chain: Chain) -> dict[str, str]:
        """The chain's connector fields; the scenario is skipped, naming the variables, when
        the environment lacks some."""
        values = {variable.config: self.target.value(variable) for variable in chain.variables}
        missing = [variable.name for variable in chain.variables if not values[variable.config]]
        if missing:
            pytest.skip(f"set {', '.join(missing)}")
        return values

    def deploy(self, chain: Chain, **changes: Any) -> Stack:
        """A stack of `chain` (not yet up), its declared config overridden by `changes`."""
        config = {**chain.declare(self.prefix, self.inputs(chain)), **changes}
        project = Project(self.root, chain.program, env=self.env(), name=chain.name)
        stack = Stack(project, chain)
        stack.set(**config)
        self.stacks.append(stack)
        return stack

    def sweep(self) -> subprocess.CompletedProcess[str]:
        """`pulumi-dataddo sweep` of this scenario's objects, whatever their age."""
        return subprocess.run(
            [str(SWEEP), "sweep", "--prefix", self.prefix, "--older-than", "0"],
            env={**os.environ, **self.env()},
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )

    def tear_down(self) -> tuple[list[Leftover], list[str]]:
        """Destroy every stack still deployed; what is left labelled with the prefix, and the
        destroys that failed."""
        failures = []
        for stack in self.stacks:
            if stack.deployed and not stack.abandoned:
                try:
                    stack.destroy()
                except auto.CommandError as error:
                    failures.append(f"{stack.chain.name}: {str(error)[-2000:]}")
        return self.account.leftovers(), failures
