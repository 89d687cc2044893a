"""Rules as data: the statutory board of every integrated care board, checked in public.

The fixtures use the register's real rule set (data/england/rules.yml) and national sources, so
a change to the rules is tested here too. Boards are built in tmp_path from a list of seats.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, ROOT, run_cli
from govreg.build import check
from govreg.compliance import compliance
from govreg.derive import derive
from govreg.export.compliance_ import CSV_COLUMNS, compliance_csv
from govreg.export.csv_ import tables
from govreg.export.json_ import register_json
from govreg.index import Index
from govreg.models import RuleSet
from govreg.problems import report

MINI = FIXTURES / "mini" / "data"
ENGLAND = ROOT / "data" / "england"
RULES = "england-icb-board-rules"

ORGANISATIONS = """
- {id: nhsei, name: NHS England, type: national-nhs-body, places: [england]}
- {id: parliament, name: Parliament, type: government, places: [england]}
- {id: dhsc, name: Department of Health and Social Care, type: government, places: [england]}
- {id: healthcare-leader, name: Healthcare Leader, type: news-media, places: [england]}
- {id: test-icb, name: NHS Test Integrated Care Board, type: icb, places: [bolton]}
- {id: test-trust, name: Test NHS Foundation Trust, type: foundation-trust, places: [bolton]}
- {id: test-gp, name: Test GP Federation, type: primary-care, places: [bolton]}
- {id: test-council-2, name: Test Second Council, type: local-authority, places: [bolton]}
"""

CITE = [{"source": "src-bolton-2019-04-scf", "at": "4.3"}]

# A complete board: the statutory minimum plus NHS England policy, ten members, and a participant.
COMPLETE: list[dict[str, Any]] = [
    {"id": "t-chair", "role": "Chair", "category": "chair", "fulfils": ["icb-req-chair"], "appointed_by": "nhsei"},
    {
        "id": "t-ceo",
        "role": "Chief Executive",
        "category": "chief-executive",
        "fulfils": ["icb-req-chief-executive"],
        "appointed_by": "t-chair",
    },
    {"id": "t-dof", "role": "Director of Finance", "category": "executive", "fulfils": ["icb-req-director-of-finance"]},
    {"id": "t-md", "role": "Medical Director", "category": "executive", "fulfils": ["icb-req-medical-director"]},
    {"id": "t-don", "role": "Director of Nursing", "category": "executive", "fulfils": ["icb-req-director-of-nursing"]},
    {
        "id": "t-neds",
        "role": "Non-executive members",
        "category": "non-executive",
        "count": 2,
        "fulfils": ["icb-req-mental-health"],
    },
    {
        "id": "t-partner-trusts",
        "role": "Partner member (trusts)",
        "category": "partner",
        "nominated_by": "test-trust",
        "fulfils": ["icb-req-partner-trusts"],
    },
    {
        "id": "t-partner-gp",
        "role": "Partner member (primary care)",
        "category": "partner",
        "nominated_by": "icb-c-primary-medical",
        "fulfils": ["icb-req-partner-primary"],
    },
    {
        "id": "t-partner-la",
        "role": "Partner member (local authorities)",
        "category": "partner",
        "nominated_by": "bolton-council",
        "fulfils": ["icb-req-partner-local-authorities"],
    },
    {
        "id": "t-participant",
        "role": "Director of Public Health, local authorities",
        "category": "participant",
        "member": False,
        "voting": False,
    },
]

REQUIREMENTS = [
    "icb-req-chair",
    "icb-req-chief-executive",
    "icb-req-ordinary-members",
    "icb-req-partner-trusts",
    "icb-req-partner-primary",
    "icb-req-partner-local-authorities",
    "icb-req-mental-health",
    "icb-req-director-of-finance",
    "icb-req-medical-director",
    "icb-req-director-of-nursing",
    "icb-req-non-executives",
    "icb-req-ten-members",
]


def board(
    bid: str, seats: list[dict[str, Any]], tags: tuple[str, ...] = ("icb-board",), whole: bool = True
) -> dict[str, Any]:
    """A board; `whole`: its record cites a source saying the seats are the whole membership."""
    return {
        "id": bid,
        "name": f"Board {bid}",
        "type": "board",
        "tags": list(tags),
        "places": ["bolton"],
        "hosted_by": ["test-icb"],
        "seats": seats,
        **({"whole_membership": {"cites": CITE}} if whole else {}),
        "cites": CITE,
    }


def register(tmp_path: Path, *bodies: dict[str, Any], rules: str | None = None) -> Path:
    """The mini register plus the real national sources and rule set and the given bodies."""
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "icb").mkdir()
    shutil.copy(ENGLAND / "sources.yml", data / "icb" / "sources.yml")
    (data / "icb" / "rules.yml").write_text(rules or (ENGLAND / "rules.yml").read_text(encoding="utf-8"))
    (data / "icb" / "organisations.yml").write_text(ORGANISATIONS)
    (data / "icb" / "bodies.yml").write_text(json.dumps(list(bodies), indent=1))  # JSON is YAML, no aliases
    return data


def checked(data: Path) -> Index:
    index, problems = check(data)
    assert problems == [], report(problems)
    return index


def without(seat_id: str) -> list[dict[str, Any]]:
    """The complete board without one seat (and without links to it)."""
    return [
        {k: v for k, v in s.items() if not (k == "appointed_by" and v == seat_id)}
        for s in COMPLETE
        if s["id"] != seat_id
    ]


def not_met(index: Index, bid: str) -> set[str]:
    return {r.requirement for r in compliance(index)[bid].results if r.answer == "not-met"}


def answers(index: Index, bid: str) -> dict[str, str]:
    return {r.requirement: r.answer for r in compliance(index)[bid].results}


def findings(index: Index, rule: str) -> list[Any]:
    return next(f for r, f in derive(index, date(2022, 7, 1)).findings if r.id == rule)


def test_complete_board_meets_every_requirement(tmp_path: Path) -> None:
    index = checked(register(tmp_path, board("t-board", COMPLETE)))
    comp = compliance(index)["t-board"]
    assert [r.requirement for r in comp.results] == REQUIREMENTS
    assert comp.status == "meets" and not_met(index, "t-board") == set()
    assert comp.headline() == "Of 12 statutory and policy requirements: all 12 met"
    found = {r.requirement: r.found for r in comp.results}
    assert found["icb-req-ten-members"] == 10 and found["icb-req-ordinary-members"] == 8
    assert findings(index, "requirement-not-met") == () and findings(index, "membership-not-recorded") == ()


LOCATOR = {
    "icb-req-chair": "para 3(1)(a)",
    "icb-req-chief-executive": "para 3(1)(b)",
    "icb-req-director-of-finance": "board membership",
    "icb-req-medical-director": "board membership",
    "icb-req-director-of-nursing": "board membership",
    "icb-req-non-executives": "board membership",
    "icb-req-mental-health": "para 8",
    "icb-req-partner-trusts": "para 8",
    "icb-req-partner-primary": "para 8",
    "icb-req-partner-local-authorities": "para 8",
    "icb-req-ten-members": "board membership",
}
MISSING = [
    ("t-chair", {"icb-req-chair"}),
    ("t-ceo", {"icb-req-chief-executive"}),
    ("t-dof", {"icb-req-director-of-finance"}),
    ("t-md", {"icb-req-medical-director"}),
    ("t-don", {"icb-req-director-of-nursing"}),
    ("t-neds", {"icb-req-non-executives", "icb-req-mental-health"}),
    ("t-partner-trusts", {"icb-req-partner-trusts"}),
    ("t-partner-gp", {"icb-req-partner-primary"}),
    ("t-partner-la", {"icb-req-partner-local-authorities"}),
]


@pytest.mark.parametrize(("seat", "fails"), MISSING, ids=[m[0] for m in MISSING])
def test_board_missing_a_seat_fails_naming_requirement_and_citation(tmp_path: Path, seat: str, fails: set[str]) -> None:
    index = checked(register(tmp_path, board("t-board", without(seat))))
    # Every member counts towards the ten, so any missing member also leaves the board short of ten.
    fails = fails | {"icb-req-ten-members"}
    assert not_met(index, "t-board") == fails
    assert compliance(index)["t-board"].status == "shortfall"
    messages = [f.message for f in findings(index, "requirement-not-met") if f.records[0] == "t-board"]
    assert len(messages) == len(fails), messages
    rules = index.get(RULES)
    assert isinstance(rules, RuleSet)
    labels = {q.id: q.label for q in rules.requirements}
    for req in fails:
        hits = [m for m in messages if m.startswith(f"Board t-board: {labels[req]}: needs")]
        assert len(hits) == 1, messages
        assert LOCATOR[req] in hits[0] and ("statutory" in hits[0] or "policy" in hits[0]), hits[0]


def test_look_alike_role_text_never_satisfies_a_requirement(tmp_path: Path) -> None:
    seats = [
        *without("t-ceo"),
        # The fixture that passed the old substring check: role text that mentions a chief executive.
        {"id": "t-trust-ceo", "role": "Chief Executive of Test NHS Foundation Trust", "category": "ordinary"},
        {"id": "t-la-ceo", "role": "Chief Executive, local authorities", "category": "observer", "member": False},
        # A seat that claims the requirement but is of the wrong category.
        {
            "id": "t-claims",
            "role": "Chief Executive (partner member)",
            "category": "partner",
            "fulfils": ["icb-req-chief-executive"],
        },
    ]
    index = checked(register(tmp_path, board("t-board", seats)))
    ceo = next(r for r in compliance(index)["t-board"].results if r.requirement == "icb-req-chief-executive")
    assert ceo.answer == "not-met" and ceo.seats == ()
    assert ceo.rejected == (("t-claims", "category partner, not chief-executive"),)


def test_non_member_participant_never_counts(tmp_path: Path) -> None:
    seats = [
        *without("t-partner-la"),
        {
            "id": "t-la-participant",
            "role": "Partner member nominated by local authorities (participant)",
            "category": "participant",
            "member": False,
            "count": 5,
            "nominated_by": "bolton-council",
            "fulfils": ["icb-req-partner-local-authorities"],
        },
    ]
    index = checked(register(tmp_path, board("t-board", seats)))
    results = {r.requirement: r for r in compliance(index)["t-board"].results}
    la = results["icb-req-partner-local-authorities"]
    assert la.answer == "not-met" and la.rejected == (("t-la-participant", "not a member of the body"),)
    assert results["icb-req-ten-members"].found == 9  # five participants are not five members


def test_a_participant_marked_as_member_is_refused(tmp_path: Path) -> None:
    seats = [*COMPLETE, {"id": "t-bad", "role": "Observer", "category": "observer"}]
    _, problems = check(register(tmp_path, board("t-board", seats)))
    assert any("set member: false" in p.message and p.code == "schema" for p in problems), report(problems)


def test_at_least_two_non_executives_with_one_recorded_fails(tmp_path: Path) -> None:
    seats = [{**s, "count": 1} if s["id"] == "t-neds" else s for s in COMPLETE]
    index = checked(register(tmp_path, board("t-board", seats)))
    neds = next(r for r in compliance(index)["t-board"].results if r.requirement == "icb-req-non-executives")
    assert (neds.answer, neds.found, neds.need_text()) == ("not-met", 1, "at least 2")
    assert any(
        "At least two non-executive members: needs at least 2, found 1: the recorded seats are the whole" in f.message
        for f in findings(index, "requirement-not-met")
    )


def test_seat_ranges_count_their_lower_end_towards_at_least_and_say_so(tmp_path: Path) -> None:
    ranged = [*without("t-neds"), {"id": "t-neds", "role": "Non-executive members", "category": "non-executive"}]
    ranged[-1]["count_max"] = 4
    index = checked(register(tmp_path, board("t-board", ranged)))
    neds = next(r for r in compliance(index)["t-board"].results if r.requirement == "icb-req-non-executives")
    # 'up to 4' guarantees one seat, not two, and may provide four: the sources leave it open, even on a
    # whole membership.
    assert (neds.found, neds.most, neds.found_text(), neds.answer) == (1, 4, "1 to 4", "not-shown")
    assert "range" in neds.why
    # Above 'at most': the upper end of a range counts against it; the lower end alone can break it.
    chairs = [{**s, "count_min": 1, "count_max": 2} if s["id"] == "t-chair" else s for s in COMPLETE]
    index = checked(register(tmp_path / "c", board("t-board", chairs)))
    assert answers(index, "t-board")["icb-req-chair"] == "not-shown"
    chairs = [{**s, "count": 2} if s["id"] == "t-chair" else s for s in COMPLETE]
    index = checked(register(tmp_path / "d", board("t-board", chairs, whole=False)))
    assert answers(index, "t-board")["icb-req-chair"] == "not-met"  # two chairs recorded: shown by the sources
    _, problems = check(register(tmp_path / "x", board("t-board", [{**COMPLETE[0], "count": 2, "count_min": 1}])))
    assert any("not both" in p.message for p in problems), report(problems)


def test_board_with_no_seats_is_membership_not_recorded(tmp_path: Path) -> None:
    index = checked(register(tmp_path, board("t-empty", []), board("t-board", COMPLETE)))
    comp = compliance(index)["t-empty"]
    assert comp.status == "membership-not-recorded" and comp.met == 0
    assert comp.headline().startswith("Membership not recorded")
    assert [f.records for f in findings(index, "membership-not-recorded")] == [("t-empty", RULES)]
    assert all(f.records[0] != "t-empty" for f in findings(index, "requirement-not-met"))


def test_rule_sets_apply_by_tag_only(tmp_path: Path) -> None:
    unlinked = [
        {**{k: v for k, v in s.items() if k not in ("fulfils", "appointed_by")}, "id": "u-" + s["id"]} for s in COMPLETE
    ]
    index = checked(register(tmp_path, board("t-untagged", unlinked, tags=()), board("t-board", COMPLETE)))
    assert set(compliance(index)) == {"t-board"}


def test_links_are_validated(tmp_path: Path) -> None:
    seats = [
        {**COMPLETE[0], "fulfils": ["icb-req-nonesuch"]},
        {**COMPLETE[1], "nominated_by": "nobody-at-all"},
    ]
    other = board("t-other", [{"id": "t-other-chair", "role": "Chair", "fulfils": ["icb-req-chair"]}], tags=())
    _, problems = check(register(tmp_path, board("t-board", seats), other))
    text = report(problems)
    assert "seats[0].fulfils[0]: no rule-set requirement with id 'icb-req-nonesuch'" in text
    assert "seats[1].nominated_by: no organisation, body, constituency with id 'nobody-at-all'" in text
    assert "which does not apply to this body" in text


def test_rule_set_round_trips_through_json_and_csv(tmp_path: Path) -> None:
    index = checked(register(tmp_path, board("t-board", COMPLETE)))
    original = index.get(RULES)
    assert isinstance(original, RuleSet)
    data = json.loads(register_json(index, derive(index, date(2022, 7, 1))))
    (record,) = [r for r in data["records"]["rules"] if r["id"] == RULES]
    assert RuleSet.model_validate(record, strict=False) == original

    by_name = {t.name: t for t in tables(index)}
    rows: dict[str, list[dict[str, str]]] = {}
    for name in ("rules", "rules-requirements", "rules-constituencies", "rules-readings"):
        table = by_name[name]
        rows[name] = [{c.name: _cell(c.get(row)) for c in table.columns} for row in table.rows]
    (top,) = [r for r in rows["rules"] if r["id"] == RULES]

    def split(text: str) -> list[str]:
        return text.split("; ") if text else []

    def cites(text: str) -> list[dict[str, str]]:
        return [dict(zip(("source", "at"), c.split(" at ", 1), strict=True)) for c in split(text)]

    def clean(d: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in d.items() if v not in ("", None, [])}

    rebuilt = clean(
        {
            "id": top["id"],
            "name": top["name"],
            "summary": top["summary"],
            "note": top["note"],
            "places": split(top["places"]),
            "applies_to": clean(
                {
                    "tags": split(top["applies_to_tags"]),
                    "body_types": split(top["applies_to_body_types"]),
                    "hosted_by_types": split(top["applies_to_hosted_by_types"]),
                }
            ),
            "in_force": top["in_force"],
            "constituencies": [
                clean(
                    {
                        "id": c["id"],
                        "label": c["label"],
                        "organisation_types": split(c["organisation_types"]),
                        "seat_categories": split(c["seat_categories"]),
                        "note": c["note"],
                    }
                )
                for c in rows["rules-constituencies"]
                if c["rule_set_id"] == RULES
            ],
            "requirements": [
                clean(
                    {
                        "id": q["id"],
                        "label": q["label"],
                        "text": q["text"],
                        "basis": q["basis"],
                        "categories": split(q["categories"]),
                        "match": q["match"],
                        "min": int(q["min"]),
                        "max": int(q["max"]) if q["max"] else None,
                        "nominated_by": q["nominated_by"],
                        "appointed_by": q["appointed_by"],
                        "note": q["note"],
                        "cites": cites(q["cites"]),
                    }
                )
                for q in rows["rules-requirements"]
                if q["rule_set_id"] == RULES
            ],
            "readings": [
                {"field": r["field"], "note": r["note"]} for r in rows["rules-readings"] if r["rule_set_id"] == RULES
            ],
            "cites": cites(top["cites"]),
        }
    )
    assert RuleSet.model_validate(rebuilt, strict=False) == original


def _cell(value: Any) -> str:
    from govreg.export.csv_ import cell

    return cell(value)


def test_findings_are_in_register_json_and_compliance_csv(tmp_path: Path) -> None:
    index = checked(register(tmp_path, board("t-board", without("t-md")), board("t-empty", [])))
    data = json.loads(register_json(index, derive(index, date(2022, 7, 1))))
    by_body = {c["body"]: c for c in data["compliance"]}
    assert by_body["t-board"]["status"] == "shortfall" and by_body["t-board"]["met"] == 10
    md = next(r for r in by_body["t-board"]["results"] if r["requirement"] == "icb-req-medical-director")
    assert md["answer"] == "not-met" and md["seats"] == [] and md["cites"][0]["at"] == "board membership"
    assert by_body["t-empty"]["status"] == "membership-not-recorded"
    rows = list(csv.DictReader(io.StringIO(str(compliance_csv(index, derive(index, date(2022, 7, 1))).content))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 2 * len(REQUIREMENTS)
    row = next(r for r in rows if r["body_id"] == "t-board" and r["requirement_id"] == "icb-req-medical-director")
    assert (row["answer"], row["found"], row["cites"]) == (
        "not-met",
        "0",
        "src-nhse-2021-06-ics-design-framework at board membership",
    )
    assert {r["status"] for r in rows if r["body_id"] == "t-empty"} == {"membership-not-recorded"}


def test_validate_warns_of_records_dated_after_the_as_of_date(tmp_path: Path) -> None:
    data = register(tmp_path, board("t-board", COMPLETE))
    done = run_cli("validate", "--data", str(data), "--as-of", "2022-06-29")
    assert done.returncode == 0, done.stderr
    warned = [x for x in done.stderr.splitlines() if x.startswith("warning:")]
    assert any("src-si-2022-734: date: dated '30 June 2022', after the as-of date 2022-06-29" in x for x in warned)
    assert all(x.endswith("[after_as_of]") for x in warned)
    quiet = run_cli("validate", "--data", str(data), "--as-of", "2022-07-01")
    assert quiet.returncode == 0 and "warning:" not in quiet.stderr


def test_the_real_board_from_the_papers_is_checked() -> None:
    index = checked(ROOT / "data")
    comp = compliance(index)["england-ics-board-option-2"]
    # The paper prints a minimum board, not the whole membership: what it leaves out is not shown, not missing.
    assert comp.status == "not-shown"
    assert comp.headline() == "Of 12 statutory and policy requirements: 3 met, 9 not shown by the sources"


def test_synthetic_register_checks_every_board_at_scale(tmp_path: Path) -> None:
    from collections import Counter

    from benchmarks.synth import ICB_INCOMPLETE_RATE, ICB_UNRECORDED_RATE, write

    write(tmp_path / "synth", 42)
    index = checked(tmp_path / "synth")
    results = compliance(index)
    assert len(results) == 42 and all(bid.endswith("-icb-board") for bid in results)
    statuses = Counter(c.status for c in results.values())
    assert set(statuses) == {"meets", "shortfall", "membership-not-recorded"}
    assert abs(statuses["membership-not-recorded"] / 42 - ICB_UNRECORDED_RATE) < 0.1
    assert abs(statuses["shortfall"] / 42 - ICB_INCOMPLETE_RATE) < 0.15
    # As at the date, only boards in place are checked, and a proposed or shadow board is compared, not counted.
    derived = derive(index, date(2022, 7, 1))
    counted = [c for c in derived.compliance.values() if not c.comparison]
    assert len(findings(index, "membership-not-recorded")) == sum(
        c.status == "membership-not-recorded" for c in counted
    )
    assert len(counted) < len(results)  # the synthetic register has a board not yet established at the date


def test_checks_are_as_at_a_date_ended_boards_are_not_short_and_proposals_are_compared(tmp_path: Path) -> None:
    """A board that ended before the date is not checked; a proposed one is compared, never counted as a breach;
    a rule set not yet in force at the date applies to nothing."""
    short = without("t-chair")

    def history(*events: tuple[str, str]) -> list[dict[str, Any]]:
        return [{"status": s, "date": d, "cites": CITE} for s, d in events]

    def seats(prefix: str) -> list[dict[str, Any]]:
        """The short board's seats with ids of their own (seat ids are unique across the register)."""
        ids = {x["id"] for x in short}
        return [
            {k: (f"{prefix}-{v}" if k in ("id", "appointed_by") and v in ids else v) for k, v in x.items()}
            for x in short
        ]

    ended = board("t-ended", seats("e")) | {
        "history": history(("established", "2022-07-01"), ("abolished", "2022-12-31"))
    }
    proposed = board("t-proposed", seats("p")) | {"history": history(("proposed", "2022-06-01"))}
    live = board("t-live", short) | {"history": history(("established", "2022-07-01"))}
    index = checked(register(tmp_path, ended, proposed, live))
    later = derive(index, date(2023, 6, 30))
    assert "t-ended" not in later.compliance  # ended before the date: not checked at all
    assert later.compliance["t-proposed"].comparison and not later.compliance["t-live"].comparison
    assert later.compliance["t-proposed"].headline().startswith("A comparison, not a check (the body is proposed)")
    short_bodies = {f.records[0] for r, fs in later.findings if r.id == "requirement-not-met" for f in fs}
    assert short_bodies == {"t-live"}
    # While it was in place, the ended board was checked like any other.
    during = derive(index, date(2022, 9, 30))
    assert {f.records[0] for r, fs in during.findings if r.id == "requirement-not-met" for f in fs} == {
        "t-ended",
        "t-live",
    }
    # Before the rule set came into force (1 July 2022), it applies to no board.
    assert derive(index, date(2022, 6, 30)).compliance == {}


def test_three_answers_met_not_met_and_not_shown_are_counted_apart_everywhere(tmp_path: Path) -> None:
    """A board whose sources do not list its whole membership: a requirement no recorded seat fulfils is
    'not shown by the sources', never 'not met'; two chairs recorded are more than the law allows, which
    the sources do show. Panel, Checks page, register.json and compliance.csv say the same."""
    from govreg.build import generate

    seats = [{**s, "count": 2} if s["id"] == "t-chair" else s for s in without("t-md")]
    seats.append({"id": "t-extra", "role": "Ordinary member", "category": "ordinary"})  # keeps the ten
    index = checked(register(tmp_path, board("t-board", seats, whole=False) | {"unitary_board": {"cites": CITE}}))
    comp = compliance(index)["t-board"]
    got = answers(index, "t-board")
    assert got["icb-req-chair"] == "not-met" and got["icb-req-medical-director"] == "not-shown"
    assert {a for r, a in got.items() if r not in ("icb-req-chair", "icb-req-medical-director")} == {"met"}
    assert (comp.met, comp.not_met, comp.not_shown, comp.status) == (10, 1, 1, "shortfall")
    headline = "Of 12 statutory and policy requirements: 10 met, 1 not met, 1 not shown by the sources"
    assert comp.headline() == headline

    result = generate(tmp_path / "data", date(2022, 7, 1))
    assert result.problems == []
    files = {o.path: str(o.content) for o in result.outputs}
    page = next(text for path, text in files.items() if path.endswith("t-board.md") or "/t-board/" in path)
    assert headline in page
    assert (
        "| Medical director | at least 1 | 0 | Not shown by the sources: the sources read do not list the whole" in page
    )
    assert "| Chair | 1 | 2 | Not met: more than 1 recorded |" in page
    assert "No source read lists the whole membership" in page
    assert "It meets as a unitary board: its members are collectively accountable for its decisions" in page
    checks = files["checks.md"]
    assert headline in checks
    short = [f for f in findings(index, "requirement-not-met") if f.records[0] == "t-board"]
    open_ = [f for f in findings(index, "requirement-not-shown") if f.records[0] == "t-board"]
    assert [f.message.split(": ")[1] for f in short] == ["Chair"]
    assert len(open_) == 1 and "Medical director (needs at least 1, found 0)" in open_[0].message
    assert "Medical director" not in " ".join(f.message for f in short)

    data = json.loads(files["data/register.json"])
    (mine,) = [c for c in data["compliance"] if c["body"] == "t-board"]
    assert (mine["met"], mine["not_met"], mine["not_shown"], mine["headline"]) == (10, 1, 1, headline)
    assert {r["requirement"]: r["answer"] for r in mine["results"]} == got
    rows = list(csv.DictReader(io.StringIO(files["data/compliance.csv"])))
    assert {r["requirement_id"]: r["answer"] for r in rows if r["body_id"] == "t-board"} == got


def test_joint_nomination_counts_only_when_every_nominator_is_of_the_required_kind(tmp_path: Path) -> None:
    def joint(*who: str) -> list[dict[str, Any]]:
        return [{**s, "nominated_by": list(who)} if s["id"] == "t-partner-la" else s for s in COMPLETE]

    index = checked(register(tmp_path / "a", board("t-board", joint("bolton-council", "test-council-2"))))
    assert answers(index, "t-board")["icb-req-partner-local-authorities"] == "met"
    index = checked(register(tmp_path / "b", board("t-board", joint("bolton-council", "test-trust"))))
    la = next(r for r in compliance(index)["t-board"].results if r.requirement == "icb-req-partner-local-authorities")
    assert la.answer == "not-met" and la.rejected == (
        (
            "t-partner-la",
            "jointly nominated, but Test NHS Foundation Trust is not one of local authorities whose "
            "area coincides with or includes any part of the board's area",
        ),
    )
    _, problems = check(register(tmp_path / "c", board("t-board", joint("bolton-council", "nobody-at-all"))))
    assert "seats[8].nominated_by[1]: no organisation, body, constituency with id 'nobody-at-all'" in report(problems)
