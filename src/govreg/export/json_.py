"""JSON exports: the whole register, one file per kind, and the status steps the date picker reads."""

from __future__ import annotations

from typing import Any

from ..contract import CONTRACT_JSON, FORMAT_VERSION
from ..derive import Derived
from ..dump import json_text
from ..index import Index
from ..models import KINDS
from ..output import Output, data_file
from ..status import LABELS, OPEN, RULE_TEXT
from ..urls import REGISTER_JSON, STATUS_JSON, url_of
from .compliance_ import compliance_json


def _iso(day: Any) -> str | None:
    return day.isoformat() if day else None


def _status(st: Any) -> dict[str, Any]:
    return {
        "status": st.status,
        "overdue": st.overdue,
        "not_reported_since": _iso(st.unreported),
        "no_evidence_since": _iso(st.quiet),
        "filter": st.filter,
        "label": st.label,
    }


def derived_json(index: Index, derived: Derived) -> dict[str, dict[str, Any]]:
    """Facts computed from the records (URLs, date ranges, status as at): kept apart so records round-trip."""
    out: dict[str, dict[str, Any]] = {}
    for rid, item in sorted(index.records.items()):
        rec = item.record
        facts: dict[str, Any] = {"kind": item.kind.name, "url": url_of(index, rid), "title": rec.title_text()}
        due = getattr(rec, "due", None)
        if due is not None:
            facts.update(due_start=_iso(due.start), due_end=_iso(due.end), due_precision=due.precision)
        standing = derived.standing.get(rid)
        if standing is not None:
            facts.update(_status(standing.overall))
            facts["own"] = _status(standing.own)
            facts["independent"] = _status(standing.independent) if standing.independent else None
            facts["reviewers"] = {by: _status(st) for by, st in standing.reviewers}
            facts["timeline"] = [
                {"day": _iso(e.day), "status": e.status, "voice": e.voice, "by": e.by, "origin": e.origin}
                for e in derived.timelines[rid]
            ]
        if rid in derived.continued_by:
            facts["continued_by"] = list(derived.continued_by[rid])
        life = derived.life.get(rid)
        if life is not None:
            facts["in_place"] = life.in_place
            facts["lifecycle"] = {
                "status": life.status,
                "since": _iso(life.since),
                "reason": life.reason,
                "national_change": life.change,
                "ended_with": life.host,
            }
            if item.kind.name == "body":
                facts["body_status"] = life.status
        fates = derived.seat_fates.get(rid)
        if fates:
            facts["seats_ended"] = [
                {
                    "seat": f.seat,
                    "organisation": f.organisation,
                    "since": _iso(f.since),
                    "national_change": f.change,
                    "successor": f.successor,
                }
                for f in fates
            ]
        out[rid] = facts
    return out


def checks_json(derived: Derived) -> list[dict[str, Any]]:
    """The public rule checks' findings, as data."""
    return [
        {"rule": rule.id, "title": rule.title, "records": list(f.records), "message": f.message, "finding": f.text}
        for rule, findings in derived.findings
        for f in findings
    ]


def status_rule() -> dict[str, Any]:
    return {
        "labels": LABELS,
        "open": sorted(OPEN),
        "rule": RULE_TEXT,
    }


def register_json(index: Index, derived: Derived) -> str:
    return json_text(
        {
            "name": "Governance Register",
            "format_version": FORMAT_VERSION,
            "contract": CONTRACT_JSON,
            "version": derived.version,
            "as_of": derived.as_of.isoformat(),
            "schema": "register.schema.json",
            "records": dict(derived.records),
            "derived": derived_json(index, derived),
            "status_rule": status_rule(),
            "horizons": {
                pid: {
                    "local": _iso(h.local),
                    "local_from": h.local_from,
                    "national": _iso(h.national),
                    "national_from": h.national_from,
                }
                for pid, h in sorted(derived.horizons.items())
            },
            "checks": checks_json(derived),
            "compliance": compliance_json(index, derived),
        }
    )


def status_json(derived: Derived) -> str:
    """Each tracked record's overall status as a step function of the date.

    Why: the date picker shows the status as at any day; with the steps it only looks
    the day up, so it can never disagree with the pages (it has no rule of its own).
    """
    return json_text(
        {
            "format_version": FORMAT_VERSION,
            "contract": CONTRACT_JSON,
            "version": derived.version,
            "as_of": derived.as_of.isoformat(),
            "records": {
                rid: [
                    {
                        "from": _iso(s.start),
                        "status": s.status,
                        "overdue": s.overdue,
                        "filter": s.filter,
                        "label": s.label,
                    }
                    for s in steps
                ]
                for rid, steps in sorted(derived.steps.items())
            },
        }
    )


def json_files(index: Index, derived: Derived) -> list[Output]:
    out = [
        data_file(
            REGISTER_JSON,
            register_json(index, derived),
            "application/json",
            "The whole register: every record of every kind, with its version, as-of date, status and checks",
        ),
        data_file(
            STATUS_JSON,
            status_json(derived),
            "application/json",
            "Status of every milestone and commitment as a step function of the date (what the date picker reads)",
        ),
    ]
    for kind in KINDS:
        text = json_text(
            {
                "name": f"Governance Register: {kind.label}",
                "format_version": FORMAT_VERSION,
                "contract": CONTRACT_JSON,
                "version": derived.version,
                "as_of": derived.as_of.isoformat(),
                "kind": kind.name,
                "records": derived.records[kind.file],
            }
        )
        out.append(
            data_file(f"data/{kind.file}.json", text, "application/json", f"{kind.label}, one object per record")
        )
    return out
