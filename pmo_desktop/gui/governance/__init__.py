"""Governance: stage gates, the book of work, health checks, lessons learned, governance settings."""
