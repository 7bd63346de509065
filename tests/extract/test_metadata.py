"""Dateline parsing across wire styles, and publication-date inference."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.metadata import extract_metadata, nlp_text, parse_dateline
from dateline.model import Article
from helpers import read_one

STYLES = [
    ("Damascus, January 9 (RHC)-- Syrian President", "Damascus, January 9 (RHC)--", "Damascus", "January 9", "RHC"),
    ("WASHINGTON (AP) — The Senate voted", "WASHINGTON (AP) —", "Washington", None, "AP"),
    ("Jan 9 (Reuters) - Oil prices rose", "Jan 9 (Reuters) -", None, "Jan 9", "Reuters"),
    ("PARIS, Jan 9 (Reuters) - France said", "PARIS, Jan 9 (Reuters) -", "Paris", "Jan 9", "Reuters"),
    ("BEIRUT, Lebanon (AP) — Israeli jets", "BEIRUT, Lebanon (AP) —", "Beirut", None, "AP"),
    ("KYIV, Ukraine, March 3 (AP) — Russian", "KYIV, Ukraine, March 3 (AP) —", "Kyiv", "March 3", "AP"),
    ("LONDON, March 3 (Xinhua) -- Britain", "LONDON, March 3 (Xinhua) --", "London", "March 3", "Xinhua"),
    ("MOSCOW, March 3. /TASS/. Russia's", "MOSCOW, March 3. /TASS/.", "Moscow", "March 3", "TASS"),
    ("Paris (AFP) - French police", "Paris (AFP) -", "Paris", None, "AFP"),
    ("NEW YORK — The mayor", "NEW YORK —", "New York", None, None),
    ("UNITED NATIONS, Jan. 9 (Xinhua) -- The", "UNITED NATIONS, Jan. 9 (Xinhua) --", "United Nations", "Jan. 9", "Xinhua"),
    ("BRUSSELS, 9 January 2017 (AFP) - EU", "BRUSSELS, 9 January 2017 (AFP) -", "Brussels", "9 January 2017", "AFP"),
    ("(CNN) — A gunman", "(CNN) —", None, None, "CNN"),
    ("KABUL, Afghanistan — Taliban", "KABUL, Afghanistan —", "Kabul", None, None),
    ("Tehran, Jan 9, IRNA -- Iran's", "Tehran, Jan 9, IRNA --", "Tehran", "Jan 9", "IRNA"),
    ("GAZA CITY, Oct. 10, 2023 (IPS) - Families", "GAZA CITY, Oct. 10, 2023 (IPS) -", "Gaza City", "Oct. 10, 2023", "IPS"),
    ("ISLAMABAD: Prime Minister", "ISLAMABAD:", "Islamabad", None, None),
    ("SAO PAULO, Sept 12 (Reuters) – Brazil's", "SAO PAULO, Sept 12 (Reuters) –", "Sao Paulo", "Sept 12", "Reuters"),
]


@pytest.mark.parametrize(("text", "dateline", "place", "date", "agency"), STYLES)
def test_dateline_styles(text: str, dateline: str, place: str | None, date: str | None, agency: str | None) -> None:
    d = parse_dateline(text)
    assert d is not None
    assert (d.text, d.place, d.date_text, d.agency) == (dateline, place, date, agency)
    assert text[d.start : d.end] == dateline


@pytest.mark.parametrize("text", [
    "Syrian President Bashar al-Assad says the armed forces will fight on.",
    "Mr. Smith - who was not at the meeting - said nothing.",
    "The talks — which began on Monday — ended without a deal.",
    "In Paris, the mood was grim.",
    "",
])
def test_no_dateline(text: str) -> None:
    assert parse_dateline(text) is None


def test_dateline_is_blanked_for_nlp_with_offsets_kept() -> None:
    a = extract_metadata(Article(text="Damascus, January 9 (RHC)-- Syrian President Bashar al-Assad says"))
    blank = nlp_text(a)
    assert len(blank) == len(a.text)
    assert blank.startswith(" " * 27 + " Syrian")
    assert "RHC" not in blank


def test_publication_date_from_url_year() -> None:
    a = extract_metadata(read_one("kyiv_wire.md"))
    assert (a.published, a.published_source) == ("2023-03-14", "dateline+url")


def test_publication_date_from_content_weekday() -> None:
    text = ("Damascus, January 9 (RHC)-- The agency published the statement on Monday. "
            "The city had fallen to rebels back in 2012.")
    a = extract_metadata(Article(text=text), today=dt.date(2026, 1, 1))
    assert (a.published, a.published_source) == ("2017-01-09", "dateline+content")


def test_publication_date_never_invented() -> None:
    a = extract_metadata(Article(text="Damascus, January 9 (RHC)-- The president spoke to reporters."))
    assert a.published is None and a.published_source is None
    b = extract_metadata(Article(text="The president spoke to reporters on Monday."))
    assert b.published is None and b.dateline is None


def test_metadata_date_wins_over_dateline() -> None:
    a = extract_metadata(Article(text="LONDON, Jan 2 (Reuters) - Text.", published="2024-01-02",
                                 published_source="metadata"))
    assert a.published == "2024-01-02" and a.published_source == "metadata"
    assert a.dateline is not None and a.dateline.place == "London"
