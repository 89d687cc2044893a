"""Milestones, workstreams and commitments: things promised by a date."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import (
    ActorRef,
    Cites,
    LineRef,
    PeriodField,
    PlaceRef,
    Record,
    StatusUpdate,
    SubjectItemRef,
    Text,
    WorkstreamRef,
)

CONTINUES_DESCRIPTION = "Earlier records of the same plan, in older papers (the reverse link is computed)."


class Tracked(Record):
    """A record with a due period and a status history: milestones and commitments.

    Why a base: the status rule, the registers and the exports treat both kinds alike.
    """

    due: PeriodField | None = Field(default=None, description="When it is due, as the paper gives it.")
    updates: list[StatusUpdate] = Field(
        default_factory=list, description="Dated status updates, each citing its evidence; never rewritten."
    )
    places: list[PlaceRef] = Field(min_length=1, description="Places it belongs to.")
    continues: list[SubjectItemRef] = Field(default_factory=list, description=CONTINUES_DESCRIPTION)
    plain_title: Text | None = Field(
        default=None,
        max_length=120,
        description="A short title in plain English for headings and lists, where the paper's wording does not "
        "stand alone (a fragment of its sentence, say). The paper's exact wording stays in `title` (or `text`): "
        "quoted on the page and used in citations.",
    )

    def actors(self) -> list[str]:
        """Who owns or made it (owners of a milestone, makers of a commitment)."""
        return []

    def title_text(self) -> str:
        """The plain title where there is one, else the paper's wording."""
        return self.plain_title or super().title_text()

    def exact_title(self) -> str:
        """The paper's own wording, for citations."""
        return super().title_text()


class Milestone(Tracked):
    """Something to happen by a date, with its status history."""

    title: Text = Field(description="Exact wording from the paper.")
    number: str | None = Field(default=None, max_length=12, description="Number as printed, if any.")
    owners: list[ActorRef] = Field(default_factory=list, description="Who is responsible for it.")
    workstream: WorkstreamRef | None = Field(default=None, description="The workstream it belongs to, if any.")
    due: PeriodField = Field(description="When it is due, as the paper gives it.")
    cites: Cites

    def actors(self) -> list[str]:
        return list(self.owners)


class Workstream(Record):
    """A transition programme, workstream or task-and-finish group."""

    title: Text = Field(description="Name as printed.")
    type: Literal["programme", "workstream", "task-and-finish-group"] = Field(
        description="programme, workstream or task-and-finish-group."
    )
    lead: Text | None = Field(default=None, description="Senior responsible owner or lead, as printed.")
    reports_to: list[LineRef] = Field(
        default_factory=list, description="Bodies, organisations or workstreams it reports to."
    )
    part_of: WorkstreamRef | None = Field(default=None, description="The programme it is part of, if any.")
    places: list[PlaceRef] = Field(min_length=1, description="Places it concerns.")
    remit: Text | None = Field(default=None, description="What it is to do.")
    cites: Cites


class Commitment(Tracked):
    """A promise made to the public or partners."""

    text: Text = Field(description="The promise in the paper's exact words.")
    title: Text | None = Field(default=None, description="A short label for lists; the text is authoritative.")
    made_by: list[ActorRef] = Field(min_length=1, description="Who made the promise.")
    made_to: Text = Field(description="Who it was made to, e.g. 'residents of North West London'.")
    made_on: PeriodField
    type: Literal["engagement", "service", "governance", "financial", "other"] = Field(
        default="other", description="What kind of promise it is."
    )
    cites: Cites

    def actors(self) -> list[str]:
        return list(self.made_by)


__all__ = ["Commitment", "Literal", "Milestone", "Tracked", "Workstream"]
