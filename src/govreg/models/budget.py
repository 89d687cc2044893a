"""Budgets (with lines that must add up) and other cited financial figures."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import (
    ActorRef,
    Cites,
    OptionalCites,
    OrganisationRef,
    PeriodField,
    PlaceRef,
    Record,
    Strict,
    SubjectRef,
    Text,
)


class BudgetLine(Strict):
    """One line of a budget table."""

    area: Text = Field(description="Area as printed.")
    reason: Text | None = Field(default=None, description="Reason for inclusion as printed.")
    value: float | None = Field(default=None, ge=0, description="Amount in the budget's unit; null if 'tbc'.")
    value_text: str = Field(min_length=1, max_length=40, description="The amount exactly as printed.")
    cites: OptionalCites


class PrintedTotal(Strict):
    """The total the paper prints, which the register checks against the lines."""

    value: float | None = Field(
        default=None, ge=0, description="The printed total as a number in the budget's unit; null if not a number."
    )
    text: str = Field(min_length=1, max_length=40, description="Exactly as printed, e.g. '£159.9'.")


class Budget(Record):
    """A pooled, aligned or delegated budget."""

    title: Text = Field(description="Name of the budget as printed.")
    type: Literal["pooled", "aligned", "delegated", "allocation"] = Field(
        description="pooled, aligned, delegated or allocation."
    )
    places: list[PlaceRef] = Field(min_length=1, description="Places it covers.")
    held_by: ActorRef | None = Field(default=None, description="Body that oversees it.")
    contributors: list[OrganisationRef] = Field(default_factory=list, description="Organisations that put money in.")
    unit: Literal["GBP", "GBP thousands", "GBP millions"] = Field(
        default="GBP millions", description="Unit of every value in the budget."
    )
    period: PeriodField | None = Field(default=None, description="Period the budget covers, if stated.")
    headline: Text | None = Field(default=None, description="Headline figure as printed, e.g. '£160 million'.")
    risk_share: Text | None = Field(default=None, description="Risk share as the paper states it.")
    lines: list[BudgetLine] = Field(default_factory=list, description="Budget lines in the paper's order.")
    printed_total: PrintedTotal | None = Field(
        default=None, description="The total as the paper prints it, if it does."
    )
    total_mismatch_note: Text | None = Field(
        default=None,
        description="Required when the lines do not add up to the printed total: "
        "records the paper's discrepancy instead of hiding it.",
    )
    cites: Cites


class Figure(Record):
    """A financial or numeric figure a paper states (a saving, deficit, allocation)."""

    title: Text = Field(description="What the figure is, in plain words.")
    text: Text = Field(description="The figure as printed, with its sentence where useful.")
    amount: float | None = Field(default=None, description="The figure as a number in its unit, if it is one.")
    unit: Literal["GBP", "GBP thousands", "GBP millions", "GBP billions", "percent", "people", "count"] | None = Field(
        default=None, description="Unit of the amount."
    )
    period: PeriodField | None = Field(default=None, description="Period the figure refers to, if stated.")
    places: list[PlaceRef] = Field(min_length=1, description="Places it concerns.")
    about: list[SubjectRef] = Field(
        default_factory=list, description="Organisations, bodies or budgets the figure is about."
    )
    cites: Cites
