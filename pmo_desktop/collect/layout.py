"""What a status-report workbook looks like: sheet names, the labels of the report's fields and the
headers of its tables. The writer lays them out and the reader finds them again by these words, so a
PM who inserts a row, moves a column or copies a sheet does not break the return."""

from __future__ import annotations

from pmo_desktop import i18n
from pmo_desktop.domain.enums import RAG_DIMENSIONS

REPORT_SHEET = "Status report"
RAID_SHEET = "RAID"
MILESTONE_SHEET = "Milestones"
FORECAST_SHEET = "Forecast"

# (label in column A, field) in the order written; column B holds the value.
INFO_LABELS = [("Project code", "code"), ("Project", "name"), ("Programme", "programme"),
               ("Period ending", "period")]
REPORT_LABELS = [("Reported by", "author")] + [
    (f"{d.capitalize()} RAG", f"rag_{d}") for d in RAG_DIMENSIONS] + [
    ("Summary", "summary"), ("Key achievements", "achievements"), ("Next steps", "next_steps"),
    ("Top issues", "top_issues"), ("Decisions needed", "decisions_needed")]
TEXT_FIELDS = ("summary", "achievements", "next_steps", "top_issues", "decisions_needed")
EXTRA_LABELS = {"achievements": "achievements", "author": "author", "name": "author", "your name": "author",
                "overall": "rag_overall", "rag": "rag_overall", "overall status": "rag_overall",
                "decisions": "decisions_needed", "issues": "top_issues"}

# Tables: (header, field, editable for rows sent, editable in new rows)
RAID_COLUMNS = [("Ref", "ref", False, False), ("Type", "type", False, True), ("Title", "title", True, True),
                ("Description", "description", True, True), ("Owner", "owner", True, True),
                ("Status", "status", True, True), ("Probability (1-5)", "probability", True, True),
                ("Impact (1-5)", "impact", True, True), ("Due date", "due_date", True, True),
                ("Response / action", "response", True, True)]
MILESTONE_COLUMNS = [("No.", "id", False, False), ("Milestone", "name", False, True),
                     ("Baseline finish", "baseline_finish", False, False),
                     ("Forecast finish", "finish_date", True, True), ("Actual finish", "actual_finish", True, True),
                     ("% complete", "percent_complete", True, True)]
FORECAST_COLUMNS = [("Category", "category", False, False), ("CAPEX/OPEX", "spend_type", False, False),
                    ("Month", "month", False, False), ("Planned", "planned", False, False),
                    ("Forecast", "forecast", True, False)]
NEW_ROWS = 30  # unlocked blank rows under a table for the PM's additions
FORECAST_MONTHS = 12  # months after the period offered for the forecast

RAG_WORDS = ("Red", "Amber", "Green", "Complete", "Not reported")


def label_key(text) -> str:
    """A label as the reader compares it: case, spaces, a trailing colon or asterisk ignored."""
    return " ".join(str(text).replace("\n", " ").split()).strip(" :*").casefold()


# A workbook is written in English or Chinese (the words through i18n's catalogue); it is read back in
# either, whichever language the PMO's window speaks now.
LANGUAGES = tuple(i18n.LANGUAGES)


def said(text: str, lang: str) -> str:
    """A label, header, sheet name or instruction of the workbook in `lang`."""
    return i18n.text(text, lang)


def names_of(text: str) -> set[str]:
    """What a label or sheet name may read in a returned workbook: the English and every translation."""
    return {said(text, lang) for lang in LANGUAGES}


REPORT_FIELD_BY_LABEL = {label_key(word): f for label, f in REPORT_LABELS for word in names_of(label)} | EXTRA_LABELS


def header_map(columns) -> dict[str, str]:
    out = {label_key(word): f for h, f, _e, _n in columns for word in names_of(h)}
    for h, f, _e, _n in columns:  # "Probability (1-5)" also answers to "Probability"
        for word in names_of(h):
            out.setdefault(label_key(word.split("(")[0].split("（")[0]), f)
    return out
