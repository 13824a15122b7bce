"""A list of ids (or codes) as one SQL parameter: `column IN (SELECT value FROM json_each(?))`.

One `?` per id fails past SQLite's variable limit ("too many SQL variables": 32,766 in the builds
Python ships on Windows, 999 in older ones) and is slow to prepare for a large portfolio; a JSON array
is one parameter whatever its length, and an empty one matches nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable


def in_list(column: str, placeholder: str = "?") -> str:
    """`column IN (...)` matching the values of the JSON array bound to `placeholder` (see json_list)."""
    return f"{column} IN (SELECT value FROM json_each({placeholder}))"


def json_list(values: Iterable) -> str:
    """The one parameter for in_list: the values (ints or text) as a JSON array."""
    return json.dumps(list(values))


def scope_sql(project_ids: Iterable[int] | None, column: str, placeholder: str = "?") -> tuple[str, list]:
    """SQL limiting `column` to `project_ids` (all projects when None), and its one argument."""
    if project_ids is None:
        return "", []
    return f" AND {in_list(column, placeholder)}", [json_list(int(i) for i in project_ids)]
