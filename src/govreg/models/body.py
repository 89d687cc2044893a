"""A body (board, committee, partnership, senate, forum) with its seats."""

from __future__ import annotations

from pydantic import Field, model_validator

from .common import (
    ActorRef,
    BodyEvent,
    BodyStatus,
    Cites,
    Id,
    OptionalCites,
    OrganisationRef,
    PeriodField,
    PlaceRef,
    Record,
    Strict,
    Text,
)
from .requirement import NON_MEMBER_CATEGORIES, BodyType, SeatCategory


class Holder(Strict):
    """A named person holding a seat (a Popolo membership)."""

    name: Text = Field(description="Name exactly as printed.")
    start: PeriodField | None = Field(default=None, description="When they took the seat, if stated.")
    end: PeriodField | None = Field(default=None, description="When they left it, if stated.")
    cites: OptionalCites


class Seat(Strict):
    """A post on a body (a Popolo post): a role, how many, from where, and which requirement it fulfils."""

    id: Id
    role: Text = Field(description="Role title exactly as printed.")
    category: SeatCategory | None = Field(
        default=None,
        description="chair, chief-executive, executive, non-executive, partner or ordinary (members), "
        "participant or observer (not members); null if the paper does not say.",
    )
    member: bool = Field(
        default=True, description="Whether the seat is a member of the body; false for participants and observers."
    )
    count: int | None = Field(default=None, ge=1, le=200, description="Exact number of such seats, if stated.")
    count_min: int | None = Field(
        default=None,
        ge=0,
        le=200,
        description="At least this many seats, when the paper gives a range. This lower end is what counts "
        "towards a requirement of 'at least' so many.",
    )
    count_max: int | None = Field(
        default=None,
        ge=1,
        le=200,
        description="At most this many seats, when the paper gives a range. This upper end is what counts "
        "against a requirement of 'at most' so many.",
    )
    organisation: ActorRef | None = Field(default=None, description="Organisation the seat comes from.")
    appointed_by: Id | None = Field(
        default=None,
        description="Who appoints the seat: an organisation or body id, a seat id on this body, "
        "or a constituency id from a rule set.",
    )
    nominated_by: Id | list[Id] | None = Field(
        default=None,
        description="Who nominates the seat: an organisation or body id, or a constituency id from a rule set "
        "(e.g. NHS trusts in the area); a list when several nominate it jointly (e.g. two councils).",
    )
    fulfils: list[Id] = Field(
        default_factory=list, description="Ids of the rule-set requirements this seat fulfils (checked in public)."
    )
    voting: bool | None = Field(default=None, description="Whether the seat votes; null if not stated.")
    chair: bool = Field(default=False, description="Whether this seat chairs or co-chairs the body.")
    holders: list[Holder] = Field(default_factory=list, description="Named holders, where printed.")
    note: Text | None = Field(default=None, description="Editor's note on this seat.")
    cites: OptionalCites

    @model_validator(mode="after")
    def _consistent(self) -> Seat:
        if self.count is not None and (self.count_min is not None or self.count_max is not None):
            raise ValueError("give either an exact count or count_min/count_max, not both")
        if self.count_min is not None and self.count_max is not None and self.count_max < self.count_min:
            raise ValueError(f"count_max {self.count_max} is below count_min {self.count_min}")
        if self.category in NON_MEMBER_CATEGORIES and self.member:
            raise ValueError(f"a {self.category} is not a member: set member: false")
        return self

    def nominators(self) -> tuple[str, ...]:
        """Who nominates the seat, one or several (a joint nomination); empty when not recorded."""
        if self.nominated_by is None:
            return ()
        return (self.nominated_by,) if isinstance(self.nominated_by, str) else tuple(self.nominated_by)

    def most(self) -> int | None:
        """Seats this post can provide at most: the exact count, the top of a range, one; None if unbounded."""
        if self.count is not None:
            return self.count
        if self.count_max is not None:
            return self.count_max
        if self.count_min is not None:
            return None
        return 1

    def guaranteed(self) -> int:
        """Seats this post certainly provides: the exact count, the minimum of a range, else one."""
        if self.count is not None:
            return self.count
        if self.count_min is not None:
            return self.count_min
        return 1

    def count_text(self) -> str:
        """The number of seats in words: '3', 'at least 3', '2 to 4', 'up to 4', or 'not stated'."""
        if self.count is not None:
            return str(self.count)
        if self.count_min is not None and self.count_max is not None:
            return f"{self.count_min} to {self.count_max}"
        if self.count_min is not None:
            return f"at least {self.count_min}"
        if self.count_max is not None:
            return f"up to {self.count_max}"
        return "not stated"


class Attested(Strict):
    """Something a source says of the body as a whole, with where it says so."""

    cites: Cites
    note: Text | None = Field(default=None, description="Editor's note, e.g. the words the source uses.")


class Function(Strict):
    """A function or responsibility delegated or planned for the body."""

    text: Text = Field(description="The function as the paper words it.")
    cites: OptionalCites


class Body(Record):
    """A board, committee, partnership, senate or forum."""

    name: Text = Field(description="Name as the paper gives it.")
    aliases: list[Text] = Field(default_factory=list, description="Other names the papers use for it.")
    type: BodyType = Field(description="Kind of body.")
    tags: list[Id] = Field(
        default_factory=list, description="Classes the body belongs to, e.g. 'icb-board'; rule sets apply by tag."
    )
    places: list[PlaceRef] = Field(min_length=1, description="Places it serves.")
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
    reports_to: list[ActorRef] = Field(default_factory=list, description="Bodies or organisations it reports to.")
    functions: list[Function] = Field(default_factory=list, description="Delegated or planned functions, in order.")
    chairing: Text | None = Field(default=None, description="Chairing arrangement, e.g. co-chaired, rotating.")
    decision_rule: Text | None = Field(default=None, description="How it decides, e.g. consensus; referral.")
    quorum: Text | None = Field(default=None, description="Quorum as stated.")
    meets_in_public: bool | None = Field(default=None, description="Whether meetings are public; null if not stated.")
    meetings: Text | None = Field(default=None, description="Meeting arrangements as stated.")
    participation: Text | None = Field(
        default=None,
        description="How a resident can be heard (public questions and their deadline, where papers are "
        "published), as the body itself publishes it; null if its sources do not say.",
    )
    seats: list[Seat] = Field(default_factory=list, description="Membership by role, in the paper's order.")
    whole_membership: Attested | None = Field(
        default=None,
        description="Where a source says the recorded seats are the whole membership (e.g. a constitution's "
        "list of members). Only then can a rule check say 'not met' of a requirement no seat fulfils; "
        "otherwise it says the sources do not show it.",
    )
    unitary_board: Attested | None = Field(
        default=None,
        description="Where a source says the body meets as a unitary board, its members collectively "
        "accountable for its decisions (as an integrated care board's constitution does).",
    )
    cites: Cites


__all__ = ["Attested", "Body", "BodyEvent", "BodyStatus", "Function", "Holder", "Seat"]
