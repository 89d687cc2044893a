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

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return list(result.response["violations"])


def summarise(url: str, violations: list[dict[str, Any]]) -> list[str]:
    out = []
    for v in violations:
        targets = [str(n["target"]) for n in v["nodes"][:3]]
        out.append(f"{url}: {v['id']} ({v['impact']}): {v['help']} at {', '.join(targets)}")
    return out


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("shard", range(SHARDS))
def test_no_axe_violations(real_site: Path, real_url: str, browser: Any, scheme: str, shard: int) -> None:
    pages = html_pages(real_site)
    assert len(pages) > 20
    mine = pages[shard::SHARDS]
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    problems: list[str] = []
    for url in mine:
        page.goto(real_url + url)
        if scheme == "dark":
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        problems += summarise(url, axe_violations(page))
    context.close()
    assert problems == [], "\n".join(problems)
