"""The server process: command line, restart on the same database, concurrent clients."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests

from dataddo_emulator.testing import EmulatorStartError, RunningEmulator, running_emulator
from tests.emulator.conftest import Api


def test_port_0_prints_the_real_url_and_the_demo_login() -> None:
    with running_emulator(users={"a@example.com": "pw:with:colons"}) as emu:
        assert emu.url.startswith("http://127.0.0.1:")
        assert emu.url.endswith("/customer-api/v1")
        assert int(emu.root.rsplit(":", 1)[1]) > 0
        assert "Demo login: demo@example.com / demo" in emu.output
        Api(emu.url, emu.login("a@example.com", "pw:with:colons")).call("GET", "/services")
        assert emu.process.poll() is None
    assert emu.process.poll() is not None


def test_token_ttl_and_live_after_options() -> None:
    with running_emulator(token_ttl=60, live_after=0) as emu:
        assert emu.settings() == {"token_ttl": 60, "refresh_ttl": 86400, "live_after": 0}


def test_a_bad_user_option_fails_to_start() -> None:
    with (
        pytest.raises(EmulatorStartError, match="EMAIL:PASSWORD"),
        running_emulator(extra_args=["--user", "no-password"], startup_timeout=20),
    ):
        pass


def test_a_busy_port_fails_to_start(server: RunningEmulator) -> None:
    port = server.root.rsplit(":", 1)[1]
    with (
        pytest.raises(EmulatorStartError, match="cannot listen"),
        running_emulator(extra_args=["--port", port], startup_timeout=20),
    ):
        pass


def test_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dataddo_emulator", "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert "--live-after" in result.stdout


def test_restart_on_the_same_database_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "emulator.db"
    with running_emulator(db=db) as first:
        api = Api(first.url, first.login())
        service_id = api.service()
        source_id = api.source(service_id)
        flow = api.flow(source_id)
        api.call("PUT", f"/sources/{source_id}/extraction/schedule", json={"hour": "7"})
        before = first.objects()
        token = api.session.headers["Authorization"]
        first.kill()  # SIGKILL: only what was committed survives
    with running_emulator(db=db) as second:
        assert second.objects() == before
        again = Api(second.url, None)
        again.session.headers["Authorization"] = token  # the session survived too
        assert again.call("GET", f"/flows/{flow['id']}")["api"] == {
            **flow["api"],
            "customer_id": flow["customer_id"],
            "last": None,
        }
        assert again.call("GET", f"/sources/{source_id}/extraction/schedule")["hour"] == "7"
        assert again.service() == service_id + 1  # ids go on


def test_concurrent_clients(server: RunningEmulator) -> None:
    """Four threads at once, as the provider runs, each creating and reading its objects."""
    token = server.login()

    def work(worker: int) -> list[str]:
        api = Api(server.url, token)
        service_id = api.service("snapchat_static", clientId=f"w{worker}")
        created = []
        for n in range(10):
            source_id = api.source(service_id, label=f"w{worker}-{n}")
            api.call("GET", f"/sources/{source_id}")
            created.append(api.flow(source_id, app=None)["id"])
        return created

    with ThreadPoolExecutor(8) as pool:
        flows = [flow for batch in pool.map(work, range(8)) for flow in batch]
    objects = server.objects()
    assert len(objects["services"]) == 8
    assert sorted(s["id"] for s in objects["services"]) == list(range(1000, 1008))
    assert len(objects["sources"]) == len({s["id"] for s in objects["sources"]}) == 80
    assert sorted(f["id"] for f in objects["flows"]) == sorted(flows)
    assert all(e["status"] == 200 for e in server.requests() if e["method"] != "GET")


def test_many_connections_at_once(server: RunningEmulator) -> None:
    token = server.login()

    def read(_: int) -> int:
        with requests.Session() as session:
            session.trust_env = False
            headers = {"Authorization": f"Bearer {token}"}
            return session.get(f"{server.url}/services", headers=headers, timeout=30).status_code

    with ThreadPoolExecutor(32) as pool:
        assert set(pool.map(read, range(200))) == {200}
