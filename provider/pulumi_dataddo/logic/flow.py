"""Flow: sources wired to a dashboard app, which exposes an API endpoint (`api_id`).

`label` and `sources` change in place (the order of sources does not matter); the app cannot
change, so a new app replaces the flow. `label` is managed only when declared.
"""

from __future__ import annotations

from typing import Any

from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.http.responses import FlowInfo
from pulumi_dataddo.logic import catalog, lifecycle, payloads
from pulumi_dataddo.logic.base import GONE, Checked, Created, Props, Refreshed, ResourceLogic
from pulumi_dataddo.logic.diff import DiffPlan, Field, plan
from pulumi_dataddo.logic.reconcile import Collection, create_once
from pulumi_dataddo.logic.validation import Validator
from pulumi_dataddo.logic.values import is_unknown

KIND = "flow"
INPUTS = ("sources", "app", "label", "adopt_id")


def _source_set(value: Any) -> Any:
    return sorted(map(str, value)) if isinstance(value, list) else value


FIELDS = (
    Field("app", replaces=True),
    Field("label", optional=True),
    Field("sources", normalize=_source_set),
)


def check(_olds: Props, news: Props) -> Checked:
    v = Validator()
    _check_sources(v, news.get("sources"))
    v.text("app", news.get("app"), choices=catalog.apps())
    v.text("label", news.get("label"))
    v.object_id("adopt_id", news.get("adopt_id"))
    return Checked(dict(news), v.failures)


def _check_sources(v: Validator, sources: Any) -> None:
    if is_unknown(sources) and not isinstance(sources, list):
        return
    if not isinstance(sources, list) or not sources:
        v.fail("sources", f"must list at least one source id, {v.got(sources)}")
        return
    for index, source_id in enumerate(sources):
        v.object_id(f"sources[{index}]", source_id)
    known = [s for s in sources if isinstance(s, str) and not is_unknown(s)]
    duplicates = sorted({s for s in known if known.count(s) > 1})
    if duplicates:
        v.fail("sources", f"lists {', '.join(duplicates)} more than once")


def diff(olds: Props, news: Props) -> DiffPlan:
    return plan(FIELDS, olds, news)


def create(api: DataddoClient, inputs: Props) -> Created:
    sources, app, label = list(inputs["sources"]), inputs.get("app"), inputs.get("label")
    adopt_id = inputs.get("adopt_id")
    if adopt_id is not None:
        found = lifecycle.adopted(KIND, adopt_id, lambda: api.get_flow(adopt_id))
        lifecycle.verify_kind(KIND, adopt_id, "app", found.app, app)
        found = api.update_flow(found.id, payloads.update_flow(sources, label))
    else:
        body = payloads.create_flow(sources, app, label)
        flows = Collection(
            KIND,
            listing=api.list_flows,
            ident=lambda f: f.id,
            existed_at=lambda f: f.existed_at,
            matches=lambda f: (f.label, f.app, sorted(f.sources)) == (label, app, sorted(sources)),
        )
        found = create_once(lambda: api.create_flow(body), flows, look_first=api.recover)
    return Created(found.id, _outputs(inputs, found))


def read(api: DataddoClient, id_: str, outs: Props) -> Refreshed:
    found = lifecycle.unless_gone(lambda: api.get_flow(id_))
    return GONE if found is None else refresh(outs, found)


def refresh(outs: Props, found: FlowInfo) -> Refreshed:
    """State after reading `found`: sources, app, endpoint, and the label when declared."""
    refreshed = {**_outputs(outs, found), "sources": found.sources, "app": found.app}
    if outs.get("label") is not None:  # the label is managed only when declared
        refreshed["label"] = found.label
    return Refreshed(found.id, refreshed, {key: refreshed.get(key) for key in INPUTS})


def update(api: DataddoClient, id_: str, olds: Props, news: Props) -> Props:
    changes = diff(olds, news).changes
    body = payloads.update_flow(
        news["sources"] if "sources" in changes else None,
        news.get("label") if "label" in changes else None,
    )
    found = api.update_flow(id_, body) if body else None
    return {**news, "api_id": found.api_id if found else olds.get("api_id")}


def delete(api: DataddoClient, id_: str, _outs: Props) -> None:
    lifecycle.delete(KIND, id_, lambda: api.delete_flow(id_))


def _outputs(inputs: Props, found: FlowInfo) -> Props:
    return {**inputs, "api_id": found.api_id}


LOGIC = ResourceLogic(KIND, check, diff, create, read, update, delete)
