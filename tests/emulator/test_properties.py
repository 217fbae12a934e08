"""Property-based: generated requests for every API operation of the emulator's own OpenAPI
document never get a 5xx (no faults are injected)."""

import os
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings

from dataddo_emulator.app import create_fastapi
from dataddo_emulator.context import Emulator
from dataddo_emulator.routes.deps import API_PREFIX
from dataddo_emulator.settings import Settings
from dataddo_emulator.testing import RunningEmulator
from tests.emulator.conftest import Api

# Bounded so the whole emulator suite stays well under two minutes on two cores; raise it for a
# deeper search: EMULATOR_PROPERTY_EXAMPLES=500 pytest tests/emulator/test_properties.py
MAX_EXAMPLES = int(os.environ.get("EMULATOR_PROPERTY_EXAMPLES", "25"))


def _document() -> dict[str, Any]:
    """The document the server serves at /openapi.json (built in-process, so that tests can be
    generated at collection time; `test_the_document_is_the_served_one` checks they agree)."""
    emulator = Emulator.open(":memory:", {}, Settings())
    try:
        return create_fastapi(emulator).openapi()
    finally:
        emulator.store.close()


DOCUMENT = _document()
# the hooks reset and inject faults by design; the docs are not the API
schema = schemathesis.openapi.from_dict(DOCUMENT).include(path_regex=f"^{API_PREFIX}/")


def test_the_document_is_the_served_one(server: RunningEmulator) -> None:
    assert server.http.get(f"{server.root}/openapi.json").json() == DOCUMENT


@pytest.fixture
def session(server: RunningEmulator) -> requests.Session:
    """Logged in after the reset that starts each test."""
    http = requests.Session()
    http.trust_env = False
    http.headers["Authorization"] = f"Bearer {server.login()}"
    return http


@pytest.fixture
def real_ids(api: Api) -> dict[str, str]:
    """Ids of existing objects, by the collection their routes start with."""
    service_id = api.service()
    destination_id = api.destination()["id"]
    flow = api.flow(api.source(service_id), destination_id=destination_id)
    return {
        "services": str(service_id),
        "sources": flow["source"][0]["source_id"],
        "destinations": destination_id,
        "flows": flow["id"],
        "connectors": "snapchat",
    }


def _on_real_objects(case: schemathesis.Case[Any], real_ids: dict[str, str]) -> bool:
    """Point the case's ids at existing objects; False when it has none to point."""
    collection = case.path.removeprefix(API_PREFIX).split("/")[1]
    changed = False
    for name in case.path_parameters or {}:
        if name in {"id", "sourceId"}:
            case.path_parameters[name] = real_ids["sources" if name == "sourceId" else collection]
            changed = True
    return changed


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(
    case: schemathesis.Case[Any],
    server: RunningEmulator,
    session: requests.Session,
    real_ids: dict[str, str],
) -> None:
    """Each generated request as is, then again on existing objects."""
    for attempt in range(2):
        if attempt == 1 and not _on_real_objects(case, real_ids):
            break
        response = case.call(base_url=server.root, session=session, timeout=30)
        assert response.status_code < 500, (case.method, case.formatted_path, response.text)
