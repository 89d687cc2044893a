"""Public rule checks: findings computed at build time, published on the Checks page and in JSON.

Each rule is a small function `(index, as_of) -> list[Finding]` in its own
module, listed in RULES; adding a rule means adding a module and one line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..index import Index


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One rule's finding about one or more records."""

    rule: str
    records: tuple[str, ...]
    message: str


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    explanation: str
    run: Callable[[Index, date], list[Finding]]


def all_rules() -> list[Rule]:
    from . import bodies, budgets, glossary, requirements, stale

    return [
        stale.RULE,
        bodies.NO_CHAIR,
        bodies.NO_DECISION_RULE,
        requirements.REQUIREMENT_NOT_MET,
        requirements.MEMBERSHIP_NOT_RECORDED,
        budgets.RULE,
        glossary.RULE,
    ]


def run_checks(index: Index, as_of: date) -> list[tuple[Rule, list[Finding]]]:
    """Every rule with its findings, in rule order; findings sorted."""
    return [(rule, sorted(rule.run(index, as_of))) for rule in all_rules()]
