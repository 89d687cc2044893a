"""A place: a nation, region, integrated care system or borough."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import OptionalCites, PlaceRef, Record, Text


class Place(Record):
    """A geography that bodies, budgets and commitments belong to. Places nest."""

    name: Text = Field(description="Name of the place.")
    type: Literal["nation", "region", "system", "borough", "ccg-area"] = Field(
        description="nation, region, system (an integrated care system area), borough or ccg-area."
    )
    part_of: PlaceRef | None = Field(default=None, description="The place this one lies in.")
    summary: Text | None = Field(default=None, description="A sentence or two for residents.")
    cites: OptionalCites
