"""Source: a connector pulling data, authorized by a Service; 24-hex ids.

What the spec's answers carry decides the calls: `GET /sources/{id}` (`SourceDTO`) gives the
label, connector and template, but no schedule and no Service, so a declared schedule is read
and written through `/extraction/schedule`, and the parameters a source was created with
(its Service, its config) through `/metadata`, when adopting or settling an ambiguous create.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from pulumi_dataddo import redaction
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.fields.schedule import FIELDS as SCHEDULE_FIELDS
from pulumi_dataddo.fields.schedule import normalize as normalize_schedule
from pulumi_dataddo.fields.service import SERVICE
from pulumi_dataddo.fields.source import SOURCE
from pulumi_dataddo.fields.validation import Validator
from pulumi_dataddo.fields.values import integer_text, whole_numbers
from pulumi_dataddo.http.errors import ApiError
from pulumi_dataddo.http.responses import SourceInfo
from pulumi_dataddo.logic import connector_form, lifecycle, payloads, schedule
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.logic.base import GONE, Checked, Created, Props, Refreshed, ResourceLogic
from pulumi_dataddo.logic.check import check_fields
from pulumi_dataddo.logic.readiness import wait_until_live
from pulumi_dataddo.logic.reconcile import Identity, create_once

KIND = SOURCE.kind


def check(_olds: Props, news: Props) -> Checked:
    v = Validator()
    news, moved = _upgraded(news)
    inputs = check_fields(SOURCE, news, v)
    connector_id, config = news.get("connector_id"), news.get("config")
    warnings = connector_form.connector_warnings(connector_id)
    warnings += [
        f"config.{key}: the Source argument {argument} sets this form field; declare "
        f"{argument} instead (the source is sent and kept the same)"
        for argument, key in moved.items()
    ]
    refused = {failure.field for failure in v.failures}
    if isinstance(config, dict) and "config" not in refused:
        redaction.remember_credentials(config)
    elif config is not None:
        return Checked(inputs, v.failures, warnings)  # unknown or refused: nothing more to check
    if isinstance(connector_id, str) and "connector_id" not in refused:
        # An adopted source exists: its Service need not be declared (adoption checks one that is).
        service = news.get("oauth_id") is not None or news.get("adopt_id") is not None
        warnings += connector_form.check_config(
            v, connector_id, config or {}, news.get("strategy"), service_declared=service
        )
    return Checked(inputs, v.failures, warnings)


def upgrade(props: Props) -> Props:
    """The Source's arguments in today's shape: a form field given in `config` that an argument
    left unset sets (one added since, such as allow_empty) moves to that argument. The create
    body is the same either way, so a program or a state written before is no change."""
    return _upgraded(props)[0]


def _upgraded(props: Props) -> tuple[Props, dict[str, str]]:
    """`upgrade`, and what moved (argument -> config key)."""
    moved = _moved(props)
    if not moved:
        return dict(props), moved
    config = {k: v for k, v in props["config"].items() if k not in moved.values()}
    arguments = {argument: props["config"][key] for argument, key in moved.items()}
    return {**props, **arguments, "config": config}, moved


def _moved(props: Props) -> dict[str, str]:
    """Unset arguments whose form field `config` holds: argument -> config key."""
    config, connector_id = props.get("config"), props.get("connector_id")
    if not isinstance(config, dict) or not isinstance(connector_id, str):
        return {}
    names = connector_form.names(connector_id)
    return {
        f.name: names.of(f.name)
        for f in connector_form.FORM_ARGUMENTS
        if props.get(f.name) is None and names.of(f.name) in config
    }


def body(inputs: Props) -> dict[str, Any]:
    """The create-source request for the declared source."""
    return payloads.create_source(connector_form.names(inputs["connector_id"]), inputs)


def create(account: Account, inputs: Props) -> Created:
    adopt_id = inputs.get("adopt_id")
    found = _create(account, inputs) if adopt_id is None else _adopt(account, adopt_id, inputs)
    # An adopted source, or one whose create body carried the schedule: put only if it differs.
    held = adopt_id is not None or connector_form.names(inputs["connector_id"]).schedule_in_body
    try:
        if inputs.get("schedule"):
            _put_schedule(account, found.id, inputs["schedule"], verify_first=held)
        if inputs.get("wait_until_live"):
            wait_until_live(
                found.id,
                float(inputs["wait_until_live"]),
                lambda: account.api.source_status(found.id),
                account.readiness,
            )
    except (DataddoError, ApiError) as exc:
        if adopt_id is not None:
            raise
        lifecycle.roll_back(KIND, found.id, lambda: account.api.delete_source(found.id), exc)
    return Created(found.id, dict(inputs))


def _create(account: Account, inputs: Props) -> SourceInfo:
    connector_id, label, oauth = inputs["connector_id"], inputs["label"], inputs.get("oauth_id")
    request, names = body(inputs), connector_form.names(connector_id)
    identity = Identity(
        KIND,
        listing=account.api.list_sources,
        ident=lambda s: s.id,
        changed_at=lambda s: s.created,
        matches=lambda s: (
            s.label == label and made_by(account.api.source_metadata(s.id), request, names)
        ),
        distinct=True,  # the label is required
        # Its creation parameters name its Service: one this stack holds, no other stack's.
        anchored=oauth is not None and account.ledger.holds(SERVICE.kind, str(oauth)),
        describe=lambda s: f"source {s.id} ({s.label!r})",
        request=request,
    )
    return create_once(account, lambda: account.api.create_source(connector_id, request), identity)


def made_by(
    metadata: Mapping[str, Any], body: Mapping[str, Any], names: connector_form.Names
) -> bool:
    """Whether a source's creation parameters show the create-source `body`: every field of the
    body that the metadata shows is equal (`_shown`), the form's connector field included."""
    if names.connector_id not in metadata:
        return False
    return all(_same(metadata[key], body[key]) for key in _shown(metadata, body, names.ui_fields))


def _shown(
    metadata: Mapping[str, Any], body: Mapping[str, Any], skipped: Collection[str]
) -> list[str]:
    """The fields of a create-source `body` its metadata shows as sent, but the `skipped` ones
    and those holding a credential (the API leaves it out, or hides it in part)."""
    return [
        key
        for key, value in body.items()
        if key in metadata and key not in skipped and not redaction.holds_credentials({key: value})
    ]


def _same(shown: Any, sent: Any) -> bool:
    """Equal as JSON values, whole numbers and their text alike (`1000` is `"1000"`)."""
    shown_text, sent_text = integer_text(shown), integer_text(sent)
    if shown_text is not None and sent_text is not None:
        return shown_text == sent_text
    return bool(whole_numbers(shown) == whole_numbers(sent))


def _adopt(account: Account, adopt_id: str, inputs: Props) -> SourceInfo:
    found = lifecycle.adopted(
        account.ledger, KIND, adopt_id, lambda: account.api.get_source(adopt_id)
    )
    lifecycle.verify_kind(KIND, adopt_id, "connector", found.connector_id, inputs["connector_id"])
    metadata = account.api.source_metadata(adopt_id)
    request = body(inputs)
    names = connector_form.names(inputs["connector_id"])
    skipped = (names.label, *names.ui_fields, *SCHEDULE_FIELDS)
    differing = sorted(
        key for key in _shown(metadata, request, skipped) if not _same(metadata[key], request[key])
    )
    if differing:
        raise DataddoError(
            f"adopt_id {adopt_id}: source {adopt_id} was created with other "
            f"{', '.join(differing)} than declared (they cannot change in place); declare what "
            "it was created with, or leave adopt_id out to create a new source"
        )
    if found.label != inputs["label"]:
        answer = account.api.update_source(found.id, payloads.update_source(inputs["label"]))
        lifecycle.confirm(KIND, found.id, "label", answer.label, inputs["label"])
    account.ledger.adopted(KIND, adopt_id)
    return found


def _put_schedule(
    account: Account, source_id: str, declared: Mapping[str, Any], *, verify_first: bool = False
) -> None:
    """Make the API hold the declared schedule fields: after a create, only when it did not
    take them from the create body; the answer must show them."""
    wanted = {key: str(value) for key, value in normalize_schedule(declared).items()}
    if verify_first:
        held = account.api.get_schedule(source_id)
        if schedule.declared_part(held, wanted) == wanted:
            return
    answer = account.api.update_schedule(source_id, schedule.update_request(wanted))
    lifecycle.confirm(KIND, source_id, "schedule", schedule.declared_part(answer, wanted), wanted)


def read(account: Account, id_: str, outs: Props) -> Refreshed:
    found = lifecycle.unless_gone(lambda: account.api.get_source(id_))
    if found is None:
        return GONE
    held = None
    if outs.get("schedule"):  # managed only when set: read only then
        held = lifecycle.unless_gone(lambda: account.api.get_schedule(id_))
        if held is None:
            return GONE
    return project(outs, found, held)


def project(outs: Props, found: SourceInfo, held: Mapping[str, str] | None = None) -> Refreshed:
    """The state after reading `found` (and its schedule `held`): what the user manages, from
    the API's answers; the config and the Service (creation parameters) from state."""
    refreshed = {
        **outs,
        "label": found.label,
        "connector_id": found.connector_id or outs.get("connector_id"),
        "template_id": found.template_id or outs.get("template_id"),
    }
    if held is not None and outs.get("schedule"):  # only the declared schedule fields
        refreshed["schedule"] = schedule.declared_part(held, outs["schedule"])
    return Refreshed(found.id, refreshed, {k: refreshed.get(k) for k in SOURCE.input_names})


def imported(account: Account, id_: str) -> Refreshed:
    """The source with the parameters it was created with (`/metadata`: its Service, config
    and strategy; secret values are left out there, and any credential it still shows is
    masked here: the import prints them) and its whole schedule."""
    found = lifecycle.unless_gone(lambda: account.api.get_source(id_))
    if found is None:
        return GONE
    connector_id = found.connector_id or ""
    shown = account.api.source_metadata(id_)
    redaction.remember_credentials(shown)
    metadata = redaction.masked(shown)
    held = account.api.get_schedule(id_)
    arguments = payloads.source_arguments(
        connector_form.names(connector_id), connector_id, metadata
    )
    return project({**arguments, "schedule": held or None}, found, held)


def update(account: Account, id_: str, olds: Props, news: Props) -> Props:
    changes = LOGIC.diff(olds, news).changes
    if "label" in changes:
        answer = account.api.update_source(id_, payloads.update_source(news["label"]))
        lifecycle.confirm(KIND, id_, "label", answer.label, news["label"])
    if "schedule" in changes:
        _put_schedule(account, id_, news["schedule"])
    return dict(news)


def delete(account: Account, id_: str, _outs: Props) -> None:
    lifecycle.delete(account.ledger, KIND, id_, lambda: account.api.delete_source(id_))


LOGIC = ResourceLogic(SOURCE, check, create, read, update, delete, imported, upgrade)
