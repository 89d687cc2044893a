"""The trace: what each later paper said about each earlier paper's promises.

Why: users ask of every milestone, commitment, decision and consultation position "what happened
to it?". Each item belongs to the paper it was first printed in; every later paper (in date order)
either speaks to it, through an update citing that paper, or is silent. Silence is an editor's
finding only when the later paper lists the earlier one in `traces`; otherwise the item was never
read against it ("not traced").

Pure functions over the index, run once by `derive`; the render layer prints a page per paper
from `TracePage`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel

from .index import Index
from .load import Loaded
from .models import Commitment, Consultation, Decision, Milestone, Source
from .models.common import Citation, StatusUpdate
from .models.option import Question
from .places import PlaceTree
from .problems import Problem

Traced = Milestone | Commitment | Decision | Question
"""What the trace follows: a record, or a consultation's question (its position)."""

TRACED_KINDS = ("milestone", "commitment", "decision", "consultation")
"""Kinds whose items are traced; a consultation contributes one item per question (position)."""


@dataclass(frozen=True, slots=True)
class TraceCell:
    """What one later paper said about one item: its latest update citing that paper, or None."""

    source: str
    update: StatusUpdate | None
    traced: bool
    """The later paper lists the item's paper in `traces` (so None means 'silent', not 'not read')."""

    @property
    def verdict(self) -> str:
        if self.update is not None:
            return "reconfirmed" if self.update.reconfirmed else self.update.status
        return "silent" if self.traced else "not traced"


@dataclass(frozen=True, slots=True)
class TraceRow:
    """One item of a paper and, for each later paper in date order, what it said."""

    item: str
    cells: tuple[TraceCell, ...]


def source_day(source: Source) -> date:
    """The day a paper counts from (its first day; meetings over several days start it)."""
    return source.date.start or source.date.end or date.max


def sources_in_order(index: Index) -> list[Source]:
    """All papers, oldest first by their date's range (`Period.sort_key`), ties by id: the one order of
    papers for trace pages and the "as at" pages."""
    return sorted(index.sources().values(), key=lambda s: (s.date.sort_key, s.id))


def own_source(sources: Mapping[str, Source], item: BaseModel, owner: BaseModel | None = None) -> str | None:
    """The paper an item belongs to: a decision's `source`, else the oldest paper its citations name."""
    if isinstance(item, Decision):
        return item.source
    cites: list[Citation] = list(getattr(item, "cites", None) or [])
    if not cites and owner is not None:
        cites = list(getattr(owner, "cites", None) or [])
    known = [c.source for c in cites if c.source in sources]
    if not known:
        return None
    return min(known, key=lambda sid: (source_day(sources[sid]), sid))


def traced_items(index: Index) -> list[tuple[str, str, list[StatusUpdate]]]:
    """(item id, own source id, updates) for every milestone, commitment, decision and question."""
    out: list[tuple[str, str, list[StatusUpdate]]] = []
    sources = index.sources()
    for kind in TRACED_KINDS:
        for record in index.of_kind(kind):
            if isinstance(record, Milestone | Commitment | Decision):
                sid = own_source(sources, record)
                if sid:
                    out.append((record.id, sid, list(record.updates)))
            elif isinstance(record, Consultation):
                for question in record.questions:
                    sid = own_source(sources, question, record)
                    if sid:
                        out.append((question.id, sid, list(question.updates)))
    return out


def trace_rows(index: Index) -> dict[str, list[TraceRow]]:
    """Per paper (oldest first): its items, each with one cell per later paper in date order."""
    ordered = sources_in_order(index)
    rank = {s.id: i for i, s in enumerate(ordered)}
    traces = {s.id: frozenset(s.traces) for s in ordered}
    rows: dict[str, list[TraceRow]] = {s.id: [] for s in ordered}
    for item_id, sid, updates in sorted(traced_items(index)):
        last_citing: dict[str, StatusUpdate] = {}  # paper id: the last update that cites it
        for update in updates:
            for cite in update.cites:
                last_citing[cite.source] = update
        cells = tuple(
            TraceCell(paper.id, last_citing.get(paper.id), sid in traces[paper.id])
            for paper in ordered[rank[sid] + 1 :]
        )
        rows[sid].append(TraceRow(item_id, cells))
    return rows


def trace_problems(index: Index) -> list[Problem]:
    """What the trace cannot hold, for `validate`: an update citing a paper older than its item's own
    paper (a paper cannot report on an item first printed after it), and a plan replaced by itself.

    Why in validation: the trace pages and the statuses read every update as what a later paper said;
    these were checked only by the tests of the bundled data, so another register's author never saw them.
    """
    sources = index.sources()
    out: list[Problem] = []
    for kind in TRACED_KINDS:
        for record in index.of_kind(kind):
            loaded = index.records[record.id]
            if isinstance(record, Consultation):
                for i, question in enumerate(record.questions):
                    out += _item_problems(
                        loaded, ("questions", i), question, own_source(sources, question, record), sources
                    )
            elif isinstance(record, Milestone | Commitment | Decision):
                out += _item_problems(loaded, (), record, own_source(sources, record), sources)
    return out


def _item_problems(
    loaded: Loaded, prefix: tuple[str | int, ...], item: Traced, sid: str | None, sources: Mapping[str, Source]
) -> list[Problem]:
    out = []
    first = sources.get(sid) if sid else None  # a dangling `source` is reported by the index
    for j, update in enumerate(item.updates):
        at = (*prefix, "updates", j)
        if update.successor_id is not None and update.successor_id == item.id:
            out.append(loaded.problem((*at, "successor_id"), "a plan cannot be replaced by itself", "trace"))
        for k, c in enumerate(update.cites):
            cited = sources.get(c.source)
            if first is None or cited is None or source_day(cited) >= source_day(first):
                continue
            message = (
                f"cites {c.source!r} ({cited.date.text}), older than {first.id!r} ({first.date.text}), the paper "
                "the item was first printed in: a paper cannot report on an item printed after it"
            )
            out.append(loaded.problem((*at, "cites", k, "source"), message, "trace"))
    return out


@dataclass(frozen=True, slots=True)
class TracePage:
    """What a paper's trace page shows.

    Why each item lists only the later papers read against its paper or speaking to it: whether a
    later paper was read against this one (`traces`) is a fact about the two papers, not about the
    item, so the page says it once at the top. Listing "not traced" under every item for every later
    paper made each page grow with every paper nationally (and the trace pages with the square of
    the papers); a Bolton promise gains nothing from a line per Cornwall paper. Later papers about
    unrelated places (no place in common, neither within the other) that were not read against this
    paper and say nothing to it are counted (`far`), not named; the index names every paper.
    """

    source: str
    later: int
    """How many papers in the register are later than this one."""
    read: tuple[str, ...]
    """Later papers read against this one (they list it in `traces`), in date order."""
    unread: tuple[str, ...]
    """Later papers not read against it that speak to one of its items or are about related places."""
    far: int
    """Later papers about unrelated places, not read against it and silent on its items."""
    items: tuple[tuple[str, tuple[TraceCell, ...]], ...]
    """Each item, with the cells of later papers read against the paper or speaking to the item."""
    counts: tuple[tuple[str, int], ...]
    """How many (item, later paper) pairs have each verdict, by verdict."""


def trace_pages(index: Index, rows: Mapping[str, tuple[TraceRow, ...]], tree: PlaceTree) -> dict[str, TracePage]:
    """A trace page per paper with items, oldest paper first."""
    sources = index.sources()
    out: dict[str, TracePage] = {}
    for src in sources_in_order(index):
        mine_rows = rows.get(src.id, ())
        if not mine_rows:
            continue
        cells = mine_rows[0].cells
        speaking = {c.source for row in mine_rows for c in row.cells if c.update is not None}
        mine = tree.reach(src.places)
        unread, far = [], 0
        for c in cells:
            if c.traced:
                continue
            other = sources[c.source].places
            if c.source in speaking or _near(mine, src.places, tree.reach(other), other):
                unread.append(c.source)
            else:
                far += 1
        out[src.id] = TracePage(
            source=src.id,
            later=len(cells),
            read=tuple(c.source for c in cells if c.traced),
            unread=tuple(unread),
            far=far,
            items=tuple(
                (row.item, tuple(c for c in row.cells if c.traced or c.update is not None)) for row in mine_rows
            ),
            counts=tuple(sorted(Counter(c.verdict for row in mine_rows for c in row.cells).items())),
        )
    return out


def _near(reach_a: frozenset[str], places_a: list[str], reach_b: frozenset[str], places_b: list[str]) -> bool:
    """Two papers are about related places: one covers a place the other covers or lies in."""
    return not reach_a.isdisjoint(places_b) or not reach_b.isdisjoint(places_a)


__all__ = [
    "TraceCell",
    "TracePage",
    "TraceRow",
    "own_source",
    "source_day",
    "sources_in_order",
    "trace_pages",
    "trace_rows",
    "traced_items",
]
