"""Citations of nested items (seats, principle items, budget lines, options, questions and answers).

Why: an item's own citation (its paragraph in the source paper) was validated and exported but
never shown. Each cited item now prints its paragraph, linked to the source's outline entry, and
a "Cite this item" link to its own stable anchor that staff can copy; the record's Cite this
block lists those anchors.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..markup import MD
from ..models import Record
from ..models.common import Citation
from ..urls import url_of_path
from .env import html_id
from .links import Links


def line_anchor(budget_id: str, position: int) -> str:
    """A budget line's anchor: budget id and the line's place in the paper's table (from 1)."""
    return f"{budget_id}-line-{position}"


def cited_items(rec: Record) -> list[tuple[str, str, list[Citation]]]:
    """(anchor id, label, citations) of every item of a record that carries its own citation, in page order."""
    out: list[tuple[str, str, list[Citation]]] = []
    for s in getattr(rec, "seats", None) or []:
        if s.cites:
            out.append((s.id, f"Seat: {s.role}", s.cites))
    for i, p in enumerate(getattr(rec, "items", None) or [], start=1):
        if getattr(p, "id", None) and p.cites:
            out.append((p.id, f"Item {p.number or i}", p.cites))
    for i, line in enumerate(getattr(rec, "lines", None) or [], start=1):
        if line.cites:
            out.append((line_anchor(rec.id, i), f"Budget line: {line.area}", line.cites))
    for o in getattr(rec, "options", None) or []:
        if o.cites:
            out.append((o.id, o.label, o.cites))
    for i, q in enumerate(getattr(rec, "questions", None) or [], start=1):
        if q.cites:
            out.append((q.id, f"Question {q.number or i} and its answer", q.cites))
    return out


def item_anchors(rec: Record) -> list[tuple[str, str]]:
    """(anchor id, label) of the record's citable items."""
    return [(aid, label) for aid, label, _ in cited_items(rec)]


@dataclass(frozen=True, slots=True)
class ItemCites:
    cites: dict[str, MD]
    """Anchor id -> 'From <paper>, paragraph N · Cite this item' (inline Markdown)."""
    links: tuple[tuple[str, MD], ...]
    """(label, permanent link) for the Cite this block."""


def item_view(links: Links, page: str, rec: Record) -> ItemCites:
    """What a record page prints for its items: `item_cites` (anchor id -> 'From <paper>, paragraph N ·
    Cite this item', inline Markdown) and `item_links` ((label, permanent link) for the Cite this block)."""
    cites: dict[str, MD] = {}
    listed: list[tuple[str, MD]] = []
    base = url_of_path(links.path(rec.id))
    for aid, label, cs in cited_items(rec):
        cites[aid] = MD(
            '<span class="gr-item-cite">From {} · <a class="gr-cite-item" href="#{}">Cite this item</a></span>'
        ).format(links.cites(cs, page), html_id(aid))
        listed.append((label, MD("[`{}#{}`](#{})").format(MD(base), html_id(aid), html_id(aid))))
    return ItemCites(cites, tuple(listed))
