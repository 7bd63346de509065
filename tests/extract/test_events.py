"""Event coding: the 16 PLOVER types, modes, modality, attribution and compound actors."""

from __future__ import annotations

import pytest

from dateline.extract.events import cameo_root, load_lexicon
from dateline.model import PLOVER_TYPES, Event
from helpers import analyse_text


def _events(text: str, published: str = "2024-03-05") -> list[Event]:
    return analyse_text(text, published=published).events


def _one(text: str, typ: str) -> Event:
    found = [e for e in _events(text) if e.type == typ]
    assert found, [(e.type, e.trigger) for e in _events(text)]
    return found[0]


def _codes(actors: list) -> list[str | None]:
    return [a.country for a in actors]


TYPES = [
    ("Russia and Ukraine agreed on Tuesday to exchange prisoners of war.", "AGREE", None, ["RUS", "UKR"]),
    ("Egyptian Foreign Minister Sameh Shoukry met his Israeli counterpart in Cairo on Monday.", "CONSULT", None, ["EGY"]),
    ("The United States praised Kenya for leading the security mission.", "SUPPORT", None, ["USA"]),
    ("France and Germany cooperated with Italy on the extradition of the suspects.", "COOPERATE", None, ["FRA", "DEU"]),
    ("Japan gave Ukraine 50 million dollars in humanitarian aid on Friday.", "AID", None, ["JPN"]),
    ("The Sudanese government lifted the curfew in Khartoum on Sunday.", "CONCEDE", None, ["SDN"]),
    ("Israeli troops withdrew from the Lebanese border town of Kfar Kila on Monday.", "RETREAT", "withdraw", ["ISR"]),
    ("The European Union urged Serbia to recognise the election result.", "REQUEST", None, [None]),
    ("China accused the United States of spreading disinformation about the outbreak.", "ACCUSE", "allege", ["CHN"]),
    ("Iran rejected a proposal from France to resume the nuclear talks.", "REJECT", None, ["IRN"]),
    ("North Korea threatened to attack South Korea if the drills continued.", "THREATEN", None, ["PRK"]),
    ("Thousands of Kenyan teachers demonstrated in Nairobi on Monday to demand higher pay.", "PROTEST", "demo", ["KEN"]),
    ("Britain imposed sanctions on Russian banks on Thursday.", "SANCTION", "discontinue", ["GBR"]),
    ("India deployed troops along its border with China on Sunday.", "MOBILIZE", "troops", ["IND"]),
    ("Turkish police arrested 40 protesters in Istanbul on Saturday.", "COERCE", "arrest", ["TUR"]),
    ("Russian warplanes bombed rebel positions near Idlib on Monday.", "ASSAULT", "aerial", ["RUS"]),
]


@pytest.mark.parametrize(("text", "typ", "mode", "source"), TYPES)
def test_each_plover_type(text: str, typ: str, mode: str | None, source: list[str | None]) -> None:
    ev = _one(text, typ)
    assert ev.mode == mode
    assert _codes(ev.source) == source
    assert text[ev.trigger_start : ev.trigger_end] == ev.trigger
    assert ev.cameo_root == cameo_root(typ, mode)


def test_every_type_has_triggers_and_a_cameo_root() -> None:
    lexicon_types = {row.type for rows in load_lexicon().values() for row in rows}
    assert lexicon_types == set(PLOVER_TYPES)
    assert {cameo_root(t, None) for t in PLOVER_TYPES} >= {"03", "04", "18"}
    assert cameo_root("ASSAULT", "aerial") == "19" and cameo_root("ACCUSE", "investigate") == "09"


def test_targets_and_compound_actors() -> None:
    ev = _one("Russia, Turkey and Iran held talks in Moscow with the Syrian opposition.", "CONSULT")
    assert _codes(ev.source) == ["RUS", "TUR", "IRN"]
    assert [(a.country, a.sector) for a in ev.target] == [("SYR", "OPP")]
    assert ev.place_name == "Moscow"
    sanction = _one("Britain imposed sanctions on Russian banks on Thursday.", "SANCTION")
    assert [(a.text, a.country) for a in sanction.target] == [("Russian banks", "RUS")]


def test_modality_negated_future_conditional_requested_hypothetical() -> None:
    negated = _one("The army did not attack the village on Monday, officials said.", "ASSAULT")
    assert negated.modality == "negated"
    future = _one("Nigerian troops will attack the rebel camps next week.", "THREATEN")
    assert (future.modality, future.mode) == ("future", "violence")
    conditional = _one("The president would step down if voters rejected the constitution.", "CONCEDE")
    assert (conditional.modality, conditional.mode) == ("conditional", "resign")
    requested = [e for e in _events("The United Nations urged Israel to withdraw its troops from Gaza.")
                 if e.trigger.startswith("withdraw")]
    assert requested and requested[0].modality == "requested"
    asked = _one("Officials were asked whether the army had plans to attack the town.", "ASSAULT")
    assert asked.modality == "hypothetical"


def test_intentions_convert_as_the_manual_says() -> None:
    # future cooperation is AGREE; a conditional retreat is a CONCEDE; 'unless' makes a threat
    assert _one("Japan will provide emergency food aid to Somalia.", "AGREE").modality == "future"
    threat = _one("Nigeria will withdraw its peacekeepers from Chad unless the fighting stops.", "THREATEN")
    assert threat.modality == "conditional"


def test_claims_inside_reported_speech_are_attributed() -> None:
    text = ('KYIV, Ukraine, March 5 (AP) — Foreign Minister Olena Kovalenko said Russia was supplying '
            'weapons to the rebels. "Russian troops attacked Kharkiv at dawn," she said.')
    events = _events(text)
    attack = next(e for e in events if e.type == "ASSAULT")
    assert (attack.modality, attack.attributed_name) == ("claimed", "Olena Kovalenko")
    assert attack.quote_id is not None
    assert _codes(attack.source) == ["RUS"]
    outlet = _events("Russian troops attacked Kharkiv at dawn on Tuesday.")
    assert outlet[0].modality == "asserted" and outlet[0].attributed_to is None


def test_user_actor_dictionary_codes_new_actors(tmp_path) -> None:
    from dateline.model import Article
    from dateline.pipeline import Options, analyze

    actors = tmp_path / "actors.tsv"
    actors.write_text("Free Valdoria Army\tFree Valdoria Army\tARMED_GROUP\tGEO\tREB\n")
    options = Options(actor_files=(str(actors),))
    a = analyze(Article(text="The Free Valdoria Army attacked a police station in Kutaisi on Monday."), options)
    ev = next(e for e in a.events if e.type == "ASSAULT")
    assert [(x.country, x.sector) for x in ev.source] == [("GEO", "REB")]


def test_time_and_place() -> None:
    text = "DAMASCUS, March 4 (Reuters) - Syrian troops shelled rebel positions near Idlib on Monday."
    ev = _one(text, "ASSAULT")
    assert ev.date == "2024-03-04" and ev.place_name == "Idlib"
    assert ev.sentence_start == 0 and ev.sentence_end == len(text)


@pytest.mark.parametrize(("text", "typ", "mode", "trigger"), [
    ("Separatist militants took more than 100 passengers hostage in Pakistan on Tuesday.", "ASSAULT", "abduct", "took"),
    ("Pakistan's foreign ministry dismissed the allegations on Monday.", "REJECT", None, "dismissed"),
    ("The United States imposed new tariffs on Canadian steel on Wednesday.", "SANCTION", "discontinue", "tariffs"),
    ("Iraq's prime minister slammed the Turkish government on Sunday.", "ACCUSE", "disapprove", "slammed"),
    ("A court in Tehran sentenced the French journalist to eight years in prison.", "SANCTION", "legal", "sentenced"),
])
def test_triggers_from_the_plover_definitions(text: str, typ: str, mode: str | None, trigger: str) -> None:
    ev = _one(text, typ)
    assert (ev.mode, ev.trigger) == (mode, trigger)


def test_no_trigger_inside_an_organisation_name() -> None:
    events = _events("The Baloch Liberation Army said on Tuesday that it had opened an office in Quetta.")
    assert [e for e in events if e.trigger.lower() == "liberation"] == []


def test_passive_voice_is_shared_by_coordinated_and_participle_verbs() -> None:
    arrested = _one("Rebel fighters were arrested at a checkpoint in Mali on Monday.", "COERCE")
    assert ([a.text for a in arrested.source], [a.text for a in arrested.target]) == ([], ["Rebel fighters"])
    sentenced = _one("The opposition leader was arrested and sentenced to five years in prison by a court in Minsk.",
                     "SANCTION")
    assert ([a.text for a in sentenced.source], [a.text for a in sentenced.target]) == (
        ["a court"], ["The opposition leader"])
    kidnapped = _one("Two soldiers who were kidnapped by militants in Nigeria were freed on Sunday.", "ASSAULT")
    assert ([a.text for a in kidnapped.source], [a.text for a in kidnapped.target]) == (["militants"], ["Two soldiers"])


def test_a_month_is_no_march() -> None:
    events = _events("The journalist, arrested in March in Tehran, was released on Friday.")
    assert [e.type for e in events] == ["COERCE", "RETREAT"]
    assert [a.text for a in events[0].target] == ["The journalist"]


def test_one_record_per_happening_in_a_sentence() -> None:
    events = _events("Islamic State fighters killed three Iraqi soldiers and injured five in Anbar on Monday.")
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].trigger == "killed"
    two = _events("Russian jets bombed Idlib on Monday while Turkish artillery shelled Kurdish fighters in Afrin.")
    assert len([e for e in two if e.type == "ASSAULT"]) == 2  # no party in common: two happenings
