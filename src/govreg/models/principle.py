"""A principle set: an ordered list of principles, aims, must-haves or similar."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import ActorRef, Cites, Id, OptionalCites, PlaceRef, Record, Strict, Text, ThemeRef


class Principle(Strict):
    """One item of a set, verbatim."""

    id: Id
    number: str | None = Field(default=None, max_length=12, description="Number or letter as printed, if any.")
    text: Text = Field(description="Exact wording from the paper.")
    themes: list[ThemeRef] = Field(default_factory=list, description="Shared themes, for comparison.")
    cites: OptionalCites


class PrincipleSet(Record):
    """An ordered list from a paper: principles, must-haves, characteristics..."""

    title: Text = Field(description="What the paper calls the list.")
    type: Literal[
        "principles",
        "must-haves",
        "characteristics",
        "statements-of-intent",
        "purposes",
        "aims",
        "vision",
        "priorities",
        "criteria",
        "benefits",
        "concerns",
        "actions",
        "other",
    ] = Field(description="Kind of list, as the paper presents it.")
    owners: list[ActorRef] = Field(default_factory=list, description="Who holds to the list.")
    places: list[PlaceRef] = Field(min_length=1, description="Places the list applies to.")
    intro: Text | None = Field(default=None, description="The paper's lead-in sentence, verbatim.")
    items: list[Principle] = Field(min_length=1, description="Items in the paper's order.")
    cites: Cites
