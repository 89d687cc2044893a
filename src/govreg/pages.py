"""Page builders: which pages exist and what each is given to print."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .markup import anchor
from .models import BY_NAME, KINDS, Body, Milestone, Place, Record, Source
from .models.common import Citation, StatusUpdate, iter_models
from .status import known_by

if TYPE_CHECKING:
    from .render import Renderer

SOON = timedelta(days=183)


def build_all(r: Renderer) -> None:
    """Every page: home, one list per kind, one page per record, reference pages."""
    from .render import list_path, page_path

    cited = _cited_sections(r)
    for kind in KINDS:
        records = r.index.of_kind(kind.name)
        r.put(list_path(kind), "list.md.j2", kind=kind, rows=[_row(r, rec) for rec in records])
        for rec in records:
            r.put(page_path(kind, rec.id), "record.md.j2", kind=kind, rec=rec,
                  **_extras(r, rec, cited))
    r.put("index.md", "home.md.j2", **_home(r))
    r.put("data-model.md", "data-model.md.j2", models=_data_model(r))


def _places_of(rec: Record) -> list[str]:
    places = getattr(rec, "places", None)
    return list(places) if isinstance(places, list) else []


def _row(r: Renderer, rec: Record) -> dict[str, Any]:
    from .render import record_status

    return {"rec": rec, "status": record_status(rec, r.as_of), "places": _places_of(rec),
            "due": getattr(rec, "due", None)}


def _cited_sections(r: Renderer) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(source id, locator) -> [(record or item id, label)] drawn from that passage."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for rid, item in r.index.records.items():
        for path, model in iter_models(item.record):
            if not isinstance(model, Citation):
                continue
            target = rid
            for i in range(len(path)):
                step = path[: i + 1]
                if len(step) == 2 and step[0] in ("seats", "items", "options", "questions"):
                    nested = getattr(item.record, str(step[0]))[int(step[1])]
                    target = getattr(nested, "id", rid)
            entry = (target, item.kind.name)
            if entry not in out[(model.source, model.at)]:
                out[(model.source, model.at)].append(entry)
    return out


def _backlinks(r: Renderer, rid: str) -> dict[str, list[str]]:
    """Kind label -> ids of records that refer to `rid`, without repeats."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for link in r.index.backlinks.get(rid, []):
        label = r.index.records[link.source].kind.label
        if link.source not in grouped[label]:
            grouped[label].append(link.source)
    return dict(sorted(grouped.items()))


def _extras(r: Renderer, rec: Record, cited: dict[tuple[str, str], list[tuple[str, str]]]) -> dict[str, Any]:
    from .render import record_status

    extras: dict[str, Any] = {
        "status": record_status(rec, r.as_of),
        "backlinks": _backlinks(r, rec.id),
        "updates": sorted(getattr(rec, "updates", []), key=known_by),
    }
    if isinstance(rec, Source):
        extras["outline"] = [(sec, anchor(sec.ref), cited.get((rec.id, sec.ref), [])) for sec in rec.outline]
    if isinstance(rec, Body):
        extras["reported_by"] = sorted(b.id for b in r.index.of_kind("body") if rec.id in getattr(b, "reports_to", []))
    if isinstance(rec, Place):
        extras["in_place"] = _in_place(r, rec.id)
        extras["sub_places"] = [p.id for p in r.index.of_kind("place") if getattr(p, "part_of", None) == rec.id]
    if hasattr(rec, "lines"):
        from .index import budget_total
        extras["computed_total"] = budget_total(rec)  # type: ignore[arg-type]
    return extras


def _in_place(r: Renderer, pid: str) -> list[tuple[Any, list[str]]]:
    out = []
    for kind in KINDS:
        if kind.name in ("place", "term", "theme"):
            continue
        ids = [rec.id for rec in r.index.of_kind(kind.name) if pid in _places_of(rec)]
        if ids:
            out.append((kind, ids))
    return out


def _home(r: Renderer) -> dict[str, Any]:
    from .render import record_status

    due_soon: list[tuple[date, Record]] = []
    overdue: list[tuple[date, Record]] = []
    for name in ("milestone", "commitment"):
        for rec in r.index.of_kind(name):
            due = getattr(rec, "due", None)
            st = record_status(rec, r.as_of)
            if due is None or due.end is None or st is None:
                continue
            if st.overdue:
                overdue.append((due.end, rec))
            elif r.as_of <= due.end <= r.as_of + SOON and st.status not in ("done", "superseded", "dropped"):
                due_soon.append((due.end, rec))
    changes: list[tuple[date, str, StatusUpdate]] = []
    for name in ("milestone", "commitment"):
        for rec in r.index.of_kind(name):
            for u in getattr(rec, "updates", []):
                if known_by(u) <= r.as_of:
                    changes.append((known_by(u), rec.id, u))
    changes.sort(key=lambda x: (x[0], x[1]), reverse=True)
    return {
        "places": [p for p in r.index.of_kind("place") if getattr(p, "part_of", None) in (None, "england")],
        "all_places": r.index.of_kind("place"),
        "due_soon": [rec for _, rec in sorted(due_soon, key=lambda x: (x[0], x[1].id))],
        "overdue": [rec for _, rec in sorted(overdue, key=lambda x: (x[0], x[1].id))],
        "changes": changes[:10],
        "counts": [(k, len(r.index.of_kind(k.name))) for k in KINDS],
        "soon_until": r.as_of + SOON,
    }


def _data_model(r: Renderer) -> list[dict[str, Any]]:
    """Per kind: its fields (name, required, description) and an example from the data."""
    import yaml

    out = []
    for kind in KINDS:
        fields = []
        for name, info in kind.model.model_fields.items():
            fields.append((name, info.is_required(), info.description or ""))
        records = r.index.of_kind(kind.name)
        example = ""
        if records:
            dumped = records[0].model_dump(mode="json", exclude_defaults=True)
            example = yaml.safe_dump([dumped], sort_keys=False, allow_unicode=True, width=100)
        out.append({"kind": kind, "fields": fields, "example": example, "doc": (kind.model.__doc__ or "").strip()})
    return out


__all__ = ["BY_NAME", "Markup", "Milestone", "build_all"]
