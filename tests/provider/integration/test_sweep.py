"""`pulumi-dataddo sweep` against the emulator: it removes the objects of acceptance runs older
than the age, flows first, and never reads, changes or deletes any other object."""

from __future__ import annotations

import time

import pytest

from dataddo_emulator.auth import DEMO_EMAIL, DEMO_PASSWORD
from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.cli.main import main
from pulumi_dataddo.cli.sweep.labels import run_prefix
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic import payloads
from tests.acceptance.account import create_chain
from tests.acceptance.chains import labels, snapchat_credentials, snapchat_fields
from tests.acceptance.variables import SNAPCHAT
from tests.provider.integration.support import PREFIX

INPUTS = {variable.config: variable.emulator for variable in SNAPCHAT}
HOUR = 3600.0


@pytest.fixture
def account(emu: RunningEmulator, monkeypatch: pytest.MonkeyPatch) -> RunningEmulator:
    """The demo account named by the environment, as `make sweep` finds it."""
    monkeypatch.setenv("DATADDO_BASE_URL", emu.url)
    monkeypatch.setenv("DATADDO_EMAIL", DEMO_EMAIL)
    monkeypatch.setenv("DATADDO_PASSWORD", DEMO_PASSWORD)
    monkeypatch.delenv("DATADDO_ACCESS_TOKEN", raising=False)
    return emu


def chain(api: DataddoClient, prefix: str) -> dict[str, str]:
    credentials = snapchat_credentials(INPUTS)
    return create_chain(
        api, labels(prefix), credentials=credentials, fields=snapchat_fields(INPUTS)
    )


def run_of(hours_ago: float) -> str:
    return run_prefix(time.time() - hours_ago * HOUR) + " scenario "


def sweep(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    status = main(["sweep", *args])
    return status, capsys.readouterr().out.splitlines()


def touched(emu: RunningEmulator, since: int) -> list[str]:
    """`METHOD path` of every request after `since` (logins left out)."""
    return [
        f"{e['method']} {e['path'].removeprefix(PREFIX)}"
        for e in emu.requests(since=since)
        if e["path"] != f"{PREFIX}/auth"
    ]


def mark(emu: RunningEmulator) -> int:
    return max((int(e["seq"]) for e in emu.requests(since=0)), default=0)


def test_removes_old_runs_flows_first_and_nothing_else(
    account: RunningEmulator, api: DataddoClient, capsys: pytest.CaptureFixture[str]
) -> None:
    prefix = run_of(2)
    old = chain(api, prefix)
    chain(api, run_of(0))  # a run still going
    production = chain(api, "Production ")
    # Labels that mention the prefix without starting with it, or carry no run time.
    api.create_flow(payloads.create_flow([production["source"]], None, f"copy of {prefix}"))
    api.create_service(payloads.create_service("snapchat_static", {}, "pulumi-dataddo-acc-manual"))
    before = account.objects()
    since = mark(account)

    status, out = sweep(capsys)
    assert status == 0
    assert [line.split(" (run started")[0] for line in out[1:4]] == [
        f'removed {kind} {old[kind]} "{prefix}{kind}"' for kind in ("flow", "source", "service")
    ]
    assert out[-1] == (
        "removed 3 (1 flow, 1 source, 1 service); kept 3 objects of younger runs; "
        "kept 1 object without a run time in the label"
    )
    assert touched(account, since) == [
        "GET /flows",
        "GET /sources",
        "GET /destinations",
        "GET /services",
        f"DELETE /flows/{old['flow']}",
        f"DELETE /sources/{old['source']}",
        f"DELETE /services/{old['service']}",
    ]
    after = account.objects()
    removed = set(old.values())
    for kind, objects in before.items():
        assert after[kind] == [o for o in objects if str(o["id"]) not in removed]


def test_a_dry_run_only_lists(
    account: RunningEmulator, api: DataddoClient, capsys: pytest.CaptureFixture[str]
) -> None:
    old = chain(api, run_of(2))
    since = mark(account)
    status, out = sweep(capsys, "--dry-run", "--older-than", "0")
    assert status == 0
    assert out[0].endswith("runs started at least 0s ago (dry run: nothing is deleted)")
    assert [line.split()[:3] for line in out[1:4]] == [
        ["would", "remove", kind] for kind in ("flow", "source", "service")
    ]
    assert out[-1] == "would remove 3 (1 flow, 1 source, 1 service)"
    assert all(call.startswith("GET ") for call in touched(account, since))
    assert {kind: len(objects) for kind, objects in account.objects().items()} == {
        f"{kind}s": 1 for kind in old
    }


def test_an_object_an_unprefixed_one_uses_is_kept_and_the_sweep_fails(
    account: RunningEmulator, api: DataddoClient, capsys: pytest.CaptureFixture[str]
) -> None:
    prefix = run_of(2)
    old = chain(api, prefix)
    theirs = api.create_flow(payloads.create_flow([old["source"]], None, "Production flow"))
    status, out = sweep(capsys, "--prefix", prefix, "--older-than", "1h")
    assert status == 1
    assert out[1].startswith(f"removed flow {old['flow']}")
    assert out[2].startswith(f"could not remove source {old['source']}")
    assert theirs.id in out[2]  # the API's message names the flow using it
    assert out[3].startswith(f"could not remove service {old['service']}")
    assert out[-1] == "removed 1 (1 flow); 2 could not be removed"
    assert [flow["id"] for flow in account.objects()["flows"]] == [theirs.id]


def test_without_credentials_it_fails_in_one_line(
    emu: RunningEmulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for variable in ("DATADDO_EMAIL", "DATADDO_PASSWORD", "DATADDO_ACCESS_TOKEN"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("DATADDO_BASE_URL", emu.url)
    assert main(["sweep", "--older-than", "0"]) == 1
    assert capsys.readouterr().err.startswith("pulumi-dataddo sweep: no Dataddo credentials: set")
    assert emu.requests(since=0) == []


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--older-than", "soon"], "argument --older-than: 'soon': expected an age such as"),
        (["--prefix", "e2e-"], "argument --prefix: 'e2e-': must start with pulumi-dataddo-acc-"),
    ],
)
def test_bad_arguments_are_usage_errors(
    capsys: pytest.CaptureFixture[str], args: list[str], error: str
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["sweep", *args])
    assert exited.value.code == 1
    assert error in capsys.readouterr().err
