"""Derive: (index, as-of date) -> everything pages and exports show beyond the records.

Why: a fact the site shows (a status, a count, a link back, the version) must be
computed once and read everywhere. Index -> derive -> (render, export): nothing
downstream recomputes any of this, and nothing here writes into the index.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType
from typing import Any

from .backlinks import cited_passages, links_to, unlisted
from .checks import Finding, Inputs, Rule, run_checks
from .compliance import Compliance, compliance
from .deciders import Decider, who_decides
from .dump import records_json, version_of
from .horizon import Dated, Horizon, horizons_on, local_evidence, national_evidence
from .index import BudgetSum, Index, budget_sum
from .lifecycle import Life, SeatFate, Steps, changes_of, life_at, life_steps, lives_on, seat_fates, transfer_of
from .models import KINDS, Body, Budget, NationalChange, PrincipleSet, Record, Review, Source
from .models.common import Citation, StatusUpdate
from .models.milestone import Tracked
from .packs import Pack, all_packs
from .quarters import Quarter, as_at_days, quarters
from .status import LABELS, Entry, Judged, Standing, Step, change_days, sort_timeline, standing_at, steps
from .summary import PlaceSummary, is_national, place_summaries, status_counts
from .trace import TracePage, TraceRow, sources_in_order, trace_pages, trace_rows

TRACKED_KINDS = ("milestone", "commitment")
"""Kinds with a status: their records carry dated updates and are reviewed."""


@dataclass(frozen=True, slots=True)
class Event:
    """Something that happened to a record on a day, with its evidence (feed, Changes page)."""

    day: date
    record: str
    kind: str
    number: int
    status: str
    summary: str
    cites: tuple[Citation, ...]
    places: tuple[str, ...]
    voice: str = "self"

    @property
    def key(self) -> str:
        return f"{self.record}/{self.number}"

    @property
    def label(self) -> str:
        return LABELS.get(self.status, self.status.capitalize())


@dataclass(frozen=True, slots=True)
class Derived:
    """Everything computed from the whole register as at one date; never changed once made."""

    as_of: date
    version: str
    records: Mapping[str, list[dict[str, Any]]]
    """Every record as JSON data, by kind file (what the JSON exports publish and the version hashes)."""
    tracked: tuple[str, ...]
    """Milestone and commitment ids, by due period then id."""
    timelines: Mapping[str, tuple[Entry, ...]]
    standing: Mapping[str, Standing]
    """Every voice on every tracked record as at the as-of date."""
    steps: Mapping[str, tuple[Step, ...]]
    reviews: Mapping[str, tuple[Review, ...]]
    events: tuple[Event, ...]
    """Every dated event known by the as-of date, newest first."""
    linked_from: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]]
    """Record id -> (kind label, ids of records that refer to it), labels sorted."""
    cited: Mapping[tuple[str, str], tuple[str, ...]]
    """(source id, locator) -> ids of records and items drawn from that passage."""
    not_listed: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]]
    """Record id -> `linked_from` less what its page lists already (`backlinks.unlisted`); none: absent."""
    reported_by: Mapping[str, tuple[str, ...]]
    in_place: Mapping[str, tuple[tuple[str, tuple[str, ...]], ...]]
    """Place id -> (kind name, record ids) for every kind with records there."""
    themed: Mapping[str, tuple[tuple[str, str, str], ...]]
    """Theme id -> (place id, principle set id, principle id)."""
    findings: tuple[tuple[Rule, tuple[Finding, ...]], ...]
    compliance: Mapping[str, Compliance]
    """Body id -> how it meets each rule set that applies to it (bodies in scope only)."""
    continued_by: Mapping[str, tuple[str, ...]]
    """Record id -> later records of the same plan (the reverse of `continues`)."""
    trace: Mapping[str, tuple[TraceRow, ...]]
    """Source id -> its items, each with what every later paper said about it (oldest paper first)."""
    trace_pages: Mapping[str, TracePage]
    """Source id -> what its trace page shows (papers with traced items only, oldest first)."""
    judged: Mapping[str, Judged]
    """What each tracked record's status is judged against: due period, its places' evidence days, first paper."""
    life: Mapping[str, Life]
    """Organisation or body id -> in place or not as at the as-of date, since when and why (`lifecycle`)."""
    life_steps: Mapping[str, Steps]
    """The same as a step function of the date (`life_on`), for the "as at" pages."""
    seat_fates: Mapping[str, tuple[SeatFate, ...]]
    """Body id -> its seats drawn from organisations that have ended (bodies in place only)."""
    horizons: Mapping[str, Horizon]
    """Place id -> how far the evidence about it reaches as at the as-of date."""
    local_evidence: Mapping[str, Dated]
    """Place id -> (day, record id) of its local evidence, oldest first (horizons on other days)."""
    national_evidence: Mapping[str, Dated]
    changes: Mapping[str, NationalChange]
    """National changes by id."""
    newest: tuple[date, str] | None
    """(day, record id) of the newest evidence the register holds by the as-of date, local or national."""
    tracked_by_kind: Mapping[str, tuple[str, ...]]
    """Kind (milestone, commitment) -> its record ids, in `tracked` order."""
    status_totals: Mapping[str, Mapping[str, int]]
    """Kind -> how many of its records are in each register filter (`summary.status_counts`)."""
    tracked_by_place: Mapping[str, tuple[str, ...]]
    """Place id -> its tracked record ids, in `tracked` order (review packs ask for each place often)."""
    budget_sums: Mapping[str, BudgetSum]
    """Budget id -> its lines added up against its printed total (`index.budget_sum`)."""
    deciders: Mapping[str, Decider]
    """Body id -> what it decides, its status, whether it meets in public and how to be heard (`deciders`)."""
    decide_here: Mapping[str, tuple[str, ...]]
    """Place id -> its bodies, deciding now first, then proposed, not recorded and ended (`deciders`)."""
    national: bool
    """More places than one page can summarise (`summary.HOME_PLACES`): pages list places down to the systems."""
    place_summaries: tuple[PlaceSummary, ...]
    """The places, nested, each with its bodies and its items counted by status (`summary`)."""
    packs: tuple[Pack, ...]
    """Every review pack: per place, the whole pack, then one per reviewer since their last verdict
    (`packs.all_packs`; read by the exports and the "since your last review" pages)."""
    quarters: tuple[Quarter, ...]
    """The register at each quarter end since the first paper, and at the as-of date: counts and
    what changed since the quarter before (`quarters`; the "as at" pages)."""

    def standing_on(self, rid: str, day: date) -> Standing:
        """Every voice on a tracked record as at another day, by the same rule."""
        if day == self.as_of:
            return self.standing[rid]
        return standing_at(self.timelines[rid], self.judged[rid], day)

    def life_on(self, rid: str, day: date) -> Life:
        """An organisation's or body's status as at another day, by the same rule."""
        return self.life[rid] if day == self.as_of else life_at(self.life_steps[rid], day)

    def successor(self, org: str, what: str) -> str | None:
        """Who took over `what` ('seats', 'functions', 'budgets') of an organisation that has ended, if recorded."""
        life = self.life.get(org)
        change = self.changes.get(life.change) if life is not None and life.change else None
        passed = transfer_of(change, org, what) if change else None
        return passed.successor if passed else None

    def horizons_on(self, day: date) -> dict[str, Horizon]:
        """Every place's evidence horizon as at another day, by the same rule."""
        if day == self.as_of:
            return dict(self.horizons)
        return horizons_on(self.local_evidence, self.national_evidence, list(self.horizons), day)


def entries_of(updates: list[StatusUpdate]) -> list[Entry]:
    """A record's dated updates as timeline entries, in the order written."""
    return [
        Entry(
            day=u.date.counts_from(),
            status=u.status,
            voice=u.voice,
            by=u.reported_by,
            date_text=u.date.text,
            summary=u.summary,
            cites=tuple(u.cites),
            origin=f"update {n}",
            reconfirmed=u.reconfirmed,
            quote=u.quote,
            successor_id=u.successor_id,
            successor_name=u.successor_name,
        )
        for n, u in enumerate(updates, 1)
    ]


def timeline_of(rec: Tracked, reviews: tuple[Review, ...]) -> tuple[Entry, ...]:
    """A record's updates and the reviews of it, in timeline order."""
    entries = entries_of(rec.updates)
    entries += [
        Entry(
            day=r.date.counts_from(),
            status=r.verdict,
            voice="independent",
            by=r.reviewer,
            date_text=r.date.text,
            summary=r.summary,
            cites=tuple(r.cites),
            origin=r.id,
            url=r.evidence_url,
        )
        for r in sorted(reviews, key=lambda r: r.id)
    ]
    return sort_timeline(entries)


def _judged(index: Index, rec: Tracked, local: Mapping[str, Dated]) -> Judged:
    """The item's due period, the days of its places' local evidence, and the day of its first paper."""
    days = sorted({day for place in rec.places for day, _ in local.get(place, ())})
    papers = [index.get(c.source) for c in getattr(rec, "cites", ()) if c.source in index.records]
    made = min((p.date.counts_from() for p in papers if isinstance(p, Source)), default=None)
    return Judged(rec.due, tuple(days), made)


def _newest(horizons: Mapping[str, Horizon]) -> tuple[date, str] | None:
    found = [(h.local, h.local_from) for h in horizons.values()] + [
        (h.national, h.national_from) for h in horizons.values()
    ]
    return max(((day, rid) for day, rid in found if day and rid), default=None)


def _tracked(index: Index) -> list[Tracked]:
    items = [rec for kind in TRACKED_KINDS for rec in index.of_kind(kind) if isinstance(rec, Tracked)]
    return sorted(items, key=lambda r: (r.due.sort_key if r.due else (date.max, date.max), r.id))


def _reviews(index: Index) -> dict[str, tuple[Review, ...]]:
    out: dict[str, list[Review]] = defaultdict(list)
    for rec in index.of_kind("review"):
        if isinstance(rec, Review):
            out[rec.subject].append(rec)
    return {k: tuple(v) for k, v in out.items()}


def _events(index: Index, until: date) -> tuple[Event, ...]:
    out: list[Event] = []
    for rid, item in index.records.items():
        rec = item.record
        places = tuple(getattr(rec, "places", []) or [])
        if isinstance(rec, Tracked):
            for n, u in enumerate(rec.updates, 1):
                out.append(
                    Event(
                        u.date.counts_from(),
                        rid,
                        item.kind.name,
                        n,
                        u.status,
                        u.summary,
                        tuple(u.cites),
                        places,
                        u.voice,
                    )
                )
        for n, h in enumerate(getattr(rec, "history", []) or [], 1):
            day = h.date.known_by
            if day is None:
                continue
            summary = getattr(h, "summary", None) or f"{rec.title_text()}: {h.status}."
            out.append(Event(day, rid, item.kind.name, n, h.status, summary, tuple(h.cites), places))
    out = [e for e in out if e.day <= until]
    return tuple(sorted(out, key=lambda e: (e.day, e.record, e.number), reverse=True))


def places_of(rec: Record) -> list[str]:
    """The places a record names (`places`), for kinds that have them; none for the rest."""
    places = getattr(rec, "places", None)
    return list(places) if isinstance(places, list) else []


def derive(index: Index, as_of: date) -> Derived:
    """Compute, once, everything the pages and exports need beyond the records."""
    records = records_json(index)
    reviews = _reviews(index)
    tracked = _tracked(index)
    timelines = {rec.id: timeline_of(rec, reviews.get(rec.id, ())) for rec in tracked}
    local, national = local_evidence(index), national_evidence(index)
    judged = {rec.id: _judged(index, rec, local) for rec in tracked}
    standing = {rid: standing_at(t, judged[rid], as_of) for rid, t in timelines.items()}
    horizons = horizons_on(local, national, [p.id for p in index.of_kind("place")], as_of)
    orgs, bodies = lives_on(index, as_of)
    changes = {c.id: c for c in changes_of(index)}
    fates = {
        b.id: found
        for b in index.of_kind("body")
        if isinstance(b, Body) and bodies[b.id].in_place and (found := seat_fates(b, orgs, changes))
    }

    below: dict[str, list[str]] = defaultdict(list)
    for b in index.of_kind("body"):
        if isinstance(b, Body):
            for target in dict.fromkeys(b.reports_to):
                below[target].append(b.id)
    in_place: dict[str, dict[str, list[str]]] = defaultdict(dict)
    for kind in KINDS:
        if kind.name in ("place", "term", "theme"):
            continue
        for rec in index.of_kind(kind.name):
            for pid in dict.fromkeys(places_of(rec)):
                in_place[pid].setdefault(kind.name, []).append(rec.id)
    themed: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for pset in index.of_kind("principle-set"):
        if isinstance(pset, PrincipleSet):
            for item in pset.items:
                for theme in dict.fromkeys(item.themes):
                    for place in pset.places[:1]:
                        themed[theme].append((place, pset.id, item.id))

    continued_by: dict[str, list[str]] = defaultdict(list)
    for rec in tracked:
        for earlier in rec.continues:
            continued_by[earlier].append(rec.id)

    by_kind = {name: tuple(r.id for r in tracked if index.kind_of(r.id) == name) for name in TRACKED_KINDS}
    by_place: dict[str, list[str]] = defaultdict(list)
    for rec in tracked:
        for pid in dict.fromkeys(rec.places):
            by_place[pid].append(rec.id)

    trace = {k: tuple(v) for k, v in trace_rows(index).items()}
    in_place_ids = {k: tuple((n, tuple(ids)) for n, ids in v.items()) for k, v in in_place.items()}
    by_systems = is_national(len(index.of_kind("place")))
    lives, life_now = life_steps(index), orgs | bodies
    linked_from, cited = links_to(index), cited_passages(index)
    reported_by = {k: tuple(sorted(v)) for k, v in below.items()}
    continued = {k: tuple(sorted(v)) for k, v in continued_by.items()}
    place_ids = [p.id for p in index.of_kind("place")]
    days = as_at_days((s.date.start for s in sources_in_order(index) if s.date.start), as_of)
    by_quarter = quarters(
        days,
        {rid: change_days(timelines[rid], judged[rid]) for rid in timelines},
        lambda rid, day: standing[rid] if day == as_of else standing_at(timelines[rid], judged[rid], day),
        lives,
        lambda rid, day: life_now[rid] if day == as_of else life_at(lives[rid], day),
        lambda day: {} if by_systems else horizons_on(local, national, place_ids, day),
    )
    complying = compliance(index, as_of, {rid: life.status for rid, life in bodies.items()})
    deciders, decide_here = who_decides(index, bodies)
    sums = {b.id: budget_sum(b) for b in index.of_kind("budget") if isinstance(b, Budget)}
    inputs = Inputs(MappingProxyType(standing), MappingProxyType(complying), MappingProxyType(sums))

    not_listed = {
        rid: rest
        for rid in linked_from
        if (
            rest := unlisted(
                index.get(rid),
                linked_from,
                cited,
                [
                    *decide_here.get(rid, ()),
                    *(i for _, ids in in_place_ids.get(rid, ()) for i in ids),
                    *reported_by.get(rid, ()),
                    *index.place_tree.children.get(rid, ()),
                    *continued.get(rid, ()),
                ],
                life_now.get(rid),
                timelines.get(rid, ()),
            )
        )
    }

    first = Derived(
        as_of=as_of,
        version=version_of(records),
        records=MappingProxyType(records),
        tracked=tuple(rec.id for rec in tracked),
        timelines=MappingProxyType(timelines),
        standing=MappingProxyType(standing),
        steps=MappingProxyType({rid: steps(t, judged[rid]) for rid, t in timelines.items()}),
        reviews=MappingProxyType(reviews),
        events=_events(index, as_of),
        linked_from=MappingProxyType(linked_from),
        cited=MappingProxyType(cited),
        not_listed=MappingProxyType(not_listed),
        reported_by=MappingProxyType(reported_by),
        in_place=MappingProxyType(in_place_ids),
        themed=MappingProxyType({k: tuple(sorted(v, key=lambda x: x[:2])) for k, v in themed.items()}),
        findings=tuple((rule, tuple(found)) for rule, found in run_checks(index, inputs, as_of)),
        compliance=inputs.compliance,
        continued_by=MappingProxyType(continued),
        trace=MappingProxyType(trace),
        trace_pages=MappingProxyType(trace_pages(index, trace, index.place_tree)),
        judged=MappingProxyType(judged),
        life=MappingProxyType(life_now),
        life_steps=MappingProxyType(lives),
        seat_fates=MappingProxyType(fates),
        horizons=MappingProxyType(horizons),
        local_evidence=MappingProxyType(local),
        national_evidence=MappingProxyType(national),
        changes=MappingProxyType(changes),
        newest=_newest(horizons),
        tracked_by_kind=MappingProxyType(by_kind),
        status_totals=MappingProxyType(
            {name: MappingProxyType(status_counts(standing, ids)) for name, ids in by_kind.items()}
        ),
        tracked_by_place=MappingProxyType({k: tuple(v) for k, v in by_place.items()}),
        deciders=MappingProxyType(deciders),
        budget_sums=inputs.budget_sums,
        decide_here=MappingProxyType(decide_here),
        national=by_systems,
        packs=(),
        quarters=by_quarter,
        place_summaries=place_summaries(index.place_tree, in_place_ids, standing, deciders, horizons, by_systems),
    )
    return replace(first, packs=all_packs(index, first))
