"""What an undo step is called, in the window's language.

A change batch keeps its label in English (the change log is read by `pmo`, sync and bug reports alike);
the Edit menu ("Undo Edit Probability of R-012") and the status bar show it translated. Each known
shape of label is a pattern here with its tr() text; the words inside (column names, register nouns,
stored English words) are shown through texts.shown(). A label of no known shape stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from pmo_desktop.domain.dates import MONTHS, format_month
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.widgets.texts import shown
from pmo_desktop.gui.widgets.tr import tr


def _word(text: str) -> str:
    return shown(text) or text


def _plural(text: str) -> str:
    """'projects' or 'RAID item(s)' as the user reads it: the singular's translation serves both."""
    singular = text[:-3] if text.endswith("(s)") else text
    translated = shown(singular)
    if translated != singular:
        return translated
    if singular.endswith("s") and shown(singular[:-1]) != singular[:-1]:
        return shown(singular[:-1])
    return _word(text)


def _month(text: str) -> str:
    """'Nov 2026' (a month as a label keeps it) in the window's language: '2026年11月'."""
    name, _, year = text.partition(" ")
    if name in MONTHS and year.isdigit():
        return format_month(date(int(year), MONTHS.index(name) + 1, 1), lang=current_language())
    return text


_SHAPES: list[tuple[str, Callable[[re.Match], str]]] = [
    (r"Edit (?P<what>.+?) of (?P<key>.+)", lambda m: tr("Edit {what} of {key}").format(what=_word(m["what"]), key=m["key"])),
    (r"Edit (?P<what>[^ ]+)", lambda m: tr("Edit {what}").format(what=_word(m["what"]))),
    (r"Paste (?P<n>\d+) cells", lambda m: tr("Paste {n} cells").format(n=m["n"])),
    (r"Paste (?P<n>\d+) budget cells", lambda m: tr("Paste {n} budget cells").format(n=m["n"])),
    (r"Clear 1 cell", lambda m: tr("Clear 1 cell")),
    (r"Clear (?P<n>\d+) cells", lambda m: tr("Clear {n} cells").format(n=m["n"])),
    (r"Clear budget cells", lambda m: tr("Clear budget cells")),
    (r"Edit budget \((?P<n>\d+) cells?\)", lambda m: tr("Edit budget ({n} cell(s))").format(n=m["n"])),
    (r"Add budget line (?P<category>\w+) (?P<spend>CAPEX|OPEX)",
     lambda m: tr("Add budget line {category} {spend}").format(category=_word(m["category"]), spend=m["spend"])),
    (r"Add task '(?P<name>.+)'", lambda m: tr("Add task '{name}'").format(name=m["name"])),
    (r"Add (?P<what>[^']+)", lambda m: tr("Add {what}").format(what=_word(m["what"]))),
    (r"Duplicate (?P<n>\d+) (?P<what>.+)", lambda m: tr("Duplicate {n} {what}").format(n=m["n"], what=_plural(m["what"]))),
    (r"Delete (?P<n>\d+) (?P<what>.+)", lambda m: tr("Delete {n} {what}").format(n=m["n"], what=_plural(m["what"]))),
    (r"Move '(?P<name>.+)'", lambda m: tr("Move '{name}'").format(name=m["name"])),
    (r"Change duration of (?P<n>\d+) tasks", lambda m: tr("Change duration of {n} tasks").format(n=m["n"])),
    (r"Change duration of '(?P<name>.+)'", lambda m: tr("Change duration of '{name}'").format(name=m["name"])),
    (r"Link '(?P<a>.+)' → '(?P<b>.+)'", lambda m: tr("Link '{a}' → '{b}'").format(a=m["a"], b=m["b"])),
    (r"Indent '(?P<name>.+)'", lambda m: tr("Indent '{name}'").format(name=m["name"])),
    (r"Outdent '(?P<name>.+)'", lambda m: tr("Outdent '{name}'").format(name=m["name"])),
    (r"Import plan (?P<name>.+)", lambda m: tr("Import plan {name}").format(name=m["name"])),
    (r"Import lessons from (?P<name>.+)", lambda m: tr("Import lessons from {name}").format(name=m["name"])),
    (r"Import benefits from (?P<name>.+)", lambda m: tr("Import benefits from {name}").format(name=m["name"])),
    (r"Import (?P<name>.+)", lambda m: tr("Import {name}").format(name=m["name"])),
    (r"Gate review (?P<gate>\S+) for (?P<code>.+)", lambda m: tr("Gate review {gate} for {code}").format(**m.groupdict())),
    (r"Score (?P<code>.+)", lambda m: tr("Score {code}").format(code=m["code"])),
    (r"Allocate (?P<who>.+) to (?P<project>.+) in (?P<month>.+)",
     lambda m: tr("Allocate {who} to {project} in {month}").format(who=m["who"], project=m["project"],
                                                                    month=_month(m["month"]))),
    (r"New scenario (?P<name>.+)", lambda m: tr("New scenario {name}").format(name=m["name"])),
    (r"Delete scenario (?P<name>.+)", lambda m: tr("Delete scenario {name}").format(name=m["name"])),
    (r"Scenario (?P<name>.+): change (?P<code>.+)", lambda m: tr("Scenario {name}: change {code}").format(**m.groupdict())),
    (r"Apply scenario (?P<name>.+)", lambda m: tr("Apply scenario {name}").format(name=m["name"])),
    (r"Measure (?P<ref>\S+) (?P<month>\S+)", lambda m: tr("Measure {ref} {month}").format(**m.groupdict())),
    (r"Link projects to (?P<ref>.+)", lambda m: tr("Link projects to {ref}").format(ref=m["ref"])),
    (r"Delete (?P<ref>.+)", lambda m: tr("Delete {ref}").format(ref=m["ref"])),
    (r"Collect status reports for (?P<period>\S+) \((?P<n>\d+) workbooks\)",
     lambda m: tr("Collect status reports for {period} ({n} workbooks)").format(**m.groupdict())),
    (r"Returned status report (?P<code>\S+) (?P<period>\S+) \((?P<file>.+)\)",
     lambda m: tr("Returned status report {code} {period} ({file})").format(**m.groupdict())),
    (r"Change settings", lambda m: tr("Change settings")),
    (r"Edit gate conditions", lambda m: tr("Edit gate conditions")),
    (r"change", lambda m: tr("change")),
]
_COMPILED = [(re.compile(pattern), make) for pattern, make in _SHAPES]


def shown_label(label: str) -> str:
    """A change batch's English label as the user reads it."""
    for pattern, make in _COMPILED:
        m = pattern.fullmatch(label)
        if m:
            return make(m)
    return label
