"""The data set, checked: every file loaded and indexed, and the dates it holds evidence for.

Why a module of its own: validation, the build, the review-pack import and the MkDocs
adapter all start here, and none of them may depend on the others.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .dates import Period
from .index import Index, build_index
from .load import load
from .problems import Problem
from .session import Session
from .trace import trace_problems


def check(data_dir: Path, max_bytes: int | None = None, session: Session | None = None) -> tuple[Index, list[Problem]]:
    """Load and index; every problem in the data, sorted."""
    loaded, seen, problems = load(data_dir, max_bytes, session)
    index, more = build_index(loaded, seen)
    more += trace_problems(index)
    return index, sorted(set(problems + more))


def evidence_dates(index: Index) -> list[tuple[str, tuple[str | int, ...], Period]]:
    """(record id, path, date) of every date that says when something was known or happened:
    sources, reviews and national changes (their date), status updates and body history events (anywhere in a record).

    Due dates, meeting dates and holders' terms are plans or facts about the future, not evidence.
    """
    from .models.body import BodyEvent
    from .models.common import StatusUpdate, iter_models

    out: list[tuple[str, tuple[str | int, ...], Period]] = []
    for rid, item in index.records.items():
        if item.kind.name in ("source", "review", "reform"):
            out.append((rid, ("date",), item.record.date))  # type: ignore[attr-defined]
        for path, model in iter_models(item.record):
            if isinstance(model, StatusUpdate | BodyEvent):
                out.append((rid, (*path, "date"), model.date))
    return out


def newest_evidence(index: Index) -> date | None:
    """The as-of rule: the last day the register has evidence for (see README, "The as-of date")."""
    ends = [p.end for _, _, p in evidence_dates(index) if p.end is not None]
    return max(ends, default=None)


__all__ = ["check", "evidence_dates", "newest_evidence"]
