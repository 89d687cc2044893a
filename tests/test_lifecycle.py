"""True as at any date: national changes, organisation and body status, and each place's evidence horizon.

The fixture register: a nation and a borough; a council and a clinical commissioning group;
a board the group alone forms, a joint committee of both, and a forum nobody hosts; a
national change that abolishes every clinical commissioning group on 1 July 2022; a
milestone due before the borough's last paper, one due after it, and a commitment with no
due date.
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govreg import maps
from govreg.build import check, generate
from govreg.derive import derive
from govreg.lifecycle import GONE, lives_on

CHANGE_DAY = date(2022, 7, 1)
CITE = "[{source: src-local, at: '1'}]"
FILES = {
    "places": """\
- {id: land, name: Land, type: nation}
- {id: here, name: Here, type: borough, part_of: land}
""",
    "sources": """\
- id: src-local
  title: A local paper
  date: 8 January 2021
  places: [here]
  outline: [{ref: '1', title: Everything}]
- id: src-older
  title: An older local paper
  date: 1 April 2019
  places: [here]
  outline: [{ref: '1', title: Everything}]
- id: src-act
  title: An Act
  date: 1 June 2022
  places: [land]
  text_held: false
  outline: [{ref: 's.1', title: Abolition, quote: Every group is abolished.}]
""",
    "organisations": f"""\
- {{id: council, name: The Council, type: local-authority, places: [here], cites: {CITE}}}
- {{id: ccg, name: The Group, type: ccg, places: [here], cites: {CITE}}}
- {{id: icb, name: The Board, type: icb, places: [land], cites: {CITE}}}
""",
    "bodies": f"""\
- id: group-board
  name: Group Board
  type: governing-body
  places: [here]
  hosted_by: [ccg]
  history: [{{status: established, date: '2013-04-01', cites: {CITE}}}]
  cites: {CITE}
- id: joint
  name: Joint Committee
  type: joint-committee
  places: [here]
  hosted_by: [council, ccg]
  history: [{{status: proposed, date: '2019-04-01', cites: {CITE}}}]
  seats:
    - {{id: joint-council, role: Leader, organisation: council, count: 1}}
    - {{id: joint-group, role: Group Chair, organisation: ccg, count: 1}}
  cites: {CITE}
- id: forum
  name: Forum
  type: forum
  places: [here]
  reports_to: [joint]
  cites: {CITE}
""",
    "reforms": """\
- id: abolition
  title: Every group abolished
  date: 1 July 2022
  places: [land]
  ceases: [ccg]
  establishes: [icb]
  cites: [{source: src-act, at: s.1}]
""",
    "milestones": f"""\
- {{id: m-early, title: Early thing, places: [here], due: 2018/19, cites: {CITE}}}
- {{id: m-late, title: Late thing, places: [here], due: '2021-12-31', cites: {CITE}}}
""",
    "commitments": """\
- id: c-open
  text: We will keep going.
  made_by: [council]
  made_to: residents
  made_on: 1 April 2019
  places: [here]
  updates: [{date: 1 April 2019, status: planned, summary: Planned., cites: [{source: src-older, at: '1'}]}]
  cites: [{source: src-older, at: '1'}]
""",
}


def write(tmp: Path, **override: str) -> Path:
    data = tmp / "data"
    (data / "here").mkdir(parents=True)
    for name, text in (FILES | override).items():
        (data / "here" / f"{name}.yml").write_text(text, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = write(tmp_path_factory.mktemp("lifecycle"))
    _, problems = check(out)
    assert [p for p in problems if p.code != "after_as_of"] == [], problems
    return out


def url(rid: str) -> str:
    return f"/{rid}/"


def test_a_national_change_ends_the_type_and_what_it_alone_formed(data: Path) -> None:
    index, _ = check(data)
    for day, gone in ((CHANGE_DAY - timedelta(days=1), False), (CHANGE_DAY, True), (CHANGE_DAY + timedelta(1), True)):
        derived = derive(index, day)
        assert derived.life["ccg"].in_place is not gone, day
        assert derived.life["group-board"].in_place is not gone, day
        assert derived.life["council"].in_place and derived.life["joint"].in_place, day
        graph, notes = maps.place_graph(index, derived, "here", url)
        drawn = {n.id for n in graph.nodes}
        assert ("group-board" in drawn) is not gone, day
        assert "joint" in drawn and "council" in drawn
        assert ("ccg" in drawn) is not gone, day  # an ended host is not drawn as forming the joint committee
        if gone:
            assert any("Group Board (abolished on 1 July 2022, with The Group)" in n for n in notes), notes
    after = derive(index, CHANGE_DAY)
    life = after.life["group-board"]
    assert (life.status, life.since, life.host, life.change) == ("abolished", CHANGE_DAY, "ccg", "abolition")
    assert [c.source for c in life.cites] == ["src-act"]
    # the joint committee keeps its council seat; the group's seat ended, successor not known
    fates = after.seat_fates["joint"]
    assert [(f.seat, f.organisation, f.successor) for f in fates] == [("joint-group", "ccg", None)]
    # the board established by the change does not exist before it
    assert derive(index, CHANGE_DAY - timedelta(days=1)).life["icb"].status == "not-yet"
    assert after.life["icb"].status == "in-place"


def test_a_named_successor_takes_the_seat(tmp_path: Path) -> None:
    reform = FILES["reforms"] + (
        "  transfers: [{organisation: ccg, successor: icb, what: [seats, budgets],\n"
        "               cites: [{source: src-act, at: s.1}]}]\n"
    )
    data = write(tmp_path, reforms=reform)
    result = generate(data, CHANGE_DAY)
    assert result.derived is not None
    (fate,) = result.derived.seat_fates["joint"]
    assert fate.successor == "icb"
    assert result.derived.successor("ccg", "budgets") == "icb" and result.derived.successor("ccg", "functions") is None
    page = _text(result, "bodies/joint.md")
    assert "Seat ended: The Group was abolished on 1 July 2022; its seat passed to The Board" in page


def _text(result: object, path: str) -> str:
    """A generated page's Markdown as plain words (links and escapes dropped)."""
    files = {o.path: o.content for o in result.outputs}  # type: ignore[attr-defined]
    md = str(files[path])
    md = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", md)
    return re.sub(r"\*\*|\\(.)", r"\1", md)


def test_pages_and_exports_say_what_ended_and_why(data: Path) -> None:
    result = generate(data, CHANGE_DAY)
    assert result.derived is not None
    board = _text(result, "bodies/group-board.md")
    assert (
        "Status as at 1 July 2022: Abolished since 1 July 2022: it ended with The Group, abolished that day by the "
        "national change Every group abolished. Evidence: An Act, s.1." in board
    )
    joint = _text(result, "bodies/joint.md")
    assert "Seat ended: The Group was abolished on 1 July 2022; what became of its seat is not known." in joint
    assert "Leader | The Council" in joint and "Seat ended" not in joint.split("Leader", 1)[1].split("\n", 1)[0]
    group = _text(result, "organisations/ccg.md")
    assert "Abolished since 1 July 2022: abolished by the national change Every group abolished" in group
    register = json.loads({o.path: o.content for o in result.outputs}["data/register.json"])  # type: ignore[arg-type]
    facts = register["derived"]
    assert (facts["group-board"]["in_place"], facts["group-board"]["body_status"]) == (False, "abolished")
    assert facts["group-board"]["lifecycle"]["ended_with"] == "ccg"
    assert facts["ccg"]["lifecycle"] == {
        "status": "abolished",
        "since": "2022-07-01",
        "reason": "abolished on 1 July 2022 by the national change “Every group abolished”",
        "national_change": "abolition",
        "ended_with": None,
    }
    assert facts["joint"]["seats_ended"][0]["seat"] == "joint-group"
    assert register["horizons"]["here"] == {
        "local": "2021-01-08",
        "local_from": "src-local",
        "national": "2022-07-01",
        "national_from": "abolition",
    }


def test_overdue_is_judged_against_the_place_horizon(data: Path) -> None:
    result = generate(data, CHANGE_DAY)
    derived = result.derived
    assert derived is not None
    early, late, undated = (derived.standing[r].overall for r in ("m-early", "m-late", "c-open"))
    assert early.overdue and early.label == "No evidence (overdue)"  # due 2018/19, before the paper of 8 Jan 2021
    assert not late.overdue and late.unreported == date(2021, 1, 8)  # due end of 2021, after the last paper
    assert late.label == "No evidence (not reported since 8 January 2021)"
    assert undated.quiet == date(2019, 4, 1) and undated.label == "Planned (no evidence since 1 April 2019)"
    assert derived.horizons["here"].sentence("Here") == (
        "Here: local papers up to 8 January 2021; national changes up to 1 July 2022."
    )
    place = _text(result, "places/here.md")
    assert (
        "How far the evidence reaches: Here: local papers up to 8 January 2021; national changes up to 1 July 2022."
        in place
    )
    home = _text(result, "index.md")
    assert "evidence: local papers up to 8 January 2021; national changes up to 1 July 2022" in home
    assert "Not reported since their place's last paper (fell due after it): 1 milestone" in home
    register = _text(result, "milestones/index.md")
    assert "Not reported since the last local paper (1)" in register and "Overdue (1)" in register
    checks = {rule.id: [f.records for f in found] for rule, found in derived.findings}
    assert checks["not-reported"] == [("m-late",)]


DAYS = st.dates(min_value=date(2012, 1, 1), max_value=date(2024, 12, 31))


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(day=DAYS)
def test_status_of_every_organisation_and_body_agrees_everywhere(data: Path, day: date) -> None:
    """For any date: derive, the map, the record pages and register.json tell the same story."""
    result = generate(data, day)
    assert result.derived is not None and result.index is not None
    derived, index = result.derived, result.index
    files = {o.path: o.content for o in result.outputs}
    register = json.loads(files["data/register.json"])["derived"]  # type: ignore[arg-type]
    graph, _ = maps.place_graph(index, derived, "here", url)
    drawn = {n.id: n.status for n in graph.nodes if n.kind == "body"}
    # The step functions the "as at" pages read (from a derive at another date) give the same answer.
    orgs, bodies = lives_on(index, day)
    later = derive(index, date(2030, 1, 1))
    assert {rid: later.life_on(rid, day) for rid in later.life} == orgs | bodies == dict(derived.life), day
    for rid, life in derived.life.items():
        assert register[rid]["in_place"] == life.in_place, (rid, day)
        assert register[rid]["lifecycle"]["status"] == life.status, (rid, day)
        kind = "bodies" if rid in drawn or index.kind_of(rid) == "body" else "organisations"
        page = _text(result, f"{kind}/{rid}.md")
        words = {
            None: "Not recorded",
            "in-place": "In place",
            "proposed": "Proposed",
            "established": "Established",
            "abolished": "Abolished",
            "not-yet": "Not yet in existence",
        }[life.status]
        assert f"Status as at {day:%-d %B %Y}: {words}" in page, (rid, day)
        if index.kind_of(rid) == "body":
            assert (rid in drawn) == life.in_place, (rid, day)
            assert life.in_place == (life.status not in GONE)
            if rid in drawn:
                assert drawn[rid] == life.status


def test_later_evidence_outranks_an_older_end_and_a_merged_organisation_stays_merged(tmp_path: Path) -> None:
    """A body shown 'continuing' after its host ended stays in place, in the status of its last change; an
    organisation that merged before a national change is not abolished again by it."""
    orgs = FILES["organisations"] + (
        f"- {{id: old-ccg, name: Old Group, type: ccg, places: [here], cites: {CITE},\n"
        f"   events: [{{status: replaced, date: '2021-04-01', replaced_by: ccg, cites: {CITE}}}]}}\n"
    )
    bodies = (
        FILES["bodies"]
        + f"""\
- id: panel
  name: Panel
  type: forum
  places: [here]
  hosted_by: [old-ccg]
  history:
    - {{status: established, date: December 2019, cites: {CITE}}}
    - {{status: continuing, date: '2023-06-09', cites: {CITE}}}
  cites: {CITE}
- id: members
  name: Members
  type: forum
  places: [here]
  hosted_by: [old-ccg]
  cites: {CITE}
"""
    )
    index, problems = check(write(tmp_path, organisations=orgs, bodies=bodies))
    assert [p for p in problems if p.code != "after_as_of"] == [], problems
    derived = derive(index, date(2023, 7, 1))
    old = derived.life["old-ccg"]
    assert (old.status, old.since, old.change) == ("replaced", date(2021, 4, 1), None)
    members = derived.life["members"]
    assert (members.status, members.since, members.host) == ("abolished", date(2021, 4, 1), "old-ccg")
    panel = derived.life["panel"]
    assert panel.in_place and (panel.status, panel.since_text) == ("established", "December 2019")
