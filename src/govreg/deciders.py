"""Who decides what in each place as at a date, in the words a resident reads.

Why: a resident asks three things of a body: what it decides, whether its meetings are
public, and how to be heard. The answers are put together here once, from each body's
record and its status as at the date (`lifecycle`), and every page that answers them
(the place page's "Who decides what here, now", the body page's lead and "Taking part",
a pooled budget's "decided by") reads them from `Derived`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .index import Index
from .lifecycle import Life
from .models import Body, Budget
from .models.common import Citation

Group = Literal["now", "proposed", "not-recorded", "ended"]
GROUPS: tuple[Group, ...] = ("now", "proposed", "not-recorded", "ended")
"""How a place's bodies are grouped on its page, in order: deciding now first, ended last."""

GROUP_OF: dict[str | None, Group] = {
    "established": "now",
    "in-place": "now",
    "shadow": "now",
    "proposed": "proposed",
    "not-yet": "proposed",
    None: "not-recorded",
    "replaced": "ended",
    "abolished": "ended",
}

NOT_SAID = "The sources read do not say."


@dataclass(frozen=True, slots=True)
class Decider:
    """One body as a resident sees it on a date."""

    body: str
    group: Group
    status: str | None
    """The body's status that day (`lifecycle`): established, shadow, proposed, abolished..., or None."""
    since: date | None
    decides: str
    """One sentence: what it decides (its purpose, else its first function), or that the sources do not say."""
    decides_cites: tuple[Citation, ...]
    public: str
    """'Yes.', 'No.' or that the sources do not say."""
    heard: str
    """How a resident can ask a question or be heard, or that the sources do not say."""
    pools: tuple[str, ...]
    """Pooled budgets the body is recorded as overseeing."""


def decides_text(body: Body) -> tuple[str, tuple[Citation, ...]]:
    """What the body decides in one sentence, with the citations it rests on."""
    if body.purpose:
        text = body.purpose.strip()
        return (text if text.endswith((".", "!", "?")) else text + "."), tuple(body.cites[:1])
    if body.functions:
        first = body.functions[0]
        more = len(body.functions) - 1
        text = f"Its functions include: {first.text.strip().rstrip('.;,')}" + (f", and {more} more." if more else ".")
        return text, tuple(first.cites or body.cites[:1])
    return NOT_SAID, ()


def public_text(body: Body) -> str:
    if body.meets_in_public is None:
        return NOT_SAID
    return "Yes." if body.meets_in_public else "No."


def heard_text(body: Body) -> str:
    return body.participation.strip() if body.participation else NOT_SAID


def who_decides(index: Index, life: Mapping[str, Life]) -> tuple[dict[str, Decider], dict[str, tuple[str, ...]]]:
    """Every body as a decider on the day of `life`, and place id -> its bodies, deciding now first, then by name."""
    pools: dict[str, list[str]] = {}
    for budget in index.of_kind("budget"):
        if isinstance(budget, Budget) and budget.held_by:
            pools.setdefault(budget.held_by, []).append(budget.id)
    by_body: dict[str, Decider] = {}
    by_place: dict[str, list[str]] = {}
    for body in index.of_kind("body"):
        if not isinstance(body, Body):
            continue
        now = life.get(body.id)
        status = now.status if now else None
        decides, cites = decides_text(body)
        by_body[body.id] = Decider(
            body=body.id,
            group=GROUP_OF.get(status, "not-recorded"),
            status=status,
            since=now.since if now else None,
            decides=decides,
            decides_cites=cites,
            public=public_text(body),
            heard=heard_text(body),
            pools=tuple(sorted(pools.get(body.id, ()))),
        )
        for place in dict.fromkeys(body.places):
            by_place.setdefault(place, []).append(body.id)

    def order(bid: str) -> tuple[int, str, str]:
        return GROUPS.index(by_body[bid].group), index.title(bid).casefold(), bid

    return by_body, {place: tuple(sorted(ids, key=order)) for place, ids in by_place.items()}


__all__ = ["GROUPS", "NOT_SAID", "Decider", "Group", "decides_text", "heard_text", "public_text", "who_decides"]
