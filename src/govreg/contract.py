"""The published contract: what every JSON file the site publishes holds, field by field.

Why: people build on the register's files (a Healthwatch spreadsheet, a council's own site).
The records are described by `register.schema.json` (from the data models); everything the
register computes on top of them (status, lifecycle, checks, compliance, evidence horizons,
the status steps the date picker reads, the page catalogue) is described here, once, as
pydantic models. `published.schema.json` is generated from them, published beside the files,
printed on the Data model page, and every whole file is validated against it in the tests.
sphinx-needs' `needs.json` (a format version and a schema for the exchange file) is the model.

Change a field here, bump FORMAT_VERSION (minor for additions, major for removals or changed
meanings), and regenerate with `python -m govreg schema`.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .compliance import ANSWER_LABELS, STATUS_LABELS
from .lifecycle import GONE
from .status import FILTER_LABELS, LABELS

FORMAT_VERSION = "1.1"
"""The version of the published format (not of the data: that is each file's `version`)."""

CONTRACT_JSON = "published.schema.json"


def _enum(values: Any, description: str) -> Any:
    return Field(description=description, json_schema_extra={"enum": sorted(values)})


Status = Annotated[str, _enum(LABELS, "A milestone or commitment's status: " + ", ".join(LABELS) + ".")]
Filter = Annotated[
    str, _enum(FILTER_LABELS, "The register filter the status falls under (statuses, overdue, not-reported).")
]
Day = Annotated[date, Field(description="An ISO date (YYYY-MM-DD).")]
Id = Annotated[str, Field(description="A record or item id.")]
FormatVersion = Annotated[str, Field(description="The version of this file's format (see published.schema.json).")]
ContractName = Annotated[str, Field(description="The schema of this file: published.schema.json.")]
DataVersion = Annotated[str, Field(description="A hash of the records: it changes whenever the data does.")]
Url = Annotated[str, Field(description="The page's address from the site root, e.g. /bodies/bolton-jcc/.")]
Permalink = Annotated[str, Field(description="A link that never breaks: /r/<id>/, redirecting to the page.")]
Label = Annotated[str, Field(description="The words the pages show for it.")]
Count = Annotated[int, Field(ge=0, description="How many requirements got this answer.")]
BODY_STATUSES = ("proposed", "shadow", "established", "in-place", *sorted(GONE))


class Contract(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StatusFacts(Contract):
    """One voice's status on a milestone or commitment as at the file's as-of date."""

    status: Status
    overdue: bool = Field(description="Its due period ended before its place's last local paper and it is still open.")
    not_reported_since: Day | None = Field(
        description="Open, and due after its place's last local paper (that paper's date): no later paper could report."
    )
    no_evidence_since: Day | None = Field(
        description="Open and not yet due, with no evidence since this date (its latest entry)."
    )
    filter: Filter
    label: str = Field(description="The words the pages show, e.g. 'In progress (overdue)'.")


class TimelineEntry(Contract):
    """One dated entry of a record's timeline: an update in its record or a reviewer's verdict."""

    day: Day | None = Field(description="The day it counts from (the last day of the period it is dated).")
    status: Status
    voice: Literal["self", "independent", "reported"] = Field(
        description="self: the accountable body on itself; independent: a reviewer; reported: a third party's report."
    )
    by: Id | None = Field(
        description="Who gave it (a reviewer or reporting organisation), for independent or reported."
    )
    origin: str = Field(description="'update N' (its position in the record's updates) or the review's id.")


class Lifecycle(Contract):
    """An organisation's or body's status as at the as-of date (see the About page)."""

    status: str | None = Field(
        description="Bodies: " + ", ".join(BODY_STATUSES) + "; organisations: in-place, replaced, abolished, not-yet; "
        "null when the sources give no dated event.",
        json_schema_extra={"enum": [*BODY_STATUSES, None]},
    )
    since: Day | None = Field(description="When that status took effect, where known.")
    reason: str = Field(description="Why, in plain words; empty for one simply in place.")
    national_change: Id | None = Field(description="The national change that ended it or its host, if any.")
    ended_with: Id | None = Field(description="The organisation a body ended with, if it ended with its host.")


class SeatEnded(Contract):
    """A seat on a body in place whose organisation has ended."""

    seat: Id
    organisation: Id
    since: Day
    national_change: Id | None = Field(description="The national change that ended the organisation.")
    successor: Id | None = Field(description="Who took over its seats, where recorded.")


class DerivedFacts(Contract):
    """What the register computes about one record. Fields not applying to its kind are left out."""

    kind: str = Field(description="The record's kind (milestone, body, ...).")
    url: str = Field(description="The record's page, from the site root.")
    title: str = Field(description="Its title for lists: a plain title where the record has one, else its own.")
    due_start: Day | None = Field(default=None, description="First day of its due period (tracked records).")
    due_end: Day | None = Field(default=None, description="Last day of its due period.")
    due_precision: str | None = Field(default=None, description="How precise the due date is: day, month, year...")
    status: Status | None = Field(default=None, description="The register's status (the most recent evidence).")
    overdue: bool | None = Field(default=None, description="As in StatusFacts, for the register's status.")
    not_reported_since: Day | None = Field(default=None, description="As in StatusFacts.")
    no_evidence_since: Day | None = Field(default=None, description="As in StatusFacts.")
    filter: Filter | None = Field(default=None, description="As in StatusFacts.")
    label: str | None = Field(default=None, description="As in StatusFacts.")
    own: StatusFacts | None = Field(default=None, description="The accountable body's own voice.")
    independent: StatusFacts | None = Field(default=None, description="The independent reviewers' latest verdict.")
    reviewers: dict[str, StatusFacts] | None = Field(default=None, description="Each reviewer's voice, by reviewer id.")
    timeline: list[TimelineEntry] | None = Field(default=None, description="Every entry, in timeline order.")
    continued_by: list[Id] | None = Field(default=None, description="Later records of the same plan.")
    in_place: bool | None = Field(default=None, description="Organisations and bodies: in place at the as-of date.")
    lifecycle: Lifecycle | None = Field(default=None, description="Organisations and bodies: status, since, why.")
    body_status: str | None = Field(default=None, description="Bodies: the same status as lifecycle.status.")
    seats_ended: list[SeatEnded] | None = Field(
        default=None, description="Bodies in place: seats whose organisation ended."
    )


class StatusRule(Contract):
    """The status rule, as data: the words for each status, which are open, and the rule in prose."""

    labels: dict[str, str] = Field(description="Status -> label.")
    open: list[Status] = Field(description="Statuses that leave an item open (overdue once past due).")
    rule: str = Field(description="The rule in plain English (printed on the About page).")


class Horizon(Contract):
    """How far the evidence about a place reaches as at the as-of date."""

    local: Day | None = Field(description="Date of the newest local evidence about the place.")
    local_from: Id | None = Field(description="The source or review it comes from.")
    national: Day | None = Field(description="Date of the newest national change in force for the place.")
    national_from: Id | None = Field(description="The record it comes from.")


class CheckFinding(Contract):
    """One finding of a public rule check (the Checks page)."""

    rule: str = Field(description="The rule's id.")
    title: str = Field(description="The rule's title.")
    records: list[Id] = Field(description="The records it is about, the first being its subject.")
    finding: str = Field(description="The finding, without the subject's name (as the Checks page prints it).")
    message: str = Field(description="The finding with the subject's name in front ('Name: finding').")


class NotCounted(Contract):
    seat: Id
    why: str = Field(description="Why a seat that names the requirement does not count.")


class Citation(Contract):
    source: Id
    at: str = Field(description="Section, paragraph or table of the source.")
    note: str | None = Field(default=None, description="Why this passage supports the fact, where not obvious.")
    quote: str | None = Field(default=None, description="The exact words relied on, where recorded.")


class RequirementResult(Contract):
    """One requirement of a rule set, checked against one body."""

    rule_set: Id
    requirement: Id
    label: str = Field(description="The requirement's short name.")
    basis: Literal["statutory", "policy"] = Field(description="statutory (an Act or regulations) or policy.")
    min: int = Field(description="Fewest seats it asks for.")
    max: int | None = Field(description="Most seats it allows, if any.")
    found: int = Field(description="Seats that certainly count (exact counts and the lower end of ranges).")
    found_most: int | None = Field(description="Seats that could count at most; null when a range has no top.")
    answer: Annotated[str, _enum(ANSWER_LABELS, "met, not-met or not-shown (by the sources; not a breach).")]
    why: str = Field(description="Why not met or not shown; empty when met.")
    seats: list[Id] = Field(description="The seats that count.")
    not_counted: list[NotCounted] = Field(description="Seats that name the requirement but do not count.")
    cites: list[Citation] = Field(description="Where the requirement comes from.")


class BodyCompliance(Contract):
    """A body a rule set applies to, checked as at the as-of date."""

    body: Id
    rule_sets: list[Id] = Field(description="The rule sets that apply to it at the date.")
    status: Annotated[str, _enum(STATUS_LABELS, "meets, shortfall, not-shown or membership-not-recorded.")]
    comparison: bool = Field(
        description="The body is only proposed: the rules are compared, never counted as a breach."
    )
    met: Count
    not_met: Count
    not_shown: Count
    total: int = Field(ge=0, description="How many requirements apply (the three answers add up to it).")
    headline: str = Field(description="The counts in words, as the body's page heads its panel.")
    results: list[RequirementResult] = Field(description="One per requirement, in the rule sets' order.")


class RegisterFile(Contract):
    """data/register.json: every record, and everything the register computes about them."""

    name: str = Field(description="'Governance Register'.")
    format_version: FormatVersion
    contract: ContractName
    schema_: str = Field(alias="schema", description="The schema of `records`: register.schema.json.")
    version: DataVersion
    as_of: Day = Field(description="The register's 'today': every status and check is as at this date.")
    records: dict[str, list[dict[str, Any]]] = Field(
        description="Every record, one list per kind file (described by register.schema.json)."
    )
    derived: dict[Id, DerivedFacts] = Field(description="Record id -> what the register computes about it.")
    status_rule: StatusRule = Field(description="The status rule as data.")
    horizons: dict[Id, Horizon] = Field(description="Place id -> how far its evidence reaches.")
    checks: list[CheckFinding] = Field(description="Every finding of the public rule checks (the Checks page).")
    compliance: list[BodyCompliance] = Field(description="Every body a rule set applies to, checked at the date.")


class StatusStep(Contract):
    """From a day on (until the next step), a record's status."""

    from_: Day | None = Field(alias="from", description="The first day of the step; null for 'before any evidence'.")
    status: Status
    overdue: bool = Field(description="Overdue on those days (due before its place's last local paper, still open).")
    filter: Filter
    label: Label


class StatusFile(Contract):
    """data/status.json: each tracked record's status as a step function of the date (the date picker's data)."""

    format_version: FormatVersion
    contract: ContractName
    version: DataVersion
    as_of: Day
    records: dict[Id, list[StatusStep]] = Field(description="Record id -> its steps, oldest first.")


class PageRecord(Contract):
    """A record's page."""

    id: Id
    kind: str = Field(description="The record's kind.")
    title: str = Field(description="Its title for lists.")
    url: Url
    places: list[Id] = Field(description="The places it belongs to.")
    permalink: Permalink


class PageItem(Contract):
    """An item inside a record (a principle, a seat, a budget line) with a link of its own."""

    id: Id
    kind: Literal["item"] = Field(description="Always 'item'.")
    parent: Id = Field(description="The record the item belongs to.")
    url: Url
    permalink: Permalink


class OtherPage(Contract):
    """A list page or another page of the site."""

    url: Url
    title: str = Field(description="The page's title.")


class PagesFile(Contract):
    """data/pages.json: every page of the site, with permanent links for records and their items."""

    format_version: FormatVersion
    contract: ContractName
    records: list[PageRecord] = Field(description="Every record, by id.")
    items: list[PageItem] = Field(description="Every item with its own link, by id.")
    pages: list[OtherPage] = Field(description="List pages and the site's other pages.")


class KindFile(Contract):
    """data/<kind>.json: the records of one kind (described by register.schema.json)."""

    name: str = Field(description="'Governance Register: ' and the kind's label.")
    format_version: FormatVersion
    contract: ContractName
    version: DataVersion
    as_of: Day
    kind: str = Field(description="The kind of every record in the file.")
    records: list[dict[str, Any]] = Field(description="The records (described by register.schema.json).")


FILES: dict[str, type[Contract]] = {
    "data/register.json": RegisterFile,
    "data/status.json": StatusFile,
    "data/pages.json": PagesFile,
    "data/<kind>.json": KindFile,
}
"""Every JSON file the site publishes beyond the data schema, with its model."""


def contract_schema() -> dict[str, Any]:
    """One JSON Schema (2020-12) with a definition per published file."""
    from pydantic.json_schema import models_json_schema

    _, schema = models_json_schema(
        [(model, "serialization") for model in FILES.values()], ref_template="#/$defs/{model}", by_alias=True
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": CONTRACT_JSON,
        "title": "Governance Register: published files",
        "description": f"Format version {FORMAT_VERSION}. One definition per file: "
        + "; ".join(f"{path}: #/$defs/{model.__name__}" for path, model in FILES.items())
        + ". Records themselves are described by register.schema.json.",
        "format_version": FORMAT_VERSION,
        "$defs": dict(sorted(schema["$defs"].items())),
    }


def _type_words(prop: dict[str, Any]) -> str:
    """A JSON Schema property's type in a few words: 'string', 'list of CheckFinding', 'date or null'."""
    if "$ref" in prop:
        return str(prop["$ref"]).rsplit("/", 1)[-1]
    if "allOf" in prop:
        return " and ".join(_type_words(p) for p in prop["allOf"])
    if "anyOf" in prop:
        return " or ".join(_type_words(p) for p in prop["anyOf"])
    kind = prop.get("type", "any")
    if kind == "array":
        return "list of " + _type_words(prop.get("items", {}))
    if kind == "object" and isinstance(prop.get("additionalProperties"), dict):
        return "map of id to " + _type_words(prop["additionalProperties"])
    if prop.get("format") == "date":
        return "date"
    if "enum" in prop:
        return "one of " + ", ".join("null" if v is None else str(v) for v in prop["enum"])
    return str(kind)


def contract_tables() -> list[tuple[str, str, list[tuple[str, bool, str, str]]]]:
    """Each definition of the contract as (name, what it is, [(field, required, type, meaning)]): the
    Data model page prints them, so the page and the schema cannot disagree."""
    defs = contract_schema()["$defs"]
    files = [m.__name__ for m in FILES.values()]
    order = files + sorted(n for n in defs if n not in files)
    out = []
    for name in order:
        d = defs[name]
        required = set(d.get("required", ()))
        rows = [
            (field, field in required, _type_words(prop), prop.get("description", ""))
            for field, prop in d.get("properties", {}).items()
        ]
        out.append((name, d.get("description", ""), rows))
    return out


def contract_text() -> str:
    return json.dumps(contract_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


__all__ = ["CONTRACT_JSON", "FILES", "FORMAT_VERSION", "contract_schema", "contract_tables", "contract_text"]
