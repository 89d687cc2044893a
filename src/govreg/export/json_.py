"""JSON exports: the whole register in one file, and one file per kind."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..index import Index
from ..models import KINDS
from ..status import known_by, status_at
from .common import iso, json_text, records_json, url_of, version_of
from .compliance_ import compliance_json


def derived(index: Index, as_of: date) -> dict[str, dict[str, Any]]:
    """Facts computed from the records (URLs, date ranges, status as at): kept apart so records round-trip."""
    from ..review import reviews_by_subject

    reviews = reviews_by_subject(index)
    out: dict[str, dict[str, Any]] = {}
    for rid, item in sorted(index.records.items()):
        rec = item.record
        facts: dict[str, Any] = {"kind": item.kind.name, "url": url_of(index, rid), "title": rec.title_text()}
        due = getattr(rec, "due", None)
        if due is not None:
            facts.update(due_start=iso(due.start), due_end=iso(due.end), due_precision=due.precision)
        updates = getattr(rec, "updates", None)
        if updates is not None:
            st = status_at(updates, due, as_of)
            facts.update(status=st.status, overdue=st.overdue)
            # Each update's "known by" day and voice, so a reader (or the site's date picker) can
            # recompute the status as at any date with the rules on the Data model page.
            facts["timeline"] = [{"day": iso(known_by(u)), "status": u.status, "voice": u.voice} for u in updates]
            facts["timeline"] += [
                {"day": iso(rv.date.end or rv.date.start), "status": rv.verdict, "voice": "independent"}
                for rv in reviews.get(rid, [])
            ]
        out[rid] = facts
    return out


def checks_json(index: Index, as_of: date) -> list[dict[str, Any]]:
    """The public rule checks' findings, as data."""
    from ..checks import run_checks

    return [
        {"rule": rule.id, "title": rule.title, "records": list(f.records), "message": f.message}
        for rule, findings in run_checks(index, as_of)
        for f in findings
    ]


def register_json(index: Index, as_of: date) -> str:
    return json_text(
        {
            "name": "Governance Register",
            "version": version_of(index),
            "as_of": as_of.isoformat(),
            "schema": "register.schema.json",
            "records": records_json(index),
            "derived": derived(index, as_of),
            "checks": checks_json(index, as_of),
            "compliance": compliance_json(index),
        }
    )


def kind_json(index: Index, as_of: date) -> dict[str, str]:
    version = version_of(index)
    records = records_json(index)
    return {
        f"data/{kind.file}.json": json_text(
            {
                "name": f"Governance Register: {kind.label}",
                "version": version,
                "as_of": as_of.isoformat(),
                "kind": kind.name,
                "records": records[kind.file],
            }
        )
        for kind in KINDS
    }
