"""pages.json (every page and record) and permanent redirects (/r/<id>/, renamed ids)."""

from __future__ import annotations

from ..index import Index
from ..markup import escape_attr
from ..models import KINDS
from .common import json_text, url_of


def pages_json(index: Index, extra_pages: list[tuple[str, str]]) -> str:
    """Every record page and every other page, for people who build on the register."""
    records = [
        {
            "id": rid,
            "kind": item.kind.name,
            "title": item.record.title_text(),
            "url": url_of(index, rid),
            "places": list(getattr(item.record, "places", []) or []),
            "permalink": f"/r/{rid}/",
        }
        for rid, item in sorted(index.records.items())
    ]
    nested = [
        {"id": nid, "kind": "item", "parent": owner, "url": url_of(index, nid), "permalink": f"/r/{nid}/"}
        for nid, (owner, _) in sorted(index.nested.items())
    ]
    lists = [{"url": f"/{k.file}/", "title": k.label} for k in KINDS]
    others = [{"url": url, "title": title} for url, title in extra_pages]
    return json_text({"records": records, "items": nested, "pages": lists + others})


def redirect_html(target: str, depth: int, label: str) -> str:
    """A static redirect page: meta refresh, canonical link and a visible link; no script."""
    href = "../" * depth + target.lstrip("/")
    safe = escape_attr(href)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved: {escape_attr(label)}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={safe}">\n'
        f'<link rel="canonical" href="{safe}">\n<meta name="robots" content="noindex">\n</head>\n'
        f'<body>\n<main>\n<h1>This record has a permanent page</h1>\n<p><a href="{safe}">Go to '
        f"{escape_attr(label)}</a>.</p>\n</main>\n</body>\n</html>\n"
    )


def redirects(index: Index) -> dict[str, str]:
    """/r/<id>/ for every id, and /<kind>/<former id>/ plus /r/<former id>/ for renamed records."""
    out: dict[str, str] = {}
    for rid, item in index.records.items():
        out[f"r/{rid}/index.html"] = redirect_html(url_of(index, rid), 2, item.record.title_text())
        for old in item.record.former_ids:
            out[f"{item.kind.file}/{old}/index.html"] = redirect_html(url_of(index, rid), 2, item.record.title_text())
            out[f"r/{old}/index.html"] = redirect_html(url_of(index, rid), 2, item.record.title_text())
    for nid in index.nested:
        out[f"r/{nid}/index.html"] = redirect_html(url_of(index, nid), 2, nid)
    return dict(sorted(out.items()))
