"""Connectors: the catalog, templates, actions, and creating a source from every connector's
form (bodies built from the generated catalog)."""

from typing import Any

import pytest

from dataddo_emulator.catalog import catalog
from tests.emulator.bodies import minimal_body
from tests.emulator.conftest import SNAPCHAT_FORM, Api

CREATE = "/connectors/{}/create-source"
CONNECTORS = sorted(catalog().connectors)


def _fitting_service(api: Api, connector_id: str) -> int:
    return api.service(sorted(catalog().connectors[connector_id].services)[0], k="v")


def _create(api: Api, connector: str, body: Any, expected: int = 200) -> Any:
    if expected == 200:
        return api.call("POST", CREATE.format(connector), json=body)
    return api.error("POST", CREATE.format(connector), expected, json=body)


def test_listing_has_every_catalog_connector(api: Api) -> None:
    listed = {c["id"]: c for c in api.call("GET", "/connectors")}
    assert sorted(listed) == CONNECTORS
    assert {"snapchat_static", "snapchat_custom"} == set(listed["snapchat"]["services"])
    assert "mysql" in listed["mysql_binlog"]["services"]
    assert listed["snapchat"]["label"] == "Snapchat"


def test_templates(api: Api) -> None:
    templates = api.call("GET", "/connectors/snapchat/templates")
    assert templates["connectorId"] == "snapchat"
    assert [t["templateId"] for t in templates["templates"]] == ["index"]


def test_unknown_connector_is_404(api: Api) -> None:
    api.error("GET", "/connectors/nope/templates", 404)
    api.error("GET", "/connectors/nope/actions/authorization", 404)
    api.error("POST", CREATE.format("nope"), 404, json={})
    api.error("POST", "/connectors/nope/actions/organization", 404, json={"oAuthId": "1"})


def test_authorization_lists_fitting_services_of_this_customer(api: Api, other: Api) -> None:
    snap = api.service("snapchat_static")
    custom = api.service("snapchat_custom", refresh="r")
    api.service("mysql", host="h")
    other.service("snapchat_static")
    options = api.call("GET", "/connectors/snapchat/actions/authorization")
    assert options == [
        {"id": snap, "service": "snapchat_static"},
        {"id": custom, "service": "snapchat_custom"},
    ]


def test_action_options_are_stable_per_service_and_parent(api: Api) -> None:
    first, second = api.service(), api.service()
    path = "/connectors/snapchat/actions/"
    orgs = api.call("POST", path + "organization", json={"oAuthId": str(first)})
    assert len(orgs) == 3
    assert all(set(o) == {"label", "value"} for o in orgs)
    assert api.call("POST", path + "organization", json={"oAuthId": first}) == orgs
    others = api.call("POST", path + "organization", json={"oAuthId": str(second)})
    assert {o["value"] for o in others}.isdisjoint(o["value"] for o in orgs)
    accounts = [
        api.call("POST", path + "account", json={"oAuthId": str(first), "organizationId": o})
        for o in (orgs[0]["value"], orgs[1]["value"])
    ]
    assert accounts[0] != accounts[1]


def test_action_failures(api: Api, other: Api) -> None:
    snap = str(api.service())
    path = "/connectors/snapchat/actions/"
    assert "oAuthId" in api.error("POST", path + "organization", 400, json={})["errors"]
    for bad in ("abc", " 1000", other.service(), api.service("mysql", h=1)):
        api.error("POST", path + "organization", 400, json={"oAuthId": str(bad)})
    error = api.error("POST", path + "account", 400, json={"oAuthId": snap})
    assert "organizationId" in error["errors"]
    api.error("POST", path + "nope", 404, json={"oAuthId": snap})
    api.error("POST", path + "organization", 400, json=[1])


def test_every_connector_creates_a_source_from_its_form(api: Api) -> None:
    """Without its required fields a form is refused, naming each; with them it makes a source."""
    problems = []
    for connector_id in CONNECTORS:
        required = catalog().connectors[connector_id].required
        refused = api.error("POST", CREATE.format(connector_id), 400, json={}) if required else None
        if refused is not None and set(refused["errors"]) != required:
            problems.append(f"{connector_id}: {refused['errors']} is not {sorted(required)}")
        body = minimal_body(connector_id, _fitting_service(api, connector_id))
        source = _create(api, connector_id, body)
        detail = api.call("GET", f"/sources/{source['id']}")
        if (source["type"], detail["connector_id"], len(source["id"])) != (connector_id,) * 2 + (
            24,
        ):
            problems.append(f"{connector_id}: {source}")
    assert problems == []


@pytest.mark.parametrize("oauth", [str, int])
def test_camel_forms_take_the_service_as_a_string_or_an_integer(api: Api, oauth: Any) -> None:
    _create(api, "snapchat", {**SNAPCHAT_FORM, "oAuthId": oauth(api.service())})


def test_snake_forms_take_snake_names_and_an_integer_service(api: Api) -> None:
    service_id = api.service("mysql", host="h")
    body = {"o_auth_id": service_id, "label": "DB", "statement": "SELECT 1"}
    _create(api, "mysql", body)  # storage_strategy defaults, nothing else is required
    assert (
        "o_auth_id" in _create(api, "mysql", {**body, "o_auth_id": str(service_id)}, 400)["errors"]
    )


@pytest.mark.parametrize(
    ("connector_id", "foreign"),
    [
        ("snapchat", {"o_auth_id": 1}),
        ("snapchat", {"connector_id": "snapchat"}),
        ("snapchat", {"storage_strategy": "clean"}),
        ("mysql", {"oAuthId": "1"}),
        ("mysql", {"connectorId": "mysql"}),
        ("mysql", {"strategy": "clean"}),
    ],
)
def test_the_other_casing_is_refused(api: Api, connector_id: str, foreign: dict[str, Any]) -> None:
    body = minimal_body(connector_id, _fitting_service(api, connector_id))
    assert set(foreign) <= set(_create(api, connector_id, {**body, **foreign}, 400)["errors"])


def test_storage_strategy_and_its_alias(api: Api) -> None:
    form = {k: v for k, v in SNAPCHAT_FORM.items() if k != "strategy"}
    form["oAuthId"] = str(api.service())
    _create(api, "snapchat", {**form, "storageStrategy": "clean"})
    _create(api, "snapchat", {**form, "storageStrategy": "clean", "strategy": "clean"})
    assert "storageStrategy" in _create(api, "snapchat", form, 400)["errors"]
    both = {**form, "storageStrategy": "clean", "strategy": "incremental"}
    assert "storageStrategy" in _create(api, "snapchat", both, 400)["errors"]
    assert "storageStrategy" in _create(api, "snapchat", {**form, "strategy": "x"}, 400)["errors"]


def test_missing_and_mistyped_fields_are_all_named(api: Api) -> None:
    body = {**SNAPCHAT_FORM, "oAuthId": str(api.service()), "metrics": "spend", "labels": [1]}
    del body["organizationId"], body["dateRange"]
    errors = _create(api, "snapchat", body, 400)["errors"]
    assert set(errors) == {"organizationId", "dateRange", "metrics", "labels"}
    assert errors["organizationId"] == ["required"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"connectorId": "google_ads"}, "connectorId"),
        ({"templateId": "other"}, "templateId"),
        ({"oAuthId": True}, "oAuthId"),
        ({"oAuthId": "12a"}, "oAuthId"),
        ({"oAuthId": "999"}, "oAuthId"),
        ({"oAuthId": 2**70}, "oAuthId"),
        ({"allowEmpty": "yes"}, "allowEmpty"),
        ({"sync_frequency": "yearly"}, "sync_frequency"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"hour": "25"}, "hour"),
        ({"minute": 5}, "minute"),
    ],
)
def test_create_source_refuses(api: Api, change: dict[str, Any], field: str) -> None:
    body = {**SNAPCHAT_FORM, "oAuthId": str(api.service()), **change}
    assert field in _create(api, "snapchat", body, 400)["errors"]


def test_service_must_be_this_customers_and_fitting(api: Api, other: Api) -> None:
    foreign = {**SNAPCHAT_FORM, "oAuthId": str(other.service())}
    assert "unknown service" in _create(api, "snapchat", foreign, 400)["message"]
    unfit = {**SNAPCHAT_FORM, "oAuthId": str(api.service("mysql", host="h"))}
    assert "cannot authorize" in _create(api, "snapchat", unfit, 400)["message"]


def test_a_nullable_service_may_be_null(api: Api) -> None:
    """The spec's forms type `oAuthId` nullable (the generic `json` one requires it so)."""
    source = _create(api, "json", minimal_body("json", None) | {"oAuthId": None})
    assert source["type"] == "json"


@pytest.mark.parametrize("body", [[], "x", None])
def test_create_source_body_must_be_an_object(api: Api, body: Any) -> None:
    _create(api, "snapchat", body, 400)
