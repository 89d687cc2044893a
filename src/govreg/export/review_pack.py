"""Review packs, per place: a CSV and a workbook with empty columns for the reviewer.

- `review-pack/<place>.csv|.xlsx`: every milestone and commitment of the place;
- `review-pack/<place>/<reviewer>.csv|.xlsx`: for each reviewer of the place, the items
  due, updated or cited by a new paper since that reviewer's last verdict.

Both formats have the same rows and columns (`reviewpack.columns`); a filled pack comes
back through `python -m govreg reviews import`.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from ..index import Index
from ..reviewpack.columns import COLUMNS, row_values
from ..reviewpack.rows import Pack, pack_rows, reviewers_of, tracked_in
from ..reviewpack.xlsx_out import pack_xlsx
from .common import version_of
from .csv_ import cell

COLUMN_NAMES = [c.name for c in COLUMNS]


def pack_csv(pack: Pack) -> str:
    """The pack as CSV: the header, then one row per item (the workbook adds a title and the version)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for row in pack.rows:
        values = row_values(row)
        writer.writerow([cell(values[name]) for name in COLUMN_NAMES])
    return buf.getvalue()


def packs(index: Index, as_of: date) -> list[tuple[str, Pack]]:
    """Every pack of the register, by site path without extension."""
    out: list[tuple[str, Pack]] = []
    for place in index.of_kind("place"):
        if not tracked_in(index, place.id):
            continue
        out.append((f"review-pack/{place.id}", pack_rows(index, as_of, place.id)))
        for reviewer in reviewers_of(index, place.id):
            out.append((f"review-pack/{place.id}/{reviewer}", pack_rows(index, as_of, place.id, reviewer)))
    return out


def review_packs(index: Index, as_of: date) -> dict[str, str | bytes]:
    version = version_of(index)
    out: dict[str, str | bytes] = {}
    for path, pack in packs(index, as_of):
        out[f"{path}.csv"] = pack_csv(pack)
        out[f"{path}.xlsx"] = pack_xlsx(pack, version)
    return out
