"""Place summaries: each place's bodies and its tracked items counted by status, worked out once.

Why: the home page and the national registers' "By place" tables print the same counts, and
each once counted them itself (three times per national build). `derive` calls this once;
the counts read each record's register filter from the one status rule (`Derived.standing`),
so the home page and the registers' place pages always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .deciders import Decider
from .horizon import Horizon
from .models import BY_NAME
from .places import PlaceTree
from .status import FILTER_LABELS, ORDER, Standing
from .urls import register_path

SHOWN = ("done", "in-progress", "planned", "changed", "overdue", "not-reported", "no-evidence")
"""The statuses with a colour of their own, in bar order; the rest (missed, superseded, dropped) share grey."""
BAR_ORDER = (*SHOWN, *(s for s in ORDER if s not in SHOWN))
"""Register filters in the order the summaries count and the bars draw them."""
WORDS = {**FILTER_LABELS, "other": "Other"}

HOME_PLACES = 60
"""Up to this many places, the home page summarises every one; beyond, the places down to the
systems (depth 1), each naming the places within it. Why: 42 systems have hundreds of places,
and a summary each made the home page over 500 KB."""

SUMMED = (("commitment", "commitments"), ("milestone", "milestones"))
"""The tracked kinds a summary counts, in the order it prints them, with their plural."""


@dataclass(frozen=True, slots=True)
class KindSummary:
    """One tracked kind's items in a place, counted by register filter."""

    kind: str
    """milestone or commitment"""
    label: str
    """The plural: 'commitments'."""
    total: int
    counts: Mapping[str, int]
    """Register filter -> how many, in `BAR_ORDER`, zeros included."""
    link: str | None
    """The register filtered to the place (made wherever it has rows); None when it has none."""

    def noun(self) -> str:
        return self.label if self.total != 1 else self.label.removesuffix("s")

    def words(self) -> str:
        return ", ".join(f"{n} {WORDS[s].lower()}" for s, n in self.counts.items() if n)


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    id: str
    depth: int
    bodies: int
    """Bodies deciding now as at the as-of date (the place page's "Who decides what here, now")."""
    ended: int
    """Bodies of the place no longer in place (abolished or replaced)."""
    kinds: tuple[KindSummary, ...]
    evidence: str
    """How far the evidence about the place reaches, e.g. 'local papers up to 8 January 2021; ...'."""
    within: tuple[str, ...] = ()
    """Places below this one that have no summary of their own (a national register)."""


def status_counts(standing: Mapping[str, Standing], rids: Iterable[str]) -> dict[str, int]:
    """Counts by register filter ('overdue' before the status), in bar order."""
    counts = dict.fromkeys(BAR_ORDER, 0)
    for rid in rids:
        counts[standing[rid].overall.filter] += 1
    return counts


def is_national(places: int) -> bool:
    """Whether a register of this many places is summarised down to its systems only."""
    return places > HOME_PLACES


def place_summaries(
    tree: PlaceTree,
    in_place: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]],
    standing: Mapping[str, Standing],
    deciders: Mapping[str, Decider],
    horizons: Mapping[str, Horizon],
    national: bool,
) -> tuple[PlaceSummary, ...]:
    """Places depth-first under the place they lie in, with counts of their own records (as the
    registers' place pages count them): every place, or for a national register, depth 0 and 1,
    each place at depth 1 naming the places within it."""
    out: list[PlaceSummary] = []

    def visit(pid: str, depth: int) -> None:
        held = dict(in_place.get(pid, ()))
        kinds = []
        for k, plural in SUMMED:
            mine = [rid for rid in held.get(k, ()) if rid in standing]
            link = register_path(BY_NAME[k], "place", pid) if mine else None
            kinds.append(KindSummary(k, plural, len(mine), status_counts(standing, mine), link))
        bodies = held.get("body", ())
        live = sum(deciders[b].group == "now" for b in bodies)
        ended = sum(deciders[b].group == "ended" for b in bodies)
        within = tree.below(pid) if national and depth == 1 else ()
        out.append(PlaceSummary(pid, depth, live, ended, tuple(kinds), horizons[pid].words(), within))
        if within:
            return
        for child in tree.children.get(pid, ()):
            visit(child, depth + 1)

    for root in tree.roots:
        visit(root, 0)
    return tuple(out)
