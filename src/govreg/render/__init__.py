"""Render: (index, derived) -> {site path: Markdown}, through Jinja templates.

Why: pages are pure functions of the data and the as-of date. `derive` has
computed every status, count and link back; views prepare what each page
prints; templates only print, escaping every value for Markdown.
"""

from __future__ import annotations

from collections.abc import Callable

from ..derive import Derived
from ..index import Index
from ..output import Output
from ..session import Session
from ..versions import Diff
from .context import Site
from .env import make_env
from .links import Links
from .pages import Page, context
from .place_maps import place_maps
from .reuse import page_reuse
from .site import build_all


def render_site(
    index: Index,
    derived: Derived,
    exports: Callable[[], list[Output]],
    site_url: str = "",
    diffs: list[Diff] | None = None,
    session: Session | None = None,
) -> list[Output]:
    """Every Markdown page of the site; `exports()` gives the exports (the Downloads page, printed
    last, lists them; they may still be in the making in another process until then),
    `diffs` what changed since each earlier release. With a `session`, a page whose inputs are
    unchanged since the last generation is not printed again (see `reuse`)."""
    links = Links(index)
    env = make_env(links)
    site = Site(index, derived, links, site_url, place_maps(index, derived, links))
    common = {"as_of": derived.as_of, "version": derived.version}
    pages: dict[str, str] = {}

    reuse = page_reuse(session, index, derived.as_of.isoformat(), derived.version, site_url) if session else None

    def put(path: str, view: Page) -> None:
        def render() -> str:
            return env.get_template(view.TEMPLATE).render(page=path, **common, **context(view))

        pages[path] = reuse.text(path, view, render) if reuse is not None else render()

    build_all(site, put, exports, diffs or [])
    return [Output(path, text) for path, text in sorted(pages.items())]
