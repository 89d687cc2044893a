"""Overdue items with no update for more than six months."""

from __future__ import annotations

from datetime import date, timedelta

from ..index import Index
from .rule import Finding, Inputs, Rule

STALE_AFTER = timedelta(days=183)


def run(index: Index, inputs: Inputs, as_of: date) -> list[Finding]:
    out = []
    for rid, st in inputs.standing.items():
        if not st.overall.overdue:
            continue
        last = st.overall.entry.day if st.overall.entry else None
        if last is None or as_of - last > STALE_AFTER:
            when = f"last update {last:%-d %B %Y}" if last else "no update at all"
            out.append(Finding(RULE.id, (rid,), f"Overdue, {when}.", index.title(rid)))
    return out


RULE = Rule(
    "stale-overdue",
    "Overdue with no update for six months",
    "A milestone or commitment whose due period ended before the newest local paper about its place while its "
    "status (the register's: the most recent evidence, whoever gave it) is still open (no evidence, planned or "
    "in progress), with no update or review in the six months before the as-of date.",
    run,
)
