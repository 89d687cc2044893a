"""The page set: which pages exist and the view each is given to print."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import date

import yaml

from ..contract import FORMAT_VERSION, contract_tables
from ..data_model import describe
from ..derive import Event, places_of
from ..models import BY_NAME, KINDS, Kind, Place, Source
from ..models.milestone import Tracked
from ..output import Output
from ..reviewpack.columns import COLUMNS as PACK_COLUMNS
from ..status import FILTER_LABELS, ORDER, RULE_TEXT
from ..summary import KindSummary, is_national
from ..urls import as_at_page, changes_month, list_path, page_path, register_path, review_pack, trace_page
from ..versions import Diff
from .compliance import checked_bodies
from .context import Site
from .overview import legend, place_row
from .pages import (
    AsAtPage,
    ChangesPage,
    ChecksPage,
    DataModelPage,
    DownloadsPage,
    HomePage,
    ListPage,
    Page,
    RegisterPage,
    ReviewPackPage,
    ReviewPacksPage,
    ReviewSincePage,
    Row,
    TraceSourcePage,
    TracesPage,
)
from .place_maps import places_map
from .since import since_views
from .views import horizon_lines, record_view

Put = Callable[[str, Page], None]
"""The page writer: put(path, view); the view names its template."""


def build_all(site: Site, put: Put, exports: Callable[[], list[Output]], diffs: list[Diff]) -> None:
    """Every page: home, one list per kind, one page per record, reference pages; the
    Downloads page last, as the exports may be made meanwhile in another process."""
    index = site.index
    for kind in KINDS:
        records = index.of_kind(kind.name)
        if kind.name in ("milestone", "commitment"):
            _registers(site, put, kind)
        else:
            put(list_path(kind), ListPage(kind, tuple((r.id, tuple(places_of(r))) for r in records)))
        for rec in records:
            path = page_path(kind, rec.id)
            put(path, record_view(site, kind, rec, path))
    put("index.md", _home(site))
    put("data-model.md", _data_model(site))
    _changes(site, put, diffs)
    put("checks.md", ChecksPage(site.derived.findings, checked_bodies(site, "checks.md")))
    _as_at(site, put)
    _review_packs(site, put)
    _traces(site, put)
    files, by_place = _downloads(site, [o for o in exports() if o.listed])
    put("downloads.md", DownloadsPage(tuple(files), by_place, PLACE_FILES))


PLACE_FILES = (
    ("feed", "Updates (Atom feed)"),
    ("calendar", "Due dates (iCalendar)"),
    ("pack", "Review pack"),
    ("since", "Since a reviewer's last verdict"),
)
"""The columns of a national Downloads page's table of each place's own files."""


PlaceFiles = tuple[tuple[str, Mapping[str, tuple[tuple[str, str, int], ...]]], ...]
"""Place id -> file role -> (text, path, size) of each of its own files (`DownloadsPage.by_place`)."""


def _downloads(site: Site, files: list[Output]) -> tuple[list[Output], PlaceFiles | None]:
    """The Downloads page's files: every file in one table, or for a national register, the
    register-wide files in that table and a row per place for its own.

    Why: each place has a feed, a calendar and review packs; at 42 systems a row with a sentence
    for each of them made the page 266 KB of Markdown. A row per place, the place named once and
    each file linked with its size, keeps what a user looks for (their place's files) in one line.
    """
    if not site.derived.national:
        return files, None
    national: list[Output] = []
    rows: dict[str, dict[str, list[tuple[str, str, int]]]] = {}
    for f in files:
        if f.place is None or not f.role:
            national.append(f)
            continue
        text = f.format
        if f.role in ("pack", "since"):
            short = f.short_format
            text = f"{site.index.title(f.reviewer)}, {short}" if f.reviewer in site.index.records else short
        rows.setdefault(f.place, {c: [] for c, _ in PLACE_FILES})[f.role].append((text, f.path, f.size))
    return national, tuple((p, {c: tuple(found) for c, found in roles.items()}) for p, roles in sorted(rows.items()))


def _tracked(site: Site, rid: str) -> Tracked:
    rec = site.index.get(rid)
    assert isinstance(rec, Tracked)
    return rec


def _row(site: Site, rid: str) -> Row:
    rec = _tracked(site, rid)
    overall = site.derived.standing[rid].overall
    last = overall.entry.date_text if overall.entry else "none"
    return Row(rid, tuple(rec.actors()), tuple(rec.places), rec.due, overall, last)


def _registers(site: Site, put: Put, kind: Kind) -> None:
    """Milestones or commitments: the register, grouped by due period, plus a page per status,
    place and owner so every filter also works without JavaScript."""
    rows = [_row(site, rid) for rid in site.derived.tracked_by_kind[kind.name]]
    totals = site.derived.status_totals[kind.name]
    statuses = [s for s in ORDER if totals[s]]
    places = sorted({p for x in rows for p in x.places})
    owners = sorted({o for x in rows for o in x.owners})
    facets: dict[str, tuple[tuple[str, str, str, int], ...]] = {
        "status": tuple((s, FILTER_LABELS[s], register_path(kind, "status", s), totals[s]) for s in statuses),
        "place": tuple(
            (p, site.index.title(p), register_path(kind, "place", p), sum(p in x.places for x in rows)) for p in places
        ),
        "owner": tuple(
            (o, site.index.title(o), register_path(kind, "owner", o), sum(o in x.owners for x in rows)) for o in owners
        ),
    }
    by_place = _register_places(site, kind, facets["place"])
    groups = () if by_place else _by_year(rows)
    put(
        list_path(kind),
        RegisterPage(kind, facets, by_place, groups, len(rows), kind.label, None, _horizons_of(site, places)),
    )
    keys: dict[str, Callable[[Row], tuple[str, ...]]] = {
        "status": lambda row: (row.status.filter,),
        "place": lambda row: row.places,
        "owner": lambda row: row.owners,
    }
    headings: dict[str, Callable[[str], str]] = {
        "status": lambda label: f"{kind.label}: {label}",
        "place": lambda label: f"{kind.label} in {label}",
        "owner": lambda label: f"{kind.label} owned by {label}",
    }
    for facet, entries in facets.items():
        for value, label, path, _ in entries:
            mine = [x for x in rows if value in keys[facet](x)]
            horizons = _horizons_of(site, sorted({p for x in mine for p in x.places}))
            view = RegisterPage(
                kind, facets, None, _by_year(mine), len(mine), headings[facet](label), (facet, value), horizons
            )
            put(path, view)


def _horizons_of(site: Site, places: list[str]) -> tuple[str, ...] | None:
    """How far the evidence reaches for each place a page lists items of; None beyond `HOME_PLACES`
    places (each place's own pages say it)."""
    return tuple(horizon_lines(site, places)) if not is_national(len(places)) else None


def _register_places(
    site: Site, kind: Kind, places: tuple[tuple[str, str, str, int], ...]
) -> tuple[tuple[str, KindSummary, tuple[tuple[str, str], ...]], ...] | None:
    """For a national register, the whole register's rows by place: the places down to the systems,
    each with its own count and status words and links to the places within it that have rows; None
    for a register that is not national, whose whole register lists every item.

    Why: at 42 systems the milestones register listed 1,400 items on one page (307 KB of Markdown);
    a resident or a Healthwatch looks for their place, whose page lists its items with the date
    picker, and the place pages, the status pages and the downloads still hold every item.
    """
    if not site.derived.national:
        return None
    facet = {p: (f"{label} ({n})", path) for p, label, path, n in places}
    out = []
    for summary in site.derived.place_summaries:
        mine = next(k for k in summary.kinds if k.kind == kind.name)
        within = tuple(facet[w] for w in summary.within if w in facet)
        if mine.total or within:
            out.append((summary.id, mine, within))
    return tuple(out)


def _by_year(rows: list[Row]) -> tuple[tuple[str, tuple[Row, ...]], ...]:
    """Rows grouped by the financial year their due period starts in (rows already in register order)."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        due = row.due
        if due is None or due.start is None:
            label = "No date given"
        else:
            y = due.start.year if due.start.month >= 4 else due.start.year - 1
            label = f"Financial year {y}/{str(y + 1)[2:]}"
        groups.setdefault(label, []).append(row)
    return tuple((label, tuple(found)) for label, found in groups.items())


def _home(site: Site) -> HomePage:
    """One screen: the places, nested, each with its counts by status and how far its evidence reaches;
    a map of the places; how much is overdue (and not reported since each place's last paper) across
    the register and the latest update, linked to the registers."""
    index, derived = site.index, site.derived
    totals: dict[str, list[tuple[str, str | None]]] = {"overdue": [], "not-reported": []}
    for name in ("milestone", "commitment"):
        kind = BY_NAME[name]
        for bucket, found in totals.items():
            n = derived.status_totals[name][bucket]
            words = f"{n} {kind.label.lower() if n != 1 else name}"
            found.append((words, register_path(kind, "status", bucket) if n else None))
    tracked_events = [e for e in derived.events if e.kind in ("milestone", "commitment")]
    summaries = derived.place_summaries
    return HomePage(
        place_rows=tuple(place_row(index, summary) for summary in summaries),
        places_map=places_map(index, derived, site.links, "index.md", {s.id for s in summaries}),
        bar_legend=legend(),
        overdue=tuple(totals["overdue"]),
        not_reported=tuple(totals["not-reported"]),
        newest=derived.newest,
        latest=tracked_events[0] if tracked_events else None,
        counts=tuple((k, n) for k in KINDS if (n := len(index.of_kind(k.name)))),
    )


YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's safe dumper where PyYAML has it: the same text as the pure-Python one (every record of
the bundled data compared), in a seventh of the time, on a page rebuilt at every preview."""


def _data_model(site: Site) -> DataModelPage:
    """Every kind's fields, nested objects and enumerations (govreg.data_model), and an example per kind."""
    examples = {}
    for kind in KINDS:
        records = site.index.of_kind(kind.name)
        example = ""
        if records:
            dumped = records[0].model_dump(mode="json", exclude_defaults=True)
            example = yaml.dump([dumped], Dumper=YAML_DUMPER, sort_keys=False, allow_unicode=True, width=100)
        examples[kind.name] = example
    contract = tuple((name, what, tuple(rows)) for name, what, rows in contract_tables())
    return DataModelPage(describe(), examples, contract, FORMAT_VERSION, PACK_COLUMNS, RULE_TEXT)


def _changes(site: Site, put: Put, diffs: list[Diff]) -> None:
    """The Changes page (months, with counts, and what changed between versions) and a page per month.

    Why a page per month rather than "changed since" pages: each event is printed once,
    so the pages grow with the events, not with their square.
    """
    by_month: dict[str, list[Event]] = defaultdict(list)
    for e in site.derived.events:
        by_month[f"{e.day.year:04d}-{e.day.month:02d}"].append(e)
    months = tuple(
        (slug, date(int(slug[:4]), int(slug[5:]), 1), len(evs)) for slug, evs in sorted(by_month.items(), reverse=True)
    )
    put("changes/index.md", ChangesPage((), None, months, tuple(diffs)))
    for slug, first, _ in months:
        put(changes_month(slug), ChangesPage(tuple(by_month[slug]), first, months, ()))


def _as_at(site: Site, put: Put) -> None:
    """A page per quarter end (`Derived.quarters`: the count by status and what changed since the quarter before)."""
    days = tuple(q.day for q in site.derived.quarters)
    put("as-at/index.md", AsAtPage(None, days, ()))
    for q in site.derived.quarters:
        lines = tuple(h.sentence(site.index.title(p)) for p, h in q.horizons.items())
        put(as_at_page(q.day.isoformat()), AsAtPage(q, days, lines))


def _review_packs(site: Site, put: Put) -> None:
    places: list[Place] = []
    for place in site.index.of_kind("place"):
        mine = site.derived.tracked_by_place.get(place.id, ())
        if not mine:
            continue
        assert isinstance(place, Place)
        places.append(place)
        rows = tuple((rid, _tracked(site, rid), site.derived.standing[rid]) for rid in mine)
        put(review_pack(place.id), ReviewPackPage(place, rows))
    views = since_views(site.derived)
    for view in views:
        put(view.page, ReviewSincePage(view))
    put("review-pack/index.md", ReviewPacksPage(tuple(places), tuple(views)))


__all__ = ["BY_NAME", "build_all"]


def _traces(site: Site, put: Put) -> None:
    """A trace page per paper (`trace.TracePage` says what each shows and why) and an index."""
    papers = []
    for sid, view in site.derived.trace_pages.items():
        src = site.index.get(sid)
        assert isinstance(src, Source)
        papers.append((src.title_text(), trace_page(sid), len(view.items), view.counts))
        put(trace_page(sid), TraceSourcePage(src, view))
    put("trace/index.md", TracesPage(tuple(papers)))
