"""The "since your last review" view: one per place and reviewer.

A plain view built from `rows.pack_rows` (the same rows as the reviewer's pack), so the
page and the spreadsheet can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..index import Index
from .rows import Pack, pack_rows, reviewers_of, tracked_in


@dataclass(frozen=True, slots=True)
class SinceView:
    """What a template needs: the pack, and where its files are."""

    pack: Pack
    page: str  # site path of the page (Markdown)
    files: str  # site path of the pack's files, without extension

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.pack.rows if "now overdue" in r.changes)


def since_views(index: Index, as_of: date) -> list[SinceView]:
    """Every place-and-reviewer view of the register."""
    out: list[SinceView] = []
    for place in index.of_kind("place"):
        if not tracked_in(index, place.id):
            continue
        for reviewer in reviewers_of(index, place.id):
            base = f"review-pack/{place.id}/{reviewer}"
            out.append(SinceView(pack_rows(index, as_of, place.id, reviewer), f"{base}.md", base))
    return out
