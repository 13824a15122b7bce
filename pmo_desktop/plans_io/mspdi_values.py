"""MSPDI values: durations, dates, lags (tenths of minutes and LagFormat), working times."""

from __future__ import annotations

import re
from datetime import date, datetime, time

from pmo_desktop.plans_io.model import PlanLink
from pmo_desktop.plans_io.xml_safety import local

ELAPSED_FORMATS = {4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 54}
PERCENT_FORMATS = {19, 20, 53, 54}
_DURATION = re.compile(r"^-?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?"
                       r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
MAX_EXCEPTION_DAYS = 3660


def _text(el, name: str) -> str | None:
    for child in el:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return None


def _children(el, name: str):
    return [c for c in el if local(c.tag) == name]


def _datetime(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip()[:19])
    except ValueError:
        return None


def _hours(text: str | None) -> float | None:
    """An MSPDI duration (PT16H0M0S) in hours."""
    m = _DURATION.match(text or "")
    if not m or not text:
        return None
    y, mo, d, h, mi, s = (float(g) if g else 0.0 for g in m.groups())
    return (y * 365 + mo * 30 + d) * 24 + h + mi / 60 + s / 3600


def _lag_days(lag, fmt, minutes_per_day, pred_days, work) -> int:
    tenths = _number(lag, 0.0)
    fmt_n = int(_number(fmt, 7))
    if fmt_n in PERCENT_FORMATS:
        return round(pred_days * tenths / 1000)  # LinkLag holds tenths of a percent
    minutes = tenths / 10
    if fmt_n in ELAPSED_FORMATS:
        per_week = work.working_days.count("1")
        return round(minutes / 1440 * per_week / 7)
    return round(minutes / minutes_per_day)


def _lag_minutes(lag, fmt) -> tuple[int | None, int | None, float | None]:
    """(lag_minutes, lag_format, lag_percent) as MS Project keeps them: LinkLag in tenths of minutes
    (elapsed minutes for elapsed formats), or tenths of a percent for the percent formats."""
    tenths = _number(lag, 0.0)
    fmt_n = int(_number(fmt, 7))
    if fmt_n in PERCENT_FORMATS:
        return None, fmt_n, tenths / 10
    return round(tenths / 10), fmt_n, None


def _external_link(name: str | None, successor: str, kind: str, lag, fmt, minutes_per_day) -> PlanLink | None:
    """A link from a task of another project: CrossProjectName is '<project file>\\<task ID>'."""
    if not name or "\\" not in name:
        return None
    project, _sep, task_id = name.rpartition("\\")
    if not task_id.strip().isdigit():
        return None
    stem = re.sub(r"\.(mpp|xml)$", "", project.replace("/", "\\").rpartition("\\")[2], flags=re.I)
    minutes, fmt_n, pct = _lag_minutes(lag, fmt)
    return PlanLink(task_id.strip(), successor, kind, _to_days(minutes or 0, minutes_per_day), minutes, fmt_n, pct,
                    project=stem or project)


def _to_days(minutes: int, minutes_per_day) -> float:
    q = minutes / (minutes_per_day or 480)
    return int(q) if q == int(q) else round(q, 2)


def _mins(t: time) -> int:
    return 1440 if t == time(23, 59, 59) else t.hour * 60 + t.minute


def _minutes(el) -> tuple:
    """The working periods of a WeekDay or Exception element, in minutes from midnight."""
    return tuple(sorted((_mins(a), _mins(b)) for a, b in _working_times(el)))


def _number(text, default):
    try:
        return float(text) if text not in (None, "") else default
    except ValueError:
        return default


def _date_part(text: str | None) -> date | None:
    dt = _datetime(text)
    return dt.date() if dt else None


def _clock(text: str | None, default: time) -> time:
    try:
        return time.fromisoformat(text) if text else default
    except ValueError:
        return default


def _working_times(wd) -> list[tuple[time, time]]:
    out = []
    for wts in _children(wd, "WorkingTimes"):
        for wt in _children(wts, "WorkingTime"):
            start = _clock(_text(wt, "FromTime"), time(8, 0))
            end = _clock(_text(wt, "ToTime"), time(17, 0))
            if end == time(0, 0):
                end = time(23, 59, 59)  # midnight at the end of the day
            out.append((start, end))
    return out
