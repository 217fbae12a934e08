"""Service (authorizer): stored third-party credentials; integer ids.

`config` is write-only at the API (secrets are never returned), so it is kept from state and
never compared with what the API returns. `label` is managed only when declared.
"""

from __future__ import annotations

from typing import Any

from pulumi_dataddo import secrets
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.http.responses import ServiceInfo
from pulumi_dataddo.logic import lifecycle, payloads
from pulumi_dataddo.logic.base import GONE, Checked, Created, Props, Refreshed, ResourceLogic
from pulumi_dataddo.logic.diff import DiffPlan, Field, plan
from pulumi_dataddo.logic.reconcile import Collection, create_once
from pulumi_dataddo.logic.validation import IDENTIFIER, Validator
from pulumi_dataddo.logic.values import integer_text

KIND = "service"
INPUTS = ("service", "config", "label", "adopt_id")
FIELDS = (Field("service", replaces=True), Field("label", optional=True), Field("config"))


def check(_olds: Props, news: Props) -> Checked:
    v = Validator()
    v.text(
        "service",
        news.get("service"),
        required=True,
        pattern=IDENTIFIER,
        expected="a service type such as snapchat_static",
    )
    config = v.mapping("config", news.get("config"), required=True, secret=True)
    if config is not None:
        secrets.remember_config(config)
    v.text("label", news.get("label"))
    v.service_id("adopt_id", news.get("adopt_id"))
    inputs = dict(news)
    adopt_id = integer_text(news.get("adopt_id"))
    if adopt_id is not None:
        inputs["adopt_id"] = adopt_id
    return Checked(inputs, v.failures)


def diff(olds: Props, news: Props) -> DiffPlan:
    return plan(FIELDS, olds, news)


def create(api: DataddoClient, inputs: Props) -> Created:
    service, config, label = inputs["service"], dict(inputs["config"]), inputs.get("label")
    secrets.remember_config(config)
    adopt_id = inputs.get("adopt_id")
    if adopt_id is not None:
        found = lifecycle.adopted(KIND, adopt_id, lambda: api.get_service(int(adopt_id)))
        lifecycle.verify_kind(KIND, adopt_id, "service type", found.service, service)
        api.update_service(found.id, payloads.update_service(label, config))
        service_id = found.id
    else:
        body = payloads.create_service(service, config, label)
        services = Collection(
            KIND,
            listing=api.list_services,
            ident=lambda s: str(s.id),
            existed_at=lambda s: s.existed_at,
            matches=lambda s: s.service == service and label in (None, s.label),
        )
        service_id = create_once(
            lambda: ServiceInfo(api.create_service(body), service, label),
            services,
            look_first=api.recover,
        ).id
    return Created(str(service_id), _outputs(inputs, service_id))


def read(api: DataddoClient, id_: str, outs: Props) -> Refreshed:
    found = lifecycle.unless_gone(lambda: api.get_service(int(id_)))
    return GONE if found is None else refresh(outs, found)


def refresh(outs: Props, found: ServiceInfo) -> Refreshed:
    """State after reading `found`: drift shows in both outputs and inputs."""
    refreshed = {**outs, "service": found.service or outs.get("service"), "service_id": found.id}
    if outs.get("label") is not None:  # the label is managed only when declared
        refreshed["label"] = found.label
    return Refreshed(str(found.id), refreshed, {key: refreshed.get(key) for key in INPUTS})


def update(api: DataddoClient, id_: str, olds: Props, news: Props) -> Props:
    changes = diff(olds, news).changes
    secrets.remember_config(news["config"])
    body = payloads.update_service(
        news.get("label") if "label" in changes else None,
        news["config"] if "config" in changes else None,
    )
    if body:
        api.update_service(int(id_), body)
    return _outputs(news, int(id_))


def delete(api: DataddoClient, id_: str, _outs: Props) -> None:
    lifecycle.delete(KIND, id_, lambda: api.delete_service(int(id_)))


def _outputs(inputs: Props, service_id: int) -> dict[str, Any]:
    return {**inputs, "service_id": service_id}


LOGIC = ResourceLogic(KIND, check, diff, create, read, update, delete)
