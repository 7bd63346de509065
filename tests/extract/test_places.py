"""Places: offline geocoding with disambiguation by qualifier, context and population."""

from __future__ import annotations

from dateline.model import Analysis, Place
from helpers import analyse_text, analysed


def _places(a: Analysis, text: str) -> list[Place]:
    found = [p for p in a.places if p.text == text]
    assert found, [p.text for p in a.places]
    return found


def test_paris_texas_vs_paris_france() -> None:
    tx = analysed("paris_texas.txt")
    for p in _places(tx, "Paris"):
        assert (p.country_code, p.geonameid) == ("US", 4717560)
    fr = analyse_text("French police cleared a protest camp in Paris on Tuesday, officials said.")
    (p,) = _places(fr, "Paris")
    assert (p.country_code, p.geonameid, p.feature) == ("FR", 2988507, "city")
    assert abs(p.lat - 48.85) < 0.1 and abs(p.lon - 2.35) < 0.1


def test_georgia_country_vs_us_state() -> None:
    ge = analysed("tbilisi.html")
    assert {(p.country_code, p.feature) for p in _places(ge, "Georgia")} == {("GE", "country")}
    us = analysed("atlanta.jsonl")
    assert {(p.country_code, p.feature, p.name) for p in _places(us, "Georgia")} == {("US", "admin1", "Georgia")}


def test_alternate_names_and_no_substring_matches() -> None:
    a = analyse_text(
        "Kazakh officials said talks would be held in Astana, while Kurdish forces advanced on Raqqa and "
        "residents fled Aleppo."
    )
    (astana,) = _places(a, "Astana")
    assert (astana.country_code, astana.geonameid) == ("KZ", 1526273)
    (raqqa,) = _places(a, "Raqqa")
    assert (raqqa.name, raqqa.country_code, raqqa.geonameid) == ("Ar Raqqah", "SY", 172955)
    (aleppo,) = _places(a, "Aleppo")
    assert aleppo.geonameid == 170063


def test_unknown_toponym_is_not_guessed() -> None:
    a = analysed("delhi.md")
    (loc,) = _places(a, "the Line of Control")
    assert loc.geonameid is None and loc.country_code is None and loc.lat is None


def test_dateline_place_is_geocoded_with_offsets() -> None:
    a = analysed("nairobi.txt")
    first = a.places[0]
    assert (first.text, first.country_code, first.start) == ("Nairobi", "KE", 0)
    assert a.article.text[first.start : first.end].lower() == "nairobi"
    kyiv = analysed("kyiv_wire.md")
    assert [p.name for p in kyiv.places if p.text == "Odesa"] == ["Odesa", "Odesa"]
    assert {p.country_code for p in kyiv.places if p.text in ("Moscow", "Russia")} == {"RU"}
