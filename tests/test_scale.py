"""Pages grow with the records, not with their square: checked on small synthetic registers.

Why: at 42 systems the trace pages once listed every item against every later paper in the
country (40 MB of the 67 MB of Markdown, pages up to 353 KB). These tests hold the rules that
keep each page about its own place, and hold the seed site's pages to the same meaning.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from benchmarks.synth import write
from govreg.build import Result, generate
from govreg.index import Index
from govreg.models import Place
from govreg.trace import sources_in_order
from govreg.urls import trace_page

AS_OF = date(2021, 3, 24)  # the benchmark's as-of date (benchmarks/run.py)
LINKED_SOURCE = re.compile(r"\]\(\.\./sources/([^)#]+)\.md")


def pages(result: Result) -> dict[str, str]:
    return {o.path: o.content for o in result.outputs if o.path.endswith(".md") and isinstance(o.content, str)}


@pytest.fixture(scope="module")
def two_systems(tmp_path_factory: pytest.TempPathFactory) -> Result:
    data = tmp_path_factory.mktemp("synth2") / "data"
    write(data, 2)
    result = generate(data, AS_OF)
    assert not result.problems
    return result


def system_of(index: Index, place: str) -> str | None:
    """The place's integrated care system (the place just below the nation), or None for the nation."""
    chain = [place]
    while True:
        parent = index.get(chain[-1])
        assert isinstance(parent, Place)
        if parent.part_of is None:
            break
        chain.append(parent.part_of)
    return chain[-2] if len(chain) > 1 else None


def test_a_trace_page_names_only_papers_about_its_own_system_or_the_nation(two_systems: Result) -> None:
    """A paper's trace page names later papers of its own system and national ones; papers about
    another system, not read against it and silent on its items, are only counted."""
    index = two_systems.index
    assert index is not None
    written = pages(two_systems)
    systems = {sid: {system_of(index, p) for p in src.places} for sid, src in index.sources().items()}
    checked = 0
    for src in sources_in_order(index):
        page = written.get(trace_page(src.id))
        if page is None:
            continue
        mine = systems[src.id] - {None}
        if not mine:
            continue  # a national paper: every later paper is about a place within it
        named = set(LINKED_SOURCE.findall(page)) - {src.id}
        foreign = {sid for sid in named if systems[sid] - {None} and not systems[sid] & mine}
        assert not foreign, f"{trace_page(src.id)} names papers about other systems: {sorted(foreign)}"
        checked += 1
    assert checked >= 10
    assert any("about other places have not been read against this paper" in p for p in written.values())


def test_every_trace_page_of_the_seed_site_names_every_later_paper(real_index: Index) -> None:
    """At seed size no paper is left out: each trace page names every later paper once at least,
    as read against it or not (the seed's places all lie in one nation). Papers are the sources whose
    text the register holds; later web pages are named where they speak to an item."""
    result = generate(Path(__file__).resolve().parents[1] / "data", AS_OF)
    written = pages(result)
    ordered = [s.id for s in sources_in_order(real_index) if s.text_held]
    checked = 0
    for i, sid in enumerate(ordered):
        page = written.get(trace_page(sid))
        if page is None:
            continue
        assert set(ordered[i + 1 :]) <= set(LINKED_SOURCE.findall(page)), trace_page(sid)
        checked += 1
    assert checked >= 5


def test_a_national_register_lists_places_not_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond HOME_PLACES places, the whole milestones and commitments registers list the places
    (down to the systems, naming the places within) instead of every item; every item is on a
    place page the register links to, with the count the register gives."""
    import govreg.summary as summary_module

    data = tmp_path / "data"
    write(data, 2)
    monkeypatch.setattr(summary_module, "HOME_PLACES", 5)  # 2 systems have about 15 places
    result = generate(data, AS_OF)
    assert not result.problems and result.index is not None and result.derived is not None
    index, written = result.index, pages(result)
    place_link = re.compile(r"\[(?:[^\]]*\\\((\d+)\\\)|(\d+))\]\(place/([^)]+)\.md\)")
    for kind, folder in (("milestone", "milestones"), ("commitment", "commitments")):
        register = written[f"{folder}/index.md"]
        assert "## By place" in register and "Places within" in register
        items = {rid for rid in result.derived.tracked if index.kind_of(rid) == kind}
        listed = sorted(rid for rid in items if f"`{rid}`" in register)
        assert not listed, f"{folder}/index.md lists items: {listed[:5]}"
        counts = {place: int(a or b) for a, b, place in place_link.findall(register)}
        assert len(counts) > 5
        assert len(re.findall(r"^\| \[", register, re.MULTILINE)) <= 3, (
            "a row per system (and the nation), not per place"
        )
        reached: set[str] = set()
        for place, n in counts.items():
            mine = {rid for rid in items if f"`{rid}`" in written[f"{folder}/place/{place}.md"]}
            assert len(mine) == n, (folder, place)
            reached |= mine
        assert reached == items, f"items on no linked place page: {sorted(items - reached)[:5]}"


def test_a_national_downloads_page_lists_each_place_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond HOME_PLACES places, the Downloads page gives each place one row with its files linked
    and sized; every listed file is still linked, with its size, and no description is repeated."""
    import govreg.summary as summary_module

    data = tmp_path / "data"
    write(data, 2)
    monkeypatch.setattr(summary_module, "HOME_PLACES", 5)
    result = generate(data, AS_OF)
    assert not result.problems and result.index is not None
    page = pages(result)["downloads.md"]
    listed = [o for o in result.outputs if o.listed]
    plain = page.replace("\\", "")  # Markdown escapes in link targets
    for o in listed:
        at = plain.find(f"]({o.path})")
        assert at >= 0 and f"{o.size:,} bytes" in plain[at : at + 100], o.path
    assert "## Each place's files" in page
    rows = re.findall(r"^\| \[.*$", page.partition("## Each place's files")[2], re.MULTILINE)
    places = {o.path.split("/")[1].split(".")[0] for o in listed if o.path.startswith(("places/", "review-pack/"))}
    assert len(rows) == len(places)
    assert not [o.description for o in listed if o.path.startswith("places/") and o.description in page]
