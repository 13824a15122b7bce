"""The closed lists a field's values come from, and which of them a portfolio may extend.

Status, response, category, priority and stage start from the enums in domain/enums.py; a portfolio
may add its own words to them (a tracker whose projects are 'Planning', a RAID log whose responses are
'Contingency'). The extra words live in the portfolio's settings (`value_lists`, see
store/value_lists.py) and are accepted by the registers' editors and the importer alike. RAG, the RAID
type, CAPEX/OPEX and the probability and impact scales stay fixed: reports and checks count on them.
"""

from __future__ import annotations

from enum import StrEnum

from pmo_desktop.domain.enums import CostCategory, Priority, ProjectStatus, RaidStatus, Response, Stage

# vocabulary name (kinds.Field.choices) -> the enum it starts from
EXTENDABLE: dict[str, type[StrEnum]] = {
    "project_status": ProjectStatus,
    "raid_status": RaidStatus,
    "response": Response,
    "category": CostCategory,
    "priority": Priority,
    "stage": Stage,
}
MAX_WORDS = 60  # per list: a list is something a person picks from
MAX_LENGTH = 40  # per word


def vocabulary_of(enum: type[StrEnum] | None) -> str | None:
    """The extendable list an enum starts (ProjectStatus -> 'project_status'), or None when fixed."""
    for name, start in EXTENDABLE.items():
        if start is enum:
            return name
    return None


def clean_word(word) -> str:
    """A word fit to add to a list: trimmed, single-spaced; ValueError(reason) when it is not."""
    text = " ".join(str(word if word is not None else "").split())
    if not text:
        raise ValueError("an empty value cannot be added to a list")
    if len(text) > MAX_LENGTH:
        raise ValueError(f"'{text[:MAX_LENGTH]}...' is too long for a list value ({MAX_LENGTH} characters at most)")
    if text[0] in "=+-@":
        raise ValueError(f"'{text}' cannot start a list value (it reads as a formula)")
    return text


def choices(vocabulary: str, extra: dict[str, list[str]] | None) -> list[str]:
    """The values of a list: the enum's own first, then the portfolio's additions."""
    start = [m.value for m in EXTENDABLE[vocabulary]] if vocabulary in EXTENDABLE else []
    added = [w for w in (extra or {}).get(vocabulary, []) if w.casefold() not in {s.casefold() for s in start}]
    return start + added
