"""Resources and capacity: people, skills, non-working spells, allocations, utilisation, labour cost.

No Qt here. `capacity_summary(pf, period)` is the plain-data block for `pmo summary` and the board pack.
"""

from pmo_desktop.capacity.maths import (
    FULL,
    NONE,
    OVER,
    UNDER,
    CapacityGrid,
    build_grid,
    demand_by_role,
    group_utilisation,
    labour_cost,
    over_allocations,
    who_is_free,
)
from pmo_desktop.capacity.model import CapacityInputError
from pmo_desktop.capacity.queries import capacity_grid, capacity_summary

__all__ = [
    "FULL",
    "NONE",
    "OVER",
    "UNDER",
    "CapacityGrid",
    "CapacityInputError",
    "build_grid",
    "capacity_grid",
    "capacity_summary",
    "demand_by_role",
    "group_utilisation",
    "labour_cost",
    "over_allocations",
    "who_is_free",
]
