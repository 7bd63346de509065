"""Quotations: kinds, speakers through names/titles/pronouns, cues, and what is not a quotation."""

from __future__ import annotations

from dateline.model import Quote
from helpers import analyse_text


def _by_text(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [(q.kind, q.text) for q in quotes]
    return found[0]


def test_direct_quote_after_and_before_cue_with_pronoun_speaker() -> None:
    text = (
        'KYIV, Ukraine (AP) — Foreign Minister Olena Kovalenko spoke in Kyiv on Tuesday. '
        '"We are ready to sit at the table, but not to trade our land," Kovalenko told reporters. '
        'She added: "The talks must start with a ceasefire."'
    )
    a = analyse_text(text)
    first = _by_text(a.quotes, "ready to sit")
    assert (first.kind, first.speaker_name, first.speaker_text, first.cue) == (
        "direct", "Olena Kovalenko", "Kovalenko", "told")
    assert text[first.start : first.end] == "We are ready to sit at the table, but not to trade our land"
    assert text[first.cue_start : first.cue_end] == "told"
    second = _by_text(a.quotes, "ceasefire")
    assert (second.kind, second.speaker_name, second.speaker_text, second.cue) == (
        "direct", "Olena Kovalenko", "She", "added")
    assert text[second.speaker_start : second.speaker_end] == "She"


def test_indirect_and_according_to() -> None:
    text = ("Interior Minister Ahmed Karimi said that the border would reopen next week. "
            "According to the United Nations, more than 20,000 people have crossed since June.")
    a = analyse_text(text)
    ind = _by_text(a.quotes, "border would reopen")
    assert (ind.kind, ind.speaker_name, ind.cue, ind.text) == (
        "indirect", "Ahmed Karimi", "said", "the border would reopen next week")
    acc = _by_text(a.quotes, "20,000")
    assert (acc.kind, acc.speaker_name, acc.cue) == ("indirect", "United Nations", "According to")


def test_partial_and_mixed() -> None:
    text = ('President Maria Lopez hailed the agreement as "a new beginning" and "a victory for peace." '
            'Lopez insisted that the rebels had to "lay down every weapon, in every village, before any talks begin."')
    a = analyse_text(text)
    assert [(q.kind, q.text, q.cue) for q in a.quotes[:2]] == [
        ("partial", "a new beginning", "hailed"), ("partial", "a victory for peace.", "hailed")]
    mixed = _by_text(a.quotes, "lay down")
    assert (mixed.kind, mixed.speaker_name, mixed.cue) == ("mixed", "Maria Lopez", "insisted")
    assert mixed.text.startswith("the rebels had to")


def test_inverted_passive_and_participle_cues() -> None:
    text = ('"The dam will hold," said engineer Paul Njoroge. '
            'Governor Anne Waiguru was quoted as saying the county would pay for repairs. '
            'Waiguru rejected the criticism, calling it "a cheap political stunt."')
    a = analyse_text(text)
    assert _by_text(a.quotes, "dam will hold").speaker_name == "Paul Njoroge"
    passive = _by_text(a.quotes, "county would pay")
    assert (passive.kind, passive.speaker_name, passive.cue) == ("indirect", "Anne Waiguru", "saying")
    partial = _by_text(a.quotes, "cheap political stunt")
    assert (partial.kind, partial.speaker_name, partial.cue) == ("partial", "Anne Waiguru", "calling")


def test_multi_paragraph_quote_and_cueless_continuation() -> None:
    text = ('Mayor Daniel Ortiz said the flood was the worst in fifty years. "The water came up faster than anyone '
            'expected, and the pumps failed within an hour.\n\n"We will rebuild every house on this street," he said.\n\n'
            'Ortiz spoke to reporters outside the town hall. "Nobody here has ever seen anything like it. Nobody."')
    a = analyse_text(text)
    long = _by_text(a.quotes, "pumps failed")
    assert long.kind == "direct" and long.speaker_name == "Daniel Ortiz"
    assert "We will rebuild every house" in long.text  # the quote continues across the paragraph break
    last = _by_text(a.quotes, "Nobody here")
    assert (last.kind, last.speaker_name, last.cue) == ("direct", "Daniel Ortiz", None)


def test_curly_quotes_nested_single_quotes() -> None:
    text = ("Opposition leader Nika Melia said on Tuesday: “They call it a ‘transparency law’, "
            "but it is a Russian law and everyone knows it.”")
    a = analyse_text(text)
    (q,) = a.quotes
    assert (q.kind, q.speaker_name) == ("direct", "Nika Melia")
    assert "‘transparency law’" in q.text  # the nested quote stays inside, not a quote of its own


def test_scare_quotes_titles_and_names_are_not_quotations() -> None:
    text = ('The group, which calls its fighters "guardians", has named the city its "capital." '
            'Residents watched the film "The Long Night" in a cinema that reopened in March.')
    a = analyse_text(text)
    assert a.quotes == []


def test_unknown_speaker_stays_null() -> None:
    text = ('Fighting resumed on Monday. He arrived late. "We will not leave this place," he said.')
    a = analyse_text(text)
    (q,) = a.quotes
    assert q.kind == "direct" and q.speaker_id is None and q.speaker_name is None
    assert q.speaker_text == "he"


def test_lede_restating_a_later_quotation_is_not_counted_twice() -> None:
    text = ('Damascus, January 9 (RHC)-- Syrian President Bashar al-Assad says the army will liberate "every inch" '
            'of the country.\n\n"We have to liberate every inch of the Syrian land," he said.')
    a = analyse_text(text)
    assert [(q.kind, q.speaker_name) for q in a.quotes] == [("direct", "Bashar al-Assad")]


def test_gerund_infinitive_and_as_complements_are_reported_speech() -> None:
    text = (
        "The separatist group has fought the state for years. Interior Minister Ahmed Karimi accused the "
        "rebels of robbing the province of its resources. The rebels threatened to kill the hostages. "
        "Karimi urged the government to address security failures. He dismissed the charges as baseless. "
        "Both governments reject the claims that their projects deprive local people of jobs."
    )
    a = analyse_text(text)
    robbing = _by_text(a.quotes, "robbing")
    assert (robbing.kind, robbing.text, robbing.cue, robbing.speaker_name) == (
        "indirect", "robbing the province of its resources", "accused", "Ahmed Karimi")
    kill = _by_text(a.quotes, "kill the hostages")
    assert (kill.text, kill.cue, kill.speaker_text) == ("to kill the hostages", "threatened", "The rebels")
    address = _by_text(a.quotes, "address")
    assert (address.text, address.cue, address.speaker_name) == (
        "to address security failures", "urged", "Ahmed Karimi")
    baseless = _by_text(a.quotes, "baseless")
    assert (baseless.text, baseless.cue) == ("baseless", "dismissed")
    claims = _by_text(a.quotes, "deprive")
    assert (claims.text, claims.cue) == ("their projects deprive local people of jobs", "reject")


def test_noun_phrase_after_a_speech_verb_is_no_quote_and_passive_has_no_speaker() -> None:
    a = analyse_text(
        "President Maria Lopez condemned the attack on Monday. Paris was accused of aiding rebels in the north."
    )
    assert [q.text for q in a.quotes] == ["aiding rebels in the north"]
    assert a.quotes[0].speaker_text is None  # the accused is not the accuser


def test_mixed_curly_and_straight_marks_pair_and_evidence_verbs_nest() -> None:
    text = (
        'Pakistan said the program "is on track." Finance Minister Muhammad Aurangzeb confirmed that talks '
        'would end soon. "The IMF program is our assurance," he said. The group said the attack showed that '
        "nobody was safe."
    )
    a = analyse_text(text.replace('"is on track."', "“is on track.\""))
    talks = _by_text(a.quotes, "talks would end soon")
    assert (talks.kind, talks.speaker_name) == ("indirect", "Muhammad Aurangzeb")
    imf = _by_text(a.quotes, "IMF program")
    assert (imf.kind, imf.speaker_name) == ("direct", "Muhammad Aurangzeb")
    assert [q.cue for q in a.quotes if "nobody was safe" in q.text] == ["said"]


def test_alternating_speakers_in_a_feature() -> None:
    text = (
        "Maria Santos lost her son in the flood. \"We searched for three days,\" she said. "
        "Coroner David Okafor told the inquest the boy had drowned. \"There was no sign of violence,\" he said. "
        "\"I still hear his voice,\" Santos added. \"Every night,\" she said."
    )
    a = analyse_text(text)
    expected = [("We searched for three days", "Maria Santos", "pronoun"),
                ("the boy had drowned", "David Okafor", "named"),
                ("There was no sign of violence", "David Okafor", "pronoun"),
                ("I still hear his voice", "Maria Santos", "named"),
                ("Every night", "Maria Santos", "pronoun")]
    for fragment, speaker, kind in expected:
        q = _by_text(a.quotes, fragment)
        assert (q.speaker_name, q.speaker_kind) == (speaker, kind), fragment


def test_pronoun_gender_agreement() -> None:
    a = analyse_text(
        "Senator Anna Keller met Governor Tom Reyes on Monday. Reyes spoke first. "
        "\"We will not cut the budget for schools this year,\" she said."
    )
    q = _by_text(a.quotes, "budget")
    assert q.speaker_name == "Anna Keller"  # 'she' cannot be Tom Reyes


def test_title_binding_and_apposition_both_ways() -> None:
    a = analyse_text(
        "Prime Minister Rishi Patel announced the plan on Monday. \"This is a fair budget,\" the prime minister "
        "said. The victim's mother, Joy Adebayo, said the school had ignored warnings. "
        "Ali Hassan, a local teacher, said the roof had leaked for years."
    )
    assert (_by_text(a.quotes, "fair budget").speaker_name, _by_text(a.quotes, "fair budget").speaker_kind) == (
        "Rishi Patel", "description")
    assert _by_text(a.quotes, "ignored warnings").speaker_name == "Joy Adebayo"
    assert _by_text(a.quotes, "roof had leaked").speaker_name == "Ali Hassan"


def test_organisation_speakers_and_unnamed_sources() -> None:
    a = analyse_text(
        "The Baloch Liberation Army, or BLA, claimed the attack on the train. The group said it was holding "
        "200 hostages. A senior official said the army had surrounded the tunnel. Officials said talks had failed."
    )
    group = _by_text(a.quotes, "200 hostages")
    assert (group.speaker_name, group.speaker_kind, group.speaker_key) == (
        "Baloch Liberation Army", "description", "org:baloch liberation army")
    official = _by_text(a.quotes, "surrounded the tunnel")
    assert (official.speaker_name, official.speaker_text, official.speaker_kind) == (
        None, "A senior official", "unnamed")
    assert _by_text(a.quotes, "talks had failed").speaker_kind == "unnamed"


def test_speaker_key_folds_accents_and_keeps_kind() -> None:
    a = analyse_text("Turkish President Recep Tayyip Erdoğan said Ankara would retaliate.")
    q = _by_text(a.quotes, "retaliate")
    assert (q.speaker_name, q.speaker_key, q.speaker_kind) == (
        "Recep Tayyip Erdoğan", "person:recep tayyip erdogan", "named")


def test_speech_verbs_in_the_infinitive_report_nothing() -> None:
    a = analyse_text(
        "For him to admit that the plan failed would end his career. The ministry declined to say whether "
        "talks would resume. The spokesman said the ministry was ready."
    )
    assert [(q.cue, q.text) for q in a.quotes] == [("said", "the ministry was ready")]


def test_a_nested_quotation_gets_its_own_speaker() -> None:
    text = ("\"Minister Omar Karimi told me, 'we will never surrender our land to anyone,' and I believed him,\" "
            "the farmer Ali Hassan said on Tuesday. \"It was the 'best of times',\" he added.")
    a = analyse_text(text)
    outer = _by_text(a.quotes, "and I believed him")
    assert (outer.kind, outer.speaker_name) == ("direct", "Ali Hassan")
    inner = [q for q in a.quotes if q.text == "we will never surrender our land to anyone"]
    assert len(inner) == 1 and (inner[0].kind, inner[0].cue, inner[0].speaker_name) == ("direct", "told", "Omar Karimi")
    assert text[inner[0].start : inner[0].end] == inner[0].text
    assert not any(q.text == "best of times" for q in a.quotes)  # single marks with no speech verb: no quotation
