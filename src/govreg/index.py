"""Index: ids, cross-references, citations, budget arithmetic and backlinks.

Why: per-record validation cannot see the rest of the register. The index sees
everything at once, so it checks that ids are unique, that every reference and
citation resolves, and that budgets add up, and it records who links to whom
for reverse-index pages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from pydantic import BaseModel

from .load import Loaded, SeenId, format_path
from .models import Budget, OptionSet, Record, Source
from .models.common import Citation, iter_models, iter_refs
from .problems import Problem
from .yamlio import Path_

NESTED_ID_FIELDS = ("seats", "items", "options", "questions")
"""Lists whose items carry their own register-wide ids (seats, principles, options, questions)."""

BUDGET_TOLERANCE = 0.05
"""Printed budgets round to one decimal place; a smaller gap is rounding, not a mismatch."""


@dataclass(frozen=True, slots=True)
class Backlink:
    """`source` refers to the target through `field` (e.g. 'seats[2].organisation')."""

    source: str
    field: str


@dataclass
class Index:
    """The whole register, checked and cross-referenced."""

    records: dict[str, Loaded] = field(default_factory=dict)
    nested: dict[str, tuple[str, BaseModel]] = field(default_factory=dict)
    former: dict[str, str] = field(default_factory=dict)
    backlinks: dict[str, list[Backlink]] = field(default_factory=lambda: defaultdict(list))

    def get(self, rid: str) -> Record:
        return self.records[rid].record

    def of_kind(self, name: str) -> list[Record]:
        """Records of one kind, sorted by id.

        Why filter first: sorting the whole register on every call made page building quadratic.
        """
        mine = [x for x in self.records.values() if x.kind.name == name]
        return [x.record for x in sorted(mine, key=lambda x: x.record.id)]

    def title(self, rid: str) -> str:
        """A one-line title for any id, nested items included (e.g. 'Vision, item 2')."""
        if rid in self.records:
            return self.get(rid).title_text()
        owner, item = self.nested[rid]
        for name in ("role", "label"):
            value = getattr(item, name, None)
            if isinstance(value, str):
                return f"{value} ({self.get(owner).title_text()})"
        number = getattr(item, "number", None)
        if not number:
            for name in NESTED_ID_FIELDS:
                siblings = getattr(self.get(owner), name, None) or []
                if item in siblings:
                    number = str(siblings.index(item) + 1)
        return f"{self.get(owner).title_text()}, item {number}"

    def kind_of(self, rid: str) -> str:
        return self.records[rid].kind.name

    def sources(self) -> dict[str, Source]:
        return {r.id: r for r in self.of_kind("source") if isinstance(r, Source)}


def _nested_ids(item: Loaded) -> list[tuple[Path_, str, BaseModel]]:
    out: list[tuple[Path_, str, BaseModel]] = []
    for name in NESTED_ID_FIELDS:
        for i, child in enumerate(getattr(item.record, name, None) or []):
            cid = getattr(child, "id", None)
            if isinstance(cid, str):
                out.append(((name, i, "id"), cid, child))
    return out


def build_index(loaded: list[Loaded], seen: list[SeenId] | None = None) -> tuple[Index, list[Problem]]:
    """Index the loaded records and check everything that spans records.

    `seen` lists every top-level id as written, including records that failed
    validation, so a duplicate is reported even when its twin is invalid.
    """
    index = Index()
    problems: list[Problem] = []
    first: dict[str, tuple[str, int]] = {}
    valid = {(x.file, x.locate(("id",))) for x in loaded}
    for s in seen or []:
        if (s.file, (s.line, s.column)) in valid:
            continue
        if s.id in first:
            file, line = first[s.id]
            problems.append(
                Problem(
                    s.file,
                    s.line,
                    s.column,
                    f"{s.kind} {s.id}: id {s.id!r} is already used ({file}:{line})",
                    "duplicate_id",
                )
            )
        else:
            first[s.id] = (s.file, s.line)

    def claim(rid: str, item: Loaded, path: Path_) -> bool:
        if rid in first:
            file, line = first[rid]
            problems.append(item.problem(path, f"id {rid!r} is already used ({file}:{line})", "duplicate_id"))
            return False
        first[rid] = (item.file, item.locate(path)[0])
        return True

    for item in loaded:
        rid = item.record.id
        if claim(rid, item, ("id",)):
            index.records[rid] = item
        for path, cid, child in _nested_ids(item):
            if claim(cid, item, path):
                index.nested[cid] = (rid, child)
        for i, old in enumerate(item.record.former_ids):
            if claim(old, item, ("former_ids", i)):
                index.former[old] = rid

    outlines = {sid: src.outline_refs() for sid, src in index.sources().items()}
    for rid, item in index.records.items():
        for path, target, kinds in iter_refs(item.record):
            found = index.records.get(target)
            if found is None or found.kind.name not in kinds:
                what = " or ".join(kinds)
                hint = f" (it is a {found.kind.name})" if found else ""
                if target in index.former:
                    hint = f" (renamed: use {index.former[target]!r})"
                problems.append(item.problem(path, f"no {what} with id {target!r}{hint}", "dangling_ref"))
                continue
            if target != rid:
                index.backlinks[target].append(Backlink(rid, format_path(path)))
        for path, model in iter_models(item.record):
            if isinstance(model, Citation) and model.source in outlines and model.at not in outlines[model.source]:
                message = f"locator {model.at!r} is not in the outline of source {model.source!r}"
                problems.append(item.problem((*path, "at"), message, "locator"))
        problems += _check_record(item)
    return index, problems


def _check_record(item: Loaded) -> list[Problem]:
    """Checks that need one whole record: budget totals, preferred options, outline refs."""
    rec = item.record
    problems: list[Problem] = []
    if isinstance(rec, Budget) and rec.printed_total and rec.printed_total.value is not None:
        computed = budget_total(rec)
        gap = abs(computed - rec.printed_total.value)
        if gap > BUDGET_TOLERANCE and not rec.total_mismatch_note:
            problems.append(
                item.problem(
                    ("printed_total",),
                    f"lines add up to {computed:g} but the printed total is {rec.printed_total.value:g}; "
                    "fix the lines or explain the paper's discrepancy in total_mismatch_note",
                    "budget_total",
                )
            )
    if isinstance(rec, OptionSet):
        ids = {o.id for o in rec.options}
        for i, pid in enumerate(rec.preferred):
            if pid not in ids:
                problems.append(item.problem(("preferred", i), f"no option {pid!r} in this set", "dangling_ref"))
    if isinstance(rec, Source):
        seen: set[str] = set()
        for i, sec in enumerate(rec.outline):
            if sec.ref in seen:
                problems.append(
                    item.problem(("outline", i, "ref"), f"outline ref {sec.ref!r} appears twice", "duplicate_id")
                )
            seen.add(sec.ref)
    return problems


def budget_total(budget: Budget) -> float:
    """Sum of the lines that have a value, rounded to the printed precision."""
    return round(sum(line.value for line in budget.lines if line.value is not None), 2)
