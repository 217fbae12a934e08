"""Drive the real Pulumi engine on throwaway projects: one file backend per test.

The engine comes from `tools/pulumi-cli/ensure-engine` (or `PULUMI_DATADDO_ENGINE_BIN`, which
`make test` sets). Programs run through the real `pulumi-language-python` host, the dynamic
providers through the real `pulumi-resource-pulumi-python` plugin, in this virtualenv; YAML
programs (`YamlProject`) through the real `pulumi-language-yaml` host.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pulumi import automation as auto

REPO = Path(__file__).resolve().parents[1]
PASSPHRASE = "e2e-passphrase"
# Type tokens of Dataddo resources: the dynamic providers' and the native provider's.
DATADDO_TYPES = ("pulumi-python:dynamic", "dataddo:index:")
# The native provider's plugin directory (Pulumi.yaml `plugins: providers:` points at it).
PLUGIN = REPO / "plugin"


@cache
def engine_bin() -> Path:
    """The directory holding `pulumi` and its language and resource plugins."""
    configured = os.environ.get("PULUMI_DATADDO_ENGINE_BIN")
    if configured:
        return Path(configured)
    out = subprocess.run(
        [str(REPO / "tools/pulumi-cli/ensure-engine")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return Path(out.strip().splitlines()[-1])


class CliError(subprocess.CalledProcessError):
    """A failed CLI command whose message carries the CLI's own error output."""

    def __str__(self) -> str:
        return f"{super().__str__()}\n{self.stderr}"


@dataclass
class Events:
    """What one engine operation reported: console lines and per-resource steps."""

    lines: list[str] = field(default_factory=list)
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Diagnostics (warnings, errors) the engine reported, as "severity: message".
    diagnostics: list[str] = field(default_factory=list)

    def on_output(self, line: str) -> None:
        self.lines.append(line)

    def on_event(self, event: auto.EngineEvent) -> None:
        if event.diagnostic_event is not None:
            diagnostic = event.diagnostic_event
            self.diagnostics.append(f"{diagnostic.severity}: {diagnostic.message.strip()}")
        pre = event.resource_pre_event
        if pre is None or not pre.metadata.type.startswith(DATADDO_TYPES):
            return  # the stack, and the providers themselves (they see stack config)
        meta = pre.metadata
        step = self.steps.setdefault(meta.urn.rsplit("::", 1)[-1], {"ops": [], "diffs": []})
        step["ops"].append(meta.op.value if hasattr(meta.op, "value") else str(meta.op))
        step["diffs"] = sorted({*step["diffs"], *(meta.diffs or [])})

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def op(self, name: str) -> str:
        """The step the engine took for the resource `name`: "replace" for any of the steps of
        a replacement, "same" when it reported none."""
        ops = self.steps.get(name, {}).get("ops", [])
        return "replace" if "replace" in ops else (ops[0] if ops else "same")

    def changes(self) -> dict[str, tuple[str, list[str]]]:
        """Each resource's step and the properties it changes."""
        return {name: (self.op(name), list(s["diffs"])) for name, s in self.steps.items()}


class Project:
    """A Pulumi project in a temporary directory with one stack, run by the real CLI."""

    program_file = "__main__.py"

    def runtime(self) -> str | dict[str, Any]:
        """Pulumi.yaml's `runtime`: Python, from this virtualenv."""
        return {"name": "python", "options": {"toolchain": "pip", "virtualenv": sys.prefix}}

    def __init__(
        self,
        root: Path,
        program: str,
        *,
        env: Mapping[str, str] | None = None,
        name: str = "e2e",
        stack: str = "test",
        plugins: Mapping[str, Path] | None = None,
    ) -> None:
        self.dir = root / name
        self.dir.mkdir(parents=True, exist_ok=True)
        self.write_program(program)
        settings: dict[str, Any] = {"name": name, "runtime": self.runtime()}
        if plugins:  # provider plugins by name: their plugin directories
            providers = [{"name": name, "path": str(path)} for name, path in plugins.items()]
            settings["plugins"] = {"providers": providers}
        (self.dir / "Pulumi.yaml").write_text(json.dumps(settings))
        self.env = {
            "PULUMI_BACKEND_URL": f"file://{root / 'backend'}",
            "PULUMI_CONFIG_PASSPHRASE": PASSPHRASE,
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PULUMI_PYTHON_CMD": sys.executable,
            **(env or {}),
        }
        (root / "backend").mkdir(exist_ok=True)
        self.command = auto.PulumiCommand(root=str(engine_bin().parent))
        self.stack = auto.create_or_select_stack(
            stack_name=stack,
            work_dir=str(self.dir),
            opts=auto.LocalWorkspaceOptions(
                env_vars=self.env,
                pulumi_home=str(root / "pulumi-home"),
                pulumi_command=self.command,
            ),
        )

    def write_program(self, program: str) -> None:
        (self.dir / self.program_file).write_text(textwrap.dedent(program))

    def set_config(self, values: Mapping[str, str], *, secret: bool = False) -> None:
        for key, value in values.items():
            self.stack.set_config(key, auto.ConfigValue(value, secret=secret), path=False)

    def _run(self, operation: Callable[..., Any], **kwargs: Any) -> tuple[Any, Events]:
        events = Events()
        result = operation(on_output=events.on_output, on_event=events.on_event, **kwargs)
        return result, events

    def preview(self, **kwargs: Any) -> tuple[auto.PreviewResult, Events]:
        return self._run(self.stack.preview, diff=True, **kwargs)

    def up(self, **kwargs: Any) -> tuple[auto.UpResult, Events]:
        return self._run(self.stack.up, diff=True, **kwargs)

    def refresh(self, **kwargs: Any) -> tuple[auto.RefreshResult, Events]:
        return self._run(self.stack.refresh, **kwargs)

    def destroy(self, **kwargs: Any) -> tuple[auto.DestroyResult, Events]:
        return self._run(self.stack.destroy, **kwargs)

    def _cli_env(self) -> dict[str, str]:
        return {**os.environ, **self.env, "PULUMI_HOME": str(self.dir.parent / "pulumi-home")}

    def _cli_args(self, args: tuple[str, ...]) -> list[str]:
        return [str(engine_bin() / "pulumi"), *args, "--stack", self.stack.name]

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the CLI directly (for commands the Automation API does not wrap); a failure
        raises with the CLI's own error output."""
        done = subprocess.run(
            self._cli_args(args),
            check=False,
            cwd=self.dir,
            env=self._cli_env(),
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise CliError(done.returncode, done.args, done.stdout, done.stderr)
        return done

    def tool(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run `pulumi-dataddo` (this virtualenv's console script) in the project directory, with
        the project's environment and the engine first on PATH, as a user would."""
        env = {**self._cli_env(), "PATH": f"{engine_bin()}{os.pathsep}{os.environ['PATH']}"}
        done = subprocess.run(
            [str(Path(sys.prefix) / "bin" / "pulumi-dataddo"), *args],
            check=False,
            cwd=self.dir,
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise CliError(done.returncode, done.args, done.stdout, done.stderr)
        return done

    def spawn(self, *args: str, output: Path) -> subprocess.Popen[bytes]:
        """Start the CLI in a session of its own (so that `os.killpg` ends it and every plugin
        process it started), its stdout and stderr going to `output`."""
        with output.open("ab") as sink:
            return subprocess.Popen(
                self._cli_args(args),
                cwd=self.dir,
                env=self._cli_env(),
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def state(self, *, show_secrets: bool = False) -> dict[str, Any]:
        """The stack's checkpoint as `pulumi stack export` prints it."""
        args = ["stack", "export"] + (["--show-secrets"] if show_secrets else [])
        return dict(json.loads(self.cli(*args).stdout))

    def resources(self, *, show_secrets: bool = False) -> dict[str, dict[str, Any]]:
        """Resources in state by name (the stack resource and providers left out)."""
        deployment = self.state(show_secrets=show_secrets)["deployment"]
        return {
            r["urn"].rsplit("::", 1)[-1]: r
            for r in deployment.get("resources", [])
            if r["type"].startswith(DATADDO_TYPES)
        }


class YamlProject(Project):
    """A project whose program is YAML (`Main.yaml`), run by the `pulumi-language-yaml` host."""

    program_file = "Main.yaml"

    def runtime(self) -> str | dict[str, Any]:
        return "yaml"


def provider_pickle(resource: Mapping[str, Any]) -> bytes:
    """The pickled provider a dynamic resource carries in state (plain: nothing secret on it)."""
    return base64.b64decode(str(resource["outputs"]["__provider"]))
