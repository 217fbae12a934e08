"""Shared facts for provider tests: the seed (the docs' end-to-end example) and its program."""

from __future__ import annotations

from typing import Any

import pytest

from pulumi_dataddo import redaction
from tests.seed import seed_create_source_body

SEED_OAUTH_ID = 1000


@pytest.fixture(autouse=True)
def _fresh_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no remembered secret (the registry is process-wide by design)."""
    monkeypatch.setattr(redaction, "_known", set())


@pytest.fixture(scope="session")
def seed_create_source() -> dict[str, Any]:
    """The seed's create-source body, with the authorizer id of the seed's first response
    quoted as the spec types `oAuthId`."""
    return seed_create_source_body(SEED_OAUTH_ID, quoted=True)


@pytest.fixture
def seed_source_inputs() -> dict[str, Any]:
    """The seed program's Source arguments, as the engine hands them to the provider."""
    return {
        "connector_id": "snapchat",
        "template_id": "index",
        "oauth_id": str(SEED_OAUTH_ID),
        "label": "Snapchat Insights",
        "config": {
            "organizationId": "ORGANIZATION_ID",
            "accountId": "ACCOUNT_ID",
            "breakdown": "campaign",
            "metrics": ["spend", "impressions"],
            "labels": ["stats_id", "stats_type", "stats_start_time", "stats_end_time"],
            "action_report_time": "conversion",
            "swipe_up_attribution_window": "28_DAY",
            "view_attribution_window": "1_DAY",
            "dateRange": "{{30d1}}",
        },
        "schedule": {
            "sync_frequency": "day",
            "day_of_week": "2",
            "day_of_month": "1",
            "hour": "3",
            "minute": "25",
            "timezone": "UTC",
        },
        "strategy": "incremental",
    }


@pytest.fixture
def seed_service_inputs() -> dict[str, Any]:
    return {
        "service": "snapchat_static",
        "config": {
            "staticKey": "REFRESH_TOKEN_value",
            "clientId": "YOUR_APP_CLIENT_ID",
            "clientSecret": "YOUR_APP_CLIENT_SECRET",
        },
        "label": "Snapchat",
    }


@pytest.fixture
def seed_flow_inputs() -> dict[str, Any]:
    return {
        "sources": ["63b872052946b21e6d063cb2"],
        "app": "google_data_studio",
        "label": "GDS Flow",
    }
