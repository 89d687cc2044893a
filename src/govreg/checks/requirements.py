"""Bodies that fall short of a rule set that applies to them (e.g. the statutory board of an ICB).

Driven by `govreg.compliance`: a seat counts only by its category and its `fulfils` link,
never by words in its role title; participants and observers never count.
"""

from __future__ import annotations

from datetime import date

from ..compliance import cite_text
from ..index import Index
from .rule import Finding, Inputs, Rule


def not_met(index: Index, inputs: Inputs, as_of: date) -> list[Finding]:
    out = []
    for bid, comp in inputs.compliance.items():
        if comp.status != "shortfall" or comp.comparison:  # a proposal is compared, never counted as short
            continue
        name = index.get(bid).title_text()
        for r in comp.results:
            if r.answer != "not-met":
                continue
            cites = "; ".join(cite_text(index, c) for c in r.cites)
            out.append(
                Finding(
                    REQUIREMENT_NOT_MET.id,
                    (bid, r.rule_set),
                    f"{name}: {r.label}: needs {r.need_text()}, found {r.found_text()}: {r.why} ({r.basis}; {cites}).",
                )
            )
    return out


def not_shown(index: Index, inputs: Inputs, as_of: date) -> list[Finding]:
    out = []
    for bid, comp in inputs.compliance.items():
        if comp.status == "membership-not-recorded" or comp.comparison or not comp.not_shown:
            continue
        open_ = [r for r in comp.results if r.answer == "not-shown"]
        labels = "; ".join(f"{r.label} (needs {r.need_text()}, found {r.found_text()})" for r in open_)
        out.append(
            Finding(
                REQUIREMENT_NOT_SHOWN.id,
                (bid, *comp.rule_sets),
                f"{comp.counts_text().capitalize()}. The sources read leave open: {labels}.",
                index.get(bid).title_text(),
            )
        )
    return out


def not_recorded(index: Index, inputs: Inputs, as_of: date) -> list[Finding]:
    return [
        Finding(
            MEMBERSHIP_NOT_RECORDED.id,
            (bid, *comp.rule_sets),
            f"Membership not recorded, so none of its {comp.total} requirements can be checked.",
            index.get(bid).title_text(),
        )
        for bid, comp in inputs.compliance.items()
        if comp.status == "membership-not-recorded" and not comp.comparison
    ]


REQUIREMENT_NOT_MET = Rule(
    "requirement-not-met",
    "Body short of a requirement that applies to it",
    "A body that a rule set applies to (for example every integrated care board, under Schedule 1B to the "
    "National Health Service Act 2006 and NHS England policy) whose recorded seats cannot meet one of its "
    "requirements: its record cites a source saying the seats are its whole membership and too few "
    "fulfil the requirement, or it has more seats than the rule allows. Seats count by their category "
    "and their `fulfils` link to the requirement, never by the words of their role; participants and "
    "observers never count.",
    not_met,
)
REQUIREMENT_NOT_SHOWN = Rule(
    "requirement-not-shown",
    "Body whose sources do not show whether it meets a requirement",
    "A body that a rule set applies to, some of whose requirements its recorded seats neither meet nor "
    "fail: the sources read do not list its whole membership, or give a range of seats. This is not a "
    "breach; it says where the register needs a fuller source, such as the body's constitution.",
    not_shown,
)
MEMBERSHIP_NOT_RECORDED = Rule(
    "membership-not-recorded",
    "Body whose membership is not recorded",
    "A body that a rule set applies to but whose record lists no member seats, so it cannot be checked. "
    "It is not reported as compliant.",
    not_recorded,
)
