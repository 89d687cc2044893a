"""The status rule, and every place that shows a status agreeing with `derive`.

The property test writes a one-milestone register with random dated updates and
reviews, builds every page and export, and reads the status back from each place
that shows one: the record header, the two-voices table, the register, the "as at"
pages, register.json, status.json (what the date picker reads), the review pack,
the iCalendar file and the stale-overdue rule. Each must equal `derive`, and
`derive` must equal a brute-force reading of the rule written out here.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from govreg.build import check, generate
from govreg.dates import Period, parse_period
from govreg.dates import quarter_ends as _quarter_ends
from govreg.derive import derive
from govreg.status import FILTER_LABELS, OPEN, RULE_TEXT, Entry, Judged, status_at, steps

AS_OF = date(2021, 3, 24)
STATUSES = ["planned", "in-progress", "done", "changed", "superseded", "missed", "dropped"]


def _entry(day: str, status: str, voice: str = "self", by: str | None = None, n: int = 0) -> Entry:
    return Entry(parse_period(day).end or date.min, status, voice, by, day, "x", (), f"update {n}")  # type: ignore[arg-type]


def test_status_as_at_boundaries() -> None:
    timeline = (_entry("1 July 2018", "planned"), _entry("Autumn 2019", "done"))  # counts from 30 November 2019
    due = parse_period("2018/19")
    cases = [
        (date(2018, 6, 30), "no-evidence", False),
        (date(2019, 3, 31), "planned", False),  # last day of the financial year: due, not yet overdue
        (date(2019, 4, 1), "planned", True),  # the day after: overdue
        (date(2019, 11, 29), "planned", True),
        (date(2019, 11, 30), "done", False),
    ]
    for day, status, overdue in cases:
        got = status_at(timeline, Judged(due), day)
        assert (day, got.status, got.overdue) == (day, status, overdue)


def test_voices_are_kept_apart() -> None:
    timeline = (
        _entry("1 July 2018", "in-progress"),
        _entry("1 March 2019", "missed", "independent", "hw-a"),
        _entry("1 April 2019", "done", "independent", "hw-b"),
    )
    day = date(2020, 1, 1)
    assert status_at(timeline, Judged(None), day, "self").status == "in-progress"
    assert status_at(timeline, Judged(None), day, "independent", "hw-a").status == "missed"
    assert status_at(timeline, Judged(None), day, "independent").status == "done"
    assert status_at(timeline, Judged(None), day).status == "done"


def test_closed_statuses_are_never_overdue() -> None:
    due = parse_period("2018/19")
    for status in STATUSES:
        got = status_at((_entry("1 May 2018", status),), Judged(due), date(2020, 1, 1))
        assert got.overdue == (status in OPEN), status


def test_steps_change_only_when_the_status_does() -> None:
    timeline = (_entry("1 July 2018", "planned"), _entry("1 August 2018", "planned"), _entry("Autumn 2019", "done"))
    got = steps(timeline, Judged(parse_period("2018/19")))
    assert [(s.start, s.status, s.overdue) for s in got] == [
        (None, "no-evidence", False),
        (date(2018, 7, 1), "planned", False),
        (date(2019, 4, 1), "planned", True),
        (date(2019, 11, 30), "done", False),
    ]


def test_overdue_is_judged_against_the_place_horizon() -> None:
    """Due before the place's last paper and open: overdue. Due after it, before the day: not reported since it."""
    timeline = (_entry("1 July 2018", "planned"),)
    judged = Judged(parse_period("2018/19"), (date(2018, 7, 1), date(2019, 1, 8), date(2020, 6, 1)))
    cases = [
        (date(2019, 3, 31), False, None),  # not yet due
        (date(2019, 6, 1), False, date(2019, 1, 8)),  # fell due after the last paper (8 January 2019)
        (date(2020, 5, 31), False, date(2019, 1, 8)),
        (date(2020, 6, 1), True, None),  # a paper after the due date, and still open: overdue
    ]
    for day, overdue, unreported in cases:
        got = status_at(timeline, judged, day)
        assert (day, got.overdue, got.unreported) == (day, overdue, unreported)
    assert status_at(timeline, judged, date(2019, 6, 1)).label == "Planned (not reported since 8 January 2019)"
    assert status_at(timeline, judged, date(2019, 6, 1)).filter == "not-reported"
    # the browser's steps change on the day the horizon moves past the due date
    got = [(s.start, s.filter) for s in steps(timeline, judged)]
    assert got == [
        (None, "no-evidence"),
        (date(2018, 7, 1), "planned"),
        (date(2019, 4, 1), "not-reported"),
        (date(2020, 6, 1), "overdue"),
    ]


def test_an_undated_item_says_how_old_its_status_is() -> None:
    judged = Judged(None, (date(2019, 7, 15),), made=date(2019, 7, 15))
    got = status_at((_entry("1 August 2019", "planned"),), judged, date(2022, 7, 1))
    assert (got.quiet, got.label) == (date(2019, 8, 1), "Planned (no evidence since 1 August 2019)")
    none = status_at((), judged, date(2022, 7, 1))
    assert none.label == "No evidence (no evidence since 15 July 2019)"
    done = status_at((_entry("1 August 2019", "done"),), judged, date(2022, 7, 1))
    assert (done.quiet, done.label) == (None, "Done")


def test_hostile_hx_ms_shows_one_status_everywhere() -> None:
    """Regression: `hx-ms` as at 2021-03-24 once showed three statuses (header, voices table, register.json)."""
    result = generate(FIXTURES / "hostile" / "data", AS_OF)
    assert result.problems == [] and result.derived is not None
    standing = result.derived.standing["hx-ms"]
    assert standing.overall.entry is not None and standing.overall.entry.voice == "independent"
    assert standing.overall.status == "missed"  # its timeline ends in an independent "missed"
    files = {o.path: o.content for o in result.outputs}
    page = str(files["milestones/hx-ms.md"])
    assert _header(page) == standing.overall.label
    assert _own_row(page) == standing.own.label
    register = json.loads(files["data/register.json"])
    assert register["derived"]["hx-ms"]["status"] == standing.overall.status
    assert register["derived"]["hx-ms"]["own"]["status"] == standing.own.status
    picker = json.loads(files["data/status.json"])["records"]["hx-ms"]
    assert _lookup(picker, AS_OF)["label"] == standing.overall.label


# --- Reading a status back from each place that shows one ----------------------------


def _plain(md: str) -> str:
    """Escaped Markdown text back to its words."""
    return re.sub(r"\\(.)", r"\1", md).replace("&amp;", "&")


def _header(page: str) -> str:
    m = re.search(r"\*\*Status as at [^*]+:\*\* <span class=\"gr-badge [^\"]+\">(.*?)</span>", page)
    assert m, "no status in the record header"
    return _plain(m.group(1))


def _own_row(page: str) -> str:
    m = re.search(r"^\| The body itself \| <span class=\"gr-badge [^\"]+\">(.*?)</span>", page, re.M)
    assert m, "no own-voice row"
    return _plain(m.group(1))


def _register_row(page: str, rid: str) -> str:
    m = re.search(rf"^\| `{rid}` \|.*<span class=\"gr-badge [^\"]+\">(.*?)</span>", page, re.M)
    assert m, f"{rid} not in the register"
    return _plain(m.group(1))


def _as_at_count(page: str) -> str:
    m = re.search(r"^\*\*Count by status:\*\* (.+?) 1$", page, re.M)
    assert m, "no count by status"
    return _plain(m.group(1))


def _lookup(step_list: list[dict[str, object]], day: date) -> dict[str, object]:
    found = step_list[0]
    for s in step_list:
        if s["from"] is None or str(s["from"]) <= day.isoformat():
            found = s
    return found


def _oracle(
    entries: list[tuple[date, str, str, str | None]], due: Period, day: date, local: list[date]
) -> tuple[str, bool, str, str]:
    """The rule, read literally: latest entry by day (data order on ties), per voice; overdue when the due
    period ended before the place's newest local evidence by the day (`local`: its papers and reviews)."""

    def latest(keep: list[tuple[date, str, str, str | None]]) -> str:
        counted = [(d, i, s) for i, (d, s, _, _) in enumerate(keep) if d <= day]
        return max(counted)[2] if counted else "no-evidence"

    overall = latest(entries)
    own = latest([e for e in entries if e[2] == "self"])
    independent = latest([e for e in entries if e[2] == "independent"])
    horizon = max((d for d in local if d <= day), default=None)
    overdue = bool(due.end and horizon and due.end < min(horizon, day) and overall in OPEN)
    return overall, overdue, own, independent


MINI_SOURCES = """
- id: src-a
  title: A paper
  date: 1 April 2018
  places: [here]
  outline: [{ref: "1", title: Everything}]
- id: src-b
  title: A later paper about the place
  date: 1 January 2020
  places: [here]
  outline: [{ref: "1", title: Everything}]
"""
LOCAL_PAPERS = [date(2018, 4, 1), date(2020, 1, 1)]
"""The place's papers: with the reviews, its local evidence (the horizon moves on these days)."""
PLACES = "- {id: here, name: Here, type: borough}\n"
ORGS = """
- {id: hw-a, name: Healthwatch A, type: healthwatch, places: [here]}
- {id: hw-b, name: Healthwatch B, type: healthwatch, places: [here]}
"""

days = st.dates(min_value=date(2018, 4, 1), max_value=date(2021, 12, 31))
voices = st.sampled_from([("self", None), ("independent", "hw-a"), ("independent", "hw-b")])
update = st.tuples(days, st.sampled_from(STATUSES), voices, st.booleans())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(updates=st.lists(update, max_size=6), due_day=days)
def test_every_place_agrees_with_derive(
    updates: list[tuple[date, str, tuple[str, str | None], bool]], due_day: date
) -> None:
    lines = []
    reviews = []
    entries: list[tuple[date, str, str, str | None]] = []
    for n, (day, status, (voice, by), as_review) in enumerate(updates):
        if voice == "independent" and as_review:
            reviews.append((n, day, status, by))
            continue
        extra = f"\n      voice: independent\n      reported_by: {by}" if voice == "independent" else ""
        if status in ("changed", "superseded"):
            extra += "\n      successor_name: A later plan"
        lines.append(
            f"    - date: '{day.isoformat()}'\n      status: {status}\n      summary: Update {n}.{extra}\n"
            "      cites: [{source: src-a, at: '1'}]"
        )
        entries.append((day, status, voice, by))
    # Reviews come after updates in the timeline on the same day (data order: updates, then reviews by id).
    for _, day, status, by in sorted(reviews, key=lambda r: f"rv-{r[0]:02d}"):
        entries.append((day, status, "independent", by))
    milestone = (
        f"- id: m\n  title: Do the thing\n  places: [here]\n  due: '{due_day.isoformat()}'\n"
        + ("  updates:\n" + "\n".join(lines) + "\n" if lines else "")
        + "  cites: [{source: src-a, at: '1'}]\n"
    )
    review_yaml = "".join(
        f"- id: rv-{n:02d}\n  subject: m\n  reviewer: {by}\n  date: '{day.isoformat()}'\n  verdict: {status}\n"
        f"  summary: Verdict {n}.\n  cites: [{{source: src-a, at: '1'}}]\n"
        for n, day, status, by in reviews
    )
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data" / "here"
        data.mkdir(parents=True)
        (data / "sources.yml").write_text(MINI_SOURCES)
        (data / "places.yml").write_text(PLACES)
        (data / "organisations.yml").write_text(ORGS)
        (data / "milestones.yml").write_text(milestone)
        if review_yaml:
            (data / "reviews.yml").write_text(review_yaml)
        _, problems = check(data.parent)
        assert problems == [], problems
        result = generate(data.parent, AS_OF)
    assert result.derived is not None
    derived = result.derived
    files = {o.path: o.content for o in result.outputs}
    due = parse_period(due_day.isoformat())
    entries_by_day = sorted(entries, key=lambda e: e[0])  # stable: data order within a day

    # derive agrees with the rule read literally, on every day that matters
    local = LOCAL_PAPERS + [day for _, day, _, _ in reviews]
    checkpoints = sorted({AS_OF, *(e[0] for e in entries), *local, due_day, due_day + timedelta(days=1)})
    for day in checkpoints:
        got = derived.standing_on("m", day)
        overall, overdue, own, independent = _oracle(entries_by_day, due, day, local)
        assert (got.overall.status, got.overall.overdue) == (overall, overdue), day
        assert got.own.status == own, day
        assert (got.independent.status if got.independent else "no-evidence") == independent, day

    standing = derived.standing["m"]
    page = str(files["milestones/m.md"])
    assert _header(page) == standing.overall.label
    assert _own_row(page) == standing.own.label
    assert _register_row(str(files["milestones/index.md"]), "m") == standing.overall.label
    facet = f"milestones/status/{standing.overall.filter}.md"
    assert _register_row(str(files[facet]), "m") == standing.overall.label

    register = json.loads(files["data/register.json"])["derived"]["m"]
    assert (register["status"], register["overdue"], register["label"]) == (
        standing.overall.status,
        standing.overall.overdue,
        standing.overall.label,
    )
    assert register["own"]["status"] == standing.own.status

    picker = json.loads(files["data/status.json"])["records"]["m"]
    for day in checkpoints:
        expected = derived.standing_on("m", day).overall
        got_step = _lookup(picker, day)
        assert (got_step["status"], got_step["overdue"], got_step["label"]) == (
            expected.status,
            expected.overdue,
            expected.label,
        ), day

    for path, content in files.items():
        if path.startswith("as-at/") and path != "as-at/index.md":
            day = date.fromisoformat(path[6:16])
            expected = derived.standing_on("m", day).overall
            assert _as_at_count(str(content)) == FILTER_LABELS[expected.filter], path

    # The "as at" differences: the item is listed on a quarter's page exactly when what the row shows
    # (status, overdue, own status, independent verdict) by the literal rule differs from the quarter
    # before; on the first quarter, when it had a status or was overdue by then.
    assert [q.day for q in derived.quarters] == sorted({*_quarter_ends(date(2018, 4, 1), AS_OF), AS_OF})
    for q in derived.quarters:
        now = _oracle(entries_by_day, due, q.day, local)
        if q.previous is None:
            listed = now[0] != "no-evidence" or now[1]
        else:
            listed = now != _oracle(entries_by_day, due, q.previous, local)
        assert [c.record for c in q.changed] == (["m"] if listed else []), q.day
        assert q.counts == ((derived.standing_on("m", q.day).overall.filter, 1),), q.day
        page = str(files[f"as-at/{q.day.isoformat()}.md"])
        assert ("(../milestones/m.md) | <span" in page) == listed, q.day

    # The place summary (home page, registers by place) counts the item once, under its filter.
    (summary,) = derived.place_summaries
    kinds = {k.kind: k for k in summary.kinds}
    assert (kinds["milestone"].total, kinds["commitment"].total) == (1, 0)
    assert {f: n for f, n in kinds["milestone"].counts.items() if n} == {standing.overall.filter: 1}
    home = str(files["index.md"])
    assert f"1 milestone in Here: 1 {FILTER_LABELS[standing.overall.filter].lower()}" in home

    pack = next(iter(csv.DictReader(io.StringIO(str(files["review-pack/here.csv"])))))
    assert pack["own_status"] == standing.own.status
    assert pack["independent_verdict"] == (standing.independent.status if standing.independent else "not yet reviewed")

    ics = bytes(files["milestones.ics"]).decode("utf-8").replace("\r\n ", "")
    assert f"Status as at {AS_OF.isoformat()}: {standing.overall.label}" in ics

    stale = {f.records for rule, found in derived.findings if rule.id == "stale-overdue" for f in found}
    last = standing.overall.entry.day if standing.overall.entry else None
    expect_stale = standing.overall.overdue and (last is None or AS_OF - last > timedelta(days=183))
    assert (("m",) in stale) == expect_stale


def test_derive_is_computed_once_and_frozen() -> None:
    index, _ = check(FIXTURES / "mini" / "data")
    derived = derive(index, AS_OF)
    try:
        derived.standing["x"] = derived.standing[derived.tracked[0]]  # type: ignore[index]
    except TypeError:
        pass
    else:
        raise AssertionError("Derived.standing can be changed after derive")
    assert not hasattr(index, "derived")


def test_about_page_states_the_rule_in_force() -> None:
    about = (FIXTURES.parents[1] / "docs" / "about.md").read_text(encoding="utf-8")
    assert RULE_TEXT in about, "docs/about.md must state status.RULE_TEXT word for word"
