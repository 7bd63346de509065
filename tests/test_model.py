"""The data model round-trips through JSON without loss."""

from __future__ import annotations

import json

from dateline.model import (
    Actor,
    Analysis,
    Article,
    Dateline,
    Entity,
    Event,
    Frame,
    Mention,
    Place,
    Quote,
    TimeExpr,
    content_hash,
)


def _full_analysis() -> Analysis:
    text = "Damascus, January 9 (RHC)-- Assad said \"we will win\", he added."
    article = Article(
        text=text, title="T", url="https://x.example/a", outlet="RHC", published="2017-01-09",
        published_source="dateline+content", dateline=Dateline("Damascus, January 9 (RHC)--", 0, 27, "Damascus",
        "January 9", "RHC"), source="a.md", format="markdown", source_offset=97, notes=["n"],
    )
    ent = Entity("E1", "Bashar al-Assad", "PERSON", "president", "SYR", "GOV",
                 [Mention(28, 33, "Assad", "PERSON", "name", "E1"), Mention(text.index("he"), text.index("he") + 2, "he", "PERSON", "pronoun", "E1")])
    return Analysis(
        article=article,
        entities=[ent],
        quotes=[Quote("Q1", "direct", "we will win", 40, 51, "E1", "Bashar al-Assad", "Assad", 28, 33, "said", 34, 38)],
        events=[Event("V1", "THREATEN", "win", 48, 51, 28, 63, mode="territory", context="military",
                      source=[Actor("Assad", 28, 33, "E1", "SYR", "GOV")], target=[], modality="future",
                      attributed_to="E1", attributed_name="Bashar al-Assad", quote_id="Q1", place_id="P1",
                      place_name="Damascus", time_id="T1", date="2017-01-09", cameo_root="13")],
        places=[Place("P1", "Damascus", 0, 8, 170654, "Damascus", "SY", 33.5102, 36.29128, "city", None)],
        times=[TimeExpr("T1", "January 9", 10, 19, "2017-01-09", "day")],
        frames=[Frame("F1", "loaded_label", "militants", 0, 9, "label", "loaded", "E1", True, "E1")],
    )


def test_round_trip_is_lossless() -> None:
    analysis = _full_analysis()
    restored = Analysis.from_dict(json.loads(analysis.to_json()))
    assert restored == analysis
    assert isinstance(restored.events[0].source[0], Actor)
    assert restored.article.dateline == analysis.article.dateline


def test_offsets_point_into_text() -> None:
    a = _full_analysis()
    for m in a.entities[0].mentions:
        assert a.article.text[m.start : m.end] == m.text
    assert a.article.text[a.places[0].start : a.places[0].end] == "Damascus"


def test_article_id_is_content_hash() -> None:
    a = Article(text="Some text", url="https://x.example")
    assert a.id == content_hash("Some text", "https://x.example")
    assert a.id != Article(text="Some text").id
    assert len(a.id) == 16
