"""The public's first pages (issue 17): home, place maps, item citations, registers on a phone.

Tests that drive Chromium are marked `browser`; the rest read the built site's HTML.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lhtml

from conftest import ROOT
from govreg.derive import derive
from govreg.models import KINDS
from govreg.models.common import iter_models
from govreg.status import FILTER_LABELS, OPEN

# Fields whose whole value a page may not print twice: free text long enough to be a sentence.
MIN_LEN = 20
# Elements that print one value each: a value printed twice is two of these with the same text.
BLOCKS = ("h1", "h2", "h3", "h4", "p", "dd", "dt", "li", "td", "th", "blockquote", "figcaption")


@pytest.fixture(scope="module")
def index(real_index: Any) -> Any:
    return real_index


def page(site: Path, url: str) -> Any:
    path = site / url.strip("/") / "index.html" if not url.endswith(".html") else site / url.strip("/")
    return lhtml.fromstring(path.read_text(encoding="utf-8"))


def main_content(doc: Any) -> Any:
    """The article, without what deliberately repeats the record: the lead sentence, figures and
    their text equivalents, and the closing sections (sources, backlinks, Cite this)."""
    (article,) = doc.xpath("//article[contains(@class, 'md-content__inner')]")
    for el in article.xpath(
        ".//*[contains(@class, 'gr-lead')] | .//figure | .//*[local-name()='svg'] | .//*[contains(@class, 'gr-map')]"
        " | .//*[contains(@class, 'headerlink')] | .//nav[contains(@class, 'md-tags')]"
    ):
        el.getparent().remove(el)
    closing = article.xpath(".//h2[@id='sources' or @id='linked-from' or @id='cite-this']")
    if closing:
        first = closing[0]
        parent = first.getparent()
        for el in list(parent)[parent.index(first) :]:
            parent.remove(el)
    return article


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def record_texts(rec: Any) -> Counter[str]:
    """Every free-text value held anywhere in a record (its own fields and nested items), with how
    many fields hold it (a source's outline may hold the same heading in two sections)."""
    out: Counter[str] = Counter()
    for _, model in iter_models(rec):
        for name in type(model).model_fields:
            if name in ("id", "source", "at"):
                continue
            value = getattr(model, name)
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str) and len(v) >= MIN_LEN:
                    out[norm(v)] += 1
    return out


def printed_blocks(root: Any) -> Counter[str]:
    """Texts of the innermost block elements (a <p> inside a <blockquote> counts once)."""
    out: Counter[str] = Counter()
    for el in root.iter(*BLOCKS):
        text = norm(el.text_content())
        if any(norm(a.text_content()) == text for a in el.iter("a")):
            continue  # a link to another record, by its title: not this record's field
        if not any(norm(inner.text_content()) == text for inner in el.iterdescendants(*BLOCKS)):
            out[text] += 1
    return out


def test_no_field_value_is_printed_twice_on_a_record_page(real_site: Path, index: Any) -> None:
    """No field value appears twice in the main content of a record page (the lead sentence aside)."""
    twice = []
    checked = 0
    for kind in KINDS:
        for rec in index.of_kind(kind.name):
            blocks = printed_blocks(main_content(page(real_site, f"/{kind.file}/{rec.id}/")))
            for value, held in record_texts(rec).items():
                n = blocks[value]
                checked += 1
                if n > held:
                    twice.append(f"/{kind.file}/{rec.id}/: printed {n} times: {value[:70]!r}")
    assert checked > 500
    assert twice == [], "\n".join(twice)


def test_principle_introduction_is_printed_once(real_site: Path) -> None:
    doc = page(real_site, "/principles/bolton-ccg-beneficial-approaches-2021/")
    text = norm(main_content(doc).text_content())
    assert "Introduced as" not in text


def _ids(site: Path, url: str, cache: dict[str, set[str]]) -> set[str]:
    if url not in cache:
        cache[url] = set(page(site, url).xpath("//@id"))
    return cache[url]


def test_every_item_citation_resolves_to_an_outline_anchor(real_site: Path, index: Any) -> None:
    """Every cited item shows its paragraph, linked to an outline entry that exists, and a
    'Cite this item' link to its own anchor; the Cite this block lists every such anchor."""
    from govreg.render.itemcite import item_anchors

    cache: dict[str, set[str]] = {}
    problems, seen = [], 0
    for kind in KINDS:
        for rec in index.of_kind(kind.name):
            url = f"/{kind.file}/{rec.id}/"
            doc = page(real_site, url)
            expected = {aid for aid, _ in item_anchors(rec)}
            shown = set()
            for span in doc.xpath("//*[contains(@class, 'gr-item-cite')]"):
                own = span.xpath(".//a[contains(@class, 'gr-cite-item')]/@href")
                assert len(own) == 1, url
                aid = own[0].removeprefix("#")
                shown.add(aid)
                if aid not in _ids(real_site, url, cache):
                    problems.append(f"{url}: no element with id {aid}")
                for href in span.xpath(".//a[not(contains(@class, 'gr-cite-item'))]/@href"):
                    target, _, frag = href.partition("#")
                    assert target.startswith("../../sources/") and frag, href
                    src = "/sources/" + target.removeprefix("../../sources/")
                    seen += 1
                    if frag not in _ids(real_site, src, cache):
                        problems.append(f"{url}: {href} has no outline anchor")
            if shown != expected:
                problems.append(f"{url}: cited items shown {sorted(shown)}, expected {sorted(expected)}")
            listed = {
                h.removeprefix("#")
                for h in doc.xpath("//h2[@id='cite-this']/following-sibling::ul//a/@href")
                if h.startswith("#")
            }
            if listed != expected:
                problems.append(f"{url}: Cite this lists {sorted(listed)}, expected {sorted(expected)}")
    assert seen > 20
    assert problems == [], "\n".join(problems)


# ---------------------------------------------------------------- place maps and home summaries


@pytest.mark.parametrize("place", ["england", "greater-manchester", "bolton", "bury", "north-west-london"])
def test_place_page_map_links_every_body_and_lists_it(
    real_site: Path, index: Any, real_as_of: date, place: str
) -> None:
    life = derive(index, real_as_of).life
    doc = page(real_site, f"/places/{place}/")
    (svg,) = doc.xpath("//div[contains(@class, 'gr-map-draw')]/*[local-name()='svg']")
    title = svg.xpath("./*[local-name()='title']")[0]
    desc = svg.xpath("./*[local-name()='desc']")[0]
    assert title.text_content().strip() and desc.text_content().strip()
    assert svg.get("aria-labelledby") == title.get("id") and svg.get("aria-describedby") == desc.get("id")
    live = [b.id for b in index.of_kind("body") if place in b.places and life[b.id].in_place]
    box_links = [h.rstrip("/").rsplit("/", 1)[-1] for h in svg.xpath(".//*[local-name()='a']/@href")]
    (text,) = doc.xpath("//div[contains(@class, 'gr-map-text')]")
    list_links = [h.rstrip("/").rsplit("/", 1)[-1] for h in text.xpath(".//a/@href")]
    for bid in live:
        assert box_links.count(bid) == 1, f"{place}: {bid} is not one box of the map"
        assert list_links.count(bid) == 1, f"{place}: {bid} is not in the text equivalent"
    assert sorted(box_links) == sorted(list_links)
    for href in svg.xpath(".//*[local-name()='a']/@href"):
        assert (real_site / "places" / place / href / "index.html").resolve().exists(), href


WORD_KEYS = {label.lower(): key for key, label in FILTER_LABELS.items()}


def register_counts(site: Path, url: str) -> Counter[str]:
    doc = page(site, url)
    out: Counter[str] = Counter()
    for badge in doc.xpath("//div[contains(@class, 'gr-register')]//tbody//span[contains(@class, 'gr-badge')]"):
        out[next(c.removeprefix("gr-") for c in badge.get("class").split() if c != "gr-badge")] += 1
    return out


def test_place_summaries_equal_the_registers(real_site: Path, index: Any) -> None:
    doc = page(real_site, "/")
    titles = doc.xpath("//div[contains(@class, 'gr-place-list')]//*[local-name()='svg']/*[local-name()='title']")
    assert len(titles) >= 8
    checked = set()
    for t in titles:
        head, _, words = t.text_content().partition(": ")
        m = re.match(r"(\d+) (commitments?|milestones?) in (.+)$", head)
        assert m, head
        total, kind, place_name = int(m.group(1)), m.group(2).rstrip("s") + "s", m.group(3)
        (place,) = [p.id for p in index.of_kind("place") if p.title_text() == place_name]
        shown: Counter[str] = Counter()
        for n, word in re.findall(r"(\d+) ([a-z ]+?)(?:,|$)", words):
            shown[WORD_KEYS[word.strip()]] += int(n)
        expected = register_counts(real_site, f"/{kind}/place/{place}/")
        assert shown == expected, (place, kind)
        assert total == sum(expected.values())
        mine = [r for r in index.of_kind(kind.rstrip("s")) if place in r.places]
        assert total == len(mine)
        checked.add((place, kind))
    # Every place with commitments or milestones has its summary.
    for kind in ("commitments", "milestones"):
        for p in index.of_kind("place"):
            if any(p.id in r.places for r in index.of_kind(kind.rstrip("s"))):
                assert (p.id, kind) in checked


def test_home_map_counts_the_bodies_the_list_counts(real_site: Path, index: Any) -> None:
    """The places map and the list beside it give each place the same number of bodies in place."""
    doc = page(real_site, "/")
    (figure,) = doc.xpath("//figure[contains(@class, 'gr-places-map')]")
    for p in index.of_kind("place"):
        (li,) = doc.xpath(f"//div[contains(@class, 'gr-place-list')]//li[./strong/a[@href='places/{p.id}/']]")
        listed = re.match(r"[^:]+: (\d+) bod(?:y|ies) in place", li.text_content())
        assert listed, li.text_content()[:80]
        (node,) = figure.xpath(f".//*[local-name()='a'][@href='places/{p.id}/']/*[local-name()='title']")
        n = int(listed.group(1))
        assert f", {n} {'body' if n == 1 else 'bodies'} in place" in node.text_content(), (p.id, node.text_content())


def test_home_lists_every_place_nested(real_site: Path, index: Any) -> None:
    doc = page(real_site, "/")
    (lst,) = doc.xpath("//div[contains(@class, 'gr-place-list')]/ul")
    for p in index.of_kind("place"):
        (li,) = [li for li in lst.iter("li") if li.xpath(f"./strong/a[@href='places/{p.id}/']")]
        if p.part_of:
            parent = li.getparent().getparent()
            assert parent.tag == "li" and parent.xpath(f"./strong/a[@href='places/{p.part_of}/']"), p.id
        else:
            assert li.getparent() is lst
    assert not doc.xpath("//article//table"), "the home page holds no long tables"


# ---------------------------------------------------------------- in Chromium


@pytest.mark.browser
def test_home_is_under_two_screens_and_fits_a_phone(real_url: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.goto(real_url + "/")
    height = pg.evaluate("document.documentElement.scrollHeight")
    assert height < 1600, height
    context.close()
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(real_url + "/")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


VISIBLE = """el => {
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {left: r.left, right: r.right, hit: !!hit && (hit === el || el.contains(hit))};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("url", ["/commitments/", "/milestones/", "/commitments/place/north-west-london/"])
def test_register_status_is_visible_on_a_phone(real_url: str, browser: Any, url: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(real_url + url)
    badge = pg.locator(".gr-register tbody tr").first.locator(".gr-badge")
    badge.scroll_into_view_if_needed()
    box = badge.evaluate(VISIBLE)
    assert box["left"] >= 0 and box["right"] <= 390 and box["hit"], box
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    # The title comes before the id in the card.
    first = pg.locator(".gr-register tbody tr").first
    title_y = first.locator("td:nth-child(2)").bounding_box()["y"]  # type: ignore[index]
    id_y = first.locator("td:nth-child(1)").bounding_box()["y"]  # type: ignore[index]
    assert title_y < id_y
    context.close()


NEW_PAGES = ["/", "/places/bolton/", "/places/north-west-london/", "/bodies/bury-hwb/", "/commitments/",
             "/budgets/bolton-pool-2019/", "/consultations/gm-ics-engagement-response/"]  # fmt: skip


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_new_pages_have_no_axe_violations(real_url: str, browser: Any, scheme: str, width: int) -> None:
    from test_browser_axe import axe_violations, summarise

    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 844})
    pg = context.new_page()
    problems: list[str] = []
    for url in NEW_PAGES:
        pg.goto(real_url + url)
        problems += summarise(url, axe_violations(pg))
    context.close()
    assert problems == [], "\n".join(problems)


@pytest.mark.browser
def test_lighthouse_accessibility_best_practices_and_seo_are_100(real_site: Path) -> None:
    """`make audit` in the suite: accessibility, best practices and SEO asserted; performance printed."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import audit

    results = audit.audit(real_site)
    print("\n" + audit.table(results))
    low = {
        f"{name} {c}": (s[c], [f for f in s["failed"] if f.startswith(c)])  # type: ignore[union-attr]
        for name, s in results.items()
        for c in audit.ASSERTED
        if s[c] < 100
    }
    assert low == {}


@pytest.mark.browser
def test_membership_tables_are_cards_on_a_phone(real_url: str, browser: Any, index: Any) -> None:
    """At 390 px each seat is a card (role first) and the page does not scroll sideways."""
    bodies = [b.id for b in index.of_kind("body") if len(b.seats) >= 3]
    assert bodies
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    for bid in bodies[:3]:
        pg.goto(f"{real_url}/bodies/{bid}/")
        row = pg.locator(".gr-membership tbody tr").first
        assert row.evaluate("el => getComputedStyle(el).display") == "flex", bid
        assert pg.evaluate("document.documentElement.scrollWidth") <= 390, bid
    context.close()


def test_a_national_register_summarises_places_down_to_the_systems(index: Any, real_as_of: date) -> None:
    """Beyond HOME_PLACES places, the home page summarises depth 0 and 1 and names the places within."""
    from govreg.summary import place_summaries

    derived = derive(index, real_as_of)
    every = derived.place_summaries
    assert not derived.national
    assert {r.id for r in every} == {p.id for p in index.of_kind("place")}
    assert all(not r.within for r in every)
    few = place_summaries(
        index.place_tree, derived.in_place, derived.standing, derived.deciders, derived.horizons, national=True
    )
    assert [(r.id, r.depth) for r in few] == [(r.id, r.depth) for r in every if r.depth <= 1]
    (gm,) = [r for r in few if r.id == "greater-manchester"]
    assert set(gm.within) == {"bolton", "bury"}
    assert {p for r in few for p in (r.id, *r.within)} == {p.id for p in index.of_kind("place")}


# ---------------------------------------------------------------- true as at the register's date


def test_every_place_page_and_the_home_page_state_the_horizon(real_site: Path, index: Any, real_as_of: date) -> None:
    derived = derive(index, real_as_of)
    home = page(real_site, "/").text_content()
    for p in index.of_kind("place"):
        horizon = derived.horizons[p.id]
        text = " ".join(page(real_site, f"/places/{p.id}/").text_content().split())
        assert f"How far the evidence reaches: {horizon.sentence(p.title_text())}" in text, p.id
        assert f"evidence: {horizon.words()}" in " ".join(home.split()), p.id
    assert derived.horizons["bolton"].words().endswith("national changes up to 1 July 2022")


def test_nothing_is_overdue_after_its_place_horizon(real_site: Path, index: Any) -> None:
    """register.json: an overdue item fell due before its places' newest local paper; a 'not reported' one after."""
    register = json.loads((real_site / "data" / "register.json").read_text(encoding="utf-8"))
    horizons = {p: date.fromisoformat(h["local"]) for p, h in register["horizons"].items() if h["local"]}
    seen = {"overdue": 0, "not-reported": 0}
    for rid, facts in register["derived"].items():
        if facts.get("due_end") is None or "filter" not in facts:
            continue
        due_end = date.fromisoformat(facts["due_end"])
        newest = max(horizons[p] for p in index.get(rid).places if p in horizons)
        if facts["overdue"]:
            seen["overdue"] += 1
            assert due_end < newest, rid
        if facts["not_reported_since"]:
            seen["not-reported"] += 1
            assert due_end >= newest and facts["not_reported_since"] == newest.isoformat(), rid
    assert seen["overdue"], seen


def test_undated_open_items_say_how_old_their_status_is(real_site: Path, index: Any, real_as_of: date) -> None:
    derived = derive(index, real_as_of)
    undated = [r for r in derived.tracked if index.get(r).due is None and derived.standing[r].overall.status in OPEN]
    assert undated
    for rid in undated:
        st = derived.standing[rid].overall
        assert st.quiet is not None and f"no evidence since {st.quiet:%-d %B %Y}" in st.label, rid
        kind = index.records[rid].kind.file
        text = " ".join(page(real_site, f"/{kind}/{rid}/").text_content().split())
        assert f"Status as at {real_as_of:%-d %B %Y}: {st.label}" in text, rid


def test_no_page_presents_an_abolished_body_as_in_place(real_site: Path, index: Any, real_as_of: date) -> None:
    """As at 1 July 2022 every CCG is abolished, and every body a CCG alone formed ended with it."""
    derived = derive(index, real_as_of)
    ccgs = [o.id for o in index.of_kind("organisation") if o.type == "ccg"]
    assert ccgs and all(not derived.life[c].in_place for c in ccgs)
    end = date(2022, 7, 1)
    later = {  # bodies whose own evidence after the CCGs' end shows them still in place
        b.id for b in index.of_kind("body") if any((ev.date.end or ev.date.start) > end for ev in b.history)
    }
    ended = [b for b in index.of_kind("body") if b.hosted_by and set(b.hosted_by) <= set(ccgs) and b.id not in later]
    assert ended
    for b in ended:
        assert not derived.life[b.id].in_place, b.id
        text = " ".join(page(real_site, f"/bodies/{b.id}/").text_content().split())
        since = derived.life[b.id].since
        assert since is not None and since <= end, b.id  # ended with the CCGs (or their merger, before)
        assert f"Status as at {real_as_of:%-d %B %Y}: Abolished since {since:%-d %B %Y}" in text, b.id
        for place in b.places:
            doc = page(real_site, f"/places/{place}/")
            (svg,) = doc.xpath("//div[contains(@class, 'gr-map-draw')]/*[local-name()='svg']")
            boxes = [h.rstrip("/").rsplit("/", 1)[-1] for h in svg.xpath(".//*[local-name()='a']/@href")]
            assert b.id not in boxes and not set(ccgs) & set(boxes), (place, b.id)
