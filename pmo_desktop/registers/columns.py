"""What a register column is: its SQL, how it is shown, how a typed value becomes a stored one.

A column knows its kind (text, date, money, rag ...). The kind decides the editor (delegates.py),
the display text, the alignment and the parser from pmo_desktop.domain.values. Nothing here draws.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from pmo_desktop.domain import values
from pmo_desktop.domain.dates import format_date, format_month, resolve_date_format
from pmo_desktop.domain.enums import Rag
from pmo_desktop.domain.money import CURRENCY_SYMBOLS
from pmo_desktop.domain.values import ValueProblem

# kinds of column
TEXT, MULTILINE, DATE, MONEY, RAG, ENUM, CHOICE, PROBABILITY, IMPACT, SCORE, PERCENT, BOOL, NUMBER = (
    "text", "multiline", "date", "money", "rag", "enum", "choice", "probability", "impact", "score",
    "percent", "bool", "number")
PROGRAMME, PROJECT = "programme", "project"  # references shown by name/code, stored as ids

NUMERIC_KINDS = {MONEY, PERCENT, NUMBER, PROBABILITY, IMPACT, SCORE}


@dataclass(frozen=True)
class Column:
    key: str  # unique in its register; the stored column unless `field` says otherwise
    header: str
    expr: str  # SQL expression over the register's FROM clause
    kind: str = TEXT
    editable: bool = True
    enum: type[StrEnum] | None = None
    choices: tuple[str, ...] = ()
    required: bool = False
    width: int = 110
    filter: bool = False  # offered as a per-column filter
    field: str | None = None  # stored column name, when it differs from key
    custom_field_id: int | None = None  # a user-defined field (custom_values)
    sort_expr: str | None = None  # SQL to sort by, when the shown value sorts badly
    fractions: bool = False  # PERCENT: a typed 0.5 (or 1) is a fraction (50%, 100%), as in a spreadsheet
    locked: str | None = None  # SQL condition over the register's FROM: this row's cell is not typed in ...
    locked_tip: str = ""  # ... and why (shown as the cell's tooltip, and as the refusal of an edit)
    tip: str = ""

    @property
    def store_field(self) -> str:
        return self.field or self.key

    @property
    def order_by(self) -> str:
        if self.sort_expr:
            return self.sort_expr
        if self.kind == RAG:
            return (f"CASE {self.expr} WHEN 'R' THEN 3 WHEN 'A' THEN 2 WHEN 'G' THEN 1 "
                    f"WHEN 'B' THEN 0 WHEN 'X' THEN -1 END")
        if self.kind in (TEXT, MULTILINE, ENUM, CHOICE, PROGRAMME, PROJECT):
            return f"{self.expr} COLLATE NOCASE"
        return self.expr

    @property
    def choice_list(self) -> list[str]:
        if self.enum is not None:  # an enum's values, then the words the portfolio added to its list
            return [m.value for m in self.enum] + list(self.choices)
        return list(self.choices)

    def with_(self, **changes: Any) -> Column:
        return replace(self, **changes)


@dataclass
class Formatting:
    """Portfolio facts the display and the parsers need: the currency and the date style."""

    currency_symbol: str = "£"
    day_first: bool = True
    currency: str | None = None  # ISO code; amounts naming another currency are refused
    date_format: str = "iso"  # one of dates.DATE_FORMATS
    language: str = "en"  # the window's language: zh-CN writes the medium style as 2026年3月24日

    @classmethod
    def from_settings(cls, settings: dict[str, Any], lang: str | None = None, *,
                      language: str = "en") -> Formatting:
        """The portfolio's own: its currency, and its `date_format` setting (None: the system's)."""
        style = resolve_date_format(settings.get("date_format"), lang)
        return cls(currency_symbol=CURRENCY_SYMBOLS.get(settings.get("currency"), ""),
                   day_first=style != "mdy", currency=settings.get("currency"), date_format=style,
                   language=language)

    def date(self, value: Any) -> str:
        """A stored ISO date as this portfolio shows dates."""
        return format_date(value, self.date_format, lang=self.language) if value else ""

    def month(self, value: Any, *, year: bool = True, full: bool = False) -> str:
        """A month ('Nov 2026', '2026-11', '11/2026', '2026年11月') as this portfolio shows dates."""
        return format_month(value, self.date_format, lang=self.language, year=year, full=full) if value else ""


def display_text(column: Column, value: Any, fmt: Formatting) -> str:
    if value is None or value == "":
        return ""
    kind = column.kind
    if kind == MONEY:
        return values.format_money(int(value), fmt.currency_symbol)
    if kind == RAG:
        try:
            return Rag(value).label
        except ValueError:
            return str(value)
    if kind == DATE:
        return fmt.date(value)
    if kind == PERCENT:
        return f"{float(value):g}%"
    if kind == BOOL:
        return "Yes" if value else "No"
    if kind == PROBABILITY:
        return f"{value} – {_word(values.PROBABILITY_WORDS, value)}"
    if kind == IMPACT:
        return f"{value} – {_word(values.IMPACT_WORDS, value)}"
    if kind == MULTILINE:
        first = str(value).splitlines()[0] if str(value) else ""
        return first + (" …" if "\n" in str(value) else "")
    if kind == NUMBER and isinstance(value, float) and value.is_integer():
        return f"{int(value):,}"
    if kind == NUMBER and isinstance(value, int | float):
        return f"{value:,}"
    return str(value)


def edit_text(column: Column, value: Any, fmt: Formatting) -> str:
    """The text a cell gives to an editor or to the clipboard: re-parseable by `parse`."""
    if value is None:
        return ""
    if column.kind == MONEY:
        return values.format_money(int(value), "")
    if column.kind == DATE:
        return fmt.date(value)
    if column.kind in (PROBABILITY, IMPACT, SCORE):
        return str(value)
    if column.kind == PERCENT:
        return f"{float(value):g}"
    if column.kind == RAG:
        return str(value)
    if column.kind == BOOL:
        return "Yes" if value else "No"
    return str(value)


def _word(words: dict[str, int], number: int) -> str:
    for word, n in words.items():
        if n == number:
            return word.capitalize()
    return ""


def parse(column: Column, value: Any, fmt: Formatting) -> Any:
    """The stored value for what a user typed or pasted; ValueProblem says why it is refused.

    PROGRAMME and PROJECT columns give back the name/code; the model resolves it to an id.
    """
    kind = column.kind
    what = column.header
    if kind in (TEXT, PROGRAMME, PROJECT):
        result = values.parse_text(value, required=column.required, what=what)
    elif kind == MULTILINE:
        result = None if values.is_blank(value) else str(value).rstrip()
    elif kind == DATE:
        result = values.parse_date(value, day_first=fmt.day_first)
    elif kind == MONEY:
        result = values.parse_money(value, currency=fmt.currency)
    elif kind == RAG:
        result = values.parse_rag(value)
    elif kind == ENUM:
        result = values.parse_choice(_before_dash(value), column.choice_list, what=what.lower())
    elif kind == CHOICE:
        result = values.parse_choice(value, list(column.choices), what=what.lower())
    elif kind == PROBABILITY:
        result = values.parse_probability(_before_dash(value))
    elif kind == IMPACT:
        result = values.parse_impact(_before_dash(value))
    elif kind == PERCENT:
        result = values.parse_percent(value, fraction_if_below_one=column.fractions)
    elif kind == BOOL:
        result = values.parse_bool(value)
    elif kind == NUMBER:
        result = values.parse_number(value, what=what.lower())
    else:
        raise ValueProblem(f"{what} cannot be edited")
    if result is None and column.required:
        raise ValueProblem(f"{what} cannot be empty")
    return result


def _before_dash(value: Any) -> Any:
    """'3 – Possible' (as the cell shows it) reads as 3."""
    if isinstance(value, str) and " – " in value:
        return value.split(" – ", 1)[0]
    return value


@dataclass
class CustomField:
    id: int
    entity: str
    name: str
    field_type: str
    choices: list[str] = field(default_factory=list)

    def column(self, entity_alias: str) -> Column:
        kind = {"text": TEXT, "number": NUMBER, "date": DATE, "choice": CHOICE}[self.field_type]
        return Column(
            key=f"custom_{self.id}", header=self.name, kind=kind, choices=tuple(self.choices),
            expr=f"(SELECT value FROM custom_values WHERE field_id = {int(self.id)} "
                 f"AND entity_id = {entity_alias}.id)",
            custom_field_id=self.id, filter=kind == CHOICE,
        )


def refusal_message(error: str, columns: list[Column]) -> str:
    """SQLite's refusal of a write (UNIQUE, NOT NULL, CHECK) in the words of the columns' headers."""
    headers = {c.store_field: c.header for c in columns}
    if "UNIQUE" in error:
        fields = [f.split(".")[-1] for f in error.split(":", 1)[-1].split(",")]
        names = " and ".join(headers.get(f.strip(), f.strip()) for f in fields)
        return f"{names} must be unique; another row already has that value"
    if "NOT NULL" in error:
        field = error.rsplit(".", 1)[-1]
        return f"{headers.get(field, field)} cannot be empty"
    if "CHECK" in error:
        return "that value is outside what the field allows"
    return f"the change was refused: {error}"
