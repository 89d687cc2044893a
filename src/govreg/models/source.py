"""A source paper: the evidence every other record cites."""

from __future__ import annotations

from pydantic import Field

from .common import ActorRef, Id, OptionalCites, PeriodField, PlaceRef, Record, SourceRef, Strict, Text


class Section(Strict):
    """One numbered section, paragraph or table of a paper, as printed."""

    ref: str = Field(min_length=1, max_length=80, description="Locator as printed, e.g. '4.8', 'table 1', 'cover'.")
    title: Text = Field(description="Heading, or a few words saying what the passage is.")
    level: int = Field(default=1, ge=1, le=4, description="Nesting depth in the outline (1 = top).")
    quote: Text | None = Field(
        default=None,
        description="For a source whose text the register does not hold (a web page): the exact sentence "
        "relied on, verbatim, so a reader can find it on the page.",
    )


class Meeting(Strict):
    """A meeting the paper went to."""

    body: Text = Field(description="The board or committee as the paper names it.")
    body_id: ActorRef | None = Field(default=None, description="The body's record, if any.")
    date: PeriodField = Field(description="Date of the meeting.")
    agenda_item: str | None = Field(default=None, max_length=40, description="Agenda item number as printed.")


class Source(Record):
    """A public paper (board or cabinet report) the register draws on."""

    title: Text = Field(description="The paper's title as printed.")
    date: PeriodField = Field(description="Date of the paper (for legislation: enacted or made).")
    meetings: list[Meeting] = Field(default_factory=list, description="Meetings it was presented to.")
    authors: list[Text] = Field(default_factory=list, description="Authors or report owners as printed.")
    presenters: list[Text] = Field(default_factory=list, description="Presenters as printed.")
    publishers: list[ActorRef] = Field(default_factory=list, description="Organisations that issued it.")
    places: list[PlaceRef] = Field(min_length=1, description="Places the paper covers.")
    file: str | None = Field(default=None, max_length=200, description="File name of the text extraction.")
    text_held: bool = Field(
        default=True,
        description="Whether the register holds the paper's text (a file in the seed papers). When false "
        "(legislation, national policy), the outline titles and summary are the register's own wording, "
        "not quotations, and `url` says where the text is published.",
    )
    url: str | None = Field(
        default=None,
        max_length=300,
        pattern=r"^https?://[A-Za-z0-9./_~:?#@!$&*+,;=%-]+$",
        description="Where the paper is published, e.g. on legislation.gov.uk.",
    )
    read_on: PeriodField | None = Field(
        default=None, description="For a web page: the day the register read it (pages change; this dates the quote)."
    )
    summary: Text | None = Field(default=None, description="What the paper is about, in plain English.")
    outline: list[Section] = Field(min_length=1, description="Sections and paragraphs, in the paper's order.")
    last_reviewed: PeriodField | None = Field(
        default=None, description="When an editor last checked the records drawn from this paper."
    )
    traces: list[SourceRef] = Field(
        default_factory=list,
        description="Earlier papers whose items an editor read against this one: an item of a listed paper "
        "with no update citing this paper is 'silent' here.",
    )
    cites: OptionalCites = Field(default_factory=list)

    def outline_refs(self) -> set[str]:
        return {s.ref for s in self.outline}


__all__ = ["Id", "Meeting", "Section", "Source"]
