"""Budgets whose lines do not add up to the total the paper prints."""

from __future__ import annotations

from datetime import date

from ..index import Index
from ..models import Budget
from .rule import Finding, Inputs, Rule


def run(index: Index, inputs: Inputs, as_of: date) -> list[Finding]:
    out = []
    for bid, sums in inputs.budget_sums.items():
        b = index.get(bid)
        if isinstance(b, Budget) and b.printed_total and sums.adds_up is False:
            out.append(
                Finding(
                    RULE.id,
                    (b.id,),
                    f"Lines add up to {sums.total:g}, the paper prints {b.printed_total.text}.",
                    b.title,
                )
            )
    return out


RULE = Rule(
    "budget-total",
    "Budget lines do not add up",
    "A budget whose lines do not add up to the total printed in the paper (the validator requires a note "
    "explaining it; this check keeps it visible).",
    run,
)
