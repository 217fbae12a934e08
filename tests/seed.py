"""The seed: the docs' end-to-end example the product starts from (tests/fixtures/seed/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "seed"
OAUTH_ID = "OAUTH_ID"  # the placeholder for the service id in the create-source request
# A valid Snapchat source's connector fields: the one test configuration of every suite.
SNAPCHAT_FIELDS = {
    "organizationId": "org-1",
    "accountId": "acct-1",
    "breakdown": "campaign",
    "metrics": ["spend"],
    "labels": ["stats_id"],
    "action_report_time": "conversion",
    "swipe_up_attribution_window": "28_DAY",
    "view_attribution_window": "1_DAY",
    "dateRange": "{{30d1}}",
}


def seed_json(name: str) -> Any:
    """A JSON fixture, e.g. `seed_json("flow_response")`."""
    return json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))


def seed_create_source_text(oauth_id: int | str, *, quoted: bool = False) -> str:
    """The create-source request as the docs print it, with the service id in place of
    OAUTH_ID: unquoted as the docs send it, or `quoted` (the spec types oAuthId a string)."""
    text = (FIXTURES / "source_request.txt").read_text("utf-8").strip()
    value = json.dumps(str(oauth_id)) if quoted else str(int(oauth_id))
    return text.replace(OAUTH_ID, value)


def seed_create_source_body(
    oauth_id: int,
    organization_id: str | None = None,
    account_id: str | None = None,
    *,
    quoted: bool = False,
) -> dict[str, Any]:
    """The seed's create-source request body with the service id substituted (an integer as the
    docs send it, a string when `quoted`), and the organization and account ids when given
    (else the docs' placeholders stay)."""
    body: dict[str, Any] = json.loads(seed_create_source_text(oauth_id, quoted=quoted))
    if organization_id is not None:
        body["organizationId"] = organization_id
    if account_id is not None:
        body["accountId"] = account_id
    return body
