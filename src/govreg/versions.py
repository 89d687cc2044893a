"""What changed between register versions: the current data against earlier releases.

Why: Healthwatch reviews the register from time to time and needs to see what
was added, removed or changed since the version it last looked at. A release is
a copy of `register.json` kept in `releases/` (made by `python -m govreg release`);
each build compares the current register with every release.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .derive import Derived
from .dump import content_hash
from .problems import Problem


@dataclass(frozen=True, slots=True)
class Release:
    name: str
    version: str
    as_of: str
    records: dict[str, tuple[str, str]]  # id -> (kind file, content hash)
    statuses: dict[str, str]  # id -> status as at the release's as-of date


@dataclass(frozen=True, slots=True)
class Diff:
    """What changed between an earlier release and the register now (the Changes page)."""

    release: Release
    added: tuple[str, ...]
    removed: tuple[tuple[str, str], ...]
    """(id, kind file)"""
    changed: tuple[str, ...]
    status: tuple[tuple[str, str, str], ...]
    """(id, status then, status now)"""

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.status)


def record_hash(record: dict[str, Any]) -> str:
    return content_hash(record)


def summarise(name: str, register: dict[str, Any]) -> Release:
    """A release (or the current register) reduced to what a comparison needs."""
    records = {rec["id"]: (kind, record_hash(rec)) for kind, recs in register["records"].items() for rec in recs}
    statuses = {rid: facts["status"] for rid, facts in register.get("derived", {}).items() if "status" in facts}
    return Release(name, register["version"], register["as_of"], records, statuses)


def current_release(derived: Derived) -> Release:
    """The register being built, as a release (what `summarise` reads from a kept register.json)."""
    records = {rec["id"]: (kind, record_hash(rec)) for kind, recs in derived.records.items() for rec in recs}
    statuses = {rid: st.overall.status for rid, st in derived.standing.items()}
    return Release("current", derived.version, derived.as_of.isoformat(), records, statuses)


def load_releases(folder: Path | None) -> tuple[list[Release], list[Problem]]:
    """Every release in `folder`, newest first; a missing folder means none."""
    if folder is None or not folder.is_dir():
        return [], []
    out: list[Release] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.json"), reverse=True):
        try:
            out.append(summarise(path.stem, json.loads(path.read_text(encoding="utf-8"))))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            problems.append(Problem(str(path), 0, 0, f"not a register.json release: {exc}", "file"))
    return out, problems


def compare(release: Release, current: Release) -> Diff:
    added, changed, status = [], [], []
    for rid, (_, digest) in sorted(current.records.items()):
        if rid not in release.records:
            added.append(rid)
        elif release.records[rid][1] != digest:
            changed.append(rid)
        if rid in release.statuses and rid in current.statuses and release.statuses[rid] != current.statuses[rid]:
            status.append((rid, release.statuses[rid], current.statuses[rid]))
    removed = sorted((rid, kind) for rid, (kind, _) in release.records.items() if rid not in current.records)
    return Diff(release, tuple(added), tuple(removed), tuple(changed), tuple(status))


def release_name(as_of: date, version: str) -> str:
    return f"{as_of.isoformat()}-{version}"
