"""Organisations and bodies as at a date: in place or not, since when, and why.

The rule (one function each, read by `derive` and nothing else):

- An organisation ends on the day a national change ceases every organisation of its
  type in a place it serves (or a place that contains one). Before that day it is in place.
- A body's status is that of its latest history event known by the day (proposed, shadow,
  established, replaced, abolished; "not-yet" when every event is later; none when it has
  no history). A body whose hosts have all ended by the day ends with them (abolished, from
  the last host's end), unless its own evidence dated after that end says otherwise.
- A seat on a body still in place, drawn from an organisation that has ended, passes to the
  successor a national change names for that organisation's seats, and otherwise ended with
  it: what followed is not known.

Why here: maps, place, body and organisation pages, the "as at" pages, `register.json` and
the CSVs all show these statuses; computing them once keeps them the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .dates import day_text
from .index import Index
from .models import Body, NationalChange, Organisation
from .models.change import Transfer
from .models.common import BodyEvent, Citation

GONE = frozenset({"replaced", "abolished", "not-yet"})
"""Body statuses that mean the body is not in place on the day."""


STATUS_WORDS = {
    "in-place": "In place",
    "proposed": "Proposed",
    "shadow": "In shadow form",
    "established": "Established",
    "replaced": "Replaced",
    "abolished": "Abolished",
    "not-yet": "Not yet in existence",
}
"""How organisation and body statuses read (a map writes them in lower case)."""


@dataclass(frozen=True, slots=True)
class Life:
    """Where an organisation or body stands on one day."""

    status: str | None
    """Bodies: proposed, shadow, established, replaced, abolished, not-yet, or None (no history recorded).
    Organisations: in-place, replaced (merged), abolished, or not-yet."""
    since: date | None
    """The day the status took effect, where known (the last day of the period it is dated, as for updates)."""
    reason: str
    """Why, in plain words ('' for an organisation or body simply in place)."""
    change: str | None = None
    """The national change that ended it (or its host), if any."""
    host: str | None = None
    """The organisation it ended with, for a body that ended with its host."""
    successor: str | None = None
    """What replaced it, where its own history names it (`replaced_by`)."""
    seen: date | None = None
    """The day of its latest own evidence (a 'continuing' event included), which outranks older national changes."""
    since_text: str = ""
    """That date as the evidence gives it ('July 2022'), for pages; '' for a national change's exact day."""
    cites: tuple[Citation, ...] = ()

    @property
    def in_place(self) -> bool:
        return self.status not in GONE


@dataclass(frozen=True, slots=True)
class SeatFate:
    """A seat on a body in place whose organisation has ended."""

    seat: str
    organisation: str
    since: date
    change: str
    successor: str | None
    """Who took the seat over, where a national change's transfer says so; None: not known."""
    cites: tuple[Citation, ...]


def within(index: Index, place: str, outer: Iterable[str]) -> bool:
    """Whether `place` is one of `outer` or lies within one of them (`Index.place_tree`)."""
    return index.place_tree.within(place, outer)


def changes_of(index: Index) -> list[NationalChange]:
    """National changes, oldest first (ties by id)."""
    found = [c for c in index.of_kind("reform") if isinstance(c, NationalChange)]
    return sorted(found, key=lambda c: (c.date.counts_from(), c.id))


def _applies(index: Index, change: NationalChange, org: Organisation, types: list[str]) -> bool:
    return org.type in types and any(within(index, p, change.places) for p in org.places)


def organisation_on(index: Index, changes: list[NationalChange], org: Organisation, day: date) -> Life:
    """An organisation's standing on `day`: its own dated events, and the national changes that apply to
    its type; whichever is later wins (evidence after a national change can say more)."""
    own = _own_life(org.events, day, "in-place")
    for change in changes:
        when = change.date.counts_from()
        if when <= day and _applies(index, change, org, list(change.ceases)):
            if own is not None and (not own.in_place or (own.seen or date.min) > when):
                return own  # already gone before the change, or its own later evidence says more
            reason = f"abolished on {day_text(when)} by the national change “{change.title}”"
            return Life("abolished", when, reason, change=change.id, cites=tuple(change.cites))
    if own is not None:
        return own
    for change in changes:
        when = change.date.counts_from()
        if when > day and _applies(index, change, org, list(change.establishes)):
            reason = f"established on {day_text(when)} by the national change “{change.title}”"
            return Life("not-yet", None, reason, change=change.id)
    return Life("in-place", None, "")


def _own_life(events: list[BodyEvent], day: date, established: str) -> Life | None:
    """The standing its own history gives on `day` (its latest event known by then), or None without
    history. `established` is the word for an established organisation ('in-place') or body."""
    if not events:
        return None
    known = [ev for ev in events if ev.date.counts_from() <= day]
    if not known:
        return Life("not-yet", None, "its first recorded event is later")
    ev = known[-1]
    seen = ev.date.counts_from()
    if ev.status == "continuing":
        # A later source shows it still in place: its status and date are those of its last change, if known.
        changes = [e for e in known if e.status != "continuing"]
        if changes and changes[-1].status in ("proposed", "shadow", "established"):
            ev = changes[-1]
        else:
            reason = f"shown still in place by {ev.date.text}: {ev.summary or ''}".rstrip(": ")
            return Life(established, None, reason, seen=seen, cites=tuple(ev.cites))
    status = established if ev.status == "established" else str(ev.status)
    since = ev.date.counts_from()
    words = ev.date.text if ev.date.start != ev.date.end else ""
    return Life(
        status, since, ev.summary or "", seen=seen, since_text=words, successor=ev.replaced_by, cites=tuple(ev.cites)
    )


def body_on(body: Body, hosts: Mapping[str, Life], day: date, name: Callable[[str], str] = str) -> Life:
    """A body's standing on `day`: its own history, then whether every host has ended (`name` gives a
    host's name for the reason)."""
    own = _own_life(body.history, day, "established")
    ended = [hosts[h] for h in body.hosted_by if h in hosts]
    if body.hosted_by and len(ended) == len(body.hosted_by) and all(not h.in_place for h in ended):
        last = max(ended, key=lambda h: h.since or date.min)
        when = last.since or date.min
        if own is None or (own.in_place and (own.seen or date.min) <= when):
            host = next(h for h in body.hosted_by if hosts[h] is last)
            why = f"ended with {name(host)}, {last.reason}"
            return Life("abolished", when, why, change=last.change, host=host, cites=last.cites)
    return own if own is not None else Life(None, None, "")


def transfer_of(change: NationalChange, org: str, what: str) -> Transfer | None:
    """The transfer by which `what` ('seats', 'functions', 'budgets') of `org` passed on, if recorded."""
    return next((t for t in change.transfers if t.organisation == org and what in t.what), None)


def seat_fates(body: Body, orgs: Mapping[str, Life], changes: Mapping[str, NationalChange]) -> tuple[SeatFate, ...]:
    """Seats of `body` drawn from organisations that have ended, with who took each over if known."""
    out = []
    for seat in body.seats:
        org = seat.organisation
        life = orgs.get(org) if org else None
        if org is None or life is None or life.in_place or life.change is None or life.since is None:
            continue
        passed = transfer_of(changes[life.change], org, "seats")
        successor = passed.successor if passed else None
        cites = tuple(passed.cites) if passed else life.cites
        out.append(SeatFate(seat.id, org, life.since, life.change, successor, cites))
    return tuple(out)


def lives_on(index: Index, day: date) -> tuple[dict[str, Life], dict[str, Life]]:
    """(organisation id -> Life, body id -> Life) on `day`: the whole register, by the rule above."""
    changes = changes_of(index)
    orgs = {
        o.id: organisation_on(index, changes, o, day)
        for o in index.of_kind("organisation")
        if isinstance(o, Organisation)
    }
    bodies = {b.id: body_on(b, orgs, day, index.title) for b in index.of_kind("body") if isinstance(b, Body)}
    return orgs, bodies


Steps = tuple[tuple[date, "Life"], ...]
"""A status as a step function of the date: (first day, Life), oldest first; the first starts at date.min."""


def life_steps(index: Index) -> dict[str, Steps]:
    """Every organisation's and body's status on every day its status can change.

    Why steps: the "as at" pages and any other date read the one rule without running it
    for the whole register on every day. An organisation can change only on the days of the
    national changes that apply to it; a body on its own history days and its hosts' days.
    """
    changes = changes_of(index)
    orgs = [o for o in index.of_kind("organisation") if isinstance(o, Organisation)]
    out: dict[str, Steps] = {}
    org_days: dict[str, list[date]] = {}
    for org in orgs:
        found = {c.date.counts_from() for c in changes if _applies(index, c, org, [*c.ceases, *c.establishes])}
        found |= {ev.date.counts_from() for ev in org.events}
        org_days[org.id] = sorted(found)
        points = [date.min, *org_days[org.id]]
        out[org.id] = _steps([organisation_on(index, changes, org, d) for d in points], points)
    for body in (b for b in index.of_kind("body") if isinstance(b, Body)):
        own = {ev.date.counts_from() for ev in body.history}  # its own events
        points = [date.min, *sorted(own | {d for h in body.hosted_by for d in org_days.get(h, [])})]
        lives = []
        for d in points:
            hosts = {h: life_at(out[h], d) for h in body.hosted_by if h in out}
            lives.append(body_on(body, hosts, d, index.title))
        out[body.id] = _steps(lives, points)
    return out


def _steps(lives: list[Life], days: list[date]) -> Steps:
    kept: list[tuple[date, Life]] = []
    for day, life in zip(days, lives, strict=True):
        if not kept or kept[-1][1] != life:
            kept.append((day, life))
    return tuple(kept)


def life_at(steps: Steps, day: date) -> Life:
    """The status a step function gives on `day`."""
    found = steps[0][1]
    for start, life in steps:
        if start > day:
            break
        found = life
    return found
