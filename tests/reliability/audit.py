"""Counting what a scenario left behind, and searching everything a user sees for secrets.

- duplicates: objects beyond the first with the same kind and label (labels are unique per
  declared object, chains.py);
- orphans: this account's objects (of the audited stacks' prefixes) that no stack's state holds;
- lost: objects a state holds that the API does not, and declared objects that neither holds.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dataddo_emulator.ids import customer_id
from dataddo_emulator.testing import RunningEmulator
from harness.engine import Project
from tests.reliability.chains import CHAINS, KINDS, expected_labels

COLLECTIONS = {"service": "services", "source": "sources", "flow": "flows"}


@dataclass(frozen=True)
class Counts:
    objects: int
    duplicates: int
    orphans: int
    lost: int

    @property
    def clean(self) -> bool:
        return (self.duplicates, self.orphans, self.lost) == (0, 0, 0)


def account_objects(emulator: RunningEmulator, email: str) -> dict[str, list[dict[str, Any]]]:
    """The account's objects by kind (`service`, `source`, `flow`)."""
    everyone = emulator.objects()
    owner = customer_id(email)
    return {
        kind: [o for o in everyone[COLLECTIONS[kind]] if o["customer_id"] == owner]
        for kind in KINDS
    }


def state_ids(project: Project) -> dict[str, set[str]]:
    """The ids a stack's state holds, by kind."""
    ids: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for resource in project.resources().values():
        kind = resource["type"].rsplit(":", 1)[-1].lower()
        ids[kind].add(str(resource["id"]))
    return ids


def pending_creates(project: Project) -> int:
    operations = project.state()["deployment"].get("pending_operations") or []
    return sum(1 for op in operations if op.get("type") == "creating")


def count(
    emulator: RunningEmulator,
    email: str,
    stacks: Mapping[str, Project],
    chains: int = CHAINS,
) -> Counts:
    """Duplicates, orphans and lost objects of the stacks (by label prefix) on one account."""
    objects = account_objects(emulator, email)
    held = [state_ids(project) for project in stacks.values()]
    duplicates = orphans = lost = total = 0
    for kind in KINDS:
        declared = set().union(*(expected_labels(p, chains)[kind] for p in stacks))
        mine = [o for o in objects[kind] if o["label"] in declared]
        total += len(mine)
        labels = Counter(o["label"] for o in mine)
        duplicates += sum(n - 1 for n in labels.values())
        in_state = set().union(*(ids[kind] for ids in held))
        existing = {str(o["id"]) for o in mine}
        orphans += len(existing - in_state)
        lost += len(in_state - existing) + len(declared - set(labels))
    return Counts(total, duplicates, orphans, lost)


def issued_tokens(db: Path) -> list[str]:
    """Every access and refresh token the emulator has issued (its SQLite file)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return [row[0] for row in conn.execute("SELECT token FROM tokens")]


@dataclass
class Exposure:
    """Everything a user or an operator can read after a scenario, by where it was read."""

    texts: dict[str, list[str]] = field(default_factory=dict)

    def add(self, where: str, text: str) -> None:
        self.texts.setdefault(where, []).append(text)

    def add_state(self, project: Project) -> None:
        self.add("stack export", json.dumps(project.state()))

    def add_log(self, path: Path) -> None:
        if path.exists():
            self.add("provider log", path.read_text())

    def add_journal(self, emulator: RunningEmulator) -> None:
        self.add("emulator journal", json.dumps(emulator.requests(since=0)))

    def hits(self, secrets: Mapping[str, str]) -> list[tuple[str, str]]:
        """(where, secret name) for every plaintext occurrence."""
        return [
            (where, name)
            for where, texts in self.texts.items()
            for name, value in secrets.items()
            if any(value in text for text in texts)
        ]

    def console(self) -> str:
        return "\n".join(self.texts.get("console", []))


def tokens_as_secrets(tokens: Iterable[str]) -> dict[str, str]:
    return {f"token #{i}": token for i, token in enumerate(tokens)}


def assert_clean(counts: Counts, expected_objects: int) -> None:
    assert counts == Counts(expected_objects, 0, 0, 0), counts
