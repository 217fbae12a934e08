"""What both providers (dynamic and native) do around every operation: the process-wide account
of the current settings, and failures re-raised as one redacted line naming the operation and
the object."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pulumi_dataddo import diagnostics, redaction, settings
from pulumi_dataddo.errors import DataddoError
from pulumi_dataddo.http.errors import LoginRefused, LoginUnavailable, NotSent
from pulumi_dataddo.logic.account import Account, shared_account

# `pulumi refresh` and `destroy` run no program: the provider gets the config of the last `up`.
NO_PROGRAM = ("reading", "deleting")
STORED_SETTINGS = (
    " (refresh and destroy use the dataddo:* settings of the last `pulumi up`: after changing "
    "them, run `pulumi up` first, or set the DATADDO_* variables for this command)"
)


@contextmanager
def reported(kind: str, action: str, id_: str | None = None) -> Iterator[None]:
    """Re-raise any failure as a redacted `DataddoError` naming the object and the action."""
    subject = f"{kind} {id_}" if id_ else kind
    try:
        yield
    except (LoginRefused, LoginUnavailable, NotSent) as exc:
        message = f"{action} {subject}: {exc}{STORED_SETTINGS if action in NO_PROGRAM else ''}"
    except DataddoError as exc:
        message = f"{action} {subject}: {exc}"  # an API error names its request and status
    except Exception as exc:  # a bug: still no secrets and no deep traceback
        message = f"{action} {subject}: {type(exc).__name__}: {exc}"
    else:
        return
    diagnostics.logger.warning("%s", message)  # redacted by the log's formatter
    raise DataddoError(redaction.redact(message)) from None


def account() -> Account:
    """The process-wide account of the current settings (stack config, then environment)."""
    return shared_account(settings.current())
