"""Text in spreadsheet cells we write: shown, never run, and read back byte for byte.

Two layers, both undone by our importers:
- The guard: text a spreadsheet would run as a formula (= + - @ first), or that an importer would
  change (a leading apostrophe, leading or trailing white space, a line break or tab first), gets one
  leading apostrophe. A text cell that starts with an apostrophe is taken literally, less that one
  apostrophe and with its white space kept.
- OOXML's own escape for characters XML cannot carry (a carriage return, control characters): `_xHHHH_`,
  with a literal `_xHHHH_` written `_x005F_xHHHH_`, as Excel itself does. openpyxl leaves both as they
  are, so text read with it is decoded (`from_xml_text`); calamine decodes it itself (`unguard_cell`).
"""

from __future__ import annotations

import re
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NEEDS_ESCAPE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _escape(match: re.Match) -> str:
    return "_x005F_" if match.group(0) == "_" else f"_x{ord(match.group(0)):04X}_"


def to_xml_text(text: str) -> str:
    """OOXML's escape of the characters an XML file cannot carry as they are."""
    return _NEEDS_ESCAPE.sub(_escape, text)


def from_xml_text(text: str) -> str:
    """Undo OOXML's `_xHHHH_` escape (what Excel and `to_xml_text` write)."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def needs_guard(text: str) -> bool:
    return text[:1] in FORMULA_STARTS or text[:1] == "'" or text[:1].isspace() or text[-1:].isspace()


def neutralise(value: Any) -> Any:
    """The cell value to write: guarded and escaped text; other values pass as they are."""
    if not isinstance(value, str):
        return value
    escaped = to_xml_text(value)
    return "'" + escaped if needs_guard(value) else escaped


def unneutralise(value: Any) -> Any:
    """A text cell's value as the user meant it: OOXML escapes decoded, the guard's apostrophe removed."""
    if not isinstance(value, str):
        return value
    return unguard(from_xml_text(value))


def unguard_cell(value: Any) -> Any:
    """A cell's value as a reader that decodes OOXML's escapes itself gives it (calamine; a CSV has none):
    the guard's apostrophe removed from text, other values as they are. `unneutralise` there would
    decode a second time, turning the text `_x0041_` a user typed (saved as `_x005F_x0041_`) into 'A'."""
    return unguard(value) if isinstance(value, str) else value


def unguard(text: str) -> str:
    """Remove the guard's apostrophe (the rest is literal); other text is returned as it is."""
    return text[1:] if text.startswith("'") else text
