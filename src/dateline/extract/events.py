"""Event coding in PLOVER: who did what to whom, where and when, with modality and attribution.

Triggers come from ``data/events.tsv`` (verbs with optional object constraints, nouns and noun
compounds) matched over spaCy's parse. Each trigger gets a modality (asserted, negated, future,
conditional, hypothetical, requested, claimed) and the type changes the PLOVER manual prescribes
for intentions: future cooperation becomes AGREE, a future retreat CONCEDE, future force or
coercion THREATEN. An event inside a quotation or a reported clause is attributed to the speaker:
what a source claims is not what the outlet asserts.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dateline.errors import DataError
from dateline.extract.sentences import children, sent_of, sentences, token_range, tokens
from dateline.gazetteer import Gazetteer, identity_key, load_gazetteer
from dateline.model import PLOVER_TYPES, Actor, Article, Entity, Event, Mention, Place, Quote, TimeExpr

_MAX_CLAUSE_DEPTH = 4  # complement clauses followed for a recipient
_NAME_ENTS = {"ORG", "PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "FAC", "NORP", "GPE"}  # no trigger inside a name
_COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
_FORCEFUL = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST"}
_VERBAL_COOP = {"AGREE", "SUPPORT", "CONCEDE", "CONSULT", "COOPERATE", "AID"}
_INTENT_VERBS = {"plan", "intend", "prepare", "offer", "promise", "pledge", "vow", "agree", "want", "hope", "aim",
                 "decide", "seek", "threaten", "vote", "resolve", "swear", "expect"}
_INTENT_ADJ = {"willing", "ready", "prepared", "determined", "committed", "set", "poised", "due", "likely"}
_REFUSAL_VERBS = {"refuse", "decline", "reject", "fail", "cancel", "abandon", "stop"}
_REQUEST_VERBS = {"urge", "demand", "call", "ask", "appeal", "press", "order", "request", "tell", "insist"}
_SPEECH_VERBS = {"say", "tell", "claim", "insist", "add", "state", "allege", "assert", "argue", "warn", "note",
                 "stress", "report", "announce", "declare", "confirm", "write", "believe", "explain", "reiterate"}
_DEMAND_FRAMES = {"say", "conclude", "announce", "insist", "state", "declare", "stress", "tell", "write"}
_FUTURE_NOUN_MODS = {"upcoming", "planned", "proposed", "future", "next", "forthcoming", "scheduled"}
_TERRITORY = {"liberate", "liberation", "seize", "capture", "occupy", "control", "retake", "recapture", "annex",
              "territory", "land", "inch", "city", "town", "village", "region"}
_TARGET_PREPS = ("against", "with", "on", "to", "into", "at", "between", "toward", "towards", "from")
_LOCATED_TARGET_TYPES = {"PROTEST", "COERCE", "ASSAULT", "MOBILIZE", "SANCTION", "THREATEN", "REQUEST", "ACCUSE",
                         "AID", "REJECT", "CONCEDE"}
_DOMESTIC_TYPES = {"PROTEST", "CONCEDE", "REJECT"}
_THEME_OBJECT_TYPES = {"RETREAT", "MOBILIZE", "AID"}
_LOCATIVE_PREPS = {"in", "at", "near", "outside", "into", "inside", "throughout", "across", "of", "from", "for", "on",
                   "around", "to"}
_PLACE_PREPS = {"in", "at", "near", "outside", "into", "inside", "around", "across"}
_PRONOUNS = {"it", "they", "we", "he", "she", "i", "its", "their", "our"}
_ORGANISED = {"ARMED_GROUP", "IGO", "NGO", "PARTY", "GOV_BODY", "MEDIA", "COMPANY"}
_COLLECTIVES = {"group", "number", "delegation", "team", "band", "member", "thousand", "hundred", "dozen", "some",
                "most", "many", "all", "part", "leader", "representative"}
_NOT_ACTORS = {"land", "issue", "territory", "soil", "economy", "question", "problem", "crisis", "war", "conflict",
               "affair", "policy", "border", "interest", "history", "culture", "language", "city", "town", "village",
               "region", "area", "year", "time", "way", "market", "currency", "election", "law"}
_MULTILATERAL = {"multilateral", "trilateral", "multi-party", "multiparty", "international", "regional", "six-party"}


@dataclass(frozen=True)
class Trigger:
    """One lexicon row."""

    lemma: str
    pos: str
    objects: frozenset[str]
    type: str
    mode: str | None
    context: str | None


def extract_events(
    doc: Doc, article: Article, entities: list[Entity], quotes: list[Quote], places: list[Place],
    times: list[TimeExpr], actor_files: tuple[str, ...] = (),
) -> list[Event]:
    """PLOVER events for every trigger in the article, in text order."""
    coder = _Coder(doc, article, entities, quotes, places, times, load_gazetteer(actor_files))
    events = []
    for sent in sentences(doc):
        events.extend(coder.sentence(sent))
    by_id = {e.id: e for e in entities}
    for n, ev in enumerate(events, start=1):
        ev.id = f"V{n}"
        for actor in ev.source + ev.target:
            entity = by_id.get(actor.entity_id or "")
            if entity is not None and entity.type != "GROUP":  # 'the government' here and there: no one identity
                actor.key = identity_key(entity.type, entity.name)
    return events


# --- lexicon -----------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def load_lexicon() -> dict[tuple[str, str], list[Trigger]]:
    """Trigger rows by (lemma, pos); rows with object constraints first."""
    path = Path(str(resources.files("dateline") / "data" / "events.tsv"))
    lex: dict[tuple[str, str], list[Trigger]] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE)) + [""] * 6
        lemma, pos, objects, typ, mode, context = (c.strip() for c in cells[:6])
        if typ not in PLOVER_TYPES or pos not in {"V", "N"}:
            raise DataError(f"{path}:{n}: type must be a PLOVER type and pos V or N (got {typ!r}, {pos!r})")
        row = Trigger(lemma, pos, frozenset(filter(None, objects.split(","))), typ, mode or None, context or None)
        lex.setdefault((lemma, pos), []).append(row)
    for rows in lex.values():
        rows.sort(key=lambda r: not r.objects)
    return lex


@lru_cache(maxsize=1)
def _trigger_words() -> tuple[frozenset[str], frozenset[str]]:
    """The verb lemmas a verb trigger starts with, and the words a noun trigger ends with: a token
    that is neither cannot be a trigger, so its parse need not be read."""
    lex = load_lexicon()
    verbs = frozenset(key.split(" ")[0] for key, pos in lex if pos == "V")
    nouns = frozenset(key.split(" ")[-1] for key, pos in lex if pos == "N")
    return verbs, nouns


@lru_cache(maxsize=1)
def _cameo_roots() -> list[tuple[str, str | None, str]]:
    path = Path(str(resources.files("dateline") / "data" / "cameo_roots.tsv"))
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            typ, mode, root = (line.split("\t") + ["", ""])[:3]
            rows.append((typ.strip(), mode.strip() or None, root.strip()))
    return rows


def cameo_root(typ: str, mode: str | None) -> str | None:
    """The CAMEO root code for a PLOVER type and mode."""
    for t, m, root in _cameo_roots():
        if t == typ and (m is None or m == mode):
            return root
    return None


# --- the coder ---------------------------------------------------------------------------------------------
class _Coder:
    """Per-article look-ups shared by the sentences; discarded after ``extract_events``."""

    def __init__(self, doc: Doc, article: Article, entities: list[Entity], quotes: list[Quote],
                 places: list[Place], times: list[TimeExpr], gaz: Gazetteer) -> None:
        self.doc, self.article, self.gaz = doc, article, gaz
        self.toks = tokens(doc)
        self.lex = load_lexicon()
        self.entities = {e.id: e for e in entities}
        self.mentions: list[tuple[Mention, Entity]] = sorted(
            ((m, e) for e in entities for m in e.mentions), key=lambda x: x[0].start
        )
        self.by_token: dict[int, tuple[Mention, Entity]] = {}
        for m, e in self.mentions:
            for i in token_range(doc, m.start, m.end):
                self.by_token.setdefault(i, (m, e))
        self.quotes = quotes
        self.places = places
        self.place_by_start = {p.start: p for p in places}
        self.place_root: dict[str, Token] = {}  # place id → the token its mention hangs on
        for p in places:
            span = doc.char_span(p.start, p.end, alignment_mode="expand")
            if span is not None:
                self.place_root[p.id] = span.root
        self.times = times
        self.dateline_place = next(
            (p for p in places if article.dateline and p.start < article.dateline.end and p.geonameid), None
        )

    # one sentence
    def sentence(self, sent: Span) -> list[Event]:
        found: list[tuple[Token, Trigger]] = []
        toks = self.toks[sent.start : sent.end]
        for tok in toks:
            if tok.dep_ == "amod" or (tok.i > 0 and self.toks[tok.i - 1].text == "-"):
                continue  # 'foreign-backed', 'war-torn': a description, not an act
            if tok.ent_type_ in _NAME_ENTS and tok.pos_ == "PROPN" or tok.ent_type_ in {"DATE", "TIME"}:
                continue  # a word of a name ('the Baloch Liberation Army') or a date ('in March')
            trig = self._match(tok)
            if trig is not None:
                found.append((tok, trig))
        events = [ev for ev in (self._reported_demand(tok, sent) for tok in toks) if ev is not None]
        seen_phrases: set[tuple[int, str]] = set()
        constrained = {tok.i: trig.objects for tok, trig in found if trig.pos == "V" and trig.objects}
        verbs = {tok.i: trig for tok, trig in found if trig.pos == "V"}
        for tok, trig in found:
            head_trig = verbs.get(tok.head.i)
            if trig.pos == "N" and tok.dep_ == "nsubj" and head_trig is not None and head_trig.type == trig.type:
                # 'a roadside bombing killed a soldier': one event, coded on the verb with the noun's mode
                if head_trig.mode is None and trig.mode is not None:
                    verb_index = next(i for i, (t, _) in enumerate(found) if t.i == tok.head.i)
                    found[verb_index] = (found[verb_index][0], _with_mode(head_trig, trig.mode))
                    verbs[tok.head.i] = found[verb_index][1]
                continue
            if trig.pos == "N" and self._absorbed(tok, constrained):
                continue
            phrase = (tok.head.i if tok.dep_ == "compound" else tok.i, trig.type)
            if trig.pos == "N" and phrase in seen_phrases:
                continue
            seen_phrases.add(phrase)
            events.append(self._event(tok, trig, sent))
        return _one_per_happening([e for e in events if e is not None])

    def _reported_demand(self, tok: Token, sent: Span) -> Event | None:
        """'Russia said Sudan must return the helicopter': a speaker saying what another party must
        or should do makes a demand (REQUEST) of that party."""
        if tok.lemma_ not in _DEMAND_FRAMES or tok.pos_ != "VERB":
            return None
        comp = next((c for c in children(tok) if c.dep_ == "ccomp"), None)
        if comp is None or not any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in children(comp)):
            return None
        speaker, embedded = _subject(tok), _subject(comp)
        if speaker is None or embedded is None or embedded.lower_ in _PRONOUNS:
            return None
        addressee = self._actors(embedded, None)
        if not addressee:
            return None  # 'said any constitutional matter should be ...': no party is asked anything
        ev = self._event(tok, Trigger(tok.lemma_, "V", frozenset(), "REQUEST", None, None), sent)
        if ev is not None:
            ev.target = addressee
        return ev

    def _match(self, tok: Token) -> Trigger | None:
        verbs, nouns = _trigger_words()
        pos, lemma = tok.pos_, tok.lemma_.lower()
        if pos == "VERB" or (pos == "AUX" and tok.dep_ == "ROOT"):
            if lemma not in verbs:
                return None
            keys = []
            particle = next((c.lower_ for c in children(tok) if c.dep_ == "prt"), None)
            if particle:
                keys.append((f"{lemma} {particle}", "V"))
            keys.append((lemma, "V"))
        elif pos in {"NOUN", "PROPN"}:
            if tok.lower_ not in nouns and lemma not in nouns:
                return None
            keys = []
            comp = [c for c in children(tok) if c.dep_ == "compound" and c.i == tok.i - 1]
            if comp:
                keys.append((f"{comp[0].lower_} {lemma}", "N"))
            keys.extend([(tok.lower_, "N"), (lemma, "N")])
        else:
            return None
        objects = None
        for key in keys:
            for row in self.lex.get(key, []):
                if not row.objects:
                    return row
                objects = objects if objects is not None else _object_lemmas(tok)
                if row.objects & objects:
                    return row
        return None

    def _absorbed(self, noun: Token, constrained: dict[int, frozenset[str]]) -> bool:
        """A noun that completes a verb trigger ('imposed sanctions', 'opened fire') is part of its event."""
        head = noun.head
        if noun.dep_ == "pobj" and head.dep_ == "prep":
            head = head.head
        objects = constrained.get(head.i)
        return objects is not None and (noun.lemma_.lower() in objects or noun.lower_ in objects)

    # one event
    def _event(self, tok: Token, trig: Trigger, sent: Span) -> Event | None:
        gv = _governing_verb(tok)
        modality = self._modality(tok, gv, trig)
        typ, mode = self._converted(trig, modality, tok)
        if typ is None:
            return None
        speaker_id, quote_id = self._attribution(tok, gv)
        source, target = self._participants(tok, gv, trig, speaker_id)
        if typ == "CONSULT" and (mode == "multilateral" or _has_mod(tok, _MULTILATERAL) or len(source) >= 3):
            mode = "multilateral"
            if not target and len(source) >= 2:
                target = list(source)
        if speaker_id is not None and modality == "asserted":
            modality = "claimed"
        trigger_span = self._trigger_span(tok)
        place = self._place(tok, sent)
        time = self._time(sent)
        ev = Event(
            id="", type=typ, mode=mode, context=trig.context, trigger=trigger_span.text,
            trigger_start=trigger_span.start_char, trigger_end=trigger_span.end_char,
            sentence_start=sent.start_char, sentence_end=sent.end_char,
            source=source, target=target, modality=modality, attributed_to=speaker_id,
            attributed_name=self.entities[speaker_id].name if speaker_id in self.entities else None,
            quote_id=quote_id, cameo_root=cameo_root(typ, mode),
        )
        if place is not None:
            ev.place_id, ev.place_name = place.id, place.name or place.text
        if time is not None:
            ev.time_id, ev.date = time.id, time.value
        elif self.article.published:
            ev.date = self.article.published
        return ev

    def _trigger_span(self, tok: Token) -> Span:
        particle = next((c for c in children(tok) if c.dep_ == "prt" and c.i == tok.i + 1), None)
        comp = next((c for c in children(tok) if c.dep_ == "compound" and c.i == tok.i - 1), None)
        start = comp.i if comp is not None and tok.pos_ != "VERB" else tok.i
        end = (particle.i if particle is not None else tok.i) + 1
        return self.doc[start:end]

    # modality and type
    def _modality(self, tok: Token, gv: Token, trig: Trigger) -> str:
        chain = _clause_chain(gv)
        negated = any(c.dep_ == "neg" for c in children(gv)) or any(
            c.dep_ == "neg" for c in children(tok)
        ) or tok.lower_ in {"no"}
        if negated and _is_future(gv):
            return "negated"  # 'will not accept refugees if war starts': a refusal, conditional or not
        if any(_has_child(v, "advcl", marks={"if", "unless"}) for v in chain[:2]):
            return "conditional"
        if _embedded_question(gv):
            return "hypothetical"
        if gv.dep_ in {"xcomp", "ccomp"} and gv.head.lemma_ in _REFUSAL_VERBS:
            return "negated"
        if (gv.dep_ in {"xcomp", "ccomp"} and gv.head.lemma_ in _REQUEST_VERBS and gv.head.i != tok.i
                and trig.type != "REQUEST" and not _is_speech_frame(gv.head)):
            return "requested"
        if negated:
            return "negated"
        if _is_future(gv) or (tok.pos_ != "VERB" and _has_mod(tok, _FUTURE_NOUN_MODS)):
            return "future"
        if any(c.dep_ == "aux" and c.lower_ in {"could", "might", "may"} for c in children(gv)):
            return "hypothetical"
        return "asserted"

    def _converted(self, trig: Trigger, modality: str, tok: Token) -> tuple[str | None, str | None]:
        """The manual's rules for intentions: the type an announced or conditional act is coded as."""
        typ, mode = trig.type, trig.mode
        intent = modality in {"future", "conditional"}
        noun = tok.pos_ != "VERB"
        if modality == "negated" and typ in _VERBAL_COOP | {"RETREAT"} and _is_future(_governing_verb(tok)):
            return "REJECT", None
        if not intent:
            return typ, mode
        unless = modality == "conditional" and _condition(tok) == "unless"
        if unless and typ in _FORCEFUL | {"RETREAT", "SANCTION"}:
            return "THREATEN", _threat_mode(typ, mode, tok)  # 'will withdraw ... unless': a threat
        if typ in _COOPERATIVE and not noun:
            return "AGREE", None
        if typ in {"RETREAT", "CONCEDE"} and not noun:
            # 'would step down if ...' is a conditional concession; 'will release', 'is willing to
            # withdraw' state an intention to cooperate
            return ("CONCEDE", mode) if modality == "conditional" else ("AGREE", None)
        if typ == "SANCTION" and modality == "future":
            return typ, mode  # an announced reduction of relations is that reduction, not a threat
        if typ in _FORCEFUL:
            return "THREATEN", _threat_mode(typ, mode, tok)
        return typ, mode

    # attribution
    def _attribution(self, tok: Token, gv: Token) -> tuple[str | None, str | None]:
        for q in self.quotes:
            if q.start <= tok.idx < q.end and q.speaker_id:
                return q.speaker_id, q.id
        node = gv
        for _ in range(6):
            if node.head.i == node.i:
                break
            if node.dep_ in {"ccomp", "advcl", "xcomp", "conj", "relcl", "acl", "pcomp", "prep", "pobj"}:
                head = node.head
                if head.lemma_ in _SPEECH_VERBS and node.dep_ in {"ccomp", "conj"} and head.i != tok.i:
                    subj = _subject(head)
                    entity = self._entity_of(subj) if subj is not None else None
                    if entity is not None:
                        return entity.id, None
                node = head
            else:
                break
        return None, None

    # actors
    def _participants(
        self, tok: Token, gv: Token, trig: Trigger, speaker: str | None
    ) -> tuple[list[Actor], list[Actor]]:
        source: list[Actor] = []
        target: list[Actor] = []
        if tok.pos_ == "VERB":
            subj, passive = _subject_of_verb(tok)
            agent = next((p for c in children(tok) if c.dep_ == "agent" for p in children(c) if p.dep_ == "pobj"), None)
            if passive:
                source = self._actors(agent, speaker) if agent is not None else []
                target = self._actors(subj, speaker) if subj is not None else []
            else:
                source = self._actors(subj, speaker) if subj is not None else []
                target = self._object_actors(tok, speaker, theme=trig.type in _THEME_OBJECT_TYPES)
        else:
            holder = tok.head if tok.dep_ == "compound" else tok
            between = _prep_objects(holder, {"between"})
            if between:
                actors = [a for p in between for a in self._actors(p, speaker)]
                source, target = actors[:1], actors[1:]
            if not source and trig.type == "CONSULT":
                source = [a for o in _prep_objects(holder, {"of", "by"}) for a in self._actors(o, speaker)]
            if not source:
                for acl in (c for c in children(holder) if c.dep_ in {"acl", "relcl"}):
                    obj = next((c for c in children(acl) if c.dep_ in {"dobj", "pobj"}), None)
                    if obj is not None and acl.lemma_ in {"involve", "include", "bring"}:
                        source = self._actors(obj, speaker)
            if not source:  # 'US Predator attacks', 'Palestinian riots', "Israel's invasion"
                source = [a for a in self._owners(tok, speaker) if a.country or a.sector]
            if not source:
                subj, passive = _subject_of_verb(gv) if gv.pos_ in {"VERB", "AUX"} else (None, False)
                if subj is not None and subj.i != holder.i and not passive:
                    source = self._actors(subj, speaker)
            if not target:
                target = self._object_actors(holder, speaker, noun=True)
            if not target and gv is not holder and gv.pos_ in {"VERB", "AUX"}:
                for clause in (c for c in children(gv) if c.dep_ in {"advcl", "xcomp", "ccomp"}):
                    subj = _subject(clause) if clause.dep_ == "ccomp" else None
                    target = self._actors(subj, speaker) if subj is not None else []
                    target = target or self._object_actors(clause, speaker)  # 'a hunger strike to demand ...'
                    if target:
                        break
        source_keys = {(a.country, a.sector) for a in source}
        target = [a for a in target if (a.country, a.sector) not in source_keys]
        if not target and trig.type == "THREATEN":  # '... if the United States goes ahead'
            for cond in (t for t in [*_clause_chain(gv)[1:2], *tok.subtree] if t.dep_ == "advcl"):
                subj = _subject(cond)
                if subj is not None and any(m.lower_ in {"if", "unless"} for m in children(cond)):
                    target = [a for a in self._actors(subj, speaker) if (a.country, a.sector) not in source_keys]
                    if target:
                        break
        if not target and trig.type in _LOCATED_TARGET_TYPES:
            target = self._default_target(tok, trig, source)
        if not source and trig.type == "ASSAULT" and target:
            # 'a roadside bombing near Samarra killed ...': unidentified attackers in that country
            located = self._default_target(tok, trig, [])
            if located:
                source = [Actor(text=located[0].text, start=located[0].start, end=located[0].end,
                                country=located[0].country, sector="UAF")]
        state = source[0].country if len(source) == 1 and source[0].sector in {"GOV", "MIL", "COP", "JUD"} else None
        if state is not None:  # 'Egyptian police ... dispersed demonstrators': domestic by default
            for a in target:
                if a.country is None and a.sector in {"CVL", "OPP", "JRN", "EDU", "LAB"}:
                    a.country = state
        return source, target

    def _default_target(self, tok: Token, trig: Trigger, source: list[Actor]) -> list[Actor]:
        """No named recipient: the country the event happens in ('imposed a curfew in Cizre',
        'demonstrated in Serbia'); for a protest with no place, the protesters' own government."""
        sent = sent_of(tok)
        for p in self.places:
            if sent.start_char <= p.start < sent.end_char and p.country_code and p.start > tok.idx - 200:
                root = self.place_root.get(p.id)
                if root is None or root.dep_ != "pobj" or root.head.lower_ not in _LOCATIVE_PREPS:
                    continue
                a3 = self.gaz.alpha2_to_3.get(p.country_code)
                if a3 and all(a.country != a3 or a.sector for a in source):
                    return [Actor(text=p.text, start=p.start, end=p.end, country=a3)]
        if trig.type in _DOMESTIC_TYPES and len(source) == 1 and source[0].country:
            # a protest, concession or refusal with no named party is addressed at home
            sector = "GOV" if trig.type == "PROTEST" else None
            return [Actor(text=source[0].text, start=source[0].start, end=source[0].end,
                          country=source[0].country, sector=sector)]
        return []

    def _object_actors(self, tok: Token, speaker: str | None, noun: bool = False, theme: bool = False,
                       depth: int = 0) -> list[Actor]:
        """Recipients: the object (after the prepositions when the object is what is moved or given:
        'withdraw its troops from Lebanon', 'provide intelligence to Macedonia'), prepositional objects,
        then the objects' own complements and owners, then the complement clause's parties."""
        objects = [c for c in children(tok) if c.dep_ in {"dobj", "dative"}] if not noun else []
        if theme:
            objects = [c for c in objects if c.dep_ == "dative"]
        for c in objects:
            found = self._actors(c, speaker)
            if found:
                return found
        by_prep: dict[str, list[Token]] = {}  # one walk over the children, then the prepositions in order
        for c in children(tok):
            if c.dep_ == "prep":
                by_prep.setdefault(c.lower_, []).extend(p for p in children(c) if p.dep_ == "pobj")
        for prep in _TARGET_PREPS:
            objs = by_prep.get(prep, [])
            found = [a for o in objs for a in self._actors(o, speaker)]
            if not found and prep == "against":  # 'riots against Israeli policies'
                found = [a for o in objs for a in self._owners(o, speaker)]
            if found:
                return found
        for obj in _prep_objects(tok, {"for", "in", "over", "of"}):  # 'for a possible war against Iraq'
            found = [a for o in _prep_objects(obj, {"against", "on", "with"}) for a in self._actors(o, speaker)]
            if found:
                return found
        if noun:  # 'its demand that Israel ease restrictions'
            for clause in (c for c in children(tok) if c.dep_ in {"acl", "ccomp"}):
                subj = next((c for c in children(clause) if c.dep_ in {"nsubj", "nsubjpass"}), None)
                found = self._actors(subj, speaker) if subj is not None else []
                if found:
                    return found
        if not noun:
            if theme:
                for c in (c for c in children(tok) if c.dep_ == "dobj"):
                    found = self._actors(c, speaker)
                    if found:
                        return found
            for c in children(tok):
                if c.dep_ == "dobj":
                    objs = _prep_objects(c, {"of", "to", "against", "with", "on", "from", "by"})
                    found = [a for o in objs for a in self._actors(o, speaker)]
                    if found:
                        return found
                    found = self._owners(c, speaker)
                    if found:
                        return found
            for comp in (c for c in children(tok) if c.dep_ in {"xcomp", "ccomp", "advcl"}):
                subj = next((c for c in children(comp) if c.dep_ in {"nsubj", "nsubjpass"}), None)
                same_parties = subj is not None and subj.lemma_.lower() in {"country", "side", "government", "nation"}
                if subj is not None and (subj.tag_ == "PRP" or (same_parties and any(
                        c.tag_ == "PRP$" for c in children(subj)))):
                    subj = None  # 'agreed that their countries should ...': the same parties
                if subj is not None and comp.dep_ == "ccomp":
                    found = self._actors(subj, speaker)
                    if found:
                        return found
                # a chain of clauses is followed a few levels down, never to the end of a pathological one
                deeper = comp.pos_ in {"VERB", "AUX"} and depth < _MAX_CLAUSE_DEPTH
                found = self._object_actors(comp, speaker, depth=depth + 1) if deeper else []
                if found:
                    return found
        return []

    def _owners(self, thing: Token, speaker: str | None) -> list[Actor]:
        """Whose object it is: 'an Indian proposal', "Haiti's efforts", 'a U.N. Security Council resolution'."""
        out: list[Actor] = []
        for c in children(thing):
            if c.dep_ in {"poss", "compound", "amod", "nmod"}:
                found = self.by_token.get(c.i)
                if found is not None:
                    out.extend(self._actor(c, speaker))
                elif c.text[:1].isupper() and self.gaz.country_of(c.text):
                    out.append(Actor(text=c.text, start=c.idx, end=c.idx + len(c.text),
                                     country=self.gaz.country_of(c.text)))
        return out

    def _actors(self, head: Token | None, speaker: str | None) -> list[Actor]:
        if head is None:
            return []
        heads = [head] + [c for c in head.conjuncts if c.i > head.i]
        actors: list[Actor] = []
        for h in heads:
            actors.extend(self._actor(h, speaker))
            for appos in (c for c in children(h) if c.dep_ == "appos"):
                for x in [appos, *appos.conjuncts]:
                    actors.extend(a for a in self._actor(x, speaker) if (a.country or a.sector) and a not in actors)
        unique: list[Actor] = []
        for a in actors:
            if all((a.country, a.sector, a.entity_id) != (u.country, u.sector, u.entity_id) for u in unique):
                unique.append(a)
        return unique

    def _actor(self, h: Token, speaker: str | None) -> list[Actor]:
        doc = self.doc
        if h.lower_ in _PRONOUNS and h.i not in self.by_token and speaker is not None:
            e = self.entities[speaker]
            return [Actor(text=h.text, start=h.idx, end=h.idx + len(h.text), entity_id=e.id,
                          country=e.country, sector=e.sector)]
        # several demonyms on one head: 'Hungarian and Romanian officials'
        codes = []
        for c in children(h):
            if c.dep_ in {"amod", "compound", "nmod", "poss"}:
                for t in [c] + list(c.conjuncts):
                    code = self.gaz.country_of(t.text) if t.text[:1].isupper() else None
                    mentioned = self.by_token.get(t.i)
                    if code is None and mentioned is not None and mentioned[1].type in {"GPE", "NORP"}:
                        code = mentioned[1].country  # 'Ivory Coast rebels'
                    if code and code not in codes:
                        codes.append(code)
        for c in children(h):
            member = self.by_token.get(c.i)
            if (c.dep_ in {"compound", "nmod", "amod"} and member is not None and member[1].type in _ORGANISED
                    and member[0].kind == "name"):
                m, e = member  # the members of a named group act as the group
                return [Actor(text=m.text, start=m.start, end=m.end, entity_id=e.id, country=e.country,
                              sector=e.sector)]
        found = self.by_token.get(h.i)
        modifiers = " ".join(c.lower_ for c in children(h) if c.dep_ in {"compound", "amod"} and c.i < h.i)
        role = (self.gaz.roles.get(f"{modifiers} {h.lower_}".strip()) or self.gaz.roles.get(h.lemma_.lower())
                or self.gaz.roles.get(h.lower_))
        span = doc[h.left_edge.i : h.i + 1] if h.left_edge.i >= h.i - 6 else doc[h.i : h.i + 1]
        if len(codes) > 1:
            sector = (found[1].sector if found else None) or (role.sector if role else None)
            return [Actor(text=span.text, start=span.start_char, end=span.end_char, country=c, sector=sector)
                    for c in codes]
        if found is not None:
            m, e = found
            country, sector = e.country, e.sector
            if e.type == "NORP" and codes and codes[0] != country:
                country = codes[0]  # 'Bosnian Serbs': the modifier names the nationality
            if country is None and e.type == "GPE":
                country, sector = self._city_country(m)
                if country is None:
                    return []
            if country is None and codes:
                country = codes[0]
            if country is None and e.type in {"GROUP", "ORG", "MEDIA", "NGO"}:
                country = self._located_in(h)  # 'Rebels in the Ivory Coast', 'a newspaper based in Beirut'

            if e.type == "NORP" and sector is None and role is not None:
                sector = role.sector
            if country is None and e.type == "PERSON":  # 'U.N. mediator Diego Cordovez'
                for c in children(h):
                    other = self.by_token.get(c.i)
                    if c.dep_ in {"compound", "amod", "nmod", "poss"} and other is not None and other[1] is not e:
                        country, sector = other[1].country, sector or other[1].sector
                        break
            return [Actor(text=m.text, start=m.start, end=m.end, entity_id=e.id, country=country, sector=sector)]
        # 'the monarchies of Saudi Arabia and Qatar', 'a group of Moroccan diplomats'
        of_objs = _prep_objects(h, {"of"})
        if of_objs and (role is not None or h.lemma_.lower() in _COLLECTIVES):
            inner = [a for o in of_objs for a in self._actors(o, speaker)]
            if inner:
                return inner
        if role is not None:
            country = codes[0] if codes else self._located_in(h)
            return [Actor(text=span.text, start=span.start_char, end=span.end_char, country=country,
                          sector=role.sector)]
        if codes and h.lemma_.lower() not in _NOT_ACTORS and h.pos_ in {"NOUN", "PROPN"}:
            return [Actor(text=span.text, start=span.start_char, end=span.end_char, country=codes[0])]
        if h.pos_ == "NOUN":  # 'a camp for Congolese refugees', 'the computers of South Korean officers'
            for o in _prep_objects(h, {"for", "of", "to"}):
                inner = self._actor(o, speaker)
                if inner:
                    return inner
        return []

    def _located_in(self, h: Token) -> str | None:
        """'Rebels in the Ivory Coast', 'opposition groups in Zimbabwe': the country they are in."""
        places = _prep_objects(h, {"in", "from"})
        for acl in (c for c in children(h) if c.dep_ in {"acl", "relcl"} and c.lemma_ in {"base", "operate", "live"}):
            places += _prep_objects(acl, {"in", "from"})
        for o in places:
            found = self.by_token.get(o.i)
            if found is not None and found[1].type == "GPE":
                if found[1].country:
                    return found[1].country
                country, _ = self._city_country(found[0], any_city=True)
                if country:
                    return country
        return None

    def _city_country(self, m: Mention, any_city: bool = False) -> tuple[str | None, str | None]:
        """A capital standing for its government ('Damascus and the militants', 'Beirut rejected');
        other places are where things happen, not who does them."""
        place = self.place_by_start.get(m.start)
        if place is None or place.country_code is None:
            return None, None
        if place.feature == "country" or place.geonameid in self.gaz.capitals:
            return self.gaz.alpha2_to_3.get(place.country_code), "GOV"
        if any_city:
            return self.gaz.alpha2_to_3.get(place.country_code), None
        return None, None

    def _entity_of(self, tok: Token) -> Entity | None:
        found = self.by_token.get(tok.i)
        if found is not None:
            return found[1]
        for c in children(tok):
            if c.dep_ == "appos" and c.i in self.by_token:
                return self.by_token[c.i][1]
        return None

    # where and when
    def _place(self, tok: Token, sent: Span) -> Place | None:
        in_sent = [p for p in self.places if sent.start_char <= p.start < sent.end_char and p.geonameid]
        for p in in_sent:
            root = self.place_root.get(p.id)
            if root is not None and root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS:
                return p
        cities = [p for p in in_sent if p.feature == "city"]
        if cities:
            return cities[0]
        return self.dateline_place

    def _time(self, sent: Span) -> TimeExpr | None:
        return next((t for t in self.times if sent.start_char <= t.start < sent.end_char and t.value), None)


# --- parse helpers -------------------------------------------------------------------------------------
def _with_mode(trig: Trigger, mode: str) -> Trigger:
    return Trigger(trig.lemma, trig.pos, trig.objects, trig.type, mode, trig.context)


def _object_lemmas(tok: Token) -> set[str]:
    """Lemmas that can satisfy a trigger's object constraint: objects, prepositions and their objects,
    infinitive complements, and modifiers."""
    out: set[str] = set()
    for c in children(tok):
        if c.dep_ in {"dobj", "attr", "oprd", "dative", "nsubjpass", "nsubj", "amod", "compound", "npadvmod"}:
            out.update({c.lemma_.lower(), c.lower_})
            out.update(g.lemma_.lower() for g in children(c) if g.dep_ in {"compound", "amod"})
            out.update(p.lemma_.lower() for g in children(c) if g.dep_ == "prep" and g.lower_ == "of"
                       for p in children(g) if p.dep_ == "pobj")
        elif c.dep_ == "prep":
            out.add(c.lower_)
            out.update(p.lemma_.lower() for p in children(c) if p.dep_ == "pobj")
        elif c.dep_ in {"xcomp", "ccomp"}:
            out.add(c.lemma_.lower())
            out.update(g.lemma_.lower() for g in children(c) if g.dep_ == "dobj")
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c)):
                out.add("to")
    return out


def _governing_verb(tok: Token) -> Token:
    """The verb whose clause a trigger sits in (the trigger itself when it is a verb)."""
    node = tok
    for _ in range(6):
        nominal = node.dep_ in {"amod", "pobj", "dobj", "compound", "nsubj", "nsubjpass", "attr"}
        if node.pos_ in {"VERB", "AUX"} and not (nominal and node is not tok):
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return node


def _clause_chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is the complement of ('agreed to allow' → allow, agreed)."""
    chain = [verb]
    node = verb
    climb = {"xcomp", "ccomp", "conj", "advcl", "pcomp", "acomp"}
    while node.dep_ in climb and node.head.i != node.i and len(chain) < 4:
        node = node.head
        chain.append(node)
    return chain


def _is_future(verb: Token) -> bool:
    """Future or intended: will/shall/would/'ll, 'going to', 'is to be held', 'have to', 'must',
    or the complement of an intention ('offered to', 'is willing to', 'plans to')."""
    for v in _clause_chain(verb)[:3]:
        for c in children(v):
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in {"will", "shall", "'ll", "would", "wo", "must"}:
                return True
        if v.dep_ == "xcomp" and v.head.lemma_ in _INTENT_VERBS:
            return True
        if v.dep_ == "xcomp" and v.head.lemma_ in {"have", "need", "go"} and v.head.lower_ != "had":
            return True
        if v.dep_ == "xcomp" and v.head.lemma_ == "be":
            return True
        if v.dep_ == "xcomp" and v.head.lower_ in _INTENT_ADJ:
            return True
        if v.head.lower_ in _INTENT_ADJ and v.dep_ in {"xcomp", "acomp"}:
            return True
        if v.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in _INTENT_ADJ for c in children(v)):
            return True
    return False


def _condition(tok: Token) -> str | None:
    """'if' or 'unless' when the trigger's clause carries such a condition."""
    for v in _clause_chain(_governing_verb(tok))[:2]:
        for c in children(v):
            if c.dep_ == "advcl":
                mark = next((m.lower_ for m in children(c) if m.dep_ == "mark" and m.lower_ in {"if", "unless"}), None)
                if mark:
                    return mark
    return None


def _embedded_question(verb: Token) -> bool:
    """Inside 'asked whether/if ...': a question, not an act ('asked whether it had plans to liberate')."""
    node = verb
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in children(node)) and (
            node.head.lemma_ in {"ask", "wonder", "question", "doubt"}
        ):
            return True
        if node.lemma_ in {"plan", "plans"} and node.dep_ == "dobj" and node.head.lemma_ == "have":
            return _embedded_question(node.head)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _has_child(verb: Token, dep: str, marks: set[str]) -> bool:
    return any(
        c.dep_ == dep and any(m.dep_ == "mark" and m.lower_ in marks for m in children(c)) for c in children(verb)
    )


def _has_mod(tok: Token, words: set[str]) -> bool:
    return any(c.dep_ in {"amod", "compound", "nmod"} and c.lower_ in words for c in children(tok))


def _is_speech_frame(verb: Token) -> bool:
    return verb.lemma_ in {"tell", "insist"}


def _subject(verb: Token) -> Token | None:
    return next((c for c in children(verb) if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _subject_of_verb(verb: Token) -> tuple[Token | None, bool]:
    """The subject (and whether it is passive), climbing out of infinitive and participle
    complements ('agreed to allow', 'managed to liberate', 'threatened to ban')."""
    node = verb
    for _ in range(4):
        subj = next((c for c in children(node) if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None:  # 'delegation was prepared': parsers sometimes hang the subject on the auxiliary
            subj = next((g for c in children(node) if c.dep_ in {"aux", "auxpass"}
                         for g in children(c) if g.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            if subj.tag_ in {"WDT", "WP"} and node.dep_ == "relcl":  # 'X, who was arrested ...': X undergoes it
                return node.head, subj.dep_ == "nsubjpass" and node is verb
            adjectival = verb.lower_ in _INTENT_ADJ  # 'is committed to', 'was prepared to'
            # 'was arrested and sentenced': a participle coordinated with a passive shares its voice
            shared = (node is not verb and verb.dep_ == "conj" and verb.tag_ in {"VBN", "VBD"}
                      and node.i == verb.head.i and any(c.dep_ == "auxpass" for c in children(node))
                      and not any(c.dep_ in {"aux", "auxpass", "nsubj"} for c in children(verb)))
            return subj, subj.dep_ == "nsubjpass" and (node is verb or shared) and not adjectival
        if node.dep_ in {"xcomp", "conj", "advcl", "acomp"} and node.head.i != node.i:
            node = node.head
        elif node.dep_ in {"acl", "relcl"}:
            noun = node.head  # 'issued a declaration demanding that ...': the issuer demands
            if node.dep_ == "acl" and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and node.tag_ != "VBN":
                node = noun.head
                continue
            # 'the man arrested in March': a past participle's noun undergoes the act
            return noun, node.dep_ == "acl" and node.tag_ == "VBN" and node is verb
        else:
            return None, False
    return None, False


def _one_per_happening(events: list[Event]) -> list[Event]:
    """Within a sentence, two records of one type, mode and modality that share a party and whose other
    parties agree (the same, or unknown on one side) are one happening ('the army killed three soldiers
    and injured five'): the first is kept, with the other's parties where it had none. Records with no
    party in common stay apart ('the Aleppo deal ... a nationwide truce')."""
    kept: list[Event] = []
    for ev in events:
        same = next((k for k in kept if k.type == ev.type and k.modality == ev.modality
                     and k.mode == ev.mode
                     and _parties_agree(k.source, ev.source) and _parties_agree(k.target, ev.target)
                     and _shares_a_party(k, ev)), None)
        if same is None:
            kept.append(ev)
            continue
        same.source = same.source or ev.source
        same.target = same.target or ev.target
    return kept


def _shares_a_party(a: Event, b: Event) -> bool:
    return any(_parties_agree(x, y) and x and y for x, y in ((a.source, b.source), (a.target, b.target)))


def _parties_agree(a: list[Actor], b: list[Actor]) -> bool:
    """The same parties: a common entity or code, or a country-only party (where it happened) whose
    country the other side has."""
    if not a or not b:
        return True
    if {x.entity_id for x in a if x.entity_id} & {x.entity_id for x in b if x.entity_id}:
        return True
    codes_a, codes_b = {(x.country, x.sector) for x in a}, {(x.country, x.sector) for x in b}
    if codes_a & codes_b:
        return True
    bare_a, bare_b = {c for c, s in codes_a if c and not s}, {c for c, s in codes_b if c and not s}
    return bool(bare_a & {c for c, _ in codes_b} or bare_b & {c for c, _ in codes_a})


def _prep_objects(tok: Token, preps: set[str]) -> list[Token]:
    return [p for c in children(tok) if c.dep_ == "prep" and c.lower_ in preps for p in children(c) if p.dep_ == "pobj"]


def _threat_mode(typ: str, mode: str | None, tok: Token) -> str:
    words = {t.lemma_.lower() for t in tok.subtree} | {t.lemma_.lower() for t in tok.head.subtree}
    if typ in {"ASSAULT", "MOBILIZE"}:
        return "territory" if words & _TERRITORY else "violence"
    if typ == "COERCE":
        return {"arrest": "arrest", "deport": "expel"}.get(mode or "", "restrict")
    if typ == "SANCTION":
        return "expel" if mode == "expel" else "relations"
    return "restrict"
