"""Plans to and from other tools (no Qt): MS Project XML (MSPDI) and GanttProject (.gan).

Readers return a plain `Plan`; `apply_plan` writes one into the portfolio as one undo step;
`write_mspdi` exports a project's plan. `read_plan` picks the reader by file extension.
"""

from pathlib import Path

from pmo_desktop.plans_io.apply import PlanImport, apply_plan
from pmo_desktop.plans_io.gan_reader import read_gan
from pmo_desktop.plans_io.model import Plan, PlanAssignment, PlanCalendar, PlanFileError, PlanLink, PlanTask
from pmo_desktop.plans_io.mspdi_reader import read_mspdi
from pmo_desktop.plans_io.mspdi_writer import write_mspdi

READERS = {".xml": read_mspdi, ".mspdi": read_mspdi, ".gan": read_gan}


def read_plan(path) -> Plan:
    """Read an MS Project XML or GanttProject file, chosen by its extension."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise PlanFileError(f"{path.name}: plans are read from .xml (MS Project XML) or .gan (GanttProject) "
                            "files")
    return reader(path)


__all__ = ["Plan", "PlanAssignment", "PlanCalendar", "PlanFileError", "PlanImport", "PlanLink", "PlanTask", "apply_plan",
           "read_gan", "read_mspdi", "read_plan", "write_mspdi"]
