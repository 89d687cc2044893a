"""Links back: who refers to each record, what draws on each passage, and what a page has not listed.

In full: which records refer to each record, which records and items draw on each passage of a paper,
and what a record's page has not already listed of either.

Why: every page ends with "Linked from", less what the page lists itself (each thing said once on
a page). Which is which is a fact about the records, worked out once by `derive`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from .index import Index, nested_fields
from .lifecycle import Life
from .models import Record, Source
from .models.common import Citation, iter_models, iter_refs
from .status import Entry


def links_to(index: Index) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    out: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
    for target, links in index.backlinks.items():
        grouped: dict[str, list[str]] = defaultdict(list)
        for link in links:
            label = index.records[link.source].kind.label
            if link.source not in grouped[label]:
                grouped[label].append(link.source)
        out[target] = tuple((label, tuple(ids)) for label, ids in sorted(grouped.items()))
    return out


def cited_passages(index: Index) -> dict[tuple[str, str], tuple[str, ...]]:
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for rid, item in index.records.items():
        for path, model in iter_models(item.record):
            if not isinstance(model, Citation):
                continue
            target = rid
            if len(path) >= 2 and path[0] in nested_fields(type(item.record)):
                nested = getattr(item.record, str(path[0]))[int(path[1])]
                target = getattr(nested, "id", rid)
            if target not in out[(model.source, model.at)]:
                out[(model.source, model.at)].append(target)
    return {k: tuple(v) for k, v in out.items()}


def unlisted(
    rec: Record,
    linked_from: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]],
    cited: Mapping[tuple[str, str], tuple[str, ...]],
    listed: Iterable[str],
    life: Life | None,
    timeline: Iterable[Entry],
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """ "Linked from", less what the page already lists: its own references, the records its page
    lists (`listed`: a place's records, bodies and places within it, a body's reporting bodies,
    later plans continuing it), who ended it or took it over, who spoke in its timeline, and a
    paper's records drawn from each passage. Each thing is said once on a page."""
    shown = {target for _, target, _ in iter_refs(rec)}
    shown.update(listed)
    if life is not None:
        shown.update(x for x in (life.change, life.host, life.successor) if x)
    for e in timeline:
        shown.update(x for x in (e.by, e.successor_id) if x)
    if isinstance(rec, Source):  # its outline lists what the register draws from each passage
        for part in rec.outline:
            shown.update(cited.get((rec.id, part.ref), ()))
    out = []
    for label, ids in linked_from.get(rec.id, ()):
        rest = tuple(i for i in ids if i not in shown)
        if rest:
            out.append((label, rest))
    return tuple(out)
