"""A register's saved column layout, kept by column key so it survives a release that adds, removes or
reorders columns (and the analyst adding a custom field).

A layout is a plain dict (stored as JSON in the user's settings):
    {"order": [keys in the order shown], "widths": {key: pixels}, "hidden": [keys],
     "sort": [key, "asc" | "desc"] or None}
`merge_layout` lays a saved layout over the columns a register has now: saved columns keep their order,
width, hidden state and sort; a column the saved layout does not know appears in its default place (after
the column it follows by default, or last when it is last by default) at its default width; a saved column that no longer exists is dropped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

MIN_WIDTH, MAX_WIDTH = 16, 4000


@dataclass
class ColumnLayout:
    order: list[str]  # every current key, in the order shown
    widths: dict[str, int] = field(default_factory=dict)  # only the saved ones: others keep their default
    hidden: set[str] = field(default_factory=set)
    sort: tuple[str, bool] | None = None  # (key, descending)

    def as_dict(self) -> dict[str, Any]:
        return {"order": list(self.order), "widths": dict(self.widths), "hidden": sorted(self.hidden),
                "sort": [self.sort[0], "desc" if self.sort[1] else "asc"] if self.sort else None}

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False)


def read_layout(text: Any) -> dict[str, Any] | None:
    """A stored layout, or None when there is none or it cannot be read (the default layout then)."""
    if not isinstance(text, str) or not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def merge_layout(saved: dict[str, Any] | None, keys: list[str]) -> ColumnLayout:
    """The layout for the columns `keys` (in their default order), following `saved` where it can."""
    saved = saved or {}
    known = set(keys)
    order: list[str] = []
    for key in saved.get("order") or []:
        if isinstance(key, str) and key in known and key not in order:
            order.append(key)
    placed = set(order)
    last_known = max((i for i, k in enumerate(keys) if k in placed), default=-1)
    for i, key in enumerate(keys):  # a new column goes after the one it follows by default ...
        if key in placed:
            continue
        if i > last_known:  # ... or, when it comes after every saved one by default, at the end
            order.append(key)
        else:
            order.insert(order.index(keys[i - 1]) + 1 if i > 0 else 0, key)
        placed.add(key)
    widths = {}
    raw_widths = saved.get("widths")
    for key, width in (raw_widths.items() if isinstance(raw_widths, dict) else ()):
        if key in known and isinstance(width, int | float) and not isinstance(width, bool):
            widths[key] = int(min(max(width, MIN_WIDTH), MAX_WIDTH))
    hidden = {k for k in saved.get("hidden") or [] if isinstance(k, str) and k in known}
    sort = None
    raw_sort = saved.get("sort")
    if isinstance(raw_sort, list | tuple) and len(raw_sort) == 2 and raw_sort[0] in known:
        sort = (raw_sort[0], raw_sort[1] == "desc")
    return ColumnLayout(order, widths, hidden, sort)
