"""Source: a connector pulling data, authorized by a Service; 24-hex ids.

`config` goes verbatim into the create-source payload and cannot change afterwards (replace);
`label` and `schedule` change in place. The schedule is managed only when declared, and only
the declared schedule fields are compared with what the API holds.
"""

from __future__ import annotations

from typing import Any

from pulumi_dataddo import secrets
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.http.errors import ApiError
from pulumi_dataddo.http.responses import SourceInfo
from pulumi_dataddo.logic import connector_form, lifecycle, payloads, schedule
from pulumi_dataddo.logic.base import (
    GONE,
    Checked,
    Created,
    Props,
    ProviderError,
    Refreshed,
    ResourceLogic,
)
from pulumi_dataddo.logic.diff import DiffPlan, Field, plan
from pulumi_dataddo.logic.readiness import wait_until_live
from pulumi_dataddo.logic.reconcile import Collection, create_once
from pulumi_dataddo.logic.validation import IDENTIFIER, Validator
from pulumi_dataddo.logic.values import integer_text

KIND = "source"
# A new source extracts its data asynchronously: it starts `running` (DECIDED: the create is one
# POST, so the status is not read back unless `wait_until_live` asks to wait).
NEW_SOURCE_STATUS = "running"
DEFAULT_TEMPLATE = "index"
INPUTS = (
    "connector_id",
    "label",
    "oauth_id",
    "template_id",
    "config",
    "schedule",
    "strategy",
    "wait_until_live",
    "adopt_id",
)


def _id_text(value: Any) -> Any:
    return integer_text(value) or value


def _schedule_form(value: Any) -> Any:
    return schedule.normalize(value) if isinstance(value, dict) else value


FIELDS = (
    Field("connector_id", replaces=True),
    Field("template_id", replaces=True),
    Field("oauth_id", replaces=True, normalize=_id_text),
    Field("config", replaces=True),
    Field("strategy", replaces=True),
    Field("label"),
    Field("schedule", optional=True, normalize=_schedule_form),
)


def check(_olds: Props, news: Props) -> Checked:
    v = Validator()
    connector_id = news.get("connector_id")
    connector_form.check_connector(v, connector_id)
    v.text("label", news.get("label"), required=True)
    v.service_id("oauth_id", news.get("oauth_id"))
    # Only a missing template defaults: a wrong value (0, "", []) is refused, not replaced.
    template_id = DEFAULT_TEMPLATE if news.get("template_id") is None else news["template_id"]
    v.text("template_id", template_id, pattern=IDENTIFIER, expected="a template id such as index")
    config = v.mapping("config", news.get("config"))
    schedule.validate(v, news.get("schedule"))
    v.text("strategy", news.get("strategy"), expected="a storage strategy such as incremental")
    v.number("wait_until_live", news.get("wait_until_live"))
    v.object_id("adopt_id", news.get("adopt_id"))
    if config is not None:
        secrets.remember_secret_fields(config)
    if isinstance(connector_id, str) and (config is not None or news.get("config") is None):
        connector_form.check_config(v, connector_id, config or {}, news.get("strategy"))
    inputs = {**news, "template_id": template_id}
    oauth_id = integer_text(news.get("oauth_id"))
    if oauth_id is not None:
        inputs["oauth_id"] = oauth_id
    if isinstance(news.get("schedule"), dict):
        inputs["schedule"] = schedule.normalize(news["schedule"])
    return Checked(inputs, v.failures)


def diff(olds: Props, news: Props) -> DiffPlan:
    return plan(FIELDS, olds, news)


def create(api: DataddoClient, inputs: Props) -> Created:
    adopt_id = inputs.get("adopt_id")
    found = _create(api, inputs) if adopt_id is None else _adopt(api, adopt_id, inputs)
    status = found.status or NEW_SOURCE_STATUS
    if inputs.get("wait_until_live"):
        status = _wait(api, found.id, float(inputs["wait_until_live"]), rollback=adopt_id is None)
    return Created(found.id, {**inputs, "status": status})


def _create(api: DataddoClient, inputs: Props) -> SourceInfo:
    connector_id, label, oauth = inputs["connector_id"], inputs["label"], inputs.get("oauth_id")
    body = payloads.create_source(
        connector_id=connector_id,
        template_id=inputs["template_id"],
        label=label,
        oauth=oauth,
        config=inputs.get("config"),
        schedule_fields=inputs.get("schedule"),
        strategy=inputs.get("strategy"),
    )

    def matches(found: SourceInfo) -> bool:
        if found.label != label or found.connector_id not in (None, connector_id):
            return False
        return oauth is None or _id_text(api.get_source(found.id).oauth_id) == _id_text(oauth)

    sources = Collection(
        KIND,
        listing=api.list_sources,
        ident=lambda s: s.id,
        existed_at=lambda s: s.existed_at,
        matches=matches,
    )
    return create_once(
        lambda: api.create_source(connector_id, body), sources, look_first=api.recover
    )


def _adopt(api: DataddoClient, adopt_id: str, inputs: Props) -> SourceInfo:
    found = lifecycle.adopted(KIND, adopt_id, lambda: api.get_source(adopt_id))
    connector_id = inputs["connector_id"]
    lifecycle.verify_kind(KIND, adopt_id, "connector", found.connector_id, connector_id)
    api.update_source(found.id, payloads.update_source(inputs["label"]))
    if inputs.get("schedule"):
        api.update_schedule(found.id, schedule.update_request(inputs["schedule"]))
    return found


def _wait(api: DataddoClient, source_id: str, timeout: float, *, rollback: bool) -> str:
    """`live`, or an error; a source created here is then deleted again, so that no orphan
    outlives the failed create."""
    try:
        return wait_until_live(source_id, timeout, lambda: api.source_status(source_id)).status
    except (ProviderError, ApiError) as exc:
        if not rollback:
            raise
        failure = exc
    try:
        lifecycle.delete(KIND, source_id, lambda: api.delete_source(source_id))
    except (ProviderError, ApiError) as exc:
        raise ProviderError(
            f"{failure}; deleting the new source failed too ({exc}): delete it in Dataddo, or "
            f"adopt it with adopt_id={source_id!r}"
        ) from None
    raise ProviderError(f"{failure}; the new source was deleted again")


def read(api: DataddoClient, id_: str, outs: Props) -> Refreshed:
    found = lifecycle.unless_gone(lambda: api.get_source(id_))
    return GONE if found is None else refresh(outs, found)


def refresh(outs: Props, found: SourceInfo) -> Refreshed:
    """State after reading `found` (the SourceDTO, schedule included); config is kept."""
    refreshed = {
        **outs,
        "label": found.label,
        "connector_id": found.connector_id or outs.get("connector_id"),
        "template_id": found.template_id or outs.get("template_id"),
        "status": found.status or outs.get("status"),
    }
    if found.oauth_id is not None and outs.get("oauth_id") is not None:
        refreshed["oauth_id"] = _id_text(found.oauth_id)
    if outs.get("schedule") and found.schedule is not None:
        refreshed["schedule"] = schedule.from_api(found.schedule, outs["schedule"])
    return Refreshed(found.id, refreshed, {key: refreshed.get(key) for key in INPUTS})


def update(api: DataddoClient, id_: str, olds: Props, news: Props) -> Props:
    changes = diff(olds, news).changes
    if "label" in changes:
        api.update_source(id_, payloads.update_source(news["label"]))
    if "schedule" in changes:
        api.update_schedule(id_, schedule.update_request(news["schedule"]))
    return {**news, "status": olds.get("status")}


def delete(api: DataddoClient, id_: str, _outs: Props) -> None:
    lifecycle.delete(KIND, id_, lambda: api.delete_source(id_))


LOGIC = ResourceLogic(KIND, check, diff, create, read, update, delete)
