"""The seed: the docs' end-to-end example the product starts from (../shared/seed/)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_a7fb93cc336299ef.txt"
# A valid Snapchat source's connector fields, as the test programs and inputs declare them.
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


def seed_create_source_body(
    oauth_id: int, organization_id: str | None = None, account_id: str | None = None
) -> dict[str, Any]:
    """The seed's create-source request body with the authorizer id substituted, and the
    organization and account ids when given (else the seed's placeholders stay)."""
    line = next(x for x in SEED.read_text("utf-8").splitlines() if x.startswith('{"connectorId"'))
    body: dict[str, Any] = json.loads(re.sub(r"\bOAUTH_ID\b", str(oauth_id), line))
    if organization_id is not None:
        body["organizationId"] = organization_id
    if account_id is not None:
        body["accountId"] = account_id
    return body
