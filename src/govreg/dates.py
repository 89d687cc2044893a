"""Dates as the papers give them: keep the words, derive a sortable range.

Why: board papers say "2018/19", "Autumn 2019", "by December 2018" or
"1/4/22". We keep that text and its precision, and derive the earliest start
and the latest end it can mean, so "overdue as at" is exact and honest.
Anything we cannot read is an error naming the text; we never guess.

Conventions (documented on the Data model page):
- financial year "2018/19" or "2018-19": 1 April 2018 to 31 March 2019;
- "Q1 2019/20" is April to June 2019, Q4 is January to March 2020;
- seasons are meteorological: spring March-May, summer June-August,
  autumn September-November, winter December to the end of February;
- "by X" ends when X ends and starts when X starts (a deadline, flagged `by`);
- "1/4/22" is day/month/year (UK order), two-digit years are 20xx;
- "in-year" needs a context financial year and spans it;
- "from X" starts when X starts, "after X" or "post X" the day after X ends;
  neither has an end;
- "tbc" has no range.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Precision = Literal["day", "month", "season", "quarter", "financial-year", "year", "range", "unknown"]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


class DateError(ValueError):
    """A date text we cannot read."""


@dataclass(frozen=True, slots=True)
class Period:
    """A date as printed, with its precision and derived range (inclusive)."""

    text: str
    precision: Precision
    start: date | None
    end: date | None
    by: bool = False
    context: str | None = None

    def as_input(self) -> str | dict[str, str]:
        """The value as written in YAML (for round-tripping exports)."""
        if self.context is None:
            return self.text
        return {"text": self.text, "year": self.context}

    @property
    def known_by(self) -> date | None:
        """The day an entry dated this way counts from: the period's last day (an update dated "April
        2019" counts from 30 April 2019), else its first; None when undated. The one rule for updates,
        reviews, body events, sources and national changes."""
        return self.end or self.start

    def counts_from(self) -> date:
        """`known_by`, with an undated entry counting from the beginning of time."""
        return self.end or self.start or date.min

    @property
    def sort_key(self) -> tuple[date, date]:
        return (self.start or date.max, self.end or date.max)

    def ended_before(self, day: date) -> bool:
        """True when the whole period lies before `day` (so it is past due)."""
        return self.end is not None and self.end < day

    def describe(self) -> str:
        """Plain words for the derived range, e.g. '1 Apr 2018 to 31 Mar 2019'."""
        if self.start is None and self.end is None:
            return "date not known"
        if self.start == self.end and self.start is not None:
            return _fmt(self.start)
        start = _fmt(self.start) if self.start else "an unknown date"
        end = _fmt(self.end) if self.end else "no end date"
        return f"{start} to {end}"


def _fmt(day: date) -> str:
    return f"{day.day} {calendar.month_abbr[day.month]} {day.year}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    value = int(text)
    if len(text) == 2:
        value += 2000
    if not 1900 <= value <= 2100:
        raise DateError(text)
    return value


def _fy_start(first: str, second: str) -> int:
    start = _year(first)
    end_short = int(second) % 100
    if (start + 1) % 100 != end_short:
        raise DateError(f"{first}/{second}")
    return start


_FY = r"(\d{4}|\d{2})\s*/\s*(\d{2}|\d{4})|(\d{4})-(\d{2})"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})$"), "iso"),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$"), "dmy"),
    (re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})$"), "day-month"),
    (re.compile(r"^q([1-4]) (?:" + _FY + r")$"), "quarter"),
    (re.compile(r"^(?:" + _FY + r")$"), "fy"),
    (re.compile(r"^([a-z]+),? (\d{4})$"), "month-or-season"),
    (re.compile(r"^(\d{4})$"), "year"),
    (re.compile(r"^(\d{4})\s*(?:-|–|to)\s*(\d{4})$"), "year-range"),
]


def _parse_simple(text: str) -> tuple[Precision, date, date]:
    for pattern, kind in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        g = m.groups()
        if kind == "iso":
            day = date(int(g[0]), int(g[1]), int(g[2]))
            return "day", day, day
        if kind == "dmy":
            day = date(_year(g[2]), int(g[1]), int(g[0]))
            return "day", day, day
        if kind == "day-month":
            if g[1] not in MONTHS:
                raise DateError(text)
            day = date(_year(g[2]), MONTHS[g[1]], int(g[0]))
            return "day", day, day
        if kind == "quarter":
            start_year = _fy_start(*[x for x in g[1:] if x])
            q = int(g[0])
            month = 4 + 3 * (q - 1)
            year = start_year + (month - 1) // 12
            month = (month - 1) % 12 + 1
            return "quarter", date(year, month, 1), _month_end(year, month + 2)
        if kind == "fy":
            first, second = [x for x in g if x]
            if g[2] and int(second) > (int(first) + 1) % 100:
                # "2019-21": financial years 2019/20 to 2020/21
                start_year, last = _year(first), _year(second)
                return "range", date(start_year, 4, 1), date(last, 3, 31)
            start_year = _fy_start(first, second)
            return "financial-year", date(start_year, 4, 1), date(start_year + 1, 3, 31)
        if kind == "month-or-season":
            year = _year(g[1])
            if g[0] in MONTHS:
                month = MONTHS[g[0]]
                return "month", date(year, month, 1), _month_end(year, month)
            if g[0] in SEASONS:
                first, last = SEASONS[g[0]]
                end_year = year + 1 if last < first else year
                return "season", date(year, first, 1), _month_end(end_year, last)
            raise DateError(text)
        if kind == "year":
            year = _year(g[0])
            return "year", date(year, 1, 1), date(year, 12, 31)
        if kind == "year-range":
            first, last = _year(g[0]), _year(g[1])
            if last < first:
                raise DateError(text)
            return "range", date(first, 1, 1), date(last, 12, 31)
    raise DateError(text)


def parse_period(text: str, context: str | None = None) -> Period:
    """Read a paper's date text; raise DateError naming the text if we cannot."""
    original = text
    norm = " ".join(text.strip().lower().split())
    if not norm:
        raise DateError("empty date")
    if norm in {"tbc", "tbd", "to be confirmed", "not known"}:
        return Period(original, "unknown", None, None)
    if norm == "in-year" or norm == "in year":
        if context is None:
            raise DateError(f"cannot read date {original!r}: 'in-year' needs a year (write text and year)")
        precision, start, end = _parse_simple(" ".join(context.lower().split()))
        if precision != "financial-year":
            raise DateError(f"cannot read date {original!r}: its year {context!r} is not a financial year")
        return Period(original, "financial-year", start, end, context=context)
    if context is not None:
        raise DateError(f"date {original!r} does not take a year; only 'in-year' does")
    for prefix, after in (("from ", False), ("after ", True), ("post ", True), ("post-", True)):
        if norm.startswith(prefix):
            try:
                precision, start, end = _parse_simple(norm[len(prefix) :])
            except (DateError, ValueError):
                raise DateError(f"cannot read date {original!r}") from None
            return Period(original, precision, end + timedelta(days=1) if after else start, None)
    by = False
    for prefix in ("by the end of ", "by end of ", "by "):
        if norm.startswith(prefix):
            norm, by = norm[len(prefix) :], True
            break
    try:
        if "–" in norm or " to " in norm or " - " in norm:
            parts = re.split(r"\s*(?:–|\bto\b| - )\s*", norm, maxsplit=1)
            if len(parts) == 2 and parts[0] and parts[1]:
                _, start, _ = _parse_simple(parts[0])
                _, _, end = _parse_simple(parts[1])
                if end < start:
                    raise DateError(original)
                return Period(original, "range", start, end, by=by)
        precision, start, end = _parse_simple(norm)
    except (DateError, ValueError):
        raise DateError(f"cannot read date {original!r}") from None
    return Period(original, precision, start, end, by=by)


def quarter_ends(first: date, last: date) -> list[date]:
    """Every financial quarter end (30 Jun, 30 Sep, 31 Dec, 31 Mar) in [first, last]."""
    out: list[date] = []
    year = first.year
    while True:
        for month in (3, 6, 9, 12):
            day = _month_end(year, month)
            if day > last:
                return out
            if day >= first:
                out.append(day)
        year += 1


def from_epoch(seconds: str) -> date:
    """The UTC date of a SOURCE_DATE_EPOCH value."""
    return date(1970, 1, 1) + timedelta(seconds=int(seconds)) // timedelta(days=1) * timedelta(days=1)


def day_text(day: date) -> str:
    """A day as pages and messages print it: '24 March 2021'."""
    return f"{day:%-d %B %Y}"
