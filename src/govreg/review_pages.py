"""Healthwatch's pages: rule checks, status as at each quarter end, and review packs per place."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from .checks import run_checks
from .dates import quarter_ends
from .models import Source
from .review import reviews_by_subject, voices_at

if TYPE_CHECKING:
    from .render import Renderer


def tracked(r: Renderer) -> list[Any]:
    """Milestones and commitments, by due date then id."""
    items = [rec for kind in ("milestone", "commitment") for rec in r.index.of_kind(kind)]
    return sorted(
        items, key=lambda rec: (rec.due.sort_key if getattr(rec, "due", None) else (date.max, date.max), rec.id)
    )


def as_at_dates(r: Renderer) -> list[date]:
    """Quarter ends from the earliest source date to the as-of date, and the as-of date itself."""
    starts = [s.date.start for s in r.index.of_kind("source") if isinstance(s, Source) and s.date.start]
    if not starts:
        return [r.as_of]
    ends = quarter_ends(min(starts), r.as_of)
    return sorted({*ends, r.as_of})


def build(r: Renderer) -> None:
    reviews = reviews_by_subject(r.index)
    items = tracked(r)
    from .compliance_view import checked_bodies
    from .render import Ctx

    checked = checked_bodies(Ctx(r.index, r.as_of, "checks.md", r.memo))
    r.put("checks.md", "checks.md.j2", results=run_checks(r.index, r.as_of), checked=checked)
    days = as_at_dates(r)
    r.put("as-at/index.md", "as-at.md.j2", day=None, days=days, rows=[])
    for day in days:
        rows = [(rec, voices_at(rec, reviews.get(rec.id, []), day)) for rec in items]
        r.put(f"as-at/{day.isoformat()}.md", "as-at.md.j2", day=day, days=days, rows=rows)
    for place in r.index.of_kind("place"):
        mine = [rec for rec in items if place.id in getattr(rec, "places", [])]
        if mine:
            rows = [(rec, voices_at(rec, reviews.get(rec.id, []), r.as_of)) for rec in mine]
            r.put(f"review-pack/{place.id}.md", "review-pack.md.j2", place=place, rows=rows)
    r.put(
        "review-pack/index.md",
        "review-packs.md.j2",
        places=[p for p in r.index.of_kind("place") if any(p.id in getattr(x, "places", []) for x in items)],
    )


def voices_for(r: Renderer, rec: Any) -> Any:
    """Both voices on one record as at the as-of date (for record pages)."""
    if r.reviews is None:
        r.reviews = reviews_by_subject(r.index)
    return voices_at(rec, r.reviews.get(rec.id, []), r.as_of)
