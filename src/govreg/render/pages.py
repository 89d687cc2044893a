"""What each template is given: one frozen, typed view per page template.

Why: a template can only print what its view holds, and a view's fields say exactly what that
is (Datasette documents each template's context the same way). `render_site`'s writer takes a
view and gives the template its fields, with `page`, `as_of` and `version`, which every page has.
The parts a record page includes are given the record's `RecordPage` and its kind's own view
(`own`), from `views.PARTS`.
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from typing import ClassVar

from ..checks import Finding, Rule
from ..data_model import DataModel
from ..dates import Period
from ..derive import Event
from ..index import BudgetSum
from ..markup import MD
from ..models import Kind, Place, Record, Source
from ..models.milestone import Tracked
from ..models.source import Section
from ..output import Output
from ..quarters import Quarter
from ..reviewpack.columns import Col
from ..status import Entry, Standing, StatusAt
from ..summary import KindSummary
from ..trace import TracePage
from ..versions import Diff
from .compliance import Checked, Panel, RuleSetView
from .overview import PlaceRow
from .since import SinceView


@dataclass(frozen=True, slots=True)
class DeciderView:
    """One body in a place's "Who decides what here, now", and the lead of a body's own page."""

    body: MD
    status: MD
    decides: MD
    public: str
    heard: str
    pools: MD | None


# ---------------------------------------------------------------- a record's own sections (parts/*.md.j2)


@dataclass(frozen=True, slots=True)
class BodyPart:
    reported_by: tuple[str, ...]
    diagram: MD | None
    compliance: Panel | None
    seat_ended: Mapping[str, MD]
    """Seat id -> what became of it, for seats drawn from organisations that have ended."""
    attested: tuple[MD, ...]
    nominated: Mapping[str, MD]
    """Seat id -> who nominates its holder."""


@dataclass(frozen=True, slots=True)
class BudgetPart:
    decided_by: MD
    contributors_ended: tuple[MD, ...]
    chart: MD | None
    sums: BudgetSum
    line_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourcePart:
    outline: tuple[tuple[Section, str, tuple[str, ...]], ...]
    """Each section, its anchor and the records and items drawn from it."""
    traced: bool


@dataclass(frozen=True, slots=True)
class PlacePart:
    sub_places: tuple[str, ...]
    governance_map: MD | None
    in_place: tuple[tuple[Kind, tuple[str, ...]], ...]
    deciders: tuple[tuple[str, str, tuple[DeciderView, ...]], ...]
    """(group, heading, bodies) in `deciders.GROUPS` order."""
    pools: tuple[MD, ...]
    parent: str | None


@dataclass(frozen=True, slots=True)
class ThemePart:
    themed: tuple[tuple[str, str, str], ...]
    """(place id, principle id, the principle's text)."""


@dataclass(frozen=True, slots=True)
class RulesPart:
    rules_view: RuleSetView


@dataclass(frozen=True, slots=True)
class ReformPart:
    ended: tuple[str, ...]
    """Organisations and bodies the change ended, as at the as-of date."""


@dataclass(frozen=True, slots=True)
class NoPart:
    """A kind whose part prints the record's own fields only."""


Part = BodyPart | BudgetPart | SourcePart | PlacePart | ThemePart | RulesPart | ReformPart | NoPart


# ---------------------------------------------------------------- pages


@dataclass(frozen=True, slots=True)
class RecordPage:
    TEMPLATE: ClassVar[str] = "record.md.j2"
    kind: Kind
    rec: Record
    part: str | None
    """The template of the kind's own sections, given `own`."""
    own: Part
    standing: Standing | None
    life: MD | None
    horizons: tuple[str, ...]
    timeline: tuple[Entry, ...]
    lead: MD | None
    resident: DeciderView | None
    prose: tuple[tuple[str, str], ...]
    facts: tuple[tuple[str, MD], ...]
    linked_from: tuple[tuple[str, tuple[str, ...]], ...]
    citation: str
    item_cites: Mapping[str, MD]
    item_links: tuple[tuple[str, MD], ...]


@dataclass(frozen=True, slots=True)
class ListPage:
    TEMPLATE: ClassVar[str] = "list.md.j2"
    kind: Kind
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    """(record id, its places)."""


@dataclass(frozen=True, slots=True)
class Row:
    """A register row."""

    id: str
    owners: tuple[str, ...]
    places: tuple[str, ...]
    due: Period | None
    status: StatusAt
    last: str


@dataclass(frozen=True, slots=True)
class RegisterPage:
    TEMPLATE: ClassVar[str] = "register.md.j2"
    kind: Kind
    facets: Mapping[str, tuple[tuple[str, str, str, int], ...]]
    """Facet (status, place, owner) -> (value, label, page, how many rows)."""
    by_place: tuple[tuple[str, KindSummary, tuple[tuple[str, str], ...]], ...] | None
    groups: tuple[tuple[str, tuple[Row, ...]], ...]
    count: int
    heading: str
    scope: tuple[str, str] | None
    horizons: tuple[str, ...] | None


@dataclass(frozen=True, slots=True)
class HomePage:
    TEMPLATE: ClassVar[str] = "home.md.j2"
    place_rows: tuple[PlaceRow, ...]
    places_map: MD
    bar_legend: MD
    overdue: tuple[tuple[str, str | None], ...]
    not_reported: tuple[tuple[str, str | None], ...]
    newest: tuple[date, str] | None
    latest: Event | None
    counts: tuple[tuple[Kind, int], ...]


@dataclass(frozen=True, slots=True)
class DataModelPage:
    TEMPLATE: ClassVar[str] = "data-model.md.j2"
    model: DataModel
    examples: Mapping[str, str]
    contract: tuple[tuple[str, str, tuple[tuple[str, bool, str, str], ...]], ...]
    format_version: str
    pack_columns: tuple[Col, ...]
    status_rule: str


@dataclass(frozen=True, slots=True)
class ChangesPage:
    TEMPLATE: ClassVar[str] = "changes.md.j2"
    events: tuple[Event, ...]
    month: date | None
    months: tuple[tuple[str, date, int], ...]
    diffs: tuple[Diff, ...]


@dataclass(frozen=True, slots=True)
class ChecksPage:
    TEMPLATE: ClassVar[str] = "checks.md.j2"
    results: tuple[tuple[Rule, tuple[Finding, ...]], ...]
    checked: tuple[Checked, ...]


@dataclass(frozen=True, slots=True)
class AsAtPage:
    TEMPLATE: ClassVar[str] = "as-at.md.j2"
    quarter: Quarter | None
    """None: the index page."""
    days: tuple[date, ...]
    horizons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReviewPackPage:
    TEMPLATE: ClassVar[str] = "review-pack.md.j2"
    place: Place
    rows: tuple[tuple[str, Tracked, Standing], ...]


@dataclass(frozen=True, slots=True)
class ReviewSincePage:
    TEMPLATE: ClassVar[str] = "review-since.md.j2"
    view: SinceView


@dataclass(frozen=True, slots=True)
class ReviewPacksPage:
    TEMPLATE: ClassVar[str] = "review-packs.md.j2"
    places: tuple[Place, ...]
    since: tuple[SinceView, ...]


@dataclass(frozen=True, slots=True)
class TraceSourcePage:
    TEMPLATE: ClassVar[str] = "trace.md.j2"
    source: Source
    view: TracePage


@dataclass(frozen=True, slots=True)
class TracesPage:
    TEMPLATE: ClassVar[str] = "traces.md.j2"
    papers: tuple[tuple[str, str, int, tuple[tuple[str, int], ...]], ...]
    """(title, trace page, items, (verdict, how many item and later paper pairs))."""


@dataclass(frozen=True, slots=True)
class DownloadsPage:
    TEMPLATE: ClassVar[str] = "downloads.md.j2"
    files: tuple[Output, ...]
    by_place: tuple[tuple[str, Mapping[str, tuple[tuple[str, str, int], ...]]], ...] | None
    """For a national register: place id -> role -> (text, path, size) of its own files."""
    columns: tuple[tuple[str, str], ...]


Page = (
    RecordPage
    | ListPage
    | RegisterPage
    | HomePage
    | DataModelPage
    | ChangesPage
    | ChecksPage
    | AsAtPage
    | ReviewPackPage
    | ReviewSincePage
    | ReviewPacksPage
    | TraceSourcePage
    | TracesPage
    | DownloadsPage
)
PAGES: tuple[type[Page], ...] = typing.get_args(Page)
"""Every page view; each page template has exactly one (a test says so)."""


def context(view: Page) -> dict[str, object]:
    """The view's fields as the template's variables (not copied deeper, unlike `dataclasses.asdict`)."""
    return {f.name: getattr(view, f.name) for f in fields(view)}
