"""Open data, feeds and citation: every export is complete, valid against its standard, and stable.

Each test reads the files a user downloads (the built site) and checks them
against the records loaded straight from data/, so a lost, altered or
unreadable record in any export fails here.
"""

from __future__ import annotations

import copy
import csv
import html
import io
import json
import re
import shutil
from datetime import UTC, date, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import jsonschema
import pytest
from frictionless import validate
from icalendar import Calendar
from lxml import etree

from conftest import FIXTURES, ROOT, build_site
from govreg.build import check, generate
from govreg.derive import derive
from govreg.export import export_all
from govreg.export.atom import feeds
from govreg.export.csv_ import csv_files
from govreg.export.ical import calendars
from govreg.index import Index
from govreg.models import BY_FILE, KINDS
from govreg.models.milestone import Tracked
from govreg.urls import url_of

ATOM = "{http://www.w3.org/2005/Atom}"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
FORMULA = ("=", "+", "-", "@")
HOST = "http://register.test"  # any origin: resolves site-absolute paths when checking links


# --- shared helpers -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def index(real_index: Index) -> Index:
    """The bundled data, loaded and checked independently of any export."""
    return real_index


@pytest.fixture(scope="module")
def register(real_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((real_site / "data" / "register.json").read_text(encoding="utf-8"))
    return data


def as_of_of(register: dict[str, Any]) -> date:
    return date.fromisoformat(register["as_of"])


def page_file(site: Path, url: str) -> Path:
    """The file a site-absolute URL ('/kind/id/#anchor') is served from."""
    path = urlsplit(url).path
    assert path.startswith("/"), url
    return site / path.lstrip("/") / "index.html" if path.endswith("/") else site / path.lstrip("/")


def assert_page(site: Path, url: str) -> None:
    """The URL's page exists, and so does its anchor, if it has one."""
    target = page_file(site, url)
    assert target.is_file(), f"{url}: no page at {target}"
    anchor = urlsplit(url).fragment
    if anchor:
        assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), f"{url}: no element with id {anchor!r}"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Links(HTMLParser):
    """The redirect-relevant parts of an HTML page: meta refresh, canonical link, anchors, scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.refresh: list[str] = []
        self.canonical: list[str] = []
        self.anchors: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and a.get("http-equiv", "").lower() == "refresh":
            self.refresh.append(a.get("content", ""))
        elif tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a.get("href", ""))
        elif tag == "a" and "href" in a:
            self.anchors.append(a["href"])
        elif tag == "script":
            self.scripts += 1


def redirect_target(site: Path, rel_file: str) -> str:
    """Where the redirect page at `rel_file` sends a reader (site-absolute URL), checking all three
    ways it says so agree and that it needs no script."""
    page = site / rel_file
    assert page.is_file(), f"no redirect page {rel_file}"
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    here = f"{HOST}/{rel_file.removesuffix('index.html')}"
    assert links.scripts == 0, f"{rel_file} uses script"
    assert len(links.refresh) == 1 and len(links.canonical) == 1 and len(links.anchors) == 1, rel_file
    match = re.fullmatch(r"0; url=(.+)", links.refresh[0])
    assert match, links.refresh[0]
    targets = {urljoin(here, match.group(1)), urljoin(here, links.canonical[0]), urljoin(here, links.anchors[0])}
    assert len(targets) == 1, f"{rel_file}: refresh, canonical and link disagree: {targets}"
    return targets.pop().removeprefix(HOST)


# --- 1. JSON round trip -------------------------------------------------------------------------


def assert_same_records(kind_file: str, rows: list[dict[str, Any]], index: Index) -> None:
    kind = BY_FILE[kind_file]
    models = [kind.model.model_validate(row) for row in rows]
    expected = index.of_kind(kind.name)
    assert [m.id for m in models] == [r.id for r in expected], f"{kind_file}: ids missing, extra or out of order"
    altered = [m.id for m, r in zip(models, expected, strict=True) if m != r]
    assert altered == [], f"{kind_file}: records altered by the export: {altered}"


def test_register_json_round_trips_every_record(register: dict[str, Any], index: Index) -> None:
    records = register["records"]
    assert sorted(records) == sorted(BY_FILE)
    for kind_file, rows in records.items():
        assert_same_records(kind_file, rows, index)
    assert sum(len(rows) for rows in records.values()) == len(index.records)
    assert sorted(register["derived"]) == sorted(index.records)


def test_kind_json_round_trips_every_record(real_site: Path, register: dict[str, Any], index: Index) -> None:
    for kind in KINDS:
        data = json.loads((real_site / "data" / f"{kind.file}.json").read_text(encoding="utf-8"))
        assert (data["kind"], data["version"], data["as_of"]) == (kind.name, register["version"], register["as_of"])
        assert len(data["records"]) == len(index.of_kind(kind.name))
        assert_same_records(kind.file, data["records"], index)


# --- 2. JSON Schema -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema(real_site: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((real_site / "data" / "register.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(data)
    return data


def kind_validator(schema: dict[str, Any], kind_file: str) -> jsonschema.Draft202012Validator:
    """A validator for one kind's list, with the shared definitions its $refs point at."""
    return jsonschema.Draft202012Validator({"$defs": schema["$defs"], **schema["properties"][kind_file]})


def schema_errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


def test_register_json_validates_against_schema(register: dict[str, Any], schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema_errors(jsonschema.Draft202012Validator(schema), register["records"]) == []


def test_kind_json_validates_against_schema(real_site: Path, schema: dict[str, Any]) -> None:
    for kind in KINDS:
        data = json.loads((real_site / "data" / f"{kind.file}.json").read_text(encoding="utf-8"))
        assert schema_errors(kind_validator(schema, kind.file), data["records"]) == [], kind.file


def test_schema_rejects_broken_records(register: dict[str, Any], schema: dict[str, Any]) -> None:
    """The schema is not vacuous: an unknown field, a missing id or a bad reference fails it."""
    validator = kind_validator(schema, "milestones")
    good = register["records"]["milestones"][0]
    assert schema_errors(validator, [good]) == []
    extra = {**copy.deepcopy(good), "unexpected_field": 1}
    no_id = {k: v for k, v in good.items() if k != "id"}
    bad_ref = {**copy.deepcopy(good), "places": ["Not An Id"]}
    for broken in (extra, no_id, bad_ref):
        assert schema_errors(validator, [broken]) != [], broken


def test_repo_schema_matches_published_schema(real_site: Path) -> None:
    published = (real_site / "data" / "register.schema.json").read_bytes()
    assert (ROOT / "schema" / "register.schema.json").read_bytes() == published


# --- 3. CSV and the Data Package ----------------------------------------------------------------


def frictionless_errors(package: Path) -> list[str]:
    report = validate(str(package))
    errors = [f"{task.name}: {e.type}: {e.message}" for task in report.tasks for e in task.errors]
    errors += [f"package: {e.type}: {e.message}" for e in report.errors]
    assert report.valid == (errors == []), errors
    return errors


def test_datapackage_validates_with_frictionless(real_site: Path) -> None:
    package = real_site / "data" / "datapackage.json"
    assert frictionless_errors(package) == []
    resources = json.loads(package.read_text(encoding="utf-8"))["resources"]
    csvs = sorted(p.name for p in (real_site / "data").glob("*.csv"))
    assert sorted(r["path"] for r in resources) == csvs
    for r in resources:
        assert r["schema"]["primaryKey"], r["name"]
        if "-" in r["name"]:  # a child table: its rows belong to a record of the parent table
            parent = r["name"].split("-", 1)[0]
            refs = [fk["reference"]["resource"] for fk in r["schema"].get("foreignKeys", [])]
            assert parent in refs, r["name"]


@pytest.fixture
def data_copy(real_site: Path, tmp_path: Path) -> Path:
    """A copy of site/data/ to break on purpose."""
    return Path(shutil.copytree(real_site / "data", tmp_path / "data"))


def rewrite_cell(path: Path, column: str, row: int, value: str) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    rows[row + 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows(rows)


def test_frictionless_checks_foreign_keys(data_copy: Path) -> None:
    """A child row pointing at no record, and a record pointing at no source, are both caught."""
    rewrite_cell(data_copy / "bodies-seats.csv", "body_id", 0, "no-such-body")
    rewrite_cell(data_copy / "decisions.csv", "source", 0, "no-such-source")
    errors = frictionless_errors(data_copy / "datapackage.json")
    assert any("bodies-seats: foreign-key" in e and "no-such-body" in e for e in errors), errors
    assert any("decisions: foreign-key" in e and "no-such-source" in e for e in errors), errors


def test_frictionless_checks_primary_keys(data_copy: Path) -> None:
    first = read_csv(data_copy / "milestones.csv")[0]["id"]
    rewrite_cell(data_copy / "milestones.csv", "id", 1, first)
    errors = frictionless_errors(data_copy / "datapackage.json")
    assert any("milestones: primary-key" in e for e in errors), errors


def test_csv_has_one_row_per_record_and_item(real_site: Path, index: Index) -> None:
    for kind in KINDS:
        rows = read_csv(real_site / "data" / f"{kind.file}.csv")
        assert [r["id"] for r in rows] == [rec.id for rec in index.of_kind(kind.name)], kind.file
    children = sorted((real_site / "data").glob("*-*.csv"))
    assert children, "no child tables"
    for path in children:
        parent, field = path.stem.split("-", 1)
        kind = BY_FILE[parent]
        fk = kind.name.replace("-", "_") + "_id"
        expected = [
            (rec.id, str(i)) for rec in index.of_kind(kind.name) for i in range(1, len(getattr(rec, field)) + 1)
        ]
        assert [(r[fk], r["position"]) for r in read_csv(path)] == expected, path.name


def is_number(cell: str) -> bool:
    return re.fullmatch(r"-?\d+(\.\d+)?", cell) is not None


def test_no_real_csv_cell_can_run_as_a_formula(real_site: Path) -> None:
    """Only a plain negative number may begin with a formula character."""
    for path in sorted((real_site / "data").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            risky = [c for row in csv.reader(f) for c in row if c.startswith(FORMULA) and not is_number(c)]
        assert risky == [], f"{path.name}: {risky[:3]}"


TWEAKS = {
    # file: [(text in the mini fixture, replacement)]
    "milestones.yml": [
        ("title: Pooled budget of £160 million in place", 'title: "=1+1 pooled budget in place"'),
        ("title: Final phase of co-location completed", 'title: "+44 co-location completed"'),
        ("- id: bolton-ms-pool\n", "- id: bolton-ms-pool\n  former_ids: [bolton-ms-pooled-budget]\n"),
    ],
    "budgets.yml": [("title: Bolton pooled budget 2019/20", 'title: "-Bolton pooled budget 2019/20"')],
    "decisions.yml": [
        ("title: Recommendations to Cabinet and CCG Board, April 2019", 'title: "@Recommendations to Cabinet, 2019"')
    ],
}


@pytest.fixture(scope="module")
def tweaked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini register with formula-like titles and a renamed milestone."""
    data = Path(shutil.copytree(FIXTURES / "mini" / "data", tmp_path_factory.mktemp("tweaked") / "data"))
    for name, edits in TWEAKS.items():
        path = data / "bolton" / name
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert text.count(old) == 1, (name, old)
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return data


@pytest.fixture(scope="module")
def tweaked_site(tweaked: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tweaked, tmp_path_factory.mktemp("tweaked-site") / "site")


def test_formula_cells_are_neutralised(tweaked: Path) -> None:
    found, problems = check(tweaked)
    assert problems == []
    files = {o.path: list(csv.DictReader(io.StringIO(str(o.content)))) for o in csv_files(found)}
    titles = {r["id"]: r["title"] for name in ("milestones", "budgets", "decisions") for r in files[f"data/{name}.csv"]}
    assert titles["bolton-ms-pool"] == "'=1+1 pooled budget in place"
    assert titles["bolton-ms-colocation"] == "'+44 co-location completed"
    assert titles["bolton-pool-2019"] == "'-Bolton pooled budget 2019/20"
    assert titles["bolton-2019-04-recs"] == "'@Recommendations to Cabinet, 2019"
    # Only text is guarded: numbers and dates are written as they are.
    lines = files["data/budgets-lines.csv"]
    assert [r["value"] for r in lines[:2]] == ["51.9", "18.5"]
    # The JSON keeps the words exactly as written.
    assert found.get("bolton-ms-pool").title_text() == "=1+1 pooled budget in place"


# --- 4. Atom feeds and iCalendar ----------------------------------------------------------------


def parse_feed(path: Path) -> Any:
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, f"{path}: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10"
    return parsed


def check_feed(site: Path, path: Path) -> list[str]:
    """A feed is well formed, newest first, with unique ids and links to pages that exist; its entry ids."""
    parsed = parse_feed(path)
    root = etree.parse(str(path)).getroot()
    assert root.get(XML_BASE) == "/", "relative links need xml:base (RFC 4287)"
    self_links = [link.get("href") for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_links == ["/" + path.relative_to(site).as_posix()]
    days = [e.updated_parsed for e in parsed.entries]
    assert days == sorted(days, reverse=True), f"{path}: entries not newest first"
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids)), f"{path}: repeated entry ids"
    for e in parsed.entries:
        assert_page(site, e.link)
    return ids


def test_atom_feed_lists_every_event(real_site: Path, register: dict[str, Any], index: Index) -> None:
    parsed = parse_feed(real_site / "updates.xml")
    expected = derive(index, as_of_of(register)).events
    assert expected, "the bundled data should have dated events"
    assert len(check_feed(real_site, real_site / "updates.xml")) == len(expected)
    assert [urlsplit(e.link).path for e in parsed.entries] == [url_of(index, ev.record) for ev in expected]
    # Each entry names its voice; a third party's report is never called self-reported.
    from govreg.status import VOICE_WORDS

    said = [e.summary.rsplit("(", 1)[-1].rstrip(")") for e in parsed.entries]
    assert said == [VOICE_WORDS[ev.voice] for ev in expected]
    assert "reported" in {ev.voice for ev in expected}, "the bundled data has third-party reports"


def test_place_feeds_exist_for_every_place(real_site: Path, register: dict[str, Any], index: Index) -> None:
    all_ids = set(check_feed(real_site, real_site / "updates.xml"))
    places = index.of_kind("place")
    assert places
    for place in places:
        path = real_site / "places" / place.id / "updates.xml"
        ids = check_feed(real_site, path)
        assert set(ids) <= all_ids
        expected = [e for e in derive(index, as_of_of(register)).events if place.id in e.places]
        assert len(ids) == len(expected), place.id


def test_feed_links_are_absolute_with_a_site_url(index: Index) -> None:
    site_url = "https://example.org/register/"
    out = {o.path: o.content for o in feeds(index, derive(index, date(2021, 3, 24)), site_url)}
    root = etree.fromstring(out["updates.xml"])
    assert root.get(XML_BASE) == site_url
    hrefs = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert hrefs and all(h.startswith(site_url) for h in hrefs), hrefs[:3]
    assert f"{site_url}updates.xml" in hrefs


def due_items(index: Index) -> dict[str, Any]:
    return {
        rec.id: rec
        for name in ("milestone", "commitment")
        for rec in index.of_kind(name)
        if getattr(rec, "due", None) is not None and rec.due.start is not None  # type: ignore[attr-defined]
    }


def check_calendar(path: Path, register: dict[str, Any], index: Index) -> list[str]:
    """Every VEVENT: unique UID naming a dated record, all-day dates from the due period, DTSTAMP = as-of."""
    cal = Calendar.from_ical(path.read_bytes())
    derived = register["derived"]
    stamp = datetime.combine(as_of_of(register), datetime.min.time(), tzinfo=UTC)
    uids = []
    for ev in cal.walk("VEVENT"):
        uid = str(ev["uid"])
        rid, _, domain = uid.partition("@")
        assert domain and rid in due_items(index), uid
        facts = derived[rid]
        start, end = ev["dtstart"].dt, ev["dtend"].dt
        assert type(start) is date and type(end) is date, f"{uid}: not an all-day event"
        assert start == date.fromisoformat(facts["due_start"]), uid
        assert end == date.fromisoformat(facts["due_end"] or facts["due_start"]) + timedelta(days=1), uid
        assert ev["dtstamp"].dt == stamp, uid
        assert facts["url"] in str(ev["description"])
        assert "url" not in ev, f"{uid}: URL must be an absolute URI (RFC 5545); no site_url is set"
        uids.append(uid)
    assert len(uids) == len(set(uids)), f"{path}: repeated UIDs"
    return uids


def test_calendar_has_every_due_item(real_site: Path, register: dict[str, Any], index: Index) -> None:
    uids = check_calendar(real_site / "milestones.ics", register, index)
    assert sorted(u.partition("@")[0] for u in uids) == sorted(due_items(index))


def test_place_calendars_exist_for_every_place(real_site: Path, register: dict[str, Any], index: Index) -> None:
    for place in index.of_kind("place"):
        uids = check_calendar(real_site / "places" / place.id / "milestones.ics", register, index)
        expected = [rid for rid, rec in due_items(index).items() if place.id in rec.places]
        assert sorted(u.partition("@")[0] for u in uids) == sorted(expected), place.id


def test_calendar_uids_are_stable(index: Index) -> None:
    """A UID depends on the record alone: not on the as-of date or which calendar holds it."""
    first = {o.path: bytes(o.content) for o in calendars(index, derive(index, date(2021, 3, 24)))}
    later = {
        o.path: bytes(o.content) for o in calendars(index, derive(index, date(2022, 1, 1)), "https://example.org/")
    }

    def uids(blob: bytes) -> list[str]:
        return sorted(str(ev["uid"]) for ev in Calendar.from_ical(blob).walk("VEVENT"))

    assert uids(first["milestones.ics"]) == uids(later["milestones.ics"])
    for event in Calendar.from_ical(later["milestones.ics"]).walk("VEVENT"):
        rid = str(event["uid"]).partition("@")[0]
        assert str(event["url"]) == "https://example.org" + url_of(index, rid)


# --- 5. Permanent redirects ---------------------------------------------------------------------


def test_every_id_has_a_permanent_redirect(real_site: Path, index: Index) -> None:
    ids = sorted(index.records) + sorted(index.nested)
    assert len(ids) > len(index.records)
    for rid in ids:
        target = redirect_target(real_site, f"r/{rid}/index.html")
        assert target == url_of(index, rid), rid
        assert_page(real_site, target)


def test_former_ids_redirect_to_the_new_page(tweaked_site: Path) -> None:
    new = "/milestones/bolton-ms-pool/"
    assert_page(tweaked_site, new)
    for old in ("milestones/bolton-ms-pooled-budget/index.html", "r/bolton-ms-pooled-budget/index.html"):
        assert redirect_target(tweaked_site, old) == new


# --- 6. Determinism -----------------------------------------------------------------------------


def test_exports_are_deterministic(real_site: Path, register: dict[str, Any]) -> None:
    as_of = as_of_of(register)

    def export_bytes() -> dict[str, bytes]:
        result = generate(ROOT / "data", as_of)
        assert result.problems == []
        return {
            o.path: o.content.encode("utf-8") if isinstance(o.content, str) else o.content
            for o in result.outputs
            if not o.path.endswith(".md")
        }

    first, second = export_bytes(), export_bytes()
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []
    # ...and the built site holds exactly those bytes.
    assert [p for p in first if (real_site / p).read_bytes() != first[p]] == []


def test_export_paths_are_the_documented_set(index: Index) -> None:
    paths = {o.path for o in export_all(index, derive(index, date(2021, 3, 24)))}
    for kind in KINDS:
        assert {f"data/{kind.file}.json", f"data/{kind.file}.csv"} <= paths
    for place in index.of_kind("place"):
        assert {f"places/{place.id}/updates.xml", f"places/{place.id}/milestones.ics"} <= paths
    fixed = {"data/register.json", "data/status.json", "data/register.schema.json", "data/datapackage.json"}
    fixed |= {"data/pages.json", "data/published.schema.json", "data/compliance.csv"}
    assert fixed | {"updates.xml", "milestones.ics"} <= paths
    # Exactly these, and nothing undocumented: one CSV per table of the data package, a redirect per
    # record, item and former id, and a review pack (workbook and CSV) per place with tracked records.
    from govreg.export.csv_ import tables

    derived = derive(index, date(2021, 3, 24))
    expected = fixed | {"updates.xml", "milestones.ics"}
    expected |= {f"data/{k.file}.json" for k in KINDS}
    expected |= {f"data/{t.name}.csv" for t in tables(index, derived)}
    for place in index.of_kind("place"):
        expected |= {f"places/{place.id}/updates.xml", f"places/{place.id}/milestones.ics"}
    former = {old for item in index.records.values() for old in item.record.former_ids}
    expected |= {f"r/{rid}/index.html" for rid in {*index.records, *index.nested, *former}}
    for place_id, ids in derived.tracked_by_place.items():
        if not ids:
            continue
        # One pack for the place, and one per reviewer: its Healthwatch, and anyone with a verdict there.
        reviewers = {o.id for o in index.of_kind("organisation") if o.type == "healthwatch" and place_id in o.places}
        reviewers |= {r.reviewer for r in index.of_kind("review") if r.subject in ids}
        names = [place_id, *(f"{place_id}/{r}" for r in reviewers)]
        expected |= {f"review-pack/{n}.{ext}" for n in names for ext in ("csv", "xlsx")}
    assert sorted(paths - expected) == [] and sorted(expected - paths) == []


# --- 7. pages.json ------------------------------------------------------------------------------


def test_pages_json_lists_every_record_with_a_live_url(real_site: Path, index: Index) -> None:
    data = json.loads((real_site / "data" / "pages.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in data["records"]] == sorted(index.records)
    assert [r["id"] for r in data["items"]] == sorted(index.nested)
    for entry in data["records"] + data["items"]:
        assert entry["url"] == url_of(index, entry["id"])
        assert_page(real_site, entry["url"])
        assert redirect_target(real_site, entry["permalink"].lstrip("/") + "index.html") == entry["url"]
    for entry in data["pages"]:
        assert_page(real_site, entry["url"])


# --- 8. Cite this -------------------------------------------------------------------------------

CITE = re.compile(r'<h2[^>]*\bid="cite-this"[^>]*>.*?</h2>\s*<pre><code>(.*?)</code></pre>', re.S)


def test_every_record_page_has_a_citation(real_site: Path, register: dict[str, Any], index: Index) -> None:
    as_of = as_of_of(register)
    for rid in sorted(index.records):
        rec = index.get(rid)
        url = url_of(index, rid)
        found = CITE.findall(page_file(real_site, url).read_text(encoding="utf-8"))
        assert len(found) == 1, f"{url}: no single Cite this block"
        text = html.unescape(found[0])
        exact = rec.exact_title() if isinstance(rec, Tracked) else rec.title_text()  # the paper's words
        wanted = [exact, rid, f"version {register['version']}", f"{as_of:%-d %B %Y}", url]
        cites = getattr(rec, "cites", None) or []
        if cites:
            wanted += [index.get(cites[0].source).title_text(), cites[0].at]
        missing = [w for w in wanted if w not in text]
        assert missing == [], f"{url}: citation lacks {missing}: {text}"
        assert text.endswith(url)


# --- 9. Downloads and Changes pages -------------------------------------------------------------

ROW = re.compile(r'<tr>\s*<td><a href="([^"]+)">([^<]+)</a></td>\s*<td>[^<]*</td>\s*<td>([\d,]+) bytes</td>')


def test_downloads_page_lists_every_file_with_its_size(real_site: Path) -> None:
    page = (real_site / "downloads" / "index.html").read_text(encoding="utf-8")
    rows = ROW.findall(page)
    listed = {name: int(size.replace(",", "")) for _, name, size in rows}
    wanted = {p.relative_to(real_site).as_posix() for p in (real_site / "data").iterdir()}
    wanted |= {"updates.xml", "milestones.ics"}
    assert wanted - set(listed) == set()
    for href, name, _ in rows:
        path = real_site / name
        assert path.is_file(), name
        assert listed[name] == path.stat().st_size, f"{name}: listed {listed[name]}, is {path.stat().st_size}"
        assert urljoin(f"{HOST}/downloads/", href) == f"{HOST}/{name}"


def test_changes_pages_list_the_feed(real_site: Path, index: Index) -> None:
    """The month pages, newest month first, list exactly the feed's entries in the feed's order."""
    page = (real_site / "changes" / "index.html").read_text(encoding="utf-8")
    months = re.findall(r'<td><a href="([^"]+)">[A-Z][a-z]+ \d{4}</a></td>\s*<td>(\d+)</td>', page)
    assert months, "no month links on the Changes page"
    shown = []
    for href, count in months:
        url = urljoin(f"{HOST}/changes/", href).removeprefix(HOST)
        month = page_file(real_site, url).read_text(encoding="utf-8")
        body = month[month.index("<tbody>") : month.index("</tbody>")]
        links = re.findall(r'<tr>\s*<td>[\d-]+</td>\s*<td><a href="([^"]+)"', body)
        assert len(links) == int(count), url
        shown += [urljoin(f"{HOST}{url}", h).removeprefix(HOST) for h in links]
    feed = parse_feed(real_site / "updates.xml")
    assert shown == [e.link for e in feed.entries]


def test_register_json_publishes_continued_by_and_body_status(register: dict[str, Any], index: Index) -> None:
    """The reverse of `continues` and each body's status as at the as-of date, as the pages show them."""
    derived = register["derived"]
    expected: dict[str, list[str]] = {}
    for kind in ("milestone", "commitment"):
        for rec in index.of_kind(kind):
            for earlier in rec.continues:  # type: ignore[attr-defined]
                expected.setdefault(earlier, []).append(rec.id)
    published = {rid: facts["continued_by"] for rid, facts in derived.items() if "continued_by" in facts}
    assert published == {rid: sorted(ids) for rid, ids in expected.items()}
    assert published
    bodies = [b for b in index.of_kind("body")]
    assert {b.id for b in bodies} == {rid for rid, facts in derived.items() if "body_status" in facts}
    day = as_of_of(register)
    abolished = date(2022, 7, 1)  # data/england/reforms.yml: every CCG abolished on 1 July 2022

    def host_end(org: Any) -> date | None:
        """The day an organisation ended by the day: its own last event, or the CCGs' abolition."""
        own = [ev for ev in org.events if (ev.date.end or ev.date.start) <= day]
        last = (own[-1].date.end or own[-1].date.start) if own else None
        if own and own[-1].status in ("abolished", "replaced"):
            return last
        later_own = last is not None and last > abolished  # its own evidence after the national change wins
        return abolished if org.type == "ccg" and day >= abolished and not later_own else None

    for b in bodies:
        known = [ev for ev in b.history if (ev.date.end or ev.date.start) <= day]  # type: ignore[attr-defined]
        want = (str(known[-1].status) if known else "not-yet") if b.history else None  # type: ignore[attr-defined]
        if want == "continuing":  # a later source shows it still in place, in the status of its last change
            changes = [str(ev.status) for ev in known if ev.status != "continuing"]
            want = changes[-1] if changes and changes[-1] in ("proposed", "shadow", "established") else "established"
        ends = [host_end(index.get(h)) for h in b.hosted_by]  # type: ignore[attr-defined]
        own_day = (known[-1].date.end or known[-1].date.start) if known else None  # type: ignore[attr-defined]
        # (the day of its latest own evidence, a 'continuing' event included, is what outranks a host's end)
        ended = ends and all(ends) and (own_day is None or own_day <= max(e for e in ends if e))
        if ended and want in (None, "proposed", "shadow", "established"):
            want = "abolished"  # ended with the organisations that alone formed it
        assert derived[b.id]["body_status"] == want, b.id
        assert derived[b.id]["in_place"] == (want not in ("replaced", "abolished", "not-yet")), b.id


def test_per_place_files_say_their_place_reviewer_and_role(index: Index) -> None:
    """The Downloads page reads these fields; it never parses a path back into a place or reviewer."""
    outputs = export_all(index, derive(index, date(2021, 3, 24)))
    for o in outputs:
        per_place = o.path.startswith(("places/", "review-pack/"))
        assert (o.place is not None) == per_place, o.path
        if not per_place:
            assert o.role == "" and o.reviewer is None, o.path
            continue
        assert o.place in index.records and f"/{o.place}" in "/" + o.path, o.path
        role = {"xml": "feed", "ics": "calendar"}.get(o.path.rpartition(".")[2])
        if o.path.startswith("review-pack/"):
            role = "since" if o.reviewer else "pack"
            assert (o.reviewer is not None) == (o.path.count("/") == 2), o.path
        assert o.role == role, o.path
