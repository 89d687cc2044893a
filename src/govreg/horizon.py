"""Each place's evidence horizon: how far the register's evidence about it reaches.

A status is only as good as the evidence behind it. A place's *local* horizon is the
date of the newest local evidence the register holds about it: the papers that cover it
(sources listing the place) and independent reviews of its items. Its *national* horizon
is the newest national change or national paper that applies to it. Pages state both, in
the manner of legislation.gov.uk's point-in-time views ("Bolton: local papers up to
8 January 2021; national changes up to 1 July 2022"), and open items are judged against
the local horizon (see `status`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .dates import day_text
from .index import Index
from .lifecycle import changes_of, within
from .models import Place, Review, Source
from .models.milestone import Tracked


@dataclass(frozen=True, slots=True)
class Horizon:
    """How far the evidence about one place reaches on one day."""

    place: str
    local: date | None
    """The newest local evidence (a paper covering the place, a review of its items), or None."""
    local_from: str | None
    """The id of that paper or review."""
    national: date | None
    """The newest national change or national paper applying to the place, or None."""
    national_from: str | None

    def words(self) -> str:
        """'local papers up to 8 January 2021; national changes up to 1 July 2022'."""
        local = f"local papers up to {day_text(self.local)}" if self.local else "no local papers"
        national = f"national changes up to {day_text(self.national)}" if self.national else "no national changes"
        return f"{local}; {national}"

    def sentence(self, name: str) -> str:
        """'Bolton: local papers up to 8 January 2021; national changes up to 1 July 2022.'"""
        return f"{name}: {self.words()}."


Dated = tuple[tuple[date, str], ...]
"""(day, record id) pairs, oldest first."""


def local_evidence(index: Index) -> dict[str, Dated]:
    """Place id -> its local evidence, oldest first: papers listing the place, reviews of its items."""
    out: dict[str, list[tuple[date, str]]] = defaultdict(list)
    for src in index.of_kind("source"):
        if isinstance(src, Source):
            for place in dict.fromkeys(src.places):
                out[place].append((src.date.counts_from(), src.id))
    for rev in index.of_kind("review"):
        subject = index.get(rev.subject) if isinstance(rev, Review) and rev.subject in index.records else None
        if isinstance(rev, Review) and isinstance(subject, Tracked):
            for place in dict.fromkeys(subject.places):
                out[place].append((rev.date.counts_from(), rev.id))
    return {place: tuple(sorted(days)) for place, days in out.items()}


def national_evidence(index: Index) -> dict[str, Dated]:
    """Place id -> national changes and national papers that apply to it, oldest first."""
    places = [p for p in index.of_kind("place") if isinstance(p, Place)]
    nations = {p.id for p in places if p.type == "nation"}
    papers = [
        (s.date.counts_from(), s.id, s.places)
        for s in index.of_kind("source")
        if isinstance(s, Source) and nations.intersection(s.places)
    ]
    changes = [(c.date.counts_from(), c.id, c.places) for c in changes_of(index)]
    out: dict[str, Dated] = {}
    for place in places:
        found = [(day, rid) for day, rid, where in papers + changes if within(index, place.id, where)]
        out[place.id] = tuple(sorted(found))
    return out


def _newest(dated: Dated, day: date) -> tuple[date | None, str | None]:
    known = [d for d in dated if d[0] <= day]
    return known[-1] if known else (None, None)


def horizons_on(
    local: Mapping[str, Dated], national: Mapping[str, Dated], places: list[str], day: date
) -> dict[str, Horizon]:
    """Place id -> its horizon on `day`."""
    out = {}
    for place in places:
        at, src = _newest(local.get(place, ()), day)
        nat, nsrc = _newest(national.get(place, ()), day)
        out[place] = Horizon(place, at, src, nat, nsrc)
    return out
