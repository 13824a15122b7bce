"""Collecting the month's status reports from project managers who do not have the app (issue 21).

`collect()` writes one pre-filled workbook per active project; `preview_returns()` and
`apply_returns()` read them back (one batch per workbook); `return_summary()` names who has returned
and who is missing. No Qt here: the `pmo collect` command, the GUI and the tests call these.
"""

from pmo_desktop.collect.marker import MarkerProblem
from pmo_desktop.collect.requests import CollectError, CollectResult, active_projects, collect, parse_period
from pmo_desktop.collect.returns import (
    ReturnPlan,
    ReturnsPreview,
    apply_returns,
    default_period,
    preview_returns,
    workbook_paths,
)
from pmo_desktop.collect.summary import (
    collection_periods,
    programme_names_all,
    reminder_text,
    return_summary,
)

__all__ = ["CollectError", "CollectResult", "MarkerProblem", "ReturnPlan", "ReturnsPreview", "active_projects",
           "apply_returns", "collect", "collection_periods", "default_period", "parse_period", "preview_returns", "programme_names_all",
           "reminder_text", "return_summary", "workbook_paths"]
