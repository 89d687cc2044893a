"""Synthetic register: a valid, realistic national dataset for benchmarks and scale tests.

Why: England has 42 integrated care systems; the register must build all of
them on a small machine. The real data covers five papers, so this writes a
register of the same shape (per system: its places, organisations, bodies with
seats, principle sets, milestones with update histories, workstreams,
commitments, budgets, sources with outlines, decisions, figures, options and
consultations; glossary and themes once), about 120 top-level records per
system. Output is a pure function of (systems, seed): each system draws from
its own seeded generator, so system 7 is the same whether 10 or 42 are asked
for. YAML is written with `yaml.safe_dump`, which quotes every string the
strict reader would otherwise read as a number, date or boolean.

Every system has an integrated care board (tagged `icb-board`) checked against a national
rule set shaped like the real one (data/england/rules.yml: the same requirement ids and
counts, synthetic citations). So that the check is exercised at scale, boards are
deliberately incomplete at documented rates: ICB_UNRECORDED_RATE of them record no seats
("membership not recorded"), ICB_INCOMPLETE_RATE more leave out one required seat, chosen
at random; the rest are complete, with non-voting participants who are not members. Every board
with seats cites its (synthetic) constitution as listing the whole membership.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

Rec = dict[str, Any]

SYSTEMS = (
    "Bath and North East Somerset, Swindon and Wiltshire",
    "Bedfordshire, Luton and Milton Keynes",
    "Birmingham and Solihull",
    "Black Country",
    "Bristol, North Somerset and South Gloucestershire",
    "Buckinghamshire, Oxfordshire and Berkshire West",
    "Cambridgeshire and Peterborough",
    "Cheshire and Merseyside",
    "Cornwall and the Isles of Scilly",
    "Coventry and Warwickshire",
    "Derby and Derbyshire",
    "Devon",
    "Dorset",
    "Frimley",
    "Gloucestershire",
    "Greater Manchester",
    "Hampshire and Isle of Wight",
    "Herefordshire and Worcestershire",
    "Hertfordshire and West Essex",
    "Humber and North Yorkshire",
    "Kent and Medway",
    "Lancashire and South Cumbria",
    "Leicester, Leicestershire and Rutland",
    "Lincolnshire",
    "Mid and South Essex",
    "Norfolk and Waveney",
    "North Central London",
    "North East and North Cumbria",
    "North East London",
    "North West London",
    "Northamptonshire",
    "Nottingham and Nottinghamshire",
    "Shropshire, Telford and Wrekin",
    "Somerset",
    "South East London",
    "South West London",
    "South Yorkshire",
    "Staffordshire and Stoke-on-Trent",
    "Suffolk and North East Essex",
    "Surrey Heartlands",
    "Sussex",
    "West Yorkshire",
)
"""England's 42 integrated care systems (2022); more than 42 reuse the names with a number."""


def _words(text: str) -> list[str]:
    return text.split()


_STEMS = _words(
    "Ash Brad Carl Dun Elm Fair Glen Hart Ivy King Lang Mar Nor Oak Pen Queen Red Stan Thorn Up Wick "
    "Wood Yar Ald Bar Cal Dray Ever Fox Gold Hazel Inch Kirk Lark Mill Nether Over Pike Rush Saltney"
)
_ENDS = _words("ford field ton bury ham ley wick worth by mouth stead bridge dale minster gate")
_FIRST = _words("Amira Ben Carys David Ewa Farid Grace Hamid Isla Jon Kiran Leah Marcus Nadia Owen Priya Ruth Sam")
_LAST = _words("Ahmed Brown Clarke Davies Evans Fraser Green Hughes Iqbal Jones Khan Lewis Morgan Patel Reid Shaw")
_MONTHS = _words("January February March April May June July August September October November December")

GLOSSARY = (
    ("A&E", "Accident and Emergency", "The hospital department for urgent and emergency care."),
    ("AO", "Accountable Officer", "The person legally answerable for how an NHS body uses its money."),
    ("BCF", "Better Care Fund", "A national pooled budget that joins up NHS and council spending on care."),
    ("CCG", "Clinical Commissioning Group", "The local NHS body that planned and bought services until 2022."),
    ("CQC", "Care Quality Commission", "The independent regulator of health and social care in England."),
    ("DHSC", "Department of Health and Social Care", "The government department responsible for health."),
    ("DPH", "Director of Public Health", "The council officer who leads work on the health of the population."),
    ("GP", "General Practitioner", "A family doctor working in primary care."),
    ("HWB", "Health and Wellbeing Board", "A council committee where NHS and council leaders plan together."),
    ("ICB", "Integrated Care Board", "The statutory NHS body that took on the work of CCGs in July 2022."),
    ("ICP", "Integrated Care Partnership", "A joint committee of the NHS and councils across a system."),
    ("ICS", "Integrated Care System", "A partnership of NHS bodies, councils and others across an area."),
    ("JCC", "Joint Commissioning Committee", "A committee through which a council and the NHS buy services."),
    ("JHOSC", "Joint Health Overview and Scrutiny Committee", "Councillors from several councils who scrutinise."),
    ("LCO", "Local Care Organisation", "A partnership of providers delivering community services in a place."),
    ("MOU", "Memorandum of Understanding", "A written agreement between partners that is not legally binding."),
    ("NHS", "National Health Service", "The publicly funded health service, free at the point of use."),
    ("NHSEI", "NHS England and NHS Improvement", "The national body that runs the NHS in England."),
    ("PCN", "Primary Care Network", "A group of GP practices serving 30,000 to 50,000 people together."),
    ("QIPP", "Quality, Innovation, Productivity and Prevention", "A programme to save money and keep quality."),
    ("S75", "Section 75 agreement", "A legal agreement that lets the NHS and a council pool budgets."),
    ("SRO", "Senior Responsible Owner", "The person accountable for a programme delivering its aims."),
    ("STP", "Sustainability and Transformation Partnership", "The forerunner of an integrated care system."),
    ("VCSE", "Voluntary, Community and Social Enterprise", "Charities, community groups and social enterprises."),
    ("NED", "Non-Executive Director", "A board member who is not an employee and gives independent challenge."),
    ("FT", "Foundation Trust", "An NHS hospital or service provider with more freedom over its finances."),
    ("MH", "Mental Health", "Services for people with mental illness or emotional distress."),
    ("UEC", "Urgent and Emergency Care", "Services for people who need care the same day."),
    ("LA", "Local Authority", "A council, responsible for social care and public health."),
    ("PHM", "Population Health Management", "Using data to plan care for groups of people with similar needs."),
    ("KPI", "Key Performance Indicator", "A measure used to judge whether a service is doing what it should."),
    ("SLA", "Service Level Agreement", "An agreement that sets out the standard of a service."),
    ("OD", "Organisational Development", "Work to help staff and teams change the way they work together."),
    ("EIA", "Equality Impact Assessment", "A check of how a decision affects people with protected traits."),
    ("ToR", "Terms of Reference", "A document setting out what a committee is for and how it works."),
    ("CSU", "Commissioning Support Unit", "An NHS body that supplies back-office and data services to CCGs."),
    ("LMC", "Local Medical Committee", "The statutory body representing GPs in an area."),
    ("APC", "Area Prescribing Committee", "A committee that agrees which medicines are prescribed locally."),
    ("CHC", "Continuing Healthcare", "NHS-funded care for adults with long-term complex needs."),
    ("DToC", "Delayed Transfers of Care", "Patients ready to leave hospital who are still waiting."),
    ("IBCF", "Improved Better Care Fund", "Extra government money for adult social care paid through the BCF."),
)

THEMES = (
    ("subsidiarity", "Subsidiarity and local decision-making", "Decisions taken as close to residents as possible."),
    ("public-involvement", "Public involvement and co-production", "Residents involved in shaping services."),
    ("clinical-leadership", "Clinical and professional leadership", "Professionals leading or shaping decisions."),
    ("value-for-money", "Value for money and best use of resources", "The most health and care for the money."),
    ("financial-sustainability", "Financial sustainability and savings", "Living within budgets and savings targets."),
    ("integration", "Integrated health and social care", "NHS, council and other services planned together."),
    ("prevention", "Prevention and early help", "Helping people stay well rather than treating illness late."),
    ("health-inequalities", "Reducing health inequalities", "Closing gaps in health between groups and places."),
    ("neighbourhood-care", "Care in neighbourhoods", "Services organised around neighbourhoods of 30-50,000."),
    ("person-centred-care", "Person-centred care", "Care planned around what matters to each person."),
    ("transparency", "Openness and transparency", "Decisions made in public with papers published."),
    ("accountability", "Accountability and governance", "Clear lines of who answers for what."),
    ("partnership-working", "Partnership working", "Organisations working as one rather than apart."),
    ("workforce", "Workforce", "Recruiting, keeping and developing staff."),
    ("digital", "Digital and shared records", "Shared records and digital services across organisations."),
    ("wider-determinants", "Wider determinants of health", "Housing, work and income as causes of ill health."),
    ("quality-and-safety", "Quality and safety", "Safe care of good quality, checked and improved."),
    ("primary-care", "Primary care at scale", "GP practices working together in networks."),
    ("mental-health", "Parity for mental health", "Mental health valued as much as physical health."),
    ("carers", "Support for carers", "Help for unpaid carers, recognised as partners in care."),
)
_THEME_IDS = [t[0] for t in THEMES]

_PRINCIPLES = (
    "Decisions will be made as close to residents as possible",
    "We will put the person at the centre of everything we do",
    "We will use our collective resources to get the best value for our population",
    "Clinical and professional leadership will shape every decision",
    "We will be open and transparent, meeting in public wherever we can",
    "Prevention and early help come first",
    "We will reduce unfair differences in health between our communities",
    "No organisation will be left worse off as a result of working together",
    "We will share information and records safely to support care",
    "Carers will be recognised and supported as partners in care",
    "We will build services around neighbourhoods of 30,000 to 50,000 people",
    "Mental health will be valued equally with physical health",
    "We will develop one workforce across health and care",
    "We will involve residents in designing services from the start",
    "We will live within our means and deliver a balanced budget",
    "Voluntary and community organisations will be equal partners",
)
_MILESTONES = (
    "Establish a shadow {place} locality board",
    "Agree a section 75 agreement for the {place} pooled budget",
    "Publish the {place} health and care plan",
    "Appoint a joint director of commissioning for {place}",
    "Launch integrated neighbourhood teams across {place}",
    "Agree terms of reference for the {place} joint committee",
    "Complete the review of community services in {place}",
    "Move all GP practices in {place} onto a shared care record",
    "Set up a {place} provider alliance with an agreed memorandum of understanding",
    "Agree the {place} outcomes framework with partners",
    "Consult residents on the {place} urgent care model",
    "Bring commissioning teams in {place} together in one building",
)
_COMMITMENTS = (
    (
        "Board papers published in advance",
        "We will publish the papers of every board meeting at least five working days before it meets.",
    ),
    (
        "Healthwatch seat on the board",
        "Healthwatch {place} will have a seat on the board, with the right to speak on every item.",
    ),
    ("Public engagement events", "We will hold at least four public engagement events in {place} each year."),
    (
        "Quarterly reports on waiting times",
        "You said waiting times were too long; we will report progress on them every quarter.",
    ),
    ("Easy-read plan", "We will produce an easy-read version of the {place} plan."),
    ("Residents' panel", "We will set up a residents' panel for {place} and publish what it tells us."),
    (
        "Consultation before service moves",
        "We will consult before any change to where services are provided in {place}.",
    ),
    (
        "Carers' assessments within four weeks",
        "Carers in {place} will be offered an assessment within four weeks of asking.",
    ),
)
_SECTIONS = (
    "Purpose of the report",
    "Background",
    "Case for change",
    "Governance arrangements",
    "Financial implications",
    "Legal implications",
    "Equality impact",
    "Engagement with residents",
    "Workforce",
    "Risks and mitigations",
    "Next steps",
    "Milestones",
    "Pooled budget",
    "Principles",
    "Clinical leadership",
    "Digital and information sharing",
)
_LINES = (
    ("Adult community services", "Builds on the existing section 75 agreement"),
    ("Adult social care", "Already jointly commissioned under the Better Care Fund"),
    ("Mental health community services", "Supports neighbourhood working across mental and physical health"),
    ("Care homes and home care", "Joint contracts already in place between the CCG and council"),
    ("Intermediate care and reablement", "Reduces delayed transfers of care"),
    ("Learning disabilities", "Pooled to give one commissioning approach"),
    ("Continuing healthcare", "Brings NHS-funded care into one budget"),
    ("Public health", "Links prevention with treatment"),
    ("Disabled facilities grant", "Statutory element of the Better Care Fund"),
)
_ROLES = (
    ("Chair", None, True, True),
    ("Chief Executive", "icb", True, False),
    ("Director of Finance", "icb", True, False),
    ("Medical Director", "icb", True, False),
    ("Director of Nursing", "icb", True, False),
    ("Partner member (NHS trusts)", "trust", True, False),
    ("Partner member (local authorities)", "council", True, False),
    ("Partner member (primary medical services)", "ccg", True, False),
    ("Non-executive member", None, True, False),
    ("Healthwatch representative", "healthwatch", False, False),
    ("VCSE representative", "vcse", False, False),
    ("Director of Public Health", "council", False, False),
)


ICB_UNRECORDED_RATE = 0.1
"""Share of synthetic integrated care boards that record no seats at all."""
ICB_INCOMPLETE_RATE = 0.2
"""Share of synthetic integrated care boards that leave out one required seat."""

_ICB_SEATS: tuple[tuple[str, str, str, str | None], ...] = (
    # (key, role, category, requirement it fulfils)
    ("chair", "Chair", "chair", "icb-req-chair"),
    ("chief-executive", "Chief Executive", "chief-executive", "icb-req-chief-executive"),
    ("director-of-finance", "Director of Finance", "executive", "icb-req-director-of-finance"),
    ("medical-director", "Medical Director", "executive", "icb-req-medical-director"),
    ("director-of-nursing", "Director of Nursing", "executive", "icb-req-director-of-nursing"),
    ("non-executives", "Non-executive members", "non-executive", None),
    ("mental-health", "Non-executive member for mental health", "non-executive", "icb-req-mental-health"),
    ("partner-trusts", "Partner member (NHS trusts)", "partner", "icb-req-partner-trusts"),
    ("partner-primary", "Partner member (primary medical services)", "partner", "icb-req-partner-primary"),
    ("partner-councils", "Partner member (local authorities)", "partner", "icb-req-partner-local-authorities"),
)


def slugify(text: str) -> str:
    """'Bath and North East Somerset, Swindon and Wiltshire' -> 'bath-north-east-somerset-swindon-wiltshire'."""
    words = [w for w in re.split(r"[^a-z0-9]+", text.lower()) if w and w not in {"and", "the", "of"}]
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > 32:
            break
        out = f"{out}-{word}" if out else word
    return out


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def day_text(day: date, style: int) -> str:
    """A day as papers print it, in one of four styles."""
    if style == 0:
        return f"{_ordinal(day.day)} {_MONTHS[day.month - 1]} {day.year}"
    if style == 1:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    if style == 2:
        return day.isoformat()
    return f"{day.day}/{day.month}/{day.year % 100:02d}"


def _fy(year: int) -> str:
    return f"{year}/{(year + 1) % 100:02d}"


def period_text(rng: random.Random, after: date) -> tuple[str, date]:
    """A due period some months after `after`, as papers print it, and its last day."""
    start = after + timedelta(days=rng.randint(90, 700))
    fy = start.year if start.month >= 4 else start.year - 1
    form = rng.randrange(6)
    if form == 0:
        return _fy(fy), date(fy + 1, 3, 31)
    if form == 1:
        q = rng.randint(1, 4)
        end_month = 3 * q + 3
        year = fy + (end_month - 1) // 12
        end_month = (end_month - 1) % 12 + 1
        return f"Q{q} {_fy(fy)}", date(year, end_month, 1) + timedelta(days=31)
    if form == 2:
        return f"by {_MONTHS[start.month - 1]} {start.year}", start.replace(day=28)
    if form == 3:
        season = ("Spring", "Summer", "Autumn")[rng.randrange(3)]
        return f"{season} {start.year}", date(start.year, 11, 30)
    if form == 4:
        return f"{_MONTHS[start.month - 1]} {start.year}", start.replace(day=28)
    return day_text(start, rng.randrange(4)), start


@dataclass
class Paper:
    """A synthetic source paper: its id, date, text date, meeting body and outline refs."""

    id: str
    day: date
    text: str
    body: str
    refs: list[str]


@dataclass
class System:
    """One integrated care system being written: its names, places and what it has so far."""

    index: int
    name: str
    slug: str
    boroughs: list[tuple[str, str]]
    rng: random.Random
    files: dict[str, list[Rec]] = field(default_factory=dict)
    papers: list[Paper] = field(default_factory=list)
    orgs: dict[str, list[str]] = field(default_factory=dict)
    workstreams: list[str] = field(default_factory=list)

    def add(self, kind: str, rec: Rec) -> Rec:
        self.files.setdefault(kind, []).append(rec)
        return rec

    def cites(self, n: int = 1, paper: Paper | None = None) -> list[Rec]:
        out = []
        for _ in range(n):
            p = paper or self.rng.choice(self.papers)
            out.append({"source": p.id, "at": self.rng.choice(p.refs)})
        return out

    def org(self, kind: str) -> str:
        return self.rng.choice(self.orgs[kind])

    def person(self) -> str:
        return f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"


def _borough_names(count: int, rng: random.Random, taken: set[str]) -> list[tuple[str, str]]:
    """`count` unique made-up borough names (slug, name), never a slug in `taken`."""
    pool = [a + b for a in _STEMS for b in _ENDS]
    rng.shuffle(pool)
    out: list[tuple[str, str]] = []
    n = 0
    while len(out) < count:
        base = pool[n % len(pool)]
        name = base if n < len(pool) else f"{base} {('North', 'South', 'East', 'West')[(n // len(pool) - 1) % 4]}"
        if n >= 4 * len(pool):
            name = f"{base} {n // len(pool)}"
        n += 1
        slug = slugify(name)
        if slug not in taken:
            taken.add(slug)
            out.append((slug, name))
    return out


def _systems(count: int, seed: int) -> list[System]:
    names = [
        SYSTEMS[i % len(SYSTEMS)] + ("" if i < len(SYSTEMS) else f" {i // len(SYSTEMS) + 1}") for i in range(count)
    ]
    rngs = [random.Random(f"govreg-synth:{seed}:{i}") for i in range(count)]
    sizes = [rng.randint(2, 8) for rng in rngs]
    taken = {"england", *(slugify(n) for n in SYSTEMS)}
    pool = _borough_names(sum(sizes), random.Random(f"govreg-synth:{seed}:boroughs"), taken)
    out = []
    for i, (name, rng, size) in enumerate(zip(names, rngs, sizes, strict=True)):
        first = sum(sizes[:i])
        out.append(System(i, name, slugify(name), pool[first : first + size], rng))
    return out


def _sources(s: System) -> None:
    """Three system papers and one per borough, each with a numbered outline."""
    rng = s.rng
    specs = [(s.slug, s.name, f"{s.slug}-icp") for _ in range(3)]
    specs += [(b, name, f"{b}-hwb") for b, name in s.boroughs]
    for k, (place, name, body) in enumerate(specs):
        day = date(2017, 9, 1) + timedelta(days=rng.randint(0, 1300))
        outline: list[Rec] = [{"ref": "cover", "title": "Cover sheet: title, author, purpose of the paper"}]
        for n in range(1, rng.randint(5, 9) + 1):
            outline.append({"ref": str(n), "title": rng.choice(_SECTIONS)})
            for m in range(1, rng.randint(2, 5) + 1):
                outline.append({"ref": f"{n}.{m}", "title": f"{rng.choice(_SECTIONS)}: detail", "level": 2})
        outline.append({"ref": "recommendations", "title": "Recommendations"})
        sid = f"src-{place}-{day.year}-{day.month:02d}-{k + 1}"
        topic = rng.choice(("Integrating health and care", "Strategic commissioning", "The system plan"))
        text = day_text(day, rng.randrange(4))
        s.add(
            "sources",
            {
                "id": sid,
                "title": f"{topic} in {name}",
                "date": text,
                "meetings": [
                    {"body": f"Meeting of the {name} board", "body_id": body, "date": text, "agenda_item": str(k + 4)}
                ],
                "authors": [f"{s.person()}, Director of Strategy"],
                "presenters": [s.person()],
                "places": [place],
                "summary": f"A report on {topic.lower()} in {name}, setting out governance, milestones and money.",
                "outline": outline,
            },
        )
        s.papers.append(Paper(sid, day, text, body, [x["ref"] for x in outline]))
    s.papers.sort(key=lambda p: p.day)


def _places(s: System) -> None:
    s.add(
        "places",
        {
            "id": s.slug,
            "name": s.name,
            "type": "system",
            "part_of": "england",
            "summary": f"The integrated care system for {s.name}, with {len(s.boroughs)} boroughs.",
        },
    )
    for b, name in s.boroughs:
        s.add(
            "places",
            {"id": b, "name": name, "type": "borough", "part_of": s.slug, "summary": f"A borough in {s.name}."},
        )


def _organisation(s: System, oid: str, name: str, kind: str, places: list[str], **extra: Any) -> None:
    s.orgs.setdefault(kind, []).append(oid)
    rec = {"id": oid, "name": name, "type": kind, "places": places, **extra, "cites": s.cites()}
    s.add("organisations", rec)


def _organisations(s: System) -> None:
    rng = s.rng
    s.orgs["icb"] = [f"{s.slug}-icb"]
    s.add(
        "organisations",
        {
            "id": f"{s.slug}-icb",
            "name": f"NHS {s.name} Integrated Care Board",
            "abbreviation": "ICB",
            "type": "icb",
            "places": [s.slug],
            "summary": "The statutory NHS body planned to take on the work of the CCGs.",
            "history": [_update(s, "planned", "To be established when the CCGs close.", s.papers[-1])],
            "cites": s.cites(),
        },
    )
    for b, name in s.boroughs:
        _organisation(s, f"{b}-council", f"{name} Council", "local-authority", [b], aliases=["the Council"])
        history = (
            [_update(s, "planned", "To close and pass its work to the ICB.", s.papers[-1])]
            if rng.random() < 0.5
            else []
        )
        _organisation(
            s, f"{b}-ccg", f"NHS {name} Clinical Commissioning Group", "ccg", [b], abbreviation="CCG", history=history
        )
        _organisation(s, f"{b}-healthwatch", f"Healthwatch {name}", "healthwatch", [b])
    for n, (b, name) in enumerate(s.boroughs[: rng.randint(1, 3)], 1):
        kind = rng.choice(("foundation-trust", "nhs-trust"))
        _organisation(
            s,
            f"{s.slug}-trust-{n}",
            f"{name} Hospitals NHS {'Foundation ' if kind[0] == 'f' else ''}Trust",
            kind,
            [b, s.slug],
            summary=f"Runs hospital and community services in and around {name}.",
        )
    _organisation(s, f"{s.slug}-vcse-alliance", f"{s.name} VCSE Alliance", "vcse", [s.slug])
    _organisation(s, f"{s.slug}-gp-federation", f"{s.name} GP Federation", "primary-care", [s.slug])


def _update(s: System, status: str, summary: str, paper: Paper, by: str | None = None) -> Rec:
    rec: Rec = {"date": paper.text, "status": status, "summary": summary}
    if by:
        rec["reported_by"] = by
        if by.endswith("-healthwatch"):
            rec["voice"] = "independent"
    rec["cites"] = s.cites(s.rng.randint(1, 2), paper)
    if status in ("changed", "superseded"):  # the model requires the replacing plan to be named
        rec["successor_name"] = f"the plan the {paper.text} paper put in its place"
    return rec


def _seats(s: System, body: str, size: int) -> list[Rec]:
    rng = s.rng
    seats = []
    for k, (role, org, voting, chair) in enumerate(rng.sample(_ROLES, size), 1):
        seat: Rec = {"id": f"{body}-seat-{k}", "role": role}
        if rng.random() < 0.4:
            seat["count"] = rng.randint(1, 4)
        if org and org in s.orgs:
            seat["organisation"] = s.org(org)
        seat["voting"] = voting
        if chair:
            seat["chair"] = True
        if rng.random() < 0.3:
            seat["holders"] = [{"name": s.person(), "start": s.papers[0].text, "cites": s.cites()}]
        seats.append(seat)
    return seats


def _body(
    s: System, bid: str, name: str, kind: str, places: list[str], reports_to: list[str], hosts: list[str]
) -> None:
    rng = s.rng
    first = rng.choice(s.papers[:-1] or s.papers)
    history = [
        {"status": "proposed", "date": first.text, "summary": f"The {name} was proposed.", "cites": s.cites(1, first)}
    ]
    if rng.random() < 0.7:
        later = s.papers[-1]
        history.append(
            {"status": rng.choice(("shadow", "established")), "date": later.text, "cites": s.cites(1, later)}
        )
    s.add(
        "bodies",
        {
            "id": bid,
            "name": name,
            "type": kind,
            "places": places,
            "purpose": f"To bring partners in {rng.choice(places)} together to plan and oversee health and care.",
            "history": history,
            "legal_form": rng.choice(
                ("joint committee", "committee of the governing body", "memorandum of understanding")
            ),
            "hosted_by": hosts,
            "reports_to": reports_to,
            "functions": [{"text": t} for t in rng.sample(_PRINCIPLES, rng.randint(2, 5))],
            "chairing": rng.choice(
                ("Jointly chaired by the council leader and the CCG chair", "Rotating chair", "Independent chair")
            ),
            "decision_rule": rng.choice(
                (
                    "Consensus; unresolved matters are referred to the partner boards",
                    "Simple majority of voting members",
                )
            ),
            "meets_in_public": rng.random() < 0.7,
            "seats": _seats(s, bid, rng.randint(3, 9)),
            "cites": s.cites(rng.randint(1, 3)),
        },
    )


def _bodies(s: System) -> None:
    board = f"{s.slug}-icb-board"
    _body(
        s,
        f"{s.slug}-icp",
        f"{s.name} Integrated Care Partnership",
        "partnership",
        [s.slug],
        [],
        s.orgs["local-authority"][:3],
    )
    _body(s, board, f"{s.name} Integrated Care Board", "board", [s.slug], [f"{s.slug}-icp"], [f"{s.slug}-icb"])
    record = s.files["bodies"][-1]
    record["tags"] = ["icb-board"]
    record["seats"] = _icb_seats(s, board)
    if record["seats"]:
        # As if from the board's constitution: the seats are the whole membership, so a missing seat is
        # "not met" rather than "not shown by the sources".
        record["whole_membership"] = {"cites": [dict(c) for c in record["cites"]]}
    for committee in ("quality", "finance", "audit"):
        _body(
            s,
            f"{s.slug}-{committee}-committee",
            f"{s.name} {committee.title()} Committee",
            "committee",
            [s.slug],
            [board],
            [f"{s.slug}-icb"],
        )
    for b, name in s.boroughs:
        _body(s, f"{b}-hwb", f"{name} Health and Wellbeing Board", "board", [b], [f"{b}-council"], [f"{b}-council"])
        _body(
            s,
            f"{b}-locality-board",
            f"{name} Locality Board",
            "joint-committee",
            [b],
            [board, f"{b}-hwb"],
            [f"{b}-council", f"{b}-ccg"],
        )


def _icb_seats(s: System, board: str) -> list[Rec]:
    """The board of an integrated care board under the national rule set, some deliberately
    incomplete (ICB_UNRECORDED_RATE, ICB_INCOMPLETE_RATE)."""
    rng = s.rng
    roll = rng.random()
    if roll < ICB_UNRECORDED_RATE:
        return []
    leave_out = rng.choice(_ICB_SEATS)[0] if roll < ICB_UNRECORDED_RATE + ICB_INCOMPLETE_RATE else None
    nominators = {
        "partner-trusts": s.org("foundation-trust" if "foundation-trust" in s.orgs else "nhs-trust"),
        "partner-primary": f"{s.slug}-gp-federation",
        "partner-councils": s.org("local-authority"),
    }
    seats: list[Rec] = []
    for key, role, category, requirement in _ICB_SEATS:
        if key == leave_out:
            continue
        seat: Rec = {"id": f"{board}-seat-{key}", "role": role, "category": category, "voting": True}
        if key == "non-executives":
            seat["count"] = rng.randint(1, 3)
        if key == "chair":
            seat["chair"] = True
            seat["appointed_by"] = "nhse"
        if key == "chief-executive" and leave_out != "chair":
            seat["appointed_by"] = f"{board}-seat-chair"
        if key in nominators:
            seat["nominated_by"] = nominators[key]
        if requirement:
            seat["fulfils"] = [requirement]
        seats.append(seat)
    for key, role, org in (
        ("participant-dph", "Director of Public Health (participant)", s.org("local-authority")),
        ("participant-healthwatch", "Healthwatch representative (participant)", s.org("healthwatch")),
    ):
        seats.append(
            {
                "id": f"{board}-seat-{key}",
                "role": role,
                "category": "participant",
                "member": False,
                "voting": False,
                "organisation": org,
            }
        )
    return seats


def _principles(s: System) -> None:
    rng = s.rng
    sets = [(s.slug, s.name, f"{s.slug}-icp") for _ in range(4)] + [
        (b, n, f"{b}-locality-board") for b, n in s.boroughs
    ]
    for k, (place, name, owner) in enumerate(sets, 1):
        pid = f"{place}-principles-{k}"
        items = []
        for j, text in enumerate(rng.sample(_PRINCIPLES, rng.randint(4, 8)), 1):
            item: Rec = {
                "id": f"{pid}-{j}",
                "number": str(j),
                "text": f"{text}.",
                "themes": rng.sample(_THEME_IDS, rng.randint(1, 2)),
            }
            items.append(item)
        kind = rng.choice(("principles", "aims", "priorities", "must-haves", "vision"))
        s.add(
            "principles",
            {
                "id": pid,
                "title": f"{name} {kind.replace('-', ' ')}",
                "type": kind,
                "owners": [owner],
                "places": [place],
                "intro": "Partners agreed that:",
                "items": items,
                "cites": s.cites(),
            },
        )


def _workstreams(s: System) -> None:
    programme = f"{s.slug}-transition-programme"
    s.add(
        "workstreams",
        {
            "id": programme,
            "title": f"{s.name} transition programme",
            "type": "programme",
            "lead": f"{s.person()}, Accountable Officer",
            "reports_to": [f"{s.slug}-icb-board"],
            "places": [s.slug],
            "remit": "Moves the system to the new statutory arrangements.",
            "cites": s.cites(),
        },
    )
    s.workstreams.append(programme)
    for k, topic in enumerate(
        s.rng.sample(("Governance", "Finance", "Workforce", "Digital", "Engagement", "Estates"), 5), 1
    ):
        wid = f"{s.slug}-ws-{k}"
        s.workstreams.append(wid)
        s.add(
            "workstreams",
            {
                "id": wid,
                "title": f"{topic} task and finish group",
                "type": "task-and-finish-group",
                "lead": s.person(),
                "reports_to": [programme],
                "part_of": programme,
                "places": [s.slug],
                "remit": f"Plans the {topic.lower()} changes the transition needs.",
                "cites": s.cites(),
            },
        )


def _history(s: System, made: Paper, due_end: date, owner: str, watch: str) -> list[Rec]:
    """Dated updates: planned when made, then what later papers report."""
    rng = s.rng
    updates = [_update(s, "planned", "Put to the partners for agreement.", made, owner)]
    for later in [p for p in s.papers if p.day > made.day]:
        if rng.random() < 0.45:
            continue
        if later.day > due_end:
            status = rng.choices(("done", "missed", "changed", "superseded"), (6, 2, 1, 1))[0]
        else:
            status = "in-progress"
        by = watch if rng.random() < 0.2 else owner
        updates.append(
            _update(s, status, f"The {later.text} paper reports this as {status.replace('-', ' ')}.", later, by)
        )
        if status != "in-progress":
            break
    return updates


def _milestones(s: System) -> None:
    rng = s.rng
    places = [(s.slug, s.name, f"{s.slug}-icb-board", f"{s.boroughs[0][0]}-healthwatch", 5)]
    places += [(b, n, f"{b}-locality-board", f"{b}-healthwatch", 3) for b, n in s.boroughs]
    todo = [(p, name, o, w, title) for p, name, o, w, n in places for title in rng.sample(_MILESTONES, n)]
    for k, (place, name, owner, watch, title) in enumerate(todo, 1):
        made = rng.choice(s.papers[:-1] or s.papers)
        due, end = period_text(rng, made.day)
        s.add(
            "milestones",
            {
                "id": f"{place}-ms-{k}",
                "title": title.format(place=name),
                "number": str(k),
                "owners": [owner],
                "workstream": rng.choice(s.workstreams),
                "places": [place],
                "due": due,
                "updates": _history(s, made, end, owner, watch),
                "cites": s.cites(1, made),
            },
        )


def _commitments(s: System) -> None:
    rng = s.rng
    places = [(s.slug, s.name, f"{s.slug}-icp", f"{s.boroughs[0][0]}-healthwatch", 3)]
    places += [(b, n, f"{b}-council", f"{b}-healthwatch", 2) for b, n in s.boroughs]
    todo = [(p, name, m, w, pick) for p, name, m, w, n in places for pick in rng.sample(_COMMITMENTS, n)]
    for k, (place, name, maker, watch, (title, text)) in enumerate(todo, 1):
        made = rng.choice(s.papers)
        rec: Rec = {
            "id": f"{place}-commitment-{k}",
            "text": text.format(place=name),
            "title": title,
            "made_by": [maker],
            "made_to": f"Residents of {name}",
            "made_on": made.text,
        }
        if rng.random() < 0.7:
            rec["due"], end = period_text(rng, made.day)
        else:
            end = date.max
        rec.update(
            type=rng.choice(("engagement", "service", "governance", "financial", "other")),
            places=[place],
            updates=_history(s, made, end, maker, watch),
            cites=s.cites(1, made),
        )
        s.add("commitments", rec)


def _budgets(s: System) -> None:
    rng = s.rng
    for b, name in s.boroughs:
        lines: list[Rec] = []
        values: list[float] = []
        for area, reason in rng.sample(_LINES, rng.randint(3, 7)):
            value = round(rng.uniform(1, 60), 1)
            values.append(value)
            lines.append({"area": area, "reason": reason, "value": value, "value_text": f"£{value}m"})
        total = round(sum(values), 1)
        year = rng.randint(2018, 2021)
        rec: Rec = {
            "id": f"{b}-pool-{year}",
            "title": f"{name} pooled budget {_fy(year)}",
            "type": "pooled",
            "places": [b],
            "held_by": f"{b}-locality-board",
            "contributors": [f"{b}-council", f"{b}-ccg"],
            "unit": "GBP millions",
            "period": _fy(year),
            "headline": f"£{round(total)} million",
            "risk_share": "In proportion to each partner's contribution.",
            "lines": lines,
        }
        if rng.random() < 0.1:
            rec["printed_total"] = {"value": round(total + 1.2, 1), "text": f"£{round(total + 1.2, 1)}m"}
            rec["total_mismatch_note"] = "The paper's printed total does not match its lines; both are kept."
        else:
            rec["printed_total"] = {"value": total, "text": f"£{total}m"}
        rec["cites"] = s.cites()
        s.add("budgets", rec)


def _figures(s: System) -> None:
    rng = s.rng
    subjects = [(s.slug, f"{s.slug}-icb")] * 2 + [(b, f"{b}-ccg") for b, _ in s.boroughs]
    for k, (place, about) in enumerate(subjects, 1):
        amount = round(rng.uniform(0.5, 40), 1)
        what = rng.choice(("savings target", "forecast deficit", "running cost reduction", "transformation funding"))
        s.add(
            "figures",
            {
                "id": f"{place}-figure-{k}",
                "title": f"{what.capitalize()} ({amount} million)",
                "text": f"The {what} for the year is £{amount} million.",
                "amount": amount,
                "unit": "GBP millions",
                "period": _fy(rng.randint(2018, 2021)),
                "places": [place],
                "about": [about],
                "cites": s.cites(),
            },
        )


def _decisions(s: System) -> None:
    for k, paper in enumerate(s.papers, 1):
        items = [
            {"number": f"({'i' * j})", "text": t}
            for j, t in enumerate(
                (
                    "Note the report.",
                    "Agree the milestones set out in the report.",
                    "Approve the governance arrangements.",
                ),
                1,
            )
        ]
        rec: Rec = {
            "id": f"{s.slug}-decision-{k}",
            "title": f"Recommendations to the {paper.body.replace('-', ' ')}",
            "source": paper.id,
            "asked_of": [paper.body],
            "date": paper.text,
            "places": [s.slug],
            "items": items,
            "cites": [{"source": paper.id, "at": "recommendations"}],
        }
        if s.rng.random() < 0.5:
            rec["outcome"] = "A later paper records that the recommendations were agreed."
        s.add("decisions", rec)


def _options(s: System) -> None:
    oid = f"{s.slug}-ics-options"
    options = [
        {"id": f"{oid}-{k}", "label": f"Option {k}", "summary": text, "points": ["Keeps statutory duties clear."]}
        for k, text in enumerate(("A statutory committee model", "A statutory corporate body model"), 1)
    ]
    s.add(
        "options",
        {
            "id": oid,
            "title": "Options for the future of the integrated care system",
            "places": [s.slug],
            "options": options,
            "preferred": [f"{oid}-2"],
            "preferred_by": [f"{s.slug}-icp"],
            "outcome": "Partners preferred option 2.",
            "cites": s.cites(),
        },
    )
    if s.index % 3 == 0:
        questions = [
            {"id": f"{s.slug}-engagement-q{k}", "number": str(k), "text": q, "answer": "Partners agreed, with caveats."}
            for k, q in enumerate(("Do you agree with the proposals?", "What should stay local?", "What else?"), 1)
        ]
        s.add(
            "consultations",
            {
                "id": f"{s.slug}-engagement",
                "title": "Engagement on the future of integrated care",
                "asked_by": [f"{s.slug}-icb"],
                "answered_by": [f"{s.slug}-icp"],
                "places": [s.slug],
                "questions": questions,
                "cites": s.cites(),
            },
        )


def system_files(s: System) -> dict[str, list[Rec]]:
    """Every record of one system, by kind file name."""
    _sources(s)
    _places(s)
    _organisations(s)
    _bodies(s)
    _principles(s)
    _workstreams(s)
    _milestones(s)
    _commitments(s)
    _budgets(s)
    _figures(s)
    _decisions(s)
    _options(s)
    return s.files


_ICB_RULES: tuple[tuple[str, str, str, tuple[str, ...], str, int, int | None, str | None, str | None, str], ...] = (
    # (id, label, basis, categories, match, min, max, nominated_by, appointed_by, locator)
    ("icb-req-chair", "Chair", "statutory", ("chair",), "fulfils", 1, 1, None, "nhse", "para 3(1)(a)"),
    (
        "icb-req-chief-executive",
        "Chief executive",
        "statutory",
        ("chief-executive",),
        "fulfils",
        1,
        1,
        None,
        "icb-c-chair",
        "para 3(1)(b)",
    ),
    (
        "icb-req-ordinary-members",
        "At least three ordinary members",
        "statutory",
        ("executive", "non-executive", "partner", "ordinary"),
        "category",
        3,
        None,
        None,
        None,
        "para 3(1)(c)",
    ),
    (
        "icb-req-partner-trusts",
        "Partner member nominated by NHS trusts and foundation trusts",
        "statutory",
        ("partner",),
        "fulfils",
        1,
        None,
        "icb-c-nhs-trusts",
        None,
        "para 8",
    ),
    (
        "icb-req-partner-primary",
        "Partner member nominated by providers of primary medical services",
        "statutory",
        ("partner",),
        "fulfils",
        1,
        None,
        "icb-c-primary-medical",
        None,
        "para 8",
    ),
    (
        "icb-req-partner-local-authorities",
        "Partner member nominated by local authorities",
        "statutory",
        ("partner",),
        "fulfils",
        1,
        None,
        "icb-c-local-authorities",
        None,
        "para 8",
    ),
    (
        "icb-req-mental-health",
        "Member with knowledge and experience of mental health services",
        "statutory",
        ("executive", "non-executive", "partner", "ordinary"),
        "fulfils",
        1,
        None,
        None,
        None,
        "para 8",
    ),
    (
        "icb-req-director-of-finance",
        "Director of finance",
        "policy",
        ("executive",),
        "fulfils",
        1,
        None,
        None,
        None,
        "",
    ),
    ("icb-req-medical-director", "Medical director", "policy", ("executive",), "fulfils", 1, None, None, None, ""),
    (
        "icb-req-director-of-nursing",
        "Director of nursing",
        "policy",
        ("executive",),
        "fulfils",
        1,
        None,
        None,
        None,
        "",
    ),
    (
        "icb-req-non-executives",
        "At least two non-executive members",
        "policy",
        ("non-executive",),
        "category",
        2,
        None,
        None,
        None,
        "",
    ),
    (
        "icb-req-ten-members",
        "At least ten members",
        "policy",
        ("chair", "chief-executive", "executive", "non-executive", "partner", "ordinary"),
        "category",
        10,
        None,
        None,
        None,
        "",
    ),
)


def _national_rules() -> dict[str, list[Rec]]:
    """The law and policy sources, NHS England and the rule set for every integrated care board."""
    law, policy = "src-synthetic-nhsa-2006-sch-1b", "src-synthetic-icb-policy"
    paras = ("para 3(1)(a)", "para 3(1)(b)", "para 3(1)(c)", "para 8")
    sources = [
        {
            "id": law,
            "title": "National Health Service Act 2006, Schedule 1B (synthetic copy for benchmarks)",
            "date": "28 April 2022",
            "publishers": ["nhse"],
            "places": ["england"],
            "text_held": False,
            "summary": "The statutory board of every integrated care board. The register's own wording.",
            "outline": [{"ref": ref, "title": f"Schedule 1B {ref}"} for ref in paras],
        },
        {
            "id": policy,
            "title": "NHS England policy on integrated care board membership (synthetic copy for benchmarks)",
            "date": "June 2021",
            "publishers": ["nhse"],
            "places": ["england"],
            "text_held": False,
            "summary": "Three executive members and at least two non-executives. The register's own wording.",
            "outline": [{"ref": "board membership", "title": "Minimum membership of the board"}],
        },
    ]
    organisations = [
        {
            "id": "nhse",
            "name": "NHS England",
            "type": "national-nhs-body",
            "places": ["england"],
            "cites": [{"source": law, "at": "para 3(1)(a)"}],
        }
    ]
    requirements = [
        {
            "id": rid,
            "label": label,
            "text": f"{label}, as the rule requires (synthetic).",
            "basis": basis,
            "categories": list(categories),
            "match": match,
            "min": low,
            **({"max": high} if high is not None else {}),
            **({"nominated_by": nominated} if nominated else {}),
            **({"appointed_by": appointed} if appointed else {}),
            "cites": [{"source": law, "at": at} if at else {"source": policy, "at": "board membership"}],
        }
        for rid, label, basis, categories, match, low, high, nominated, appointed, at in _ICB_RULES
    ]
    rules = [
        {
            "id": "england-icb-board-rules",
            "name": "The board of every integrated care board",
            "places": ["england"],
            "applies_to": {"tags": ["icb-board"]},
            "in_force": "1 July 2022",
            "constituencies": [
                {"id": "icb-c-chair", "label": "the chair of the board", "seat_categories": ["chair"]},
                {
                    "id": "icb-c-nhs-trusts",
                    "label": "NHS trusts and foundation trusts in the area",
                    "organisation_types": ["nhs-trust", "foundation-trust"],
                },
                {
                    "id": "icb-c-primary-medical",
                    "label": "providers of primary medical services in the area",
                    "organisation_types": ["primary-care"],
                },
                {
                    "id": "icb-c-local-authorities",
                    "label": "local authorities in the area",
                    "organisation_types": ["local-authority"],
                },
            ],
            "requirements": requirements,
            "cites": [{"source": law, "at": "para 3(1)(a)"}],
        }
    ]
    return {"england/sources": sources, "england/organisations": organisations, "england/rules": rules}


def national_files() -> dict[str, list[Rec]]:
    """Written once: England, its law and rule set, the glossary and the themes."""
    glossary = [
        {"id": f"term-{slugify(t) or 'x'}", "term": t, "expansion": e, "explanation": x} for t, e, x in GLOSSARY
    ]
    themes = [{"id": i, "name": n, "description": d} for i, n, d in THEMES]
    england = [{"id": "england", "name": "England", "type": "nation", "summary": "The national level."}]
    return {"england/places": england, **_national_rules(), "glossary": glossary, "themes": themes}


def synthesize(systems: int, seed: int = 0) -> dict[str, list[Rec]]:
    """Every file of a synthetic register, by path under data/ without '.yml'."""
    if systems < 1:
        raise ValueError("systems must be at least 1")
    out = national_files()
    for s in _systems(systems, seed):
        for kind, records in system_files(s).items():
            out[f"{s.slug}/{kind}"] = records
    return dict(sorted(out.items()))


def write(out: Path, systems: int, seed: int = 0) -> int:
    """Write a synthetic register into the empty folder `out`; return the number of records."""
    files = synthesize(systems, seed)
    header = f"# Synthetic data: python -m benchmarks.synth --systems {systems} --seed {seed}. Not real.\n"
    for stem, records in files.items():
        path = out / f"{stem}.yml"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=100)
        path.write_text(header + text, encoding="utf-8")
    return sum(len(r) for r in files.values())


def run(systems: int, out: Path, seed: int = 0) -> int:
    """The `synth` command: exit 0 when written, 2 for a bad count or a folder that is not empty."""
    if systems < 1:
        print("--systems must be at least 1")
        return 2
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        print(f"{out} is not an empty folder; choose a new one so no data is overwritten.")
        return 2
    count = write(out, systems, seed)
    print(f"Wrote {count} records for {systems} systems into {out} (seed {seed}).")
    return 0


def main(argv: list[str] | None = None) -> None:
    """`python -m benchmarks.synth --systems N --out DIR [--seed S]`: exit 0, or 2 for usage errors."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m benchmarks.synth", description=__doc__)
    parser.add_argument("--systems", default=42, type=int, help="number of integrated care systems (default: 42)")
    parser.add_argument("--out", required=True, type=Path, help="an empty folder to write the data into")
    parser.add_argument("--seed", default=0, type=int, help="the same seed gives byte-identical files")
    args = parser.parse_args(argv)
    sys.exit(run(args.systems, args.out, args.seed))


if __name__ == "__main__":
    main()
