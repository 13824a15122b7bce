"""Governance services (no Qt): stage gates, prioritisation, health checks and lessons learned.

- gates: gate model, gate reviews, conditions, `advance_stage`, gates due and overdue
- scoring: weighted scores, the ranked book of work with its funding line, Excel export
- health: the health-check rules behind `pmo check`
- lessons: the lessons-learned log, its search and its Excel import/export
"""
