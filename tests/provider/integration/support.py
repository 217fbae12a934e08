"""What the provider's integration tests share: reading the emulator's journal, faults on the
next requests, quick retry and settle policies, and a provider server driven over gRPC."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import grpc  # type: ignore[import-untyped]
from google.protobuf import json_format, struct_pb2  # type: ignore[import-untyped]
from pulumi.runtime.proto import provider_pb2_grpc

from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.http.session import RetryPolicy
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.logic.readiness import Polling

PREFIX = "/customer-api/v1"
# Fast retries keep the fault tests short; the policy's logic is the production one.
FAST_RETRIES = RetryPolicy(retries=3, backoff=0.01, backoff_max=0.05, retry_after_max=2)
# Settling and readiness look every fraction of a second (the production waits are seconds).
QUICK = Polling(first=0.1, factor=2, longest=0.4)


def quick_account(api: DataddoClient) -> Account:
    """An account over `api` that settles ambiguous creates within 1.5 s."""
    return Account(api, settle=QUICK, settle_for=1.5, readiness=QUICK)


def faults_on_next(emu: RunningEmulator, *rules: dict[str, Any], after: int = 0) -> None:
    """Each rule hits the next `times` requests, in order, after `after` untouched ones.

    Rules for "*" rather than by route pin down the exact request sequence of our client
    (e.g. a create lists the collection before it posts).
    """
    skip = [{"route": "*", "times": after}] if after else []
    emu.set_faults([*skip, *({"route": "*", "times": 1, **rule} for rule in rules)])


def calls(emu: RunningEmulator, method: str, path: str) -> list[dict[str, Any]]:
    """Journal entries of one method and concrete path (without the API prefix)."""
    return [e for e in emu.requests() if (e["method"], e["path"]) == (method, PREFIX + path)]


def seen(emu: RunningEmulator) -> list[tuple[str, str, int | None]]:
    """Every request since the journal was last cleared: method, path, status."""
    return [(e["method"], e["path"].removeprefix(PREFIX), e["status"]) for e in emu.requests()]


def struct(values: dict[str, Any]) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(values)
    return message


def plain(message: struct_pb2.Struct) -> dict[str, Any]:
    values: dict[str, Any] = json_format.MessageToDict(message)
    return values


@contextmanager
def served(
    argv: list[str], env: dict[str, str]
) -> Iterator[provider_pb2_grpc.ResourceProviderStub]:
    """A provider server started as the engine starts it (it prints its port), and a stub to it;
    killed after."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, env=env, text=True)
    assert process.stdout is not None
    port = process.stdout.readline().strip()
    channel = grpc.insecure_channel(f"127.0.0.1:{port}")
    try:
        yield provider_pb2_grpc.ResourceProviderStub(channel)
    finally:
        channel.close()
        process.kill()
        process.wait(10)
