"""Program-side lookups against the emulator, with credentials from the environment."""

from __future__ import annotations

from typing import Any

import pulumi
import pytest

import pulumi_dataddo as dataddo
from dataddo_emulator.testing import RunningEmulator
from pulumi_dataddo.http.client import DataddoClient


class NoResources(pulumi.runtime.Mocks):
    def new_resource(self, args: pulumi.runtime.MockResourceArgs) -> tuple[str, dict[str, Any]]:
        raise AssertionError("lookups create no resources")

    def call(self, args: pulumi.runtime.MockCallArgs) -> tuple[dict[str, Any], None]:
        return {}, None


@pytest.fixture
def service_id(emu: RunningEmulator, api: DataddoClient, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("DATADDO_BASE_URL", emu.url)
    monkeypatch.setenv("DATADDO_ACCESS_TOKEN", emu.login())
    pulumi.runtime.set_mocks(NoResources(), preview=False)
    return api.create_service({"serviceName": "snapchat_static", "config": {"clientId": "c"}})


@pulumi.runtime.test  # type: ignore[untyped-decorator]
def test_connectors_organizations_and_accounts(service_id: int) -> pulumi.Output[Any]:
    connectors = dataddo.get_connectors()
    organizations = dataddo.get_organizations(pulumi.Output.from_input(str(service_id)))

    def first_organization_accounts(orgs: list[dict[str, str]]) -> Any:
        return dataddo.get_accounts(service_id, orgs[0]["value"])

    accounts = organizations.apply(first_organization_accounts)

    def verify(values: list[Any]) -> None:
        found_connectors, found_orgs, found_accounts = values
        assert {"label": "Snapchat", "value": "snapchat"} in found_connectors
        assert found_orgs
        assert found_accounts
        for item in (*found_orgs, *found_accounts):
            assert set(item) == {"label", "value"}

    return pulumi.Output.all(connectors, organizations, accounts).apply(verify)
