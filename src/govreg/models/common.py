"""Types shared by every record kind: ids, references, citations, dates, updates.

Why: a reference is a plain id string in YAML, but the index must know which
kinds it may point at. `Ref(...)` puts that in the type, so one generic walker
in `index.py` checks every reference of every kind.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, model_validator
from pydantic_core import PydanticCustomError

from ..dates import DateError, Period, parse_period

ID_PATTERN = r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$"
"""Ids: lower-case ASCII letters and digits in words joined by single hyphens,
starting with a letter, at most 80 characters. They become URLs, so they never change;
a renamed record keeps its old ids in `former_ids`."""


class Strict(BaseModel):
    """Base for every model: unknown fields are errors, no type coercion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=80, description="Stable identifier; see the id rule.")]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]


@dataclass(frozen=True, slots=True)
class RefTo:
    """Marks a string field as a reference to a record of one of `kinds`."""

    kinds: tuple[str, ...]


def _ref_field(*kinds: str) -> Any:
    return Field(pattern=ID_PATTERN, max_length=80, description=f"Id of a {' or '.join(kinds)} record.")


# References, one alias per set of kinds a field may point at (checked by the index).
PlaceRef = Annotated[str, _ref_field("place"), RefTo(("place",))]
SourceRef = Annotated[str, _ref_field("source"), RefTo(("source",))]
ThemeRef = Annotated[str, _ref_field("theme"), RefTo(("theme",))]
OrganisationRef = Annotated[str, _ref_field("organisation"), RefTo(("organisation",))]
WorkstreamRef = Annotated[str, _ref_field("workstream"), RefTo(("workstream",))]
ActorRef = Annotated[str, _ref_field("organisation", "body"), RefTo(("organisation", "body"))]
LineRef = Annotated[
    str, _ref_field("organisation", "body", "workstream"), RefTo(("body", "organisation", "workstream"))
]
SubjectItemRef = Annotated[str, _ref_field("milestone", "commitment"), RefTo(("milestone", "commitment"))]
SubjectRef = Annotated[str, _ref_field("organisation", "body", "budget"), RefTo(("organisation", "body", "budget"))]
SUCCESSOR_KINDS = ("milestone", "commitment", "decision", "body", "budget", "workstream", "option-set", "principle-set")
SuccessorRef = Annotated[str, _ref_field(*SUCCESSOR_KINDS), RefTo(SUCCESSOR_KINDS)]


def _to_period(value: Any) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        text, context = value, None
    elif isinstance(value, dict) and set(value) == {"text", "year"} and all(isinstance(v, str) for v in value.values()):
        text, context = value["text"], value["year"]
    else:
        raise PydanticCustomError(
            "date_type", "expected a date text such as '2018/19' or a mapping with 'text' and 'year'"
        )
    try:
        return parse_period(text, context)
    except DateError as exc:
        msg = str(exc) if str(exc).startswith(("cannot", "date", "empty")) else f"cannot read date {text!r}"
        raise PydanticCustomError("date", msg) from None


class _PeriodIn(BaseModel):
    """A date that needs a year for context, such as 'in-year'."""

    model_config = ConfigDict(extra="forbid")
    text: str = Field(description="The words of the paper, e.g. 'in-year'.")
    year: str = Field(description="The financial year it refers to, e.g. '2019/20'.")


PeriodField = Annotated[
    Period,
    PlainValidator(_to_period, json_schema_input_type=str | _PeriodIn),
    PlainSerializer(lambda p: p.as_input(), return_type=str | dict[str, str]),
    Field(
        description="A date as the paper gives it: '2019-04-01', '1/4/22', 'September 2018', "
        "'Autumn 2019', '2018/19', 'Q3 2019/20', 'by December 2018', 'tbc', ..."
    ),
]


class Citation(Strict):
    """Where a fact comes from: a source paper and a locator in its outline."""

    source: SourceRef
    at: str = Field(
        min_length=1,
        max_length=80,
        description="Section, paragraph or table as the outline of the source names it, e.g. '4.8'.",
    )
    note: Text | None = Field(default=None, description="Why this passage supports the fact, where not obvious.")


Cites = Annotated[list[Citation], Field(min_length=1, description="The papers and paragraphs this comes from.")]
OptionalCites = Annotated[
    list[Citation],
    Field(
        default_factory=list,
        description="Citations for this item, where it needs its own (otherwise those of its record apply).",
    ),
]

Status = Literal["planned", "in-progress", "done", "changed", "superseded", "missed", "dropped"]
"""Status of a milestone or commitment, as a dated update records it."""


class StatusUpdate(Strict):
    """A dated status, with its evidence. History is appended, never rewritten."""

    date: PeriodField
    status: Status = Field(description="planned, in-progress, done, changed, superseded, missed or dropped.")
    summary: Text = Field(description="What the evidence says, in plain words.")
    reported_by: ActorRef | None = Field(
        default=None, description="Who gives this status: the accountable body or a reviewer."
    )
    voice: Literal["self", "independent", "reported"] = Field(
        default="self",
        description="'self' when the accountable body reports on itself; "
        "'independent' for Healthwatch, scrutiny or audit; 'reported' when another organisation or the press "
        "reports it (reported_by names who).",
    )
    cites: Cites
    quote: Text | None = Field(
        default=None,
        description="The paper's own words supporting this update, verbatim from the first cited passage "
        "('…' marks words left out).",
    )
    reconfirmed: bool = Field(
        default=False,
        description="A later paper restates the plan unchanged; the status stays planned or in-progress.",
    )
    successor_id: SuccessorRef | None = Field(
        default=None, description="The record of the plan that replaced this one (changed or superseded)."
    )
    successor_name: Text | None = Field(
        default=None,
        description="The new plan's name in words, when the register has no record of it (changed or superseded).",
    )

    @model_validator(mode="after")
    def _successor_named(self) -> StatusUpdate:
        if self.status in ("changed", "superseded") and not (self.successor_id or self.successor_name):
            raise ValueError(f"a {self.status} update must name what replaced the plan: successor_id or successor_name")
        if self.reconfirmed and self.status not in ("planned", "in-progress"):
            raise ValueError("a reconfirmed update restates the plan: its status is planned or in-progress")
        if self.voice == "reported" and not self.reported_by:
            raise ValueError("a reported update names who reported it: reported_by")
        return self


BodyStatus = Literal["proposed", "shadow", "established", "continuing", "replaced", "abolished"]


class BodyEvent(Strict):
    """A dated change in a body's (or an organisation's) existence."""

    status: BodyStatus = Field(
        description="proposed, shadow, established, continuing (a later source shows it still in place), "
        "replaced or abolished."
    )
    date: PeriodField = Field(description="When it happened, as the paper gives it.")
    summary: Text | None = Field(default=None, description="What happened, in plain words.")
    replaced_by: ActorRef | None = Field(default=None, description="Successor, if replaced.")
    cites: Cites


class Reading(Strict):
    """The register's own reading of one field, where the paper does not print it."""

    field: str = Field(min_length=1, max_length=80, description="The name of the field this reading is about.")
    note: Text = Field(description="What the register inferred, and from which words of the paper.")


class Search(Strict):
    """Public material the register looked through for later evidence about a record, and did not find."""

    what: Text = Field(description="What was looked for, and where (e.g. the search words used).")
    on: PeriodField = Field(description="When the register looked.")
    found: Text | None = Field(default=None, description="What turned up instead, if anything.")


class Record(Strict):
    """Fields every top-level record has."""

    id: Id
    former_ids: list[Id] = Field(
        default_factory=list, description="Ids this record had before; their URLs redirect here."
    )
    note: Text | None = Field(default=None, description="Editor's note: ambiguity in the paper, interpretation.")
    readings: list[Reading] = Field(
        default_factory=list,
        description="Fields whose value is the register's own reading (a type, purpose, host, definition) "
        "where the paper does not print it.",
    )
    looked_for: list[Search] = Field(
        default_factory=list,
        description="Later evidence the register looked for and did not find, so the page can say so.",
    )

    @model_validator(mode="after")
    def _readings_name_fields(self) -> Record:
        fields = type(self).model_fields
        for reading in self.readings:
            if reading.field not in fields or reading.field in {"id", "readings", "looked_for"}:
                names = ", ".join(sorted(set(fields) - {"id", "readings", "looked_for"}))
                raise ValueError(
                    f"readings: {reading.field!r} is not a field of a {type(self).__name__} (use one of: {names})"
                )
        return self

    def title_text(self) -> str:
        """A one-line title for lists and links."""
        for name in ("name", "title", "term"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                return value
        return self.id


def _ref_kinds(annotation: Any, metadata: list[Any]) -> tuple[str, ...]:
    """The kinds a field may refer to, found anywhere in its type, or ()."""
    for item in metadata:
        if isinstance(item, RefTo):
            return item.kinds
    for arg in get_args(annotation):
        if isinstance(arg, RefTo):
            return arg.kinds
        found = _ref_kinds(arg, [])
        if found:
            return found
    return ()


@functools.cache
def field_ref_kinds(model: type[BaseModel]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(field name, kinds it may refer to, or ()) for every field of a model class.

    Why cached: types do not change while the program runs, and walking every field's
    annotation for every record was a large part of indexing a national register.
    """
    return tuple((name, _ref_kinds(info.annotation, info.metadata)) for name, info in model.model_fields.items())


def iter_refs(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str, tuple[str, ...]]]:
    """Yield (path, target id, allowed kinds) for every reference in a model tree."""
    if isinstance(value, BaseModel):
        for name, kinds in field_ref_kinds(type(value)):
            child = getattr(value, name)
            if kinds and isinstance(child, str):
                yield (*path, name), child, kinds
            elif kinds and isinstance(child, list):
                for i, item in enumerate(child):
                    yield (*path, name, i), item, kinds
            elif isinstance(child, BaseModel | list):
                yield from iter_refs(child, (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_refs(item, (*path, i))


def iter_models(value: Any, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], BaseModel]]:
    """Yield (path, model) for the model and every model nested in it."""
    if isinstance(value, BaseModel):
        yield path, value
        for name in type(value).model_fields:
            yield from iter_models(getattr(value, name), (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_models(item, (*path, i))
