"""From a cell to a stored value, by field type: the bridge from kinds.Field to domain.parsing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from pmo_desktop.domain import parsing, plan_text
from pmo_desktop.domain.cells import unguard
from pmo_desktop.domain.enums import (
    CostCategory,
    Priority,
    ProjectStatus,
    RaidStatus,
    RaidType,
    Response,
    SpendType,
    Stage,
)
from pmo_desktop.domain.words_zh import VALUES as VALUES_ZH
from pmo_desktop.importing import kinds as k


def _vocab(enum, extra: dict[str, str] | None = None) -> dict[str, str]:
    out = {parsing.normalise_word(m.value): m.value for m in enum}
    out.update({parsing.normalise_word(m.name): m.value for m in enum})
    for word, value in (extra or {}).items():
        out[parsing.normalise_word(word)] = value
    return out


CHOICES: dict[str, dict[str, str]] = {
    "stage": _vocab(Stage, {"concept": "Idea", "pipeline": "Idea", "proposal": "Idea", "initiate": "Initiation",
                            "start up": "Initiation", "startup": "Initiation", "discovery": "Initiation",
                            "plan": "Planning", "design": "Planning", "definition": "Planning",
                            "delivery": "Execution", "execute": "Execution", "build": "Execution",
                            "implementation": "Execution", "in flight": "Execution", "close": "Closure",
                            "closing": "Closure", "complete": "Closed", "completed": "Closed", "done": "Closed",
                            "g0": "Idea", "g1": "Initiation", "g2": "Planning", "g3": "Execution",
                            "g4": "Closure"}),
    "project_status": _vocab(ProjectStatus, {"open": "Active", "in progress": "Active", "live": "Active",
                                             "on track": "Active", "at risk": "Active", "off track": "Active",
                                             "paused": "On hold", "hold": "On hold", "onhold": "On hold",
                                             "complete": "Completed", "closed": "Completed", "done": "Completed",
                                             "cancelled": "Cancelled", "canceled": "Cancelled",
                                             "stopped": "Cancelled", "pipeline": "Proposed",
                                             "not started": "Proposed", "planned": "Proposed"}),
    "priority": _vocab(Priority, {"1": "Critical", "2": "High", "3": "Medium", "4": "Low", "p1": "Critical",
                                  "p2": "High", "p3": "Medium", "p4": "Low", "med": "Medium", "urgent": "Critical",
                                  "very high": "Critical", "normal": "Medium", "minor": "Low", "major": "High"}),
    "raid_type": _vocab(RaidType, {"r": "Risk", "a": "Assumption", "i": "Issue", "d": "Dependency",
                                   "risks": "Risk", "issues": "Issue", "assumptions": "Assumption",
                                   "dependencies": "Dependency", "decisions": "Decision", "dec": "Decision",
                                   "bug": "Issue", "problem": "Issue", "defect": "Issue", "threat": "Risk",
                                   "opportunity": "Risk"}),
    "raid_status": _vocab(RaidStatus, {"new": "Open", "active": "Open", "raised": "Open", "to do": "Open",
                                       "todo": "Open", "identified": "Open", "ongoing": "In progress",
                                       "in review": "In progress", "wip": "In progress",
                                       "under review": "In progress", "monitoring": "In progress",
                                       "mitigating": "In progress", "resolved": "Closed", "done": "Closed",
                                       "complete": "Closed", "completed": "Closed", "fixed": "Closed",
                                       "retired": "Closed", "cancelled": "Closed", "reopened": "Open",
                                       "pending": "Open", "select": "Open",
                                       "confirmed": "Closed", "validated": "Closed", "invalid": "Closed",
                                       "not confirmed": "Open", "escalated": "In progress"}),
    "response": _vocab(Response, {"mitigate": "Reduce", "reduce": "Reduce", "mitigation": "Reduce",
                                  "control": "Reduce", "avoidance": "Avoid", "eliminate": "Avoid",
                                  "share": "Transfer", "insure": "Transfer", "accepted": "Accept",
                                  "retain": "Accept", "tolerate": "Accept", "treat": "Reduce",
                                  "terminate": "Avoid", "fallback": "Reduce", "exploit": "Accept",
                                  "enhance": "Accept", "resolve": "Action", "fix": "Action"}),
    "category": _vocab(CostCategory, {"people": "Labour", "labor": "Labour", "staff": "Labour",
                                      "internal labour": "Labour", "salaries": "Labour",
                                      "contractor": "Contractors", "consultants": "Contractors",
                                      "consulting": "Contractors", "external labour": "Contractors",
                                      "equipment": "Hardware", "hw": "Hardware", "infrastructure": "Hardware",
                                      "licences": "Software", "licenses": "Software", "sw": "Software",
                                      "saas": "Software", "service": "Services", "vendor": "Services",
                                      "travel": "Other", "training": "Other", "misc": "Other",
                                      "miscellaneous": "Other", "materials": "Other", "contingency": "Other"}),
    "spend_type": _vocab(SpendType, {"capital": "CAPEX", "cap": "CAPEX", "capex": "CAPEX", "opex": "OPEX",
                                     "revenue": "OPEX", "operating": "OPEX", "op": "OPEX", "rev": "OPEX"}),
    "task_kind": {"task": "task", "summary": "summary", "milestone": "milestone", "m": "milestone",
                  "ms": "milestone", "yes": "milestone", "y": "milestone", "true": "milestone",
                  "1": "milestone", "no": "task", "n": "task", "false": "task", "0": "task",
                  "phase": "summary", "deliverable": "milestone", "activity": "task", "epic": "summary",
                  "subtask": "task", "sub task": "task", "story": "task", "bug": "task", "group": "summary",
                  "user story": "task", "feature": "summary", "initiative": "summary",
                  "product backlog item": "task", "spike": "task", "improvement": "task", "new feature": "task",
                  "issue": "task", "test": "task", "requirement": "task"},
    "measure": {"planned": "planned", "plan": "planned", "budget": "planned", "baseline": "planned",
                "actual": "actual", "actuals": "actual", "spent": "actual", "forecast": "forecast",
                "fcst": "forecast", "outlook": "forecast", "estimate": "forecast", "etc": "forecast"},
}
for _vocabulary, _words in VALUES_ZH.items():  # the Chinese words of domain/words_zh.py
    CHOICES[_vocabulary].update({parsing.normalise_word(w): v for w, v in _words.items()})


@dataclass
class Context:
    """What value conversion needs to know beyond the cell: the file's habits and the portfolio's."""

    date_order: str = parsing.DAY_FIRST
    epoch: int = 1900
    minor_units: int = 100
    fy_start_month: int = 4
    currency: str | None = None  # the portfolio's: an amount in another currency is refused
    # the analyst's answers for values a field does not know: field -> {normalised word: value or ''}
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    # words the portfolio (or this import) adds to extendable lists: vocabulary -> {normalised: word}
    extra: dict[str, dict[str, str]] = field(default_factory=dict)


# Field types whose values come from a closed list or scale: a value outside it is an "unknown value"
# the analyst answers once (map, add to the list, or leave blank) rather than an error on every row.
CLOSED_TYPES = (k.CHOICE, k.RAG, k.PROB, k.IMPACT)


class UnknownValue(ValueError):
    """A closed field's value that none of its words, synonyms or the analyst's answers match."""


def convert_value(field: k.Field, raw, ctx: Context, *, fill: str | None = None, fractions: bool | None = None):
    """The stored value for one cell of one field; raises ValueError(reason)."""
    t = field.type
    answers = ctx.values.get(field.name) if ctx.values else None
    if answers and raw is not None:
        key = parsing.normalise_word(raw)
        if key in answers:
            raw = answers[key]
            if not raw:
                return None  # the analyst chose to leave this value blank
    if t in CLOSED_TYPES and raw is not None and not parsing.is_blank(raw):
        try:
            return _convert(field, raw, ctx, fill, fractions)
        except ValueError as exc:
            raise UnknownValue(str(exc)) from None
    return _convert(field, raw, ctx, fill, fractions)


def _convert(field: k.Field, raw, ctx: Context, fill, fractions):
    t = field.type
    if t == k.TEXT and isinstance(raw, str):
        if raw[:1] == "'":  # guarded text (domain.cells): literal, white space and all
            return unguard(raw) or None
        return raw.strip() or None
    if t == k.DATE and isinstance(raw, datetime) and field.name != "month":
        return raw.date().isoformat()
    if t == k.RAG:
        rag = parsing.parse_rag(raw, fill=fill)
        return None if rag is None else rag.value
    if parsing.is_blank(raw):
        return None
    if t == k.TEXT:
        if isinstance(raw, float) and raw == int(raw):
            return str(int(raw))
        if isinstance(raw, datetime):
            return raw.date().isoformat() if raw.time() == datetime.min.time() else raw.isoformat(" ")
        if isinstance(raw, date):
            return raw.isoformat()
        return str(raw).strip()
    if t == k.DATE:
        if field.name == "month":
            month = parsing.month_of_header(raw)
            if month is not None:
                return month.isoformat()
        return parsing.parse_date(raw, order=ctx.date_order, epoch=ctx.epoch).isoformat()
    if t == k.MONEY:
        return parsing.parse_money(raw, minor_units=ctx.minor_units, currency=ctx.currency)
    if t == k.PERCENT:
        return parsing.parse_percent(raw, fractions=fractions)
    if t == k.INT:
        return parsing.parse_int(raw)
    if t == k.PROB:
        return parsing.parse_probability(raw)
    if t == k.IMPACT:
        return parsing.parse_impact(raw)
    if t == k.BOOL:
        value = parsing.parse_bool(raw)
        return None if value is None else int(value)
    if t == k.DURATION:
        return plan_text.parse_duration(raw)
    if t == k.PREDECESSORS:
        return plan_text.parse_predecessors(raw)
    if t == k.CHOICE:
        extra = ctx.extra.get(field.choices) if ctx.extra else None
        if extra and parsing.normalise_word(raw) in extra:
            return extra[parsing.normalise_word(raw)]
        return parsing.parse_choice(raw, CHOICES[field.choices], field.name.replace("_", " "))
    raise ValueError(f"unknown field type {t}")


def value_fits(field: k.Field, raw, ctx: Context) -> bool:
    """Whether a sample value parses as this field's type (used to check a header-based guess)."""
    if field.type == k.TEXT:
        return True
    try:
        convert_value(field, raw, ctx)
    except (ValueError, KeyError, OverflowError):
        return False
    return True
