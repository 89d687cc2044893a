"""The "since your last review" view: one per place and reviewer.

A plain view of `Derived.packs` (the same rows as the reviewer's spreadsheet), so the
page and the spreadsheet can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..derive import Derived
from ..packs import Pack
from ..urls import review_pack


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


def since_views(derived: Derived) -> list[SinceView]:
    """Every place-and-reviewer view of the register (`Derived.packs` with a reviewer)."""
    return [
        SinceView(
            pack,
            review_pack(pack.place, "md", pack.reviewer),
            review_pack(pack.place, "xlsx", pack.reviewer),
            review_pack(pack.place, "csv", pack.reviewer),
        )
        for pack in derived.packs
        if pack.reviewer
    ]
