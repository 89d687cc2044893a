"""Review packs as CSV: one per place, both voices, and an empty column for the reviewer."""

from __future__ import annotations

import csv
import io

from ..derive import Derived
from ..index import Index
from ..models.milestone import Tracked
from ..output import Output, data_file
from ..urls import review_pack
from .csv_ import cell

COLUMNS = [
    "id",
    "kind",
    "title",
    "due",
    "due_start",
    "due_end",
    "own_status",
    "own_status_date",
    "own_evidence",
    "overdue",
    "independent_verdict",
    "independent_date",
    "independent_by",
    "reviewer_verdict",
    "reviewer_notes",
]


def pack_rows(index: Index, derived: Derived, place: str) -> list[list[str]]:
    """One row per milestone and commitment of a place, in register order."""
    rows = []
    for rid in derived.tracked:
        rec = index.get(rid)
        if not isinstance(rec, Tracked) or place not in rec.places:
            continue
        standing = derived.standing[rid]
        own = standing.own.entry
        ind = standing.independent.entry if standing.independent else None
        due = rec.due
        rows.append(
            [
                cell(x)
                for x in (
                    rid,
                    index.kind_of(rid),
                    rec.title_text(),
                    due.text if due else None,
                    due.start if due else None,
                    due.end if due else None,
                    standing.own.status,
                    own.date_text if own else None,
                    "; ".join(f"{c.source} at {c.at}" for c in own.cites) if own else "",
                    standing.own.overdue,
                    ind.status if ind else "not yet reviewed",
                    ind.day if ind else None,
                    ind.by if ind else None,
                    "",
                    "",
                )
            ]
        )
    return rows


def review_packs(index: Index, derived: Derived) -> list[Output]:
    out = []
    for place in index.of_kind("place"):
        rows = pack_rows(index, derived, place.id)
        if not rows:
            continue
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        what = f"Review pack for {place.title_text()}: both voices and a blank column for your verdict"
        out.append(data_file(review_pack(place.id, "csv"), buf.getvalue(), "text/csv", what))
    return out
