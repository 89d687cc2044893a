"""Two voices on every milestone and commitment: the body's own and an independent one.

Why: Healthwatch needs to see what a body says about its own promises beside
what a reviewer found, each with its date and evidence, and where they differ.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .dates import Period
from .index import Index
from .models import Record, Review
from .models.common import Citation
from .status import LABELS, StatusAt, known_by, status_at


@dataclass(frozen=True, slots=True)
class Verdict:
    """The latest independent verdict known by a date."""

    status: str
    day: date
    by: str | None
    summary: str
    cites: tuple[Citation, ...]
    url: str | None = None  # a review's evidence_url, when its evidence is not a paper in the register

    @property
    def label(self) -> str:
        return LABELS[self.status]


@dataclass(frozen=True, slots=True)
class Voices:
    own: StatusAt
    independent: Verdict | None

    @property
    def differ(self) -> bool:
        """The reviewer's verdict differs from the body's own latest status."""
        return self.independent is not None and self.independent.status != self.own.status


def reviews_by_subject(index: Index) -> dict[str, list[Review]]:
    """Reviews grouped by the record they judge (computed once per build)."""
    out: dict[str, list[Review]] = defaultdict(list)
    for rec in index.of_kind("review"):
        if isinstance(rec, Review):
            out[rec.subject].append(rec)
    return out


def voices_at(rec: Record, reviews: list[Review], day: date) -> Voices:
    """Both voices on `rec` as at `day`."""
    updates = list(getattr(rec, "updates", []) or [])
    due: Period | None = getattr(rec, "due", None)
    own = status_at(updates, due, day, voice="self")
    candidates: list[tuple[date, int, Verdict]] = []
    for i, u in enumerate(updates):
        if u.voice == "independent" and known_by(u) <= day:
            candidates.append(
                (known_by(u), i, Verdict(u.status, known_by(u), u.reported_by, u.summary, tuple(u.cites)))
            )
    for j, r in enumerate(reviews):
        when = r.date.end or r.date.start or date.min
        if when <= day:
            verdict = Verdict(r.verdict, when, r.reviewer, r.summary, tuple(r.cites), r.evidence_url)
            candidates.append((when, len(updates) + j, verdict))
    latest = max(candidates, key=lambda c: (c[0], c[1]), default=None)
    return Voices(own, latest[2] if latest else None)
