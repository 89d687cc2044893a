"""A plain-English opening sentence for record pages, built from the data.

Why: residents should read "Bolton Council and NHS Bolton CCG pool £160 million",
not a dump of fields. Every value is joined through `MD`, so data stays text.
"""

from __future__ import annotations

from ..markup import MD
from ..models import Body, Budget, Record
from ..models.milestone import Milestone, Tracked
from .links import Links, period

_UNITS = {"GBP millions": ("£", "m"), "GBP thousands": ("£", "k"), "GBP": ("£", "")}


def _and(parts: list[MD]) -> MD:
    if len(parts) <= 1:
        return MD("").join(parts)
    return MD(", ").join(parts[:-1]) + MD(" and ") + parts[-1]


def lead(links: Links, page: str, rec: Record, total: float | None = None) -> MD | None:
    """One or two sentences for the top of a record's page, or None. `total`: a budget's lines added up
    (`Derived.budget_sums`), given by the caller."""
    if isinstance(rec, Budget):
        who = _and([links.ref(c, page) for c in rec.contributors]) or MD("The partners")
        text = MD("{} pool {}").format(who, rec.headline or MD("a budget"))
        if rec.period:
            text += MD(" for ") + rec.period.text
        if rec.held_by:
            text += MD(", overseen by the ") + links.ref(rec.held_by, page)
        text += MD(".")
        if rec.lines and total is not None:
            before, after = _UNITS[rec.unit]
            text += MD(" The {} lines the paper lists add up to {}.").format(
                len(rec.lines), f"{before}{total:g}{after}"
            )
        return text
    if isinstance(rec, Body):
        text = MD("A {} in {}").format(rec.type.replace("-", " "), _and([links.ref(p, page) for p in rec.places]))
        if rec.hosted_by:
            text += MD(", formed by ") + _and([links.ref(o, page) for o in rec.hosted_by])
        text += MD(".")
        if rec.reports_to:
            text += MD(" It reports to {}.").format(_and([links.ref(b, page) for b in rec.reports_to]))
        if rec.seats and all(s.count for s in rec.seats):
            seats = sum(s.count or 0 for s in rec.seats)
            text += MD(" The paper lists {} seats in {} roles.").format(seats, len(rec.seats))
        elif rec.seats:
            text += MD(" The paper lists {} roles (not every seat count is stated).").format(len(rec.seats))
        return text
    if isinstance(rec, Tracked):
        text = MD("Due ") + period(rec.due) if rec.due else MD("No due date given")
        actors = rec.actors()
        if actors:
            verb = "owned" if isinstance(rec, Milestone) else "made"
            text += MD("; {} by {}").format(verb, _and([links.ref(o, page) for o in actors]))
        return text + MD(".")
    return None
