"""Framing: labels, loaded language inside and outside quotations, qualifiers, scare quotes."""

from __future__ import annotations

from dateline.extract.framing import attribution_balance, speaker_side
from dateline.ingest import read_path
from dateline.model import Entity
from dateline.pipeline import analyze
from helpers import FIXTURES, analyse_text


def _frames(text: str):  # noqa: ANN202
    return analyse_text(text).frames


def test_labels_loaded_and_neutral_with_entity() -> None:
    a = analyse_text("Government forces fought Daesh Takfiri terror groups near Raqqa, while the rebels "
                     "withdrew from the town.")
    labels = {f.text: f.label_class for f in a.frames if f.kind == "label"}
    assert labels["Daesh Takfiri terror groups"] == "loaded"
    assert labels["rebels"] == "neutral" and labels["Government forces"] == "neutral"
    daesh = next(f for f in a.frames if f.text.startswith("Daesh"))
    assert a.entity(daesh.entity_id).name == "Islamic State"
    assert a.article.text[daesh.start : daesh.end] == daesh.text


def test_qualifier_and_modifier() -> None:
    frames = _frames("The group named the city its so-called capital, and foreign-backed militias attacked it.")
    kinds = {(f.kind, f.text) for f in frames}
    assert ("qualifier", "so-called capital") in kinds
    assert ("label", "foreign-backed militias") in kinds


def test_loaded_language_inside_and_outside_quotations() -> None:
    text = ('The brutal assault left the town in ruins. Mayor Daniel Ortiz said the shelling was "a barbaric '
            'crime against children, a massacre of the innocent."')
    frames = [f for f in _frames(text) if f.kind == "loaded_language"]
    outside = [f for f in frames if not f.in_quote]
    inside = [f for f in frames if f.in_quote]
    assert [f.text for f in outside] == ["brutal assault"]
    assert {f.text for f in inside} >= {"barbaric crime", "massacre"}
    assert all(f.speaker_id is not None for f in inside)


def test_scare_quote_but_never_a_real_quotation() -> None:
    text = ('The militia manned its "border posts" along the road. "We will not open the road until the army '
            'leaves," commander Ali Hassan said.')
    frames = _frames(text)
    scare = [f for f in frames if f.kind == "scare"]
    assert [f.text for f in scare] == ["border posts"]
    a = analyse_text(text)
    for q in a.quotes:
        assert not any(f.kind == "scare" and q.start <= f.start < q.end for f in a.frames)


def test_attribution_balance_sides() -> None:
    gov = Entity("E1", "Ali Abdullah Ayyoub", "PERSON", "defence minister", "SYR", "GOV")
    reb = Entity("E2", "Naji Mustafa", "PERSON", "spokesperson", "SYR", "REB")
    un = Entity("E3", "United Nations", "IGO", None, None, "IGO")
    usa = Entity("E4", "Antony Blinken", "PERSON", "secretary of state", "USA", "GOV")
    assert [speaker_side(e, "SYR") for e in (gov, reb, un, usa, None)] == [
        "government", "opposition", "other", "foreign", "other"]
    from dateline.model import Quote
    quotes = [Quote("Q1", "direct", "one two three", 0, 13, speaker_id="E1"),
              Quote("Q2", "direct", "four", 0, 4, speaker_id="E2")]
    assert attribution_balance(quotes, [gov, reb], "SYR") == {
        "government": 0.75, "opposition": 0.25, "foreign": 0.0, "other": 0.0}


def test_two_outlets_same_facts_profiles_differ(tmp_path) -> None:
    from dateline.engine.local import ingest, iter_inputs
    from dateline.store import query
    from dateline.store.db import Store

    with Store(tmp_path / "framing.db") as store:
        ingest(store, iter_inputs([FIXTURES / "framing"]))
        state = query.outlet_profile(store, "Damascus Voice")
        wire = query.outlet_profile(store, "Global Wire")
    assert state["articles"] == wire["articles"] == 2
    assert state["loaded_per_1000_words"] > wire["loaded_per_1000_words"]
    assert state["loaded_label_share"] > wire["loaded_label_share"]
    assert state["attribution_balance"]["government"] > wire["attribution_balance"]["government"]
    assert wire["attribution_balance"]["opposition"] > 0
    assert any(lab["label"].startswith("foreign-backed") and lab["class"] == "loaded" for lab in state["labels"])


def test_balance_in_analysis_of_state_media() -> None:
    a = analyze(next(read_path(FIXTURES / "framing" / "state_media.jsonl")))
    assert a.balance["government"] > 0.3 and a.balance["opposition"] == 0.0
    assert sum(a.balance.values()) == 1.0
