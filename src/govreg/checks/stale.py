"""Overdue items with no update for more than six months."""

from __future__ import annotations

from datetime import date, timedelta

from ..index import Index
from ..status import known_by, status_at
from . import Finding, Rule

STALE_AFTER = timedelta(days=183)


def run(index: Index, as_of: date) -> list[Finding]:
    out = []
    for kind in ("milestone", "commitment"):
        for rec in index.of_kind(kind):
            updates = getattr(rec, "updates", [])
            st = status_at(updates, getattr(rec, "due", None), as_of)
            if not st.overdue:
                continue
            last = max((known_by(u) for u in updates if known_by(u) <= as_of), default=None)
            if last is None or as_of - last > STALE_AFTER:
                when = f"last update {last:%-d %B %Y}" if last else "no update at all"
                out.append(Finding(RULE.id, (rec.id,), f"{rec.title_text()}: overdue, {when}."))
    return out


RULE = Rule(
    "stale-overdue",
    "Overdue with no update for six months",
    "A milestone or commitment whose due period has ended, not marked done, superseded or dropped, "
    "with no update in the six months before the as-of date.",
    run,
)
