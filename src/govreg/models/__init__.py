"""Record kinds: one pydantic model per kind, keyed by the data file's name.

A file `data/<folder>/<kind>.yml` holds a list of records of that kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from .body import Body
from .budget import Budget, Figure
from .change import NationalChange
from .common import Record
from .glossary import GlossaryTerm, Theme
from .milestone import Commitment, Milestone, Workstream
from .option import Consultation, Decision, OptionSet
from .organisation import Organisation
from .place import Place
from .principle import PrincipleSet
from .requirement import RuleSet
from .review import Review
from .source import Source


@dataclass(frozen=True, slots=True)
class Kind:
    """A record kind: its file stem, singular name, page section and model."""

    file: str
    name: str
    label: str
    model: type[Record]
    blurb: str


KINDS: tuple[Kind, ...] = (
    Kind("places", "place", "Places", Place, "Nations, regions, systems and boroughs."),
    Kind(
        "organisations",
        "organisation",
        "Organisations",
        Organisation,
        "Councils, CCGs, trusts and partners named in the papers.",
    ),
    Kind("bodies", "body", "Bodies", Body, "Boards, committees, partnerships and forums, with their members."),
    Kind(
        "principles",
        "principle-set",
        "Principles",
        PrincipleSet,
        "Principles, must-haves, characteristics and statements of intent.",
    ),
    Kind("milestones", "milestone", "Milestones", Milestone, "What was to happen by when, and whether it did."),
    Kind("workstreams", "workstream", "Workstreams", Workstream, "Transition programmes and task-and-finish groups."),
    Kind("commitments", "commitment", "Commitments", Commitment, "Promises made to the public and partners."),
    Kind("budgets", "budget", "Budgets", Budget, "Pooled and delegated budgets, line by line."),
    Kind("figures", "figure", "Financial figures", Figure, "Savings, deficits and other figures the papers state."),
    Kind("options", "option-set", "Options and models", OptionSet, "Alternatives weighed and what was preferred."),
    Kind("consultations", "consultation", "Consultations", Consultation, "Questions asked and answers given."),
    Kind("decisions", "decision", "Decisions", Decision, "What papers asked their meetings to approve or note."),
    Kind(
        "reviews",
        "review",
        "Independent reviews",
        Review,
        "Verdicts by Healthwatch, scrutiny and auditors on milestones and commitments.",
    ),
    Kind(
        "rules",
        "rule-set",
        "Rule sets",
        RuleSet,
        "Requirements held once and checked against every body they apply to, each with its citation.",
    ),
    Kind(
        "reforms",
        "reform",
        "National changes",
        NationalChange,
        "Acts, regulations and orders that end or establish every organisation of a type on a date.",
    ),
    Kind("sources", "source", "Sources", Source, "The papers everything here is drawn from."),
    Kind("glossary", "term", "Glossary", GlossaryTerm, "Every abbreviation, explained."),
    Kind("themes", "theme", "Themes", Theme, "Shared ideas used to compare principles across places."),
)
BY_FILE = {k.file: k for k in KINDS}
BY_NAME = {k.name: k for k in KINDS}

__all__ = [
    "BY_FILE",
    "BY_NAME",
    "KINDS",
    "Body",
    "Budget",
    "Commitment",
    "Consultation",
    "Decision",
    "Figure",
    "GlossaryTerm",
    "Kind",
    "Milestone",
    "NationalChange",
    "OptionSet",
    "Organisation",
    "Place",
    "PrincipleSet",
    "Record",
    "Review",
    "RuleSet",
    "Source",
    "Theme",
    "Workstream",
]
