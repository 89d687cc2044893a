"""The home page's view of the places: each place's summary (`summary`, made by `derive`) with small bars.

Why: a resident's first question is "what is there for my place, and is it happening?". The
counts are derived once; this module only draws them, as a bar per kind and a colour key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..index import Index
from ..markup import MD, html_text
from ..status import LABELS
from ..summary import BAR_ORDER, SHOWN, WORDS, PlaceSummary

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


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """A place's line on the home page: its summary, indented to its depth, and a bar per kind."""

    summary: PlaceSummary
    indent: MD
    """Markdown list indentation for the place's depth (four spaces a level)."""
    bars: tuple[MD, ...]
    """A bar per kind of `summary.kinds`, in the same order."""


def place_row(index: Index, summary: PlaceSummary) -> PlaceRow:
    bars = tuple(
        status_bar(f"{summary.id}-{k.kind}-bar", f"{k.total} {k.noun()} in {index.title(summary.id)}", k.counts)
        for k in summary.kinds
    )
    return PlaceRow(summary, MD("    " * summary.depth), bars)


def status_bar(uid: str, what: str, counts: Mapping[str, int]) -> MD:
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
