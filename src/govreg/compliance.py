"""Compliance: every body a rule set applies to, checked against each of its requirements.

Why: the statute that sets the minimum board of every integrated care board is held once
(a rule set) and checked against every board it applies to. A seat counts towards a
requirement only by its category and an explicit `fulfils` link, never because its role
title contains some words: "Chief Executive of ... Trust" on a partner member's seat is
not the board's chief executive. Participants and observers are not members and never
count. A body in scope that records no seats is "membership not recorded", not compliant.

Three answers per requirement, because sources are often silent: "met" when the recorded seats
meet it; "not met" only when they cannot (the body's record cites a source saying its seats are
the whole membership and they fall short, or it has more seats than the rule allows); otherwise
"not shown by the sources". A range count ('2 to 5') counts its lower end towards "at least" and
its upper end against "at most", and says so.

Pure: the index in, frozen values out; the pages, the Checks page and the exports all
print the same values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .index import Index, applies
from .models import Body, RuleSet
from .models.body import Seat
from .models.common import Citation
from .models.requirement import MEMBER_CATEGORIES, Constituency, Requirement

Status = Literal["meets", "shortfall", "not-shown", "membership-not-recorded"]
STATUS_LABELS: dict[str, str] = {
    "meets": "Meets every requirement",
    "shortfall": "Shortfall",
    "not-shown": "Not all shown by the sources",
    "membership-not-recorded": "Membership not recorded",
}

Answer = Literal["met", "not-met", "not-shown"]
ANSWER_LABELS: dict[str, str] = {"met": "Met", "not-met": "Not met", "not-shown": "Not shown by the sources"}
"""The three answers to one requirement, as every page and export words them."""


@dataclass(frozen=True, slots=True)
class Result:
    """One requirement, checked against one body."""

    rule_set: str
    requirement: str
    label: str
    text: str
    basis: str
    min: int
    max: int | None
    found: int
    """Seats that certainly count: exact counts, and the lower end of ranges."""
    most: int | None
    """Seats that could count at most (the upper end of ranges); None when a range has no top."""
    answer: Answer
    why: str
    """Why the answer: what was found, and for 'not shown', what the sources leave open."""
    seats: tuple[str, ...]
    """Ids of the seats that count towards it, in the body's order."""
    rejected: tuple[tuple[str, str], ...]
    """(seat id, why it does not count) for seats that name this requirement but do not fit it."""
    cites: tuple[Citation, ...]

    @property
    def met(self) -> bool:
        return self.answer == "met"

    def need_text(self) -> str:
        """'1', 'at least 3', '1 to 2': what the requirement asks for."""
        if self.max is None:
            return f"at least {self.min}"
        if self.max == self.min:
            return str(self.min)
        return f"{self.min} to {self.max}"

    def found_text(self) -> str:
        """'3', or '2 to 5' / 'at least 2' when a seat is recorded as a range."""
        if self.most == self.found:
            return str(self.found)
        if self.most is None:
            return f"at least {self.found}"
        return f"{self.found} to {self.most}"


@dataclass(frozen=True, slots=True)
class Compliance:
    """One body against every rule set that applies to it."""

    body: str
    rule_sets: tuple[str, ...]
    status: Status
    results: tuple[Result, ...]
    comparison: bool = False
    """The body is only proposed (or in shadow form) at the date: the rules are compared with its plan,
    never counted as a breach."""

    @property
    def met(self) -> int:
        return sum(r.answer == "met" for r in self.results)

    @property
    def not_met(self) -> int:
        return sum(r.answer == "not-met" for r in self.results)

    @property
    def not_shown(self) -> int:
        return sum(r.answer == "not-shown" for r in self.results)

    @property
    def total(self) -> int:
        return len(self.results)

    def counts_text(self) -> str:
        """'11 met, 1 not shown by the sources': the three answers counted apart (zeros left out)."""
        if self.met == self.total:
            return f"all {self.total} met"
        parts = [(self.met, "met"), (self.not_met, "not met"), (self.not_shown, "not shown by the sources")]
        return ", ".join(f"{n} {words}" for n, words in parts if n)

    def headline(self) -> str:
        """'Of 12 statutory and policy requirements: 11 met, 1 not shown by the sources'."""
        ahead = "A comparison, not a check (the body is proposed): " if self.comparison else ""
        if self.status == "membership-not-recorded":
            return f"{ahead}Membership not recorded: none of the {self.total} requirements can be checked"
        bases = sorted({r.basis for r in self.results}, key=("statutory", "policy").index)
        of = "of" if ahead else "Of"
        return f"{ahead}{of} {self.total} {' and '.join(bases)} requirements: {self.counts_text()}"


def _in(constituency: Constituency, who: str | None, body: Body, index: Index) -> bool:
    """Whether `who` (an organisation, body, seat or constituency id) belongs to the constituency."""
    if who is None:
        return False
    if who == constituency.id:
        return True
    if who in index.records:
        return getattr(index.get(who), "type", None) in constituency.organisation_types
    for seat in body.seats:
        if seat.id == who:
            return seat.category in constituency.seat_categories
    return False


def _why_not(req: Requirement, seat: Seat, body: Body, rules: RuleSet, index: Index) -> str | None:
    """Why a seat that names the requirement does not fit it, or None when it fits."""
    if not seat.member:
        return "not a member of the body"
    if seat.category is None:
        return "no category recorded"
    if seat.category not in req.categories:
        return f"category {seat.category}, not {' or '.join(req.categories)}"
    by_id = {c.id: c for c in rules.constituencies}
    if req.nominated_by is not None:
        wanted = by_id.get(req.nominated_by)
        label = wanted.label if wanted else req.nominated_by
        who = seat.nominators()
        if wanted is None or not who:
            return f"not recorded as nominated by {label}"
        # A joint nomination fits only when every nominator is of the required kind.
        outside = [w for w in who if not _in(wanted, w, body, index)]
        if outside:
            names = ", ".join(index.title(w) if w in index.records else w for w in outside)
            joint = "jointly nominated, but " if len(who) > 1 else ""
            return f"{joint}{names} is not one of {label}"
    if req.appointed_by is not None and seat.appointed_by is not None and seat.appointed_by != req.appointed_by:
        wanted = by_id.get(req.appointed_by)
        if wanted is None or not _in(wanted, seat.appointed_by, body, index):
            return "recorded as appointed by someone else"
    return None


def _answer(req: Requirement, low: int, high: int | None, body: Body) -> tuple[Answer, str]:
    """Met, not met or not shown, and why, from the seats that count (low and high ends)."""
    whole = body.whole_membership is not None
    if not any(s.member for s in body.seats):
        return "not-shown", "no member seats recorded"
    if req.max is not None and low > req.max:
        return "not-met", f"more than {req.max} recorded"
    short = low < req.min
    if short and whole and high is not None and high < req.min:
        return "not-met", "the recorded seats are the whole membership and too few fulfil it"
    if short:
        if high is None or high >= req.min:
            return "not-shown", "a seat recorded as a range may make up the number; the sources do not say"
        return "not-shown", "the sources read do not list the whole membership, so other members may fulfil it"
    if req.max is not None and (high is None or high > req.max):
        return "not-shown", f"a seat recorded as a range may take the number above {req.max}"
    return "met", ""


def _check(req: Requirement, body: Body, rules: RuleSet, index: Index) -> Result:
    counted: list[Seat] = []
    rejected: list[tuple[str, str]] = []
    for seat in body.seats:
        if req.match == "category":
            if seat.member and seat.category in req.categories:
                counted.append(seat)
            continue
        if req.id not in seat.fulfils:
            continue
        why = _why_not(req, seat, body, rules, index)
        if why is None:
            counted.append(seat)
        else:
            rejected.append((seat.id, why))
    low = sum(s.guaranteed() for s in counted)
    tops = [s.most() for s in counted]
    high = None if None in tops else sum(t for t in tops if t is not None)
    answer, why = _answer(req, low, high, body)
    return Result(
        rule_set=rules.id,
        requirement=req.id,
        label=req.label,
        text=req.text,
        basis=req.basis,
        min=req.min,
        max=req.max,
        found=low,
        most=high,
        answer=answer,
        why=why,
        seats=tuple(s.id for s in counted),
        rejected=tuple(rejected),
        cites=tuple(req.cites),
    )


def cite_text(index: Index, c: Citation) -> str:
    """A citation as plain text: 'National Health Service Act 2006, Sch 1B para 3(1)(b)'."""
    title = index.get(c.source).title_text() if c.source in index.records else c.source
    return f"{title}, {c.at}"


def compliance(
    index: Index, day: date | None = None, status: Mapping[str, str | None] | None = None
) -> dict[str, Compliance]:
    """Body id -> its compliance with every rule set that applies to it (bodies in scope only).

    As at `day`: only rule sets in force by then apply, and `status` (each body's status that day,
    from `lifecycle`) decides which bodies are checked: a body no longer in place, or not yet, is
    not checked; a proposed body, or one in shadow form, is compared with the rules, never counted
    as short of them. Without them every body in scope is checked (the tests of the rule itself).
    """
    rule_sets = [
        r
        for r in index.of_kind("rule-set")
        if isinstance(r, RuleSet) and (day is None or r.in_force is None or (r.in_force.start or date.min) <= day)
    ]
    out: dict[str, Compliance] = {}
    if not rule_sets:
        return out
    for body in index.of_kind("body"):
        if not isinstance(body, Body):
            continue
        now = status.get(body.id) if status is not None else None
        if now in ("replaced", "abolished", "not-yet"):
            continue
        mine = [rs for rs in rule_sets if applies(rs, body, index)]
        if not mine:
            continue
        results = tuple(_check(req, body, rs, index) for rs in mine for req in rs.requirements)
        members = [s for s in body.seats if s.member]
        result: Status
        if not members:
            result = "membership-not-recorded"
        elif any(r.answer == "not-met" for r in results):
            result = "shortfall"
        elif any(r.answer == "not-shown" for r in results):
            result = "not-shown"
        else:
            result = "meets"
        out[body.id] = Compliance(body.id, tuple(rs.id for rs in mine), result, results, now in ("proposed", "shadow"))
    return out


__all__ = [
    "ANSWER_LABELS",
    "MEMBER_CATEGORIES",
    "STATUS_LABELS",
    "Answer",
    "Compliance",
    "Result",
    "cite_text",
    "compliance",
]
