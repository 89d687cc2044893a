"""The pack's columns, shared by the CSV and the workbook, and the check on read-only cells.

Layout (both formats): a few lines of context (title, register version and as-of
date, how to fill it in), then a header row, then one row per item. The reviewer
fills only the `reviewer_*` columns. `row_check` is a short hash of the other
cells of the row as the register wrote them, so an import can tell that a row was
edited outside the reviewer's columns.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..dates import day_text
from ..models.common import Status
from ..packs import Pack, PackRow

STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
"""The verdicts a reviewer may give, in the order the drop-down shows them."""

NO_VERDICT = "not yet reviewed"
"""What the pack's verdict column says when no reviewer has given a verdict."""


@dataclass(frozen=True, slots=True)
class Col:
    name: str
    heading: str
    width: int
    editable: bool = False
    description: str = ""
    """What the column holds (printed on the Data model page)."""


COLUMNS: tuple[Col, ...] = (
    Col("id", "Item id", 30, description="The milestone's or commitment's id (its permanent link is /r/<id>/)."),
    Col("kind", "Kind", 12, description="milestone or commitment."),
    Col("title", "Title", 48, description="Its title: a plain title where it has one, else the paper's words."),
    Col("due", "Due", 16, description="When it is due, as the paper gives it."),
    Col("own_status", "The body's own status", 16, description="The accountable body's latest own status."),
    Col("own_status_date", "Date of that status", 16, description="The date of that status, as its evidence gives it."),
    Col("own_evidence", "Its evidence (paper at paragraph)", 30, description="The paper and paragraph it cites."),
    Col("own_summary", "What the body reported", 40, description="What that evidence says, in plain words."),
    Col(
        "overdue",
        "Overdue, by the body's own status",
        16,
        description="yes, no, or 'not reported since D' (due after the place's last local paper, dated D).",
    ),
    Col(
        "independent_verdict",
        "Latest independent verdict",
        18,
        description='The latest verdict of any reviewer, or "not yet reviewed".',
    ),
    Col("independent_date", "Date of that verdict", 14, description="Its date."),
    Col("independent_by", "Verdict given by", 22, description="The reviewer who gave it."),
    Col(
        "since_last_review",
        "What changed since your last review",
        40,
        description="In a reviewer's own pack: what is new since that reviewer's latest verdict on the item.",
    ),
    Col("reviewer_verdict", "YOUR VERDICT", 16, True, "Yours to fill: one of the statuses (a drop-down list)."),
    Col("reviewer_date", "Date of your verdict", 16, True, "Yours to fill: the date of your finding."),
    Col("reviewer_summary", "Your finding, in plain words", 48, True, "Yours to fill: what you found."),
    Col(
        "reviewer_evidence",
        "Your evidence: paper id at paragraph, or a web address",
        40,
        True,
        "Yours to fill: a source id and paragraph ('src-x at 4.2'), or a web address.",
    ),
    Col(
        "row_check",
        "row_check",
        12,
        description="A short hash of the row's read-only cells as the register wrote them: the import uses it to "
        "tell a read-only cell edited by mistake.",
    ),
)
NAMES = tuple(c.name for c in COLUMNS)
EDITABLE = tuple(c.name for c in COLUMNS if c.editable)
FIXED = tuple(c.name for c in COLUMNS if not c.editable and c.name != "row_check")
USE_INSTEAD: dict[str, str] = {
    "own_status": "reviewer_verdict",
    "overdue": "reviewer_verdict",
    "independent_verdict": "reviewer_verdict",
    "own_status_date": "reviewer_date",
    "independent_date": "reviewer_date",
    "own_summary": "reviewer_summary",
    "independent_by": "reviewer_summary",
    "since_last_review": "reviewer_summary",
    "title": "reviewer_summary",
    "own_evidence": "reviewer_evidence",
}
"""For each read-only column a reviewer might type into by mistake, the column of theirs that takes it."""
HEADER_ROW = 4
"""The header is on this row (1-based); rows 1 to 3 say what the pack is."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row_check(values: dict[str, str]) -> str:
    """A short hash of a row's read-only cells, as the register wrote them."""
    text = "\x1f".join(values.get(name, "") for name in FIXED)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _overdue(row: PackRow) -> str:
    if row.overdue:
        return "yes"
    if row.not_reported_since is not None:
        return f"not reported since {day_text(row.not_reported_since)}"
    return "no"


def row_values(row: PackRow) -> dict[str, str]:
    """Every cell of one row, as text (the reviewer's columns empty)."""
    values = {
        "id": row.id,
        "kind": row.kind,
        "title": row.title,
        "due": row.due,
        "own_status": row.own_status,
        "own_status_date": row.own_date,
        "own_evidence": row.own_evidence,
        "own_summary": row.own_summary,
        "overdue": _overdue(row),
        "independent_verdict": row.verdict or NO_VERDICT,
        "independent_date": row.verdict_date,
        "independent_by": row.verdict_by,
        "since_last_review": "; ".join(row.changes),
    }
    values.update({name: "" for name in EDITABLE})
    values["row_check"] = row_check(values)
    return values


def preamble(pack: Pack, version: str) -> tuple[str, str, str]:
    """Rows 1 to 3: what the pack is, which register it comes from, how to fill it in."""
    who = f" for {pack.reviewer_name} ({pack.reviewer})" if pack.reviewer else ""
    title = f"Review pack: {pack.place_name}{who}"
    since = (
        f"; items due, updated or cited by a new paper since your last verdict ({pack.since.isoformat()})"
        if pack.since
        else "; every milestone and commitment of the place"
    )
    about = f"Governance Register version {version}, as at {pack.as_of.isoformat()}{since}."
    how = (
        "Fill in only the four YOUR columns: verdict (" + ", ".join(STATUSES) + "), date (YYYY-MM-DD), "
        "finding, and evidence (a paper id and paragraph such as 'src-x at 3.2', or a web address). "
        "Leave a row's verdict empty to skip it. Do not edit the other columns. Overdue is judged on the body's "
        "own status against the place's last paper: 'not reported since' a date means the item fell due after it."
    )
    return title, about, how
