"""The pages the colour checks run on show, between them, every styling of text on the site."""

from __future__ import annotations

from pathlib import Path

from styles import covering_pages, stylings

PAGE = "<html><body><main class='md-main'>{}</main><script>var x = '<p>no</p>';</script></body></html>"


def test_a_styling_is_the_chain_of_tags_classes_and_attributes_above_some_text() -> None:
    found = stylings(PAGE.format("<p class='b a'>Hi <a href='/x/' title='t'>there</a></p><p></p>"))
    assert found == {
        "body > main.md-main > p.a.b",
        "body > main.md-main > p.a.b > a[title]",
    }
    assert stylings(PAGE.format("<p class='a b'>Other words</p>")) < found, "the words do not count"
    assert not stylings(PAGE.format("<svg><text>drawn</text></svg>")), "no text a colour rule reads"
    dark = stylings("<html><body data-md-color-scheme='slate'><p>x</p></body></html>")
    assert dark == {"body[data-md-color-scheme=slate] > p"}


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for url, body in pages.items():
        path = tmp_path / url.lstrip("/") / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE.format(body), encoding="utf-8")
    return tmp_path


def test_the_cover_has_every_styling_of_any_page_and_leaves_out_pages_that_add_none(tmp_path: Path) -> None:
    site = _site(
        tmp_path,
        {
            "/": "<h1>Home</h1>",
            "/a/": "<p class='x'>one</p><p class='y'>two</p>",
            "/b/": "<p class='x'>three</p>",
            "/c/": "<p class='y'>four</p><span class='z'>five</span>",
            "/d/": "<h1>Other</h1><p class='x'>six</p>",
        },
    )
    urls = ["/", "/a/", "/b/", "/c/", "/d/"]
    cover = covering_pages(site, urls)
    assert cover == ["/", "/a/", "/c/"], "the most new stylings first, ties in URL order; /b/ and /d/ add none"
    shown = set().union(*(stylings((site / u.lstrip("/") / "index.html").read_text()) for u in cover))
    every = set().union(*(stylings((site / u.lstrip("/") / "index.html").read_text()) for u in urls))
    assert shown == every
