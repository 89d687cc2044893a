"""iCalendar files (RFC 5545) of due milestones and commitments: all places, and one per place."""

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


def calendar(index: Index, as_of: date, name: str, items: list[Record]) -> bytes:
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
        ev.add("description", f"Due {due.text} ({due.describe()}). Status as at {as_of.isoformat()}: {st.label}.")
        ev.add("url", url_of(index, rec.id))
        ev.add("categories", [index.kind_of(rec.id)])
        cal.add_component(ev)
    return bytes(cal.to_ical())


def calendars(index: Index, as_of: date) -> dict[str, bytes]:
    items = _due_items(index)
    out = {"milestones.ics": calendar(index, as_of, "Governance Register: due dates", items)}
    for place in index.of_kind("place"):
        mine = [r for r in items if place.id in getattr(r, "places", [])]
        out[f"places/{place.id}/milestones.ics"] = calendar(
            index, as_of, f"Governance Register: due dates for {place.title_text()}", mine
        )
    return out
