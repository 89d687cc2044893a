"""The "since your last review" view: one per place and reviewer.

A plain view built from `rows.pack_rows` (the same rows as the reviewer's pack), so the
page and the spreadsheet can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..derive import Derived
from ..index import Index
from ..urls import review_pack
from .rows import Pack, pack_rows, reviewers_of, tracked_in


@dataclass(frozen=True, slots=True)
class SinceView:
    """What a template needs: the pack, and where its files are."""

    pack: Pack
    page: str  # site path of the page (Markdown)
    xlsx: str  # site path of the pack as a workbook
    csv: str  # site path of the pack as CSV

    @property
    def overdue(self) -> int:
        return sum(1 for r in self.pack.rows if r.now_overdue)


def since_views(index: Index, derived: Derived) -> list[SinceView]:
    """Every place-and-reviewer view of the register."""
    out: list[SinceView] = []
    for place in index.of_kind("place"):
        if not tracked_in(index, derived, place.id):
            continue
        for reviewer in reviewers_of(index, derived, place.id):
            page = review_pack(place.id, "md", reviewer)
            rows = pack_rows(index, derived, place.id, reviewer)
            out.append(
                SinceView(rows, page, review_pack(place.id, "xlsx", reviewer), review_pack(place.id, "csv", reviewer))
            )
    return out
