"""Pulumi dynamic resource providers for the Dataddo headless API.

Resources: `Service` (stored credentials), `Source` (a connector pulling data) and `Flow`
(sources wired to a dashboard app). Lookups: `get_connectors`, `get_organizations`,
`get_accounts`. Configuration: `dataddo:baseUrl`, `dataddo:email`, `dataddo:password`,
`dataddo:accessToken` (else `DATADDO_*` environment variables). See docs/resources.md.
"""

from pulumi_dataddo.logic.base import ProviderError
from pulumi_dataddo.lookups import get_accounts, get_connectors, get_organizations
from pulumi_dataddo.resources.flow import Flow
from pulumi_dataddo.resources.schedule import Schedule
from pulumi_dataddo.resources.service import Service
from pulumi_dataddo.resources.source import Source

__all__ = [
    "Flow",
    "ProviderError",
    "Schedule",
    "Service",
    "Source",
    "get_accounts",
    "get_connectors",
    "get_organizations",
]
