"""The data flow, top to bottom: load, index, derive, export, render.

Why: the CLI, the MkDocs hook and the tests all call `generate`, so there is
one code path from YAML to site files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .dates import from_epoch
from .derive import Derived, derive
from .export import export_all
from .index import Index, build_index
from .load import load
from .output import Output
from .problems import Problem, report
from .render import render_site
from .versions import compare, current_release, load_releases


@dataclass
class Result:
    """What a generation run produced."""

    problems: list[Problem]
    index: Index | None = None
    outputs: list[Output] = field(default_factory=list)
    derived: Derived | None = None


def check(data_dir: Path, max_bytes: int | None = None) -> tuple[Index, list[Problem]]:
    """Load and index; every problem in the data, sorted."""
    loaded, seen, problems = load(data_dir, max_bytes)
    index, more = build_index(loaded, seen)
    return index, sorted(set(problems + more))


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


def generate(data_dir: Path, as_of: date, site_url: str = "", releases_dir: Path | None = None) -> Result:
    """Validate the data and, if it is clean, derive, export and render every file."""
    index, problems = check(data_dir)
    releases, release_problems = load_releases(releases_dir)
    if problems or release_problems:
        return Result(sorted(problems + release_problems), index)
    derived = derive(index, as_of)
    exports = export_all(index, derived, site_url)
    current = current_release(derived)
    diffs = [compare(release, current) for release in releases]
    pages = render_site(index, derived, exports, site_url, diffs)
    return Result([], index, sorted(exports + pages, key=lambda o: o.path), derived)


__all__ = ["Output", "Result", "check", "epoch_of", "generate", "report", "resolve_as_of"]
