"""Connectors: catalog, templates, actions, and create-source validation."""

from typing import Any

import pytest

from tests.emulator.conftest import SNAPCHAT_FORM, Api

CREATE = "/connectors/{}/create-source"


def test_catalog_lists_the_emulated_connectors(api: Api) -> None:
    connectors = {c["id"]: c for c in api.call("GET", "/connectors")}
    assert {"snapchat", "google_analytics4", "facebook_ads", "mysql", "json"} <= set(connectors)
    assert "snapchat_static" in connectors["snapchat"]["services"]


def test_templates(api: Api) -> None:
    templates = api.call("GET", "/connectors/snapchat/templates")
    assert templates["connectorId"] == "snapchat"
    assert [t["templateId"] for t in templates["templates"]] == ["index"]


def test_unknown_connector_is_404(api: Api) -> None:
    api.error("GET", "/connectors/nope/templates", 404)
    api.error("GET", "/connectors/nope/actions/authorization", 404)
    api.error("POST", CREATE.format("nope"), 404, json={})
    api.error("POST", "/connectors/nope/actions/organization", 404, json={"oAuthId": 1})


def test_authorization_lists_fitting_services_of_this_customer(api: Api, other: Api) -> None:
    snap = api.service("snapchat_static")
    custom = api.service("snapchat_custom", refresh="r")
    api.service("mysql", host="h")
    other.service("snapchat_static")
    options = api.call("GET", "/connectors/snapchat/actions/authorization")
    assert [o["value"] for o in options] == [str(snap), str(custom)]
    assert options[0] == {
        "label": "snapchat_static",
        "value": str(snap),
        "id": snap,
        "service": "snapchat_static",
    }


def test_snapchat_organizations_and_accounts_are_stable_per_service(api: Api) -> None:
    first, second = api.service(), api.service()
    orgs = api.call("POST", "/connectors/snapchat/actions/organization", json={"oAuthId": first})
    assert len(orgs) == 3
    assert all(set(o) == {"label", "value"} for o in orgs)
    again = api.call(
        "POST", "/connectors/snapchat/actions/organization", json={"oAuthId": str(first)}
    )
    assert again == orgs
    others = api.call("POST", "/connectors/snapchat/actions/organization", json={"oAuthId": second})
    assert {o["value"] for o in others}.isdisjoint(o["value"] for o in orgs)
    body = {"oAuthId": first, "organizationId": orgs[0]["value"]}
    accounts = api.call("POST", "/connectors/snapchat/actions/account", json=body)
    body2 = {"oAuthId": first, "organizationId": orgs[1]["value"]}
    assert accounts != api.call("POST", "/connectors/snapchat/actions/account", json=body2)


@pytest.mark.parametrize(
    ("action", "service", "extra", "prefix"),
    [
        ("google_analytics4/actions/account", "google_analytics4_static", {}, "accounts/"),
        (
            "google_analytics4/actions/property",
            "google_analytics4_static",
            {"accountId": "a"},
            "pr",
        ),
        ("facebook_ads/actions/account", "facebook_static", {}, "act_"),
        ("mysql/actions/listTables", "mysql", {}, "table_"),
    ],
)
def test_other_actions(
    api: Api, action: str, service: str, extra: dict[str, str], prefix: str
) -> None:
    body = {"oAuthId": api.service(service, x="y"), **extra}
    options = api.call("POST", f"/connectors/{action}", json=body)
    assert all(o["value"].startswith(prefix) for o in options)


def test_action_failures(api: Api, other: Api) -> None:
    snap = api.service()
    path = "/connectors/snapchat/actions/"
    assert "oAuthId" in api.error("POST", path + "organization", 400, json={})["errors"]
    api.error("POST", path + "organization", 400, json={"oAuthId": "abc"})
    api.error("POST", path + "organization", 400, json={"oAuthId": other.service()})
    api.error("POST", path + "organization", 400, json={"oAuthId": api.service("mysql", h=1)})
    error = api.error("POST", path + "account", 400, json={"oAuthId": snap})
    assert "organizationId" in error["errors"]
    api.error("POST", path + "nope", 404, json={"oAuthId": snap})
    api.error("POST", path + "organization", 400, json=[1])
    api.error("GET", path + "organization", 405)


def _create(api: Api, connector: str, body: dict[str, Any], expected: int = 200) -> Any:
    if expected == 200:
        return api.call("POST", CREATE.format(connector), json=body)
    return api.error("POST", CREATE.format(connector), expected, json=body)


def test_create_source_answers_a_source(api: Api) -> None:
    source = _create(api, "snapchat", {**SNAPCHAT_FORM, "oAuthId": api.service()})
    assert set(source) == {"id", "label", "description", "type", "customer_id", "created"}
    assert len(source["id"]) == 24
    assert int(source["id"], 16) >= 0
    assert (source["label"], source["type"], source["description"]) == (
        "Snapchat Insights",
        "snapchat",
        "",
    )


@pytest.mark.parametrize("oauth", [lambda i: i, str, lambda i: f" {i}"])
def test_oauth_id_is_an_integer_or_a_numeric_string(api: Api, oauth: Any) -> None:
    service_id = api.service()
    source_id = _create(api, "snapchat", {**SNAPCHAT_FORM, "oAuthId": oauth(service_id)})["id"]
    assert api.call("GET", f"/sources/{source_id}")["o_auth_id"] == service_id


def test_storage_strategy_and_its_alias(api: Api) -> None:
    form = {k: v for k, v in SNAPCHAT_FORM.items() if k != "strategy"}
    form["oAuthId"] = api.service()
    _create(api, "snapchat", {**form, "storageStrategy": "clean"})
    _create(api, "snapchat", {**form, "storageStrategy": "clean", "strategy": "clean"})
    assert "storageStrategy" in _create(api, "snapchat", form, 400)["errors"]
    both = {**form, "storageStrategy": "clean", "strategy": "incremental"}
    assert "storageStrategy" in _create(api, "snapchat", both, 400)["errors"]
    assert "storageStrategy" in _create(api, "snapchat", {**form, "strategy": "x"}, 400)["errors"]


def test_missing_and_mistyped_fields_are_all_named(api: Api) -> None:
    body = {**SNAPCHAT_FORM, "oAuthId": api.service(), "metrics": "spend", "labels": [1]}
    del body["organizationId"], body["dateRange"]
    errors = _create(api, "snapchat", body, 400)["errors"]
    assert set(errors) == {"organizationId", "dateRange", "metrics", "labels"}
    assert errors["organizationId"] == ["required"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"connectorId": "google_ads"}, "connectorId"),
        ({"templateId": "other"}, "templateId"),
        ({"oAuthId": None}, "oAuthId"),
        ({"oAuthId": True}, "oAuthId"),
        ({"oAuthId": "12a"}, "oAuthId"),
        ({"oAuthId": 999}, "oAuthId"),
        ({"oAuthId": 2**70}, "oAuthId"),
        ({"label": 3}, "label"),
        ({"allowEmpty": "yes"}, "allowEmpty"),
        ({"description": ["x"]}, "description"),
        ({"sync_frequency": "yearly"}, "sync_frequency"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"hour": "25"}, "hour"),
        ({"minute": 5}, "minute"),
    ],
)
def test_create_source_refuses(api: Api, change: dict[str, Any], field: str) -> None:
    body = {**SNAPCHAT_FORM, "oAuthId": api.service(), **change}
    assert field in _create(api, "snapchat", body, 400)["errors"]


def test_service_must_be_this_customers_and_fitting(api: Api, other: Api) -> None:
    foreign = {**SNAPCHAT_FORM, "oAuthId": other.service()}
    assert "unknown service" in _create(api, "snapchat", foreign, 400)["message"]
    unfit = {**SNAPCHAT_FORM, "oAuthId": api.service("mysql", host="h")}
    assert "cannot authorize" in _create(api, "snapchat", unfit, 400)["message"]


@pytest.mark.parametrize("service", ["snapchat_static", "snapchat_custom", "snapchat"])
def test_snapchat_takes_every_snapchat_service_type(api: Api, service: str) -> None:
    _create(api, "snapchat", {**SNAPCHAT_FORM, "oAuthId": api.service(service, k="v")})


def test_other_connectors(api: Api) -> None:
    ga4 = {
        "connectorId": "google_analytics4",
        "templateId": "index",
        "storageStrategy": "clean",
        "oAuthId": api.service("google_analytics4_static", k="v"),
        "label": "GA4",
        "propertyId": "properties/1",
        "metric": ["sessions"],
        "dimension": ["date"],
        "limit": 100,
    }
    _create(api, "google_analytics4", ga4)
    assert "limit" in _create(api, "google_analytics4", {**ga4, "limit": "100"}, 400)["errors"]
    facebook = {
        "connectorId": "facebook_ads",
        "templateId": "index",
        "strategy": "incremental",
        "oAuthId": api.service("facebook_static", k="v"),
        "label": "FB",
        "accountId": "act_1",
        "dateRange": "{{7d1}}",
        "timeBreakup": "all_days",
        "level": "campaign",
        "metric": ["clicks"],
        "dataLabel": ["campaign_id"],
        "adSetId": None,
    }
    _create(api, "facebook_ads", facebook)
    # MysqlDto: snake_case, the strategy defaults to incremental
    mysql: dict[str, Any] = {
        "o_auth_id": api.service("mysql", host="h"),
        "label": "DB",
        "statement": "SELECT 1",
    }
    _create(api, "mysql", mysql)
    assert "statement" in _create(api, "mysql", {**mysql, "statement": None}, 400)["errors"]
    mismatch = {**mysql, "oAuthId": mysql["o_auth_id"] + 1}
    assert "oAuthId" in _create(api, "mysql", mismatch, 400)["errors"]
    generic = {
        "connectorId": "json",
        "templateId": "index",
        "storageStrategy": "clean",
        "label": "JSON",
        "url": "https://example.com/data.json",
        "method": "GET",
        "transformation": "$",
        "attributes": ["a"],
    }
    source_id = _create(api, "json", generic)["id"]
    assert api.call("GET", f"/sources/{source_id}")["o_auth_id"] is None
    _create(api, "json", {**generic, "oAuthId": None})
    with_service = {**generic, "oAuthId": api.service()}
    assert "oAuthId" in _create(api, "json", with_service, 400)["errors"]


@pytest.mark.parametrize("body", [[], "x", None])
def test_create_source_body_must_be_an_object(api: Api, body: Any) -> None:
    _create(api, "snapchat", body, 400)
