"""Independent verdicts on milestones and commitments.

Why: Healthwatch, scrutiny committees and auditors judge what bodies report
about themselves. A reviewer adds verdicts in its own file
(`data/reviews/<reviewer>.yml`, or `data/<place>/reviews.yml`) without
touching anyone else's records, and every page shows both voices.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from .common import ActorRef, OptionalCites, PeriodField, Record, Status, SubjectItemRef, Text

Url = Annotated[
    str,
    Field(
        pattern=r"^https?://[^\s<>\"'`|\\]+$",
        max_length=2000,
        description="A web address (http or https) where the reviewer's evidence is published.",
    ),
]


class Review(Record):
    """An independent reviewer's verdict on one milestone or commitment, as at a date."""

    subject: SubjectItemRef = Field(description="The milestone or commitment reviewed.")
    reviewer: ActorRef = Field(description="Who gives the verdict, e.g. a Healthwatch or a scrutiny committee.")
    date: PeriodField
    verdict: Status = Field(description="planned, in-progress, done, changed, superseded, missed or dropped.")
    summary: Text = Field(description="The reviewer's finding in plain words.")
    cites: OptionalCites = Field(
        default_factory=list, description="The papers and paragraphs the verdict rests on (or give evidence_url)."
    )
    evidence_url: Url | None = Field(
        default=None, description="Where the evidence is published, when it is not a paper in the register."
    )

    @model_validator(mode="after")
    def _has_evidence(self) -> Review:
        if not self.cites and self.evidence_url is None:
            raise ValueError("a review needs evidence: cites (a paper and locator) or evidence_url")
        return self

    def title_text(self) -> str:
        return f"Review of {self.subject} by {self.reviewer}"
