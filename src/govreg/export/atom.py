"""Atom feeds (RFC 4287) of dated updates: the whole register and one per place.

Links: with a `site_url` (mkdocs.yml) every link is absolute and the feed's
xml:base is that URL; without one, links are site-absolute paths and xml:base
is "/", so a reader resolves them against the host that served the feed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]

from ..derive import Derived, Event
from ..index import Index
from ..output import Output, data_file
from ..status import VOICE_WORDS
from ..urls import place_feed, url_of

TAG = "tag:governance-register,2021:"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def _when(day: date) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=UTC)


def base_of(site_url: str) -> str:
    """The feed's xml:base: the site's root URL, or "/" when the site has no configured URL."""
    return site_url.rstrip("/") + "/" if site_url else "/"


def href(site_url: str, path: str) -> str:
    """A site-absolute path ("/milestones/x/") as the feed links it: absolute when the site URL is known."""
    return base_of(site_url) + path.lstrip("/") if site_url else path


def feed(index: Index, as_of: date, title: str, self_path: str, items: list[Event], site_url: str = "") -> bytes:
    """One Atom feed of `items` (newest first)."""
    fg = FeedGenerator()
    fg.id(TAG + self_path)
    fg.title(title)
    fg.author({"name": "Governance Register"})
    fg.link(href=href(site_url, "/"), rel="alternate")
    fg.link(href=href(site_url, self_path), rel="self")
    fg.language("en-GB")
    fg.updated(_when(items[0].day if items else as_of))
    fg.generator("govreg")
    for e in reversed(items):  # feedgen prepends: add oldest first so the newest comes first
        entry = fg.add_entry()
        entry.id(TAG + e.key)
        title_text = index.get(e.record).title_text()
        entry.title(f"{e.label}: {title_text}")
        entry.link(href=href(site_url, url_of(index, e.record)), rel="alternate")
        entry.updated(_when(e.day))
        entry.published(_when(e.day))
        evidence = "; ".join(f"{index.get(c.source).title_text()}, {c.at}" for c in e.cites)
        entry.summary(f"{e.summary} Evidence: {evidence}. ({VOICE_WORDS[e.voice]})")
    # feedgen cannot set xml:base; RFC 4287 resolves relative links against it.
    root = etree.fromstring(fg.atom_str(pretty=True))
    root.set(XML_BASE, base_of(site_url))
    return bytes(etree.tostring(root, pretty_print=True, encoding="UTF-8", xml_declaration=True))


def feeds(index: Index, derived: Derived, site_url: str = "") -> list[Output]:
    """/updates.xml and /places/<place>/updates.xml."""
    as_of, kind = derived.as_of, "application/atom+xml"
    all_events = list(derived.events)
    whole = feed(index, as_of, "Governance Register: updates", "/updates.xml", all_events, site_url)
    out = [data_file("updates.xml", whole, kind, "Atom feed of every dated status update, newest first")]
    for place in index.of_kind("place"):
        mine = [e for e in all_events if place.id in e.places]
        path = place_feed(place.id)
        title = f"Governance Register: updates for {place.title_text()}"
        out.append(
            data_file(
                path,
                feed(index, as_of, title, "/" + path, mine, site_url),
                kind,
                title.split(": ", 1)[1].capitalize(),
                place=place.id,
                role="feed",
            )
        )
    return out
