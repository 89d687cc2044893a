"""CSV flattening: formula cells neutralised, dates as three columns, nested lists as child tables."""

from __future__ import annotations

import csv
import io
from datetime import date

from conftest import FIXTURES
from govreg.build import check
from govreg.export.csv_ import cell, csv_files, tables


def test_cells() -> None:
    assert cell(None) == "" and cell(True) == "true" and cell(1.5) == "1.5"
    assert cell(date(2019, 4, 1)) == "2019-04-01"
    for text in ("=1+1", "+44", "-x", "@SUM(A1)", "\tx", "\rx"):
        assert cell(text) == "'" + text
    assert cell("a=b") == "a=b"


def test_periods_give_three_columns_and_lists_child_tables() -> None:
    index, problems = check(FIXTURES / "mini" / "data")
    assert problems == []
    by_name = {t.name: t for t in tables(index)}
    milestone_cols = [c.name for c in by_name["milestones"].columns]
    assert {"due", "due_start", "due_end"} <= set(milestone_cols)
    updates = by_name["milestones-updates"]
    assert updates.primary_key == ["milestone_id", "position"] and updates.parent == "milestones"
    files = {o.path: str(o.content) for o in csv_files(index)}
    rows = list(csv.DictReader(io.StringIO(files["data/milestones-updates.csv"])))
    pool = [r for r in rows if r["milestone_id"] == "bolton-ms-pool"]
    assert [r["position"] for r in pool] == [str(i) for i in range(1, len(pool) + 1)]
    assert all(r["date_start"] and r["cites"] for r in pool)
