"""The rules the Checks page runs, in the order it shows them."""

from __future__ import annotations

from . import bodies, budgets, glossary, requirements, stale, unreported
from .rule import Rule

RULES: tuple[Rule, ...] = (
    stale.RULE,
    unreported.RULE,
    bodies.NO_CHAIR,
    bodies.NO_DECISION_RULE,
    requirements.REQUIREMENT_NOT_MET,
    requirements.REQUIREMENT_NOT_SHOWN,
    requirements.MEMBERSHIP_NOT_RECORDED,
    budgets.RULE,
    glossary.RULE,
)
