"""`python -m govreg reviews import PACK --reviewer ORG_ID`: verdicts from a filled pack into data/.

All or nothing: every row is checked first and every bad row reported, located as
`PACK.xlsx:Sheet:row:column: message`; when any row is bad nothing is written.

Which record a row updates: a reviewer gives one verdict per item and date. A row
whose item and date match one of the reviewer's reviews updates that review, which
keeps its id; otherwise it is a new review, with the id `<reviewer>-<item>`, or
`<reviewer>-<item>-2`, `-3`... when that is taken (cut to 80 characters with a short
hash when the two ids are long). Re-importing the same pack therefore changes nothing.
New reviews go to `data/reviews/<reviewer>.yml`; a review already in another file is
updated where it is.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..dataset import check, newest_evidence
from ..dates import DateError, Period, parse_period
from ..derive import derive
from ..index import Index
from ..load import REVIEWS_FOLDER, Loaded
from ..models import Review, Source
from ..models.common import ID_PATTERN
from ..packs import pack_rows
from ..problems import report
from ..status import LABELS
from .columns import EDITABLE, FIXED, STATUSES, USE_INSTEAD, row_check, row_values
from .read import LIMITS, Limits, PackError, PackIn, PackRowIn, Refused, read_pack
from .write_yaml import Edit, splice

_URL = re.compile(r"^https?://[^\s<>\"'`|\\]+$")
_CITE = re.compile(r"^\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\s*(?:,|\bat\b|\bpara(?:graph)?\b|\bsection\b)?\s*(.+?)\s*$")
_VERDICTS = {s: s for s in STATUSES} | {LABELS[s].lower(): s for s in STATUSES} | {"in progress": "in-progress"}
_FORMULA = "{col}: a formula is not allowed here; type the value itself"
HEADER = (
    "# Independent verdicts by {reviewer}, one record each.\n"
    "# Written by `python -m govreg reviews import`; you may also edit it by hand:\n"
    "# a re-import keeps every comment and the order of the records.\n"
)


@dataclass
class Outcome:
    """What an import found and did."""

    errors: list[PackError] = field(default_factory=list)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    written: list[str] = field(default_factory=list)


def _day(p: Period) -> date | None:
    return p.known_by


def _parse_date(value: Any) -> tuple[str, Period] | str:
    """(text to store, period) or an error message."""
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    if not text:
        return "date is missing: give the date of your verdict (YYYY-MM-DD)"
    try:
        period = parse_period(text)
    except DateError:
        return f"cannot read date {text!r}: write it as YYYY-MM-DD, e.g. 2021-06-15"
    if _day(period) is None:
        return f"date {text!r} has no day: write it as YYYY-MM-DD"
    return text, period


def _parse_evidence(text: str, index: Index) -> tuple[list[dict[str, str]], str | None] | str:
    """(cites, url) or an error message."""
    cites: list[dict[str, str]] = []
    url: str | None = None
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        if part.lower().startswith(("http://", "https://")):
            if not _URL.match(part) or len(part) > 2000:
                return f"evidence {part!r} is not a usable web address"
            if url is not None:
                return "give at most one web address as evidence"
            url = part
            continue
        m = _CITE.match(part)
        if not m:
            return f"cannot read evidence {part!r}: write a paper id and paragraph ('src-x at 3.2') or a web address"
        source, at = m.group(1), m.group(2).strip()
        src = index.records.get(source)
        if src is None or not isinstance(src.record, Source):
            return f"evidence {part!r}: no paper with id {source!r} in the register"
        if at not in src.record.outline_refs():
            return f"evidence {part!r}: paper {source!r} has no paragraph or section {at!r} in its outline"
        cites.append({"source": source, "at": at})
    if not cites and url is None:
        return "evidence is missing: give a paper id and paragraph ('src-x at 3.2') or a web address"
    return cites, url


def _new_id(reviewer: str, subject: str, taken: set[str]) -> str:
    base = f"{reviewer}-{subject}"
    if len(base) > 72:
        digest = hashlib.sha256(base.encode()).hexdigest()[:6]
        base = base[:65].rstrip("-") + "-" + digest
    rid, n = base, 1
    while rid in taken:
        n += 1
        rid = f"{base}-{n}"
    return rid


class _Written:
    """The register's own rows at the pack's as-of date, to name the cells a reviewer changed.

    Built on first need (derive runs once per import, not per row). The as-of date is the
    pack's own (the workbook states it) or, for a CSV, which has no preamble, the register's
    newest evidence. A row is compared with
    both the place's pack and the importing reviewer's "since your last review" pack, and
    the closer of the two names the changed columns.
    """

    def __init__(self, index: Index, as_of: date | None, reviewer: str) -> None:
        self.index, self.as_of, self.reviewer = index, as_of, reviewer
        self._rows: dict[str, list[dict[str, str]]] | None = None

    def _all(self) -> dict[str, list[dict[str, str]]]:
        if self._rows is None:
            self._rows = {}
            if self.as_of is not None:
                derived = derive(self.index, self.as_of)
                for place in derived.tracked_by_place:
                    for who in (None, self.reviewer):
                        for r in pack_rows(self.index, derived, place, who).rows:
                            self._rows.setdefault(r.id, []).append(row_values(r))
        return self._rows

    def changed(self, fixed: dict[str, str]) -> list[str]:
        """Columns whose text differs from the register's own row, or [] if the row is unknown."""
        if fixed.get("id", "") not in self.index.records:
            return []
        found = [[n for n in FIXED if want[n] != fixed[n]] for want in self._all().get(fixed["id"], [])]
        return min(found, key=len, default=[])


def _check_readonly(pack: PackIn, row: PackRowIn, written: _Written, errors: list[PackError]) -> None:
    """Every row, filled or not: the cells outside the reviewer's columns must be as the register wrote them.

    Checked before a row is skipped, so a verdict typed into the wrong column (say
    `independent_verdict`) is an error naming that cell, never a row silently passed over.
    """
    for col in sorted(row.formulas - set(EDITABLE)):
        errors.append(pack.error(row.row, row.letters.get(col, "A"), _FORMULA.format(col=col)))
    for letter in row.extra:
        errors.append(pack.error(row.row, letter, "a cell outside the pack's columns was filled; clear it"))
    fixed = {name: str(row.values.get(name, "")) for name in FIXED}
    if row_check(fixed) == str(row.values.get("row_check", "")).strip():
        return
    changed = written.changed(fixed)
    if not changed:
        where = row.letters.get("row_check", "A")
        message = (
            "this row was edited outside your columns (its read-only cells no longer match the register's); "
            "undo that edit and use only " + _yours(row)
        )
        errors.append(pack.error(row.row, where, message))
        return
    for name in changed:
        instead = USE_INSTEAD.get(name)
        hint = f"use {instead} (column {row.letters.get(instead, '?')}) instead" if instead else "use " + _yours(row)
        message = (
            f"{name} is written by the register and may not be edited (it reads {fixed[name]!r} here); "
            f"put it back as it was and {hint}"
        )
        errors.append(pack.error(row.row, row.letters.get(name, "A"), message))


def _yours(row: PackRowIn) -> str:
    return "your columns: " + ", ".join(f"{n} ({row.letters.get(n, '?')})" for n in EDITABLE)


def _check_row(
    pack: PackIn, row: PackRowIn, index: Index, written: _Written, errors: list[PackError]
) -> dict[str, Any] | None:
    """The review fields a filled row gives, or None after adding its errors."""
    before = len(errors)

    def bad(col: str, message: str) -> None:
        errors.append(pack.error(row.row, row.letters.get(col, "A"), message))

    _check_readonly(pack, row, written, errors)
    for col in sorted(row.formulas & set(EDITABLE)):
        bad(col, _FORMULA.format(col=col))
    rid = str(row.values.get("id", "")).strip()
    found = index.records.get(rid)
    if found is None or found.kind.name not in ("milestone", "commitment"):
        bad("id", f"unknown item id {rid!r}: not a milestone or commitment in the register")
    raw_verdict = str(row.values.get("reviewer_verdict", "")).strip()
    verdict = _VERDICTS.get(raw_verdict.lower())
    if verdict is None:
        bad("reviewer_verdict", f"verdict {raw_verdict!r} is not allowed; choose one of: {', '.join(STATUSES)}")
    when = _parse_date(row.values.get("reviewer_date", ""))
    if isinstance(when, str):
        bad("reviewer_date", when)
    summary = str(row.values.get("reviewer_summary", "")).strip()
    if not summary and "reviewer_summary" not in row.formulas:
        bad("reviewer_summary", "your finding is missing: say in plain words what you found")
    evidence = _parse_evidence(str(row.values.get("reviewer_evidence", "")), index)
    if isinstance(evidence, str) and "reviewer_evidence" not in row.formulas:
        bad("reviewer_evidence", evidence)
    if len(errors) > before or isinstance(when, str) or isinstance(evidence, str):
        return None
    cites, url = evidence
    return {"subject": rid, "date": when[0], "verdict": verdict, "summary": summary} | {
        "cites": cites,
        "evidence_url": url,
    }


def _plan(
    index: Index, reviewer: str, filled: list[tuple[PackRowIn, dict[str, Any]]], outcome: Outcome
) -> tuple[dict[Path, list[Edit]], list[dict[str, Any]]]:
    """Which records to add and which to update, by file."""
    mine: dict[tuple[str, date | None], Loaded | None] = {}
    for item in index.records.values():
        if isinstance(item.record, Review) and item.record.reviewer == reviewer:
            mine[(item.record.subject, _day(item.record.date))] = item
    taken = set(index.records) | set(index.nested) | set(index.former)
    edits: dict[Path, list[Edit]] = {}
    new: list[dict[str, Any]] = []
    for _row, fields in filled:
        key = (fields["subject"], _day(parse_period(fields["date"])))
        loaded = mine.get(key)
        if loaded is None:
            rid = _new_id(reviewer, fields["subject"], taken)
            taken.add(rid)
            new.append({"id": rid, "reviewer": reviewer, **fields})
            mine[key] = None
            outcome.new += 1
            continue
        rec = loaded.record
        assert isinstance(rec, Review)
        current = {
            "date": rec.date.text,
            "verdict": rec.verdict,
            "summary": rec.summary,
            "cites": [{"source": c.source, "at": c.at} for c in rec.cites],
            "evidence_url": rec.evidence_url,
        }
        want = {k: fields[k] for k in current}
        if _day(rec.date) == key[1]:
            want["date"] = rec.date.text  # same day, written another way: keep the file's words
        changes = {k: v for k, v in want.items() if v != current[k]}
        changes = {k: (None if v in (None, []) else v) for k, v in changes.items()}
        if not changes:
            outcome.unchanged += 1
            continue
        edits.setdefault(Path(loaded.file), []).append(Edit(loaded.position, changes))
        outcome.updated += 1
    return edits, new


def import_pack(pack_path: Path, reviewer: str, data: Path, limits: Limits = LIMITS) -> Outcome:
    outcome = Outcome()
    index, problems = check(data)
    if problems:
        raise Refused("the data has problems; fix them first:\n" + report(problems))
    who = index.records.get(reviewer)
    if who is None or who.kind.name not in ("organisation", "body"):
        raise Refused(f"no organisation or body with id {reviewer!r}: add the reviewer to the register first")
    if not re.match(ID_PATTERN, reviewer):
        raise Refused(f"{reviewer!r} is not an id")
    pack = read_pack(pack_path, limits)
    written = _Written(index, pack.as_of or newest_evidence(index), reviewer)
    filled: list[tuple[PackRowIn, dict[str, Any]]] = []
    seen: dict[tuple[str, str], int] = {}
    for row in pack.rows:
        if not str(row.values.get("reviewer_verdict", "")).strip() and not row.formulas & {"reviewer_verdict"}:
            before = len(outcome.errors)
            _check_readonly(pack, row, written, outcome.errors)
            outcome.skipped += len(outcome.errors) == before
            continue
        fields = _check_row(pack, row, index, written, outcome.errors)
        if fields is None:
            continue
        key = (fields["subject"], str(_day(parse_period(fields["date"]))))
        if key in seen:
            message = f"a second verdict on {key[0]} for the same date (row {seen[key]})"
            outcome.errors.append(pack.error(row.row, row.letters["id"], message))
            continue
        seen[key] = row.row
        try:
            given = {k: v for k, v in fields.items() if v is not None}
            Review.model_validate({"id": "x", "reviewer": reviewer} | given)
        except ValidationError as exc:
            message = f"not a valid review: {exc.errors()[0]['msg']}"
            outcome.errors.append(pack.error(row.row, row.letters["id"], message))
            continue
        filled.append((row, fields))
    if outcome.errors:
        outcome.errors.sort()
        return outcome
    edits, new = _plan(index, reviewer, filled, outcome)
    target = data / REVIEWS_FOLDER / f"{reviewer}.yml"
    texts: dict[Path, str] = {}
    for path in sorted(set(edits) | ({target} if new else set())):
        text = splice(path, edits.get(path, []), new if path == target else [], HEADER.format(reviewer=reviewer))
        if text is not None:
            texts[path] = text
    _write_all(texts, data)
    outcome.written = [str(p) for p in sorted(texts)]
    return outcome


def _write_all(texts: dict[Path, str], data: Path) -> None:
    """Write every file, then validate; on any problem put every file back as it was."""
    before: dict[Path, str | None] = {p: (p.read_text(encoding="utf-8") if p.exists() else None) for p in texts}
    try:
        for path, text in texts.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
            os.replace(tmp, path)
        _, problems = check(data)
        if problems:
            raise Refused("the written data did not validate, so nothing was kept:\n" + report(problems))
    except BaseException:
        for path, old in before.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                path.write_text(old, encoding="utf-8")
        raise


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def run(pack: Path, reviewer: str, data: Path) -> int:
    """The CLI command; returns the exit status."""
    try:
        outcome = import_pack(pack, reviewer, data)
    except Refused as exc:
        print(f"{pack}: refused: {exc}", file=sys.stderr)
        print("Nothing written.", file=sys.stderr)
        return 1
    if outcome.errors:
        for err in outcome.errors:
            print(str(err), file=sys.stderr)
        rows = len({e.row for e in outcome.errors})
        print(f"{_count(len(outcome.errors), 'problem')} in {_count(rows, 'row')}; nothing written.", file=sys.stderr)
        return 1
    total = outcome.new + outcome.updated + outcome.unchanged
    print(
        f"{pack.name}: {_count(total, 'verdict')} by {reviewer}: {outcome.new} new, {outcome.updated} updated, "
        f"{outcome.unchanged} unchanged; {_count(outcome.skipped, 'row')} without a verdict skipped."
    )
    for path in outcome.written:
        print(f"Wrote {path}")
    if not outcome.written:
        print("Nothing to write: the data already holds these verdicts.")
    return 0
