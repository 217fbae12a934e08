"""The emulator's offline catalog: connectors, service types and apps.

Facts are hand-copied from the published spec (`*ConnectorForm` / `MysqlDto` schemas, the typed
`/services/{name}` paths, the `/connectors/{name}/actions/*` paths) and the seed. Every
**DECIDED** value is marked where it is set; the spec is never loaded at run time.
"""

from dataclasses import dataclass, field

# Field types use a tiny notation: "string", "integer", "boolean", "object", "array",
# "string[]" (array of strings); a trailing "?" means the value may also be null.
FieldTypes = dict[str, str]

# ConnectorForm (the base of every *ConnectorForm), plus the common fields every form repeats.
_FORM_FIELDS: FieldTypes = {
    "connectorId": "string",
    "templateId": "string",
    "storageStrategy": "string",
    "ensureDataTypes": "object",
    "allowEmpty": "boolean",
    "nullableFields": "boolean",
    "label": "string",
    "dateRange": "string",
    "useDataddoHash": "boolean",
}
_FORM_REQUIRED = ("connectorId", "templateId", "storageStrategy")

# Alternative spellings of the common fields, mapped to the names above. `strategy` is the
# spec's deprecated alias of `storageStrategy` (the seed sends only `strategy`); the snake_case
# names are MysqlDto's. DECIDED: every connector accepts every spelling.
FIELD_ALIASES = {
    "strategy": "storageStrategy",
    "storage_strategy": "storageStrategy",
    "connector_id": "connectorId",
    "template_id": "templateId",
    "o_auth_id": "oAuthId",
    "allow_empty": "allowEmpty",
}

# DECIDED: the spec only shows the examples "clean" and "incremental"; "upsert" pairs with
# `useDataddoHash` ("to be used for upsert").
STORAGE_STRATEGIES = frozenset({"clean", "incremental", "upsert"})

# DECIDED: fields every connector takes beside its form (a source has a description).
SOURCE_FIELDS: FieldTypes = {"description": "string"}

# Dashboard apps a flow can attach (the seed's google_data_studio; the docs name the others).
APPS = frozenset(
    {"google_data_studio", "power_bi", "tableau", "looker_studio", "excel", "google_sheets", "qlik"}
)


@dataclass(frozen=True)
class Action:
    """A connector action listing options: fake values derived from the service (and parent)."""

    label: str
    value_format: str  # "{uuid}" / "{digits}" / "{n}" placeholders, see actions.py
    parent: str | None = None  # a body field the options depend on, e.g. organizationId


@dataclass(frozen=True)
class Connector:
    """One connector: its form (required fields, types), fitting services, templates, actions."""

    id: str
    label: str
    categories: tuple[str, ...]
    services: tuple[str, ...]  # service types that can authorize it; empty: needs no service
    fields: FieldTypes
    required: tuple[str, ...]
    actions: dict[str, Action] = field(default_factory=dict)
    templates: tuple[str, ...] = ("index",)  # the seed's templateId
    defaults: dict[str, str] = field(default_factory=dict)

    @property
    def needs_service(self) -> bool:
        return bool(self.services)

    def field_type(self, name: str) -> str | None:
        return self.fields.get(name) or SOURCE_FIELDS.get(name)


CONNECTORS: dict[str, Connector] = {
    c.id: c
    for c in (
        Connector(
            id="snapchat",
            label="Snapchat",
            categories=("Marketing",),
            services=("snapchat_static", "snapchat_custom", "snapchat"),
            fields=_FORM_FIELDS
            | {
                "organizationId": "string",
                "accountId": "string",
                "metrics": "string[]",
                "labels": "string[]",
                "breakdown": "string",
                "action_report_time": "string",
                "swipe_up_attribution_window": "string",
                "view_attribution_window": "string",
            },
            required=(
                *_FORM_REQUIRED,
                "oAuthId",
                "metrics",
                "labels",
                "organizationId",
                "accountId",
                "breakdown",
                "action_report_time",
                "swipe_up_attribution_window",
                "view_attribution_window",
                "label",
                "dateRange",
            ),
            actions={
                "organization": Action("Organization", "{uuid}"),
                "account": Action("Ad account", "{uuid}", parent="organizationId"),
            },
        ),
        Connector(
            id="google_analytics4",
            label="Google Analytics 4",
            categories=("Analytics",),
            services=("google_analytics4_static", "google_analytics4_custom", "google_analytics4"),
            fields=_FORM_FIELDS
            | {
                "accountId": "string",
                "propertyId": "string",
                "subPropertyId": "string",
                "propertyIds": "string[]",
                "metric": "string[]",
                "dimension": "string[]",
                "limit": "integer",
                "dimensionFilter": "string",
                "metricFilter": "string",
            },
            required=(*_FORM_REQUIRED, "oAuthId", "label", "propertyId", "metric", "dimension"),
            actions={
                "account": Action("Account", "accounts/{digits}"),
                "property": Action("Property", "properties/{digits}", parent="accountId"),
            },
        ),
        Connector(
            id="facebook_ads",
            label="Facebook Ads",
            categories=("Marketing",),
            services=("facebook_static", "facebook_custom", "facebook"),
            fields=_FORM_FIELDS
            | {
                "accountId": "string",
                "campaignId": "string",
                "adSetId": "string?",
                "timeBreakup": "string",
                "level": "string",
                "metric": "string[]",
                "breakdown": "string[]",
                "dataLabel": "string[]",
            },
            required=(
                *_FORM_REQUIRED,
                "oAuthId",
                "label",
                "accountId",
                "dateRange",
                "timeBreakup",
                "level",
                "metric",
                "dataLabel",
            ),
            actions={
                "account": Action("Ad account", "act_{digits}"),
                "campaign": Action("Campaign", "{digits}", parent="accountId"),
            },
        ),
        # MysqlDto is not a ConnectorForm: snake_case names, nothing required, the strategy
        # defaults to "incremental". DECIDED: label, service and statement are required.
        Connector(
            id="mysql",
            label="MySQL",
            categories=("Databases",),
            services=("mysql", "aws_mysql", "google_mysql", "mariadb", "aws_mariadb", "aws_aurora"),
            fields={
                "connectorId": "string",
                "templateId": "string",
                "storageStrategy": "string",
                "allowEmpty": "boolean",
                "label": "string",
                "statement": "string",
                "defaultInt": "integer",
                "defaultFloat": "integer",
                "defaultString": "string",
                "defaultDate": "string",
            },
            required=("oAuthId", "label", "statement"),
            actions={"listTables": Action("Table", "table_{n}")},
            defaults={"storageStrategy": "incremental"},
        ),
        # DECIDED: `json` (ConnectorForm's example connectorId) is the generic connector, with
        # the fields of the spec's TemplateConnectorForm; it reads a URL and takes no service
        # (`oAuthId` absent or null).
        Connector(
            id="json",
            label="JSON (universal)",
            categories=("Other",),
            services=(),
            fields=_FORM_FIELDS
            | {
                "url": "string",
                "method": "string",
                "headers": "array",
                "body": "string",
                "transformation": "string",
                "emitter": "string",
                "parameters": "array",
                "attributes": "string[]",
            },
            required=(*_FORM_REQUIRED, "label", "url", "method", "transformation", "attributes"),
        ),
    )
}

# Service types from the spec's typed `/services/{name}` paths, plus the plain OAuth names
# that the connectors above accept.
_SERVICE_NAMES = """
    alloy_db amazon_ads_custom amazon_selling_partner_custom amazon_vendor_partner aws_aurora
    aws_aurora_pgsql aws_mariadb aws_mssql aws_mysql aws_pgsql black_diamond cockroach_db
    core_web_vitals databricks facebook facebook_cassandra facebook_custom
    facebook_page_access_token facebook_static ftp google_ads_custom google_ads_static
    google_analytics4 google_analytics4_custom google_analytics4_static google_analytics_custom
    google_analytics_static google_big_query_custom google_big_query_static
    google_display_video_custom google_mssql google_my_business_static google_mysql google_pgsql
    google_play_custom google_search_console_custom google_search_console_static google_sheets
    google_sheets_custom google_sheets_static hubspot_custom instagram_custom intercom
    linkedin_custom linkedin_static mariadb mercado_libre microsoft_ads_custom
    microsoft_ads_static microsoft_dynamics365 microsoft_share_point mongo mongo_atlas mssql myob
    mysql pgsql pinterest_custom pinterest_static quickbooks_custom quickbooks_static redshift s3
    salesforce_custom_domain sftp shoptet snapchat snapchat_custom snapchat_static
    tik_tok_business_account_custom tik_tok_custom tik_tok_static trino twitter_custom vertica
    youtube_analytics_custom zoho
"""
SERVICE_TYPES = frozenset(_SERVICE_NAMES.split())

_OAUTH_SERVICES = frozenset({"snapchat", "google_analytics4", "facebook", "facebook_cassandra"})


def service_kind(service: str) -> str:
    """The `service_type` reported for a service (DECIDED: static, oauth or credentials)."""
    if service.endswith("_static"):
        return "static"
    if service.endswith("_custom") or service in _OAUTH_SERVICES:
        return "oauth"
    return "credentials"
