"""Injected faults: latency, 5xx, 429, dropped connections, failures after commit, malformed
answers.

Rules are tried in order; the first whose route matches the request and that has hits left
(`times`) applies to it: it adds its latency and draws at most one fault, in the order drop,
rate limit, error, fail-after-commit, malformed, from a RNG seeded by the configuration.
"""

import random
import threading
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ANY_ROUTE = "*"


class Fault(StrEnum):
    DROP = "drop"
    RATE_LIMIT = "rate_limit"
    ERROR = "error"
    FAIL_AFTER_COMMIT = "fail_after_commit"
    MALFORMED = "malformed"


# How a malformed answer is broken: not JSON at all, JSON objects without their fields, or
# values of the wrong JSON type (docs/design.md, "Emulator test hooks").
MalformedMode = Literal["not_json", "missing_fields", "wrong_types"]


class FaultRule(BaseModel):
    """One rule; `route` is "*" or "METHOD /customer-api/v1/path/{template}"."""

    model_config = ConfigDict(extra="forbid")

    route: str = ANY_ROUTE
    latency_ms: float = Field(0, ge=0, le=600_000)
    jitter_ms: float = Field(0, ge=0, le=600_000)
    error_rate: float = Field(0, ge=0, le=1)
    error_status: int = Field(503, ge=500, le=599)
    rate_limit_rate: float = Field(0, ge=0, le=1)
    retry_after: int = Field(1, ge=0)
    drop_rate: float = Field(0, ge=0, le=1)
    fail_after_commit_rate: float = Field(0, ge=0, le=1)
    malformed_rate: float = Field(0, ge=0, le=1)
    malformed_mode: MalformedMode = "not_json"
    times: int | None = Field(None, ge=1, description="at most this many requests; null: all")

    def rate(self, fault: Fault) -> float:
        return {
            Fault.DROP: self.drop_rate,
            Fault.RATE_LIMIT: self.rate_limit_rate,
            Fault.ERROR: self.error_rate,
            Fault.FAIL_AFTER_COMMIT: self.fail_after_commit_rate,
            Fault.MALFORMED: self.malformed_rate,
        }[fault]


class FaultConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    seed: int = 0
    rules: list[FaultRule] = Field(default_factory=list)


@dataclass(frozen=True)
class Decision:
    """What to do to one request."""

    rule: FaultRule
    delay_s: float
    fault: Fault | None


class Faults:
    """The active rules, how often each has hit, and the seeded RNG."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.configure(FaultConfig())

    @property
    def active(self) -> bool:
        return bool(self._config.rules)

    def configure(self, config: FaultConfig) -> None:
        with self._lock:
            self._config = config
            self._hits = [0] * len(config.rules)
            self._rng = random.Random(config.seed)

    def state(self) -> dict[str, object]:
        with self._lock:
            return {**self._config.model_dump(), "hits": list(self._hits)}

    def decide(self, route: str) -> Decision | None:
        """The decision for a request on `route` ("METHOD /template"), None when no rule hits."""
        with self._lock:
            for index, rule in enumerate(self._config.rules):
                if rule.route not in (ANY_ROUTE, route):
                    continue
                if rule.times is not None and self._hits[index] >= rule.times:
                    continue
                self._hits[index] += 1
                jitter = self._rng.uniform(0, rule.jitter_ms) if rule.jitter_ms else 0.0
                fault = next((f for f in Fault if self._draw(rule.rate(f))), None)
                return Decision(rule, (rule.latency_ms + jitter) / 1000, fault)
        return None

    def _draw(self, rate: float) -> bool:
        return rate > 0 and self._rng.random() < rate
