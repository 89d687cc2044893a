"""Links between pages: titles and paths of every id, as Markdown, relative to the page.

Why a table: a large register prints the same links thousands of times (registers,
Changes, facet pages); a link depends only on its target and the folder of the page
it is on, so each is made once per build. One `Links` per build: nothing outlives it.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..dates import Period, day_text
from ..index import Index
from ..markup import MD, anchor, escape_text, link, rel
from ..models import BY_NAME, Kind
from ..models.common import Citation
from ..status import StatusAt
from ..urls import list_path, path_of, source_anchor_path, url_of_path


def locator_words(at: str) -> str:
    """'4.8' -> 'paragraph 4.8'; named locators ('table 1', 'cover') as they are."""
    return f"paragraph {at}" if at[:1].isdigit() else at


@dataclass
class Links:
    """Every link a page can print, made once per (target, folder)."""

    index: Index
    memo: dict[tuple[str, ...], MD] = field(default_factory=dict)

    def title(self, rid: str) -> str:
        return self.index.title(rid)

    def path(self, rid: str) -> str:
        return path_of(self.index, rid)

    def ref(self, rid: str, page: str) -> MD:
        """A link to any record or item, by its title."""
        key = ("ref", rid, posixpath.dirname(page))
        made = self.memo.get(key)
        if made is None:
            made = self.memo[key] = link(self.title(rid), self.path(rid), page)
        return made

    def refs(self, rids: list[str] | tuple[str, ...], page: str) -> MD:
        return MD(", ").join(self.ref(r, page) for r in rids)

    def link_to(self, text: str, target: str, page: str) -> MD:
        """A link with the given text to a generated page (`target` is its Markdown path)."""
        key = ("link", "md" if isinstance(text, MD) else "text", str(text), target, posixpath.dirname(page))
        made = self.memo.get(key)
        if made is None:
            made = self.memo[key] = link(text, target, page)
        return made

    def cite(self, c: Citation, page: str) -> MD:
        """'<paper title>, paragraph 4.8 (note)', linked to the outline entry."""
        key = ("cite", c.source, c.at, c.note or "", posixpath.dirname(page))
        made = self.memo.get(key)
        if made is None:
            target = source_anchor_path(c.source, anchor(c.at))
            made = link(self.title(c.source), target, page) + MD(", ") + locator_words(c.at)
            if c.note:
                made += MD(" (") + c.note + MD(")")
            self.memo[key] = made
        return made

    def cites(self, cs: list[Citation] | tuple[Citation, ...], page: str) -> MD:
        return MD("; ").join(self.cite(c, page) for c in cs)

    def kind(self, kind: Kind, page: str) -> MD:
        return link(kind.label, list_path(kind), page)

    def permalink(self, rid: str, page: str) -> MD:
        """The record's permanent URL, shown and linked."""
        path = self.path(rid)
        return MD("[`{}`]({})").format(MD(url_of_path(path)), MD(rel(path, page)))


def period(p: Period | None) -> MD:
    """A date as the paper gave it, with its derived range beside it."""
    if p is None:
        return MD("not stated")
    shown = escape_text(p.text + (f" ({p.context})" if p.context else ""))
    if p.start == p.end and p.precision == "day":
        return shown
    return shown + MD(' <span class="gr-range">(') + p.describe() + MD(")</span>")


def badge(st: StatusAt) -> MD:
    """A status as a coloured badge with its words."""
    return MD('<span class="gr-badge {}">{}</span>').format(MD(st.css), st.label)


def yesno(value: bool | None) -> MD:
    return MD("not stated" if value is None else ("Yes" if value else "No"))


def url_to(target: str, page: str) -> str:
    """A site file's URL relative to a page's URL, for raw HTML (directory URLs add a level)."""
    page_dir = page.removesuffix(".md")
    page_dir = page_dir.removesuffix("index") if page_dir.endswith("index") else page_dir + "/"
    return posixpath.relpath(target, page_dir or ".")


__all__ = ["BY_NAME", "Links", "badge", "day_text", "locator_words", "period", "url_to", "yesno"]
