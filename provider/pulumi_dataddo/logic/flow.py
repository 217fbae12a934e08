"""Flow: sources wired to a dashboard app, which exposes an API endpoint (`api_id`).

`label` and `sources` change in place (the order of sources does not matter); the app cannot
change, so a new app replaces the flow. Every answer is the spec's `Flow`, so an update is
confirmed from its own answer.
"""

from __future__ import annotations

from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.fields.destination import DESTINATION
from pulumi_dataddo.fields.flow import FLOW
from pulumi_dataddo.fields.source import SOURCE
from pulumi_dataddo.fields.validation import Validator
from pulumi_dataddo.fields.values import did_you_mean, is_unknown
from pulumi_dataddo.http.responses import FlowInfo
from pulumi_dataddo.logic import catalog, lifecycle, payloads
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.logic.base import GONE, Checked, Created, Props, Refreshed, ResourceLogic
from pulumi_dataddo.logic.check import check_fields
from pulumi_dataddo.logic.reconcile import Identity, create_once

KIND = FLOW.kind
# DECIDED: the label the API gives a flow created without one (the emulator's); a flow declared
# with it cannot be told apart from unlabelled ones.
DEFAULT_LABEL = "Flow"
# The write modes the docs name (https://docs.dataddo.com/docs/write-modes).
UPSERT = "upsert"
WRITE_MODES = ("insert", "insert_ignore", "truncate_insert", UPSERT)


def check(_olds: Props, news: Props) -> Checked:
    v = Validator()
    inputs = check_fields(FLOW, news, v)
    app, mode = news.get("app"), news.get("write_mode")
    warnings = []
    if isinstance(app, str) and not is_unknown(app) and app not in catalog.apps():
        warnings.append(
            f"app: {app!r} is not a dashboard app the docs name"
            f"{did_you_mean(app, catalog.apps())}; the API decides whether it exists"
        )
    if isinstance(mode, str) and not is_unknown(mode) and mode not in WRITE_MODES:
        warnings.append(
            f"write_mode: {mode!r} is not a write mode the docs name"
            f"{did_you_mean(mode, WRITE_MODES)}; the API decides whether it exists"
        )
    _check_writing(v, news)
    return Checked(inputs, v.failures, warnings)


def _check_writing(v: Validator, news: Props) -> None:
    """Write settings need a destination; an upsert needs the columns that identify a row."""
    for name in ("write_mode", "unique_columns"):
        if news.get(name) is not None and news.get("destination_id") is None:
            v.fail(name, "is a setting of a flow into a destination: set destination_id too")
    if news.get("write_mode") == UPSERT and not news.get("unique_columns"):
        v.fail("unique_columns", "must name at least one column for write_mode upsert")


def create(account: Account, inputs: Props) -> Created:
    sources, app, label = list(inputs["sources"]), inputs.get("app"), inputs.get("label")
    destination_id, adopt_id = inputs.get("destination_id"), inputs.get("adopt_id")
    if adopt_id is not None:
        found = lifecycle.adopted(
            account.ledger, KIND, adopt_id, lambda: account.api.get_flow(adopt_id)
        )
        lifecycle.verify_kind(KIND, adopt_id, "app", found.app, app)
        lifecycle.verify_kind(KIND, adopt_id, "destination", found.destination_id, destination_id)
        found = _put(account, found.id, sources, label)
        _write_settings(account, found.id, inputs)  # an adopted flow stays, whatever happens
        account.ledger.adopted(KIND, adopt_id)
    else:
        body = payloads.create_flow(sources, app, label, destination_id)
        identity = Identity(
            KIND,
            listing=account.api.list_flows,
            ident=lambda f: f.id,
            changed_at=lambda _f: None,  # the spec's Flow carries no time
            matches=lambda f: (
                label in (None, f.label)
                and (f.app, f.destination_id, sorted(f.sources))
                == (app, destination_id, sorted(sources))
            ),
            distinct=label is not None and label != DEFAULT_LABEL,
            anchored=_anchored(account, sources, destination_id),
            describe=lambda f: f"flow {f.id} ({f.label!r})",
            request=body,
        )
        found = create_once(account, lambda: account.api.create_flow(body), identity)
        try:
            _write_settings(account, found.id, inputs)
        except DataddoError as exc:
            lifecycle.roll_back(KIND, found.id, lambda: account.api.delete_flow(found.id), exc)
    return Created(found.id, {**inputs, "api_id": found.api_id})


def _anchored(account: Account, sources: list[str], destination_id: str | None) -> bool:
    """Whether the flow names only objects this stack holds (no other stack's flow can)."""
    held = [(SOURCE.kind, s) for s in sources]
    if destination_id is not None:
        held.append((DESTINATION.kind, destination_id))
    return all(account.ledger.holds(kind, id_) for kind, id_ in held)


def _write_settings(account: Account, id_: str, declared: Props) -> None:
    """Put the declared write settings; their answer is untyped, so they are confirmed from
    the flow's `write_action`."""
    mode, columns = declared.get("write_mode"), declared.get("unique_columns")
    if mode is None and columns is None:
        return
    account.api.update_write_settings(id_, payloads.write_settings(mode, columns))
    found = account.api.get_flow(id_)
    if mode is not None:
        lifecycle.confirm(KIND, id_, "write_mode", found.write_mode, mode)
    if columns is not None:
        lifecycle.confirm(KIND, id_, "unique_columns", found.unique_columns, list(columns))


def _put(account: Account, id_: str, sources: list[str] | None, label: str | None) -> FlowInfo:
    """`PUT /flows/{id}` of what is given, confirmed from the answer."""
    found = account.api.update_flow(id_, payloads.update_flow(sources, label))
    if label is not None:
        lifecycle.confirm(KIND, id_, "label", found.label, label)
    if sources is not None:
        lifecycle.confirm(KIND, id_, "sources", sorted(found.sources), sorted(sources))
    return found


def read(account: Account, id_: str, outs: Props) -> Refreshed:
    found = lifecycle.unless_gone(lambda: account.api.get_flow(id_))
    return GONE if found is None else project(outs, found)


def project(outs: Props, found: FlowInfo) -> Refreshed:
    """The state after reading `found`: what the user manages, from the API's answer."""
    refreshed = {
        **outs,
        "sources": found.sources,
        "app": found.app,
        "destination_id": found.destination_id,
        "api_id": found.api_id,
    }
    # Managed only when set: read back only then.
    for name, value in (
        ("label", found.label),
        ("write_mode", found.write_mode),
        ("unique_columns", found.unique_columns),
    ):
        if outs.get(name) is not None:
            refreshed[name] = value
    return Refreshed(found.id, refreshed, {k: refreshed.get(k) for k in FLOW.input_names})


def imported(account: Account, id_: str) -> Refreshed:
    """The flow with its label (managed from then on)."""
    found = lifecycle.unless_gone(lambda: account.api.get_flow(id_))
    return GONE if found is None else project({"label": found.label}, found)


def update(account: Account, id_: str, olds: Props, news: Props) -> Props:
    changes = LOGIC.diff(olds, news).changes
    api_id = olds.get("api_id")
    if {"sources", "label"} & set(changes):
        found = _put(
            account,
            id_,
            news["sources"] if "sources" in changes else None,
            news.get("label") if "label" in changes else None,
        )
        api_id = found.api_id
    _write_settings(
        account, id_, {k: news.get(k) for k in ("write_mode", "unique_columns") if k in changes}
    )
    return {**news, "api_id": api_id}


def delete(account: Account, id_: str, _outs: Props) -> None:
    lifecycle.delete(account.ledger, KIND, id_, lambda: account.api.delete_flow(id_))


LOGIC = ResourceLogic(FLOW, check, create, read, update, delete, imported)
