"""A national change: on a date, by a source, every organisation of a type ceases or is established.

Why a record of its own: an Act, regulations or an NHS England order change every place
at once (on 1 July 2022 every clinical commissioning group was abolished). Held once, with
its citation, and applied by `lifecycle` to every organisation of the type in the places
it names, it makes each organisation, and each body that organisation alone hosted,
end on that day on every page, without editing each place's records.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .common import ActorRef, Cites, OrganisationRef, PeriodField, PlaceRef, Record, Strict, Text
from .organisation import OrganisationType

Held = Literal["seats", "functions", "budgets"]


class Transfer(Strict):
    """What one ceasing organisation held that passed to a named successor, where the evidence says so."""

    organisation: OrganisationRef = Field(description="The organisation that ceased.")
    successor: ActorRef = Field(description="The organisation or body that took over what is listed in `what`.")
    what: list[Held] = Field(
        min_length=1,
        description="What passed: 'seats' (its seats on bodies it shared), 'functions', 'budgets' "
        "(its contributions to pooled budgets).",
    )
    cites: Cites


class NationalChange(Record):
    """A change made nationally (an Act, regulations, an NHS England order) that applies by organisation type."""

    title: Text = Field(description="What changed, in a line.")
    date: PeriodField = Field(description="The day it took effect.")
    places: list[PlaceRef] = Field(
        min_length=1, description="Where it applies: every organisation of the type in these places or within them."
    )
    ceases: list[OrganisationType] = Field(
        default_factory=list, description="Organisation types that cease to exist on the date."
    )
    establishes: list[OrganisationType] = Field(
        default_factory=list, description="Organisation types established on the date."
    )
    transfers: list[Transfer] = Field(
        default_factory=list,
        description="What ceasing organisations held that passed to named successors, each with its evidence. "
        "Where none is recorded, pages say that what followed is not known.",
    )
    summary: Text | None = Field(default=None, description="What changed, in plain English.")
    cites: Cites

    @model_validator(mode="after")
    def _says_something(self) -> NationalChange:
        if not self.ceases and not self.establishes:
            raise ValueError("a national change names the organisation types it ends (ceases) or establishes")
        return self


__all__ = ["Held", "NationalChange", "Transfer"]
