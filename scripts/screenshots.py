"""Screenshots for the "For Healthwatch" page: a filled review pack and the page it produces.

Run from the repository root after `make .venv/.test-deps` (needs Debian's chromium,
libreoffice-calc-nogui and poppler-utils):

    .venv/bin/python scripts/screenshots.py

It builds a small demo register in a temporary folder (the test fixture plus a
Healthwatch), makes Bolton's pack, fills three rows with openpyxl, renders the sheet
with LibreOffice (PDF, then pdftoppm to PNG), imports the pack with the real command,
builds the site and photographs the milestone page in headless Chromium. It writes
docs/assets/review-pack-filled.png and docs/assets/review-verdict-page.png.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.chromium import launch  # noqa: E402  (the repository root is on the path only now)

ASSETS = ROOT / "docs" / "assets"
ORGANISATIONS = """\
- id: healthwatch-bolton
  name: Healthwatch Bolton
  type: healthwatch
  places: [bolton]
  cites: [{source: src-healthwatch-bolton-2020, at: "1"}]
"""
SOURCES = """\
- id: src-healthwatch-bolton-2020
  title: Healthwatch Bolton review of the pooled budget
  date: 15 June 2020
  places: [bolton]
  outline:
    - {ref: "1", title: Findings}
    - {ref: "3.2", title: The pooled budget}
"""
COMMITMENTS = """\
- id: bolton-cm-engage
  text: We will report to residents on the pooled budget by December 2020.
  title: Report to residents on the pool
  made_by: [bolton-jcc]
  made_to: residents of Bolton
  made_on: 8th April 2019
  due: December 2020
  places: [bolton]
  cites: [{source: src-bolton-2019-04-scf, at: "3.1"}]
"""
VERDICTS = {
    "bolton-ms-pool": (
        "missed",
        "2020-06-15",
        "The pool was not in place by April 2019.",
        "src-healthwatch-bolton-2020 at 3.2",
    ),
    "bolton-ms-colocation": (
        "done",
        "2020-06-15",
        "Teams share one building since May 2019.",
        "src-healthwatch-bolton-2020 at 1",
    ),
    "bolton-cm-engage": (
        "in-progress",
        "2020-06-15",
        "A first report went to residents in May.",
        "https://example.org/hw-bolton/2020",
    ),
}


def run(*cmd: str, cwd: Path = ROOT) -> None:
    subprocess.run(cmd, cwd=cwd, check=True)


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from govreg.build import check
    from govreg.export.review_pack import review_packs
    from govreg.reviewpack.columns import COLUMNS, HEADER_ROW

    work = Path(tempfile.mkdtemp(prefix="govreg-shots-"))
    data = work / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini" / "data", data)
    (data / "reviews").mkdir()
    (data / "reviews" / "organisations.yml").write_text(ORGANISATIONS, encoding="utf-8")
    (data / "reviews" / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (data / "bolton" / "commitments.yml").write_text(COMMITMENTS, encoding="utf-8")
    index, problems = check(data)
    assert not problems, problems
    pack = work / "bolton.xlsx"
    content = review_packs(index, date(2021, 3, 24))["review-pack/bolton.xlsx"]
    assert isinstance(content, bytes)
    pack.write_bytes(content)

    wb = openpyxl.load_workbook(pack)
    ws = wb["Review pack"]
    letter = {c.name: openpyxl.utils.get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        values = VERDICTS.get(str(ws[f"A{r}"].value))
        if values:
            for name, value in zip(
                ("reviewer_verdict", "reviewer_date", "reviewer_summary", "reviewer_evidence"), values, strict=True
            ):
                ws[f"{letter[name]}{r}"] = value
    filled = work / "filled" / "bolton.xlsx"
    filled.parent.mkdir()
    wb.save(filled)
    # for the picture only: hide some of the register's columns so the page is readable
    for name in ("kind", "own_evidence", "own_summary", "independent_date", "independent_by", "since_last_review"):
        ws.column_dimensions[letter[name]].hidden = True
    shown = work / "bolton.xlsx"
    wb.save(shown)

    # the filled sheet, as LibreOffice prints it (one page wide)
    profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
    run("soffice", "--headless", "--norestore", profile, "--convert-to", "pdf", "--outdir", str(work), str(shown))
    run(
        "pdftoppm",
        "-png",
        "-r",
        "220",
        "-f",
        "1",
        "-l",
        "1",
        "-x",
        "150",
        "-y",
        "205",
        "-W",
        "2260",
        "-H",
        "180",
        "-singlefile",
        str(work / "bolton.pdf"),
        str(work / "sheet"),
    )
    ASSETS.mkdir(parents=True, exist_ok=True)
    shutil.copy(work / "sheet.png", ASSETS / "review-pack-filled.png")

    # import with the real command, then build and photograph the page
    py = sys.executable
    run(py, "-m", "govreg", "reviews", "import", str(filled), "--reviewer", "healthwatch-bolton", "--data", str(data))
    run(py, "-m", "govreg", "build", "--data", str(data), "--site-dir", str(work / "site"))
    from playwright.sync_api import sync_playwright

    page_file = work / "site" / "milestones" / "bolton-ms-pool" / "index.html"
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        page.goto(page_file.as_uri())
        top = page.evaluate(
            "() => { const h = [...document.querySelectorAll('h2')].find(e => e.textContent.includes('Two voices'));"
            " return h.getBoundingClientRect().top + window.scrollY; }"
        )
        page.screenshot(
            path=str(ASSETS / "review-verdict-page.png"),
            full_page=True,
            clip={"x": 0, "y": top - 16, "width": 1100, "height": 400},
        )
        browser.close()
    shutil.rmtree(work)
    print(f"Wrote {ASSETS / 'review-pack-filled.png'} and {ASSETS / 'review-verdict-page.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
