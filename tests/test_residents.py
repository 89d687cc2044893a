"""The resident's questions: who decides here now, do they meet in public, how do I ask a question.

Built site tests read the bundled register as at its date; the browser test walks the two-click
route a resident takes from the home page.
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lhtml

from conftest import ROOT, run_cli
from govreg.derive import Derived, derive
from govreg.index import Index
from govreg.models import Budget
from govreg.urls import url_of


@pytest.fixture(scope="module")
def derived(real_index: Index, real_as_of: date) -> Derived:
    return derive(real_index, real_as_of)


def doc(site: Path, url: str) -> Any:
    return lhtml.fromstring((site / url.strip("/") / "index.html").read_text(encoding="utf-8"))


def text(el: Any) -> str:
    return re.sub(r"\s+", " ", el.text_content()).strip()


def section(page: Any, heading_id: str) -> str:
    """The text of an h2 section, up to the next h2."""
    (h2,) = page.xpath(f"//h2[@id='{heading_id}']")
    out = []
    for el in h2.itersiblings():
        if el.tag == "h2":
            break
        out.append(text(el))
    return " ".join(out)


def test_every_body_in_place_shows_what_it_is_for_and_the_participation_line(
    real_site: Path, real_index: Index, derived: Derived
) -> None:
    """On its own page (leading with what it is for) and on each of its places' pages."""
    now = [d for d in derived.deciders.values() if d.group == "now"]
    assert len(now) >= 10
    for d in now:
        page = doc(real_site, url_of(real_index, d.body))
        lead = text(page.xpath("//p[contains(@class, 'gr-lead')]")[0])
        assert lead.startswith("What it is for: " + d.decides.rstrip(".")), (d.body, lead)
        taking_part = section(page, "taking-part")
        assert f"Meets in public {d.public}" in taking_part, (d.body, taking_part)
        assert f"How to ask a question or be heard {d.heard}" in taking_part, (d.body, taking_part)
        for place in real_index.get(d.body).places:
            who = section(doc(real_site, url_of(real_index, place)), "who-decides")
            name = real_index.title(d.body)
            at = who.index(name)
            assert f"Meets in public: {d.public}" in who[at:], (place, d.body)
            assert f"How to ask a question or be heard: {d.heard}" in who[at:], (place, d.body)


def test_bodies_no_longer_in_place_are_folded_with_when_and_why(
    real_site: Path, real_index: Index, derived: Derived
) -> None:
    page = doc(real_site, url_of(real_index, "bolton"))
    (folded,) = [d for d in page.xpath("//details") if "No longer in place" in text(d.xpath("./summary")[0])]
    assert folded.get("open") is None
    ended = [b for b in derived.decide_here["bolton"] if derived.deciders[b].group == "ended"]
    assert ended and f"({len(ended)})" in text(folded.xpath("./summary")[0])
    assert "Ended 1 July 2022: abolished with NHS Bolton Clinical Commissioning Group" in text(folded)
    who = page.xpath("//h2[@id='who-decides']")[0]
    first_h2 = page.xpath("//article//h2")[0]
    assert who is first_h2, "Who decides what here, now leads the place page"


def test_pooled_budgets_name_the_body_that_oversees_them_at_the_date(
    real_site: Path, real_index: Index, derived: Derived
) -> None:
    for budget in real_index.of_kind("budget"):
        assert isinstance(budget, Budget)
        place = doc(real_site, url_of(real_index, budget.places[0]))
        lines = [li for li in place.xpath("//h2[@id='who-decides']/following::li") if budget.title in text(li)]
        assert lines, budget.id
        hrefs = [a.get("href") for a in lines[0].xpath(".//a")]
        if budget.held_by:
            assert any(h.rstrip("/").endswith(budget.held_by) for h in hrefs), (budget.id, hrefs)
            page = text(doc(real_site, url_of(real_index, budget.id)).xpath("//article")[0])
            assert "Who decides how it is spent, as at" in page and real_index.title(budget.held_by) in page
        else:
            assert "the sources read do not say which body oversees it" in text(lines[0])


def test_no_page_repeats_a_records_title_within_its_own_finding(real_site: Path, real_index: Index) -> None:
    """The Checks page prints each record once, linked, beside a finding that does not name it again."""
    page = doc(real_site, "/checks/")
    rows = page.xpath("//article//table/tbody/tr[count(td) = 2]")
    checked = 0
    for row in rows:
        records, finding = row.xpath("./td")
        for a in records.xpath(".//a"):
            title = text(a)
            if len(title) >= 8:
                checked += 1
                assert title not in text(finding), (title, text(finding))
    assert checked > 20
    data = json.loads((real_site / "data" / "register.json").read_text(encoding="utf-8"))
    for f in data["checks"]:
        assert f["message"].endswith(f["finding"])


def test_linked_from_leaves_out_what_the_page_already_lists(real_site: Path, real_index: Index) -> None:
    """Every page: no record linked from "Linked from" is also linked earlier in the article (its lead,
    facts, lists and sections), so each thing is said once."""
    checked = 0
    for rid in sorted(real_index.records):
        page = doc(real_site, url_of(real_index, rid))
        backlinks = set(page.xpath("//h2[@id='linked-from']/following-sibling::ul[1]//a/@href"))
        if not backlinks:
            continue
        checked += 1
        (article,) = page.xpath("//article")
        before = set(page.xpath("//h2[@id='linked-from']/preceding::a/@href")) & set(article.xpath(".//a/@href"))
        assert not backlinks & before, (rid, sorted(backlinks & before))
    assert checked > 50


def test_a_title_ending_mid_sentence_is_warned_and_a_plain_title_leads_its_page(
    real_site: Path, real_index: Index, tmp_path: Path
) -> None:
    rid = "bolton-scf-ms-2018-19-3"
    rec = real_index.get(rid)
    page = doc(real_site, url_of(real_index, rid))
    assert text(page.xpath("//h1")[0]).rstrip("¶") == rec.plain_title == "Begin working towards a single team"
    assert "The paper's words: “Commence working towards a single team;”" in text(page.xpath("//article")[0])
    cite = text(page.xpath("//h2[@id='cite-this']/following::pre[1]")[0])
    assert cite.startswith("Commence working towards a single team; (milestone")  # citations keep the exact words

    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "bolton" / "milestones.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("  plain_title: Begin working towards a single team\n", "")
    )
    done = run_cli("validate", "--data", str(data))
    assert done.returncode == 0, done.stderr
    line = 1 + path.read_text(encoding="utf-8").splitlines().index("  title: Commence working towards a single team;")
    assert (
        f"warning: {path}:{line}:3: milestone {rid}: title: the title ends mid-sentence" in done.stderr
        or f"bolton/milestones.yml:{line}:3: milestone {rid}: title: the title ends mid-sentence" in done.stderr
    ), done.stderr
    assert "[unfinished_title]" in done.stderr
    assert "warning:" not in run_cli("validate").stderr


def test_search_finds_how_to_ask_a_question(real_site: Path, real_index: Index, derived: Derived) -> None:
    """The search index holds each body's Taking part section under a heading with the words a resident types."""
    docs = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {d["location"]: d for d in docs}
    for d in derived.deciders.values():
        if d.group != "now" or not real_index.get(d.body).participation:
            continue
        found = by_location[url_of(real_index, d.body).lstrip("/") + "#taking-part"]
        assert "questions" in found["title"] and "public" in found["title"]
        assert "question" in found["text"].lower()


@pytest.mark.browser
@pytest.mark.parametrize("place", ["bolton", "north-west-london"])
def test_a_resident_reaches_who_decides_in_two_clicks(
    place: str, real_url: str, browser: Any, real_index: Index, derived: Derived
) -> None:
    """Home -> the place -> the body: for Bolton, the body overseeing its pooled budget; for North West
    London, the first body deciding now that says how to ask a question."""
    if place == "bolton":
        pool = next(b for b in real_index.of_kind("budget") if isinstance(b, Budget) and b.headline == "£160 million")
        target = pool.held_by
        assert target is not None
        where = f"li:has-text({pool.title!r})"
    else:
        target = next(
            b
            for b in derived.decide_here[place]
            if derived.deciders[b].group == "now" and real_index.get(b).participation
        )
        where = "dl"
    context = browser.new_context()
    page = context.new_page()
    page.goto(real_url + "/")
    clicks = 0
    page.locator("article").get_by_role("link", name=real_index.title(place), exact=True).first.click()
    clicks += 1
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith(url_of(real_index, place).rstrip("/"))
    page.locator(f"article {where}").get_by_role("link", name=real_index.title(target), exact=True).first.click()
    clicks += 1
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith(url_of(real_index, target).rstrip("/"))
    body = page.locator("article").inner_text()
    d = derived.deciders[target]
    assert "Meets in public" in body and d.public in body
    assert "How to ask a question or be heard" in body and d.heard in body
    assert clicks <= 2
    context.close()
