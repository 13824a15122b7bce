"""Entities, enums, value parsing and pure calculations. No I/O, no Qt."""
