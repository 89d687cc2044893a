"""Atom feeds (RFC 4287) of dated updates: the whole register and one per place."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from ..index import Index
from .common import url_of
from .events import Event, events

TAG = "tag:governance-register,2021:"


def _when(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def feed(index: Index, as_of: date, title: str, self_path: str, items: list[Event]) -> bytes:
    fg = FeedGenerator()
    fg.id(TAG + self_path)
    fg.title(title)
    fg.author({"name": "Governance Register"})
    fg.link(href="/", rel="alternate")
    fg.link(href=self_path, rel="self")
    fg.language("en-GB")
    fg.updated(_when(items[0].day if items else as_of))
    fg.generator("govreg")
    for e in reversed(items):  # feedgen prepends: add oldest first so the newest comes first
        entry = fg.add_entry()
        entry.id(TAG + e.key)
        title_text = index.get(e.record).title_text()
        entry.title(f"{e.label}: {title_text}")
        entry.link(href=url_of(index, e.record), rel="alternate")
        entry.updated(_when(e.day))
        entry.published(_when(e.day))
        evidence = "; ".join(f"{index.get(c.source).title_text()}, {c.at}" for c in e.cites)
        voice = "independent review" if e.voice == "independent" else "self-reported"
        entry.summary(f"{e.summary} Evidence: {evidence}. ({voice})")
    return bytes(fg.atom_str(pretty=True))


def feeds(index: Index, as_of: date) -> dict[str, bytes]:
    """/updates.xml and /places/<place>/updates.xml."""
    all_events = events(index, as_of)
    out = {"updates.xml": feed(index, as_of, "Governance Register: updates", "/updates.xml", all_events)}
    for place in index.of_kind("place"):
        mine = [e for e in all_events if place.id in e.places]
        path = f"places/{place.id}/updates.xml"
        out[path] = feed(index, as_of, f"Governance Register: updates for {place.title_text()}", "/" + path, mine)
    return out
