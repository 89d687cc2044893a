"""The register at each quarter end: counts by status and what changed since the quarter before.

Why: the "as at" pages are the no-JavaScript fallback of the date picker. Each lists only what
changed since the quarter before (listing every item on every page made them grow with items
times quarters). What changed is a derived fact, worked out once here by the same rules as
everything else (`Derived.standing_on`, `Derived.life_on`, `Derived.horizons_on`), so the
pages only print it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .dates import quarter_ends
from .horizon import Horizon
from .lifecycle import Life
from .status import ORDER, Standing


@dataclass(frozen=True, slots=True)
class Change:
    """A tracked record whose shown status changed since the quarter before."""

    record: str
    before: Standing | None
    """Its standing at the quarter before; None on the first quarter, or when it was not yet in the register."""
    now: Standing


@dataclass(frozen=True, slots=True)
class Quarter:
    """The register as it stood on one day of `days`."""

    day: date
    previous: date | None
    changed: tuple[Change, ...]
    """Tracked records whose status, overdue flag, own status or independent verdict changed, in `tracked`
    order. On the first day: every record with a status, or overdue, by then."""
    counts: tuple[tuple[str, int], ...]
    """(register filter, how many), in the register's filter order, non-zero only."""
    lives: tuple[tuple[str, Life], ...]
    """Organisations and bodies that came into place or ended since the quarter before, by id."""
    horizons: Mapping[str, Horizon]
    """Place id -> how far the evidence about it reached on the day."""


def as_at_days(starts: Iterable[date], as_of: date) -> tuple[date, ...]:
    """Quarter ends from the earliest paper's first day to the as-of date, and the as-of date itself."""
    first = min(starts, default=None)
    if first is None:
        return (as_of,)
    return tuple(sorted({*quarter_ends(first, as_of), as_of}))


def _shown(st: Standing) -> tuple[str, bool, str, str | None]:
    """What an "as at" row prints of a standing: a change in any of it is a change."""
    return (st.overall.status, st.overall.overdue, st.own.status, st.independent.status if st.independent else None)


def _changed(days: tuple[date, ...], after: date, until: date) -> bool:
    """Whether any of `days` (sorted) falls after `after` and on or before `until`."""
    i = bisect_right(days, after)
    return i < len(days) and days[i] <= until


def quarters(
    days: Iterable[date],
    tracked: Mapping[str, tuple[date, ...]],
    standing_on: Callable[[str, date], Standing],
    lives: Iterable[str],
    life_on: Callable[[str, date], Life],
    horizons_on: Callable[[date], Mapping[str, Horizon]],
) -> tuple[Quarter, ...]:
    """Each day of `days` (oldest first), with what changed since the day before it. `tracked`: each
    tracked record's `status.change_days`, in register order; a record with none since the quarter
    before stands as it did, so it is not worked out again (a national register has tens of
    thousands of record-quarters, few of which change)."""
    lives = tuple(sorted(lives))
    out: list[Quarter] = []
    before: dict[str, Standing] = {}
    previous: date | None = None
    for day in days:
        was = previous or date.min
        came_or_went = tuple(
            (rid, now) for rid in lives if (now := life_on(rid, day)).in_place != life_on(rid, was).in_place
        )
        now_standing = {
            rid: before[rid] if previous is not None and not _changed(changes, previous, day) else standing_on(rid, day)
            for rid, changes in tracked.items()
        }
        changed = [
            Change(rid, before.get(rid), st)
            for rid, st in now_standing.items()
            if rid not in before or _shown(before[rid]) != _shown(st)
        ]
        if previous is None:
            changed = [c for c in changed if c.now.overall.status != "no-evidence" or c.now.overall.overdue]
        tally = Counter(st.overall.filter for st in now_standing.values())
        out.append(
            Quarter(
                day,
                previous,
                tuple(changed),
                tuple((s, tally[s]) for s in ORDER if tally[s]),
                came_or_went,
                horizons_on(day),
            )
        )
        before, previous = now_standing, day
    return tuple(out)
