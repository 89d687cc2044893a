"""Every built page, light and dark, has zero axe-core violations in Chromium.

Pages are split into shards so pytest-xdist can check them in parallel.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import html_pages

pytestmark = pytest.mark.browser

SHARDS = 4
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def axe_violations(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = Axe().run(page, options=options)
    return list(result.response["violations"])


SCHEMES = {"light": "default", "dark": "slate"}
"""Material's two palettes (mkdocs.yml), by the value of `data-md-color-scheme` on <body>."""


def axe_in_both_schemes(page: Any, url: str) -> list[str]:
    """Violations on one loaded page in the light palette, then in the dark one.

    Why in one load: the palette is CSS keyed on <body data-md-color-scheme> (Material's and
    register.css's), so switching the attribute shows the dark page exactly as Material's toggle
    does, without loading the page and axe a second time (a third of the suite's time).
    """
    problems: list[str] = []
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
        problems += summarise(f"{url} ({name})", axe_violations(page))
    return problems


def summarise(url: str, violations: list[dict[str, Any]]) -> list[str]:
    out = []
    for v in violations:
        targets = [str(n["target"]) for n in v["nodes"][:3]]
        out.append(f"{url}: {v['id']} ({v['impact']}): {v['help']} at {', '.join(targets)}")
    return out


@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_axe_violations(real_site: Path, real_url: str, browser: Any, shard: int) -> None:
    """Every page, in the light and the dark palette."""
    pages = html_pages(real_site)
    assert len(pages) > 20
    mine = pages[shard::SHARDS]
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    for url in mine:
        page.goto(real_url + url)
        problems += axe_in_both_schemes(page, url)
    context.close()
    assert problems == [], "\n".join(problems)
