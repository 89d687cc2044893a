"""The home page's view of the places: nested, each with counts by status and a small bar.

Why: a resident's first question is "what is there for my place, and is it happening?".
Counts read each record's register filter from `Derived.standing` (the one status rule),
so the home page and the registers' place pages always agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..derive import Derived
from ..index import Index
from ..markup import MD, html_text
from ..models import BY_NAME
from ..status import FILTER_LABELS, LABELS, ORDER
from ..urls import register_path

SHOWN = ["done", "in-progress", "planned", "changed", "overdue", "not-reported", "no-evidence"]
"""The statuses with a colour of their own, in bar order; the rest (missed, superseded, dropped) share grey."""
BAR_ORDER = [*SHOWN, *(s for s in ORDER if s not in SHOWN)]
WORDS = {**FILTER_LABELS, "other": "Other"}
COLOURS = {
    "done": "#007f3b",
    "in-progress": "#005eb8",
    "planned": "#41b6e6",
    "changed": "#4c6272",
    "overdue": "#d5281b",
    "not-reported": "#ffb81c",
    "no-evidence": "#ffffff",
    "other": "#aeb7bd",
}


def status_counts(derived: Derived, rids: Iterable[str]) -> dict[str, int]:
    """Counts by register filter ('overdue' before the status), in bar order."""
    counts = dict.fromkeys(BAR_ORDER, 0)
    for rid in rids:
        counts[derived.standing[rid].overall.filter] += 1
    return counts


@dataclass(frozen=True, slots=True)
class KindSummary:
    kind: str  # milestone or commitment
    label: str  # "commitments"
    total: int
    counts: dict[str, int]
    link: str | None  # the register filtered to the place (`_registers` makes one wherever it has rows)
    bar: MD  # the counts as a small bar (status_bar)

    def noun(self) -> str:
        return self.label if self.total != 1 else self.label.removesuffix("s")

    def words(self) -> str:
        return ", ".join(f"{n} {WORDS[s].lower()}" for s, n in self.counts.items() if n)


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    id: str
    depth: int
    bodies: int
    """Bodies recorded as in place as at the as-of date (the place page's "Who decides what here, now")."""
    ended: int
    """Bodies of the place no longer in place (abolished or replaced)."""
    kinds: list[KindSummary]
    evidence: str
    """How far the evidence about the place reaches, e.g. 'local papers up to 8 January 2021; ...'."""
    within: tuple[str, ...] = ()
    """Places below this one that have no summary of their own on the home page (a national register)."""

    @property
    def indent(self) -> MD:
        """Markdown list indentation for the place's depth (four spaces a level)."""
        return MD("    " * self.depth)


HOME_PLACES = 60
"""Up to this many places, the home page summarises every one; beyond, the places down to the
systems (depth 1), each naming the places within it. Why: 42 systems have hundreds of places,
and a summary each made the home page over 500 KB."""


def place_summaries(index: Index, derived: Derived, most: int = HOME_PLACES) -> list[PlaceSummary]:
    """Places depth-first under the place they lie in, with counts of their own records (as the
    registers' place pages count them): every place, or with more than `most`, depth 0 and 1."""
    places = index.of_kind("place")
    ids = {p.id for p in places}
    children: dict[str | None, list[str]] = {}
    for p in places:
        parent = getattr(p, "part_of", None)
        children.setdefault(parent if parent in ids else None, []).append(p.id)
    tracked = set(derived.tracked)
    deepest = 1 if len(places) > most else None
    out: list[PlaceSummary] = []

    def below(pid: str) -> list[str]:
        return [d for child in children.get(pid, []) for d in (child, *below(child))]

    def visit(pid: str, depth: int) -> None:
        held = dict(derived.in_place.get(pid, ()))
        kinds = []
        for k, plural in (("commitment", "commitments"), ("milestone", "milestones")):
            mine = [rid for rid in held.get(k, ()) if rid in tracked]
            link = register_path(BY_NAME[k], "place", pid) if mine else None
            counts = status_counts(derived, mine)
            noun = plural if len(mine) != 1 else k
            bar = status_bar(f"{pid}-{k}-bar", f"{len(mine)} {noun} in {index.title(pid)}", counts)
            kinds.append(KindSummary(k, plural, len(mine), counts, link, bar))
        bodies = held.get("body", ())
        live = sum(derived.deciders[b].group == "now" for b in bodies)
        ended = sum(derived.deciders[b].group == "ended" for b in bodies)
        evidence = derived.horizons[pid].words()
        within = tuple(below(pid)) if deepest is not None and depth == deepest else ()
        out.append(PlaceSummary(pid, depth, live, ended, kinds, evidence, within))
        if within:
            return
        for child in children.get(pid, []):
            visit(child, depth + 1)

    for root in children.get(None, []):
        visit(root, 0)
    return out


def status_bar(uid: str, what: str, counts: dict[str, int]) -> MD:
    """A small stacked bar (SVG, role=img) of counts by status; its name states every count."""
    total = sum(counts.values())
    width, height = 160, 12
    said = ", ".join(f"{n} {WORDS[s].lower()}" for s, n in counts.items() if n) or "none"
    rects = []
    x = 0.0
    for s, n in counts.items():
        if not n:
            continue
        w = width * n / total
        colour, css = (COLOURS[s], s) if s in COLOURS else (COLOURS["other"], "other")
        rects.append(
            f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{colour}" class="gr-seg gr-seg-{css}"/>'
        )
        x += w
    frame = f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" fill="none" stroke="#4c6272"/>'
    return MD(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="gr-bar" role="img" aria-labelledby="{html_text(uid)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        f'<title id="{html_text(uid)}">{html_text(f"{what}: {said}")}</title>{"".join(rects)}{frame}</svg>'
    )


def legend() -> MD:
    """The bar colours, in words (the bars' names already say every count, so hidden from screen readers)."""
    rest = ", ".join(LABELS[s].lower() for s in BAR_ORDER if s not in SHOWN)
    keys = [(s, WORDS[s]) for s in SHOWN] + [("other", f"Other ({rest})")]
    items = "".join(f'<span class="gr-key gr-seg-{s}">{html_text(words)}</span>' for s, words in keys)
    return MD(f'<p class="gr-legend" aria-hidden="true">{items}</p>')
