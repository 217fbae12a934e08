"""The shared ResourceProvider adapter: `pulumi.dynamic` calls <-> resource logic.

Instances hold nothing (they are pickled into state by reference): settings come from
`configure` into a process-wide registry, and the account (HTTP session, login, ledger) is
process-wide too. Every error leaves as a `DataddoError` whose message is redacted; in the
provider process the user's console shows that one line, no traceback (`process.py`).
"""

from __future__ import annotations

from typing import Any, ClassVar

import pulumi.dynamic as dyn
from pulumi.output import Unknown
from pulumi.runtime import rpc

from pulumi_dataddo import redaction, settings
from pulumi_dataddo.dynamic import process
from pulumi_dataddo.fields.values import UNKNOWN
from pulumi_dataddo.logic.base import ResourceLogic
from pulumi_dataddo.operations import account, reported


def plain(value: Any) -> Any:
    """An engine value for logic: SDK unknowns as the wire sentinel, secrets unwrapped,
    internal keys (`__provider`) left out."""
    if isinstance(value, Unknown):
        return UNKNOWN
    if rpc.is_rpc_secret(value):
        return plain(rpc.unwrap_rpc_secret(value))
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if not str(k).startswith("__")}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class DataddoProvider(dyn.ResourceProvider):
    """Adapter base: subclasses name their `logic`."""

    # Nothing secret is captured on the instance, so state keeps it readable and small.
    serialize_as_secret_always = False
    logic: ClassVar[ResourceLogic]

    def configure(self, req: dyn.ConfigureRequest) -> None:
        process.start_provider()
        settings.configure_stack(req.config.get)
        with reported("dataddo", "configuring"):
            settings.current()  # unusable settings fail the preview, not the first API call

    def check(self, _olds: dict[str, Any], news: dict[str, Any]) -> dyn.CheckResult:
        try:
            checked = self.logic.check(plain(_olds), plain(news))
        except Exception as exc:  # check must answer whatever it is given
            reason = redaction.redact(f"could not be checked: {type(exc).__name__}: {exc}")
            return dyn.CheckResult(news, [dyn.CheckFailure("", reason)])
        # No property on the failure: the engine would print a nested one's value as
        # `value {<nil>} has a problem`, and a top-level one's in plain text; the field leads
        # the reason instead.
        failures = [dyn.CheckFailure("", str(failure)) for failure in checked.failures]
        return dyn.CheckResult(checked.inputs, failures)

    def diff(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> dyn.DiffResult:
        with reported(self.logic.kind, "diffing", _id):
            plan = self.logic.diff(plain(_olds), plain(_news))
            account().ledger.saw(self.logic.kind, _id)  # the stack's own: never a new object
        # The Python dynamic server cannot send the changed keys, so when (and only when) the
        # logic found changes, "unknown" lets the engine name the changed inputs for display;
        # whether anything changes, and what replaces, is decided here (docs/design.md).
        return dyn.DiffResult(
            changes=None if plan.changed else False,
            replaces=list(plan.replaces),
            stables=list(plan.stables),
            delete_before_replace=False,
        )

    def create(self, props: dict[str, Any]) -> dyn.CreateResult:
        with reported(self.logic.kind, "creating"):
            created = self.logic.create(account(), plain(props))
        return dyn.CreateResult(created.id, created.outs)

    def read(self, id_: str, props: dict[str, Any]) -> dyn.ReadResult:
        with reported(self.logic.kind, "reading", id_):
            refreshed = self.logic.read(account(), id_, plain(props))
        if refreshed.id is None:
            return dyn.ReadResult(None, {})  # gone: the engine drops it from state
        account().ledger.saw(self.logic.kind, refreshed.id)
        return dyn.ReadResult(refreshed.id, refreshed.outs, refreshed.inputs)

    def update(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> dyn.UpdateResult:
        with reported(self.logic.kind, "updating", _id):
            outs = self.logic.update(account(), _id, plain(_olds), plain(_news))
        return dyn.UpdateResult(outs)

    def delete(self, _id: str, _props: dict[str, Any]) -> None:
        with reported(self.logic.kind, "deleting", _id):
            self.logic.delete(account(), _id, plain(_props))
