"""The one error type a user catches or reads: everything the package raises derives from it."""

from __future__ import annotations


class DataddoError(Exception):
    """A Dataddo operation failed; the message says what failed, why, and what to do.

    API failures (`pulumi_dataddo.http.errors.ApiError`) and unusable settings
    (`pulumi_dataddo.settings.SettingsError`) are subclasses.
    """

    # The engine shows a provider's failure as `traceback.format_exc()` prints it, which
    # qualifies a class with its module unless that module is `builtins`: users read
    # `DataddoError: <message>`, not a module path.
    __module__ = "builtins"
