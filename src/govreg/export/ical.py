"""iCalendar files (RFC 5545) of due milestones and commitments: all places, and one per place.

Why each choice: a due period is an all-day event from its first to its last
possible day (DTEND is exclusive, so one day later); UID is the record id, so a
subscribed calendar updates events instead of duplicating them; DTSTAMP is the
as-of date, so the same data gives the same bytes. URL must be an absolute URI,
so it is given only when the site's URL is configured; the description always
names the record's page.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from ..index import Index
from ..models import Record
from ..status import status_at
from .common import url_of


def _due_items(index: Index) -> list[Record]:
    out = []
    for name in ("milestone", "commitment"):
        for rec in index.of_kind(name):
            due = getattr(rec, "due", None)
            if due is not None and due.start is not None:
                out.append(rec)
    return out


def calendar(index: Index, as_of: date, name: str, items: list[Record], site_url: str = "") -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Governance Register//govreg//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC)
    for rec in items:
        due = rec.due  # type: ignore[attr-defined]
        st = status_at(rec.updates, due, as_of)  # type: ignore[attr-defined]
        ev = Event()
        ev.add("uid", f"{rec.id}@governance-register")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", due.start)
        ev.add("dtend", (due.end or due.start) + timedelta(days=1))
        ev.add("summary", f"Due: {rec.title_text()}")
        page = url_of(index, rec.id)
        ev.add(
            "description",
            f"Due {due.text} ({due.describe()}). Status as at {as_of.isoformat()}: {st.label}. Record: {page}",
        )
        if site_url:
            ev.add("url", site_url.rstrip("/") + page)
        ev.add("categories", [index.kind_of(rec.id)])
        cal.add_component(ev)
    return bytes(cal.to_ical())


def calendars(index: Index, as_of: date, site_url: str = "") -> dict[str, bytes]:
    """/milestones.ics and /places/<place>/milestones.ics."""
    items = _due_items(index)
    out = {"milestones.ics": calendar(index, as_of, "Governance Register: due dates", items, site_url)}
    for place in index.of_kind("place"):
        mine = [r for r in items if place.id in getattr(r, "places", [])]
        out[f"places/{place.id}/milestones.ics"] = calendar(
            index, as_of, f"Governance Register: due dates for {place.title_text()}", mine, site_url
        )
    return out
