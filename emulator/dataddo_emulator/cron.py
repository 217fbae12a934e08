"""The cron grammar of a schedule's fields (the spec calls them "cron identifiers").

A field is a comma-separated list of items, each `*`, `*/N`, `A`, `A-B` or `A-B/N`: decimal
integers without a sign, N >= 1, A <= B, A and B within the field's range. DECIDED: the spec
names the fields but not their grammar; this is the classic cron one with Sunday as 0 only.
"""

import re

RANGES = {
    "minute": (0, 59),
    "hour": (0, 23),
    "day_of_month": (1, 31),
    "month": (1, 12),
    "day_of_week": (0, 6),
}
_ITEM = re.compile(r"(?:\*|([0-9]+)(?:-([0-9]+))?)(?:/([0-9]+))?")


def valid_cron_field(name: str, value: str) -> bool:
    """Whether `value` is a valid cron field `name` (a key of RANGES)."""
    low, high = RANGES[name]
    return all(_valid_item(item, low, high) for item in value.split(","))


def _valid_item(item: str, low: int, high: int) -> bool:
    match = _ITEM.fullmatch(item)
    if match is None:
        return False
    start, end, step = match.groups()
    if step is not None and (_number(step) < 1 or (start is not None and end is None)):
        return False  # a step of 0, or `A/N` (not an item)
    if start is None:  # `*` or `*/N`
        return True
    first, last = _number(start), _number(end if end is not None else start)
    return low <= first <= last <= high


def _number(digits: str) -> int:
    """The value of a run of digits, capped: a huge one is never built (leading zeros allowed)."""
    significant = digits.lstrip("0")
    return int(significant or "0") if len(significant) <= 6 else 10**6
