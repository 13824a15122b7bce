"""Health-check findings are read whole on a laptop (1280x720): a finding wider than
its column wraps onto more lines, its row as tall as the wrapped text, never cut to "…"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pmo_desktop.store import open_portfolio

FINDING, RULE = 3, 2


def test_findings_wrap_rather_than_elide_at_1280x720(make_window, demo_path, qtbot):
    window = make_window(open_portfolio(demo_path))
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("health")
    view = window.current_view()
    table = view.table
    assert table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone
    metrics = table.fontMetrics()

    def rows_in_sight():
        qtbot.wait(1)  # the rows in sight are measured once the view settles
        last = table.rowAt(table.viewport().height() - 1)
        return range(table.rowAt(0), (view.proxy.rowCount() - 1 if last < 0 else last) + 1)

    wrapped = 0
    for scroll in (0, table.verticalScrollBar().maximum()):  # the top, then the bottom
        table.verticalScrollBar().setValue(scroll)
        for row in rows_in_sight():
            for col in (FINDING, RULE):
                text = view.proxy.index(row, col).data()
                if metrics.horizontalAdvance(text) > table.columnWidth(col) - 8:
                    wrapped += 1
                    assert table.rowHeight(row) >= 2 * metrics.lineSpacing(), (row, text)
            assert table.rowHeight(row) >= table.sizeHintForRow(row), row  # every line of the row in sight
    assert wrapped, "the demo has findings wider than their column at 1280x720"
    # the Record column (the last) stays in sight
    header = table.horizontalHeader()
    assert header.sectionViewportPosition(4) + header.sectionSize(4) <= table.viewport().width()
