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
import pickle

from ..derive import Derived
from ..index import Index
from ..output import Output, data_file
from ..packs import Pack
from ..reviewpack.columns import COLUMNS, row_values
from ..reviewpack.xlsx_out import pack_parts, with_version, zip_parts
from ..session import Session, digest
from ..urls import review_pack
from .csv_ import cell

COLUMN_NAMES = [c.name for c in COLUMNS]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def pack_csv(pack: Pack) -> str:
    """The pack as CSV: the header, then one row per item (the workbook adds a title and the version)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMN_NAMES)
    for row in pack.rows:
        values = row_values(row)
        writer.writerow([cell(values[name]) for name in COLUMN_NAMES])
    return buf.getvalue()


STAND_IN = "vvvvvvvvvvvvvvvv"
"""The version while a workbook is made for the session: not hex, so never a version itself."""


def workbook(pack: Pack, version: str, session: Session | None) -> bytes:
    """The pack's workbook; with a session, reused while the pack's rows are unchanged.

    Why the stand-in: the version (a hash of all the data) changes with every edit, and
    making a workbook costs far more than putting the version in and zipping again.
    """
    data = pickle.dumps(pack, protocol=5) if session is not None else b""
    if session is None or STAND_IN.encode() in data:  # the stand-in must come from the version alone
        return zip_parts(pack_parts(pack, version), pack.as_of)
    parts = session.memo("xlsx", digest(data), lambda: pack_parts(pack, STAND_IN))
    return zip_parts(with_version(parts, STAND_IN, version), pack.as_of)


def review_packs(index: Index, derived: Derived, session: Session | None = None) -> list[Output]:
    out = []
    for pack in derived.packs:
        place = pack.place
        if pack.reviewer:
            what = f"Review pack for {pack.place_name}: what changed since {pack.reviewer_name}'s last verdict"
        else:
            what = f"Review pack for {pack.place_name}: both voices and blank columns for your verdicts"
        reviewer, role = (pack.reviewer or None), ("since" if pack.reviewer else "pack")
        for ext, content, media in (
            ("csv", pack_csv(pack), "text/csv"),
            ("xlsx", workbook(pack, derived.version, session), XLSX),
        ):
            path = review_pack(place, ext, pack.reviewer)
            out.append(data_file(path, content, media, what, place=place, reviewer=reviewer, role=role))
    return out
