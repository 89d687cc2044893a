"""Index: ids, cross-references, citations, budget arithmetic and backlinks.

Why: per-record validation cannot see the rest of the register. The index sees
everything at once, so it checks that ids are unique, that every reference and
citation resolves, and that budgets add up, and it records who links to whom
for reverse-index pages.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from pydantic import BaseModel

from .load import Loaded, SeenId, format_path
from .models import Body, Budget, OptionSet, Record, RuleSet, Source
from .models.common import Citation, StatusUpdate, iter_models, iter_refs
from .models.requirement import Constituency, Requirement
from .places import PlaceTree, tree_of
from .problems import Problem
from .yamlio import Path_

NESTED_ID_FIELDS = ("seats", "items", "options", "questions", "requirements", "constituencies")
"""Lists whose items carry their own register-wide ids (seats, principles, options, questions,
rule-set requirements and constituencies)."""

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
    by_kind: dict[str, list[Record]] | None = None
    """Records of each kind sorted by id, made by `seal` once every record is in."""
    place_tree: PlaceTree = field(default_factory=lambda: tree_of(()))
    """Which place lies in which, made by `seal`."""

    def get(self, rid: str) -> Record:
        return self.records[rid].record

    def of_kind(self, name: str) -> list[Record]:
        """Records of one kind, sorted by id.

        Why filter first: sorting the whole register on every call made page building quadratic.
        Why `by_kind`: pages and exports ask thousands of times at national size.
        """
        if self.by_kind is not None:
            return list(self.by_kind.get(name, ()))
        mine = [x for x in self.records.values() if x.kind.name == name]
        return [x.record for x in sorted(mine, key=lambda x: x.record.id)]

    def seal(self) -> None:
        """Group the records by kind for `of_kind`; call when no record will be added or removed."""
        groups: dict[str, list[Loaded]] = defaultdict(list)
        for x in self.records.values():
            groups[x.kind.name].append(x)
        self.by_kind = {k: [x.record for x in sorted(v, key=lambda x: x.record.id)] for k, v in groups.items()}
        self.place_tree = tree_of(self.by_kind.get("place", ()))

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
            for name in nested_fields(type(self.get(owner))):
                siblings = getattr(self.get(owner), name, None) or []
                if item in siblings:
                    number = str(siblings.index(item) + 1)
        return f"{self.get(owner).title_text()}, item {number}"

    def kind_of(self, rid: str) -> str:
        return self.records[rid].kind.name

    def sources(self) -> dict[str, Source]:
        return {r.id: r for r in self.of_kind("source") if isinstance(r, Source)}


@functools.cache
def nested_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a record class that hold nested items with ids (asking a pydantic model for a
    field it lacks takes pydantic's slow path, thousands of times at national size)."""
    return tuple(name for name in NESTED_ID_FIELDS if name in model.model_fields)


def _nested_ids(item: Loaded) -> list[tuple[Path_, str, BaseModel]]:
    out: list[tuple[Path_, str, BaseModel]] = []
    for name in nested_fields(type(item.record)):
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

    sources = index.sources()
    outlines = {sid: src.outline_refs() for sid, src in sources.items()}
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
            if isinstance(model, StatusUpdate) and path[:1] == ("updates",):
                problems += _future_evidence(item, path, model, sources)
        problems += _check_record(item)
    problems += _check_rules(index)
    index.seal()
    problems += _place_loops(index)
    return index, problems


def _place_loops(index: Index) -> list[Problem]:
    """A place that lies within itself (a `part_of` loop) would fall out of every nested list of places."""
    tree = index.place_tree
    out = []
    for pid in tree.parent:
        if tree.in_loop(pid):
            chain = [pid]
            while (up := tree.parent[chain[-1]]) != pid and up is not None:
                chain.append(up)
            out.append(
                index.records[pid].problem(
                    ("part_of",), "lies within itself: " + " -> ".join([*chain, pid]), "place_loop"
                )
            )
    return out


def _future_evidence(
    item: Loaded, path: tuple[str | int, ...], update: StatusUpdate, sources: dict[str, Source]
) -> list[Problem]:
    """A status update is dated by its evidence: each paper it cites must exist by the end of its date
    (a paper dated "April 2019" may back an update of 8 April 2019; one dated May 2019 may not).

    Why in validation: an update citing a later paper claims the status was known before it was
    (a page read in 2026 cannot report the position on 1 July 2022); the author needs to know.
    """
    out = []
    for j, c in enumerate(update.cites):
        src = sources.get(c.source)
        if src is None:
            continue
        first = src.date.start
        if first is None or update.date.end is None or first > update.date.end:
            when = src.date.text if first else "an unknown date"
            out.append(
                item.problem(
                    (*path, "cites", j, "source"),
                    f"the update is dated {update.date.text!r} but cites {c.source!r}, dated {when}: date the "
                    "update by its evidence (or cite the later source on a later update)",
                    "future_evidence",
                )
            )
    return out


def applies(rules: RuleSet, body: Body, index: Index) -> bool:
    """Whether a rule set applies to a body: every criterion it gives must hold."""
    scope = rules.applies_to
    if scope.tags and not set(scope.tags) & set(body.tags):
        return False
    if scope.body_types and body.type not in scope.body_types:
        return False
    if scope.hosted_by_types:
        types = {getattr(index.records[h].record, "type", None) for h in body.hosted_by if h in index.records}
        if not types & set(scope.hosted_by_types):
            return False
    return True


def _nested_of(index: Index, nid: str, kind: type) -> tuple[str, object] | None:
    found = index.nested.get(nid)
    if found is None or not isinstance(found[1], kind):
        return None
    return found


def _check_rules(index: Index) -> list[Problem]:
    """Links between seats and rule sets: `fulfils`, `nominated_by`, `appointed_by` resolve and fit.

    Why here: these are ids of nested items (requirements, constituencies, seats), which the
    generic reference walker does not know; a dangling or misplaced link would silently
    make a board look compliant or not.
    """
    problems: list[Problem] = []
    for rid, item in index.records.items():
        rec = item.record
        if isinstance(rec, RuleSet):
            own = {c.id for c in rec.constituencies}
            for i, req in enumerate(rec.requirements):
                if req.nominated_by is not None and req.nominated_by not in own:
                    problems.append(
                        item.problem(
                            ("requirements", i, "nominated_by"),
                            f"no constituency {req.nominated_by!r} in this rule set",
                            "dangling_ref",
                        )
                    )
                who = req.appointed_by
                if (
                    who is not None
                    and who not in own
                    and not (who in index.records and index.kind_of(who) in ("organisation", "body"))
                ):
                    problems.append(
                        item.problem(
                            ("requirements", i, "appointed_by"),
                            f"no constituency in this rule set or organisation with id {who!r}",
                            "dangling_ref",
                        )
                    )
        if not isinstance(rec, Body):
            continue
        seat_ids = {s.id for s in rec.seats}
        for i, seat in enumerate(rec.seats):
            for j, target in enumerate(seat.fulfils):
                found = _nested_of(index, target, Requirement)
                if found is None:
                    problems.append(
                        item.problem(
                            ("seats", i, "fulfils", j), f"no rule-set requirement with id {target!r}", "dangling_ref"
                        )
                    )
                    continue
                rules = index.get(found[0])
                if isinstance(rules, RuleSet) and not applies(rules, rec, index):
                    problems.append(
                        item.problem(
                            ("seats", i, "fulfils", j),
                            f"requirement {target!r} is in rule set {rules.id!r}, which does not apply to this body "
                            "(check the body's tags and type against the rule set's applies_to)",
                            "dangling_ref",
                        )
                    )
            joint = isinstance(seat.nominated_by, list)
            links: list[tuple[tuple[str | int, ...], str]] = [
                (("seats", i, "nominated_by", j) if joint else ("seats", i, "nominated_by"), t)
                for j, t in enumerate(seat.nominators())
            ]
            if seat.appointed_by is not None:
                links.append((("seats", i, "appointed_by"), seat.appointed_by))
            for path, target in links:
                name = str(path[2])
                ok = (target in index.records and index.kind_of(target) in ("organisation", "body")) or (
                    _nested_of(index, target, Constituency) is not None
                )
                if name == "appointed_by" and target in seat_ids and target != seat.id:
                    ok = True
                if not ok:
                    what = "organisation, body, constituency" + (" or seat" if name == "appointed_by" else "")
                    problems.append(item.problem(path, f"no {what} with id {target!r}", "dangling_ref"))
                elif target in index.records and target != rid:
                    index.backlinks[target].append(Backlink(rid, format_path(path)))
    return problems


def _check_record(item: Loaded) -> list[Problem]:
    """Checks that need one whole record: budget totals, preferred options, outline refs."""
    rec = item.record
    problems: list[Problem] = []
    if isinstance(rec, Budget) and rec.printed_total and rec.printed_total.value is not None:
        sums = budget_sum(rec)
        computed = sums.total
        if sums.adds_up is False and not rec.total_mismatch_note:
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


@dataclass(frozen=True, slots=True)
class BudgetSum:
    """A budget's lines added up, against the total its paper prints: the one place this is worked out."""

    total: float
    printed: float | None
    """The printed total's value, if the paper gives one with a figure."""

    @property
    def gap(self) -> float | None:
        return None if self.printed is None else round(self.total - self.printed, 2)

    @property
    def adds_up(self) -> bool | None:
        """True or False against a printed total (within BUDGET_TOLERANCE); None when none is printed."""
        return None if self.gap is None else abs(self.gap) <= BUDGET_TOLERANCE


def budget_sum(budget: Budget) -> BudgetSum:
    printed = budget.printed_total.value if budget.printed_total else None
    return BudgetSum(budget_total(budget), printed)
