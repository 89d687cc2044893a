"""The data flow, top to bottom: load, index, derive, export, render.

Why: the CLI, the MkDocs hook and the tests all call `generate`, so there is
one code path from YAML to site files.
"""

from __future__ import annotations

import functools
import gc
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .background import background
from .dataset import check, evidence_dates, newest_evidence
from .dates import from_epoch
from .derive import Derived, derive
from .export import export_all
from .index import Index
from .lint import dated_after
from .output import Output
from .problems import Problem, report
from .progress import Progress, count
from .render import render_site
from .session import Session
from .versions import compare, current_release, load_releases


@dataclass
class Result:
    """What a generation run produced."""

    problems: list[Problem]
    index: Index | None = None
    outputs: list[Output] = field(default_factory=list)
    derived: Derived | None = None


def resolve_as_of(explicit: str | None, configured: str | None = None, environ: dict[str, str] | None = None) -> date:
    """The register's 'today': explicit, else configured, else SOURCE_DATE_EPOCH.

    Why: builds must be reproducible, so the clock is never read.
    """
    env = os.environ if environ is None else environ
    for value in (explicit, configured):
        if value:
            try:
                return date.fromisoformat(str(value))
            except ValueError:
                raise ValueError(f"as-of date {value!r} is not YYYY-MM-DD") from None
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return from_epoch(epoch)
        except ValueError:
            raise ValueError(f"SOURCE_DATE_EPOCH {epoch!r} is not a number of seconds") from None
    raise ValueError("no as-of date: set extra.register.as_of in mkdocs.yml, pass --as-of, or set SOURCE_DATE_EPOCH")


def epoch_of(day: date) -> str:
    """SOURCE_DATE_EPOCH (seconds, as text) for midnight UTC of `day`."""
    return str((day - date(1970, 1, 1)).days * 86400)


def _exports(
    index: Index, derived: Derived, site_url: str, session: Session | None
) -> tuple[list[Output], dict[tuple[str, str], Any]]:
    """The exports, and the session entries they used (a forked child hands them back)."""
    before = session.used() if session is not None else frozenset()
    outputs = export_all(index, derived, site_url, session)
    return outputs, session.used_since(before) if session is not None else {}


def generate(
    data_dir: Path,
    as_of: date,
    site_url: str = "",
    releases_dir: Path | None = None,
    session: Session | None = None,
    parallel: bool = True,
    progress: Progress | None = None,
) -> Result:
    """Validate the data and, if it is clean, derive, export and render every file.

    A `session` (kept by `mkdocs serve` between rebuilds) reuses work whose inputs are
    unchanged; the result is the same with or without it. `parallel`: run the exports in
    a forked process, where the platform has fork, while the pages are printed (on 2 cores
    this was faster at every size measured, from the 25-record starter to 42 systems).
    """
    if session is not None:
        session.begin()
    try:
        if progress is not None:
            progress.update("govreg: checking the data ...", force=True)
        index, problems = check(data_dir, session=session)
        if progress is not None:
            progress.update(f"govreg: {count(len(index.records), 'record')} checked; making pages ...", force=True)
        releases, release_problems = load_releases(releases_dir)
        if problems or release_problems:
            return Result(sorted(problems + release_problems), index)
        # The index lives as long as the generation: keep the cyclic collector from walking
        # it again and again (a fifth of the data layer's time at 42 systems), and its memory
        # shared with the forked exports.
        gc.freeze()
        derived = derive(index, as_of)
        current = current_release(derived)
        diffs = [compare(release, current) for release in releases]
        with background(lambda: _exports(index, derived, site_url, session), parallel) as job:

            @functools.cache
            def exports() -> list[Output]:
                outputs, entries = job.result()
                if session is not None:
                    session.adopt(entries)
                return outputs

            pages = render_site(index, derived, exports, site_url, diffs, session)
            return Result([], index, sorted(exports() + pages, key=lambda o: o.path), derived)
    finally:
        gc.unfreeze()
        if session is not None:
            session.end()


__all__ = [
    "Output",
    "Result",
    "check",
    "dated_after",
    "epoch_of",
    "evidence_dates",
    "generate",
    "newest_evidence",
    "report",
    "resolve_as_of",
]
