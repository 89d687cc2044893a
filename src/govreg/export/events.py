"""Dated events of the register: status updates and body/organisation history.

Why: the Atom feed, the Changes page and "changed since" views all list the
same events, so they are gathered once here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..index import Index
from ..models.common import Citation
from ..status import LABELS, known_by


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened to a record on a day, with its evidence."""

    day: date
    record: str
    kind: str
    number: int
    status: str
    summary: str
    cites: tuple[Citation, ...]
    places: tuple[str, ...]
    voice: str = "self"

    @property
    def key(self) -> str:
        return f"{self.record}/{self.number}"

    @property
    def label(self) -> str:
        return LABELS.get(self.status, self.status.capitalize())


def events(index: Index, until: date | None = None) -> list[Event]:
    """Every dated event known by `until` (all when None), newest first."""
    out: list[Event] = []
    for rid, item in index.records.items():
        rec = item.record
        places = tuple(getattr(rec, "places", []) or [])
        for n, u in enumerate(getattr(rec, "updates", []) or [], 1):
            out.append(Event(known_by(u), rid, item.kind.name, n, u.status, u.summary, tuple(u.cites), places, u.voice))
        for n, h in enumerate(getattr(rec, "history", []) or [], 1):
            day = h.date.end or h.date.start
            if day is None:
                continue
            summary = getattr(h, "summary", None) or f"{rec.title_text()}: {h.status}."
            out.append(Event(day, rid, item.kind.name, n, h.status, summary, tuple(h.cites), places))
    if until is not None:
        out = [e for e in out if e.day <= until]
    return sorted(out, key=lambda e: (e.day, e.record, e.number), reverse=True)
