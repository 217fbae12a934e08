"""Counting API calls client-side, from the provider's log (`PULUMI_DATADDO_LOG_FILE`: one line
per answered request, `METHOD /path -> STATUS`), which also holds the suite's own requests and
those of `pulumi-dataddo sweep`. The live API has no journal to count them from."""

from __future__ import annotations

import contextlib
import logging
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pulumi_dataddo.diagnostics import RedactingFormatter, logger

REQUEST = re.compile(r" INFO (?P<call>[A-Z]+ /\S*) -> (?P<status>\d{3}) ")
# Each kind's create and delete requests; a new kind (destinations) is one line in each.
CREATES = {
    "service": re.compile(r"POST /services"),
    "source": re.compile(r"POST /connectors/[^/]+/create-source"),
    "flow": re.compile(r"POST /flows"),
    "destination": re.compile(r"POST /destinations/[^/]+"),
}
DELETES = {
    "service": re.compile(r"DELETE /services/[^/]+"),
    "source": re.compile(r"DELETE /sources/[^/]+"),
    "flow": re.compile(r"DELETE /flows/[^/]+"),
    "destination": re.compile(r"DELETE /destinations/[^/]+"),
}


@dataclass(frozen=True)
class Tally:
    """Requests answered, and objects created and removed (successful creates and deletes)."""

    calls: int = 0
    created: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.calls + other.calls, self.created + other.created, self.removed + other.removed
        )

    def __sub__(self, earlier: Tally) -> Tally:
        return Tally(
            self.calls - earlier.calls,
            self.created - earlier.created,
            self.removed - earlier.removed,
        )


def _count(routes: dict[str, re.Pattern[str]], calls: list[str]) -> Counter[str]:
    return Counter(
        kind for call in calls for kind, route in routes.items() if route.fullmatch(call)
    )


def tally(log: Path) -> Tally:
    """What the log records so far (nothing when there is no log yet)."""
    text = log.read_text("utf-8", "replace") if log.exists() else ""
    answered = [(match["call"], int(match["status"])) for match in REQUEST.finditer(text)]
    done = [call for call, status in answered if status < 300]
    return Tally(len(answered), _count(CREATES, done), _count(DELETES, done))


@contextlib.contextmanager
def logging_to(log: Path) -> Iterator[None]:
    """This process's requests (the suite's own client) logged to `log` too, as the provider
    logs them."""
    handler = logging.FileHandler(log, encoding="utf-8")
    handler.setFormatter(RedactingFormatter("%(asctime)s %(process)d %(levelname)s %(message)s"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        handler.close()
