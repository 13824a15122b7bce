"""PMO Desktop: an offline portfolio office in one SQLite file."""

__version__ = "0.1.0"
