"""Open items that fell due after their place's last paper: not overdue, but not reported on either."""

from __future__ import annotations

from datetime import date

from ..dates import day_text
from ..index import Index
from .rule import Finding, Inputs, Rule


def run(index: Index, inputs: Inputs, as_of: date) -> list[Finding]:
    out = []
    for rid, st in inputs.standing.items():
        since = st.overall.unreported
        if since is not None:
            text = f"Still open; fell due after {day_text(since)}, the place's last paper."
            out.append(Finding(RULE.id, (rid,), text, index.title(rid)))
    return out


RULE = Rule(
    "not-reported",
    "Fell due after the place's last paper",
    "A milestone or commitment still open (no evidence, planned or in progress) whose due period ended after "
    "the newest local paper the register holds about its place and before the as-of date: no paper held could "
    "have reported it done, so it is counted apart from overdue. A later paper about the place would settle it.",
    run,
)
