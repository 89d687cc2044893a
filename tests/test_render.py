"""Rendered pages: golden files, ids on their pages, SVG figures with text equivalents."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import FIXTURES, ROOT
from govreg.build import check, generate

MINI = FIXTURES / "mini" / "data"
GOLDEN = ROOT / "tests" / "golden"
GOLDEN_PAGES = [
    "index.md",
    "bodies/bolton-jcc.md",
    "budgets/bolton-pool-2019.md",
    "milestones/bolton-ms-pool.md",
    "principles/bolton-scf-vision.md",
    "milestones/index.md",
    "sources/src-bolton-2019-04-scf.md",
    "as-at/2020-06-30.md",
    "changes/index.md",
    # exports too: a change to what people download shows up in review like a page change
    "data/register.json",
    "data/status.json",
    "data/milestones.csv",
    "updates.xml",
]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    result = generate(MINI, date(2021, 3, 24))
    assert result.problems == []
    return {
        o.path: o.content if isinstance(o.content, str) else o.content.decode("utf-8")
        for o in result.outputs
        if o.path in GOLDEN_PAGES
    }


@pytest.mark.parametrize("path", GOLDEN_PAGES)
def test_golden_pages(pages: dict[str, str], path: str, request: pytest.FixtureRequest) -> None:
    golden = GOLDEN / path
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(pages[path].encode("utf-8"))
    assert golden.is_file(), f"no golden file for {path}: run pytest --update-golden and review the diff"
    assert pages[path] == golden.read_bytes().decode("utf-8"), f"{path} changed: review, then --update-golden"


def test_every_real_record_on_its_page_and_list(real_site: Path) -> None:
    index, problems = check(ROOT / "data")
    assert problems == []
    lists: dict[str, str] = {}
    for rid, item in index.records.items():
        page = real_site / item.kind.file / rid / "index.html"
        assert page.is_file(), rid
        assert f"<code>{rid}</code>" in page.read_text(encoding="utf-8"), rid
        if item.kind.file not in lists:
            lists[item.kind.file] = (real_site / item.kind.file / "index.html").read_text(encoding="utf-8")
        assert f'href="{rid}/"' in lists[item.kind.file], f"{rid} missing from the {item.kind.file} list"


SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def _figures(html: str) -> list[ElementTree.Element]:
    return [ElementTree.fromstring(m.group()) for m in SVG.finditer(html) if 'role="img"' in m.group()]


def test_svg_figures_are_labelled_with_text_equivalents(real_site: Path) -> None:
    checked = 0
    for page in list((real_site / "bodies").glob("*/index.html")) + list((real_site / "budgets").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        for svg in _figures(html):
            ns = "{http://www.w3.org/2000/svg}"
            title, desc = svg.find(f"{ns}title"), svg.find(f"{ns}desc")
            assert title is not None and title.text and desc is not None and desc.text, page
            ids = svg.get("aria-labelledby", "").split()
            assert ids == [title.get("id"), desc.get("id")], page
            checked += 1
            if "/bodies/" in str(page):
                assert "Reports to" in html or "Reporting to it" in html, page
            else:
                assert "Budget lines" in html and '<table class="gr-table">' in html, page
    index, _ = check(ROOT / "data")
    bodies = index.of_kind("body")
    with_lines = [
        b for b in bodies if getattr(b, "reports_to", None) or any(b.id in getattr(o, "reports_to", []) for o in bodies)
    ]
    charts = [b for b in index.of_kind("budget") if getattr(b, "lines", None)]
    assert checked == len(with_lines) + len(charts) > 0
