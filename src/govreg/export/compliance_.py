"""Compliance exports: every body a rule set applies to, requirement by requirement.

`register.json` carries them under `compliance`; `data/compliance.csv` has one row per body
and requirement. Both come from `govreg.compliance`, as the pages and the Checks page do.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from ..derive import Derived
from ..index import Index
from ..output import Output, data_file
from .csv_ import cell

CSV_COLUMNS = (
    "body_id",
    "body",
    "status",
    "rule_set_id",
    "requirement_id",
    "requirement",
    "basis",
    "min",
    "max",
    "found",
    "found_most",
    "answer",
    "why",
    "seats",
    "not_counted",
    "cites",
)
"""Columns of data/compliance.csv, in order (documented on the Downloads and Data model pages)."""


def compliance_json(index: Index, derived: Derived) -> list[dict[str, Any]]:
    """Every body in scope of a rule set, with its status and each requirement's result."""
    out = []
    for bid, comp in sorted(derived.compliance.items()):
        out.append(
            {
                "body": bid,
                "rule_sets": list(comp.rule_sets),
                "status": comp.status,
                "comparison": comp.comparison,
                "met": comp.met,
                "not_met": comp.not_met,
                "not_shown": comp.not_shown,
                "total": comp.total,
                "headline": comp.headline(),
                "results": [
                    {
                        "rule_set": r.rule_set,
                        "requirement": r.requirement,
                        "label": r.label,
                        "basis": r.basis,
                        "min": r.min,
                        "max": r.max,
                        "found": r.found,
                        "found_most": r.most,
                        "answer": r.answer,
                        "why": r.why,
                        "seats": list(r.seats),
                        "not_counted": [{"seat": s, "why": why} for s, why in r.rejected],
                        "cites": [c.model_dump(mode="json", exclude_none=True) for c in r.cites],
                    }
                    for r in comp.results
                ],
            }
        )
    return out


def compliance_csv(index: Index, derived: Derived) -> Output:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for bid, comp in sorted(derived.compliance.items()):
        for r in comp.results:
            row = (
                bid,
                index.get(bid).title_text(),
                comp.status,
                r.rule_set,
                r.requirement,
                r.label,
                r.basis,
                r.min,
                r.max,
                r.found,
                r.most,
                r.answer,
                r.why,
                "; ".join(r.seats),
                "; ".join(f"{s}: {why}" for s, why in r.rejected),
                "; ".join(f"{c.source} at {c.at}" for c in r.cites),
            )
            writer.writerow([cell(v) for v in row])
    what = (
        "Every body a rule set applies to, one row per requirement: met, not met or not shown by the sources, "
        "the seats, the citation"
    )
    return data_file("data/compliance.csv", buf.getvalue(), "text/csv", what)


__all__ = ["CSV_COLUMNS", "compliance_csv", "compliance_json"]
