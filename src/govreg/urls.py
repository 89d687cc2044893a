"""Every URL rule of the site: record pages, permalinks, lists, exports.

Why one module: pages link to records, exports print their URLs, redirects point
at them and the tests check them; if a rule lived in two places, a permalink could
break without anyone noticing.
"""

from __future__ import annotations

from collections.abc import Callable

from .index import Index
from .models import BY_NAME, Kind

REGISTER_JSON = "data/register.json"
STATUS_JSON = "data/status.json"
SCHEMA_JSON = "data/register.schema.json"
CONTRACT_PATH = "data/published.schema.json"
PAGES_JSON = "data/pages.json"
COMPLIANCE_CSV = "data/compliance.csv"
DATAPACKAGE_JSON = "data/datapackage.json"
ATOM_FEED = "updates.xml"

# The fixed pages and files templates link to, by name: `url("downloads")`.
PAGES: dict[str, str] = {
    "home": "index.md",
    "about": "about.md",
    "downloads": "downloads.md",
    "for-healthwatch": "for-healthwatch.md",
    "data-model": "data-model.md",
    "changes": "changes/index.md",
    "traces": "trace/index.md",
    "as-at": "as-at/index.md",
    "review-packs": "review-pack/index.md",
    "feed": ATOM_FEED,
    "filter.js": "assets/filter.js",
    "asat.js": "assets/asat.js",
    "register.json": REGISTER_JSON,
    "status.json": STATUS_JSON,
    "pages.json": PAGES_JSON,
    "register.schema.json": SCHEMA_JSON,
    "published.schema.json": CONTRACT_PATH,
    "compliance.csv": COMPLIANCE_CSV,
    "datapackage.json": DATAPACKAGE_JSON,
}


def page_path(kind: Kind, rid: str) -> str:
    """The Markdown source of a record's permanent page: `<kind file>/<id>.md`."""
    return f"{kind.file}/{rid}.md"


def list_path(kind: Kind) -> str:
    """The Markdown source of a kind's list page."""
    return f"{kind.file}/index.md"


def path_of(index: Index, rid: str) -> str:
    """The Markdown source (and anchor, for nested items) of any id in the register."""
    if rid in index.records:
        return page_path(index.records[rid].kind, rid)
    owner, _ = index.nested[rid]
    return f"{page_path(index.records[owner].kind, owner)}#{rid}"


def url_of(index: Index, rid: str) -> str:
    """Site-absolute permanent URL of any id (nested ids: their parent's page and an anchor)."""
    return url_of_path(path_of(index, rid))


def url_of_path(path: str) -> str:
    """The URL MkDocs serves a generated Markdown page at (directory URLs), anchor kept."""
    page, _, anchor = path.partition("#")
    page = page.removesuffix(".md")
    folder = page == "index" or page.endswith("/index")
    url = "/" + page.removesuffix("index") if folder else f"/{page}/"
    return url + (f"#{anchor}" if anchor else "")


def permalink(rid: str) -> str:
    """The short permanent link of any id; it redirects to the record's page."""
    return f"/r/{rid}/"


def redirect_path(rid: str) -> str:
    """The file that serves `permalink(rid)`."""
    return f"r/{rid}/index.html"


def former_path(kind: Kind, old: str) -> str:
    """The file that keeps a renamed record's old page URL alive."""
    return f"{kind.file}/{old}/index.html"


def source_anchor_path(source_id: str, anchor: str) -> str:
    """A section of a source's outline."""
    return f"{page_path(BY_NAME['source'], source_id)}#{anchor}"


def register_path(kind: Kind, facet: str | None = None, value: str | None = None) -> str:
    """A milestones or commitments register page, whole or filtered by one facet value."""
    if facet is None:
        return list_path(kind)
    return f"{kind.file}/{facet}/{value}.md"


def place_feed(place_id: str) -> str:
    return f"places/{place_id}/updates.xml"


def place_calendar(place_id: str) -> str:
    return f"places/{place_id}/milestones.ics"


def review_pack(place_id: str, ext: str = "md", reviewer: str | None = None) -> str:
    """A place's review pack (page, CSV or workbook), or one reviewer's "since your last review" pack."""
    base = f"review-pack/{place_id}" + (f"/{reviewer}" if reviewer else "")
    return f"{base}.{ext}"


def changes_month(slug: str) -> str:
    return f"changes/{slug}.md"


def as_at_page(day_iso: str) -> str:
    return f"as-at/{day_iso}.md"


def trace_page(source_id: str) -> str:
    """What later papers said about one paper's promises."""
    return f"trace/{source_id}.md"


def page(name: str, anchor: str | None = None) -> str:
    """A fixed page or file by its name in `PAGES`, with an optional anchor."""
    try:
        path = PAGES[name]
    except KeyError:
        raise KeyError(f"no page named {name!r} in urls.PAGES") from None
    return f"{path}#{anchor}" if anchor else path


# What templates may ask `url()` for: each name is one rule above.
ROUTES: dict[str, Callable[..., str]] = {
    "list": list_path,
    "trace": trace_page,
    "review_pack": review_pack,
    "changes_month": changes_month,
    "as_at": as_at_page,
    "register": register_path,
}


def url(name: str, *args: object, anchor: str | None = None) -> str:
    """The site path a template links to: `url("downloads")`, `url("trace", source_id)`.

    Why: templates never join strings into paths; every rule stays in this module.
    """
    rule = ROUTES.get(name)
    if rule is None:
        return page(name, anchor)
    path = rule(*args)
    return f"{path}#{anchor}" if anchor else path
