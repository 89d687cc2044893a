"""Public rule checks: findings computed at build time, published on the Checks page and in JSON.

Each rule is a small function `(index, inputs, as_of) -> list[Finding]` in its
own module, listed in `rules.RULES`; adding a rule means adding a module and one line.
`inputs` holds every tracked record's status as at the as-of date and every body's
compliance, computed once by `derive` (rules never work them out for themselves).
"""

from __future__ import annotations

from datetime import date

from ..index import Index
from .rule import Finding, Inputs, Rule, Standings
from .rules import RULES


def run_checks(index: Index, inputs: Inputs, as_of: date) -> list[tuple[Rule, list[Finding]]]:
    """Every rule with its findings, in rule order; findings sorted."""
    return [(rule, sorted(rule.run(index, inputs, as_of))) for rule in RULES]


__all__ = ["Finding", "Inputs", "Rule", "Standings", "run_checks"]
