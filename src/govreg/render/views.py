"""Views: what each record page is given to print, prepared in Python.

Why: templates only print. Everything a page shows that is not a plain field of
the record (status, voices, facts table, lead sentence, links back, diagrams,
totals) is prepared here from the index and `Derived`, by one builder per kind
found in `PARTS`, so no template calls back into logic or the index.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from ..dates import Period, day_text
from ..deciders import GROUPS
from ..lifecycle import STATUS_WORDS
from ..markup import MD, anchor, escape_text
from ..models import BY_NAME, Body, Budget, Kind, Place, Record, RuleSet, Source
from ..models.common import _ref_kinds
from ..models.milestone import Tracked
from ..svg import bar_chart, reporting_diagram
from ..urls import url_of
from .compliance import body_panel, rule_set_view
from .context import Site
from .itemcite import item_view, line_anchor
from .lead import lead
from .links import Links, period
from .pages import (
    BodyPart,
    BudgetPart,
    DeciderView,
    NoPart,
    Part,
    PlacePart,
    RecordPage,
    ReformPart,
    RulesPart,
    SourcePart,
    ThemePart,
)

# Fields shown in the facts table of any record page, with friendlier labels.
LABELS = {
    "type": "Type",
    "places": "Place",
    "part_of": "Part of",
    "owners": "Owned by",
    "made_by": "Made by",
    "made_to": "Made to",
    "made_on": "Made on",
    "due": "Due",
    "workstream": "Workstream",
    "lead": "Lead",
    "reports_to": "Reports to",
    "hosted_by": "Formed by",
    "legal_form": "Legal form",
    "chairing": "Chairing",
    "decision_rule": "Decision rule",
    "quorum": "Quorum",
    "meets_in_public": "Meets in public",
    "participation": "How to be heard",
    "meetings": "Meetings",
    "held_by": "Overseen by",
    "contributors": "Contributors",
    "unit": "Unit",
    "period": "Period",
    "headline": "Headline figure",
    "risk_share": "Risk share",
    "abbreviation": "Abbreviation",
    "aliases": "Also called",
    "asked_by": "Asked by",
    "answered_by": "Answered by",
    "deadline": "Deadline",
    "asked_of": "Asked of",
    "date": "Date",
    "source": "Source paper",
    "authors": "Author",
    "presenters": "Presented by",
    "publishers": "Issued by",
    "file": "Text file",
    "amount": "Amount",
    "about": "About",
    "text": "Figure as printed",
    "preferred_by": "Preferred by",
    "outcome": "Outcome",
    "question": "Question",
    "expansion": "Stands for",
    "variants": "Also written",
    "last_reviewed": "Last reviewed",
    "continues": "Continues",
    "text_held": "Text held by the register",
    "url": "Published at",
    "tags": "Tags",
    "traces": "Read against",
}
SHOWN_ELSEWHERE = {
    "id",
    "former_ids",
    "note",
    "cites",
    "name",
    "title",
    "term",
    "summary",
    "purpose",
    "description",
    "explanation",
    "intro",
    "items",
    "seats",
    "functions",
    "history",
    "updates",
    "lines",
    "printed_total",
    "options",
    "questions",
    "outline",
    "preferred",
    "total_mismatch_note",
    "remit",
    "readings",
    "requirements",
    "constituencies",
    "applies_to",
    "in_force",
    "meets_in_public",
    "participation",
    "looked_for",
    "events",
    "transfers",
    "whole_membership",
    "unitary_board",
    "plain_title",
}
"""Fields printed by the page's own sections (or not at all), so never in the facts table."""

PROSE = ("text", "summary", "purpose", "explanation", "description", "remit")
"""Free-text fields printed as paragraphs under the lead, in this order."""


def facts(links: Links, page: str, rec: BaseModel, prose_fields: tuple[str, ...] = ()) -> list[tuple[str, MD]]:
    """(label, value) rows for the simple fields of a record, in schema order (fields the page
    prints as prose, `prose_fields`, excepted)."""
    rows: list[tuple[str, MD]] = []
    for name, info in type(rec).model_fields.items():
        if (
            name in SHOWN_ELSEWHERE
            or name in prose_fields
            or (name == "meetings" and isinstance(getattr(rec, name), list))
        ):
            continue
        value = getattr(rec, name)
        if value in (None, [], ""):
            continue
        if _ref_kinds(info.annotation, info.metadata):
            shown = links.refs(value if isinstance(value, list) else [value], page)
        elif isinstance(value, Period):
            shown = period(value)
        elif isinstance(value, bool):
            shown = MD("Yes" if value else "No")
        elif isinstance(value, list):
            shown = MD("; ").join(value)
        else:
            shown = escape_text(value)
        rows.append((LABELS.get(name, name.replace("_", " ").capitalize()), shown))
    return rows


def prose(kind: Kind, rec: Record) -> list[tuple[str, str]]:
    """(field, text) of the free-text fields shown as paragraphs ('text' is quoted)."""
    out = []
    for name in PROSE:
        value = getattr(rec, name, None)
        if isinstance(value, str) and value and not (kind.name == "figure" and name == "text"):
            out.append((name, value))
    return out


def citation(site: Site, rec: Record) -> str:
    """A plain-text reference: record, source and paragraph, register version, as-of date, permalink."""
    index = site.index
    kind = index.kind_of(rec.id).replace("-", " ")
    exact = rec.exact_title() if isinstance(rec, Tracked) else rec.title_text()
    parts = [f"{exact} ({kind} {rec.id})."]
    cites = getattr(rec, "cites", None) or []
    if cites:
        src = index.get(cites[0].source)
        when = getattr(src, "date", None)
        parts.append(f"Source: {src.title_text()}, {cites[0].at}" + (f" ({when.text})." if when else "."))
    parts.append(f"Governance Register, version {site.derived.version}, as at {day_text(site.derived.as_of)}.")
    parts.append(f"{site.site_url.rstrip('/')}{url_of(index, rec.id)}")
    return " ".join(parts)


def life_line(site: Site, page: str, rid: str) -> MD | None:
    """An organisation's or body's status as at the as-of date, with when, why and the evidence."""
    life = site.derived.life.get(rid)
    if life is None:
        return None
    if life.status is None:
        return MD("Not recorded: the sources give no dated event, and no national change has ended it.")
    links = site.links
    text = MD(STATUS_WORDS[life.status])
    if life.since is not None and life.status != "in-place":
        text += MD(" since {}").format(life.since_text or day_text(life.since))
    if life.host and life.change:
        text += MD(": it ended with ") + links.ref(life.host, page)
        text += MD(", abolished that day by the national change ") + links.ref(life.change, page)
    elif life.change:
        verb = "abolished" if life.status == "abolished" else "to be established"
        text += MD(": {} by the national change ").format(verb) + links.ref(life.change, page)
    elif life.reason:
        text += MD(": {}").format(life.reason.rstrip("."))
    if life.successor and not life.in_place:
        text += MD("; replaced by ") + links.ref(life.successor, page)
    if life.cites:
        text += MD(". Evidence: ") + links.cites(list(life.cites), page)
    return text + MD(".")


def horizon_lines(site: Site, places: list[str]) -> list[str]:
    """How far the evidence reaches for each of `places` (legislation.gov.uk's point-in-time manner)."""
    found = site.derived.horizons
    return [found[p].sentence(site.index.title(p)) for p in dict.fromkeys(places) if p in found]


def _ended_note(site: Site, page: str, org: str, successor: str | None, since: Any, what: str) -> MD:
    """'NHS Bolton CCG was abolished on 1 July 2022; what became of its seat is not known.'"""
    text = MD("{} was abolished on {}; ").format(site.index.title(org), day_text(since))
    if successor:
        return text + MD("its {} passed to ").format(what) + site.links.ref(successor, page) + MD(".")
    return text + MD("what became of its {} is not known.").format(what)


def _body(site: Site, rec: Record, page: str) -> BodyPart:
    assert isinstance(rec, Body)
    below = list(site.derived.reported_by.get(rec.id, ()))
    diagram = None
    if rec.reports_to or below:
        title = site.index.title
        diagram = reporting_diagram(
            f"{rec.id}-lines", rec.name, [title(x) for x in rec.reports_to], [title(x) for x in below]
        )
    seat_ended = {
        f.seat: _ended_note(site, page, f.organisation, f.successor, f.since, "seat")
        for f in site.derived.seat_fates.get(rec.id, ())
    }
    links = site.links
    attested = []
    for said, words in (
        (rec.unitary_board, "It meets as a unitary board: its members are collectively accountable for its decisions"),
        (rec.whole_membership, "The seats below are its whole membership"),
    ):
        if said is not None:
            line = MD("{} (").format(words) + links.cites(said.cites, page) + MD(").")
            attested.append(line + (MD(" {}").format(said.note) if said.note else MD("")))
    return BodyPart(
        reported_by=tuple(below),
        diagram=diagram,
        compliance=body_panel(site, page, rec.id),
        seat_ended=seat_ended,
        attested=tuple(attested),
        nominated={s.id: _nominated(site, page, s.nominators()) for s in rec.seats if s.nominated_by},
    )


def _nominated(site: Site, page: str, who: tuple[str, ...]) -> MD:
    """'nominated by Bolton Council and Bury Council jointly': records linked, constituencies by label."""
    labels = {c.id: c.label for rs in site.index.of_kind("rule-set") for c in getattr(rs, "constituencies", [])}
    names = [site.links.ref(w, page) if w in site.index.records else escape_text(labels.get(w, w)) for w in who]
    joined = names[0] if len(names) == 1 else MD(", ").join(names[:-1]) + MD(" and ") + names[-1]
    return MD("nominated by ") + joined + (MD(" jointly") if len(names) > 1 else MD(""))


def _budget(site: Site, rec: Record, page: str) -> BudgetPart:
    assert isinstance(rec, Budget)
    chart = None
    if rec.lines:
        bars = [(ln.area, ln.value, ln.value_text) for ln in rec.lines]
        chart = bar_chart(f"{rec.id}-chart", f"{rec.title_text()}: budget lines", bars, rec.unit)
    ended = []
    for org in rec.contributors:
        life = site.derived.life.get(org)
        if life is not None and not life.in_place and life.since is not None:
            ended.append(_ended_note(site, page, org, site.derived.successor(org, "budgets"), life.since, "share"))
    if rec.held_by:
        decided_by = site.links.ref(rec.held_by, page) + MD(", the body the paper says oversees it. ")
        decided_by += life_short(site, page, rec.held_by)
        decided_by += MD(" Whether it meets in public and how to be heard: on ")
        decided_by += site.links.link_to("its page", site.links.path(rec.held_by) + "#taking-part", page) + MD(".")
    else:
        decided_by = MD("The sources read do not say which body oversees it.")
    return BudgetPart(
        decided_by=decided_by,
        contributors_ended=tuple(ended),
        chart=chart,
        sums=site.derived.budget_sums[rec.id],
        line_ids=tuple(line_anchor(rec.id, i) for i in range(1, len(rec.lines) + 1)),
    )


def _source(site: Site, rec: Record, page: str) -> SourcePart:
    assert isinstance(rec, Source)
    cited = site.derived.cited
    return SourcePart(
        outline=tuple((sec, anchor(sec.ref), cited.get((rec.id, sec.ref), ())) for sec in rec.outline),
        traced=bool(site.derived.trace.get(rec.id)),
    )


GROUP_HEADINGS = {
    "now": "In place",
    "proposed": "Proposed, and not known to have been set up",
    "not-recorded": "No dated evidence of when they began or whether they continue",
    "ended": "No longer in place",
}
"""How the place page heads each group of its bodies (`deciders.GROUPS`)."""


def life_short(site: Site, page: str, rid: str) -> MD:
    """A body's status as at the as-of date in a few words, for lists: 'In place since July 2022',
    'Ended 1 July 2022: abolished with NHS Bolton CCG'. `life_line` gives the whole story."""
    life = site.derived.life.get(rid)
    if life is None or life.status is None:
        return MD("No dated evidence of when it began or whether it continues.")
    when = life.since_text or (day_text(life.since) if life.since else "")
    links = site.links
    if life.status in ("established", "in-place", "shadow"):
        words = "In shadow form" if life.status == "shadow" else "In place"
        text = MD(words) + (MD(" since {}").format(when) if when else MD(""))
        if life.seen is not None and life.seen != life.since:
            text += MD(" (still in place by {})").format(day_text(life.seen))
        return text + MD(".")
    if life.status in ("proposed", "not-yet"):
        first = "Proposed" if life.status == "proposed" else "Not yet in place"
        return MD(first) + (MD(" {}").format(when) if when else MD("")) + MD("; not known to have been set up.")
    text = MD("Ended") + (MD(" {}").format(when) if when else MD(""))
    if life.status == "abolished" and life.host:
        return text + MD(": abolished with ") + links.ref(life.host, page) + MD(".")
    if life.successor:
        return text + MD(": replaced by ") + links.ref(life.successor, page) + MD(".")
    return text + MD(": {}.").format(STATUS_WORDS[life.status].lower())


def decider_view(site: Site, page: str, bid: str) -> DeciderView:
    d = site.derived.deciders[bid]
    decides = MD("{}").format(d.decides)
    if d.decides_cites:
        decides += MD(" (") + site.links.cites(list(d.decides_cites), page) + MD(")")
    return DeciderView(
        body=site.links.ref(bid, page),
        status=life_short(site, page, bid),
        decides=decides,
        public=d.public,
        heard=d.heard,
        pools=site.links.refs(list(d.pools), page) if d.pools else None,
    )


def pool_line(site: Site, page: str, budget: Record) -> MD:
    """'Adult Health and Social Care Pooled Budget (£160 million, 19/20): overseen by the Joint Commissioning
    Committee, proposed since 8 April 2019.' The body's status is as at the as-of date."""
    assert isinstance(budget, Budget)
    links = site.links
    text = links.ref(budget.id, page)
    about = [x for x in (budget.headline, budget.period.text if budget.period else None) if x]
    if about:
        text += MD(" ({})").format(", ".join(about))
    if budget.held_by is None:
        return text + MD(": the sources read do not say which body oversees it.")
    text += MD(": overseen by ") + links.ref(budget.held_by, page)
    return text + MD(". ") + life_short(site, page, budget.held_by)


def _place(site: Site, rec: Record, page: str) -> PlacePart:
    assert isinstance(rec, Place)
    groups: dict[str, list[DeciderView]] = {}
    for bid in site.derived.decide_here.get(rec.id, ()):
        groups.setdefault(site.derived.deciders[bid].group, []).append(decider_view(site, page, bid))
    return PlacePart(
        sub_places=site.index.place_tree.children.get(rec.id, ()),
        governance_map=site.maps.get(rec.id),
        in_place=tuple((BY_NAME[k], ids) for k, ids in site.derived.in_place.get(rec.id, ()) if k != "body"),
        deciders=tuple((g, GROUP_HEADINGS[g], tuple(groups[g])) for g in GROUPS if g in groups),
        pools=tuple(
            pool_line(site, page, b) for b in site.index.of_kind("budget") if rec.id in getattr(b, "places", ())
        ),
        parent=rec.part_of,
    )


def _theme(site: Site, rec: Record, page: str) -> ThemePart:
    rows = []
    for place, _, item_id in site.derived.themed.get(rec.id, ()):
        _, item = site.index.nested[item_id]
        rows.append((place, item_id, getattr(item, "text", "")))
    return ThemePart(tuple(rows))


def _rules(site: Site, rec: Record, page: str) -> RulesPart:
    assert isinstance(rec, RuleSet)
    return RulesPart(rule_set_view(site, page, rec))


def _reform(site: Site, rec: Record, page: str) -> ReformPart:
    """What the national change ended, as at the as-of date (read from `Derived.life`)."""
    return ReformPart(
        tuple(rid for rid, life in site.derived.life.items() if life.change == rec.id and not life.in_place)
    )


def _nothing(site: Site, rec: Record, page: str) -> NoPart:
    return NoPart()


PARTS: dict[str, tuple[str | None, Callable[[Site, Record, str], Part]]] = {
    "body": ("parts/body.md.j2", _body),
    "budget": ("parts/budget.md.j2", _budget),
    "source": ("parts/source.md.j2", _source),
    "place": ("parts/place.md.j2", _place),
    "theme": ("parts/theme.md.j2", _theme),
    "principle-set": ("parts/principles.md.j2", _nothing),
    "option-set": ("parts/options.md.j2", _nothing),
    "consultation": ("parts/consultation.md.j2", _nothing),
    "decision": ("parts/decision.md.j2", _nothing),
    "organisation": ("parts/organisation.md.j2", _nothing),
    "rule-set": ("parts/rules.md.j2", _rules),
    "reform": ("parts/reform.md.j2", _reform),
}
"""Per kind: the template part that prints its own sections, and the builder of its view."""


def record_view(site: Site, kind: Kind, rec: Record, page: str) -> RecordPage:
    """Everything a record page prints beyond the record's own fields."""
    part, build = PARTS.get(kind.name, (None, _nothing))
    standing = site.derived.standing.get(rec.id)
    paragraphs = prose(kind, rec)
    rows = facts(site.links, page, rec, tuple(name for name, _ in paragraphs))
    resident = decider_view(site, page, rec.id) if rec.id in site.derived.deciders else None
    if resident is not None:  # the body's purpose leads its page, as "What it is for"
        paragraphs = [(name, text) for name, text in paragraphs if name != "purpose"]
    later = site.derived.continued_by.get(rec.id, ())
    if later:
        rows.append(("Continued by", site.links.refs(later, page)))
    places = [rec.id] if isinstance(rec, Place) else list(getattr(rec, "places", None) or [])
    life = life_line(site, page, rec.id)
    items = item_view(site.links, page, rec)
    sums = site.derived.budget_sums.get(rec.id)
    return RecordPage(
        kind=kind,
        rec=rec,
        part=part,
        own=build(site, rec, page),
        standing=standing,
        life=life,
        horizons=tuple(horizon_lines(site, places)) if (standing or life or isinstance(rec, Place)) else (),
        timeline=site.derived.timelines.get(rec.id, ()),
        lead=lead(site.links, page, rec, sums.total if sums else None),
        resident=resident,
        prose=tuple(paragraphs),
        facts=tuple(rows),
        linked_from=site.derived.not_listed.get(rec.id, ()),
        citation=citation(site, rec),
        item_cites=items.cites,
        item_links=items.links,
    )
