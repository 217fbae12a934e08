"""Run the emulator as a real server process, for end-to-end tests and benchmarks.

    from dataddo_emulator.testing import running_emulator

    with running_emulator(db=tmp_path / "emulator.db", live_after=0) as emu:
        emu.url      # "http://127.0.0.1:PORT/customer-api/v1": the provider's base URL
        emu.root     # "http://127.0.0.1:PORT": where /_emulator and /openapi.json live
        emu.login()  # an access token for demo@example.com / demo (or any --user)
        emu.reset()  # objects, tokens, journal and faults go; settings back to the start
        emu.requests(since=0)  # journal entries after that seq: method, path, route, status,
                               # body (secrets "***"), customer_id, duration_ms, fault
        emu.clear_requests()
        emu.in_flight()  # API requests being served now (a delayed one still to be carried out)
        emu.objects()  # {"services": [...], "sources": [...], "flows": [...]}, every customer
        emu.objects(*ALL_KINDS)  # destinations too (or name the kinds wanted)
        emu.set_faults([{"route": "POST /customer-api/v1/flows", "drop_rate": 1, "times": 1}],
                       seed=7)  # rule fields: docs/design.md, "Emulator test hooks"
        emu.faults()        # the rules, the seed, and each rule's hits
        emu.clear_faults()
        emu.settings(token_ttl=1, live_after=0)  # returns all settings
        emu.set_source_status(source_id, "broken", "injected")  # None: back to the timer
        emu.log()    # the server's stderr so far, e.g. to check it logged no traceback
        emu.kill()   # SIGKILL, e.g. to prove that a restart on the same db loses nothing

    port = emu.port
    emu.kill()
    with running_emulator(db=tmp_path / "emulator.db", port=port) as again:
        ...          # the same data at the same URL, so a stack's baseUrl still points at it

The server is started with `python -m dataddo_emulator --port 0` (a free port, unless `port`
is given), its first stdout line gives the URL; it is stopped when the block ends, also on
failure. Its stderr goes to a temporary file, whose tail is in the error raised if the server
fails to start.
"""

import contextlib
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any

import requests

from dataddo_emulator.auth import DEMO_EMAIL, DEMO_PASSWORD
from dataddo_emulator.cli import LISTENING
from dataddo_emulator.routes.deps import API_PREFIX

STARTUP_TIMEOUT = 30.0
_STOP_TIMEOUT = 10.0
_CALL_TIMEOUT = 30.0
# The kinds of object `objects()` gives unless others are named: those of the first versions, so
# that `objects() == {"services": [], "sources": [], "flows": []}` keeps its meaning.
KINDS = ("services", "sources", "flows")
ALL_KINDS = ("services", "sources", "destinations", "flows")


class EmulatorStartError(RuntimeError):
    """The server exited or said nothing before the timeout."""


class RunningEmulator:
    """A started server process and clients for its test hooks."""

    def __init__(
        self, process: "subprocess.Popen[str]", url: str, output: list[str], stderr: IO[str]
    ) -> None:
        self.process = process
        self._stderr = stderr
        self.url = url
        self.root = url.removesuffix(API_PREFIX)
        self.port = int(self.root.rsplit(":", 1)[1])
        self.output = output  # the server's stdout lines after the URL line
        self.http = requests.Session()
        self.http.trust_env = False  # loopback only: never through a proxy from the environment

    def login(self, email: str = DEMO_EMAIL, password: str = DEMO_PASSWORD) -> str:
        """An access token."""
        tokens = self._call("POST", f"{self.url}/auth", json={"email": email, "password": password})
        return str(tokens["access_token"])

    def reset(self) -> None:
        self._hook("POST", "reset")

    def requests(self, since: int = 0) -> list[dict[str, Any]]:
        entries: list[dict[str, Any]] = self._hook("GET", "requests", params={"since": since})
        return entries

    def clear_requests(self) -> None:
        self._hook("DELETE", "requests")

    def in_flight(self) -> int:
        return int(self._hook("GET", "in-flight")["requests"])

    def objects(self, *kinds: str) -> dict[str, list[dict[str, Any]]]:
        """Every customer's objects of the `kinds` (default `KINDS`), as the API answers them."""
        found: dict[str, list[dict[str, Any]]] = self._hook("GET", "objects")
        return {kind: found[kind] for kind in kinds or KINDS}

    def set_faults(self, rules: Sequence[Mapping[str, Any]], seed: int = 0) -> dict[str, Any]:
        state: dict[str, Any] = self._hook(
            "PUT", "faults", json={"seed": seed, "rules": [dict(rule) for rule in rules]}
        )
        return state

    def faults(self) -> dict[str, Any]:
        state: dict[str, Any] = self._hook("GET", "faults")
        return state

    def clear_faults(self) -> None:
        self._hook("DELETE", "faults")

    def settings(self, **values: float) -> dict[str, float]:
        """Change settings (token_ttl, refresh_ttl, live_after; seconds); all of them."""
        current: dict[str, float] = self._hook("PUT", "settings", json=values)
        return current

    def set_source_status(
        self, source_id: str, status: str | None, description: str = ""
    ) -> dict[str, Any]:
        forced = {"status": status, "description": description}
        state: dict[str, Any] = self._hook("PUT", f"sources/{source_id}/status", json=forced)
        return state

    def log(self) -> str:
        """What the server wrote to stderr so far (warnings, tracebacks)."""
        self._stderr.seek(0)
        return self._stderr.read()

    def kill(self) -> None:
        """Kill the server at once (SIGKILL): nothing gets a chance to flush."""
        self.process.kill()
        self.process.wait(_STOP_TIMEOUT)

    def stop(self) -> None:
        """Stop the server gracefully (SIGTERM), killing it if it does not stop in time."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.kill()
        self.http.close()

    def _hook(self, method: str, name: str, **kwargs: Any) -> Any:
        return self._call(method, f"{self.root}/_emulator/{name}", **kwargs)

    def _call(self, method: str, url: str, **kwargs: Any) -> Any:
        response = self.http.request(method, url, timeout=_CALL_TIMEOUT, **kwargs)
        response.raise_for_status()
        return response.json() if response.content else None


@contextlib.contextmanager
def running_emulator(
    db: str | os.PathLike[str] = ":memory:",
    *,
    users: Mapping[str, str] | None = None,
    token_ttl: float | None = None,
    live_after: float | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    extra_args: Sequence[str] = (),
    startup_timeout: float = STARTUP_TIMEOUT,
) -> Iterator[RunningEmulator]:
    """Start `python -m dataddo_emulator` on `port` (0: a free one); stop it when the block ends.

    `users` adds users ({email: password}) beside demo@example.com / demo; `token_ttl` and
    `live_after` are seconds (default 3600 and 2).
    """
    args = [sys.executable, "-m", "dataddo_emulator", "--host", host, "--port", str(port)]
    args += ["--db", os.fspath(db)]
    for email, password in (users or {}).items():
        args += ["--user", f"{email}:{password}"]
    if token_ttl is not None:
        args += ["--token-ttl", str(token_ttl)]
    if live_after is not None:
        args += ["--live-after", str(live_after)]
    # append mode: the server writes at the end whatever this process reads (shared offset)
    with tempfile.TemporaryFile("a+") as stderr:
        process = subprocess.Popen(
            [*args, *extra_args],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        output = _Output(process)
        emulator = None
        try:
            first = output.first_line(startup_timeout)
            if not first.startswith(LISTENING):
                stderr.seek(0)
                raise EmulatorStartError(
                    f"the emulator did not start (first line {first!r}):\n{stderr.read()[-4000:]}"
                )
            url = first.removeprefix(LISTENING).strip()
            emulator = RunningEmulator(process, url, output.lines, stderr)
            yield emulator
        finally:
            if emulator is not None:
                emulator.stop()
            if process.poll() is None:
                process.kill()
            process.wait(_STOP_TIMEOUT)
            output.close()


class _Output:
    """Reads the server's stdout in a thread, so the pipe never fills up."""

    def __init__(self, process: "subprocess.Popen[str]") -> None:
        assert process.stdout is not None
        self._stream = process.stdout
        self._first: queue.Queue[str] = queue.Queue(maxsize=1)
        self.lines: list[str] = []  # the lines after the first
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def first_line(self, timeout: float) -> str:
        """The first line ("" at end of output or after the timeout)."""
        try:
            return self._first.get(timeout=timeout)
        except queue.Empty:
            return ""

    def close(self) -> None:
        """Once the process is gone: wait for the reader, close the pipe."""
        self._thread.join(_STOP_TIMEOUT)
        self._stream.close()

    def _drain(self) -> None:
        self._first.put(self._stream.readline())
        self.lines.extend(line.rstrip("\n") for line in self._stream)
