"""Glossary terms and comparison themes."""

from __future__ import annotations

from pydantic import Field

from .common import OptionalCites, Record, Text


class GlossaryTerm(Record):
    """An abbreviation or term used in the papers, explained."""

    term: str = Field(min_length=1, max_length=40, description="The abbreviation as printed, e.g. 'CCG'.")
    expansion: Text = Field(description="What it stands for.")
    explanation: Text = Field(description="Plain-English explanation for residents.")
    variants: list[str] = Field(default_factory=list, description="Other printed forms, e.g. 'NHSE/I'.")
    cites: OptionalCites


class Theme(Record):
    """A shared idea (e.g. subsidiarity) used to compare principles across places."""

    name: Text
    description: Text
