"""A reporting-period picker shared by the financial summary and the dashboard."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox

from pmo_desktop.domain.dates import format_date
from pmo_desktop.finance import available_periods
from pmo_desktop.finance.periods import default_period_end
from pmo_desktop.gui.shell.i18n import current_language
from pmo_desktop.gui.widgets.tr import tr
from pmo_desktop.store import Portfolio, PortfolioError


class PeriodBox(QComboBox):
    """Periods with data, newest first; the period in force is marked and chosen by default."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("periodBox")
        self.setToolTip(tr("The reporting period: actuals up to its month, forecasts after"))

    def fill(self, pf: Portfolio) -> None:
        """(Re)list the periods, keeping the chosen one when it is still offered."""
        chosen = self.currentData()
        try:
            current = default_period_end(pf).isoformat()
        except PortfolioError:
            current = None
        style = pf.settings().get("date_format")
        self.blockSignals(True)
        self.clear()
        for end in available_periods(pf):
            label = (tr("Period ending {date}  (current)") if end.isoformat() == current
                     else tr("Period ending {date}")).format(date=format_date(end, style, lang=current_language()))
            self.addItem(label, end.isoformat())
        index = self.findData(chosen) if chosen else -1
        self.setCurrentIndex(index if index >= 0 else max(0, self.findData(current)))
        self.blockSignals(False)

    def period(self) -> date | None:
        data = self.currentData()
        return date.fromisoformat(data) if data else None

    def choose(self, end: date | str) -> None:
        """Pick a period as the user would (emits currentIndexChanged)."""
        index = self.findData(end if isinstance(end, str) else end.isoformat())
        if index < 0:
            raise KeyError(f"{end} is not an offered period")
        self.setCurrentIndex(index)
