"""A body (board, committee, partnership, senate, forum) with its seats."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import ActorRef, Cites, Id, OptionalCites, OrganisationRef, PeriodField, PlaceRef, Record, Strict, Text

BodyStatus = Literal["proposed", "shadow", "established", "replaced", "abolished"]


class BodyEvent(Strict):
    """A dated change in a body's status."""

    status: BodyStatus = Field(description="proposed, shadow, established, replaced or abolished.")
    date: PeriodField
    summary: Text | None = Field(default=None, description="What happened, in plain words.")
    replaced_by: ActorRef | None = Field(default=None, description="Successor, if replaced.")
    cites: Cites


class Holder(Strict):
    """A named person holding a seat (a Popolo membership)."""

    name: Text = Field(description="Name exactly as printed.")
    start: PeriodField | None = None
    end: PeriodField | None = None
    cites: OptionalCites


class Seat(Strict):
    """A post on a body (a Popolo post): a role, how many, from where."""

    id: Id
    role: Text = Field(description="Role title exactly as printed.")
    count: int | None = Field(default=None, ge=1, le=200, description="Number of such seats, if stated.")
    organisation: ActorRef | None = Field(default=None, description="Organisation the seat comes from.")
    voting: bool | None = Field(default=None, description="Whether the seat votes; null if not stated.")
    chair: bool = Field(default=False, description="Whether this seat chairs or co-chairs the body.")
    holders: list[Holder] = Field(default_factory=list, description="Named holders, where printed.")
    note: Text | None = None
    cites: OptionalCites


class Function(Strict):
    """A function or responsibility delegated or planned for the body."""

    text: Text = Field(description="The function as the paper words it.")
    cites: OptionalCites


class Body(Record):
    """A board, committee, partnership, senate or forum."""

    name: Text = Field(description="Name as the paper gives it.")
    aliases: list[Text] = Field(default_factory=list, description="Other names the papers use for it.")
    type: Literal[
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
    ] = Field(description="Kind of body.")
    places: list[PlaceRef] = Field(min_length=1)
    purpose: Text | None = Field(default=None, description="What it is for, in the paper's words where possible.")
    history: list[BodyEvent] = Field(default_factory=list, description="Status changes in date order.")
    legal_form: Text | None = Field(
        default=None,
        description="e.g. joint committee, committee of a governing "
        "body, section 75 partnership, memorandum of understanding.",
    )
    hosted_by: list[OrganisationRef] = Field(
        default_factory=list, description="Organisations it belongs to or is formed by."
    )
    reports_to: list[ActorRef] = Field(default_factory=list)
    functions: list[Function] = Field(default_factory=list, description="Delegated or planned functions, in order.")
    chairing: Text | None = Field(default=None, description="Chairing arrangement, e.g. co-chaired, rotating.")
    decision_rule: Text | None = Field(default=None, description="How it decides, e.g. consensus; referral.")
    quorum: Text | None = None
    meets_in_public: bool | None = Field(default=None, description="Whether meetings are public; null if not stated.")
    meetings: Text | None = Field(default=None, description="Meeting arrangements as stated.")
    seats: list[Seat] = Field(default_factory=list, description="Membership by role, in the paper's order.")
    required_roles: list[Text] = Field(
        default_factory=list, description="Roles the paper says the body must include (checked against its seats)."
    )
    cites: Cites
