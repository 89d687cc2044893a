"""pages.json (every page and record) and permanent redirects (/r/<id>/, renamed ids)."""

from __future__ import annotations

from ..contract import CONTRACT_JSON, FORMAT_VERSION
from ..dump import json_text
from ..index import Index
from ..markup import html_text
from ..models import KINDS
from ..output import Output, data_file
from ..urls import PAGES_JSON, former_path, list_path, permalink, redirect_path, url_of, url_of_path


def pages_json(index: Index, extra_pages: list[tuple[str, str]]) -> Output:
    """Every record page and every other page, for people who build on the register."""
    records = [
        {
            "id": rid,
            "kind": item.kind.name,
            "title": item.record.title_text(),
            "url": url_of(index, rid),
            "places": list(getattr(item.record, "places", []) or []),
            "permalink": permalink(rid),
        }
        for rid, item in sorted(index.records.items())
    ]
    nested = [
        {"id": nid, "kind": "item", "parent": owner, "url": url_of(index, nid), "permalink": permalink(nid)}
        for nid, (owner, _) in sorted(index.nested.items())
    ]
    lists = [{"url": url_of_path(list_path(k)), "title": k.label} for k in KINDS]
    others = [{"url": url, "title": title} for url, title in extra_pages]
    text = json_text(
        {
            "format_version": FORMAT_VERSION,
            "contract": CONTRACT_JSON,
            "records": records,
            "items": nested,
            "pages": lists + others,
        }
    )
    return data_file(PAGES_JSON, text, "application/json", "Every page and record of the site, with its permanent link")


def redirect_html(target: str, depth: int, label: str) -> str:
    """A static redirect page: meta refresh, canonical link and a visible link; no script."""
    href = "../" * depth + target.lstrip("/")
    safe = html_text(href)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Moved: {html_text(label)}</title>\n"
        f'<meta http-equiv="refresh" content="0; url={safe}">\n'
        f'<link rel="canonical" href="{safe}">\n<meta name="robots" content="noindex">\n</head>\n'
        f'<body>\n<main>\n<h1>This record has a permanent page</h1>\n<p><a href="{safe}">Go to '
        f"{html_text(label)}</a>.</p>\n</main>\n</body>\n</html>\n"
    )


def redirects(index: Index) -> list[Output]:
    """/r/<id>/ for every id, and /<kind>/<former id>/ plus /r/<former id>/ for renamed records."""
    out: dict[str, str] = {}
    for rid, item in index.records.items():
        page = redirect_html(url_of(index, rid), 2, item.record.title_text())
        out[redirect_path(rid)] = page
        for old in item.record.former_ids:
            out[former_path(item.kind, old)] = page
            out[redirect_path(old)] = page
    for nid in index.nested:
        out[redirect_path(nid)] = redirect_html(url_of(index, nid), 2, nid)
    return [Output(path, html, "text/html", "Redirect to a permanent page") for path, html in sorted(out.items())]
