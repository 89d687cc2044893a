"""An organisation: a statutory or partner body such as a council, CCG or trust."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import BodyEvent, OptionalCites, OrganisationRef, PlaceRef, Record, StatusUpdate, Text

OrganisationType = Literal[
    "local-authority",
    "ccg",
    "icb",
    "icp",
    "nhs-trust",
    "foundation-trust",
    "national-nhs-body",
    "government",
    "regulator",
    "healthwatch",
    "vcse",
    "primary-care",
    "partnership",
    "combined-authority",
    "professional-body",
    "news-media",
    "other",
]


class Organisation(Record):
    """An organisation named in a paper, with its type and place."""

    name: Text = Field(description="Full name as the paper gives it.")
    abbreviation: str | None = Field(default=None, max_length=20, description="Short form used in the papers.")
    aliases: list[Text] = Field(default_factory=list, description="Other names the papers use.")
    type: OrganisationType = Field(description="Kind of organisation.")
    places: list[PlaceRef] = Field(min_length=1, description="Places it serves.")
    part_of: OrganisationRef | None = Field(default=None, description="Parent organisation, if any.")
    summary: Text | None = Field(default=None, description="What it is, in plain English.")
    history: list[StatusUpdate] = Field(
        default_factory=list, description="Dated changes of status, e.g. a CCG ceasing."
    )
    events: list[BodyEvent] = Field(
        default_factory=list,
        description="Dated changes in its existence as its own evidence gives them: established, replaced "
        "(merged into `replaced_by`) or abolished. National changes that end every organisation of its type "
        "are recorded once, as reforms, and need no event here.",
    )
    cites: OptionalCites
