"""The comparison charts of the Scenarios view (matplotlib axes, drawn by dashboard_view.make_canvas):
spend by FY, cash benefits by FY, and capacity over and under per team (or one team month by month),
one bar per column compared."""

from __future__ import annotations

from pmo_desktop.domain.money import format_money
from pmo_desktop.gui.widgets.tr import tr

# live first in the palette's actual colour, then the scenarios in distinct, print-safe colours
COLUMN_COLOURS = ["#37474F", "#5C6BC0", "#EF8F00", "#2E7D32", "#8E24AA"]


def _grouped(ax, labels: list[str], columns: list[dict], values, fmt, title: str) -> list:
    n = max(1, len(columns))
    width = 0.8 / n
    for i, col in enumerate(columns):
        xs = [j + (i - (n - 1) / 2) * width for j in range(len(labels))]
        ax.bar(xs, [values(col, lab) for lab in labels], width=width * 0.95, color=COLUMN_COLOURS[i % 5],
               label=column_name(col), zorder=2)
    crowded = len(labels) > 4
    ax.set_xticks(range(len(labels)), [label.replace("FY20", "FY") for label in labels], fontsize=7,
                  rotation=30 if crowded else 0, ha="right" if crowded else "center")
    ax.yaxis.set_major_formatter(fmt)
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(True, axis="y", color="#ECEFF1", zorder=0)
    ax.set_title(title, fontsize=9, loc="left")
    _legend(ax, len(columns))
    return []


def column_name(col: dict) -> str:
    return tr("live") if col["name"] == "live" else col["name"]


def _legend(ax, n: int) -> None:
    """Below the axes, so it never covers a bar."""
    ax.legend(fontsize=7, frameon=False, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=min(n, 3))


def spend_by_fy(ax, data: dict) -> list:
    from matplotlib.ticker import FuncFormatter

    cols, cur = data["columns"], data["currency"]
    labels = sorted({fy for c in cols for fy in c["spend_by_fy"]})
    return _grouped(ax, labels, cols, lambda c, fy: c["spend_by_fy"].get(fy, 0) / 100,
                    FuncFormatter(lambda v, _p: format_money(v * 100, cur)), tr("Spend by financial year"))


def benefits_by_fy(ax, data: dict) -> list:
    from matplotlib.ticker import FuncFormatter

    cols, cur = data["columns"], data["currency"]
    labels = sorted({fy for c in cols for fy in c["benefits_by_fy"]})
    return _grouped(ax, labels, cols, lambda c, fy: c["benefits_by_fy"].get(fy, 0),
                    FuncFormatter(lambda v, _p: format_money(v * 100, cur)), tr("Cash benefits by financial year"))


MAX_TEAMS = 12


def _over(col: dict, team: str) -> float:
    return sum(max(0.0, -m["over_under_days"]) for m in col["capacity"]["teams"][team])


def _spare(col: dict, team: str) -> float:
    return sum(m["over_under_days"] for m in col["capacity"]["teams"][team])


def chosen_teams(cols: list[dict], teams: list[str]) -> list[str]:
    """At most MAX_TEAMS teams, in their own order: those the scenarios change most, then the most over-allocated."""
    if len(teams) <= MAX_TEAMS:
        return teams
    live = cols[0]
    rank = sorted(teams, key=lambda t: (-max(abs(_spare(c, t) - _spare(live, t)) for c in cols),
                                        -max(_over(c, t) for c in cols)))
    keep = set(rank[:MAX_TEAMS])
    return [t for t in teams if t in keep]


def capacity(ax, data: dict) -> list:
    """Per team, person-days over-allocated (summed over the months where the team is over, drawn below
    zero) and spare (above zero), for each column."""
    from matplotlib.ticker import FuncFormatter

    cols = data["columns"]
    every = list(cols[0]["capacity"]["teams"]) if cols else []
    teams = chosen_teams(cols, every)
    if not teams:
        ax.text(0.5, 0.5, tr("No people recorded: no capacity to compare"), ha="center", va="center",
                transform=ax.transAxes, color="#546E7A")
        ax.set_axis_off()
        return []
    n = len(cols)
    width = 0.8 / n
    for i, col in enumerate(cols):
        xs = [j + (i - (n - 1) / 2) * width for j in range(len(teams))]
        spare = [sum(max(0.0, m["over_under_days"]) for m in col["capacity"]["teams"][t]) for t in teams]
        over = [-sum(max(0.0, -m["over_under_days"]) for m in col["capacity"]["teams"][t]) for t in teams]
        ax.bar(xs, spare, width=width * 0.95, color=COLUMN_COLOURS[i % 5], label=column_name(col), zorder=2)
        ax.bar(xs, over, width=width * 0.95, color="#C62828", zorder=2)
    ax.axhline(0, color="#37474F", linewidth=0.8)
    short = [t if len(t) <= 14 else t[:13] + "…" for t in teams]
    ax.set_xticks(range(len(teams)), short, fontsize=7, rotation=30, ha="right")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:,.0f}"))
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(True, axis="y", color="#ECEFF1", zorder=0)
    shown = "" if len(teams) == len(every) else "\n" + tr("{n} of {all} teams: the most changed, then the most over").format(
        n=len(teams), all=len(every))
    ax.set_title(tr("Capacity, next 12 months: spare person-days (over-allocated in red, below 0)") + shown, fontsize=9,
                 loc="left")
    ax.legend(fontsize=7, frameon=False, loc="upper left")
    return []


def capacity_by_month(ax, data: dict, team: str, title: str, lang: str = "en", date_format: str | None = None) -> list:
    """One team month by month: spare person-days above zero, over-allocated below (in red), per column."""
    from matplotlib.ticker import FuncFormatter

    from pmo_desktop.domain.dates import format_month

    cols = [c for c in data["columns"] if team in c["capacity"]["teams"]]
    months = cols[0]["capacity"]["months"] if cols else []
    n = max(1, len(cols))
    width = 0.8 / n
    for i, col in enumerate(cols):
        cells = {m["month"]: m["over_under_days"] for m in col["capacity"]["teams"][team]}
        xs = [j + (i - (n - 1) / 2) * width for j in range(len(months))]
        ax.bar(xs, [max(0.0, cells.get(m, 0.0)) for m in months], width=width * 0.95, color=COLUMN_COLOURS[i % 5],
               label=col["name"], zorder=2)
        ax.bar(xs, [min(0.0, cells.get(m, 0.0)) for m in months], width=width * 0.95, color="#C62828", zorder=2)
    ax.axhline(0, color="#37474F", linewidth=0.8)
    ax.set_xticks(range(len(months)), [format_month(f"{m}-01", date_format, lang=lang) for m in months], fontsize=7,
                  rotation=30, ha="right")
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"{v:,.0f}"))
    ax.tick_params(axis="y", labelsize=7)
    ax.grid(True, axis="y", color="#ECEFF1", zorder=0)
    ax.set_title(title, fontsize=9, loc="left")
    ax.legend(fontsize=7, frameon=False, loc="upper left")
    return []
