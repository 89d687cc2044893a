"""A plain-English opening sentence for record pages, built from the data.

Why: residents should read "Bolton Council and NHS Bolton CCG pool £160 million",
not a dump of fields. Every value still goes through the escaping helpers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import Markup

from .index import budget_total
from .markup import escape_text
from .models import Body, Budget, Commitment, Milestone, Record

if TYPE_CHECKING:
    from .render import Ctx

_UNITS = {"GBP millions": ("£", "m"), "GBP thousands": ("£", "k"), "GBP": ("£", "")}


def _and(parts: list[Markup]) -> Markup:
    if len(parts) <= 1:
        return Markup("").join(parts)
    return Markup(", ").join(parts[:-1]) + Markup(" and ") + parts[-1]


def lead(ctx: Ctx, rec: Record) -> Markup | None:
    """One or two sentences for the top of a record's page, or None."""
    if isinstance(rec, Budget):
        who = _and([ctx.ref(c) for c in rec.contributors]) or Markup("The partners")
        size = rec.headline or ""
        text = Markup(f"{who} pool {escape_text(size) if size else 'a budget'}")
        if rec.period:
            text += Markup(f" for {escape_text(rec.period.text)}")
        if rec.held_by:
            text += Markup(f", overseen by the {ctx.ref(rec.held_by)}")
        text += Markup(".")
        if rec.lines:
            before, after = _UNITS[rec.unit]
            text += Markup(
                f" The {len(rec.lines)} lines the paper lists add up to "
                f"{escape_text(f'{before}{budget_total(rec):g}{after}')}."
            )
        return text
    if isinstance(rec, Body):
        kind = rec.type.replace("-", " ")
        text = Markup(f"A {escape_text(kind)} in {_and([ctx.ref(p) for p in rec.places])}")
        if rec.hosted_by:
            text += Markup(f", formed by {_and([ctx.ref(o) for o in rec.hosted_by])}")
        text += Markup(".")
        if rec.reports_to:
            text += Markup(f" It reports to {_and([ctx.ref(b) for b in rec.reports_to])}.")
        if rec.seats and all(s.count for s in rec.seats):
            seats = sum(s.count or 0 for s in rec.seats)
            text += Markup(f" The paper lists {seats} seats in {len(rec.seats)} roles.")
        elif rec.seats:
            text += Markup(f" The paper lists {len(rec.seats)} roles (not every seat count is stated).")
        return text
    if isinstance(rec, (Milestone, Commitment)):
        owners = rec.owners if isinstance(rec, Milestone) else rec.made_by
        text = Markup("Due ") + ctx.period(rec.due) if rec.due else Markup("No due date given")
        if owners:
            text += Markup(
                f"; {'owned' if isinstance(rec, Milestone) else 'made'} by {_and([ctx.ref(o) for o in owners])}"
            )
        return text + Markup(".")
    return None
