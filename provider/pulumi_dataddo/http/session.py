"""One pooled `requests.Session` per process, with urllib3 retries and timeouts.

Idempotent calls (GET, PUT, DELETE) retry on 429 (honouring `Retry-After`), 500/502/503/504
and connection errors, with exponential backoff. A POST is retried only on 429, when the API says
it did nothing: any other POST failure is left to the caller's reconciliation. POSTs that
create nothing (logging in, refreshing a token: `safe_posts`) retry like idempotent calls.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

IDEMPOTENT = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})
TRANSIENT = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to retry: attempts after the first, backoff base and cap in seconds."""

    retries: int = 4
    backoff: float = 0.5
    backoff_max: float = 10.0
    # A longer `Retry-After` is waited for this long only (urllib3 caps it).
    retry_after_max: int = 60


class DataddoRetry(Retry):
    """urllib3 `Retry` that retries a POST only when the API answered 429."""

    def is_retry(self, method: str, status_code: int, has_retry_after: bool = False) -> bool:
        if method.upper() == "POST":
            return status_code == 429 and bool(self.total)
        return super().is_retry(method, status_code, has_retry_after)


def new_session(
    policy: RetryPolicy, pool_size: int, safe_posts: Iterable[str] = ()
) -> requests.Session:
    """A session whose adapter retries by `policy` and keeps `pool_size` connections (as many
    as the process makes calls at once: more would be opened and thrown away); URLs starting
    with one of `safe_posts` retry POSTs too."""
    session = requests.Session()
    session.mount("http://", _adapter(policy, pool_size, DataddoRetry, IDEMPOTENT))
    session.mount("https://", _adapter(policy, pool_size, DataddoRetry, IDEMPOTENT))
    for prefix in safe_posts:
        session.mount(prefix, _adapter(policy, pool_size, Retry, IDEMPOTENT | {"POST"}))
    return session


def _adapter(
    policy: RetryPolicy, pool_size: int, kind: type[Retry], methods: frozenset[str]
) -> HTTPAdapter:
    retry = kind(
        total=policy.retries,
        connect=policy.retries,
        read=policy.retries,
        status=policy.retries,
        other=0,
        allowed_methods=methods,
        status_forcelist=TRANSIENT,
        backoff_factor=policy.backoff,
        backoff_max=policy.backoff_max,
        respect_retry_after_header=True,
        raise_on_status=False,
        retry_after_max=policy.retry_after_max,
    )
    return HTTPAdapter(max_retries=retry, pool_connections=pool_size, pool_maxsize=pool_size)
