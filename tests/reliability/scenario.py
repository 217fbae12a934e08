"""Running a stack through a bad day and the documented recovery (README "Recovery"), keeping
everything the user saw for the secret search."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pulumi import automation as auto

from harness.engine import Project
from tests.reliability.providers import DYNAMIC, error_messages, is_provider_process

TRACEBACK = "Traceback (most recent call last)"


@dataclass
class Outcome:
    """How one command ended: completed, failed, or killed; with its console text and the
    provider it ran on."""

    completed: bool
    text: str
    killed: bool = False
    provider: str = DYNAMIC

    @property
    def errors(self) -> list[str]:
        """The provider's failures it printed (providers.py: each provider's error line)."""
        return error_messages(self.text, self.provider)

    @property
    def clear(self) -> bool:
        """Completed or killed, or failed naming a provider error and showing no traceback."""
        failed_clearly = bool(self.errors) and TRACEBACK not in self.text
        return self.completed or self.killed or failed_clearly

    def summary(self) -> str:
        if self.completed:
            return "completed"
        if self.killed:
            return "killed (SIGKILL)"
        reasons = self.errors
        return "failed: " + (reasons[0][:120] if reasons else "?")


def assert_fails_clearly(outcome: Outcome, *expected: str) -> None:
    """The command failed with a provider error line, no traceback, and names `expected`."""
    assert not outcome.completed
    assert outcome.errors, outcome.text[-3000:]
    assert TRACEBACK not in outcome.text, outcome.text[-3000:]
    for text in expected:
        assert text in outcome.text, outcome.text[-3000:]


@dataclass
class Stack:
    """A project (its objects' labels start with `prefix`), the console text of everything
    run on it, its provider log, and the provider it runs on."""

    project: Project
    prefix: str
    log_file: Path
    console: list[str] = field(default_factory=list)
    provider: str = DYNAMIC

    def run(self, operation: Callable[..., Any], **kwargs: Any) -> Outcome:
        lines: list[str] = []
        try:
            operation(on_output=lines.append, **kwargs)
        except auto.CommandError as exc:
            text = "\n".join([*lines, str(exc)])
            self.console.append(text)
            return Outcome(False, text, provider=self.provider)
        text = "\n".join(lines)
        self.console.append(text)
        return Outcome(True, text, provider=self.provider)

    def preview(self, **kwargs: Any) -> Outcome:
        return self.run(self.project.stack.preview, **kwargs)

    def up(self, **kwargs: Any) -> Outcome:
        return self.run(self.project.stack.up, **kwargs)

    def refresh(self, **kwargs: Any) -> Outcome:
        return self.run(self.project.stack.refresh, **kwargs)

    def destroy(self, **kwargs: Any) -> Outcome:
        return self.run(self.project.stack.destroy, **kwargs)

    def recover(self, *, killed: bool = False) -> Outcome:
        """The documented recovery (README "Recovery"): unlock after a kill, refresh dropping
        interrupted creates, `pulumi-dataddo unmanaged --adopt` (the objects no stack holds
        that a planned create provably matches are adopted by the next up), up, and the
        adoption config removed."""
        if killed:
            self.project.stack.cancel()
        refreshed = self.refresh(clear_pending_creates=True)
        assert refreshed.completed, refreshed.text
        report = self.project.tool("unmanaged", "--adopt", "--stack", self.project.stack.name)
        self.console.append(report.stdout)
        recovered = self.up()
        self.project.stack.remove_config("dataddo:adopt")
        return recovered

    def converged(self) -> bool:
        """Whether a preview now finds nothing to change."""
        lines: list[str] = []
        result = self.project.stack.preview(on_output=lines.append)
        self.console.append("\n".join(lines))
        return set(result.change_summary) == {"same"}


def kill_session(session: int) -> None:
    """SIGKILL a CLI started in a session of its own and every process of that session, as a
    CI runner ending a job does. (Killing only the CLI's process group is not enough: the
    engine starts the language host, the program and each provider in process groups of their
    own, and they outlive it.)"""
    while members := session_members(session):
        for pid in members:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.05)


def session_members(session: int) -> list[int]:
    """The processes still alive in a session (zombies excluded)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if fields[0] != "Z" and int(fields[3]) == session:
                alive.append(int(entry.name))
    return alive


def provider_processes(session: int) -> list[int]:
    """The Dataddo provider processes (dynamic or native) alive in a session."""
    found = []
    for pid in session_members(session):
        with contextlib.suppress(OSError):
            if is_provider_process(Path(f"/proc/{pid}/cmdline").read_bytes()):
                found.append(pid)
    return found


def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()
