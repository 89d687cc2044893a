"""Milestones, workstreams and commitments: things promised by a date."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import ActorRef, Cites, LineRef, PeriodField, PlaceRef, Record, StatusUpdate, Text, WorkstreamRef


class Milestone(Record):
    """Something to happen by a date, with its status history."""

    title: Text = Field(description="Exact wording from the paper.")
    number: str | None = Field(default=None, max_length=12, description="Number as printed, if any.")
    owners: list[ActorRef] = Field(default_factory=list, description="Who is responsible for it.")
    workstream: WorkstreamRef | None = Field(default=None, description="The workstream it belongs to, if any.")
    places: list[PlaceRef] = Field(min_length=1, description="Places it concerns.")
    due: PeriodField
    updates: list[StatusUpdate] = Field(default_factory=list, description="Dated status updates with evidence.")
    cites: Cites


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


class Commitment(Record):
    """A promise made to the public or partners."""

    text: Text = Field(description="The promise in the paper's exact words.")
    title: Text | None = Field(default=None, description="A short label for lists; the text is authoritative.")
    made_by: list[ActorRef] = Field(min_length=1, description="Who made the promise.")
    made_to: Text = Field(description="Who it was made to, e.g. 'residents of North West London'.")
    made_on: PeriodField
    due: PeriodField | None = Field(default=None, description="When it is due, if stated.")
    type: Literal["engagement", "service", "governance", "financial", "other"] = Field(
        default="other", description="engagement, service, governance, financial or other."
    )
    places: list[PlaceRef] = Field(min_length=1, description="Places it concerns.")
    updates: list[StatusUpdate] = Field(default_factory=list, description="Dated status updates with evidence.")
    cites: Cites


__all__ = ["Commitment", "Literal", "Milestone", "Workstream"]
