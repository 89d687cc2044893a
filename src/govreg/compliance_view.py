"""What the compliance panel, the rule-set page and the Checks page print, prepared from `compliance()`.

Why: templates only print. Every value here is either plain text (escaped by the
Jinja `finalize` hook) or `Markup` built from escaped parts (links, citations).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from .compliance import STATUS_LABELS, Compliance, cached
from .markup import escape_text
from .models import RuleSet

if TYPE_CHECKING:
    from .render import Ctx

BASIS = {"statutory": "Statutory", "policy": "Policy"}


@dataclass(frozen=True, slots=True)
class Row:
    """One requirement of the panel."""

    label: str
    text: str
    need: str
    found: int
    met: str
    """'Met' or 'Not met'."""
    fulfilled_by: Markup
    """Links to the seats that count, 'not found', and any seat that names it but does not fit."""
    basis: str
    cites: Markup


@dataclass(frozen=True, slots=True)
class Panel:
    """The compliance panel of one body."""

    status: str
    status_label: str
    headline: str
    rule_sets: Markup
    rows: tuple[Row, ...]


def panel(ctx: Ctx, comp: Compliance) -> Panel:
    body = ctx.index.get(comp.body)
    roles = {s.id: s.role for s in getattr(body, "seats", [])}

    def seat(sid: str) -> Markup:
        return ctx.link_to(roles[sid], ctx.path_of(sid))

    rows = []
    for r in comp.results:
        parts = [seat(s) for s in r.seats]
        if not parts:
            parts = [Markup("not found")]
        for sid, why in r.rejected:
            parts.append(Markup(f"{seat(sid)} names it but does not count: {escape_text(why)}"))
        rows.append(
            Row(
                label=r.label,
                text=r.text,
                need=r.need_text(),
                found=r.found,
                met="Met" if r.met else "Not met",
                fulfilled_by=Markup("; ").join(parts),
                basis=BASIS[r.basis],
                cites=Markup("; ").join(ctx.cite(c) for c in r.cites),
            )
        )
    return Panel(
        status=comp.status,
        status_label=STATUS_LABELS[comp.status],
        headline=comp.headline(),
        rule_sets=ctx.refs(list(comp.rule_sets)),
        rows=tuple(rows),
    )


def body_panel(ctx: Ctx, body_id: str) -> Panel | None:
    """The panel for a body page, or None when no rule set applies to the body."""
    comp = cached(ctx.index).get(body_id)
    return None if comp is None else panel(ctx, comp)


@dataclass(frozen=True, slots=True)
class Checked:
    """One body on a rule-set page or the Checks page: link, status and headline."""

    body: Markup
    status_label: str
    headline: str


def checked_bodies(ctx: Ctx, rule_set: str | None = None) -> tuple[Checked, ...]:
    """Every body a rule set applies to (or one rule set's bodies), with its headline."""
    return tuple(
        Checked(ctx.ref(bid), STATUS_LABELS[comp.status], comp.headline())
        for bid, comp in sorted(cached(ctx.index).items())
        if rule_set is None or rule_set in comp.rule_sets
    )


@dataclass(frozen=True, slots=True)
class RequirementRow:
    id: str
    label: str
    text: Markup
    """The requirement in the register's words, and its editor's note."""
    basis: str
    need: str
    counts: str
    """How seats count: by category, or by a `fulfils` link (with the categories allowed)."""
    conditions: str
    cites: Markup


@dataclass(frozen=True, slots=True)
class RuleSetView:
    applies_to: str
    in_force: Markup
    requirements: tuple[RequirementRow, ...]
    constituencies: tuple[tuple[str, str, str], ...]
    """(id, label, who belongs: types and categories, with any limit the register does not check)."""
    bodies: tuple[Checked, ...]


def rule_set_view(ctx: Ctx, rules: RuleSet) -> RuleSetView:
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
                ctx.index.title(q.appointed_by) if q.appointed_by in ctx.index.records else q.appointed_by
            )
            cond.append(f"appointed by {who}")
        text = escape_text(q.text) + (Markup(" Note: ") + escape_text(q.note) if q.note else Markup(""))
        reqs.append(
            RequirementRow(
                q.id,
                q.label,
                text,
                BASIS[q.basis],
                need,
                counts,
                "; ".join(cond) or "none",
                Markup("; ").join(ctx.cite(c) for c in q.cites),
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
        in_force=ctx.period(rules.in_force),
        requirements=tuple(reqs),
        constituencies=cons,
        bodies=checked_bodies(ctx, rules.id),
    )


__all__ = ["Checked", "Panel", "Row", "RuleSetView", "body_panel", "checked_bodies", "panel", "rule_set_view"]
