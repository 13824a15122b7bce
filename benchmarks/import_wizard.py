"""The import wizard against the import service called directly, on one large project register.

    PYTHONPATH=. python benchmarks/import_wizard.py [--rows N] [--shot DIR]

Writes an N-row register (default 20,000) with openpyxl, then imports it into two fresh portfolios:
once by calling the service (open_file, detect, suggest, preview, apply) and once by walking the
wizard offscreen (file page, mapping page, preview page, Import), whose steps run on the job runner's
worker thread. Prints one JSON object: seconds per step for each, and wizard / service ratios (the
cost of the worker, the pages and the preview table). --shot saves a PNG of the progress dialog if
one was showing while the wizard read the file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def write_register(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Register")
    ws.append(["Project register"])
    ws.append(["Proj #", "Project Name", "PM", "Start", "Finish", "RAG", "Budget", "Notes"])
    rags = ["Green", "Amber", "Red", "G", "On track"]
    for i in range(rows):
        ws.append([f"P-{i:05d}", f"Project {i}", f"Manager {i % 97}", f"2026-{1 + i % 12:02d}-01",
                   f"2027-{1 + i % 12:02d}-28", rags[i % len(rags)], f"£{1000 + i:,}", "note"])
    wb.save(path)


def time_service(pf, path: Path) -> dict:
    from pmo_desktop.importing import service

    out = {}
    t = time.perf_counter()
    workbook = service.open_file(path)
    tables = service.detect(workbook)
    mapping, _kind, _scores = service.suggest(tables[0])
    out["read"] = time.perf_counter() - t
    t = time.perf_counter()
    plan = service.preview(pf, [(tables[0], mapping)], file=str(path))
    out["preview"] = time.perf_counter() - t
    t = time.perf_counter()
    service.apply(pf, plan)
    out["apply"] = time.perf_counter() - t
    return out


def time_wizard(pf, path: Path, shot: Path | None) -> dict:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from pmo_desktop.gui.importing.import_wizard import ImportWizard
    from pmo_desktop.gui.widgets.compat import protect_singletons

    protect_singletons()
    app = QApplication.instance() or QApplication([])
    shots = []

    def wait(wizard):
        while wizard.busy():  # sleep until an event arrives, as the application's event loop does
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if shot is not None and not shots:
                dialog = next((d for d in wizard.findChildren(QProgressDialog) if d.isVisible()), None)
                if dialog is not None:
                    shots.append(dialog.grab().save(str(shot / "import_progress.png")))
        app.processEvents()

    out = {}
    t = time.perf_counter()
    wizard = ImportWizard(pf, path)
    wizard.show()
    wait(wizard)
    wizard.next()  # mapping page
    app.processEvents()
    out["read"] = time.perf_counter() - t
    t = time.perf_counter()
    wizard.next()  # preview page: the preview job
    wait(wizard)
    out["preview"] = time.perf_counter() - t
    assert wizard.preview_page.model.rowCount() > 0
    t = time.perf_counter()
    wizard.button(wizard.WizardButton.FinishButton).click()
    wait(wizard)
    out["apply"] = time.perf_counter() - t
    assert wizard.applied is not None and wizard.applied.batch_id, wizard.preview_page.message.text()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20000)
    parser.add_argument("--shot", type=Path)
    args = parser.parse_args()
    from pmo_desktop.store import create_portfolio

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "register.xlsx"
        write_register(path, args.rows)
        a = create_portfolio(Path(tmp) / "service.pmo")
        service_times = time_service(a, path)
        a.close()
        b = create_portfolio(Path(tmp) / "wizard.pmo")
        wizard_times = time_wizard(b, path, args.shot)
        imported = b.conn.execute("SELECT count(*) FROM projects").fetchone()[0]
        b.close()
    print(json.dumps({
        "rows": args.rows, "imported_by_wizard": imported,
        "service_s": {k: round(v, 2) for k, v in service_times.items()},
        "wizard_s": {k: round(v, 2) for k, v in wizard_times.items()},
        "ratio": {k: round(wizard_times[k] / service_times[k], 2) for k in service_times},
    }))


if __name__ == "__main__":
    main()
