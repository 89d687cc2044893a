"""Abbreviations used in the register's text with no glossary entry."""

from __future__ import annotations

from datetime import date

from ..abbr import undefined_abbreviations
from ..index import Index
from .rule import Finding, Inputs, Rule


def run(index: Index, inputs: Inputs, as_of: date) -> list[Finding]:
    return [
        Finding(RULE.id, tuple(ids[:10]), f"'{term}' is used but not in the glossary.")
        for term, ids in sorted(undefined_abbreviations(index).items())
    ]


RULE = Rule(
    "undefined-term",
    "Abbreviation used but not defined",
    "An abbreviation in capitals that appears in a record's text but has no glossary entry.",
    run,
)
