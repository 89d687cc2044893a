"""Page builders: which pages exist and what each is given to print."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from . import review_pages
from .lead import lead
from .markup import anchor
from .models import BY_NAME, KINDS, Body, Budget, Kind, Milestone, Place, Record, RuleSet, Source
from .models.common import Citation, StatusUpdate, iter_models
from .status import LABELS, known_by

if TYPE_CHECKING:
    from .render import Renderer

SOON = timedelta(days=183)


def build_all(r: Renderer) -> None:
    """Every page: home, one list per kind, one page per record, reference pages."""
    from .render import list_path, page_path

    cited = _cited_sections(r)
    rev = _reverse(r)
    for kind in KINDS:
        records = r.index.of_kind(kind.name)
        if kind.name in ("milestone", "commitment"):
            _registers(r, kind, records)
        else:
            r.put(list_path(kind), "list.md.j2", kind=kind, rows=[_row(r, rec) for rec in records])
        for rec in records:
            r.put(page_path(kind, rec.id), "record.md.j2", kind=kind, rec=rec, **_extras(r, rec, cited, rev))
    r.put("index.md", "home.md.j2", **_home(r))
    r.put("data-model.md", "data-model.md.j2", **_data_model(r))
    r.put("downloads.md", "downloads.md.j2", files=_downloads(r))
    _changes(r)
    review_pages.build(r)


STATUS_ORDER = [
    "overdue",
    "no-evidence",
    "planned",
    "in-progress",
    "changed",
    "missed",
    "done",
    "superseded",
    "dropped",
]


def _registers(r: Renderer, kind: Any, records: list[Record]) -> None:
    """Milestones or commitments: the register, grouped by due period, plus a page per status,
    place and owner so every filter also works without JavaScript."""
    from .render import list_path

    rows = [_row(r, rec) for rec in records]
    for row in rows:
        row["filter_status"] = "overdue" if row["status"].overdue else row["status"].status
        row["owners"] = list(getattr(row["rec"], "owners", None) or getattr(row["rec"], "made_by", []))
    rows.sort(key=lambda x: ((x["due"].sort_key if x["due"] else (date.max, date.max)), x["rec"].id))
    statuses = [s for s in STATUS_ORDER if any(x["filter_status"] == s for x in rows)]
    places = sorted({p for x in rows for p in x["places"]})
    owners = sorted({o for x in rows for o in x["owners"]})
    base = kind.file
    facets = {
        "status": [(s, f"{base}/status/{s}.md", sum(x["filter_status"] == s for x in rows)) for s in statuses],
        "place": [(p, f"{base}/place/{p}.md", sum(p in x["places"] for x in rows)) for p in places],
        "owner": [(o, f"{base}/owner/{o}.md", sum(o in x["owners"] for x in rows)) for o in owners],
    }
    common = {"kind": kind, "facets": facets}
    r.put(
        list_path(kind), "register.md.j2", rows=rows, groups=_by_period(rows), heading=kind.label, scope=None, **common
    )
    matches: dict[str, Callable[[dict[str, Any], str], bool]] = {
        "status": lambda row, v: row["filter_status"] == v,
        "place": lambda row, v: v in row["places"],
        "owner": lambda row, v: v in row["owners"],
    }
    headings: dict[str, Callable[[str], str]] = {
        "status": lambda v: f"{kind.label}: {LABELS.get(v, 'Overdue')}",
        "place": lambda v: f"{kind.label} in {r.index.get(v).title_text()}",
        "owner": lambda v: f"{kind.label} owned by {r.index.get(v).title_text()}",
    }
    for facet, entries in facets.items():
        for value, path, _ in entries:
            mine = [x for x in rows if matches[facet](x, value)]
            r.put(
                path,
                "register.md.j2",
                rows=mine,
                groups=_by_period(mine),
                heading=headings[facet](value),
                scope=(facet, value),
                **common,
            )


def _by_period(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Rows grouped by the financial year their due period starts in (rows already sorted)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        due = row["due"]
        if due is None or due.start is None:
            label = "No date given"
        else:
            y = due.start.year if due.start.month >= 4 else due.start.year - 1
            label = f"Financial year {y}/{str(y + 1)[2:]}"
        groups.setdefault(label, []).append(row)
    return list(groups.items())


def _downloads(r: Renderer) -> list[dict[str, Any]]:
    """Every export file with its size, format and a plain description."""
    from .models import BY_FILE

    out = []
    for path, size in sorted(r.files.items()):
        if path.startswith("r/") or path.endswith(".html"):
            continue
        name = path.rsplit("/", 1)[-1]
        stem, _, ext = name.rpartition(".")
        fmt = {"json": "JSON", "csv": "CSV", "xml": "Atom feed", "ics": "iCalendar"}.get(ext, ext.upper())
        if path.startswith("places/"):
            place = path.split("/")[1]
            what = ("Updates for " if ext == "xml" else "Due dates for ") + r.index.get(place).title_text()
        elif stem == "register":
            what = "The whole register: every record of every kind, with its version and as-of date"
        elif stem == "register.schema":
            what = "JSON Schema the data and the JSON exports validate against"
        elif stem == "datapackage":
            what = "Frictionless Data Package describing every CSV table (fields, types, keys)"
        elif stem == "compliance":
            what = "Every body a rule set applies to, one row per requirement: met or not, the seats, the citation"
        elif stem == "pages":
            what = "Every page and record of the site, with its permanent link"
        elif stem == "updates":
            what = "Atom feed of every dated status update, newest first"
        elif stem == "milestones" and ext == "ics":
            what = "Due dates of milestones and commitments, as all-day events"
        elif "-" in stem and stem.split("-", 1)[0] in BY_FILE:
            parent, field = stem.split("-", 1)
            what = f"{BY_FILE[parent].label}: their {field}, one row each, keyed by record id and position"
        elif stem in BY_FILE:
            what = f"{BY_FILE[stem].label}, one {'row' if ext == 'csv' else 'object'} per record"
        else:
            what = name
        out.append({"path": path, "size": size, "format": fmt, "what": what})
    return out


def _changes(r: Renderer) -> None:
    """The Changes page (every dated event, newest first) and a 'changed since' page per month."""
    from .export.events import events

    evs = events(r.index, r.as_of)
    months = sorted({(e.day.year, e.day.month) for e in evs}, reverse=True)
    month_pages = [(f"{y:04d}-{m:02d}", date(y, m, 1)) for y, m in months]
    r.put("changes/index.md", "changes.md.j2", events=evs, since=None, months=month_pages, diffs=r.diffs)
    for slug, first in month_pages:
        r.put(
            f"changes/{slug}.md",
            "changes.md.j2",
            events=[e for e in evs if e.day >= first],
            since=first,
            months=month_pages,
            diffs=[],
        )


def _places_of(rec: Record) -> list[str]:
    places = getattr(rec, "places", None)
    return list(places) if isinstance(places, list) else []


def _row(r: Renderer, rec: Record) -> dict[str, Any]:
    from .render import record_status

    return {
        "rec": rec,
        "status": record_status(rec, r.as_of),
        "places": _places_of(rec),
        "due": getattr(rec, "due", None),
    }


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
    seen: set[tuple[str, str]] = set()
    for link in r.index.backlinks.get(rid, []):
        label = r.index.records[link.source].kind.label
        if (label, link.source) not in seen:
            seen.add((label, link.source))
            grouped[label].append(link.source)
    return dict(sorted(grouped.items()))


@dataclass(frozen=True, slots=True)
class Reverse:
    """Who points at a record, looked up once per build for every record page.

    Why: scanning every record for each record page made a 5,000-record build quadratic.
    """

    reported_by: dict[str, list[str]]
    sub_places: dict[str, list[str]]
    in_place: dict[str, list[tuple[Kind, list[str]]]]
    themed: dict[str, list[tuple[str, Any, Any]]]


def _reverse(r: Renderer) -> Reverse:
    """Reverse lookups, each list in the order the per-record scans gave it."""
    below: dict[str, list[str]] = defaultdict(list)
    for b in r.index.of_kind("body"):
        for target in dict.fromkeys(getattr(b, "reports_to", [])):
            below[target].append(b.id)
    sub_places: dict[str, list[str]] = defaultdict(list)
    for p in r.index.of_kind("place"):
        parent = getattr(p, "part_of", None)
        if parent is not None:
            sub_places[parent].append(p.id)
    in_place: dict[str, dict[str, tuple[Kind, list[str]]]] = defaultdict(dict)
    for kind in KINDS:
        if kind.name in ("place", "term", "theme"):
            continue
        for rec in r.index.of_kind(kind.name):
            for pid in dict.fromkeys(_places_of(rec)):
                in_place[pid].setdefault(kind.name, (kind, []))[1].append(rec.id)
    themed: dict[str, list[tuple[str, Any, Any]]] = defaultdict(list)
    for pset in r.index.of_kind("principle-set"):
        for item in getattr(pset, "items", []):
            for theme in dict.fromkeys(item.themes):
                for place in _places_of(pset)[:1]:
                    themed[theme].append((place, pset, item))
    return Reverse(
        reported_by={k: sorted(v) for k, v in below.items()},
        sub_places=dict(sub_places),
        in_place={k: list(v.values()) for k, v in in_place.items()},
        themed={k: sorted(v, key=lambda x: (x[0], x[1].id)) for k, v in themed.items()},
    )


def _extras(
    r: Renderer, rec: Record, cited: dict[tuple[str, str], list[tuple[str, str]]], rev: Reverse
) -> dict[str, Any]:
    from .render import Ctx, page_path, record_status

    extras: dict[str, Any] = {
        "status": record_status(rec, r.as_of),
        "backlinks": _backlinks(r, rec.id),
        "updates": sorted(getattr(rec, "updates", []), key=known_by),
        "themed": [],
        "diagram": None,
        "chart": None,
        "outline": [],
        "reported_by": [],
        "in_place": [],
        "sub_places": [],
        "voices": None,
        "computed_total": None,
        "compliance": None,
        "rules_view": None,
    }
    if isinstance(rec, Source):
        extras["outline"] = [(sec, anchor(sec.ref), cited.get((rec.id, sec.ref), [])) for sec in rec.outline]
    if isinstance(rec, Body):
        from .svg import reporting_diagram

        below = rev.reported_by.get(rec.id, [])
        extras["reported_by"] = below
        if rec.reports_to or below:
            extras["diagram"] = reporting_diagram(
                f"{rec.id}-lines",
                rec.name,
                [r.index.get(x).title_text() for x in rec.reports_to],
                [r.index.get(x).title_text() for x in below],
            )
    if isinstance(rec, Budget) and rec.lines:
        from .svg import bar_chart

        extras["chart"] = bar_chart(
            f"{rec.id}-chart",
            f"{rec.title_text()}: budget lines",
            [(ln.area, ln.value, ln.value_text) for ln in rec.lines],
            rec.unit,
        )
    if rec.id in r.index.records and r.index.kind_of(rec.id) == "theme":
        extras["themed"] = rev.themed.get(rec.id, [])
    if isinstance(rec, Body | RuleSet):
        from . import compliance_view

        here = Ctx(r.index, r.as_of, page_path(r.index.records[rec.id].kind, rec.id), r.memo)
        if isinstance(rec, Body):
            extras["compliance"] = compliance_view.body_panel(here, rec.id)
        else:
            extras["rules_view"] = compliance_view.rule_set_view(here, rec)
    extras["citation"] = _citation(r, rec)
    extras["lead"] = lead(Ctx(r.index, r.as_of, page_path(r.index.records[rec.id].kind, rec.id)), rec)
    if hasattr(rec, "updates"):
        extras["voices"] = review_pages.voices_for(r, rec)
    if isinstance(rec, Place):
        extras["in_place"] = rev.in_place.get(rec.id, [])
        extras["sub_places"] = rev.sub_places.get(rec.id, [])
    if hasattr(rec, "lines"):
        from .index import budget_total

        extras["computed_total"] = budget_total(rec)  # type: ignore[arg-type]
    return extras


def _citation(r: Renderer, rec: Record) -> str:
    """A plain-text reference: record, source and paragraph, register version, as-of date, permalink."""
    from .export.common import url_of

    kind = r.index.kind_of(rec.id).replace("-", " ")
    parts = [f"{rec.title_text()} ({kind} {rec.id})."]
    cites = getattr(rec, "cites", None) or []
    if cites:
        src = r.index.get(cites[0].source)
        when = getattr(src, "date", None)
        parts.append(f"Source: {src.title_text()}, {cites[0].at}" + (f" ({when.text})." if when else "."))
    parts.append(f"Governance Register, version {r.version_text()}, as at {r.as_of:%-d %B %Y}.")
    parts.append(f"{r.site_url.rstrip('/')}{url_of(r.index, rec.id)}")
    return " ".join(parts)


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


def _data_model(r: Renderer) -> dict[str, Any]:
    """Every kind's fields, nested objects and enumerations (govreg.data_model), and an example per kind."""
    import yaml

    from .data_model import describe

    examples = {}
    for kind in KINDS:
        records = r.index.of_kind(kind.name)
        example = ""
        if records:
            dumped = records[0].model_dump(mode="json", exclude_defaults=True)
            example = yaml.safe_dump([dumped], sort_keys=False, allow_unicode=True, width=100)
        examples[kind.name] = example
    return {"model": describe(), "examples": examples}


__all__ = ["BY_NAME", "Markup", "Milestone", "build_all"]
