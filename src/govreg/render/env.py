"""The Jinja environment: every printed value is escaped, and the filters templates share.

Why filters: templates only print. A filter turns a prepared value into Markdown
(a link, a citation, a date, a badge) the same way on every page; the page it is
printed on comes from the template context (`page`), so relative links are right.
Filters read the register only through `Links`: `render.reuse` keys stored pages by
the link table, so anything else a filter read would be missing from the key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from ..dates import day_text
from ..markup import MD, escape_text, html_text, rel
from ..status import FILTER_LABELS, LABELS
from ..urls import url
from .links import Links, badge, period, url_to, yesno

_SAFE_ID = re.compile(r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$")


def html_id(value: str) -> MD:
    """An id for an HTML anchor; ids are pattern-checked, so this never carries markup."""
    if not _SAFE_ID.match(value):
        raise ValueError(f"unsafe anchor id {value!r}")
    return MD(value)


def code(value: Any) -> MD:
    """An id or word as inline code (ids only; anything else is escaped text)."""
    return MD(f"`{value}`") if _SAFE_ID.match(str(value)) else escape_text(value)


def _finalizer() -> Callable[[Any], str]:
    """Jinja's finalize hook: escape_text, remembering plain strings already escaped.

    Why: registers and the Changes pages print the same texts many times; the cache
    lives in one Environment, made per build, so it never outlives a build.
    """
    done: dict[str, MD] = {}

    def finalize(value: Any) -> str:
        if type(value) is not str:
            return escape_text(value)
        made = done.get(value)
        if made is None:
            made = done[value] = escape_text(value)
        return made

    return finalize


def make_env(links: Links) -> Environment:
    env = Environment(
        loader=PackageLoader("govreg", "templates"),
        autoescape=False,
        finalize=_finalizer(),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )

    def on_page(fn: Callable[..., MD]) -> Callable[..., MD]:
        @pass_context
        def bound(ctx: Context, value: Any, *args: Any) -> MD:
            return fn(value, *args, ctx["page"])

        return bound

    env.filters.update(
        {
            "ref": on_page(links.ref),
            "refs": on_page(links.refs),
            "cite": on_page(links.cite),
            "cites": on_page(links.cites),
            "kindref": on_page(links.kind),
            "permalink": on_page(links.permalink),
            "link": on_page(lambda text, target, page: links.link_to(text, target, page)),
            "rel": on_page(lambda target, page: MD(rel(target, page))),
            "href": on_page(lambda target, page: MD(html_text(url_to(target, page)))),
            "period": period,
            "day": lambda d: MD(day_text(d)) if isinstance(d, date) else MD("not stated"),
            "status": badge,
            "label": lambda s: MD(escape_text(LABELS.get(s, str(s).capitalize()))),
            "filter_label": lambda s: MD(escape_text(FILTER_LABELS[s])),
            "yesno": yesno,
            "code": code,
            "id": html_id,
            "html_attr": lambda v: MD(html_text(v)),
            "pre": lambda v: MD(f"<pre><code>{html_text(v, lines=True)}</code></pre>"),
            "example": lambda v: MD(f'<pre class="gr-example" tabindex="0">{html_text(v, lines=True)}</pre>'),
        }
    )
    # Every path a template links to comes from urls.py: `url("trace", rec.id)`.
    env.globals["url"] = url
    return env
