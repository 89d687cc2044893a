"""The trace: what each later paper said about each earlier paper's promises.

Why: users ask of every milestone, commitment, decision and consultation position "what happened
to it?". Each item belongs to the paper it was first printed in; every later paper (in date order)
either speaks to it, through an update citing that paper, or is silent. Silence is an editor's
finding only when the later paper lists the earlier one in `traces`; otherwise the item was never
read against it ("not traced").

Pure functions over the index, so the render layer can build a page per paper from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import BaseModel

from .index import Index
from .models import Commitment, Consultation, Decision, Milestone, Source
from .models.common import Citation, StatusUpdate

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


def own_source(index: Index, item: BaseModel, owner: BaseModel | None = None) -> str | None:
    """The paper an item belongs to: a decision's `source`, else the oldest paper its citations name."""
    if isinstance(item, Decision):
        return item.source
    cites: list[Citation] = list(getattr(item, "cites", None) or [])
    if not cites and owner is not None:
        cites = list(getattr(owner, "cites", None) or [])
    sources = index.sources()
    known = [c.source for c in cites if c.source in sources]
    if not known:
        return None
    return min(known, key=lambda sid: (source_day(sources[sid]), sid))


def traced_items(index: Index) -> list[tuple[str, str, list[StatusUpdate]]]:
    """(item id, own source id, updates) for every milestone, commitment, decision and question."""
    out: list[tuple[str, str, list[StatusUpdate]]] = []
    for kind in TRACED_KINDS:
        for record in index.of_kind(kind):
            if isinstance(record, Milestone | Commitment | Decision):
                sid = own_source(index, record)
                if sid:
                    out.append((record.id, sid, list(record.updates)))
            elif isinstance(record, Consultation):
                for question in record.questions:
                    sid = own_source(index, question, record)
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


__all__ = ["TraceCell", "TraceRow", "own_source", "source_day", "sources_in_order", "trace_rows", "traced_items"]
