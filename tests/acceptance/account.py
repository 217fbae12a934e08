"""The account as the suite touches it outside Pulumi (as the web app or a colleague would):
only objects whose label starts with the scenario's prefix. Each id is looked up in a listing
filtered by that prefix before it is read, changed or deleted; an unprefixed one is refused."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pulumi_dataddo.cli.sweep import sweeper
from pulumi_dataddo.http.client import DataddoClient
from pulumi_dataddo.logic import payloads, schedule
from pulumi_dataddo.logic.connector_form import names
from pulumi_dataddo.settings import Settings

KINDS = {kind.name: kind for kind in sweeper.KINDS}


class RefusedError(AssertionError):
    """The suite was about to touch an object it did not label (a bug in a scenario)."""


def create_chain(
    client: DataddoClient,
    labels: Mapping[str, str],
    *,
    credentials: Mapping[str, Any],
    fields: Mapping[str, Any],
) -> dict[str, str]:
    """A Snapchat service, a source and a flow made through the API (not Pulumi), labelled
    `labels[kind]`; their ids by kind."""
    service = client.create_service(
        payloads.create_service("snapchat_static", credentials, labels["service"])
    )
    source_arguments = {
        "connector_id": "snapchat",
        "template_id": "index",
        "label": labels["source"],
        "oauth_id": service,
        "config": fields,
        "strategy": "incremental",
    }
    body = payloads.create_source(names("snapchat"), source_arguments)
    source = client.create_source("snapchat", body)
    flow = client.create_flow(
        payloads.create_flow([source.id], "google_data_studio", labels["flow"])
    )
    return {"service": str(service), "source": source.id, "flow": flow.id}


class Account:
    """The objects labelled `prefix` in the account `settings` name."""

    def __init__(self, settings: Settings, prefix: str) -> None:
        self.client = DataddoClient(settings)
        self.prefix = prefix

    def leftovers(self) -> list[sweeper.Leftover]:
        """Every object labelled with the prefix (what `pulumi-dataddo sweep` would find)."""
        return sweeper.leftovers(self.client, self.prefix)

    def labels(self, kind: str) -> dict[str, str]:
        """The prefixed objects of a kind: id -> label."""
        found = sweeper.leftovers(self.client, self.prefix, [KINDS[kind]])
        return {leftover.id: leftover.label for leftover in found}

    def _own(self, kind: str, id_: str) -> None:
        if id_ not in self.labels(kind):
            raise RefusedError(f"{kind} {id_} is not labelled {self.prefix!r}: left alone")

    def _ours(self, labels: Mapping[str, str]) -> None:
        for label in labels.values():
            if not label.startswith(self.prefix):
                raise RefusedError(f"{label!r} does not start with {self.prefix!r}")

    def create_chain(
        self, labels: Mapping[str, str], credentials: Mapping[str, Any], fields: Mapping[str, Any]
    ) -> dict[str, str]:
        """`create_chain` with prefixed labels only."""
        self._ours(labels)
        return create_chain(self.client, labels, credentials=credentials, fields=fields)

    def rename_source(self, source_id: str, label: str) -> None:
        self._own("source", source_id)
        self._ours({"source": label})
        self.client.update_source(source_id, payloads.update_source(label))

    def schedule(self, source_id: str) -> dict[str, str]:
        self._own("source", source_id)
        return self.client.get_schedule(source_id)

    def reschedule(self, source_id: str, fields: Mapping[str, str]) -> None:
        self._own("source", source_id)
        self.client.update_schedule(source_id, schedule.update_request(fields))

    def flow_sources(self, flow_id: str) -> list[str]:
        self._own("flow", flow_id)
        return self.client.get_flow(flow_id).sources

    def delete_flow(self, flow_id: str) -> None:
        self._own("flow", flow_id)
        self.client.delete_flow(flow_id)
