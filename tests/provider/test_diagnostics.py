"""The provider's log: one redacted line per request; error reporting set up per process."""

from __future__ import annotations

import logging
import signal
import socket
import sys
from pathlib import Path

import pytest

from pulumi_dataddo import diagnostics, redaction
from pulumi_dataddo.dynamic import process


def test_log_lines_are_redacted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(diagnostics, "_log_file", None)
    log_file = tmp_path / "provider.log"
    handlers = list(diagnostics.logger.handlers)
    try:
        diagnostics.setup_log_file(str(log_file))
        diagnostics.setup_log_file(str(log_file))  # once per process
        redaction.remember("log-secret-value-1")
        diagnostics.logger.warning("creating: refused log-secret-value-1")
        for handler in diagnostics.logger.handlers:
            handler.flush()
    finally:
        for handler in diagnostics.logger.handlers[len(handlers) :]:
            handler.close()
        diagnostics.logger.handlers[:] = handlers
    text = log_file.read_text()
    assert text.count("creating: refused ***") == 1
    assert "log-secret-value-1" not in text


def test_a_test_process_keeps_its_tracebacks_and_interrupts() -> None:
    """Neither the provider server nor a program: starting either changes nothing."""
    assert not process.in_provider_server()
    assert not process.in_program()
    before = signal.getsignal(signal.SIGINT)
    process.start_provider()
    process.start_program()
    assert getattr(sys, "tracebacklimit", None) is None
    assert signal.getsignal(signal.SIGINT) is before
    assert logging.getLogger("pulumi_dataddo") is diagnostics.logger


def test_the_provider_exits_once_the_engine_refuses_connections(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr(process, "ENGINE_PROBE_INTERVAL", 0.01)
    exits: list[int] = []
    monkeypatch.setattr(process.os, "_exit", exits.append)
    process._watch("127.0.0.1", port)
    assert exits == [1]
