"""The seed: the docs' end-to-end example the product starts from (../shared/seed/)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "000_a7fb93cc336299ef.txt"


def seed_create_source_body(oauth_id: int, organization_id: str, account_id: str) -> dict[str, Any]:
    """The seed's create-source request body with its placeholders substituted."""
    line = next(x for x in SEED.read_text("utf-8").splitlines() if x.startswith('{"connectorId"'))
    line = re.sub(r"\bOAUTH_ID\b", str(oauth_id), line)
    body: dict[str, Any] = json.loads(line)
    body.update(organizationId=organization_id, accountId=account_id)
    return body
