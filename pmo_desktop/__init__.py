"""PMO Desktop: an offline portfolio office in one SQLite file."""

import os

__version__ = "0.1.0"

# python-pptx (the PowerPoint board pack) installs lxml; openpyxl would then read and write workbooks
# with lxml instead of the standard library and defusedxml that the importer's hostile-file checks are
# built on. Keep openpyxl on the one parser everywhere (set before anything imports openpyxl).
os.environ.setdefault("OPENPYXL_LXML", "False")
