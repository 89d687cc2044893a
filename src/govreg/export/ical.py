"""iCalendar files (RFC 5545) of due milestones and commitments: all places, and one per place.

Why each choice: a due period is an all-day event from its first to its last
possible day (DTEND is exclusive, so one day later); UID is the record id, so a
subscribed calendar updates events instead of duplicating them; DTSTAMP is the
as-of date, so the same data gives the same bytes. URL must be an absolute URI,
so it is given only when the site's URL is configured; the description always
names the record's page.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event

from ..derive import Derived
from ..index import Index
from ..models.milestone import Tracked
from ..output import Output, data_file
from ..urls import place_calendar, url_of


def _due_items(index: Index, derived: Derived) -> list[Tracked]:
    """Tracked records with a due date, in register order."""
    out = []
    for rid in derived.tracked:
        rec = index.get(rid)
        if isinstance(rec, Tracked) and rec.due is not None and rec.due.start is not None:
            out.append(rec)
    return out


def calendar(index: Index, derived: Derived, name: str, items: list[Tracked], site_url: str = "") -> bytes:
    """One iCalendar file of the due periods of `items`."""
    as_of = derived.as_of
    cal = Calendar()
    cal.add("prodid", "-//Governance Register//govreg//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC)
    for rec in items:
        due = rec.due
        assert due is not None and due.start is not None
        st = derived.standing[rec.id].overall
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


def calendars(index: Index, derived: Derived, site_url: str = "") -> list[Output]:
    """/milestones.ics and /places/<place>/milestones.ics."""
    items = _due_items(index, derived)
    kind = "text/calendar"
    whole = calendar(index, derived, "Governance Register: due dates", items, site_url)
    out = [data_file("milestones.ics", whole, kind, "Due dates of milestones and commitments, as all-day events")]
    for place in index.of_kind("place"):
        here = set(derived.tracked_by_place.get(place.id, ()))
        mine = [r for r in items if r.id in here]
        name = f"Governance Register: due dates for {place.title_text()}"
        out.append(
            data_file(
                place_calendar(place.id),
                calendar(index, derived, name, mine, site_url),
                kind,
                f"Due dates for {place.title_text()}",
                place=place.id,
                role="calendar",
            )
        )
    return out
