"""Import a 50,000-row RAID register made with openpyxl; compare with openpyxl's own raw read of the file.

Prints one JSON object: seconds for the raw read (openpyxl read-only, values only, every row), for our
read (the same parser plus fills, merges, hidden rows), for the preview plan and for the write, and
the ratio of the whole import to the raw read (budget: <= 1.5).

    PYTHONPATH=. python benchmarks/import_scale.py [--rows 50000]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook

from pmo_desktop.importing import service
from pmo_desktop.store import create_portfolio


def make_workbook(path: Path, rows: int) -> None:
    rng = random.Random(7)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("RAID log")
    ws.append(["RAID Log — Programme Phoenix"])
    ws.append([])
    ws.append(["Ref", "Type", "Title", "Description", "Owner", "Raised", "Due", "Status", "Probability", "Impact"])
    types = ["Risk", "Issue", "Assumption", "Dependency"]
    words = ["supplier", "delay", "budget", "scope", "vendor", "integration", "testing", "data", "security", "staff"]
    people = ["Ann Lee", "Bob Roy", "Carla Diaz", "Dev Patel", "Eve Stone"]
    start = date(2025, 1, 1)
    for i in range(1, rows + 1):
        kind = types[i % 4]
        raised = start + timedelta(days=rng.randrange(600))
        ws.append([f"{kind[0]}-{i:05d}", kind, " ".join(rng.choice(words) for _ in range(4)).capitalize(),
                   " ".join(rng.choice(words) for _ in range(12)), rng.choice(people), raised,
                   raised + timedelta(days=rng.randrange(10, 120)), rng.choice(["Open", "In progress", "Closed"]),
                   rng.choice(["Rare", "Unlikely", "Possible", "Likely", "Almost certain"]), rng.randint(1, 5)])
    wb.save(path)


def raw_read(path: Path) -> int:
    wb = load_workbook(path, read_only=True, data_only=True)
    n = 0
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            n += 1
    wb.close()
    return n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        book = Path(folder) / "raid.xlsx"
        make_workbook(book, args.rows)
        size = book.stat().st_size
        t0 = time.perf_counter()
        raw_rows = raw_read(book)
        raw = time.perf_counter() - t0

        pf = create_portfolio(Path(folder) / "p.pmo")
        t0 = time.perf_counter()
        workbook = service.open_file(book)
        t1 = time.perf_counter()
        tables = service.detect(workbook)
        pairs = []
        for table in tables:
            mapping, _kind, _scores = service.suggest(table)
            pairs.append((table, mapping))
        plan = service.preview(pf, pairs, file=str(book))
        t2 = time.perf_counter()
        result = service.apply(pf, plan)
        t3 = time.perf_counter()
        pf.close()
    total = t3 - t0
    print(json.dumps({
        "rows": args.rows, "file_bytes": size, "raw_openpyxl_read_s": round(raw, 3), "raw_rows": raw_rows,
        "our_read_s": round(t1 - t0, 3), "detect_map_plan_s": round(t2 - t1, 3), "apply_s": round(t3 - t2, 3),
        "import_total_s": round(total, 3), "ratio_import_to_raw_read": round(total / raw, 3),
        "ratio_read_only": round((t1 - t0) / raw, 3), "budget_ratio": 1.5,
        "inserted": result.inserted, "counts": plan.counts(),
    }))


if __name__ == "__main__":
    main()
