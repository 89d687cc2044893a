"""A Frictionless Data Package describing every CSV table."""

from __future__ import annotations

from typing import Any

from ..derive import Derived
from ..dump import json_text
from ..index import Index
from ..output import Output, data_file
from .csv_ import tables


def datapackage(index: Index, derived: Derived) -> Output:
    resources: list[dict[str, Any]] = []
    for table in tables(index):
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
