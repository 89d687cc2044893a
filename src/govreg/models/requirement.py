"""Rule sets: requirements held once and checked against every body they apply to.

Why: the law that sets the minimum board of every integrated care board (and the
NHS England policy on top of it) applies to 42 boards. Held once as data, with a
citation per requirement, it is checked against each board's seats by their
categories and explicit `fulfils` links, never by matching words in role titles.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import Cites, Id, OptionalCites, PeriodField, PlaceRef, Record, Strict, Text
from .organisation import OrganisationType

SeatCategory = Literal[
    "chair",
    "chief-executive",
    "executive",
    "non-executive",
    "partner",
    "ordinary",
    "participant",
    "observer",
]
"""What kind of place a seat is: chair, chief executive, an executive, non-executive or partner
member, another ordinary member, or a participant or observer who is not a member."""

MEMBER_CATEGORIES: tuple[str, ...] = ("chair", "chief-executive", "executive", "non-executive", "partner", "ordinary")
NON_MEMBER_CATEGORIES: tuple[str, ...] = ("participant", "observer")

BodyType = Literal[
    "board",
    "committee",
    "joint-committee",
    "governing-body",
    "partnership",
    "senate",
    "forum",
    "function",
    "network",
    "group",
    "cabinet",
    "system",
]
"""Kinds of body."""

Basis = Literal["statutory", "policy"]


class AppliesTo(Strict):
    """Which bodies a rule set applies to: a body must match every criterion given."""

    tags: list[Id] = Field(
        default_factory=list, description="Body tags, any of which puts a body in scope (e.g. 'icb-board')."
    )
    body_types: list[BodyType] = Field(default_factory=list, description="Body types, any of which is in scope.")
    hosted_by_types: list[OrganisationType] = Field(
        default_factory=list,
        description="Organisation types: the body must be hosted by an organisation of one of them.",
    )

    @model_validator(mode="after")
    def _some_criterion(self) -> AppliesTo:
        if not (self.tags or self.body_types or self.hosted_by_types):
            raise ValueError("applies_to needs at least one of tags, body_types or hosted_by_types")
        return self


class Constituency(Strict):
    """A class of organisations (or a seat) that nominates or appoints members, e.g. 'NHS trusts in the area'."""

    id: Id
    label: Text = Field(description="The constituency in plain words, e.g. 'NHS trusts and foundation trusts'.")
    organisation_types: list[OrganisationType] = Field(
        default_factory=list, description="An organisation of one of these types belongs to the constituency."
    )
    seat_categories: list[SeatCategory] = Field(
        default_factory=list,
        description="A seat of one of these categories on the same body belongs to it (e.g. the chair).",
    )
    note: Text | None = Field(default=None, description="Limits the register does not check, e.g. 'in the area'.")


class Requirement(Strict):
    """One thing a body must have: seats of a category, linked or counted, between a minimum and a maximum."""

    id: Id
    label: Text = Field(description="Short name, e.g. 'Chief executive'.")
    text: Text = Field(description="What the rule requires, in the register's own words (not a quotation).")
    basis: Basis = Field(description="statutory (an Act or regulations) or policy (e.g. NHS England policy).")
    categories: list[SeatCategory] = Field(
        min_length=1, description="Seat categories that can fulfil it; participants and observers never count."
    )
    match: Literal["fulfils", "category"] = Field(
        default="fulfils",
        description="'fulfils': only seats that name this requirement in `fulfils` count; "
        "'category': every member seat of one of the categories counts.",
    )
    min: int = Field(default=1, ge=0, le=200, description="Fewest seats that meet it (their guaranteed counts added).")
    max: int | None = Field(default=None, ge=1, le=200, description="Most seats allowed, if the rule sets a limit.")
    nominated_by: Id | None = Field(
        default=None, description="Id of a constituency in this rule set that must nominate the seat."
    )
    appointed_by: Id | None = Field(
        default=None,
        description="Id of an organisation, or of a constituency in this rule set, that appoints the seat; "
        "a seat that records a different appointer does not count.",
    )
    cites: Cites
    note: Text | None = Field(default=None, description="Editor's note, e.g. a sub-paragraph not confirmed.")

    @model_validator(mode="after")
    def _range(self) -> Requirement:
        if self.max is not None and self.max < self.min:
            raise ValueError(f"max {self.max} is below min {self.min}")
        if any(c in NON_MEMBER_CATEGORIES for c in self.categories):
            raise ValueError("participants and observers are not members and cannot fulfil a requirement")
        return self


class RuleSet(Record):
    """Requirements that apply to every body of a class (for example every integrated care board)."""

    name: Text = Field(description="Name of the rule set.")
    summary: Text | None = Field(default=None, description="What it covers, in plain English.")
    places: list[PlaceRef] = Field(min_length=1, description="Where it applies (e.g. england).")
    applies_to: AppliesTo = Field(description="Which bodies it applies to.")
    in_force: PeriodField | None = Field(default=None, description="From when the rules apply.")
    constituencies: list[Constituency] = Field(
        default_factory=list, description="Who nominates or appoints seats, referred to by requirements and seats."
    )
    requirements: list[Requirement] = Field(min_length=1, description="The requirements, in the order to show them.")
    cites: Cites


__all__ = [
    "MEMBER_CATEGORIES",
    "NON_MEMBER_CATEGORIES",
    "AppliesTo",
    "BodyType",
    "Constituency",
    "OptionalCites",
    "Requirement",
    "RuleSet",
    "SeatCategory",
]
