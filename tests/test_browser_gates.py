"""Browser gates: no third-party requests, keyboard use with visible focus, search."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import html_pages
from govreg.derive import derive
from govreg.index import Index

pytestmark = pytest.mark.browser


def sample_pages(site: Path) -> list[str]:
    """Home, every list page, and the first page of each kind (one page of each kind)."""
    pages = html_pages(site)
    chosen = ["/"]
    seen: set[str] = set()
    for url in pages:
        section = url.strip("/").split("/")[0]
        depth = url.strip("/").count("/")
        if (section, depth) not in seen:
            seen.add((section, depth))
            chosen.append(url)
    return sorted(set(chosen))


def test_no_request_leaves_the_site(real_site: Path, real_url: str, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    pages = sample_pages(real_site)
    for url in pages:
        page.goto(real_url + url)
        page.wait_for_load_state("networkidle")
    context.close()
    own = urlsplit(real_url).netloc
    foreign = sorted({r for r in requests if urlsplit(r).scheme in ("http", "https") and urlsplit(r).netloc != own})
    print(f"pages: {len(pages)}, requests recorded: {len(requests)}")
    assert len(pages) > 15 and len(requests) > len(pages)
    assert foreign == []


def test_no_third_party_references_in_html(real_site: Path) -> None:
    for path in real_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for bad in ("fonts.googleapis", "fonts.gstatic", "cdn.jsdelivr", "unpkg.com", "googletagmanager"):
            assert bad not in text, f"{path}: {bad}"


def _focus_visible(page: Any) -> dict[str, Any]:
    return dict(
        page.evaluate("""() => {
        const el = document.activeElement;
        if (!el || el === document.body) return {tag: null};
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        return {tag: el.tagName, text: (el.textContent || el.value || '').trim().slice(0, 40),
                visible: outline || s.boxShadow !== 'none', id: el.id};
    }""")
    )


def test_keyboard_reaches_links_with_visible_focus(real_url: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(real_url + "/bodies/bolton-jcc/")
    seen = []
    for _ in range(40):
        page.keyboard.press("Tab")
        state = _focus_visible(page)
        if state["tag"]:
            assert state["visible"], f"focus not visible on {state}"
            seen.append(state["text"])
    assert any("Skip" in t or "skip" in t for t in seen[:3]), seen[:3]
    assert len(set(seen)) > 20
    page.close()


def test_keyboard_filters_the_commitments_register(real_url: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(real_url + "/commitments/")
    rows = page.locator(".gr-filterable tbody tr")
    total = rows.count()
    assert total > 10
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate(
            "document.activeElement && document.activeElement.type === 'search' "
            "&& document.activeElement.id.startsWith('gr-filter')"
        ):
            break
    else:
        pytest.fail("the filter box is not reachable by keyboard")
    assert _focus_visible(page)["visible"]
    page.keyboard.type("healthwatch")
    shown = page.locator(".gr-filterable tbody tr:not([hidden])").count()
    assert 0 < shown < total
    assert "shown" in page.locator("#gr-filter-0-count").inner_text()
    page.close()


def search(page: Any, base: str, query: str) -> list[str]:
    page.goto(base + "/")
    page.keyboard.press("/")  # Material's search shortcut: keyboard-only use
    box = page.locator(".md-search__input")
    box.fill(query)
    # Material searches on keyup and when its index becomes ready; `fill` sends no keyup, so
    # without one the query is lost whenever the index was ready first (seen under load).
    box.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=60_000)
    return [str(h) for h in page.eval_on_selector_all(".md-search-result__link", "els => els.map(e => e.href)")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bolton-jcc", "/bodies/bolton-jcc/"),
        ("Clinical Standards Board", "/bodies/bolton-clinical-standards-board/"),
        ("consensus", "/bodies/bolton-jcc/"),
    ],
)
def test_search_finds_records(real_url: str, browser: Any, query: str, expected: str) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    hits = search(page, real_url, query)
    page.close()
    assert any(urlsplit(h).path == expected for h in hits[:5]), hits[:10]
    assert any(r.endswith("search/search_index.json") and r.startswith(real_url) for r in requests)


PICKER_DAYS = ["2018-06-30", "2019-04-01", "2019-12-31", "2020-07-01", "2021-03-24", "2022-07-01"]


@pytest.mark.parametrize("register", ["milestones", "commitments"])
def test_date_picker_agrees_with_derive(real_url: str, browser: Any, real_index: Index, register: str) -> None:
    """The date picker shows, for every record and several dates, exactly the status `derive` gives."""
    derived = derive(real_index, date(2021, 3, 24))
    page = browser.new_page()
    page.goto(f"{real_url}/{register}/")
    rows = page.locator(".gr-filterable tbody tr")
    assert rows.count() > 5
    for day in PICKER_DAYS:
        page.fill("#gr-asat", day)
        page.dispatch_event("#gr-asat", "change")
        page.wait_for_function(
            "day => document.querySelector('.gr-asat [aria-live]').textContent.includes(day)", arg=day
        )
        shown = page.eval_on_selector_all(
            ".gr-filterable tbody tr",
            "rows => rows.map(r => [r.querySelector('td code').textContent, r.querySelector('.gr-badge').textContent,"
            " r.querySelector('.gr-badge').className])",
        )
        assert len(shown) == rows.count()
        for rid, label, css in shown:
            expected = derived.standing_on(rid, date.fromisoformat(day)).overall
            assert (rid, day, label, css) == (rid, day, expected.label, f"gr-badge {expected.css}")
    page.close()
