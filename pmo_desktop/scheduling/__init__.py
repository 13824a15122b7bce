"""Scheduling (no Qt): working calendars, the dependency network, forward/backward pass, floats and
the critical path, and rescheduling the plans stored in a portfolio."""

from pmo_desktop.scheduling.calendar import CalendarError, WorkCalendar, load_calendar
from pmo_desktop.scheduling.engine import Schedule, TaskResult, schedule
from pmo_desktop.scheduling.network import CONSTRAINT_TYPES, DependencyLoop, LinkInput, TaskInput
from pmo_desktop.scheduling.service import ProjectSchedule, Rescheduled, reschedule, schedule_project

__all__ = [
    "CONSTRAINT_TYPES", "CalendarError", "DependencyLoop", "LinkInput", "ProjectSchedule", "Rescheduled", "Schedule",
    "TaskInput", "TaskResult", "WorkCalendar", "load_calendar", "reschedule", "schedule", "schedule_project",
]
