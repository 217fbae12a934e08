"""`check` driven by a resource's fields: required, defaults, each value's kind, normalization.

Values not known yet (preview) pass; every failure names its field and what is allowed.
"""

from __future__ import annotations

from typing import Any

from pulumi_dataddo.fields.base import NEVER, ResourceSpec
from pulumi_dataddo.fields.validation import Validator
from pulumi_dataddo.fields.values import is_unknown

Props = dict[str, Any]


def check_fields(spec: ResourceSpec, news: Props, v: Validator) -> Props:
    """The checked inputs: defaults filled in, valid values normalized; failures go to `v`."""
    inputs = dict(news)
    for field in spec.inputs:
        value = news.get(field.name)
        if value is None:
            if field.required:
                v.fail(field.name, f"is required ({field.type.expected})")
            elif field.default is not None:
                inputs[field.name] = field.default
            continue
        own = Validator(hide_values=field.secret != NEVER)
        field.type.check(own, field.name, value)
        v.failures.extend(own.failures)
        if not own.failures and not is_unknown(value):
            inputs[field.name] = field.type.normalize(value)
    return inputs
