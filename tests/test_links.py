"""Zero broken links: every href/src and every #anchor in the built HTML resolves."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRS = {
    ("a", "href"),
    ("link", "href"),
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("form", "action"),
    ("use", "href"),
}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag == "a"):
                self.ids.add(value)
            if (tag, name) in LINK_ATTRS:
                self.links.append(value)
            if tag == "meta" and name == "content" and "url=" in value:
                self.links.append(value.split("url=", 1)[1])


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target(site: Path, page_path: Path, href: str) -> tuple[Path, str] | None:
    """The file and fragment a site-internal link points at, or None for external links."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None
    base = "/" + page_path.relative_to(site).parent.as_posix()
    path = unquote(parts.path)
    if not path:
        resolved = "/" + page_path.relative_to(site).as_posix()
    elif path.startswith("/"):
        resolved = path
    else:
        resolved = posixpath.normpath(posixpath.join(base, path)) + ("/" if path.endswith("/") else "")
    file = site / resolved.lstrip("/")
    if resolved.endswith("/") or file.is_dir():
        file = file / "index.html"
    return file, parts.fragment


def check_site(site: Path) -> tuple[int, list[str]]:
    pages = {p: _parse(p) for p in sorted(site.rglob("*.html"))}
    checked, broken = 0, []
    for path, page in pages.items():
        for href in page.links:
            if href.startswith(("mailto:", "tel:")):
                continue
            target = _target(site, path, href)
            if target is None:
                broken.append(f"{path.relative_to(site)}: external link {href}")
                continue
            checked += 1
            file, fragment = target
            if not file.is_file():
                broken.append(f"{path.relative_to(site)}: {href} -> missing {file.relative_to(site)}")
            elif fragment and file.suffix == ".html" and fragment not in pages[file].ids:
                broken.append(f"{path.relative_to(site)}: {href} -> no #{fragment}")
    return checked, broken


def test_no_broken_links_or_anchors(real_site: Path) -> None:
    checked, broken = check_site(real_site)
    print(f"links checked: {checked}")
    assert checked > 5000
    assert broken == [], "\n".join(broken[:50])


def test_checker_finds_breakage(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#nope">x</a><a href="b/">y</a>'
        '<a href="https://cdn.example/x.js">z</a><p id="top"></p><a href="#top">t</a>'
    )
    (tmp_path / "a" / "index.html").write_text('<h1 id="here">A</h1><a href="../#top">up</a>')
    checked, broken = check_site(tmp_path)
    assert checked == 5
    assert len(broken) == 3 and any("no #nope" in b for b in broken) and any("missing b" in b for b in broken)
