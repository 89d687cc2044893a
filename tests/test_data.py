"""Content checks over the real register data: the five seed papers as complete, cited data.

Why: the validator proves the data is well formed; these tests prove it is faithful to the
papers. Every fact is cited to a paragraph that exists, every list is recorded whole (item
counts taken from the papers, kept in tests/data/counts/), budgets add up, every
abbreviation is explained, nothing is left unlinked, quoted wording occurs in the paper, and
no status is backed by a paper written after it. No site build is needed.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from govreg.abbr import (
    NOT_ABBREVIATIONS,
    abbreviations_in,
    abbreviations_used,
    is_ordinary_word,
    ordinary_words,
    undefined_abbreviations,
)
from govreg.build import check
from govreg.index import Index
from govreg.models import (
    Body,
    Budget,
    Commitment,
    Consultation,
    Decision,
    Milestone,
    OptionSet,
    PrincipleSet,
    Record,
    Source,
)
from govreg.models.common import Citation, iter_models, iter_refs
from govreg.problems import report
from govreg.yamlio import read_yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
COUNTS = ROOT / "tests" / "data" / "counts"
SEEDS = ROOT.parent / "shared" / "seeds"

UNCITED_KINDS = {"place", "theme", "term"}
"""Kinds that explain rather than assert, so they need no citation. Sources are the
evidence itself: instead of citing, each must name its text file and outline."""

COUNT_FIELDS = ("items", "seats", "lines", "options", "questions", "functions")
"""The list fields a counts entry may name (for decisions the recommendations are `items`)."""

LIST_KINDS = (PrincipleSet, Budget, OptionSet, Consultation, Decision)
"""Kinds whose whole point is a list: every record of these kinds needs a counts entry."""


# ---------------------------------------------------------------- loading


@pytest.fixture(scope="module")
def index() -> Index:
    """The real register, loaded and checked once for this module."""
    idx, problems = check(DATA)
    assert not problems, report(problems)
    return idx


def records(index: Index) -> Iterator[Record]:
    for loaded in index.records.values():
        yield loaded.record


def citations(record: Record) -> list[Citation]:
    """Every citation anywhere in a record: its own, its items', its updates'."""
    return [m for _, m in iter_models(record) if isinstance(m, Citation)]


def load_counts() -> dict[str, dict[str, int]]:
    """All counts files merged; duplicate ids across or within files are errors."""
    merged: dict[str, dict[str, int]] = {}
    where: dict[str, str] = {}
    for path in sorted(COUNTS.glob("*.yml")):
        doc, problems = read_yaml(path, path.name)
        assert doc is not None and not problems, report(problems)
        assert isinstance(doc.data, dict), f"{path.name}: expected a mapping of record id to counts"
        for rid, counts in doc.data.items():
            assert rid not in merged, f"{rid} is counted in both {where[rid]} and {path.name}"
            assert isinstance(counts, dict) and counts, f"{path.name}: {rid}: expected {{field: N}}"
            merged[rid] = counts
            where[rid] = path.name
    return merged


def test_data_loads_without_problems(index: Index) -> None:
    assert len(index.records) > 300, "the real register should hold the five papers' records"


# ---------------------------------------------------------------- 1. citations


def test_every_record_cites_a_source(index: Index) -> None:
    uncited = [
        f"{index.kind_of(r.id)} {r.id}"
        for r in records(index)
        if index.kind_of(r.id) not in UNCITED_KINDS | {"source"} and not getattr(r, "cites", None)
    ]
    assert not uncited, "records without a citation:\n" + "\n".join(uncited)


def test_every_source_names_its_paper_and_outline(index: Index) -> None:
    sources = index.sources()
    held = {sid for sid, s in sources.items() if s.text_held}
    assert len(held) == 6, sorted(held)
    for source in sources.values():
        assert source.outline, f"{source.id} has no outline"
        if not source.text_held:
            # Legislation and national policy: no text in the repository, so no seed file; the record
            # says where the text is, or why not, and marks its outline as the register's own wording.
            assert source.file is None, f"{source.id}: a source whose text is not held names a file"
            assert source.url or "no text" in (source.note or ""), f"{source.id}: say where its text is"
            assert "own wording" in (source.note or "") + (source.summary or ""), f"{source.id}: mark own wording"
            continue
        assert source.file, f"{source.id} names no text file"
        if SEEDS.is_dir():
            assert (SEEDS / source.file).is_file(), f"{source.id}: no seed file {source.file}"


# ---------------------------------------------------------------- 2. whole lists


def test_counts_files_name_known_fields_and_records(index: Index) -> None:
    counts = load_counts()
    bad: list[str] = []
    for rid, fields in counts.items():
        if rid not in index.records:
            bad.append(f"{rid}: no such record")
            continue
        for name, value in fields.items():
            if name not in COUNT_FIELDS:
                bad.append(f"{rid}: unknown field {name!r} (use one of {', '.join(COUNT_FIELDS)})")
            elif not isinstance(value, int) or isinstance(value, bool) or value < 0:
                bad.append(f"{rid}: {name}: {value!r} is not a count")
            elif not hasattr(index.get(rid), name):
                bad.append(f"{rid}: a {index.kind_of(rid)} has no field {name!r}")
    assert not bad, "\n".join(bad)


def from_later_evidence(index: Index, cites: list[Citation]) -> bool:
    """Cited only to sources whose text the register does not hold (web pages, legislation): no paper to count."""
    sources = index.sources()
    return bool(cites) and all(not sources[c.source].text_held for c in cites)


def test_every_list_record_has_a_count(index: Index) -> None:
    """A new list cannot skip the completeness check: it must be counted from its paper.

    Records drawn only from later public evidence (web pages) are exempt: they record what a page printed, not a
    paper's whole list, and each item cites the passage it rests on."""
    counts = load_counts()
    missing = [
        f"{index.kind_of(r.id)} {r.id}"
        for r in records(index)
        if r.id not in counts
        and (isinstance(r, LIST_KINDS) or (isinstance(r, Body) and (r.seats or r.functions)))
        and not from_later_evidence(index, list(getattr(r, "cites", [])))
    ]
    assert not missing, "list records with no entry in tests/data/counts/*.yml:\n" + "\n".join(missing)


def test_lists_are_recorded_whole(index: Index) -> None:
    counts = load_counts()

    def from_papers(rid: str, name: str) -> int:
        """Items of a list drawn from its paper: those added from later evidence cite it, and are not counted."""
        items = getattr(index.get(rid), name, None) or []
        return sum(not from_later_evidence(index, list(getattr(x, "cites", []) or [])) for x in items)

    wrong = [
        f"{rid}: {name}: the paper has {expected}, the data has {from_papers(rid, name)}"
        for rid, fields in counts.items()
        if rid in index.records
        for name, expected in fields.items()
        if name in COUNT_FIELDS and from_papers(rid, name) != expected
    ]
    assert sum(len(f) for f in counts.values()) > 150
    assert not wrong, "\n".join(wrong)


# ---------------------------------------------------------------- 3. budgets

AMOUNT = re.compile(r"\d+(?:\.\d+)?")


def test_budget_values_match_their_printed_text(index: Index) -> None:
    """A value typed in by hand must be the figure printed beside it."""
    for budget in records(index):
        if not isinstance(budget, Budget):
            continue
        printed = [(line.value, line.value_text) for line in budget.lines]
        if budget.printed_total:
            printed.append((budget.printed_total.value, budget.printed_total.text))
        for value, text in printed:
            found = AMOUNT.search(text.replace(",", ""))
            if value is None:
                assert found is None, f"{budget.id}: {text!r} prints a figure but value is empty"
            else:
                assert found and float(found.group()) == value, f"{budget.id}: value {value} but printed {text!r}"


# ---------------------------------------------------------------- 4. abbreviations


def test_every_abbreviation_has_a_glossary_entry(index: Index) -> None:
    """The register's own rule (the Checks page's undefined-abbreviation) finds nothing, and the
    allow-list holds only what the ordinary-word rule cannot tell."""
    seen = abbreviations_used(index)
    assert {"CCG", "NHSE/I", "H&WB", "COVID-19", "ICB", "ICP"} <= seen, "the scan should see the abbreviations"
    missing = undefined_abbreviations(index)
    assert not missing, "abbreviations with no glossary term or variant:\n" + "\n".join(
        f"{token}: {', '.join(sorted(where)[:5])}" for token, where in sorted(missing.items())
    )
    words = ordinary_words(index)
    unused = sorted(t for t in NOT_ABBREVIATIONS if t not in seen or is_ordinary_word(t, words))
    assert not unused, f"allow-listed words no longer needed (remove them): {unused}"


def test_ordinary_words_in_capitals_are_not_abbreviations_but_real_ones_are(tmp_path: Path) -> None:
    """'NOT' in a note is the word 'not' in capitals; an unknown abbreviation is still reported, two-letter
    tokens stay strict, and so does a capitalised token whose word the register never writes small."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "mini" / "data", data)
    path = data / "bolton" / "organisations.yml"
    note = "  note: This is NOT a body of the QZX; the IT lead and the ZORBLE team were not named.\n"
    path.write_text(path.read_text(encoding="utf-8").replace("  places: [bolton]\n", "  places: [bolton]\n" + note, 1))
    index, problems = check(data)
    assert problems == [], report(problems)
    assert sorted(undefined_abbreviations(index)) == ["IT", "QZX", "ZORBLE"]


def test_abbreviation_scan_finds_what_it_should() -> None:
    found = list(abbreviations_in("The CCGs, NHSE/I and H&WB met on COVID-19; GP-led, Q1 and NW London", ["NW London"]))
    assert found == ["CCGs", "NHSE/I", "H&WB", "COVID-19", "GP"]


# ---------------------------------------------------------------- 5. orphans

ORPHANS_ALLOWED = {
    # organisations named in passing, in no relation the papers state
    "bury-lmc": "named only as a source of senior clinical leadership the proposed Senate should reflect (13e)",
    "bury-lpc": "named only as a source of senior clinical leadership the proposed Senate should reflect (13e)",
    "bury-loc": "named only as a source of senior clinical leadership the proposed Senate should reflect (13e)",
    "cqc": "named only as the source of recommendations to nursing and care homes (Bolton 2021, 2.5)",
    "nesta": "named only as having informed Bolton's neighbourhood model (2018, 5.6)",
    "nwl-london-ambulance-service": "named only as a service to commission at North West London level (3)",
    "nwl-londonwide-lmcs": "named only in a responsibility, 'Londonwide LMCs engagement' (3)",
    # bodies the papers describe without a host, reporting line or members
    "bury-idb": "proposed; 'could be an extension of the current LCO Board' (13c); no host or reporting line",
    "bury-integrated-neighbourhood-teams": "staff 'under single management arrangements', employers unnamed (6)",
    "england-ics-board-option-1": "a national model in the NHSEI document; no members or host organisation named (3.1)",
    "england-ics-board-option-2": "a national model in the NHSEI document; its seats name no organisation (3.2)",
    "gm-place-based-system-boards": "a kind of board in each locality, not named or attached to anyone (GM 4.4 Q1)",
    "nwl-committee-in-common": "named only inside one example model for primary care teams (3)",
    "nwl-primary-care-commissioning-committees": "named only inside one example model for primary care teams (3)",
    "nwl-hwbs": "the single CCG would only 'attend' them (6); their councils are not named",
    "nwl-icp": "phased development described (8.a) but no host, members or reporting line",
    "nwl-pcns": "the 24 June workshop agreed there 'will not be a hierarchical relationship' with them (8.c)",
    "nwl-patient-participation-groups": "the CCGs will 'work with GPs and Healthwatch' on them (6): no structure",
}
"""Places, organisations and bodies with no link, and why no paper supports one."""


def is_linked(index: Index, record: Record) -> bool:
    """Something refers to it, or (organisations and bodies) it refers to an organisation or body.

    Why the second case: a body `hosted_by` an organisation is listed on that organisation's
    page ('referred to by'), so it is reachable from the graph, not an orphan.
    """
    if any(link.source != record.id for link in index.backlinks.get(record.id, [])):
        return True
    if index.kind_of(record.id) == "place":
        return False
    return any(
        target != record.id and index.kind_of(target) in {"organisation", "body"} for _, target, _ in iter_refs(record)
    )


def test_no_orphan_places_organisations_or_bodies(index: Index) -> None:
    candidates = [r for r in records(index) if index.kind_of(r.id) in {"place", "organisation", "body"}]
    orphans = {r.id for r in candidates if not is_linked(index, r)}
    unexplained = sorted(orphans - set(ORPHANS_ALLOWED))
    assert not unexplained, "records nothing links to (add a link the paper supports, or allow-list):\n" + "\n".join(
        f"{index.kind_of(rid)} {rid}" for rid in unexplained
    )
    stale = sorted(set(ORPHANS_ALLOWED) - orphans)
    assert not stale, f"allow-listed records that are now linked (remove them from ORPHANS_ALLOWED): {stale}"


def test_every_source_publisher_and_meeting_body_is_a_record(index: Index) -> None:
    for source in index.sources().values():
        assert source.publishers, f"{source.id} names no publisher"
        for meeting in source.meetings:
            assert meeting.body_id, f"{source.id}: meeting {meeting.body!r} has no body record"


# ---------------------------------------------------------------- 6. exact wording

QUOTES = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‛": "'", "–": "-", "—": "-", "‑": "-", "\u00a0": " "}
)
FOOTNOTE_MARKS = re.compile("[\u00b9\u00b2\u00b3\u2070-\u2079]")
LEADING_BULLET = re.compile(r"^(?:[-*•o✓]|\d+[.)]|\(?[a-z]\))\s+")
ELISION = re.compile(r"\s*(?:…|\.\.\.)\s*")

DERIVED_WORDING = {
    "bolton-csb-seat-ccg": "CCG, LMC, Bolton FT and GMMH FT members",
    "bolton-csb-seat-lmc": "CCG, LMC, Bolton FT and GMMH FT members",
    "bolton-csb-seat-bolton-ft": "CCG, LMC, Bolton FT and GMMH FT members",
}
"""Texts the editor derived from one printed phrase (here: one seat per member organisation of
the Clinical Standards Board). The phrase must be in the paper and quoted in the record's note."""


def normalise(text: str) -> str:
    """Same quotes, dashes and spaces everywhere; no markdown bold or footnote markers."""
    text = FOOTNOTE_MARKS.sub("", text.translate(QUOTES)).replace("**", "")
    return " ".join(text.split())


def paper_texts(raw: str) -> tuple[str, str]:
    """The paper normalised, and a second reading where a heading line ends with a full stop.

    Why: a heading followed by its paragraph ("Phase 1: Emergent ICP" / "Each CCG ...") is
    quoted as one item joined by a full stop; blank lines (lost diagrams, page breaks) are
    already just whitespace.
    """
    headed = re.sub(r"([^\s.:;,!?])[ \t]*\n[ \t]*\n", r"\1.\n\n", raw)
    return normalise(raw), normalise(headed)


def occurs(quote: str, paper: str) -> bool:
    """The quote is in the paper; '…' stands for words left out (at most 400 characters)."""
    parts = [p for p in ELISION.split(quote) if p]
    if len(parts) == 1:
        return parts[0] in paper
    return re.search(r".{0,400}?".join(re.escape(p) for p in parts), paper) is not None


def cited(cites: list[Citation]) -> set[str]:
    return {c.source for c in cites}


def quoted_texts(index: Index) -> Iterator[tuple[str, str, set[str], Record]]:
    """(item id, text, cited source ids, record) for every text the model says is exact wording.

    An item's own citations apply where it has them, otherwise its record's.
    """
    for record in records(index):
        if isinstance(record, PrincipleSet):
            for item in record.items:
                yield item.id, item.text, cited(item.cites or record.cites), record
        elif isinstance(record, Milestone):
            yield record.id, record.title, cited(record.cites), record
        elif isinstance(record, Commitment):
            yield record.id, record.text, cited(record.cites), record
        elif isinstance(record, Body):
            for seat in record.seats:
                yield seat.id, seat.role, cited(seat.cites or record.cites), record
        elif isinstance(record, Decision):
            for i, rec in enumerate(record.items, 1):
                yield f"{record.id} item {i}", rec.text, cited(rec.cites) or {record.source}, record


@pytest.fixture(scope="module")
def papers() -> dict[str, tuple[str, str]]:
    if not SEEDS.is_dir():
        pytest.skip(f"seed papers not found at {SEEDS} (check out ../shared beside the repository)")
    return {p.name: paper_texts(p.read_text(encoding="utf-8")) for p in SEEDS.glob("*.txt")}


def test_quoted_wording_occurs_in_the_cited_paper(index: Index, papers: dict[str, tuple[str, str]]) -> None:
    sources = index.sources()
    checked = 0
    mismatches: list[str] = []
    for item_id, text, source_ids, record in quoted_texts(index):
        files = {sources[sid].file for sid in source_ids}
        readings = [r for f in sorted(f for f in files if f) for r in papers.get(f, ())]
        if not readings and all(not sources[sid].text_held for sid in source_ids):
            # Later public evidence: the wording must be in a sentence the register quotes from the page.
            quotes = [normalise(sec.quote) for sid in source_ids for sec in sources[sid].outline if sec.quote]
            assert quotes, f"{item_id}: its web sources quote nothing"
            if not any(normalise(text).lower() in q.lower() for q in quotes):
                mismatches.append(f"{item_id} ({', '.join(sorted(source_ids))}): {text[:160]!r}")
            continue
        assert readings, f"{item_id}: none of its cited sources names a seed file"
        checked += 1
        if item_id in DERIVED_WORDING:
            phrase = DERIVED_WORDING[item_id]
            assert any(phrase in r for r in readings), f"{item_id}: {phrase!r} is not in the paper"
            assert phrase in normalise(record.note or ""), f"{item_id}: the note should quote {phrase!r}"
            continue
        quote = LEADING_BULLET.sub("", normalise(text))
        if not any(occurs(quote, r) for r in readings):
            mismatches.append(f"{item_id} ({', '.join(sorted(files))}): {quote[:160]!r}")
    assert checked > 400, checked
    assert not mismatches, "texts not found verbatim in their paper:\n" + "\n".join(mismatches)
    assert len(DERIVED_WORDING) <= 5, "derived wordings are exceptions; quote the paper instead"


def test_wording_check_catches_a_changed_word(papers: dict[str, tuple[str, str]]) -> None:
    plain, headed = papers["003_bb29d6c086ea06d7.txt"]
    assert occurs("Phase 1: Emergent ICP. Each CCG continues to hold a delegated budget", headed)
    assert not occurs("Phase 1: Emergent ICP. Each CCG continues to hold a devolved budget", headed)
    assert not occurs("Phase 1: Emergent ICP. Each CCG", plain)


# ---------------------------------------------------------------- 7. coverage per kind and paper


def papers_of(record: Record) -> set[str]:
    """The sources a record draws on: those it cites anywhere (a source counts for itself)."""
    if isinstance(record, Source):
        return {record.id}
    found = {c.source for c in citations(record)}
    if isinstance(record, Decision):
        found.add(record.source)
    return found


def test_counts_per_kind_and_paper(index: Index, capsys: pytest.CaptureFixture[str]) -> None:
    per_kind = Counter(index.kind_of(r.id) for r in records(index))
    per_paper: dict[str, Counter[str]] = {sid: Counter() for sid in index.sources()}
    for record in records(index):
        for sid in papers_of(record):
            per_paper[sid][index.kind_of(record.id)] += 1
    with capsys.disabled():
        print("\nrecords per kind: " + ", ".join(f"{k} {n}" for k, n in sorted(per_kind.items())))
        print(f"nested items (seats, principles, options, questions): {len(index.nested)}")
        for sid, kinds in sorted(per_paper.items()):
            print(f"{sid}: {sum(kinds.values())} records: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    sources = index.sources()
    for sid, kinds in per_paper.items():
        content = set(kinds) - {"source"}
        if not sources[sid].text_held:
            # Legislation and national policy are cited for a few facts (rules, dates), not mined.
            assert content, f"{sid} is cited by nothing"
            continue
        assert len(content) >= 4, f"{sid} contributes records of only {sorted(content)}"


# ---------------------------------------------------------------- 8. as-of date


def test_as_of_is_the_date_of_the_newest_evidence(index: Index) -> None:
    """The documented rule (README, "The as-of date"): as_of is the last day the register has
    evidence for, the latest date of any source, status update, history event or review, so a
    newer source moves it in the same change, and nothing is dated after it."""
    from govreg.build import dated_after, newest_evidence
    from govreg.settings import configured_as_of

    as_of = configured_as_of(ROOT / "mkdocs.yml")
    newest = newest_evidence(index)
    assert newest is not None, "no source has a date"
    assert as_of == newest.isoformat(), f"as_of {as_of} but the newest evidence is dated {newest}"
    assert dated_after(index, newest) == []
    ends = [s.date.end for s in index.sources().values() if s.date.end]
    assert max(ends) <= newest


# ---------------------------------------------------------------- 9. status evidence


def tracked(index: Index) -> list[Milestone | Commitment]:
    return [r for r in records(index) if isinstance(r, Milestone | Commitment)]


def test_every_milestone_and_commitment_has_an_update(index: Index) -> None:
    items = tracked(index)
    assert len(items) > 50
    without = [r.id for r in items if not r.updates]
    assert not without, f"no status update: {without}"


def test_no_update_cites_a_paper_from_its_future(index: Index) -> None:
    """Stricter, for the bundled data, than `validate`'s future_evidence rule (which allows a paper dated
    "April 2019" behind an update of 8 April 2019): every paper an update cites ends by the update's date."""
    sources = index.sources()
    future: list[str] = []
    for record in tracked(index):
        for i, update in enumerate(record.updates):
            for cite in update.cites:
                published = sources[cite.source].date.end
                if published is None or update.date.end is None or published > update.date.end:
                    future.append(f"{record.id} updates[{i}] ({update.date.text}) cites {cite.source} ({published})")
    assert not future, "\n".join(future)
