"""Write the starter register's data (src/govreg/starter_register/data/) from this register's own records.

Why from real records: data is never invented. The starter is a few of Bolton's records from
one paper (April 2019), kept word for word; only links to records outside the starter are cut
(fields in `DROP`, citations of other papers, and updates or history resting only on them).
`tests/test_starter.py` runs `starter_records` again and fails if the packaged files differ.
Usage: python scripts/make_starter.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "govreg" / "starter_register" / "data"
SOURCE = "src-bolton-2019-04-scf"

# file in data/ -> ids kept, in the starter's file (same name, under the place's folder or at the top).
PICK: dict[str, tuple[str, list[str]]] = {
    "england/places.yml": ("bolton/places.yml", ["bolton"]),
    "bolton/sources.yml": ("bolton/sources.yml", [SOURCE]),
    "bolton/organisations.yml": ("bolton/organisations.yml", ["bolton-council", "bolton-ccg"]),
    "bolton/bodies.yml": ("bolton/bodies.yml", ["bolton-jcc"]),
    "bolton/milestones.yml": ("bolton/milestones.yml", ["bolton-scf-ms-pool-160m-april-2019"]),
    "bolton/commitments.yml": ("bolton/commitments.yml", ["bolton-commitment-risk-share-review-2019"]),
    "glossary.yml": ("glossary.yml", ["term-ccg", "term-jcc", "term-scf", "term-section-75"]),
}

# Fields that point at records (or papers) the starter leaves out, or rest on them.
DROP = {
    "part_of",  # the place stands alone
    "file",  # the text extraction is not shipped
    "traces",
    "reports_to",
    "workstream",
    "continues",
    "looked_for",  # this register's searches, dated by its editors
    "note",  # notes speak of the papers left out
    "readings",
}
ORG_DROP = {"summary", "history"}  # an organisation's summary rests on papers left out


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in DROP or key == "body_id":
                continue
            if key == "cites":
                item = [c for c in item if c.get("source") == SOURCE]
                if not item:
                    continue
            elif key in ("updates", "history"):
                item = [u for u in item if any(c.get("source") == SOURCE for c in u.get("cites", []))]
                if not item:
                    continue
            out[key] = _prune(item)
        return out
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def starter_records(data: Path) -> dict[str, list[dict[str, Any]]]:
    """The starter's files (path -> records), taken from the register's data folder."""
    files: dict[str, list[dict[str, Any]]] = {}
    for source_file, (target, ids) in PICK.items():
        records = {r["id"]: r for r in yaml.safe_load((data / source_file).read_text(encoding="utf-8"))}
        picked = []
        for rid in ids:
            rec = _prune(records[rid])
            if source_file.endswith("organisations.yml"):
                rec = {k: v for k, v in rec.items() if k not in ORG_DROP}
            if source_file.endswith("sources.yml"):
                rec["publishers"] = [p for p in rec.get("publishers", []) if p in ("bolton-council", "bolton-ccg")]
            picked.append(rec)
        files[target] = picked
    return files


def modeline(target: str) -> str:
    """The first line of a data file: where editors find its JSON Schema (written by `govreg init`)."""
    up = "../" * (target.count("/") + 1)
    return f"# yaml-language-server: $schema={up}schema/{Path(target).stem}.schema.json\n"


def dump(target: str, records: list[dict[str, Any]]) -> str:
    return modeline(target) + yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100)


def main() -> int:
    for target, records in starter_records(ROOT / "data").items():
        path = OUT / target
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dump(target, records), encoding="utf-8")
        print(f"Wrote {path.relative_to(ROOT)} ({len(records)} records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
