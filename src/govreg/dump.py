"""Records as JSON data, and the register's version.

Why apart from the exports: the version is computed once by `derive` and printed by
pages and exports alike, and it hashes the same dump the JSON exports publish.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .index import Index
from .models import KINDS, Record


def dump(record: Record) -> dict[str, Any]:
    """A record as JSON data, in the shape its YAML was written (round-trips)."""
    return record.model_dump(mode="json")


def records_json(index: Index) -> dict[str, list[dict[str, Any]]]:
    """Every record of every kind, by kind file name, sorted by id."""
    return {kind.file: [dump(r) for r in index.of_kind(kind.name)] for kind in KINDS}


def canonical(data: Any) -> str:
    """Compact, key-sorted JSON: the form hashes are taken of."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_hash(data: Any) -> str:
    return hashlib.sha256(canonical(data).encode("utf-8")).hexdigest()


def version_of(records: dict[str, list[dict[str, Any]]]) -> str:
    """The register's version: a short hash of its content, so a citation pins the data it saw."""
    return content_hash(records)[:12]


def json_text(data: Any) -> str:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8, trailing newline."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
