"""What every export shares: the register's version, record URLs and dumps."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Any

from ..index import Index
from ..models import KINDS, Record


def url_of(index: Index, rid: str) -> str:
    """Site-absolute permanent URL of any id (nested ids get their parent's page and an anchor)."""
    if rid in index.records:
        return f"/{index.records[rid].kind.file}/{rid}/"
    owner, _ = index.nested[rid]
    return f"/{index.records[owner].kind.file}/{owner}/#{rid}"


def dump(record: Record) -> dict[str, Any]:
    """A record as JSON data, in the shape its YAML was written (round-trips)."""
    return record.model_dump(mode="json")


def records_json(index: Index) -> dict[str, list[dict[str, Any]]]:
    """Every record of every kind, by kind file name, sorted by id."""
    return {kind.file: [dump(r) for r in index.of_kind(kind.name)] for kind in KINDS}


def version_of(index: Index) -> str:
    """The register's version: a short hash of its content, so a citation pins the data it saw.

    Why kept on the index: the exports and the pages all need it, and hashing the whole
    register once per build rather than once per caller saves a second at 5,000 records.
    """
    version = index.derived.get("version")
    if not isinstance(version, str):
        text = json.dumps(records_json(index), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        version = index.derived["version"] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return version


def json_text(data: Any) -> str:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8, trailing newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
