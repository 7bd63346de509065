"""Times: values and granularity relative to the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.time import normalise
from dateline.model import Analysis
from helpers import analysed


def _times(a: Analysis) -> dict[str, tuple[str | None, str | None]]:
    return {t.text: (t.value, t.granularity) for t in a.times}


def test_dates_across_a_year_boundary() -> None:
    a = analysed("year_boundary.md")
    assert a.article.published == "2024-01-02"
    assert _times(a) == {
        "Jan 2": ("2024-01-02", "day"),
        "Tuesday": ("2024-01-02", "day"),
        "December 28": ("2023-12-28", "day"),
        "last month": ("2023-12", "month"),
        "early this year": ("2024-Q1", "quarter"),
        "Friday": ("2024-01-05", "day"),  # 'would be published on Friday': the next Friday
    }


def test_wire_story_times() -> None:
    a = analysed("kyiv_wire.md")
    assert _times(a) == {
        "March 14": ("2023-03-14", "day"), "Tuesday": ("2023-03-14", "day"),
        "next month": ("2023-04", "month"), "last week": ("2023-W10", "week"),
    }


def test_durations_and_missing_reference_get_no_value() -> None:
    feed = analysed("feed.xml")
    assert _times(feed)["72 hours"] == (None, None)
    nairobi = analysed("nairobi.txt")  # no publication date knowable: relative dates stay open
    assert nairobi.article.published is None
    assert _times(nairobi)["Sunday"] == (None, None)


REF = dt.date(2017, 1, 9)  # a Monday


@pytest.mark.parametrize(("text", "expected"), [
    ("Monday", ("2017-01-09", "day")),
    ("last Monday", ("2017-01-02", "day")),
    ("Friday", ("2017-01-06", "day")),
    ("Late last year", ("2016-Q4", "quarter")),
    ("early this year", ("2017-Q1", "quarter")),
    ("last year", ("2016", "year")),
    ("back in 2012", ("2012", "year")),
    ("January 9", ("2017-01-09", "day")),
    ("December 30", ("2016-12-30", "day")),
    ("yesterday", ("2017-01-08", "day")),
    ("two days ago", ("2017-01-07", "day")),
    ("March 3, 2016", ("2016-03-03", "day")),
    ("November", ("2016-11", "month")),
    ("next month", ("2017-02", "month")),
    ("three years", (None, None)),
])
def test_normalise(text: str, expected: tuple[str | None, str | None]) -> None:
    assert normalise(text, REF) == expected


def test_future_weekday() -> None:
    assert normalise("Friday", REF, future=True) == ("2017-01-13", "day")
