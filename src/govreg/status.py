"""Status as at a date, for milestones and commitments.

Rules (shown on the site's "About the data" page):
- an update counts from the end of the period it is dated (an update dated
  "April 2019" is known by 30 April 2019);
- the status as at a date is that of the latest update that counts by then;
  with none, it is "no evidence";
- overdue: the due period ended before the date, and no update by then says
  done, superseded or dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import Period
from .models.common import StatusUpdate

CLOSED = frozenset({"done", "superseded", "dropped"})
LABELS = {
    "planned": "Planned",
    "in-progress": "In progress",
    "done": "Done",
    "changed": "Changed",
    "superseded": "Superseded",
    "missed": "Missed",
    "dropped": "Dropped",
    "no-evidence": "No evidence",
}


def known_by(update: StatusUpdate) -> date:
    """The day from which an update counts."""
    d = update.date
    return d.end or d.start or date.min


@dataclass(frozen=True, slots=True)
class StatusAt:
    """A record's status as at one date."""

    status: str
    update: StatusUpdate | None
    overdue: bool

    @property
    def label(self) -> str:
        return LABELS[self.status] + (" (overdue)" if self.overdue else "")


def status_at(updates: list[StatusUpdate], due: Period | None, day: date, voice: str | None = None) -> StatusAt:
    """Status as at `day`, from the updates of one voice (or all when None)."""
    counted = [u for u in updates if known_by(u) <= day and (voice is None or u.voice == voice)]
    latest = max(reversed(counted), key=known_by, default=None)  # ties: the later entry
    status = latest.status if latest else "no-evidence"
    overdue = bool(due and due.ended_before(day) and status not in CLOSED)
    return StatusAt(status, latest, overdue)
