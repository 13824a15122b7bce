"""The analyst's answers to what a file says that the portfolio does not know, given once per value.

A closed field (status, response, category, priority, stage, RAG, probability, impact ...) whose cell
holds a value none of its words or synonyms match is an *unknown value*: listed once with its count,
answered once (map it to a known value, add it to the portfolio's list when the list may grow, or leave
it blank) and the answer applies to every row. A project code that the portfolio lacks is a *missing
project*: create it (code and name from the rows), map it to an existing project, or skip its rows.
Answers live on the Mapping, so a saved mapping remembers them for next month's file.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace

from pmo_desktop.domain import parsing
from pmo_desktop.domain.vocabularies import EXTENDABLE, choices
from pmo_desktop.importing import kinds as k
from pmo_desktop.importing.convert import CHOICES, CLOSED_TYPES, Context
from pmo_desktop.importing.errors import ImportRefused
from pmo_desktop.importing.records import MISSING_PROJECT, UNKNOWN_VALUE, Record

MAP, ADD, BLANK = "map", "add", "blank"
CREATE, SKIP = "+", ""
PROJECT_FIELDS = ("project", "related_project")

# Best guesses where spelling alone does not help (a guess is only pre-filled; the analyst decides).
_GUESSES = {
    "response": {"prevent": "Avoid", "prevention": "Avoid", "contingency": "Accept", "ignore": "Accept",
                 "monitor": "Accept", "watch": "Accept", "escalate": "Transfer", "contain": "Reduce"},
    "project_status": {"planning": "Proposed", "initiation": "Proposed", "idea": "Proposed",
                       "approved": "Proposed", "execution": "Active", "delivery": "Active",
                       "in flight": "Active", "red": "Active", "amber": "Active", "green": "Active",
                       "closure": "Completed", "closing": "Completed", "delivered": "Completed",
                       "suspended": "On hold", "deferred": "On hold", "rejected": "Cancelled"},
    "raid_status": {"accepted": "Closed", "mitigated": "Closed", "transferred": "Closed",
                    "on hold": "In progress", "blocked": "In progress", "in review": "In progress"},
}
_RAG_WORDS = {"red": "R", "amber": "A", "green": "G", "blue": "B", "grey": "X", "gray": "X"}
_SCALE = {"very low": "1", "low": "2", "medium": "3", "high": "4", "very high": "5"}


@dataclass
class Unknown:
    """One value of one field that nothing matched, with what the analyst may do about it."""

    field: str
    value: str
    count: int
    rows: list[int]
    guess: str | None  # a known value it most likely means
    can_add: bool  # the field's list may grow (status, response ...), so "add" is offered
    known: list[str]  # what it may be mapped to

    @property
    def default_action(self) -> str:
        return MAP if self.guess else ADD if self.can_add else BLANK

    def as_dict(self) -> dict:
        return {"field": self.field, "value": self.value, "count": self.count, "rows": self.rows[:10],
                "guess": self.guess, "can_add": self.can_add, "known": self.known}


@dataclass
class Missing:
    """A project code named by rows that the portfolio lacks."""

    code: str
    name: str | None
    count: int
    rows: list[int]

    def as_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "count": self.count, "rows": self.rows[:10]}


def vocabulary(kind: k.Kind, field_name: str) -> str | None:
    """The list a field's values come from ('status' of a project -> 'project_status')."""
    try:
        f = kind.field(field_name)
    except KeyError:
        return None
    return f.choices if f.type == k.CHOICE else None


def known_values(kind: k.Kind, field_name: str, lists: dict[str, list[str]]) -> list[str]:
    f = kind.field(field_name)
    if f.type == k.CHOICE:
        if f.choices in EXTENDABLE:
            return choices(f.choices, lists)
        return sorted(set(CHOICES[f.choices].values()), key=str.casefold)
    if f.type == k.RAG:
        return ["Red", "Amber", "Green", "Blue", "Grey"]
    if f.type in (k.PROB, k.IMPACT):
        return ["1", "2", "3", "4", "5"]
    return []


def context_for_mapping(base: Context, mapping, kind: k.Kind, lists: dict[str, list[str]]) -> Context:
    """The conversion context with the mapping's answers and the portfolio's (and this import's) words."""
    values = {f: {parsing.normalise_word(a): b for a, b in m.items()} for f, m in mapping.values.items()
              if f in kind.field_names}
    extra: dict[str, dict[str, str]] = {}
    for vocab, words in lists.items():
        extra.setdefault(vocab, {}).update({parsing.normalise_word(w): w for w in words})
    for f, words in mapping.added.items():
        vocab = vocabulary(kind, f) if f in kind.field_names else None
        if vocab in EXTENDABLE:
            extra.setdefault(vocab, {}).update({parsing.normalise_word(w): " ".join(w.split()) for w in words})
    return replace(base, values=values, extra=extra)


def additions(mapping, kind: k.Kind, lists: dict[str, list[str]]) -> dict[str, list[str]]:
    """{vocabulary: words} this import adds to the portfolio's lists (those not already there)."""
    out: dict[str, list[str]] = {}
    for f, words in mapping.added.items():
        vocab = vocabulary(kind, f) if f in kind.field_names else None
        if vocab not in EXTENDABLE:
            continue
        known = {w.casefold() for w in choices(vocab, lists)}
        for w in words:
            text = " ".join(w.split())
            if text and text.casefold() not in known:
                out.setdefault(vocab, []).append(text)
                known.add(text.casefold())
    return out


def guess(kind: k.Kind, field_name: str, value: str, lists: dict[str, list[str]]) -> str | None:
    """The known value `value` most likely means, or None."""
    f = kind.field(field_name)
    word = parsing.normalise_word(value)
    if f.type == k.CHOICE:
        table = dict(CHOICES[f.choices])
        table.update({parsing.normalise_word(w): w for w in lists.get(f.choices, [])})
        if word in _GUESSES.get(f.choices, {}):
            return _GUESSES[f.choices][word]
    elif f.type == k.RAG:
        table = {w: {"R": "Red", "A": "Amber", "G": "Green", "B": "Blue", "X": "Grey"}[v] for w, v in _RAG_WORDS.items()}
    elif f.type in (k.PROB, k.IMPACT):
        table = dict(_SCALE)
    else:
        return None
    close = difflib.get_close_matches(word, list(table), n=1, cutoff=0.75)
    if close:
        return table[close[0]]
    for key, target in table.items():  # 'Accepted risk' -> Accept, 'High impact' -> 4
        if len(key) >= 4 and f" {key} " in f" {word} ":
            return target
    return None


def group_unknown(plan, kind: k.Kind, lists: dict[str, list[str]]) -> list[Unknown]:
    found: dict[tuple[str, str], Unknown] = {}
    for row in plan.rows:
        for e in row.errors:
            if e.problem != UNKNOWN_VALUE:
                continue
            key = (e.field, parsing.normalise_word(e.value))
            entry = found.get(key)
            if entry is None:
                vocab = vocabulary(kind, e.field)
                entry = found[key] = Unknown(e.field, e.value, 0, [], guess(kind, e.field, e.value, lists),
                                             vocab in EXTENDABLE, known_values(kind, e.field, lists))
            entry.count += 1
            if len(entry.rows) < 50:
                entry.rows.append(e.row)
    return sorted(found.values(), key=lambda u: (u.field, -u.count, u.value.casefold()))


def group_missing(plan, names: dict[str, str]) -> list[Missing]:
    found: dict[str, Missing] = {}
    for row in plan.rows:
        for e in row.errors:
            if e.problem != MISSING_PROJECT:
                continue
            entry = found.setdefault(e.value, Missing(e.value, names.get(e.value), 0, []))
            entry.count += 1
            if len(entry.rows) < 50:
                entry.rows.append(e.row)
    return sorted(found.values(), key=lambda m: m.code.casefold())


def resolve_projects(plan, records: list[Record], mapping, lookup) -> tuple[list[Record], dict[str, str]]:
    """Apply the answers for project codes the portfolio lacks, before the rows are planned: rows of a
    skipped code are left out, a mapped code is replaced, a code to create becomes a pending project.
    Returns the records to plan and {code: name} of every missing code (names from a project-name column)."""
    names: dict[str, str] = {}
    if not ({"project_name", *PROJECT_FIELDS} & set(mapping.columns)):
        return records, names  # the file names no project (a register, or rows for --project)
    kept: list[Record] = []
    skipped: dict[str, int] = {}
    answers = {c.casefold(): a for c, a in mapping.projects.items()}
    for rec in records:
        name = rec.values.pop("project_name", None)
        skip = False
        for field_name in PROJECT_FIELDS:
            code = rec.values.get(field_name)
            if code is None or lookup.project(str(code)) is not None:
                continue
            code = str(code)
            if name and field_name == "project":
                names.setdefault(code, str(name))
            answer = answers.get(code.casefold())
            if answer == SKIP and field_name == "project":
                skip = True
                skipped[code] = skipped.get(code, 0) + 1
            elif answer == SKIP:
                rec.values[field_name] = None
            elif answer and answer != CREATE:
                rec.values[field_name] = answer
            elif answer == CREATE or mapping.create_missing:
                plan.create_projects.setdefault(code, names.get(code) or code)
                lookup.pending_projects.add(code)
        if not skip:
            kept.append(rec)
    for code, n in skipped.items():
        plan.notes.append(f"{n} row(s) of project '{code}' skipped, as answered")
    for code in plan.create_projects:
        if names.get(code):
            plan.create_projects[code] = names[code]
    return kept, names


def parse_value_option(text: str) -> tuple[str, str, str]:
    """'status:Planning=Active' -> ('status', 'Planning', 'Active'); 'status:Planning=' leaves it blank."""
    field_name, sep, rest = text.partition(":")
    source, eq, target = rest.partition("=")
    if not sep or not eq or not field_name.strip() or not source.strip():
        raise ImportRefused(f"--value '{text}': write it as FIELD:VALUE_IN_FILE=VALUE (e.g. "
                            "status:Planning=Active; nothing after '=' leaves the value blank)")
    return field_name.strip().lower().replace(" ", "_"), source.strip(), target.strip()


def answer_options(mapping, kind: k.Kind, values: list[str] | None, lists: dict[str, list[str]]) -> None:
    """`--value FIELD:FROM=TO` answers onto a mapping (project codes go to its project answers)."""
    for text in values or []:
        field_name, source, target = parse_value_option(text)
        if field_name in PROJECT_FIELDS:
            mapping.projects[source] = target
            continue
        if field_name not in kind.field_names:
            raise ImportRefused(f"--value '{text}': {kind.label.lower()} has no field '{field_name}' "
                                f"(fields: {', '.join(kind.field_names)})")
        f = kind.field(field_name)
        if target and f.type in CLOSED_TYPES:
            known = known_values(kind, field_name, lists)
            probe = Context(extra={vocabulary(kind, field_name) or "": {}})
            from pmo_desktop.importing.convert import value_fits

            if not value_fits(f, target, probe) and target.casefold() not in {w.casefold() for w in known}:
                raise ImportRefused(f"--value '{text}': '{target}' is not a known {field_name.replace('_', ' ')} "
                                    f"(known: {', '.join(known)}); add '{source}' to the list with --add-values")
        mapping.values.setdefault(field_name, {})[source] = target


def add_unknown(mapping, unknowns: list[Unknown]) -> int:
    """--add-values: every unknown value of a list that may grow is added to it. Returns how many."""
    n = 0
    for u in unknowns:
        if u.can_add and u.value not in mapping.values.get(u.field, {}):
            words = mapping.added.setdefault(u.field, [])
            if u.value not in words:
                words.append(u.value)
                n += 1
    return n


def answer(mapping, unknown: Unknown, action: str, target: str | None = None) -> None:
    """The wizard's answer for one unknown value: MAP to `target`, ADD to the list, or leave it BLANK."""
    values = mapping.values.setdefault(unknown.field, {})
    added = mapping.added.setdefault(unknown.field, [])
    values.pop(unknown.value, None)
    if unknown.value in added:
        added.remove(unknown.value)
    if action == MAP and target:
        values[unknown.value] = target
    elif action == ADD:
        added.append(unknown.value)
    elif action == BLANK:
        values[unknown.value] = ""
    for store in (mapping.values, mapping.added):
        if not store.get(unknown.field):
            store.pop(unknown.field, None)
