"""Healthwatch's tools: two voices, status as at any date, rule checks, review packs."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, build_site
from govreg.build import check
from govreg.derive import derive
from govreg.export.review_pack import review_packs

MINI = FIXTURES / "mini" / "data"

REVIEWER = """
- id: healthwatch-bolton
  name: Healthwatch Bolton
  type: healthwatch
  places: [bolton]
  cites: [{source: src-healthwatch-2020, at: "1"}]
"""
REPORT = """
- id: src-healthwatch-2020
  title: Review of the pooled budget
  date: 15 June 2020
  places: [bolton]
  outline:
    - {ref: "1", title: Findings}
"""
REVIEWS = """
- id: hw-review-pool
  subject: bolton-ms-pool
  reviewer: healthwatch-bolton
  date: 15 June 2020
  verdict: missed
  summary: The pool was not in place by April 2019.
  cites: [{source: src-healthwatch-2020, at: "1"}]
"""
BODY_WITH_GAPS = """
- id: bolton-forum
  name: Bolton Forum
  type: board
  places: [bolton]
  tags: [forum-with-rules]
  seats:
    - {id: bolton-forum-seat-1, role: Leader of the Council, category: ordinary}
    - {id: bolton-forum-seat-2, role: Observer from the Director of Public Health's team, category: observer,
       member: false}
  whole_membership: {cites: [{source: src-bolton-2019-04-scf, at: "4.3"}]}
  cites: [{source: src-bolton-2019-04-scf, at: "4.3"}]
"""
RULES = """
- id: forum-rules
  name: What a forum must have
  places: [bolton]
  applies_to: {tags: [forum-with-rules]}
  requirements:
    - id: forum-req-dph
      label: Director of Public Health
      text: The forum has the Director of Public Health as a member.
      basis: policy
      categories: [ordinary]
      cites: [{source: src-bolton-2019-04-scf, at: "4.3"}]
  cites: [{source: src-bolton-2019-04-scf, at: "4.3"}]
"""
MISMATCH = """
- id: bolton-pool-odd
  title: A budget whose lines do not add up
  type: pooled
  places: [bolton]
  lines:
    - {area: Adults, value: 10.0, value_text: "£10m"}
  printed_total: {value: 12.0, text: "£12m"}
  total_mismatch_note: The paper prints £12m; its lines add up to £10m.
  cites: [{source: src-bolton-2019-04-scf, at: "3.1"}]
"""


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini register plus a Healthwatch review, a body with gaps and an odd budget."""
    data = tmp_path_factory.mktemp("review") / "data"
    shutil.copytree(MINI, data)
    (data / "reviews").mkdir()
    (data / "reviews" / "organisations.yml").write_text(REVIEWER)
    (data / "reviews" / "sources.yml").write_text(REPORT)
    (data / "reviews" / "reviews.yml").write_text(REVIEWS)
    (data / "reviews" / "bodies.yml").write_text(BODY_WITH_GAPS)
    (data / "reviews" / "rules.yml").write_text(RULES)
    (data / "reviews" / "budgets.yml").write_text(MISMATCH)
    (data / "reviews" / "figures.yml").write_text(
        "- id: odd-figure\n  title: Uses XYZQ\n  text: The XYZQ saved £1m.\n  places: [bolton]\n"
        "  cites: [{source: src-bolton-2019-04-scf, at: '3.1'}]\n"
    )
    return data


def test_two_voices_differ(reviewed: Path) -> None:
    index, problems = check(reviewed)
    assert problems == []
    derived = derive(index, date(2021, 3, 24))
    before = derived.standing_on("bolton-ms-pool", date(2020, 6, 14))
    assert before.independent is None and not before.differ
    after = derived.standing_on("bolton-ms-pool", date(2020, 6, 15))
    assert after.independent is not None and after.independent.status == "missed"
    assert after.own.status == "planned" and after.differ
    assert after.overall.status == "missed"  # the most recent evidence, whoever gave it
    assert [by for by, _ in after.reviewers] == ["healthwatch-bolton"]


def test_rules_trigger_on_the_fixture(reviewed: Path) -> None:
    index, _ = check(reviewed)
    found = {rule.id: [f.records for f in findings] for rule, findings in derive(index, date(2021, 3, 24)).findings}
    assert ("bolton-forum", "forum-rules") in found["requirement-not-met"]
    assert ("bolton-forum",) in found["no-chair"] and ("bolton-forum",) in found["no-decision-rule"]
    assert ("bolton-pool-odd",) in found["budget-total"]
    assert ("odd-figure",) in found["undefined-term"]
    assert ("bolton-ms-colocation",) in found["stale-overdue"]
    assert ("bolton-ms-pool",) not in found["stale-overdue"]  # the reviewer found it missed: closed, not stale


def test_rules_stay_quiet_on_clean_data() -> None:
    index, _ = check(MINI)
    found = {rule.id: findings for rule, findings in derive(index, date(2019, 4, 10)).findings}
    assert all(findings == () for findings in found.values()), found


def test_review_pack_csv(reviewed: Path) -> None:
    index, _ = check(reviewed)
    packs = {o.path: o.content for o in review_packs(index, derive(index, date(2021, 3, 24)))}
    text = str(packs["review-pack/bolton.csv"])
    rows = list(csv.DictReader(io.StringIO(text)))
    pool = next(r for r in rows if r["id"] == "bolton-ms-pool")
    assert pool["independent_verdict"] == "missed" and pool["own_status"] == "planned"
    assert pool["reviewer_verdict"] == "" and "reviewer_verdict" in rows[0]
    other = next(r for r in rows if r["id"] == "bolton-ms-colocation")
    assert other["independent_verdict"] == "not yet reviewed"


def test_pages_show_both_voices_and_quarter_pages(reviewed: Path, tmp_path: Path) -> None:
    site = build_site(reviewed, tmp_path / "site", "--as-of", "2021-03-24")
    page = (site / "milestones" / "bolton-ms-pool" / "index.html").read_text(encoding="utf-8")
    assert "Independent review" in page and "Missed" in page and "The voices differ" in page
    other = (site / "milestones" / "bolton-ms-colocation" / "index.html").read_text(encoding="utf-8")
    assert "Not yet reviewed" in other
    assert not (site / "as-at" / "2019-03-31").exists()  # before the earliest paper (April 2019)
    for day in ("2019-06-30", "2019-09-30", "2020-06-30", "2021-03-24"):
        assert (site / "as-at" / day / "index.html").is_file(), day
    june = (site / "as-at" / "2020-06-30" / "index.html").read_text(encoding="utf-8")
    march = (site / "as-at" / "2020-03-31" / "index.html").read_text(encoding="utf-8")
    assert "differs" in june and "differs" not in march
    assert "bolton-ms-pool" in june and "bolton-ms-pool" not in march  # only what changed that quarter
    checks = (site / "checks" / "index.html").read_text(encoding="utf-8")
    assert "Body short of a requirement that applies to it" in checks and "bolton-forum" in checks
    assert (site / "review-pack" / "bolton" / "index.html").is_file()
    assert (site / "review-pack" / "bolton.csv").is_file()
    # A budget whose lines do not add up: its page states the gap the register computed, once, and never
    # says the lines add up.
    odd = (site / "budgets" / "bolton-pool-odd" / "index.html").read_text(encoding="utf-8")
    assert "They add up to 10.0, 2.0 less than the paper prints." in odd
    assert "The lines add up to the printed total." not in odd
    assert "Lines add up to 10, the paper prints £12m." in checks


def test_real_data_is_honestly_unreviewed(real_site: Path, real_index: Any) -> None:
    """No reviewer has given a verdict in the bundled data, and no page says otherwise: every milestone and
    commitment page says it is not yet reviewed, and none shows an independent voice."""
    from govreg.urls import url_of

    assert real_index.of_kind("review") == []
    tracked = [r for k in ("milestone", "commitment") for r in real_index.of_kind(k)]
    assert len(tracked) > 50
    for rec in tracked:
        page = (real_site / url_of(real_index, rec.id).strip("/") / "index.html").read_text(encoding="utf-8")
        assert "Not yet reviewed" in page, rec.id
        assert "by an independent reviewer" not in page, rec.id
