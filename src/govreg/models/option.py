"""Options weighed, consultations with answers, and decisions asked of meetings."""

from __future__ import annotations

from pydantic import Field

from .common import (
    ActorRef,
    Cites,
    Id,
    OptionalCites,
    PeriodField,
    PlaceRef,
    Record,
    SourceRef,
    StatusUpdate,
    Strict,
    Text,
)


class Option(Strict):
    """One alternative in an option set."""

    id: Id
    label: Text = Field(description="Name as printed, e.g. 'Option 1'.")
    summary: Text | None = Field(default=None, description="Its description as printed.")
    points: list[Text] = Field(default_factory=list, description="Its listed points, in order, verbatim.")
    cites: OptionalCites


class OptionSet(Record):
    """Alternatives weighed in a paper, and which was preferred by whom."""

    title: Text = Field(description="What the paper calls the set of options.")
    question: Text | None = Field(default=None, description="What was being decided.")
    places: list[PlaceRef] = Field(min_length=1, description="Places it concerns.")
    options: list[Option] = Field(min_length=1, description="The options in the paper's order.")
    preferred: list[Id] = Field(default_factory=list, description="Ids of the preferred options, if any.")
    preferred_by: list[ActorRef] = Field(default_factory=list, description="Who preferred the preferred options.")
    outcome: Text | None = Field(default=None, description="What the paper says about the preference.")
    cites: Cites


class Question(Strict):
    """A question asked, with the answer given."""

    id: Id
    number: str | None = Field(default=None, max_length=12, description="Number as printed, if any.")
    text: Text = Field(description="The question verbatim.")
    answer: Text | None = Field(default=None, description="The answer given, verbatim or closely quoted.")
    answer_summary: Text | None = Field(default=None, description="The answer in a sentence (editor's words).")
    updates: list[StatusUpdate] = Field(
        default_factory=list, description="What later papers said about this position, dated, with evidence."
    )
    cites: OptionalCites


class Consultation(Record):
    """Questions put by one party and the answers another gave."""

    title: Text = Field(description="Name of the consultation or engagement exercise.")
    asked_by: list[ActorRef] = Field(default_factory=list, description="Who asked the questions.")
    answered_by: list[ActorRef] = Field(default_factory=list, description="Who answered them.")
    deadline: PeriodField | None = Field(default=None, description="Deadline for answers, if stated.")
    places: list[PlaceRef] = Field(min_length=1, description="Places it concerns.")
    questions: list[Question] = Field(min_length=1, description="The questions with their answers, in order.")
    cites: Cites


class Recommendation(Strict):
    """One recommendation put to a meeting."""

    number: str | None = Field(default=None, max_length=12, description="Number as printed, e.g. '(ii)'.")
    text: Text = Field(description="Verbatim.")
    cites: OptionalCites


class Decision(Record):
    """What a paper asked a meeting to approve, agree or note."""

    title: Text = Field(description="Title of the item as printed.")
    source: SourceRef
    asked_of: list[ActorRef] = Field(min_length=1, description="Meetings asked to decide.")
    date: PeriodField
    places: list[PlaceRef] = Field(min_length=1, description="Places it concerns.")
    items: list[Recommendation] = Field(min_length=1, description="Recommendations in order.")
    outcome: Text | None = Field(default=None, description="The outcome, where a later paper records it.")
    updates: list[StatusUpdate] = Field(
        default_factory=list, description="What later papers said about what it asked, dated, with evidence."
    )
    cites: Cites
