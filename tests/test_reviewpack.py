"""Healthwatch's loop: review packs out as spreadsheets, verdicts back in, nothing lost."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import shutil
import subprocess
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from conftest import FIXTURES, ROOT, build_site, run_cli
from govreg.build import check
from govreg.derive import derive
from govreg.export.review_pack import review_packs as _review_packs
from govreg.index import Index
from govreg.packs import pack_rows
from govreg.reviewpack.columns import COLUMNS, HEADER_ROW
from govreg.reviewpack.read import Limits, Refused, read_pack


def review_packs(index: Index, as_of: date) -> dict[str, str | bytes]:
    """The packs as {path: content}, as the site publishes them."""
    return {o.path: o.content for o in _review_packs(index, derive(index, as_of))}


AS_OF = date(2021, 3, 24)  # mkdocs.yml's as-of date, which `build` uses
LETTER = {c.name: openpyxl.utils.get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
REVIEWER = "healthwatch-bolton"

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
- id: bolton-cm-risk
  text: "=HYPERLINK(\\"http://example.invalid\\",\\"click\\") share the risk"
  made_by: [bolton-jcc]
  made_to: partners
  made_on: 8th April 2019
  due: 2021/22
  places: [bolton]
  updates:
    - date: 1 February 2021
      status: in-progress
      summary: The risk share was agreed in principle.
      cites: [{source: src-bolton-2019-04-scf, at: "3.4"}]
  cites: [{source: src-bolton-2019-04-scf, at: "3.4"}]
"""
HOSTILE = "Found <script>alert('x')</script> and [a link](javascript:alert(1)) in the minutes"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The mini register, a Healthwatch with a report, and two commitments (one with a formula-like text)."""
    out = tmp_path / "data"
    shutil.copytree(FIXTURES / "mini" / "data", out)
    (out / "reviews").mkdir()
    (out / "reviews" / "organisations.yml").write_text(ORGANISATIONS, encoding="utf-8")
    (out / "reviews" / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (out / "bolton" / "commitments.yml").write_text(COMMITMENTS, encoding="utf-8")
    return out


def make_pack(data: Path, dest: Path, name: str = "bolton", as_of: date = AS_OF) -> Path:
    index, problems = check(data)
    assert problems == []
    files = review_packs(index, as_of)
    (dest / f"{name}.xlsx").write_bytes(files[f"review-pack/{name}.xlsx"])  # type: ignore[arg-type]
    (dest / f"{name}.csv").write_text(files[f"review-pack/{name}.csv"], encoding="utf-8", newline="")  # type: ignore[arg-type]
    return dest / f"{name}.xlsx"


def rows_by_id(ws: object) -> dict[str, int]:
    out = {}
    for r in range(HEADER_ROW + 1, ws.max_row + 1):  # type: ignore[attr-defined]
        value = ws[f"A{r}"].value  # type: ignore[index]
        if value:
            out[str(value)] = r
    return out


FILLED = {
    "bolton-ms-pool": (
        "missed",
        "2020-06-15",
        "The pool was not in place by April 2019.",
        "src-healthwatch-bolton-2020 at 3.2",
    ),
    "bolton-ms-colocation": ("done", "2020-06-15", HOSTILE, "https://example.org/hw/report?a=1&b=2"),
    "bolton-cm-engage": (
        "in-progress",
        "2020-06-15",
        "-2 months late, we were told.",
        "src-healthwatch-bolton-2020 at 1",
    ),
}


def fill(
    pack: Path,
    out: Path,
    values: dict[str, tuple[object, ...]],
    edit: Callable[[object, dict[str, int]], None] | None = None,
) -> Path:
    """Fill a pack as a reviewer would, with openpyxl."""
    wb = openpyxl.load_workbook(pack)
    ws = wb["Review pack"]
    where = rows_by_id(ws)
    for rid, cells in values.items():
        for name, value in zip(
            ("reviewer_verdict", "reviewer_date", "reviewer_summary", "reviewer_evidence"), cells, strict=True
        ):
            ws[f"{LETTER[name]}{where[rid]}"] = value
    if edit:
        edit(ws, where)
    wb.save(out)
    return out


def import_(pack: Path, data: Path, reviewer: str = REVIEWER) -> subprocess.CompletedProcess[str]:
    return run_cli("reviews", "import", str(pack), "--reviewer", reviewer, "--data", str(data))


def test_round_trip(data: Path, tmp_path: Path) -> None:
    """Make the pack, fill three rows, import, validate, build: the verdicts are on the pages and in register.json."""
    pack = make_pack(data, tmp_path)
    filled = fill(pack, tmp_path / "filled.xlsx", FILLED)
    done = import_(filled, data)
    assert done.returncode == 0, done.stderr
    assert (
        "3 verdicts by healthwatch-bolton: 3 new, 0 updated, 0 unchanged; 1 row without a verdict skipped."
        in done.stdout
    )
    written = data / "reviews" / "healthwatch-bolton.yml"  # the documented place
    assert f"Wrote {written}" in done.stdout
    assert run_cli("validate", "--data", str(data)).returncode == 0
    site = build_site(data, tmp_path / "site")
    pool = (site / "milestones" / "bolton-ms-pool" / "index.html").read_text(encoding="utf-8")
    assert "Healthwatch Bolton" in pool and 'gr-missed">Missed</span>' in pool and "The voices differ" in pool
    coloc = (site / "milestones" / "bolton-ms-colocation" / "index.html").read_text(encoding="utf-8")
    hrefs = [html.unescape(h) for h in re.findall(r'<a href="([^"]*)">', coloc)]
    assert "https://example.org/hw/report?a=1&b=2" in hrefs  # the evidence link, as the browser reads it
    review = (site / "reviews" / "healthwatch-bolton-bolton-ms-colocation" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in review and "<script>alert" not in review  # hostile text stays text
    assert 'href="javascript:' not in review
    register = json.loads((site / "data" / "register.json").read_text(encoding="utf-8"))
    verdicts = {r["id"]: r["verdict"] for r in register["records"]["reviews"]}
    assert verdicts == {
        "healthwatch-bolton-bolton-ms-pool": "missed",
        "healthwatch-bolton-bolton-ms-colocation": "done",
        "healthwatch-bolton-bolton-cm-engage": "in-progress",
    }
    # "since your last review" (2020-06-15): a new update on the risk share and a deadline now passed
    since = (site / "review-pack" / "bolton" / "healthwatch-bolton" / "index.html").read_text(encoding="utf-8")
    assert "15 June 2020" in since and "new update (the body), 1 February 2021" in since
    # due December 2020, after Bolton's newest evidence (the verdicts of 15 June 2020): not reported, not overdue
    assert "fell due: December 2020" in since and "not reported since 15 June 2020" in since
    assert "bolton-ms-pool" not in since  # nothing changed on it since the verdict
    wb = openpyxl.load_workbook(site / "review-pack" / "bolton" / "healthwatch-bolton.xlsx")
    ids = [row[0].value for row in wb["Review pack"].iter_rows(min_row=HEADER_ROW + 1)]
    assert ids == ["bolton-cm-engage", "bolton-cm-risk"]


def test_reimport_is_a_no_op_and_a_changed_verdict_keeps_its_id(data: Path, tmp_path: Path) -> None:
    pack = make_pack(data, tmp_path)
    filled = fill(pack, tmp_path / "filled.xlsx", FILLED)
    assert import_(filled, data).returncode == 0
    written = data / "reviews" / "healthwatch-bolton.yml"
    # the reviewer annotates the file by hand
    text = written.read_text(encoding="utf-8").replace(
        "  verdict: missed\n", "  # checked with the finance team\n  verdict: missed  # see the annex\n"
    )
    text = "# Healthwatch Bolton: our verdicts\n" + text
    written.write_text(text, encoding="utf-8")
    before = snapshot(data)
    again = import_(filled, data)
    assert again.returncode == 0, again.stderr
    assert "0 new, 0 updated, 3 unchanged" in again.stdout and "Nothing to write" in again.stdout
    assert snapshot(data) == before  # byte-identical
    changed = fill(
        pack,
        tmp_path / "changed.xlsx",
        FILLED | {"bolton-ms-pool": ("done", "2020-06-15", "In place late.", "src-healthwatch-bolton-2020 at 3.2")},
    )
    done = import_(changed, data)
    assert done.returncode == 0, done.stderr
    assert "0 new, 1 updated, 2 unchanged" in done.stdout
    after = written.read_text(encoding="utf-8")
    assert after.count("- id: healthwatch-bolton-bolton-ms-pool") == 1
    assert "  # checked with the finance team\n  verdict: done  # see the annex\n" in after
    assert after.startswith("# Healthwatch Bolton: our verdicts\n")
    assert '  summary: "In place late."\n' in after
    # only the two changed lines differ
    diff = [(a, b) for a, b in zip(text.splitlines(), after.splitlines(), strict=True) if a != b]
    assert len(diff) == 2, diff
    assert run_cli("validate", "--data", str(data)).returncode == 0
    later = fill(
        pack,
        tmp_path / "later.xlsx",
        {"bolton-ms-pool": ("done", "2021-01-10", "Now in place.", "src-healthwatch-bolton-2020 at 1")},
    )
    done = import_(later, data)
    assert "1 new, 0 updated, 0 unchanged" in done.stdout, done.stdout + done.stderr
    assert "- id: healthwatch-bolton-bolton-ms-pool-2\n" in written.read_text(encoding="utf-8")


def _set(cell: str, value: object) -> Callable[[object, dict[str, int]], None]:
    def edit(ws: object, where: dict[str, int]) -> None:
        column, rid = cell.split(":")
        ws[f"{LETTER[column]}{where[rid]}"] = value  # type: ignore[index]

    return edit


BAD_ROWS = {
    "unknown id": (_set("id:bolton-ms-pool", "bolton-ms-nope"), "A", "unknown item id 'bolton-ms-nope'"),
    "verdict not allowed": (
        _set("reviewer_verdict:bolton-ms-pool", "finished"),
        "N",
        "verdict 'finished' is not allowed",
    ),
    "unreadable date": (_set("reviewer_date:bolton-ms-pool", "Sprnig 2020"), "O", "cannot read date 'Sprnig 2020'"),
    "missing evidence": (_set("reviewer_evidence:bolton-ms-pool", None), "Q", "evidence is missing"),
    "unknown paper": (_set("reviewer_evidence:bolton-ms-pool", "src-nope at 1"), "Q", "no paper with id 'src-nope'"),
    "edited outside": (
        _set("title:bolton-ms-pool", "A better title"),
        "C",
        "title is written by the register and may not be edited (it reads 'A better title' here); "
        "put it back as it was and use reviewer_summary (column P) instead",
    ),
    "formula": (_set("reviewer_summary:bolton-ms-pool", "=1+1"), "P", "a formula is not allowed here"),
    "external link formula": (
        _set("reviewer_summary:bolton-ms-pool", "='file:///etc/[passwd]Sheet1'!A1"),
        "P",
        "a formula is not allowed here",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_ROWS))
def test_bad_row_is_located_and_nothing_written(case: str, data: Path, tmp_path: Path) -> None:
    edit, column, message = BAD_ROWS[case]
    pack = make_pack(data, tmp_path)
    filled = fill(pack, tmp_path / "bad.xlsx", FILLED, edit)
    row = rows_by_id(openpyxl.load_workbook(pack)["Review pack"])["bolton-ms-pool"]
    before = snapshot(data)
    done = import_(filled, data)
    assert done.returncode == 1
    assert f"bad.xlsx:Review pack:{row}:{column}: " in done.stderr and message in done.stderr, done.stderr
    assert "nothing written" in done.stderr
    assert snapshot(data) == before


def test_every_bad_row_reported_at_once(data: Path, tmp_path: Path) -> None:
    pack = make_pack(data, tmp_path)

    def edits(ws: object, where: dict[str, int]) -> None:
        for name, rid, value in (
            ("reviewer_verdict", "bolton-ms-pool", "finished"),
            ("reviewer_date", "bolton-ms-colocation", "31/02/2021"),
            ("reviewer_evidence", "bolton-cm-engage", ""),
        ):
            ws[f"{LETTER[name]}{where[rid]}"] = value  # type: ignore[index]

    done = import_(fill(pack, tmp_path / "bad.xlsx", FILLED, edits), data)
    assert done.returncode == 1
    lines = [ln for ln in done.stderr.splitlines() if ln.startswith("bad.xlsx:Review pack:")]
    assert [ln.split(":")[3] for ln in lines] == ["N", "O", "Q"], done.stderr
    assert "3 problems in 3 rows; nothing written." in done.stderr
    assert not (data / "reviews" / "healthwatch-bolton.yml").exists()


WRONG_COLUMN = (
    "independent_verdict is written by the register and may not be edited (it reads 'done' here); "
    "put it back as it was and use reviewer_verdict (column N) instead"
)


def test_verdict_in_the_wrong_column_of_an_unfilled_row_is_refused(data: Path, tmp_path: Path) -> None:
    """A verdict typed into `independent_verdict` (the reviewer's own column left empty) is an error, not a skip."""
    pack = make_pack(data, tmp_path)
    written = data / "reviews" / "healthwatch-bolton.yml"
    written.write_text("[]\n", encoding="utf-8")  # the reviewer's file exists: it must stay byte-identical
    before = snapshot(data)
    done = import_(fill(pack, tmp_path / "wrong.xlsx", {}, _set("independent_verdict:bolton-ms-pool", "done")), data)
    row = rows_by_id(openpyxl.load_workbook(pack)["Review pack"])["bolton-ms-pool"]
    assert done.returncode == 1, done.stdout
    assert f"wrong.xlsx:Review pack:{row}:J: {WRONG_COLUMN}" in done.stderr, done.stderr
    assert "1 problem in 1 row; nothing written." in done.stderr
    assert "skipped" not in done.stdout
    assert snapshot(data) == before


def test_verdict_in_the_wrong_column_of_the_csv_pack_is_refused(data: Path, tmp_path: Path) -> None:
    make_pack(data, tmp_path)
    rows = list(csv.reader(io.StringIO((tmp_path / "bolton.csv").read_text(encoding="utf-8"))))
    at = next(i for i, r in enumerate(rows) if r and r[0] == "bolton-ms-pool")
    header = next(r for r in rows if r and r[0] == "id")
    rows[at][header.index("independent_verdict")] = "done"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    wrong = tmp_path / "wrong.csv"
    wrong.write_text(out.getvalue(), encoding="utf-8")
    before = snapshot(data)
    done = import_(wrong, data)
    assert done.returncode == 1, done.stdout
    assert f"wrong.csv:wrong:{at + 1}:J: {WRONG_COLUMN}" in done.stderr, done.stderr
    assert snapshot(data) == before


def test_csv_pack_round_trip_and_formula_text(data: Path, tmp_path: Path) -> None:
    """The CSV pack imports too; a text starting with '=' is refused there, '-', '+', '@' stay text."""
    make_pack(data, tmp_path)
    text = (tmp_path / "bolton.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    risk = next(r for r in rows if r[0] == "bolton-cm-risk")
    assert risk[header.index("title")].startswith("'=HYPERLINK")  # neutralised on export
    pool = next(r for r in rows if r[0] == "bolton-ms-pool")
    for name, value in zip(
        ("reviewer_verdict", "reviewer_date", "reviewer_summary", "reviewer_evidence"),
        ("missed", "2020-06-15", "@ the meeting: +1 more delay", "src-healthwatch-bolton-2020 at 3.2"),
        strict=True,
    ):
        pool[header.index(name)] = value
    risk[header.index("reviewer_verdict")] = "planned"
    risk[header.index("reviewer_date")] = "2020-06-15"
    risk[header.index("reviewer_summary")] = "=cmd|' /C calc'!A0"
    risk[header.index("reviewer_evidence")] = "src-healthwatch-bolton-2020 at 1"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    bad = tmp_path / "bad.csv"
    bad.write_text(out.getvalue(), encoding="utf-8")
    done = import_(bad, data)
    assert done.returncode == 1
    assert re.search(r"bad\.csv:bad:\d+:P: reviewer_summary: a formula is not allowed", done.stderr), done.stderr
    risk[header.index("reviewer_verdict")] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    good = tmp_path / "good.csv"
    good.write_text(out.getvalue(), encoding="utf-8")
    done = import_(good, data)
    assert done.returncode == 0, done.stderr
    assert '  summary: "@ the meeting: +1 more delay"\n' in (data / "reviews" / "healthwatch-bolton.yml").read_text()
    index, problems = check(data)
    assert problems == []
    exported = review_packs(index, AS_OF)["review-pack/bolton/healthwatch-bolton.csv"]
    assert isinstance(exported, str)


def test_formula_like_text_is_text_in_the_workbook(data: Path, tmp_path: Path) -> None:
    pack = make_pack(data, tmp_path)
    ws = openpyxl.load_workbook(pack)["Review pack"]
    cell = ws[f"{LETTER['title']}{rows_by_id(ws)['bolton-cm-risk']}"]
    assert cell.data_type == "s" and str(cell.value).startswith("=HYPERLINK")
    assert cell.quotePrefix


def test_pack_is_reproducible(data: Path) -> None:
    index, _ = check(data)
    first = review_packs(index, AS_OF)["review-pack/bolton.xlsx"]
    second = review_packs(check(data)[0], AS_OF)["review-pack/bolton.xlsx"]
    assert isinstance(first, bytes) and first == second
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2021, 3, 24, 0, 0, 0)}
        core = zf.read("docProps/core.xml").decode()
    assert core.count("2021-03-24T00:00:00Z") == 2  # created and modified: the as-of date, not the clock
    ws = openpyxl.load_workbook(io.BytesIO(first))["Review pack"]
    assert ws.freeze_panes == f"B{HEADER_ROW + 1}"
    assert "as at 2021-03-24" in str(ws["A2"].value) and "version" in str(ws["A2"].value)
    dv = ws.data_validations.dataValidation[0]
    assert dv.type == "list" and "in-progress" in str(dv.formula1)
    assert ws.column_dimensions["C"].width > 30


def _hostile_xlsx(pack: Path, out: Path, part: str, transform: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info.filename, transform(body) if info.filename == part else body)
    return out


BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'.encode()
        for i in range(1, 10)
    )
    + b"]>\n"
)


def test_entity_expansion_is_refused(data: Path, tmp_path: Path) -> None:
    pack = fill(make_pack(data, tmp_path), tmp_path / "filled.xlsx", FILLED)
    evil = _hostile_xlsx(
        pack,
        tmp_path / "evil.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda body: BILLION_LAUGHS + re.sub(rb"^<\?xml[^>]*\?>", b"", body).replace(b"missed", b"&lol9;", 1),
    )
    before = snapshot(data)
    done = import_(evil, data)
    assert done.returncode == 1
    assert "refused" in done.stderr and "declares an XML document type or entities" in done.stderr, done.stderr
    assert snapshot(data) == before
    # and behind that check, openpyxl itself (with defusedxml) refuses it too
    with pytest.raises(Exception, match=r"(?i)entit|DTD|forbidden"):
        wb = openpyxl.load_workbook(evil, read_only=True)
        for _row in wb.worksheets[0].iter_rows(values_only=True):
            pass


def test_oversized_workbooks_are_refused_fast(data: Path, tmp_path: Path) -> None:
    pack = fill(make_pack(data, tmp_path), tmp_path / "filled.xlsx", FILLED)
    before = snapshot(data)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
        dst.writestr("xl/media/padding.xml", b" " * 60_000_000)  # 60 MB that packs into a few dozen KB
    assert bomb.stat().st_size < 1_000_000
    done = import_(bomb, data)
    assert done.returncode == 1 and "unpacks to 60,0" in done.stderr and "zip bomb" in done.stderr, done.stderr
    big = tmp_path / "big.xlsx"
    big.write_bytes(os.urandom(6_000_000))
    done = import_(big, data)
    assert done.returncode == 1 and "over the limit of 5,000,000" in done.stderr, done.stderr
    assert snapshot(data) == before
    far = _hostile_xlsx(
        pack,
        tmp_path / "far.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda body: body.replace(
            b"</sheetData>", b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
        ),
    )
    started = time.monotonic()
    done = import_(far, data)
    assert done.returncode == 1 and "more than 5,000 rows" in done.stderr, done.stderr
    assert time.monotonic() - started < 30
    assert snapshot(data) == before
    with pytest.raises(Refused, match="more than 3 rows"):
        read_pack(pack, Limits(max_rows=3))
    with pytest.raises(Refused, match="more than 20 cells"):
        read_pack(pack, Limits(max_cells=20))


def test_documented_reviews_path(data: Path) -> None:
    """The file the README and Add a place name, data/reviews/healthwatch-bolton.yml, holds reviews."""
    page = (ROOT / "docs" / "add-a-place.md").read_text(encoding="utf-8")
    assert "data/reviews/healthwatch-bolton.yml" in page and "data/reviews/healthwatch-bolton.yml" in (
        ROOT / "README.md"
    ).read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in page.split("```yaml\n")[1:]]
    example = next(b for b in blocks if "subject:" in b and "verdict:" in b)
    example = example.replace("bolton-scf-ms-pool-160m-april-2019", "bolton-ms-pool").replace(
        "src-healthwatch-bolton-2021", "src-healthwatch-bolton-2020"
    )
    (data / "reviews" / "healthwatch-bolton.yml").write_text(example, encoding="utf-8")
    index, problems = check(data)
    assert problems == []
    assert index.get("hw-bolton-2021-pool").verdict == "done"  # type: ignore[attr-defined]
    (data / "reviews" / "healthwatch-bury.yml").write_text(example, encoding="utf-8")
    _, problems = check(data)
    assert any("this file holds the verdicts of 'healthwatch-bury'" in p.message for p in problems), problems
    (data / "reviews" / "healthwatch-bury.yml").unlink()
    (data / "bolton" / "healthwatch-bolton.yml").write_text(example, encoding="utf-8")
    _, problems = check(data)
    assert [p.message.split(";")[0] for p in problems] == ["file name 'healthwatch-bolton' is not a record kind"]


def test_since_view_rows_come_from_the_adapter(data: Path) -> None:
    """Without a verdict the reviewer's pack lists everything; after one, only what changed since."""
    index, _ = check(data)
    everything = pack_rows(index, derive(index, AS_OF), "bolton", REVIEWER)
    assert everything.since is None and len(everything.rows) == 4
    (data / "reviews" / "healthwatch-bolton.yml").write_text(
        "- id: hw-pool\n  subject: bolton-ms-pool\n  reviewer: healthwatch-bolton\n  date: '2020-06-15'\n"
        "  verdict: missed\n  summary: Not in place.\n  cites: [{source: src-healthwatch-bolton-2020, at: '1'}]\n",
        encoding="utf-8",
    )
    index, problems = check(data)
    assert problems == []
    pack = pack_rows(index, derive(index, AS_OF), "bolton", REVIEWER)
    assert pack.since == date(2020, 6, 15)
    changes = {r.id: r.changes for r in pack.rows}
    assert changes == {
        "bolton-cm-engage": ("fell due: December 2020",),
        "bolton-cm-risk": ("new update (the body), 1 February 2021: In progress",),
    }
    engage = next(r for r in pack.rows if r.id == "bolton-cm-engage")
    assert (engage.overdue, engage.not_reported_since) == (False, date(2020, 6, 15))  # the newest Bolton evidence
    pool = next(r for r in pack_rows(index, derive(index, AS_OF), "bolton").rows if r.id == "bolton-ms-pool")
    assert (pool.verdict, pool.verdict_by, pool.own_status, pool.overdue) == ("missed", REVIEWER, "planned", True)
    # A later Bolton paper moves the horizon past December 2020: the item is now overdue.
    with (data / "reviews" / "sources.yml").open("a", encoding="utf-8") as fh:
        fh.write(
            "- id: src-bolton-2021-03\n  title: A later Bolton paper\n  date: 1 March 2021\n  places: [bolton]\n"
            "  outline: [{ref: '1', title: Everything}]\n"
        )
    index, problems = check(data)
    assert problems == []
    pack = pack_rows(index, derive(index, AS_OF), "bolton", REVIEWER)
    changes = {r.id: r.changes for r in pack.rows}
    assert changes["bolton-cm-engage"] == ("now overdue",)
    assert [r.id for r in pack.rows if r.now_overdue] == ["bolton-cm-engage"]  # a field, not a phrase


def _soffice() -> str:
    found = shutil.which("soffice")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("LibreOffice (soffice) is missing: `make system-deps` installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) is not installed; `make system-deps` installs it")
    return found


def _convert(soffice: str, src: Path, fmt: str, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "profile"
    done = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{profile}",
            "--convert-to",
            fmt,
            "--outdir",
            str(out),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    produced = out / (src.stem + "." + fmt.split(":")[0])
    assert done.returncode == 0 and produced.is_file(), done.stdout + done.stderr
    return produced


def test_libreoffice_opens_the_pack_and_its_resave_imports(data: Path, tmp_path: Path) -> None:
    soffice = _soffice()
    pack = make_pack(data, tmp_path)
    as_csv = _convert(soffice, pack, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "lo-csv")
    seen = list(csv.reader(io.StringIO(as_csv.read_text(encoding="utf-8"))))
    ours = list(csv.reader(io.StringIO((tmp_path / "bolton.csv").read_text(encoding="utf-8"))))
    assert seen[0][0].startswith("Review pack: Bolton") and "as at 2021-03-24" in seen[1][0]
    table = seen[HEADER_ROW - 1 :]
    # the CSV export neutralises formula-like text with an apostrophe; the workbook keeps it as typed text
    assert [[c.removeprefix("'") for c in r] for r in ours] == [[c.removeprefix("'") for c in r] for r in table]
    # a pack filled, then opened and saved again by LibreOffice, still imports
    filled = fill(pack, tmp_path / "filled.xlsx", FILLED)
    resaved = _convert(soffice, filled, "xlsx", tmp_path / "lo-xlsx")
    done = import_(resaved, data)
    assert done.returncode == 0, done.stderr
    assert "3 new" in done.stdout
    assert run_cli("validate", "--data", str(data)).returncode == 0


def test_readme_round_trip_on_the_real_data(tmp_path: Path) -> None:
    """The README's commands on the bundled data: North West London's pack, filled by nwl-healthwatch."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m govreg reviews import north-west-london.xlsx --reviewer nwl-healthwatch" in readme
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    pack = make_pack(data, tmp_path, "north-west-london")
    ws = openpyxl.load_workbook(pack)["Review pack"]
    first = next(iter(rows_by_id(ws)))
    filled = fill(
        pack,
        tmp_path / "north-west-london.xlsx",
        {first: ("in-progress", "2021-03-01", "Work has started.", "https://example.org/healthwatch/nwl-2021")},
    )
    done = run_cli("reviews", "import", str(filled), "--reviewer", "nwl-healthwatch", "--data", str(data))
    assert done.returncode == 0, done.stderr
    assert f"Wrote {data / 'reviews' / 'nwl-healthwatch.yml'}" in done.stdout
    assert run_cli("validate", "--data", str(data)).returncode == 0
