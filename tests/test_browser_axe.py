"""Every built page has zero axe-core violations in Chromium, in the light and the dark palette.

Every rule runs on every page; the colour rules (COLOUR_RULES) run, in both palettes, on the pages
that between them show every styling of text on the site (tests/styles.py): what they judge is set
by CSS, not by the words. Pages are split into shards so pytest-xdist can check them in parallel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import html_pages
from styles import covering_pages

pytestmark = pytest.mark.browser

SHARDS = 4
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


COLOUR_RULES = ("color-contrast", "link-in-text-block")
"""The rules of AXE_TAGS that judge colours: text against its background, links against the text around them."""


def axe_violations(page: Any, colour: bool | None = None, injected: bool = False) -> list[dict[str, Any]]:
    """Violations of the rules in AXE_TAGS: all of them (None), the colour rules only (True), or all but
    those (False). `injected`: axe-core is already in the page (`with_axe`), so it is not sent again."""
    options: dict[str, Any] = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    if colour is True:
        options["runOnly"] = {"type": "rule", "values": list(COLOUR_RULES)}
    elif colour is False:
        options["rules"] = {rule: {"enabled": False} for rule in COLOUR_RULES}
    if injected:
        return list(page.evaluate("async options => (await axe.run(document, options)).violations", options))
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options=options)
    return list(result.response["violations"])


def with_axe(context: Any) -> None:
    """Load axe-core into every page of a browser context as it loads, not sent with each check."""
    from axe_playwright_python.sync_playwright import Axe

    context.add_init_script(script=Axe().axe_script)


SCHEMES = {"light": "default", "dark": "slate"}
"""Material's two palettes (mkdocs.yml), by the value of `data-md-color-scheme` on <body>."""


def axe_in_both_schemes(page: Any, url: str, colour: bool | None = None) -> list[str]:
    """Violations on one loaded page in the light palette, then in the dark one: every rule (None: the
    colour rules in both palettes, the others, which no palette changes, once) or the colour rules (True).

    Why in one load: the palette is CSS keyed on <body data-md-color-scheme> (Material's and
    register.css's), so switching the attribute shows the dark page exactly as Material's toggle
    does, without loading the page and axe a second time (a third of the suite's time).
    """
    problems: list[str] = []
    if colour is None:
        problems += summarise(url, axe_violations(page, colour=False))
    for name, scheme in SCHEMES.items():
        # Material fades colours (CSS transitions): finish them, so axe reads the final colours.
        page.evaluate(
            "s => { document.body.setAttribute('data-md-color-scheme', s); void document.body.offsetHeight;"
            " document.getAnimations().forEach(a => a.finish()); }",
            scheme,
        )
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        rgb = [int(x) for x in background.removeprefix("rgb(").removesuffix(")").split(",")]
        assert (min(rgb) > 200) if name == "light" else (max(rgb) < 80), (url, name, background)  # the palette applied
        problems += summarise(f"{url} ({name})", axe_violations(page, colour=True))
    return problems


def summarise(url: str, violations: list[dict[str, Any]]) -> list[str]:
    out = []
    for v in violations:
        targets = [str(n["target"]) for n in v["nodes"][:3]]
        out.append(f"{url}: {v['id']} ({v['impact']}): {v['help']} at {', '.join(targets)}")
    return out


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_axe_violations(real_site: Path, real_url: str, browser: Any, shard: int) -> None:
    """Every page, every rule but the colour ones (they run below, in both palettes).

    The search index is not fetched: Material's search worker reading it on every page load took
    about 40% of this check's time, and no rule here reads it (the search dialog's markup is in the
    page either way; the colour check, other browser gates and search tests load it).
    """
    pages = html_pages(real_site)
    assert len(pages) > 20
    mine = pages[shard::SHARDS]
    context = browser.new_context()
    with_axe(context)
    page = context.new_page()
    page.route("**/search/search_index.json", lambda route: route.abort())
    problems: list[str] = []
    for url in mine:
        page.goto(real_url + url)
        problems += summarise(url, axe_violations(page, colour=False, injected=True))
    context.close()
    assert problems == [], "\n".join(problems)


COLOUR_SHARDS = 2


@pytest.mark.parametrize("shard", range(COLOUR_SHARDS))
def test_no_colour_violations_in_either_palette(real_site: Path, real_url: str, browser: Any, shard: int) -> None:
    """The colour rules, light and dark, on pages that between them show every styling of text."""
    pages = html_pages(real_site)
    cover = covering_pages(real_site, pages)
    assert 10 < len(cover) < len(pages)
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    for url in cover[shard::COLOUR_SHARDS]:
        page.goto(real_url + url)
        problems += axe_in_both_schemes(page, url, colour=True)
    context.close()
    assert problems == [], "\n".join(problems)


def test_each_way_of_running_axe_finds_a_planted_violation(real_url: str, browser: Any) -> None:
    """The checks above can fail: an image without a text alternative, and pale grey text on white."""
    context = browser.new_context()
    with_axe(context)
    page = context.new_page()
    page.route("**/search/search_index.json", lambda route: route.abort())
    page.goto(real_url + "/about/")
    page.evaluate(
        "() => { const a = document.createElement('img'); a.src = '/x.png';"
        " document.querySelector('article').append(a);"
        " const p = document.createElement('p'); p.textContent = 'Hard to read'; p.style.color = '#eeeeee';"
        " p.style.background = '#ffffff'; document.querySelector('article').append(p); }"
    )
    found = {v["id"] for v in axe_violations(page, colour=False, injected=True)}
    assert "image-alt" in found and "color-contrast" not in found
    colours = "\n".join(axe_in_both_schemes(page, "/about/", colour=True))
    assert "color-contrast" in colours and "image-alt" not in colours
    assert "image-alt" in "\n".join(axe_in_both_schemes(page, "/about/"))
    context.close()
