"""What a rule check is and what it finds."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from ..compliance import Compliance
from ..index import BudgetSum, Index
from ..status import Standing


@dataclass(frozen=True, slots=True)
class Inputs:
    """What `derive` has already computed that rules read: statuses and compliance, never recomputed."""

    standing: Mapping[str, Standing]
    compliance: Mapping[str, Compliance]
    budget_sums: Mapping[str, BudgetSum]


Standings = Inputs


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One rule's finding about one or more records.

    `text` never repeats the record's name: the Checks page prints it beside the linked records.
    `message` (the JSON export's) puts the name of the first record, `subject`, in front.
    """

    rule: str
    records: tuple[str, ...]
    text: str
    subject: str = ""

    @property
    def message(self) -> str:
        return f"{self.subject}: {self.text}" if self.subject else self.text


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    title: str
    explanation: str
    run: Callable[[Index, Inputs, date], list[Finding]]
