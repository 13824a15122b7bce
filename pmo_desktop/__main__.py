"""`python -m pmo_desktop` runs the `pmo` command."""

import sys

from pmo_desktop.cli import main

sys.exit(main())
