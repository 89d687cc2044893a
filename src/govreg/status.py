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

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .dates import Period, day_text
from .models.common import Citation

Voice = Literal["self", "independent", "reported"]
VOICE_WORDS: dict[str, str] = {
    "self": "self-reported",
    "independent": "independent review",
    "reported": "reported by a third party",
}
"""How each voice reads in running text (the Atom feed's entries, the status history)."""

RULE_TEXT = (
    "A milestone or commitment's status as at a date comes from its timeline: the dated updates in its "
    "record and the verdicts of independent reviewers, each counting from the last day of the period it is "
    'dated (an update dated "April 2019" counts from 30 April 2019). The status as at a date is that of the '
    "latest entry counting by then; entries counting on the same day keep the order they are written in "
    '(updates first, then reviews). With no entry, the status is "No evidence". The register shows three '
    "voices: the body's own (the updates it reports on itself), each independent reviewer's, and the "
    "register's status, which is the most recent evidence whoever gave it. Each voice is judged against "
    "its place's evidence horizon, the date of the newest local evidence the register holds about the "
    "place by the date. An item is overdue when its due period ended before that horizon and its status "
    "is still open (no evidence, planned or in progress); an open item whose due period ended after the "
    'horizon but before the date is "not reported since" the horizon, counted apart from overdue; an open '
    'item with no due date says "no evidence since" its latest entry, or since the paper that recorded it.'
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

ORDER = [
    "overdue",
    "not-reported",
    "no-evidence",
    "planned",
    "in-progress",
    "changed",
    "missed",
    "done",
    "superseded",
    "dropped",
]
"""The order registers list statuses in (filters, counts)."""

FILTER_LABELS = {
    **LABELS,
    "overdue": "Overdue",
    "not-reported": "Not reported since the last local paper",
}
"""The words for each register filter: every status, and the two that judge open items against the horizon."""


def label_of(status: str, overdue: bool = False, unreported: date | None = None, quiet: date | None = None) -> str:
    """The words a page shows for a status, e.g. 'In progress (overdue)',
    'Planned (not reported since 8 January 2021)', 'Planned (no evidence since 15 July 2019)'."""
    if overdue:
        return LABELS[status] + " (overdue)"
    if unreported is not None:
        return f"{LABELS[status]} (not reported since {day_text(unreported)})"
    if quiet is not None:
        return f"{LABELS[status]} (no evidence since {day_text(quiet)})"
    return LABELS[status]


def filter_of(status: str, overdue: bool, unreported: date | None = None) -> str:
    """The register filter an item falls in: 'overdue', 'not-reported', or its status."""
    if overdue:
        return "overdue"
    return "not-reported" if unreported is not None else status


def horizon_at(days: tuple[date, ...], day: date) -> date | None:
    """The evidence horizon on `day`: the newest of `days` (sorted) on or before it, or None."""
    i = bisect_right(days, day)
    return days[i - 1] if i else None


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
    """A status as at one day, with the entry it comes from and how far the evidence reaches."""

    status: str
    entry: Entry | None
    overdue: bool
    """Open, and due before the place's evidence horizon: a later paper could have reported it done."""
    unreported: date | None = None
    """Open, due before the day but after the horizon: the horizon (not reported since then)."""
    quiet: date | None = None
    """Open with no due date: the day of the latest evidence on it (no evidence since then)."""

    @property
    def label(self) -> str:
        return label_of(self.status, self.overdue, self.unreported, self.quiet)

    @property
    def css(self) -> str:
        return "gr-" + self.filter

    @property
    def filter(self) -> str:
        return filter_of(self.status, self.overdue, self.unreported)


@dataclass(frozen=True, slots=True)
class Judged:
    """What a status is judged against, besides its timeline: due period, horizon, first record."""

    due: Period | None
    horizon: tuple[date, ...] = ()
    """Days of the local evidence on the item's places, sorted (empty: judge against the day itself)."""
    made: date | None = None
    """The day the item was first recorded (its earliest paper), for 'no evidence since'."""

    def horizon_on(self, day: date) -> date:
        """The day open items are judged against on `day`: its place's evidence horizon then, else `day`."""
        if not self.horizon:
            return day
        found = horizon_at(self.horizon, day)
        return min(found, day) if found is not None else date.min


def status_at(
    timeline: tuple[Entry, ...],
    judged: Judged,
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
    if status not in OPEN:
        return StatusAt(status, latest, False)
    due = judged.due
    if due is None:
        heard = latest.day if latest else (judged.made if judged.made and judged.made <= day else None)
        return StatusAt(status, latest, False, quiet=heard)
    horizon = judged.horizon_on(day)
    if due.ended_before(horizon):
        return StatusAt(status, latest, True)
    if due.ended_before(day):
        return StatusAt(status, latest, False, unreported=horizon if horizon > date.min else None)
    return StatusAt(status, latest, False)


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


def standing_at(timeline: tuple[Entry, ...], judged: Judged, day: date) -> Standing:
    """Every voice on one record as at `day`."""
    reviewers = sorted({e.by or "" for e in timeline if e.voice == "independent" and e.day <= day})
    verdicts = tuple((r, status_at(timeline, judged, day, "independent", r)) for r in reviewers)
    independent = status_at(timeline, judged, day, "independent")
    return Standing(
        day=day,
        overall=status_at(timeline, judged, day),
        own=status_at(timeline, judged, day, "self"),
        reviewers=verdicts,
        independent=independent if independent.entry is not None else None,
    )


@dataclass(frozen=True, slots=True)
class Step:
    """From `start` (None: from the beginning) the overall status is `at`, until the next step."""

    start: date | None
    at: StatusAt

    @property
    def status(self) -> str:
        return self.at.status

    @property
    def overdue(self) -> bool:
        return self.at.overdue

    @property
    def label(self) -> str:
        return self.at.label

    @property
    def filter(self) -> str:
        return self.at.filter


def change_days(timeline: tuple[Entry, ...], judged: Judged) -> tuple[date, ...]:
    """The only days a record's standing can change, oldest first: the days its entries count from,
    the days its place's evidence horizon moves, the day it was first recorded and the day after its
    due period ends. Between two of them, every voice stands as it did."""
    due = judged.due
    days = {e.day for e in timeline} | set(judged.horizon)
    if due and due.end:
        days.add(due.end + timedelta(days=1))
    if judged.made:
        days.add(judged.made)
    return tuple(sorted(days))


def steps(timeline: tuple[Entry, ...], judged: Judged) -> tuple[Step, ...]:
    """The overall status as a step function of the date, for the browser's date picker.

    Why: the picker must give the same answer as every page for any date without a
    copy of the rule; the status only changes on `change_days`, so those days are all it needs.
    """
    out = [Step(None, status_at(timeline, judged, date.min))]
    for day in change_days(timeline, judged):
        st = status_at(timeline, judged, day)
        if (st.status, st.label) != (out[-1].status, out[-1].label):
            out.append(Step(day, st))
    return tuple(out)
