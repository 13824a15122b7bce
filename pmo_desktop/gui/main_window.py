"""The main window. The registers issue grows it into navigation, registers and a detail pane."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QTableWidget, QTableWidgetItem

from pmo_desktop.store import Portfolio

_COLUMNS = [("code", "Code"), ("name", "Project"), ("stage", "Stage"), ("manager", "Manager"),
            ("rag_overall", "RAG")]


class MainWindow(QMainWindow):
    def __init__(self, portfolio: Portfolio):
        super().__init__()
        self.portfolio = portfolio
        self.setWindowTitle(f"{portfolio.path.name} — PMO Desktop")
        rows = portfolio.conn.execute(
            f"SELECT {', '.join(c for c, _ in _COLUMNS)} FROM projects ORDER BY code"
        ).fetchall()
        table = QTableWidget(len(rows), len(_COLUMNS))
        table.setHorizontalHeaderLabels([h for _, h in _COLUMNS])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        table.resizeColumnsToContents()
        self.setCentralWidget(table)
        self.statusBar().addWidget(QLabel(f"{portfolio.path}  ·  {len(rows)} projects"))

    def show_view(self, name: str) -> None:
        """Views arrive with the registers issue; the project list is the only one so far."""
