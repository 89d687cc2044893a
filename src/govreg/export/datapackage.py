"""A Frictionless Data Package describing every CSV table."""

from __future__ import annotations

from typing import Any

from ..derive import Derived
from ..dump import json_text
from ..index import Index
from ..output import Output, data_file
from .compliance_ import CSV_COLUMNS
from .csv_ import tables

_COMPLIANCE_TYPES = {"min": "integer", "max": "integer", "found": "integer", "found_most": "integer"}
_COMPLIANCE_HELP = {
    "body_id": "Id of the body checked.",
    "body": "Name of the body checked.",
    "status": "The body's result over every requirement: meets (all met), shortfall (one or more not met), "
    "not-shown (none not met, one or more not shown by the sources) or membership-not-recorded.",
    "rule_set_id": "Id of the rule set the requirement belongs to.",
    "requirement_id": "Id of the requirement.",
    "requirement": "Short name of the requirement.",
    "basis": "statutory or policy.",
    "min": "Fewest seats the requirement asks for.",
    "max": "Most seats it allows, if it sets a limit.",
    "found": "Seats that certainly count: exact counts, and the lower end of a range.",
    "found_most": "Seats that could count at most (the upper end of a range); empty when a range has no top.",
    "answer": "met, not-met (only where a source says the seats are the whole membership, or there are too "
    "many) or not-shown (the sources read do not show it either way; not a breach).",
    "why": "Why the answer is not-met or not-shown; empty when met.",
    "seats": "Ids of the seats that count, joined by '; '.",
    "not_counted": "Seats that name the requirement but do not count, with the reason.",
    "cites": "Citations of the requirement: source id at locator.",
}


def _compliance_resource() -> dict[str, Any]:
    """data/compliance.csv: derived findings, one row per body and requirement (govreg.compliance)."""
    fields = [
        {
            "name": name,
            "type": _COMPLIANCE_TYPES.get(name, "string"),
            **({"description": _COMPLIANCE_HELP[name]} if name in _COMPLIANCE_HELP else {}),
        }
        for name in CSV_COLUMNS
    ]
    return {
        "name": "compliance",
        "path": "compliance.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": "Every body a rule set applies to, checked requirement by requirement (derived, not records).",
        "schema": {
            "fields": fields,
            "primaryKey": ["body_id", "rule_set_id", "requirement_id"],
            "foreignKeys": [
                {"fields": ["body_id"], "reference": {"resource": "bodies", "fields": ["id"]}},
                {"fields": ["rule_set_id"], "reference": {"resource": "rules", "fields": ["id"]}},
            ],
        },
    }


def datapackage(index: Index, derived: Derived) -> Output:
    resources: list[dict[str, Any]] = []
    for table in tables(index, derived):
        schema: dict[str, Any] = {
            "fields": [
                {"name": c.name, "type": c.type, **({"description": c.description} if c.description else {})}
                for c in table.columns
            ],
            "primaryKey": table.primary_key,
        }
        keys = [(table.primary_key[0], table.parent)] if table.parent else []
        keys += [(c.name, c.ref) for c in table.columns if c.ref]
        if keys:
            # A reference to the table itself is written as resource "" (Table Schema's rule).
            schema["foreignKeys"] = [
                {"fields": [name], "reference": {"resource": "" if ref == table.name else ref, "fields": ["id"]}}
                for name, ref in keys
            ]
        resources.append(
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                # Declared, not sniffed: a column of prose with one ';' a row must not pass for a delimiter.
                "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
                "description": table.description,
                "schema": schema,
            }
        )
    resources.append(_compliance_resource())
    text = json_text(
        {
            "profile": "tabular-data-package",
            "name": "governance-register",
            "title": "Governance Register",
            "version": derived.version,
            "description": f"Health and care governance records drawn from public board papers, as at {derived.as_of}.",
            "resources": resources,
        }
    )
    return data_file(
        "data/datapackage.json",
        text,
        "application/json",
        "Frictionless Data Package describing every CSV table (fields, types, keys)",
    )
