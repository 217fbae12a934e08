"""Destination: where flows write; 24-hex ids.

Created by `POST /destinations/{type}` with the type's storage form; `label`, `oauth_id` and
`config` change in place by `PUT /destinations/{id}` with the same parameters (DECIDED: the spec
types that body only as "the concrete params" of the type). The type is not in any answer, and
the config is not returned: both are kept from state.

Import (DECIDED, docs/design.md): an imported destination has its label only; its type, Service
and config stay out (no answer holds them). Its check accepts the missing type while its inputs
are exactly the imported ones (`pulumi import` checks what it read); declaring the type then is
an in-place change that records it (the update writes the declared label, Service and config),
never a replacement: the type was never known, not changed.
"""

from __future__ import annotations

from pulumi_dataddo import redaction
from pulumi_dataddo.fields.destination import DESTINATION
from pulumi_dataddo.fields.validation import Validator
from pulumi_dataddo.fields.values import did_you_mean, is_unknown
from pulumi_dataddo.http.responses import DestinationInfo
from pulumi_dataddo.logic import catalog, lifecycle, payloads
from pulumi_dataddo.logic.account import Account
from pulumi_dataddo.logic.base import GONE, Checked, Created, Props, Refreshed, ResourceLogic
from pulumi_dataddo.logic.check import check_fields
from pulumi_dataddo.logic.diff import DiffPlan, plan
from pulumi_dataddo.logic.reconcile import Identity, create_once

KIND = DESTINATION.kind


def as_imported(olds: Props, news: Props) -> bool:
    """Whether `news` are an imported destination's inputs, unchanged: what `pulumi import`
    read (old and new inputs alike), without the type no answer holds."""
    return bool(olds) and olds == news and news.get("destination_type") is None


def check(olds: Props, news: Props) -> Checked:
    v = Validator()
    inputs = check_fields(DESTINATION, news, v)
    if as_imported(olds, news):  # any change needs the type: a replacement creates with it
        v.failures[:] = [f for f in v.failures if f.field != "destination_type"]
    kind, config = news.get("destination_type"), news.get("config")
    warnings = []
    if isinstance(config, dict):
        redaction.remember_credentials(config)
    if isinstance(kind, str) and not is_unknown(kind):
        form = catalog.destination_form(kind)
        if form is None:
            warnings.append(
                f"destination_type: {kind!r} is not in the published catalog"
                f"{did_you_mean(kind, catalog.destination_types())}; the API decides whether "
                "it exists"
            )
        elif isinstance(config, dict):
            for key in sorted(config.keys() - form.keys()):
                warnings.append(
                    f"config.{key}: destination type {kind}'s published form has no such field"
                    f"{did_you_mean(key, form.keys())}; it is sent as is"
                )
            for key in sorted({"label", "o_auth_id"} & config.keys()):
                argument = "label" if key == "label" else "oauth_id"
                v.fail(f"config.{key}", f"is set by the Destination argument {argument}")
    return Checked(inputs, v.failures, warnings)


def _body(inputs: Props) -> dict[str, object]:
    return payloads.destination(inputs["label"], inputs.get("oauth_id"), inputs.get("config"))


def create(account: Account, inputs: Props) -> Created:
    adopt_id = inputs.get("adopt_id")
    if adopt_id is not None:
        lifecycle.adopted(
            account.ledger, KIND, adopt_id, lambda: account.api.get_destination(adopt_id)
        )
        found = _put(account, adopt_id, inputs)
        account.ledger.adopted(KIND, adopt_id)
    else:
        label, kind = inputs["label"], inputs["destination_type"]
        body = _body(inputs)
        identity = Identity(
            KIND,
            listing=account.api.list_destinations,
            ident=lambda d: d.id,
            changed_at=lambda d: d.created,
            matches=lambda d: d.label == label,
            distinct=True,  # the label is required
            anchored=False,  # its answers show no type, Service or config
            describe=lambda d: f"destination {d.id} ({d.label!r})",
            request=body,
        )
        found = create_once(account, lambda: account.api.create_destination(kind, body), identity)
    return Created(found.id, _outputs(inputs, found))


def _put(account: Account, id_: str, inputs: Props) -> DestinationInfo:
    found = account.api.update_destination(id_, _body(inputs))
    lifecycle.confirm(KIND, id_, "label", found.label, inputs["label"])
    return found


def _outputs(inputs: Props, found: DestinationInfo) -> Props:
    return {**inputs, "status": found.status, "status_detail": found.status_detail}


def read(account: Account, id_: str, outs: Props) -> Refreshed:
    found = lifecycle.unless_gone(lambda: account.api.get_destination(id_))
    return GONE if found is None else project(outs, found)


def project(outs: Props, found: DestinationInfo) -> Refreshed:
    """The state after reading `found`: its label and status; the type, the Service and the
    config (never returned) from state."""
    refreshed = {**_outputs(outs, found), "label": found.label}
    return Refreshed(found.id, refreshed, {k: refreshed.get(k) for k in DESTINATION.input_names})


def imported(account: Account, id_: str) -> Refreshed:
    """The destination's label (and status); its type, Service and config are in no answer:
    they stay out, and the program declares them."""
    found = lifecycle.unless_gone(lambda: account.api.get_destination(id_))
    return GONE if found is None else project({}, found)


def diff(olds: Props, news: Props) -> DiffPlan:
    """Field by field, but a type declared for a destination whose state holds none (an
    imported one) changes in place: it was never known, not changed, so nothing is replaced;
    the update records it."""
    planned = plan(DESTINATION, olds, news)
    if olds.get("destination_type") is not None or "destination_type" not in planned.replaces:
        return planned
    replaces = tuple(name for name in planned.replaces if name != "destination_type")
    stables = () if replaces else tuple(f.name for f in DESTINATION.outputs if f.stable)
    return DiffPlan(planned.changes, replaces, stables)


def update(account: Account, id_: str, _olds: Props, news: Props) -> Props:
    return _outputs(news, _put(account, id_, news))


def delete(account: Account, id_: str, _outs: Props) -> None:
    lifecycle.delete(account.ledger, KIND, id_, lambda: account.api.delete_destination(id_))


class DestinationLogic(ResourceLogic):
    """The Destination's lifecycle, its diff knowing an imported destination's unknown type."""

    def diff(self, olds: Props, news: Props) -> DiffPlan:
        return diff(olds, news)


LOGIC = DestinationLogic(DESTINATION, check, create, read, update, delete, imported)
