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


def _one(a: Analysis, text: str) -> Place:
    found = [p for p in a.places if p.text == text]
    assert len(found) == 1, [(p.text, p.country_code) for p in a.places]
    return found[0]


def _absent(a: Analysis, text: str) -> None:
    assert all(text not in p.text or p.country_code is None for p in a.places), [
        (p.text, p.name, p.country_code) for p in a.places]


def test_acronyms_never_match_towns_through_alternate_names() -> None:
    a = analyse_text(
        "The Baloch Liberation Army, or BLA, claimed the attack in Pakistan. The National Intelligence and "
        "Security Agency, or NISA, said Somali forces killed 20 fighters. The BLA has ramped up attacks."
    )
    _absent(a, "BLA")
    _absent(a, "NISA")
    assert _one(a, "Pakistan").country_code == "PK"


def test_world_prominent_sense_wins_over_context() -> None:
    a = analyse_text(
        "U.S. officials met European ministers in Paris on Tuesday. The nuclear issue is being dealt with in "
        "Vienna at the IAEA, a U.S. diplomat said, and the talks in Islamabad went on."
    )
    assert (_one(a, "Paris").country_code, _one(a, "Vienna").country_code) == ("FR", "AT")
    assert _one(a, "Islamabad").country_code == "PK"  # its own name, not a city once called so


def test_directional_regions_keep_their_country() -> None:
    a = analyse_text(
        "Kurdish-led forces control much of northeast Syria, while troops moved into southern Lebanon and "
        "al-Shabab holds towns in central Somalia. Migrants head for southern Europe."
    )
    for text, country in (("northeast Syria", "SY"), ("southern Lebanon", "LB"), ("central Somalia", "SO")):
        place = _one(a, text)
        assert (place.country_code, place.feature) == (country, "region")
    europe = _one(a, "southern Europe")
    assert (europe.country_code, europe.feature) == (None, "region")


def test_provinces_villages_and_features_in_locative_contexts() -> None:
    a = analyse_text(
        "Gunmen attacked a passenger train in Pakistan's restive southwestern Balochistan province on Tuesday. "
        "The train was traveling from Quetta to Peshawar when it was stopped near Sibi, Balochistan. "
        "Separately, a U.S. plane crashed in Ghazni province of Afghanistan. Turkey may close Incirlik, "
        "the air base, and ships sailed through the Strait of Hormuz."
    )
    assert {(p.country_code, p.feature) for p in _places(a, "Balochistan")} == {("PK", "admin1")}
    assert _one(a, "Sibi").country_code == "PK"  # the Pakistani town, not the larger Malian one
    ghazni = _one(a, "Ghazni")
    assert (ghazni.country_code, ghazni.feature) == ("AF", "admin1")
    assert (_one(a, "Incirlik").country_code, _one(a, "Incirlik").feature) == ("TR", "base")
    (hormuz,) = [p for p in a.places if p.name == "Strait of Hormuz"]
    assert (hormuz.text, hormuz.feature, hormuz.country_code) == ("the Strait of Hormuz", "strait", None)


def test_small_town_and_unknown_district_take_the_surrounding_country() -> None:
    a = analyse_text(
        "Haitian police said the gang leader was killed Friday in the town of L'Estere, near Gonaives in "
        "Haiti's north. In Afghanistan, a bomb exploded in Kabul's western Dasht-e-Barchi neighborhood."
    )
    assert _one(a, "Gonaives").country_code == "HT"
    estere = _one(a, "L'Estere")
    assert (estere.country_code, estere.feature) == ("HT", "locality")
    dasht = _one(a, "Dasht-e-Barchi")
    assert (dasht.country_code, dasht.feature) == ("AF", "locality")


def test_surnames_and_organisation_names_are_not_places() -> None:
    a = analyse_text(
        "Senator Lindsey Graham said the U.S. Senate would vote on sanctions. Graham told Radio France "
        "International that the Tourism Authority of Thailand and Tokyo International University agreed. "
        "A U.S. State Department spokesperson said the Vietnam War ended long ago."
    )
    _absent(a, "Graham")
    assert [p.text for p in a.places if p.country_code] == []


def test_hyphenated_country_names_and_features_over_shorter_names() -> None:
    a = analyse_text(
        "U.S.-Japan talks in Tokyo focused on the South China Sea and the Taiwan Strait, a U.S.-based analyst said."
    )
    assert [(p.text, p.country_code) for p in a.places] == [
        ("U.S.", "US"), ("Japan", "JP"), ("Tokyo", "JP"), ("South China Sea", None), ("Taiwan Strait", None),
        ("U.S.", "US")]


def test_geo_index_folds_transliteration_variants() -> None:
    from dateline.geoindex import load_geo_index, loose

    assert loose("Middle Shebelle") == loose("Middle Shabelle")
    assert loose("Al-Anbar") == loose("Anbar")
    index = load_geo_index()
    assert any(r.country_code == "IQ" and r.feature == "admin1" for r in index.towns_and_regions("Anbar"))
    assert any(r.country_code == "TR" for r in index.towns_and_regions("Kurecik"))
