"""Bodies without a recorded chair or decision rule."""

from __future__ import annotations

from datetime import date

from ..index import Index
from ..models import Body
from .rule import Finding, Inputs, Rule

DECIDING = {"board", "committee", "joint-committee", "governing-body", "partnership", "senate", "cabinet"}


def _bodies(index: Index) -> list[Body]:
    return [b for b in index.of_kind("body") if isinstance(b, Body) and b.type in DECIDING]


def no_chair(index: Index, inputs: Inputs, as_of: date) -> list[Finding]:
    return [
        Finding("no-chair", (b.id,), "No chairing arrangement recorded.", b.name)
        for b in _bodies(index)
        if not b.chairing and not any(s.chair for s in b.seats)
    ]


def no_decision_rule(index: Index, inputs: Inputs, as_of: date) -> list[Finding]:
    return [
        Finding("no-decision-rule", (b.id,), "No decision rule recorded.", b.name)
        for b in _bodies(index)
        if not b.decision_rule
    ]


NO_CHAIR = Rule(
    "no-chair",
    "Body with no chair recorded",
    "A board, committee or partnership whose chairing arrangement the papers do not state.",
    no_chair,
)
NO_DECISION_RULE = Rule(
    "no-decision-rule",
    "Body with no decision rule recorded",
    "A board, committee or partnership whose way of deciding (consensus, vote, referral) the papers do not state.",
    no_decision_rule,
)
