"""The hidden marker that ties a status-report workbook to one portfolio, project and period.

It is a guide against mistakes (a workbook for another month, another project, another portfolio, or
edited by hand), not security: the signature is an HMAC-SHA256 with a secret kept in the portfolio's
settings, so a marker changed in the workbook no longer matches and the workbook is refused.

The marker holds the portfolio's file id, the project code, the period and the keys of the rows the
workbook was pre-filled with (RAID refs, milestone numbers, budget lines), so a returned row can only
update what was sent to that project manager.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass, field
from typing import Any

SETTING = "collect"  # {"file_id": "...", "secret": "..."}; made on the first collection
VERSION = 1
SHEET = "_pmo_marker"
TITLE = "PMO Desktop status report marker: do not edit"
CHUNK = 30_000  # a cell holds at most 32,767 characters


class MarkerProblem(ValueError):
    """The workbook's marker is missing, unreadable or does not match its signature."""


@dataclass(frozen=True)
class Marker:
    file_id: str
    project: str
    period: str
    keys: dict[str, list[str]] = field(default_factory=dict)  # "raid", "milestones", "budget"

    def payload(self) -> str:
        body = {"v": VERSION, "file": self.file_id, "project": self.project, "period": self.period,
                "keys": {k: sorted(v) for k, v in sorted(self.keys.items())}}
        return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def portfolio_keys(settings: dict[str, Any]) -> tuple[str, str] | None:
    """(file id, secret) kept in the settings, or None before the first collection."""
    value = settings.get(SETTING)
    if isinstance(value, dict) and value.get("file_id") and value.get("secret"):
        return str(value["file_id"]), str(value["secret"])
    return None


def new_keys() -> dict[str, str]:
    return {"file_id": secrets.token_hex(8), "secret": secrets.token_hex(32)}


def sign(marker: Marker, secret: str) -> str:
    return hmac.new(secret.encode(), marker.payload().encode(), hashlib.sha256).hexdigest()


def cells(marker: Marker, secret: str) -> list[str]:
    """The marker sheet's column A: title, signature, then the payload in chunks."""
    text = marker.payload()
    return [TITLE, sign(marker, secret)] + [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)]


def read(values: list[Any], keys: tuple[str, str] | None) -> Marker:
    """The marker from the marker sheet's column A, checked against this portfolio's (file id,
    secret); MarkerProblem when it is absent, altered or made by another portfolio."""
    texts = [v if isinstance(v, str) else "" for v in values]
    if len(texts) < 3 or texts[0] != TITLE:
        raise MarkerProblem("it was not written by Collect Status Reports (its marker is missing)")
    signature, text = texts[1].strip(), "".join(texts[2:])
    try:
        body = json.loads(text)
        marker = Marker(str(body["file"]), str(body["project"]), str(body["period"]),
                        {str(k): [str(x) for x in v] for k, v in dict(body.get("keys") or {}).items()})
    except (ValueError, KeyError, TypeError, AttributeError):
        raise MarkerProblem("its marker has been altered (it cannot be read)") from None
    if keys is None or marker.file_id != keys[0]:
        raise MarkerProblem("it was written for another portfolio")
    if not hmac.compare_digest(sign(marker, keys[1]), signature):
        raise MarkerProblem("its marker has been altered (the signature does not match)")
    return marker
