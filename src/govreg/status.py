"""The status rule: one function for every voice, every date and every page.

The rule, as the About page states it:

- A milestone or commitment has a *timeline*: the dated updates in its record and
  the independent reviews of it. Each entry counts from the last day of the period
  it is dated ("April 2019" counts from 30 April 2019).
- As at a day, a voice's status is that of its latest entry counting by then; two
  entries counting on the same day keep the data's order (updates as written, then
  reviews by id). With no entry, the status is "no evidence".
- The voices: the body's own (updates it reports on itself), each independent
  reviewer (independent updates and reviews, by reviewer), and the register's
  overall status (every entry: the most recent evidence, whoever gave it).
- Overdue: the due period ended before the day and the status is still open
  (no evidence, planned or in progress).

The About page states the rule in the words of `RULE_TEXT` (a test keeps them equal).

Why one module: the record page, the registers, the "as at" pages, the exports,
the rule checks and the browser's date picker all show this status; each reads it
from here (the browser through the steps published in `data/status.json`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .dates import Period
from .models.common import Citation

Voice = Literal["self", "independent"]

RULE_TEXT = (
    "A milestone or commitment's status as at a date comes from its timeline: the dated updates in its "
    "record and the verdicts of independent reviewers, each counting from the last day of the period it is "
    'dated (an update dated "April 2019" counts from 30 April 2019). The status as at a date is that of the '
    "latest entry counting by then; entries counting on the same day keep the order they are written in "
    '(updates first, then reviews). With no entry, the status is "No evidence". The register shows three '
    "voices: the body's own (the updates it reports on itself), each independent reviewer's, and the "
    "register's status, which is the most recent evidence whoever gave it. An item is overdue when its due "
    "period ended before the date and its status is still open: no evidence, planned or in progress."
)
"""The rule in plain words, as the About and Data model pages print it."""

LABELS = {
    "no-evidence": "No evidence",
    "planned": "Planned",
    "in-progress": "In progress",
    "done": "Done",
    "changed": "Changed",
    "superseded": "Superseded",
    "missed": "Missed",
    "dropped": "Dropped",
}
"""Every status a milestone or commitment can have as at a date, with its label."""

OPEN = frozenset({"no-evidence", "planned", "in-progress"})
"""Statuses that leave an item open: past its due period, an open item is overdue."""

ORDER = ["overdue", "no-evidence", "planned", "in-progress", "changed", "missed", "done", "superseded", "dropped"]
"""The order registers list statuses in (filters, counts)."""


def label_of(status: str, overdue: bool = False) -> str:
    """The words a page shows for a status, e.g. 'In progress (overdue)'."""
    return LABELS[status] + (" (overdue)" if overdue else "")


def filter_of(status: str, overdue: bool) -> str:
    """The register filter an item falls in: its status, or 'overdue'."""
    return "overdue" if overdue else status


def known_by(period: Period) -> date:
    """The day from which an entry dated `period` counts."""
    return period.end or period.start or date.min


@dataclass(frozen=True, slots=True)
class Entry:
    """One dated entry of a record's timeline: an update or an independent review."""

    day: date
    status: str
    voice: Voice
    by: str | None
    date_text: str
    summary: str
    cites: tuple[Citation, ...]
    origin: str
    """'update N' (1-based, in the record) or the review's id."""
    reconfirmed: bool = False
    quote: str | None = None
    successor_id: str | None = None
    successor_name: str | None = None
    url: str | None = None
    """A review's evidence on the web, when it is not a paper in the register."""


@dataclass(frozen=True, slots=True)
class StatusAt:
    """A status as at one day, with the entry it comes from."""

    status: str
    entry: Entry | None
    overdue: bool

    @property
    def label(self) -> str:
        return label_of(self.status, self.overdue)

    @property
    def css(self) -> str:
        return "gr-" + filter_of(self.status, self.overdue)

    @property
    def filter(self) -> str:
        return filter_of(self.status, self.overdue)


def status_at(
    timeline: tuple[Entry, ...],
    due: Period | None,
    day: date,
    voice: Voice | None = None,
    reviewer: str | None = None,
) -> StatusAt:
    """The status as at `day` from the entries of one voice (`None`: every entry) and reviewer
    (`None`: any; `""`: entries that name no reviewer).

    `timeline` is in timeline order (see `sort_timeline`), so the latest entry counting
    by `day` is the last one that does.
    """
    latest: Entry | None = None
    for entry in timeline:
        if entry.day > day:
            break
        if (voice is None or entry.voice == voice) and (reviewer is None or (entry.by or "") == reviewer):
            latest = entry
    status = latest.status if latest else "no-evidence"
    overdue = bool(due is not None and due.ended_before(day) and status in OPEN)
    return StatusAt(status, latest, overdue)


def sort_timeline(entries: list[Entry]) -> tuple[Entry, ...]:
    """Timeline order: by the day each entry counts from; ties keep the data's order."""
    return tuple(sorted(entries, key=lambda e: e.day))


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a record stands as at one day, in every voice."""

    day: date
    overall: StatusAt
    own: StatusAt
    reviewers: tuple[tuple[str, StatusAt], ...]
    """Each independent reviewer's latest verdict, by reviewer id (reviewers with a verdict by `day`)."""
    independent: StatusAt | None
    """The latest independent verdict of any reviewer, or None."""

    @property
    def differ(self) -> bool:
        """An independent verdict differs from the body's own status."""
        return self.independent is not None and self.independent.status != self.own.status


def standing_at(timeline: tuple[Entry, ...], due: Period | None, day: date) -> Standing:
    """Every voice on one record as at `day`."""
    reviewers = sorted({e.by or "" for e in timeline if e.voice == "independent" and e.day <= day})
    verdicts = tuple((r, status_at(timeline, due, day, "independent", r)) for r in reviewers)
    independent = status_at(timeline, due, day, "independent")
    return Standing(
        day=day,
        overall=status_at(timeline, due, day),
        own=status_at(timeline, due, day, "self"),
        reviewers=verdicts,
        independent=independent if independent.entry is not None else None,
    )


@dataclass(frozen=True, slots=True)
class Step:
    """From `start` (None: from the beginning) the overall status is `status`, until the next step."""

    start: date | None
    status: str
    overdue: bool

    @property
    def label(self) -> str:
        return label_of(self.status, self.overdue)


def steps(timeline: tuple[Entry, ...], due: Period | None) -> tuple[Step, ...]:
    """The overall status as a step function of the date, for the browser's date picker.

    Why: the picker must give the same answer as every page for any date without a
    copy of the rule; the status only changes on the days entries count from and on
    the day after the due period ends, so those days are all it needs.
    """
    days = sorted({e.day for e in timeline} | ({due.end + timedelta(days=1)} if due and due.end else set()))
    out: list[Step] = []
    first = status_at(timeline, due, date.min)
    out.append(Step(None, first.status, first.overdue))
    for day in days:
        st = status_at(timeline, due, day)
        if (st.status, st.overdue) != (out[-1].status, out[-1].overdue):
            out.append(Step(day, st.status, st.overdue))
    return tuple(out)
