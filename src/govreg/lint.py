"""Warnings: things a reader trips over that are not errors in the data.

Why: a title copied from a paper can be a fragment of its sentence ("Commence working
towards a single team;"). The exact wording must stay (people cite it), so the register
cannot refuse it; `validate` warns, and the editor adds a `plain_title`.
"""

from __future__ import annotations

import re
from datetime import date

from .dataset import evidence_dates
from .index import Index
from .models.milestone import Tracked
from .problems import Problem

UNFINISHED = re.compile(
    r"(?:[;,:–—-]|\b(?:and|or|to|the|of|with|for|by|in|a|an|on|that|which|including))\s*$", re.IGNORECASE
)
"""A title that ends mid-sentence: on a separator, or on a word that needs more after it."""


def unfinished_titles(index: Index) -> list[Problem]:
    """Warnings for milestone and commitment titles that end mid-sentence and have no plain title."""
    out = []
    for item in index.records.values():
        rec = item.record
        title = getattr(rec, "title", None)
        if isinstance(rec, Tracked) and isinstance(title, str) and UNFINISHED.search(title) and not rec.plain_title:
            out.append(
                item.problem(
                    ("title",),
                    f"the title ends mid-sentence ({title[-30:]!r}): keep the paper's wording and add a "
                    "plain_title that stands alone",
                    "unfinished_title",
                )
            )
    return sorted(out)


def dated_after(index: Index, as_of: date) -> list[Problem]:
    """Warnings: records dated after the as-of date (a newer source was added but as_of not moved)."""
    out = []
    for rid, path, period in evidence_dates(index):
        if period.start is not None and period.start > as_of:
            out.append(
                index.records[rid].problem(
                    path,
                    f"dated {period.text!r}, after the as-of date {as_of.isoformat()}: move "
                    "extra.register.as_of in mkdocs.yml to the newest evidence",
                    "after_as_of",
                )
            )
    return sorted(out)


__all__ = ["UNFINISHED", "dated_after", "unfinished_titles"]
