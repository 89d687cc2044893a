"""What a review pack holds, per place and reviewer: derived once (`all_packs`, called by `derive`).

Why here and not in `reviewpack`: the packs are derived facts, read by the exports (CSV,
workbook), the "since your last review" pages and the import; `reviewpack` holds those
readers, which import `derive`, so the rows sit in the derive layer below them.

Voice: a pack shows the body's own status, so its "overdue" (and "now overdue" since a
reviewer's last verdict) is judged on the body's own voice, against the place's horizon.

Why: the body's own status, the latest independent verdict and what changed since a
reviewer's last verdict must be the same as on the record pages, so every status here
is read from `Derived` (computed once by the one status rule), never worked out again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from .index import Index
from .models import Source
from .models.milestone import Tracked
from .status import LABELS

if TYPE_CHECKING:  # derive makes every pack once (`all_packs`), with what it derived first
    from .derive import Derived


@dataclass(frozen=True, slots=True)
class PackRow:
    """One milestone or commitment, as a reviewer sees it in the pack."""

    id: str
    kind: str
    title: str
    due: str
    own_status: str
    own_date: str
    own_evidence: str
    own_summary: str
    overdue: bool
    """By the body's own status (the pack's voice), judged against the place's evidence horizon."""
    not_reported_since: date | None
    """Open, fell due after the place's last paper (by the body's own status): that paper's date."""
    verdict: str | None
    """The latest independent verdict's status; None when no reviewer has given one."""
    verdict_date: str
    verdict_by: str
    changes: tuple[str, ...]
    now_overdue: bool = False
    """Overdue now (by the body's own status) but not at the reviewer's last verdict."""


@dataclass(frozen=True, slots=True)
class Paper:
    id: str
    title: str
    date: str


@dataclass(frozen=True, slots=True)
class Pack:
    """A place's pack, for one reviewer (since their last verdict) or for anyone (every item)."""

    place: str
    place_name: str
    reviewer: str | None
    reviewer_name: str
    as_of: date
    since: date | None
    rows: tuple[PackRow, ...]
    new_papers: tuple[Paper, ...]


def tracked_in(index: Index, derived: Derived, place: str) -> list[Tracked]:
    """The place's milestones and commitments, in register order (by due date then id)."""
    out = []
    for rid in derived.tracked_by_place.get(place, ()):
        rec = index.get(rid)
        if isinstance(rec, Tracked):
            out.append(rec)
    return out


def last_review(index: Index, derived: Derived, place: str, reviewer: str) -> date | None:
    """The date of the reviewer's most recent verdict on any of the place's items (known by the as-of date)."""
    days = [
        e.day
        for rec in tracked_in(index, derived, place)
        for e in derived.timelines[rec.id]
        if e.voice == "independent" and e.by == reviewer and e.day <= derived.as_of
    ]
    return max(days, default=None)


def reviewers_of(index: Index, derived: Derived, place: str) -> list[str]:
    """Who reviews the place: Healthwatch organisations of the place, and anyone with a verdict on its items."""
    found = {
        e.by
        for rec in tracked_in(index, derived, place)
        for e in derived.timelines[rec.id]
        if e.voice == "independent" and e.by and not e.origin.startswith("update ")
    }
    for org in index.of_kind("organisation"):
        if getattr(org, "type", None) == "healthwatch" and place in getattr(org, "places", []):
            found.add(org.id)
    return sorted(found)


def _papers(index: Index, rec: Tracked) -> list[Source]:
    cites = list(rec.cites) if hasattr(rec, "cites") else []
    for u in rec.updates:
        cites += list(u.cites)
    out: dict[str, Source] = {}
    for c in cites:
        src = index.get(c.source)
        if isinstance(src, Source):
            out[src.id] = src
    return list(out.values())


def _became_overdue(derived: Derived, rec: Tracked, since: date) -> bool:
    """Overdue by the body's own status now, and not on the day of the reviewer's last verdict."""
    return derived.standing[rec.id].own.overdue and not derived.standing_on(rec.id, since).own.overdue


def _changes(index: Index, derived: Derived, rec: Tracked, since: date) -> list[str]:
    """What changed on one item after `since`, up to the as-of date, in plain words."""
    as_of = derived.as_of
    out: list[str] = []
    for e in derived.timelines[rec.id]:
        if since < e.day <= as_of:
            who = "the body" if e.voice == "self" else (e.by or "a reviewer")
            out.append(f"new update ({who}), {e.date_text}: {LABELS[e.status]}")
    for src in _papers(index, rec):
        day = src.date.known_by
        if day and since < day <= as_of:
            out.append(f"new paper: {src.title} ({src.date.text})")
    if _became_overdue(derived, rec, since):
        out.append("now overdue")
    elif rec.due is not None and rec.due.end is not None and since < rec.due.end <= as_of:
        out.append(f"fell due: {rec.due.text}")
    return out


def pack_rows(index: Index, derived: Derived, place: str, reviewer: str | None = None) -> Pack:
    """The pack for `place` as at the as-of date: every item, or for `reviewer` only the items
    due, updated or cited by a new paper since that reviewer's most recent verdict."""
    as_of = derived.as_of
    since = last_review(index, derived, place, reviewer) if reviewer else None
    rows: list[PackRow] = []
    for rec in tracked_in(index, derived, place):
        changes = _changes(index, derived, rec, since) if since else []
        if since and not changes:
            continue
        standing = derived.standing[rec.id]
        own = standing.own.entry
        ind = standing.independent.entry if standing.independent else None
        due = rec.due
        rows.append(
            PackRow(
                id=rec.id,
                kind=index.kind_of(rec.id),
                title=getattr(rec, "title", None) or getattr(rec, "text", None) or rec.title_text(),
                due=due.text if due else "",
                own_status=standing.own.status,
                own_date=own.date_text if own else "",
                own_evidence="; ".join(f"{c.source} at {c.at}" for c in own.cites) if own else "",
                own_summary=own.summary if own else "",
                overdue=standing.own.overdue,
                not_reported_since=standing.own.unreported,
                verdict=ind.status if ind else None,
                verdict_date=ind.day.isoformat() if ind else "",
                verdict_by=(ind.by or "") if ind else "",
                changes=tuple(changes),
                now_overdue=since is not None and _became_overdue(derived, rec, since),
            )
        )
    papers: list[Paper] = []
    if since:
        for src in index.of_kind("source"):
            day = src.date.known_by if isinstance(src, Source) else None
            if isinstance(src, Source) and place in src.places and day and since < day <= as_of:
                papers.append(Paper(src.id, src.title, src.date.text))
    place_rec = index.get(place)
    who = index.get(reviewer).title_text() if reviewer and reviewer in index.records else (reviewer or "")
    return Pack(place, place_rec.title_text(), reviewer, who, as_of, since, tuple(rows), tuple(papers))


def all_packs(index: Index, derived: Derived) -> tuple[Pack, ...]:
    """Every pack of the register: per place with milestones or commitments, the whole pack, then
    one per reviewer (since their last verdict), places by id, reviewers by id."""
    out: list[Pack] = []
    for place in index.of_kind("place"):
        if not derived.tracked_by_place.get(place.id):
            continue
        out.append(pack_rows(index, derived, place.id))
        out.extend(pack_rows(index, derived, place.id, reviewer) for reviewer in reviewers_of(index, derived, place.id))
    return tuple(out)
