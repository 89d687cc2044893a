"""Dates as the papers give them: words kept, range derived, no guessing."""

from __future__ import annotations

from datetime import date

import pytest

from govreg.dates import DateError, parse_period, quarter_ends

D = date


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("2018/19", "financial-year", D(2018, 4, 1), D(2019, 3, 31)),
        ("2018-19", "financial-year", D(2018, 4, 1), D(2019, 3, 31)),
        ("19/20", "financial-year", D(2019, 4, 1), D(2020, 3, 31)),
        ("Q3 2019/20", "quarter", D(2019, 10, 1), D(2019, 12, 31)),
        ("Q4 2019/20", "quarter", D(2020, 1, 1), D(2020, 3, 31)),
        ("Q1 2019/20", "quarter", D(2019, 4, 1), D(2019, 6, 30)),
        ("September 2018", "month", D(2018, 9, 1), D(2018, 9, 30)),
        ("Sep 2018", "month", D(2018, 9, 1), D(2018, 9, 30)),
        ("February 2020", "month", D(2020, 2, 1), D(2020, 2, 29)),
        ("Autumn 2019", "season", D(2019, 9, 1), D(2019, 11, 30)),
        ("Summer, 2019", "season", D(2019, 6, 1), D(2019, 8, 31)),
        ("Winter 2019", "season", D(2019, 12, 1), D(2020, 2, 29)),
        ("by December 2018", "month", D(2018, 12, 1), D(2018, 12, 31)),
        ("1/4/22", "day", D(2022, 4, 1), D(2022, 4, 1)),
        ("12/4/2019", "day", D(2019, 4, 12), D(2019, 4, 12)),
        ("2019-04-01", "day", D(2019, 4, 1), D(2019, 4, 1)),
        ("8th April 2019", "day", D(2019, 4, 8), D(2019, 4, 8)),
        ("2021", "year", D(2021, 1, 1), D(2021, 12, 31)),
        ("2019-2024", "range", D(2019, 1, 1), D(2024, 12, 31)),
        ("2019-21", "range", D(2019, 4, 1), D(2021, 3, 31)),
        ("17/18 to 20/21", "range", D(2017, 4, 1), D(2021, 3, 31)),
        ("tbc", "unknown", None, None),
    ],
)
def test_readable_dates(text: str, precision: str, start: date | None, end: date | None) -> None:
    p = parse_period(text)
    assert (p.text, p.precision, p.start, p.end) == (text, precision, start, end)


def test_by_is_flagged() -> None:
    assert parse_period("by December 2018").by and not parse_period("December 2018").by


def test_open_ended() -> None:
    p = parse_period("post 2019/20")
    assert (p.start, p.end) == (D(2020, 4, 1), None)
    assert parse_period("from April 2019").start == D(2019, 4, 1)


def test_in_year_needs_a_year() -> None:
    p = parse_period("in-year", "2019/20")
    assert (p.start, p.end, p.as_input()) == (D(2019, 4, 1), D(2020, 3, 31), {"text": "in-year", "year": "2019/20"})
    with pytest.raises(DateError, match="needs a year"):
        parse_period("in-year")


@pytest.mark.parametrize(
    "text",
    ["Sprnig 2019", "2019-13-01", "31/2/20", "2018/20", "Q5 2019/20", "", "soon", "2019-2017", "13/13/13", "Spring"],
)
def test_unreadable_dates_are_errors(text: str) -> None:
    with pytest.raises(DateError):
        parse_period(text)


def test_overdue_boundaries() -> None:
    fy = parse_period("2018/19")
    assert not fy.ended_before(D(2019, 3, 31))  # the last day of the year is still in time
    assert fy.ended_before(D(2019, 4, 1))
    autumn = parse_period("Autumn 2019")
    assert not autumn.ended_before(D(2019, 11, 30)) and autumn.ended_before(D(2019, 12, 1))
    assert not parse_period("tbc").ended_before(D(2100, 1, 1))


def test_quarter_ends() -> None:
    assert quarter_ends(D(2019, 1, 1), D(2019, 12, 31)) == [
        D(2019, 3, 31),
        D(2019, 6, 30),
        D(2019, 9, 30),
        D(2019, 12, 31),
    ]
