"""Risk scores and bands (DOMAIN.md: score = probability x impact)."""

from __future__ import annotations

from enum import StrEnum


class ScoreBand(StrEnum):
    LOW = "Low"
    MEDIUM = "Medium"
    HIGH = "High"
    CRITICAL = "Critical"

    @property
    def colour(self) -> str:
        return {"Low": "#2E7D32", "Medium": "#EF8F00", "High": "#C62828", "Critical": "#7F0000"}[self.value]


def risk_score(probability: int | None, impact: int | None) -> int | None:
    """P x I on 1-5 scales; None when either is unknown."""
    if probability is None or impact is None:
        return None
    return probability * impact


def score_band(score: int | None) -> ScoreBand | None:
    """1-4 Low, 5-9 Medium, 10-16 High, 20-25 Critical."""
    if score is None:
        return None
    if score <= 4:
        return ScoreBand.LOW
    if score <= 9:
        return ScoreBand.MEDIUM
    if score <= 16:
        return ScoreBand.HIGH
    return ScoreBand.CRITICAL
