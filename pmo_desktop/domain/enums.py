"""The closed vocabularies of the PMO world (DOMAIN.md)."""

from __future__ import annotations

from enum import StrEnum


class Rag(StrEnum):
    RED = "R"
    AMBER = "A"
    GREEN = "G"
    BLUE = "B"  # complete / closed
    GREY = "X"  # not started / not reported

    @property
    def label(self) -> str:
        return _RAG_LABELS[self]

    @property
    def colour(self) -> str:
        return _RAG_COLOURS[self][0]

    @property
    def text_colour(self) -> str:
        return _RAG_COLOURS[self][1]

    @property
    def letter(self) -> str:
        """The letter printed on the chip; Grey shows a dash so it never reads as a status."""
        return "–" if self is Rag.GREY else self.value

    @property
    def severity(self) -> int:
        """Order for sorting and trends: higher is worse. Blue and Grey sit outside the scale."""
        return {Rag.GREEN: 1, Rag.AMBER: 2, Rag.RED: 3}.get(self, 0)


_RAG_LABELS = {
    Rag.RED: "Red",
    Rag.AMBER: "Amber",
    Rag.GREEN: "Green",
    Rag.BLUE: "Complete",
    Rag.GREY: "Not reported",
}

# (fill, text) from the one palette in DOMAIN.md
_RAG_COLOURS = {
    Rag.RED: ("#C62828", "#FFFFFF"),
    Rag.AMBER: ("#EF8F00", "#000000"),
    Rag.GREEN: ("#2E7D32", "#FFFFFF"),
    Rag.BLUE: ("#1565C0", "#FFFFFF"),
    Rag.GREY: ("#9E9E9E", "#000000"),
}

PLAN_COLOUR = "#90A4AE"
ACTUAL_COLOUR = "#37474F"
FORECAST_COLOUR = "#5C6BC0"

RAG_DIMENSIONS = ("overall", "schedule", "cost", "scope", "resources")


class Stage(StrEnum):
    IDEA = "Idea"
    INITIATION = "Initiation"
    PLANNING = "Planning"
    EXECUTION = "Execution"
    CLOSURE = "Closure"
    CLOSED = "Closed"

    @property
    def order(self) -> int:
        return list(Stage).index(self)


class ProjectStatus(StrEnum):
    PROPOSED = "Proposed"
    ACTIVE = "Active"
    ON_HOLD = "On hold"
    COMPLETED = "Completed"
    CANCELLED = "Cancelled"


class Priority(StrEnum):
    CRITICAL = "Critical"
    HIGH = "High"
    MEDIUM = "Medium"
    LOW = "Low"


class RaidType(StrEnum):
    RISK = "Risk"
    ASSUMPTION = "Assumption"
    ISSUE = "Issue"
    DEPENDENCY = "Dependency"
    DECISION = "Decision"

    @property
    def ref_prefix(self) -> str:
        return {"Risk": "R", "Assumption": "A", "Issue": "I", "Dependency": "D", "Decision": "DEC"}[self.value]


class RaidStatus(StrEnum):
    OPEN = "Open"
    IN_PROGRESS = "In progress"
    CLOSED = "Closed"


class Response(StrEnum):
    AVOID = "Avoid"
    REDUCE = "Reduce"
    TRANSFER = "Transfer"
    ACCEPT = "Accept"
    ACTION = "Action"


class TaskKind(StrEnum):
    TASK = "task"
    SUMMARY = "summary"
    MILESTONE = "milestone"


class DependencyType(StrEnum):
    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"


class SpendType(StrEnum):
    CAPEX = "CAPEX"
    OPEX = "OPEX"


class CostCategory(StrEnum):
    LABOUR = "Labour"
    CONTRACTORS = "Contractors"
    HARDWARE = "Hardware"
    SOFTWARE = "Software"
    SERVICES = "Services"
    OTHER = "Other"


class Source(StrEnum):
    """Where a change came from; recorded on every change-log batch."""

    UI = "ui"
    IMPORT = "import"
    CLI = "cli"
    DEMO = "demo"
    UNDO = "undo"
    REDO = "redo"
    MIGRATION = "migration"
