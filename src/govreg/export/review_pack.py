"""Review packs as CSV: one per place, both voices, and an empty column for the reviewer."""

from __future__ import annotations

import csv
import io
from datetime import date

from ..index import Index
from ..review import reviews_by_subject, voices_at
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


def review_packs(index: Index, as_of: date) -> dict[str, str]:
    reviews = reviews_by_subject(index)
    items = [rec for kind in ("milestone", "commitment") for rec in index.of_kind(kind)]
    out: dict[str, str] = {}
    for place in index.of_kind("place"):
        mine = [rec for rec in items if place.id in getattr(rec, "places", [])]
        if not mine:
            continue
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for rec in mine:
            v = voices_at(rec, reviews.get(rec.id, []), as_of)
            due = getattr(rec, "due", None)
            own = v.own.update
            evidence = "; ".join(f"{c.source} at {c.at}" for c in own.cites) if own else ""
            ind = v.independent
            writer.writerow(
                [
                    cell(x)
                    for x in (
                        rec.id,
                        index.kind_of(rec.id),
                        rec.title_text(),
                        due.text if due else None,
                        due.start if due else None,
                        due.end if due else None,
                        v.own.status,
                        own.date.text if own else None,
                        evidence,
                        v.own.overdue,
                        ind.status if ind else "not yet reviewed",
                        ind.day if ind else None,
                        ind.by if ind else None,
                        "",
                        "",
                    )
                ]
            )
        out[f"review-pack/{place.id}.csv"] = buf.getvalue()
    return out
