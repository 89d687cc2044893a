"""The trace of every promise through every later paper, checked against the papers.

Why: a status is only as good as its evidence. These tests hold the statuses to the rules of
BRIEF section 2 (done, changed, superseded... need a later paper; a changed or superseded plan
names what replaced it), hold every quoted passage to the paper word for word, and make sure
each later paper was read against every earlier one, so that "silent" is a finding.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError
from test_data import normalise, occurs, paper_texts

from govreg.build import check
from govreg.derive import derive, entries_of
from govreg.index import Index
from govreg.load import format_path
from govreg.models import Commitment, Milestone
from govreg.models.common import StatusUpdate, iter_models
from govreg.problems import report
from govreg.status import Judged, sort_timeline, status_at
from govreg.trace import source_day, sources_in_order, trace_rows, traced_items

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SEEDS = ROOT.parent / "shared" / "seeds"

SELF_REPORTED = {
    "nwl-crcc-ms-2019-06": "done",
    "nwl-crcc-ms-2019-07": "in-progress",
    "nwl-commitment-extend-engagement": "in-progress",
    "nwl-commitment-citizens-panel": "in-progress",
    "nwl-commitment-lay-partner-forum": "in-progress",
    "nwl-local-commitment-6": "in-progress",
}
"""Items their own paper reports as happened or under way (e.g. NW London section 1: the Case for
Change was launched on 28 May 2019; section 6: the Citizens' Panel is "in the process of" being
established), with the status that paper supports on its own date. Reviewed by hand: the only
items whose non-planned status may rest on their own paper at their own passage."""


@pytest.fixture(scope="module")
def index() -> Index:
    idx, problems = check(DATA)
    assert not problems, report(problems)
    return idx


@pytest.fixture(scope="module")
def papers() -> dict[str, tuple[str, str]]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed papers not found at {SEEDS}")
    return {p.name: paper_texts(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}


def items(index: Index) -> list[tuple[str, str, list[StatusUpdate]]]:
    found = traced_items(index)
    assert len(found) > 80, len(found)
    return found


def own_locators(index: Index, item_id: str) -> set[tuple[str, str]]:
    """(source, locator) pairs the item itself is cited at."""
    if item_id in index.records:
        record = index.get(item_id)
        cites = getattr(record, "cites", [])
        extra = {(record.source, "recommendations")} if hasattr(record, "source") else set()
    else:
        owner, item = index.nested[item_id]
        cites = getattr(item, "cites", None) or getattr(index.get(owner), "cites", [])
        extra = set()
    return {(c.source, c.at) for c in cites} | extra


def test_every_status_other_than_planned_has_later_evidence(index: Index) -> None:
    """done, in-progress, changed... cite a later paper, or the item's own paper at another passage.

    The second case is a paper reporting on its own items (NW London section 1 reports the launch
    that its timeline in 9.b still lists).
    """
    sources = index.sources()
    bad: list[str] = []
    for item_id, sid, updates in items(index):
        mine = own_locators(index, item_id)
        for i, update in enumerate(updates):
            if update.status == "planned":
                continue
            later = [c for c in update.cites if source_day(sources[c.source]) > source_day(sources[sid])]
            elsewhere = [c for c in update.cites if c.source == sid and (c.source, c.at) not in mine]
            itself = item_id in SELF_REPORTED and any(c.source == sid for c in update.cites)
            if not later and not elsewhere and not itself:
                bad.append(f"{item_id} updates[{i}] {update.status}: cites no later paper ({sid} is its own)")
    assert not bad, "\n".join(bad)


def test_the_papers_show_plans_that_changed_or_were_overtaken(index: Index) -> None:
    """`validate` refuses a successor that is not another record (and an update citing a paper older
    than its item: `trace.trace_problems`); here, only that the bundled papers have such plans."""
    count = sum(update.status in ("changed", "superseded") for _, _, updates in items(index) for update in updates)
    assert count >= 3


def test_a_changed_update_without_successor_is_invalid() -> None:
    base = {"date": "8th April 2019", "summary": "x", "cites": [{"source": "s", "at": "1"}]}
    with pytest.raises(ValidationError, match="successor"):
        StatusUpdate.model_validate({**base, "status": "changed"})
    with pytest.raises(ValidationError, match="reconfirmed"):
        StatusUpdate.model_validate({**base, "status": "done", "reconfirmed": True})
    assert StatusUpdate.model_validate({**base, "status": "superseded", "successor_name": "a new plan"})


def test_a_reading_must_name_a_real_field() -> None:
    record = {
        "id": "m",
        "title": "t",
        "places": ["p"],
        "due": "2019/20",
        "cites": [{"source": "s", "at": "1"}],
    }
    assert Milestone.model_validate({**record, "readings": [{"field": "owners", "note": "inferred"}]})
    with pytest.raises(ValidationError, match="'owner' is not a field of a Milestone"):
        Milestone.model_validate({**record, "readings": [{"field": "owner", "note": "inferred"}]})


def test_every_trace_quote_is_in_its_paper(index: Index, papers: dict[str, tuple[str, str]]) -> None:
    sources = index.sources()
    checked = 0
    bad: list[str] = []
    for loaded in index.records.values():  # every status update anywhere: items' and organisations' history
        for path, update in iter_models(loaded.record):
            if not isinstance(update, StatusUpdate) or update.quote is None:
                continue
            first = sources[update.cites[0].source]
            quote = normalise(update.quote)
            if not first.text_held:
                # a web page: the update's words must be in the sentence the register quotes from it
                held = [normalise(s.quote) for s in first.outline if s.ref == update.cites[0].at and s.quote]
                if not any(quote in q for q in held):
                    bad.append(
                        f"{loaded.record.id} {format_path(path)} ({first.id} {update.cites[0].at}): {quote[:120]!r}"
                    )
                continue
            file = first.file
            assert file, update.cites[0].source
            checked += 1
            if not any(occurs(quote, text) for text in papers[file]):
                where = f"{loaded.record.id} {format_path(path)}"
                bad.append(f"{where} ({update.cites[0].source} {update.cites[0].at}): {quote[:120]!r}")
    assert checked > 20, checked
    assert not bad, "quotes not found word for word in the first cited paper:\n" + "\n".join(bad)


def test_every_update_from_a_later_paper_quotes_it(index: Index) -> None:
    """An update that reports what a later paper said carries that paper's words (where the register
    holds the paper's text: a statute cited by its locator alone cannot be quoted here)."""
    sources = index.sources()
    bad = [
        f"{item_id} updates[{i}]"
        for item_id, sid, updates in items(index)
        for i, update in enumerate(updates)
        if update.quote is None
        and sources[update.cites[0].source].text_held
        and source_day(sources[update.cites[0].source]) > source_day(sources[sid])
    ]
    assert not bad, "updates from later papers without a quote:\n" + "\n".join(bad)


def test_an_item_its_own_paper_reports_as_happened_is_not_planned_there(index: Index) -> None:
    """The rule: when a paper reports one of its own items under way or done, its status as at that
    paper's date is not 'planned' (the self-report is the latest update of that date)."""
    sources = index.sources()
    bad: list[str] = []
    for item_id, sid, updates in items(index):
        day = sources[sid].date.end or source_day(sources[sid])
        same_day = [u for u in updates if u.date.end == day]
        timeline = sort_timeline(entries_of(updates))
        if any(u.status != "planned" for u in same_day) and status_at(timeline, Judged(None), day).status == "planned":
            bad.append(f"{item_id}: its own paper reports it, but it is 'planned' as at {day}")
    derived = derive(index, date(2021, 3, 24))
    for item_id, expected in SELF_REPORTED.items():
        assert isinstance(index.get(item_id), Milestone | Commitment)
        assert derived.standing_on(item_id, date(2019, 7, 15)).overall.status == expected, item_id
    assert not bad, "\n".join(bad)


def test_every_later_paper_traces_every_earlier_paper(index: Index) -> None:
    ordered = sources_in_order(index)
    missing = [
        f"{later.id} does not trace {earlier.id}"
        for i, later in enumerate(ordered)
        for earlier in ordered[:i]
        if later.text_held and earlier.text_held and earlier.id not in later.traces
    ]
    newer = [
        f"{s.id} traces {t}, which is not older"
        for s in ordered
        for t in s.traces
        if source_day(index.sources()[t]) >= source_day(s)
    ]
    assert not missing and not newer, "\n".join(missing + newer)


def test_trace_rows_cover_every_item_in_date_order(index: Index) -> None:
    rows = trace_rows(index)
    ordered = [s.id for s in sources_in_order(index)]
    assert list(rows) == ordered
    assert sum(len(r) for r in rows.values()) == len(items(index))
    first = {row.item: row for row in rows[ordered[0]]}
    row = first["bolton-scf-ms-2019-20-4"]
    assert [c.source for c in row.cells] == ordered[1:]
    held_now = {sid for sid, src in index.sources().items() if src.text_held}
    assert next(c for c in row.cells if c.source in held_now).verdict == "changed"
    assert all(not row.cells for row in rows[ordered[-1]]), "the newest paper has no later paper"
    held = {sid for sid, src in index.sources().items() if src.text_held}
    verdicts = {c.verdict for r in rows.values() for row in r for c in row.cells if c.source in held}
    assert "not traced" not in verdicts  # only papers whose text the register does not hold are untraced
    assert {"silent", "done", "changed", "reconfirmed"} <= verdicts


def test_continues_links_point_to_older_papers(index: Index) -> None:
    sources = index.sources()
    links = 0
    bad: list[str] = []
    known = {item_id: sid for item_id, sid, _ in items(index)}
    for item_id, sid, _ in items(index):
        record = index.records.get(item_id)
        for earlier in getattr(record.record, "continues", []) if record else []:
            links += 1
            if source_day(sources[known[earlier]]) >= source_day(sources[sid]):
                bad.append(f"{item_id} continues {earlier}, which is not from an older paper")
    assert links >= 3
    assert not bad, "\n".join(bad)


MINI = ROOT / "tests" / "fixtures" / "mini" / "data"


def test_trace_rows_tell_silent_from_not_traced(tmp_path: Path) -> None:
    """A later paper that lists the item's paper in `traces` and does not speak to the item is
    'silent'; one that does not list it is 'not traced'; one that speaks gives its update."""
    data = Path(shutil.copytree(MINI, tmp_path / "data"))
    sources = data / "bolton" / "sources.yml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + """- id: src-later-traced
  title: A later paper read against the first
  date: June 2020
  places: [bolton]
  traces: [src-bolton-2019-04-scf]
  outline: [{ref: "1", title: One}]
- id: src-later-speaks
  title: A later paper that speaks to the pool
  date: July 2020
  places: [bolton]
  traces: [src-bolton-2019-04-scf, src-later-traced]
  outline: [{ref: "1", title: One}]
- id: src-later-untraced
  title: A later paper nobody read against the first
  date: August 2020
  places: [bolton]
  outline: [{ref: "1", title: One}]
""",
        encoding="utf-8",
    )
    milestones = data / "bolton" / "milestones.yml"
    text = milestones.read_text(encoding="utf-8")
    marker = "      cites: [{source: src-bolton-2019-04-scf, at: recommendations}]\n"
    assert marker in text
    text = text.replace(
        marker,
        marker
        + "    - date: July 2020\n      status: planned\n      reconfirmed: true\n"
        + "      summary: Restated unchanged.\n      cites: [{source: src-later-speaks, at: '1'}]\n"
        + "    - date: July 2020\n      status: planned\n      reconfirmed: true\n"
        + "      summary: Restated again.\n      cites: [{source: src-later-speaks, at: '1'}]\n",
        1,
    )
    milestones.write_text(text, encoding="utf-8")
    idx, problems = check(data)
    assert not problems, report(problems)
    rows = trace_rows(idx)
    assert list(rows) == ["src-bolton-2019-04-scf", "src-later-traced", "src-later-speaks", "src-later-untraced"]
    pool = next(row for row in rows["src-bolton-2019-04-scf"] if row.item == "bolton-ms-pool")
    assert [(c.source, c.verdict) for c in pool.cells] == [
        ("src-later-traced", "silent"),
        ("src-later-speaks", "reconfirmed"),
        ("src-later-untraced", "not traced"),
    ]
    # Two updates cite the same paper: the cell gives the last of them.
    assert pool.cells[1].update is not None and pool.cells[1].update.summary == "Restated again."
