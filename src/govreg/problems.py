"""Problems found in the data: values, collected and reported together.

Why: an editor should be able to fix every mistake in one pass, so nothing
here raises; each step returns the problems it found and the CLI reports
them all at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

ProblemCode = Literal[
    "after_as_of",
    "budget_total",
    "dangling_ref",
    "date",
    "duplicate_id",
    "duplicate_key",
    "file",
    "future_evidence",
    "locator",
    "place_loop",
    "schema",
    "trace",
    "unfinished_title",
    "yaml",
]


WARNING_CODES = frozenset({"after_as_of", "unfinished_title"})
"""Codes reported as warnings: listed, but the exit status stays 0."""


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with the data, located as precisely as we can."""

    file: str
    line: int
    column: int
    message: str
    code: ProblemCode

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}"
            if self.column:
                where += f":{self.column}"
        return f"{where}: {self.message} [{self.code}]"


def report(problems: Iterable[Problem]) -> str:
    """All problems, one a line, sorted by file and line, then a count."""
    unique = sorted(set(problems))
    lines = [str(p) for p in unique]
    noun = "problem" if len(unique) == 1 else "problems"
    lines.append(f"{len(unique)} {noun} found.")
    return "\n".join(lines)
