"""What a review pack holds, per place and reviewer: the one adapter over the status rules.

Why one function: the body's own status, the latest independent verdict and what
changed since a reviewer's last verdict must come from the same place as the
record pages. `pack_rows` is the only caller of `review.voices_at` and
`status.status_at` in this package, so swapping in a derivation layer means
changing this function only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..index import Index
from ..models import Record, Review, Source
from ..review import reviews_by_subject, voices_at
from ..status import LABELS, known_by, status_at

TRACKED = ("milestone", "commitment")


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
    verdict: str
    verdict_date: str
    verdict_by: str
    changes: tuple[str, ...]


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


def _day(review: Review) -> date:
    return review.date.end or review.date.start or date.min


def tracked_in(index: Index, place: str) -> list[Record]:
    """The place's milestones and commitments, by due date then id."""
    items = [rec for kind in TRACKED for rec in index.of_kind(kind) if place in getattr(rec, "places", [])]

    def key(rec: Record) -> tuple[tuple[date, date], str]:
        due = getattr(rec, "due", None)
        return (due.sort_key if due else (date.max, date.max), rec.id)

    return sorted(items, key=key)


def last_review(index: Index, place: str, reviewer: str, as_of: date) -> date | None:
    """The date of the reviewer's most recent verdict on any of the place's items (known by `as_of`)."""
    ids = {rec.id for rec in tracked_in(index, place)}
    days = [
        _day(r)
        for r in index.of_kind("review")
        if isinstance(r, Review) and r.reviewer == reviewer and r.subject in ids and _day(r) <= as_of
    ]
    for rec in tracked_in(index, place):
        days += [
            known_by(u)
            for u in getattr(rec, "updates", [])
            if u.voice == "independent" and u.reported_by == reviewer and known_by(u) <= as_of
        ]
    return max(days, default=None)


def reviewers_of(index: Index, place: str) -> list[str]:
    """Who reviews the place: Healthwatch organisations of the place, and anyone with a verdict on its items."""
    ids = {rec.id for rec in tracked_in(index, place)}
    found = {r.reviewer for r in index.of_kind("review") if isinstance(r, Review) and r.subject in ids}
    for org in index.of_kind("organisation"):
        if getattr(org, "type", None) == "healthwatch" and place in getattr(org, "places", []):
            found.add(org.id)
    return sorted(found)


def _papers(index: Index, rec: Record) -> list[Source]:
    cites = list(getattr(rec, "cites", []))
    for u in getattr(rec, "updates", []):
        cites += list(u.cites)
    out: dict[str, Source] = {}
    for c in cites:
        src = index.get(c.source)
        if isinstance(src, Source):
            out[src.id] = src
    return list(out.values())


def _changes(index: Index, rec: Record, since: date, as_of: date) -> list[str]:
    """What changed on one item after `since`, up to `as_of`, in plain words."""
    out: list[str] = []
    updates = list(getattr(rec, "updates", []))
    for u in updates:
        if since < known_by(u) <= as_of:
            who = "the body" if u.voice == "self" else (u.reported_by or "a reviewer")
            out.append(f"new update ({who}), {u.date.text}: {LABELS[u.status]}")
    for src in _papers(index, rec):
        day = src.date.end or src.date.start
        if day and since < day <= as_of:
            out.append(f"new paper: {src.title} ({src.date.text})")
    due = getattr(rec, "due", None)
    then = status_at(updates, due, since, voice="self")
    now = status_at(updates, due, as_of, voice="self")
    if now.overdue and not then.overdue:
        out.append("now overdue")
    elif due is not None and due.end is not None and since < due.end <= as_of:
        out.append(f"fell due: {due.text}")
    return out


def pack_rows(index: Index, as_of: date, place: str, reviewer: str | None = None) -> Pack:
    """The pack for `place` as at `as_of`: every item, or for `reviewer` only the items
    due, updated or cited by a new paper since that reviewer's most recent verdict."""
    reviews = reviews_by_subject(index)
    since = last_review(index, place, reviewer, as_of) if reviewer else None
    rows: list[PackRow] = []
    for rec in tracked_in(index, place):
        changes = _changes(index, rec, since, as_of) if since else []
        if since and not changes:
            continue
        v = voices_at(rec, reviews.get(rec.id, []), as_of)
        own = v.own.update
        due = getattr(rec, "due", None)
        ind = v.independent
        rows.append(
            PackRow(
                id=rec.id,
                kind=index.kind_of(rec.id),
                title=getattr(rec, "title", None) or getattr(rec, "text", None) or rec.title_text(),
                due=due.text if due else "",
                own_status=v.own.status,
                own_date=own.date.text if own else "",
                own_evidence="; ".join(f"{c.source} at {c.at}" for c in own.cites) if own else "",
                own_summary=own.summary if own else "",
                overdue=v.own.overdue,
                verdict=ind.status if ind else "not yet reviewed",
                verdict_date=ind.day.isoformat() if ind else "",
                verdict_by=(ind.by or "") if ind else "",
                changes=tuple(changes),
            )
        )
    papers: list[Paper] = []
    if since:
        for src in index.of_kind("source"):
            day = src.date.end or src.date.start if isinstance(src, Source) else None
            if isinstance(src, Source) and place in src.places and day and since < day <= as_of:
                papers.append(Paper(src.id, src.title, src.date.text))
    place_rec = index.get(place)
    who = index.get(reviewer).title_text() if reviewer and reviewer in index.records else (reviewer or "")
    return Pack(place, place_rec.title_text(), reviewer, who, as_of, since, tuple(rows), tuple(papers))
