"""Project ▸ Reschedule Plan (and the Gantt view's Reschedule button): run `pmo schedule`'s service for
one project through the job runner, so a large plan neither freezes the window nor shares the
connection with an edit. The dates it changes are ONE batch, recorded as one undo step.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from pmo_desktop.domain.dates import format_date
from pmo_desktop.domain.enums import Source
from pmo_desktop.gui.shell.jobs import Job, job_runner
from pmo_desktop.registers import lookups
from pmo_desktop.scheduling.service import Rescheduled, reschedule


def outcome_text(result: Rescheduled, date_format: str | None = None) -> str:
    """One status-bar line saying what rescheduling did."""
    plan = result.projects[0]
    finish = f", finish {format_date(plan.finish, date_format)}" if plan.finish else ""
    late = f"; {len(plan.late_tasks)} task(s) miss a deadline" if plan.late_tasks else ""
    if not result.changed:
        return f"{plan.code}: every date already follows the plan's links{finish}{late}"
    return f"Rescheduled {plan.code}: {result.changed} task(s) moved{finish}{late}"


def reschedule_project(win, project_id: int | None) -> Job | None:
    """Reschedule the plan of `project_id` in the window's portfolio; returns the job started."""
    pf = win.portfolio
    if pf is None or project_id is None:
        return None
    if pf.read_only:
        QMessageBox.warning(win, "Reschedule plan", f"{pf.path.name} is open read-only; nothing can be changed")
        return None
    code = lookups.project_code(pf, project_id)
    if code is None:
        return None

    def work(progress, cancelled):
        return reschedule(pf, code, source=Source.UI, progress=progress, cancelled=cancelled)

    def done(result: Rescheduled) -> None:
        if result.batch_id is not None and win.history is not None:
            win.history.record(result.batch_id)
        win.refresh_views()
        win.statusBar().showMessage(outcome_text(result, pf.settings().get("date_format")), 10000)

    return job_runner(win).run(f"Rescheduling {code}", work, on_success=done)


def selected_project(win) -> int | None:
    """The project the window is showing: the Gantt view's plan when it is on screen, else the
    project in the detail pane."""
    view = win.current_view()
    project = getattr(view, "selected_project_id", lambda: None)() if view is not None else None
    return project if project is not None else win.detail.project_id
