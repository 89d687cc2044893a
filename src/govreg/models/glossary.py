"""Glossary terms and comparison themes."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from .common import OptionalCites, Record, Text

TERM_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9&/+.' -]{0,39}$"
"""Printed forms of abbreviations: letters, digits and a few joiners. They become
tooltips matched in every page's text, so no markup characters are allowed."""


class GlossaryTerm(Record):
    """An abbreviation or term used in the papers, explained."""

    term: str = Field(pattern=TERM_PATTERN, description="The abbreviation as printed, e.g. 'CCG'.")
    expansion: Text = Field(description="What it stands for.")
    explanation: Text = Field(description="Plain-English explanation for residents.")
    variants: list[Annotated[str, Field(pattern=TERM_PATTERN)]] = Field(
        default_factory=list, description="Other printed forms, e.g. 'NHSE/I'."
    )
    cites: OptionalCites


class Theme(Record):
    """A shared idea (e.g. subsidiarity) used to compare principles across places."""

    name: Text = Field(description="Name of the theme.")
    description: Text = Field(description="What the theme covers, in plain English.")
