"""Independent verdicts on milestones and commitments.

Why: Healthwatch, scrutiny committees and auditors judge what bodies report
about themselves. A reviewer adds verdicts in its own file
(`data/<place>/reviews.yml` or `data/reviews/<reviewer>.yml`) without
touching anyone else's records, and every page shows both voices.
"""

from __future__ import annotations

from pydantic import Field

from .common import ActorRef, Cites, PeriodField, Record, Status, SubjectItemRef, Text


class Review(Record):
    """An independent reviewer's verdict on one milestone or commitment, as at a date."""

    subject: SubjectItemRef = Field(description="The milestone or commitment reviewed.")
    reviewer: ActorRef = Field(description="Who gives the verdict, e.g. a Healthwatch or a scrutiny committee.")
    date: PeriodField
    verdict: Status = Field(description="planned, in-progress, done, changed, superseded, missed or dropped.")
    summary: Text = Field(description="The reviewer's finding in plain words.")
    cites: Cites

    def title_text(self) -> str:
        return f"Review of {self.subject} by {self.reviewer}"
