"""Render: the index -> {site path: Markdown}, through Jinja templates.

Why: pages are pure functions of the data and the as-of date. Python does the
sorting, grouping and status arithmetic; templates only print. Every value a
template prints is escaped for Markdown unless built here as `Markup`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from pydantic import BaseModel

from .dates import Period
from .index import Index
from .markup import anchor, escape_attr, escape_text, link, rel
from .models import BY_NAME, KINDS, Kind, Record
from .models.common import Citation, StatusUpdate, _ref_kinds
from .status import LABELS, StatusAt, status_at


def page_path(kind: Kind, rid: str) -> str:
    """The permanent page of a record: /<kind file>/<id>/ (the URL rule)."""
    return f"{kind.file}/{rid}.md"


def list_path(kind: Kind) -> str:
    return f"{kind.file}/index.md"


@dataclass
class Memo:
    """Links and dates already rendered in this build, keyed by what they depend on.

    Why: a link depends only on its target and the folder of the page it is on, and a
    large register prints the same links thousands of times (changes, registers, facet
    pages); computing each once keeps page building linear. One Memo per Renderer, so
    nothing outlives a build.
    """

    links: dict[tuple[str, ...], Markup] = field(default_factory=dict)
    rels: dict[tuple[str, str], str] = field(default_factory=dict)


@dataclass
class Ctx:
    """What every page builder needs: the index, the date, the current page."""

    index: Index
    as_of: date
    current: str = "index.md"
    memo: Memo = field(default_factory=Memo, repr=False, compare=False)

    def at(self, current: str) -> Ctx:
        return Ctx(self.index, self.as_of, current, self.memo)

    @cached_property
    def folder(self) -> str:
        """The current page's folder: relative links depend on nothing else of it."""
        return posixpath.dirname(self.current)

    def path_of(self, rid: str) -> str:
        """Page (and anchor, for nested items) of any id in the register."""
        if rid in self.index.records:
            item = self.index.records[rid]
            return page_path(item.kind, rid)
        if rid in self.index.nested:
            owner, _ = self.index.nested[rid]
            return f"{page_path(self.index.records[owner].kind, owner)}#{rid}"
        raise KeyError(rid)

    def ref(self, rid: str) -> Markup:
        """A link to a record, by its title."""
        key = ("ref", rid, self.folder)
        made = self.memo.links.get(key)
        if made is None:
            made = self.memo.links[key] = link(self.index.title(rid), self.path_of(rid), self.current)
        return made

    def url_to(self, target: str) -> str:
        """Link to a site file from raw HTML, relative to this page's URL (directory URLs add a level)."""
        page_dir = self.current.removesuffix(".md")
        page_dir = page_dir.removesuffix("index") if page_dir.endswith("index") else page_dir + "/"
        return posixpath.relpath(target, page_dir or ".")

    def rel_to(self, target: str) -> str:
        key = (target, self.folder)
        made = self.memo.rels.get(key)
        if made is None:
            made = self.memo.rels[key] = rel(target, self.current)
        return made

    def link_to(self, text: str, target: str) -> Markup:
        if type(text) not in (str, Markup):
            return link(text, target, self.current)
        key = ("link", "markup" if isinstance(text, Markup) else "text", text, target, self.folder)
        made = self.memo.links.get(key)
        if made is None:
            made = self.memo.links[key] = link(text, target, self.current)
        return made

    def permalink(self, rid: str) -> Markup:
        """The record's permanent page, linked, with its URL shown."""
        path = self.path_of(rid)
        url = "/" + path.removesuffix(".md").replace("#", "/#", 1) + ("/" if "#" not in path else "")
        return Markup(f"[`{url}`]({rel(path, self.current)})")

    def ref_kind(self, kind: Kind) -> Markup:
        """A link to a kind's list page."""
        return link(kind.label, list_path(kind), self.current)

    def refs(self, rids: list[str]) -> Markup:
        return Markup(", ").join(self.ref(r) for r in rids)

    def cite(self, c: Citation) -> Markup:
        key = ("cite", c.source, c.at, c.note or "", self.folder)
        made = self.memo.links.get(key)
        if made is None:
            made = self.memo.links[key] = self._cite(c)
        return made

    def _cite(self, c: Citation) -> Markup:
        src = self.index.get(c.source)
        target = f"{page_path(BY_NAME['source'], c.source)}#{anchor(c.at)}"
        text = Markup(f"{link(src.title_text(), target, self.current)}, {escape_text(_locator_words(c.at))}")
        if c.note:
            text += Markup(f" ({escape_text(c.note)})")
        return text

    def period(self, p: Period | None) -> Markup:
        """A date as the paper gave it, with its derived range beside it."""
        if p is None:
            return Markup("not stated")
        key = ("period", p.text, p.context or "", p.precision, str(p.start), str(p.end))
        made = self.memo.links.get(key)
        if made is None:
            made = self.memo.links[key] = self._period(p)
        return made

    def _period(self, p: Period) -> Markup:
        shown = escape_text(p.text + (f" ({p.context})" if p.context else ""))
        if p.start == p.end and p.precision == "day":
            return Markup(shown)
        return Markup(f'{shown} <span class="gr-range">({escape_text(p.describe())})</span>')

    def status(self, s: StatusAt) -> Markup:
        css = "overdue" if s.overdue else s.status
        return Markup(f'<span class="gr-badge gr-{css}">{escape_text(s.label)}</span>')


def _locator_words(at: str) -> str:
    if at[:1].isdigit():
        return f"paragraph {at}"
    return at


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("govreg", "templates"),
        autoescape=False,
        finalize=_finalizer(),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["code"] = lambda v: Markup(f"`{v}`") if _SAFE_ID.match(str(v)) else escape_text(v)
    env.filters["id"] = _html_id
    env.filters["html_attr"] = lambda v: Markup(escape_attr(str(v)))  # a value inside a raw HTML attribute
    env.filters["pre"] = lambda v: Markup(f"<pre><code>{escape_attr(str(v))}</code></pre>")  # with a copy button
    env.filters["example"] = lambda v: Markup(f'<pre class="gr-example" tabindex="0">{escape_attr(str(v))}</pre>')
    return env


def _finalizer() -> Callable[[Any], str]:
    """Jinja's finalize hook: escape_text, remembering plain strings already escaped.

    Why: registers and the Changes pages print the same texts many times; the cache
    lives in one Environment, which lives in one Renderer, so it never outlives a build.
    """
    done: dict[str, str] = {}

    def finalize(value: Any) -> str:
        if type(value) is not str:
            return escape_text(value)
        made = done.get(value)
        if made is None:
            made = done[value] = escape_text(value)
        return made

    return finalize


_SAFE_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def _html_id(value: str) -> Markup:
    """An id for an HTML anchor; ids are pattern-checked, so this never carries markup."""
    if not _SAFE_ID.match(value):
        raise ValueError(f"unsafe anchor id {value!r}")
    return Markup(value)


def record_status(rec: Record, day: date, voice: str | None = None) -> StatusAt | None:
    updates: list[StatusUpdate] | None = getattr(rec, "updates", None)
    if updates is None:
        return None
    return status_at(updates, getattr(rec, "due", None), day, voice)


# Fields shown in the facts table of any record page, with friendlier labels.
_LABELS = {
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
    "text_held": "Text held by the register",
    "url": "Published at",
    "tags": "Tags",
    "amount": "Amount",
    "about": "About",
    "text": "Figure as printed",
    "preferred_by": "Preferred by",
    "outcome": "Outcome",
    "question": "Question",
    "expansion": "Stands for",
    "variants": "Also written",
    "last_reviewed": "Last reviewed",
    "intro": "Introduced as",
}
_SKIP = {
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
    "meetings_list",
    "preferred",
    "total_mismatch_note",
    "remit",
    "requirements",
    "constituencies",
    "applies_to",
    "in_force",
}


def facts(ctx: Ctx, rec: BaseModel) -> list[tuple[str, Markup]]:
    """(label, value) rows for the simple fields of a record, in schema order."""
    rows: list[tuple[str, Markup]] = []
    for name, info in type(rec).model_fields.items():
        if name in _SKIP or (name == "meetings" and isinstance(getattr(rec, name), list)):
            continue
        value = getattr(rec, name)
        if value in (None, [], ""):
            continue
        kinds = _ref_kinds(info.annotation, info.metadata)
        if kinds:
            shown = ctx.refs(value if isinstance(value, list) else [value])
        elif isinstance(value, Period):
            shown = ctx.period(value)
        elif isinstance(value, bool):
            shown = Markup("Yes" if value else "No")
        elif isinstance(value, list):
            shown = Markup("; ").join(escape_text(v) for v in value)
        else:
            shown = Markup(escape_text(value))
        rows.append((_LABELS.get(name, name.replace("_", " ").capitalize()), shown))
    return rows


class Renderer:
    """Builds every page of the site."""

    def __init__(
        self, index: Index, as_of: date, files: dict[str, int], site_url: str = "", diffs: list[Any] | None = None
    ) -> None:
        self.index = index
        self.diffs = diffs or []
        self.as_of = as_of
        self.files = files
        self.site_url = site_url
        self.version: str | None = None
        self.reviews: dict[str, list[Any]] | None = None  # reviews by subject, computed once
        self.env = _env()
        self.pages: dict[str, str] = {}
        self.memo = Memo()

    def put(self, path: str, template: str, **values: Any) -> None:
        ctx = Ctx(self.index, self.as_of, path, self.memo)
        self.pages[path] = self.env.get_template(template).render(
            ctx=ctx,
            as_of=self.as_of,
            kinds=KINDS,
            LABELS=LABELS,
            facts=facts,
            record_status=record_status,
            version=self.version_text(),
            **values,
        )

    def version_text(self) -> str:
        from .export.common import version_of

        if self.version is None:
            self.version = version_of(self.index)
        return self.version

    def run(self) -> dict[str, str]:
        from . import pages

        pages.build_all(self)
        return dict(sorted(self.pages.items()))


def render_site(
    index: Index, as_of: date, files: dict[str, int], site_url: str = "", diffs: list[Any] | None = None
) -> dict[str, str]:
    """Every Markdown page of the site, by path; `files` gives the export files and their sizes,
    `diffs` what changed since each earlier release."""
    return Renderer(index, as_of, files, site_url, diffs or []).run()


__all__ = ["Ctx", "Renderer", "facts", "list_path", "page_path", "record_status", "rel", "render_site"]
