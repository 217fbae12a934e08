"""Service: stored third-party credentials; integer ids.

The spec types only the list (`GET /services`, `ServiceListResponse`): the detail and update
answers are untyped, so a service's type and label are read from the list, and
`GET /services/{id}` serves only to tell a missing service (404) from an unlisted one. `config`
is write-only at the API: kept from state, never compared with it.
"""

from __future__ import annotations

from pulumi_dataddo import redaction
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.fields.service import SERVICE
from pulumi_dataddo.fields.validation import Validator
from pulumi_dataddo.fields.values import did_you_mean, integer_text
from pulumi_dataddo.http.responses import ServiceInfo
from pulumi_dataddo.logic import catalog, lifecycle, payloads
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.logic.base import GONE, Checked, Created, Props, Refreshed, ResourceLogic
from pulumi_dataddo.logic.check import check_fields
from pulumi_dataddo.logic.reconcile import Identity, create_once

KIND = SERVICE.kind


def check(_olds: Props, news: Props) -> Checked:
    v = Validator()
    inputs = check_fields(SERVICE, news, v)
    config = news.get("config")
    if isinstance(config, dict):
        redaction.remember_all(config)
        if not config:
            v.fail("config", "must hold the service's credentials, got an empty object")
        if "label" in config:
            v.fail("config.label", "is set by the Service argument label, not in config")
    warnings = []
    service = news.get("service")
    if isinstance(service, str) and service not in catalog.service_types():
        warnings.append(
            f"service: {service!r} is not a service type of the published spec"
            f"{did_you_mean(service, catalog.service_types())}; the API decides whether it exists"
        )
    return Checked(inputs, v.failures, warnings)


def find(account: Account, service_id: int) -> ServiceInfo | None:
    """The listed service, None when it is gone (a 404 to its own GET), or an error when the
    service exists but the list does not show it."""
    for item in account.api.list_services():
        if item.id == service_id:
            return item
    if lifecycle.unless_gone(lambda: account.api.check_service(service_id)) is None:
        return None
    raise DataddoError(
        f"service {service_id} exists but GET /services does not list it, so its type and "
        "label cannot be read"
    )


def create(account: Account, inputs: Props) -> Created:
    service, config, label = inputs["service"], dict(inputs["config"]), inputs.get("label")
    redaction.remember_all(config)
    adopt_id = inputs.get("adopt_id")
    if adopt_id is not None:
        found = lifecycle.adopted(
            account.ledger, KIND, adopt_id, lambda: find(account, int(adopt_id))
        )
        lifecycle.verify_kind(KIND, adopt_id, "service type", found.service, service)
        _put(account, found.id, config, label)
        service_id = found.id
        account.ledger.adopted(KIND, str(service_id))
    else:
        body = payloads.create_service(service, config, label)
        identity = Identity(
            KIND,
            listing=account.api.list_services,
            ident=lambda s: str(s.id),
            changed_at=lambda s: s.last_action,
            matches=lambda s: s.service == service and label in (None, s.label),
            # The API labels a service without one by its type (DECIDED): neither tells apart.
            distinct=label is not None and label != service,
            anchored=False,  # its answers show no credentials: another stack's may look alike
            describe=lambda s: f"service {s.id} ({s.service}, {s.label!r})",
            request=body,
        )
        created = create_once(
            account,
            lambda: ServiceInfo(account.api.create_service(body), service, label),
            identity,
        )
        service_id = created.id
    return Created(str(service_id), {**inputs, "service_id": service_id})


def _put(account: Account, service_id: int, config: Props, label: str | None) -> None:
    """Write the declared config and label; the answer is untyped, so a declared label is
    confirmed from the list."""
    account.api.update_service(service_id, payloads.update_service(config, label))
    if label is not None:
        found = find(account, service_id)
        lifecycle.confirm(KIND, str(service_id), "label", found.label if found else None, label)


def read(account: Account, id_: str, outs: Props) -> Refreshed:
    found = find(account, int(id_))
    return GONE if found is None else project(outs, found)


def project(outs: Props, found: ServiceInfo) -> Refreshed:
    """The state after reading `found`: what the user manages, from the API's answer; the
    config (never returned) from state."""
    refreshed = {**outs, "service": found.service or outs.get("service"), "service_id": found.id}
    if outs.get("label") is not None:  # the label is managed only when set
        refreshed["label"] = found.label
    return Refreshed(str(found.id), refreshed, {k: refreshed.get(k) for k in SERVICE.input_names})


def imported(account: Account, id_: str) -> Refreshed:
    """The service's type and label (its config cannot be read: it stays out)."""
    if integer_text(id_) is None:
        raise DataddoError(f"{id_!r} is not a service id (an integer)")
    found = find(account, int(id_))
    return GONE if found is None else project({"label": found.label}, found)


def update(account: Account, id_: str, olds: Props, news: Props) -> Props:
    redaction.remember_all(news["config"])
    _put(account, int(id_), news["config"], news.get("label"))
    return {**news, "service_id": int(id_)}


def delete(account: Account, id_: str, _outs: Props) -> None:
    lifecycle.delete(account.ledger, KIND, id_, lambda: account.api.delete_service(int(id_)))


LOGIC = ResourceLogic(SERVICE, check, create, read, update, delete, imported)
