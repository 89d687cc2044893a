"""What the compliance panel, the rule-set page and the Checks page print, prepared from `compliance()`.

Why: templates only print. Every value here is either plain text (escaped by the
Jinja `finalize` hook) or `MD` built from escaped parts (links, citations). The
results come from `Derived.compliance`, computed once per build.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..compliance import ANSWER_LABELS, STATUS_LABELS, Compliance
from ..markup import MD, escape_text
from ..models import RuleSet
from .context import Site
from .links import period

BASIS = {"statutory": "Statutory", "policy": "Policy"}


@dataclass(frozen=True, slots=True)
class Row:
    """One requirement of the panel."""

    label: str
    text: str
    need: str
    found: str
    """'3', or '2 to 5' when a seat is recorded as a range."""
    answer: str
    """'met', 'not-met' or 'not-shown' (for styling and tests)."""
    answer_label: str
    """'Met', 'Not met' or 'Not shown by the sources', with why when not met or not shown."""
    fulfilled_by: MD
    """Links to the seats that count, 'not found', and any seat that names it but does not fit."""
    basis: str
    cites: MD


@dataclass(frozen=True, slots=True)
class Panel:
    """The compliance panel of one body."""

    status: str
    status_label: str
    headline: str
    rule_sets: MD
    rows: tuple[Row, ...]
    ranged: bool
    """Whether a seat counted is recorded as a range (the panel then says which end counts)."""
    whole: MD | None
    """Where a source says the seats are the whole membership (citations), or None."""


def panel(site: Site, page: str, comp: Compliance) -> Panel:
    body = site.index.get(comp.body)
    roles = {s.id: s.role for s in getattr(body, "seats", [])}
    links = site.links

    def seat(sid: str) -> MD:
        return links.link_to(roles[sid], links.path(sid), page)

    rows = []
    for r in comp.results:
        parts = [seat(s) for s in r.seats]
        if not parts:
            parts = [MD("not found")]
        for sid, why in r.rejected:
            parts.append(seat(sid) + MD(" names it but does not count: ") + why)
        rows.append(
            Row(
                label=r.label,
                text=r.text,
                need=r.need_text(),
                found=r.found_text(),
                answer=r.answer,
                answer_label=ANSWER_LABELS[r.answer] + (f": {r.why}" if r.why else ""),
                fulfilled_by=MD("; ").join(parts),
                basis=BASIS[r.basis],
                cites=links.cites(r.cites, page),
            )
        )
    whole = getattr(body, "whole_membership", None)
    return Panel(
        status=comp.status,
        status_label=STATUS_LABELS[comp.status],
        headline=comp.headline(),
        rule_sets=links.refs(list(comp.rule_sets), page),
        rows=tuple(rows),
        ranged=any(r.most != r.found for r in comp.results),
        whole=None if whole is None else links.cites(whole.cites, page),
    )


def body_panel(site: Site, page: str, body_id: str) -> Panel | None:
    """The panel for a body page, or None when no rule set applies to the body."""
    comp = site.derived.compliance.get(body_id)
    return None if comp is None else panel(site, page, comp)


@dataclass(frozen=True, slots=True)
class Checked:
    """One body on a rule-set page or the Checks page: link, status and headline."""

    body: MD
    status_label: str
    headline: str


def checked_bodies(site: Site, page: str, rule_set: str | None = None) -> tuple[Checked, ...]:
    """Every body a rule set applies to (or one rule set's bodies), with its headline."""
    return tuple(
        Checked(site.links.ref(bid, page), STATUS_LABELS[comp.status], comp.headline())
        for bid, comp in sorted(site.derived.compliance.items())
        if rule_set is None or rule_set in comp.rule_sets
    )


@dataclass(frozen=True, slots=True)
class RequirementRow:
    id: str
    label: str
    text: MD
    """The requirement in the register's words, and its editor's note."""
    basis: str
    need: str
    counts: str
    """How seats count: by category, or by a `fulfils` link (with the categories allowed)."""
    conditions: str
    cites: MD


@dataclass(frozen=True, slots=True)
class RuleSetView:
    applies_to: str
    in_force: MD
    requirements: tuple[RequirementRow, ...]
    constituencies: tuple[tuple[str, str, str], ...]
    """(id, label, who belongs: types and categories, with any limit the register does not check)."""
    bodies: tuple[Checked, ...]


def rule_set_view(site: Site, page: str, rules: RuleSet) -> RuleSetView:
    scope = rules.applies_to
    parts = []
    if scope.tags:
        parts.append("bodies tagged " + " or ".join(scope.tags))
    if scope.body_types:
        parts.append("of type " + " or ".join(scope.body_types))
    if scope.hosted_by_types:
        parts.append("hosted by an organisation of type " + " or ".join(scope.hosted_by_types))
    labels = {c.id: c.label for c in rules.constituencies}
    reqs = []
    for q in rules.requirements:
        need = f"at least {q.min}" if q.max is None else (str(q.min) if q.max == q.min else f"{q.min} to {q.max}")
        cats = ", ".join(q.categories)
        counts = (
            f"every member seat of category {cats}"
            if q.match == "category"
            else f"seats of category {cats} that name it in fulfils"
        )
        cond = []
        if q.nominated_by:
            cond.append(f"nominated by {labels.get(q.nominated_by, q.nominated_by)}")
        if q.appointed_by:
            who = labels.get(q.appointed_by) or (
                site.index.title(q.appointed_by) if q.appointed_by in site.index.records else q.appointed_by
            )
            cond.append(f"appointed by {who}")
        text = escape_text(q.text) + (MD(" Note: ") + q.note if q.note else MD(""))
        reqs.append(
            RequirementRow(
                q.id,
                q.label,
                text,
                BASIS[q.basis],
                need,
                counts,
                "; ".join(cond) or "none",
                site.links.cites(q.cites, page),
            )
        )
    cons = tuple(
        (
            c.id,
            c.label,
            "; ".join(
                x
                for x in (
                    ("organisations of type " + ", ".join(c.organisation_types)) if c.organisation_types else "",
                    ("seats of category " + ", ".join(c.seat_categories)) if c.seat_categories else "",
                    c.note or "",
                )
                if x
            ),
        )
        for c in rules.constituencies
    )
    return RuleSetView(
        applies_to=", ".join(parts),
        in_force=period(rules.in_force),
        requirements=tuple(reqs),
        constituencies=cons,
        bodies=checked_bodies(site, page, rules.id),
    )


__all__ = ["Checked", "Panel", "Row", "RuleSetView", "body_panel", "checked_bodies", "panel", "rule_set_view"]
