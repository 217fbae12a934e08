"""Names in the generated program: resource names from labels, stack config keys from resource
names. Deterministic (the same account gives the same names), unique, and each resource name
both a Python identifier and a Pulumi resource name."""

from __future__ import annotations

import keyword
import re
import unicodedata
from collections.abc import Collection

# Names the generated program itself uses at the top level.
PROGRAM_NAMES = frozenset({"pulumi", "dataddo", "cfg"})
LONGEST = 40
_WORD = re.compile(r"[A-Za-z0-9]+")
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _words(text: str) -> list[str]:
    """The ASCII words of `text` (accents dropped, `camelCase` split)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _WORD.findall(_CAMEL_HUMP.sub(" ", ascii_text))


def slug(label: str | None, kind: str) -> str:
    """`Snapchat Insights` -> `snapchat_insights`: lowercase ASCII words joined by `_`, at most
    LONGEST characters; `kind` alone for a label without words, `kind` in front of one that
    starts with a digit or is a keyword or a name the program uses."""
    name = "_".join(_words(label or "")).lower()[:LONGEST].strip("_")
    if not name:
        return kind
    if name[0].isdigit() or keyword.iskeyword(name) or name in PROGRAM_NAMES:
        return f"{kind}_{name}"
    return name


def camel(*parts: str) -> str:
    """`("snapchat_insights", "config")` -> `snapchatInsightsConfig`."""
    words = [word for part in parts for word in _words(part)]
    head, *rest = words or ["value"]
    return head[:1].lower() + head[1:] + "".join(word[:1].upper() + word[1:] for word in rest)


class Names:
    """Hands out unique names in the order asked: resource names (Python variables) by label,
    stack config keys by resource and field."""

    def __init__(self) -> None:
        self._kinds: dict[str, str] = {}  # resource name -> its kind
        self._keys: set[str] = set()

    def resource(self, label: str | None, kind: str) -> str:
        """A name for a `kind` object labelled `label`: its slug, `<slug>_<kind>` when another
        kind has the slug, numbered (`_2`, `_3`, ...) when still taken."""
        base = slug(label, kind)
        if self._kinds.get(base, kind) != kind:
            base = f"{base}_{kind}"
        name = _first_free(base, "_", self._kinds.keys())
        self._kinds[name] = kind
        return name

    def config_key(self, resource: str, field: str) -> str:
        """A stack config key for `field` of the resource named `resource`: camelCase,
        numbered when taken."""
        key = _first_free(camel(resource, field), "", self._keys)
        self._keys.add(key)
        return key


def _first_free(base: str, separator: str, taken: Collection[str]) -> str:
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base}{separator}{number}"
    return name
