"""Places: every toponym mention resolved offline, small towns, regions and features included.

Mentions come from the entities stage (GPE, LOC and FAC names), the dateline, and three patterns the
NER misses: a gazetteer name in a locative context ("in X", "near X", "the town of X", "X province"),
an unknown name before a place noun ("X district", "X neighborhood": a place in the country of the
place around it), and a country name joined by a hyphen ("U.S.-Turkish talks"). A direction before a
country or continent makes a region of it ("northeast Syria", "southern Europe").

Not places: a toponym inside an organisation's or work's capitalised name ("U.S. Senate", "Radio
France", "Vietnam War"; head words in ``data/place_words.tsv``), an all-capital acronym that only an
alternate name would match ("BLA", "NISA"), or a name of a person the article names.

Resolution: a feature (``data/features.tsv``) by its whole name; a qualifier after the name ("Paris,
Texas", "Sibi, Balochistan") or a place noun ("Ghazni province") first; then the world-prominent sense
(a capital or a city of a million people, or a country); then a candidate in a country the article
mentions; then the most populous city over 15,000; then towns and regions (500 people and more), and
transliteration variants, in a country the article mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Doc, Token

from dateline.errors import DataError
from dateline.extract.sentences import sent_of, token_range, tokens
from dateline.gazetteer import Gazetteer, GeoRecord, fold, load_gazetteer, read_rows
from dateline.geoindex import Feature, GeoIndex, load_geo_index
from dateline.model import Article, Entity, Mention, Place

_TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
_NOT_PLACE_LABELS = {"PERSON", "ORG", "NORP"}
_PROMINENT_POPULATION = 1_000_000
_MAX_NAME_TOKENS = 7  # hyphens count: 'Dasht-e-Barchi' is five tokens
_MAX_UNKNOWN_WORDS = 3
_MIN_VARIANT_LENGTH = 6  # shorter names have too many namesakes among spelling variants
_CONNECTORS = {"de", "des", "du", "la", "le", "al", "el", "of"}
_NOT_NAME_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT", "WORK_OF_ART",
                  "LAW", "LANGUAGE", "NORP"}
_ACRONYM_HYPHEN = re.compile(r"\b[A-Z]{2,}-$")
_DIRECTION_BEFORE = re.compile(r"\b([A-Za-z]+(?:-[A-Za-z]+)?)\s+$")


@dataclass(frozen=True)
class PlaceWords:
    """The word classes of ``data/place_words.tsv``."""

    locative: frozenset[str]
    noun: frozenset[str]
    admin: frozenset[str]
    settlement: frozenset[str]
    orghead: frozenset[str]
    direction: frozenset[str]


@lru_cache(maxsize=1)
def load_place_words() -> PlaceWords:
    path = Path(str(resources.files("dateline") / "data" / "place_words.tsv"))
    classes: dict[str, set[str]] = {k: set() for k in PlaceWords.__dataclass_fields__}
    for word, cls, *_ in read_rows(path, 2):
        if cls not in classes:
            raise DataError(f"{path}: {word!r} has class {cls!r}; use one of {', '.join(classes)}")
        classes[cls].add(word.lower())
    return PlaceWords(**{k: frozenset(v) for k, v in classes.items()})


@dataclass
class _Candidate:
    start: int
    end: int
    text: str
    entity_id: str | None
    tagged: bool  # named by the NER or the dateline (not only by a pattern)
    unknown_ok: bool = False  # an unknown name before a place noun: placed in its surroundings' country


def extract_places(doc: Doc, article: Article, entities: list[Entity]) -> list[Place]:
    """One Place per toponym mention (and the dateline place), in text order."""
    return _Finder(doc, article, entities).places()


class _Finder:
    """Per-document state; discarded when ``extract_places`` returns."""

    def __init__(self, doc: Doc, article: Article, entities: list[Entity]) -> None:
        self.doc, self.article, self.text = doc, article, article.text
        self.gaz: Gazetteer = load_gazetteer()
        self.geo: GeoIndex = load_geo_index()
        self.words = load_place_words()
        self.toks = tokens(doc)
        self.blocked = [False] * len(doc)  # tokens of person, organisation and group names
        self.blockers: list[tuple[int, int, str]] = []  # (first token, end token, label) of those names
        self.covered = [False] * len(doc)  # tokens of a candidate already found
        self.localities: set[str] = set()  # unknown names already read as places ('X district')
        self.senses: dict[str, GeoRecord] = {}  # names qualified once ('Paris, Texas'): that place throughout
        self.people: set[str] = set()
        self.candidates: list[_Candidate] = []
        doubtful: list[tuple[Entity, Mention]] = []
        for e in entities:
            for m in e.mentions:
                if m.kind != "name":
                    continue
                if m.label in _TOPONYM_LABELS or m.label == "ORG" and self.gaz.country_names.get(_core(m.text)):
                    self._add(_Candidate(m.start, m.end, m.text, e.id, True))
                elif m.label in _NOT_PLACE_LABELS:
                    doubtful.append((e, m))
            if e.type == "PERSON" and any(len(m.text.split()) > 1 for m in e.mentions if m.kind == "name"):
                self.people.update(fold(part) for part in e.name.split())
        self._doubtful(doubtful)

    def _doubtful(self, doubtful: list[tuple[Entity, Mention]]) -> None:
        """A PERSON, ORG or NORP name that is all its entity is called and that the gazetteer knows is a
        place when it is a feature, when the article names it as a place elsewhere (one sense per
        discourse), or when the words around it make it one ("in X", "X province", "Quetta, X",
        "X and <place>"); any other such name blocks place-finding over its words."""
        undecided = []
        for e, m in doubtful:
            rng = token_range(self.doc, m.start, m.end)
            text = _core(m.text)
            single = all(fold(x.text) == fold(m.text) for x in e.mentions if x.kind == "name")
            if not rng or not single or text in self.gaz.demonyms or self.gaz.actors.get(text):
                self._block(rng, m.label)
            elif (self.geo.feature(text) is not None and m.label != "NORP"
                  or not self._continues(rng.stop) and self._placed_by_context(rng.start, rng.stop, text,
                                                                                 m.label == "NORP")):
                self._add(_Candidate(m.start, m.end, m.text, e.id, True))
            else:
                undecided.append((e, m, rng, text))
        names = {fold(_core(_strip_noun(c.text, self.words))) for c in self.candidates}
        for e, m, rng, text in undecided:
            if fold(text) in names and not self._continues(rng.stop):
                self._add(_Candidate(m.start, m.end, m.text, e.id, True))
            else:
                self._block(rng, m.label)

    def _block(self, rng: range, label: str) -> None:
        self.blockers.append((rng.start, rng.stop, label))
        for i in rng:
            self.blocked[i] = True

    def _continues(self, j: int) -> bool:
        """The name goes on after toks[:j] ('Croix' in 'Croix des Bouquets'): a longer name is looked up."""
        toks = self.toks
        return j < len(toks) and (toks[j].lower_ in _CONNECTORS - {"of"} or
                                  not toks[j - 1].whitespace_ and toks[j].text == "-")

    def _placed_by_context(self, i: int, j: int, text: str, adjective: bool) -> bool:
        """Words around toks[i:j] that make a place of it; for a word tagged as a nationality or group
        ('Arab', 'Punjab') only a place noun after it does ('Punjab province')."""
        after = self._noun_after(j)
        if after is not None and (after in self.words.admin or after in self.words.noun):
            return True
        if adjective or not self._exact_candidates(text):
            return False
        if self._locative_before(i):
            return True
        toks = self.toks
        if i >= 2 and toks[i - 1].text == "," and toks[i - 2].i < len(toks) and self.covered[toks[i - 2].i]:
            return True  # 'Quetta, Balochistan'
        if j + 1 < len(toks) and toks[j].lower_ in {"and", "or"} and self.covered[j + 1]:
            return True  # 'Phu Quoc and Da Nang'
        return i >= 2 and toks[i - 1].lower_ in {"and", "or"} and self.covered[i - 2]

    # --- finding mentions --------------------------------------------------------------------
    def places(self) -> list[Place]:
        self._dateline()
        self._hyphen_compounds()
        self._features()
        self._locatives()
        kept = [part for c in self.candidates if not self._in_organisation_name(c) for part in self._hyphen_parts(c)]
        kept = _without_overlaps(kept)
        self.context = self._context(kept)
        places: list[Place] = []
        for n, cand in enumerate(kept, start=1):
            place = self._resolve(cand, f"P{n}")
            if place is not None:
                places.append(place)
        self._attach_unknown(places)
        for n, place in enumerate(places, start=1):
            place.id = f"P{n}"
        return places

    def _dateline(self) -> None:
        d = self.article.dateline
        if d is None or not d.place:
            return
        pos = d.start
        for part in d.place.split("/"):
            part = part.strip()
            found = fold(self.text[d.start : d.end]).find(fold(part))
            start = d.start + found if found >= 0 else pos
            self._add(_Candidate(start, start + len(part), part, None, True))
            pos = start + len(part) + 1

    def _hyphen_compounds(self) -> None:
        """Country names joined to a word by a hyphen ('U.S.-Turkish', 'U.S.-based', 'U.S.-ROK')."""
        for tok in self.toks:
            if "-" not in tok.text[1:-1] or self._covered(tok.idx, tok.idx + len(tok.text)):
                continue
            offset = tok.idx
            for part in tok.text.split("-"):
                if len(part) >= 2 and part[0].isupper() and self.gaz.country_names.get(part):
                    self._add(_Candidate(offset, offset + len(part), part, None, True))
                offset += len(part) + 1

    def _features(self) -> None:
        """Multi-word feature names wherever they stand, over a shorter mention inside them ('Taiwan' in
        'the Taiwan Strait', 'China' in 'the South China Sea')."""
        toks, first_words = self.toks, self.geo.feature_first_words
        for tok in toks:
            if not tok.text[:1].isupper() or fold(tok.text) not in first_words:
                continue
            sent_end = sent_of(tok).end
            for end in range(min(sent_end, tok.i + 5), tok.i + 1, -1):
                name = self.text[tok.idx : toks[end - 1].idx + len(toks[end - 1].text)]
                if self.geo.feature(name) is not None and not self._blocked(tok.i, end, True):
                    self._add(_Candidate(tok.idx, tok.idx + len(name), name, None, False))
                    break

    def _hyphen_parts(self, cand: _Candidate) -> list[_Candidate]:
        """'U.S.-Japan' tagged as one name: its country parts, when the whole is no known place."""
        if "-" not in cand.text or self._known(_core(cand.text)):
            return [cand]
        parts, offset = [], cand.start
        for part in cand.text.split("-"):
            if len(part) >= 2 and self.gaz.country_names.get(part):
                parts.append(_Candidate(offset, offset + len(part), part, None, True))
            offset += len(part) + 1
        return parts or [cand]

    def _locatives(self) -> None:
        """Gazetteer names the NER missed, in a locative context; unknown names before a place noun."""
        toks, n = self.toks, len(self.toks)
        i = 0
        while i < n:
            tok = toks[i]
            if not self._name_start(tok) or not self._may_place(i):
                i += 1
                continue
            j = i + 1
            while j < n and j - i < _MAX_NAME_TOKENS and self._name_part(toks[j], toks[j - 1]):
                j += 1
            while j > i + 1 and toks[j - 1].lower_ in _CONNECTORS:
                j -= 1
            found = self._locative_name(i, j)
            i = found if found else i + 1

    def _name_start(self, tok: Token) -> bool:
        return (tok.text[:1].isupper() and _capitalised(tok) and not tok.is_stop
                and tok.ent_type_ not in _NOT_NAME_ENTS and not self.covered[tok.i])

    def _may_place(self, i: int) -> bool:
        """A cheap test before the look-ups: a locative word before, or a place noun a few words after."""
        if self._locative_before(i):
            return True
        words, ahead = self.words, self.toks[i + 1 : i + _MAX_NAME_TOKENS + 2]
        return fold(self.toks[i].text) in self.geo.feature_first_words or any(
            t.lower_ in words.noun or t.lower_ in words.admin for t in ahead)

    def _name_part(self, tok: Token, prev: Token) -> bool:
        if sent_of(tok).start != sent_of(prev).start or tok.ent_type_ in _NOT_NAME_ENTS:
            return False
        if tok.lower_ in _CONNECTORS or not prev.whitespace_ and "-" in (tok.text, prev.text):
            return True
        return _capitalised(tok)

    def _blocked(self, i: int, j: int, feature: bool) -> bool:
        """A person's or organisation's name overlaps toks[i:j] and is not a shorter piece inside a
        longer gazetteer name ('Croix' tagged PERSON in 'Croix des Bouquets'); an organisation's
        name does not block a feature's ('Kurecik' tagged ORG)."""
        for b_start, b_end, label in self.blockers:
            if b_end <= i or j <= b_start:
                continue
            if i <= b_start and b_end <= j and (j - i) > (b_end - b_start):
                continue
            if feature and label == "ORG" and (b_start, b_end) == (i, j):
                continue
            return True
        return False

    def _locative_name(self, i: int, j: int) -> int:
        """Try the longest name in toks[i:j] that is a place here; the index after it, or 0."""
        toks = self.toks
        for end in range(j, i, -1):
            start_char, end_char = toks[i].idx, toks[end - 1].idx + len(toks[end - 1].text)
            name = self.text[start_char:end_char]
            if end - i == 1 and (toks[i].is_sent_start and toks[i].pos_ != "PROPN" or _acronym(name)):
                continue
            after = self._noun_after(end)
            if end < j and after is None:  # a name ends where its capitalised words end ('Dog Meat Free ...')
                continue
            feature = self.geo.feature(name) is not None
            if self._blocked(i, end, feature):
                continue
            if feature:
                self._add(_Candidate(start_char, end_char, name, None, False))
                return end
            locative = self._locative_before(i) or after is not None
            if not locative:
                continue
            known = self._known(name)
            unknown_ok = (after in self.words.noun or self._settlement_before(i) or fold(name) in self.localities) and (
                _plausible_unknown(toks[i:end]))
            if known or (unknown_ok and not toks[i].is_sent_start and fold(name) not in self.people):
                self._add(_Candidate(start_char, end_char, name, None, False, not known))
                if not known:
                    self.localities.add(fold(name))
                return end
        return 0

    def _locative_before(self, i: int) -> bool:
        if i == 0:
            return False
        prev = self.toks[i - 1]
        if prev.lower_ == "the":
            prev = self.toks[i - 2] if i > 1 else prev
        if prev.lower_ in self.words.locative:
            return True
        # 'the town of X', "Balochistan's Kalat district" is handled by the noun after
        return prev.lower_ == "of" and i > 1 and self.toks[i - 2].lower_ in self.words.noun

    def _noun_after(self, j: int) -> str | None:
        toks = self.toks
        for width in (2, 1):
            if j + width <= len(toks):
                phrase = " ".join(t.lower_ for t in toks[j : j + width])
                if phrase in self.words.noun or phrase in self.words.admin:
                    return phrase
        return None

    def _known(self, name: str) -> bool:
        if self.geo.feature(name) is not None:
            return True
        cands = self._exact_candidates(name)
        return bool(cands) and fold(name) not in self.people

    def _add(self, cand: _Candidate) -> None:
        self.candidates.append(cand)
        for i in token_range(self.doc, cand.start, cand.end):
            self.covered[i] = True

    def _covered(self, start: int, end: int) -> bool:
        return any(self.covered[i] for i in token_range(self.doc, start, end))

    # --- organisation names ----------------------------------------------------------------------
    def _in_organisation_name(self, cand: _Candidate) -> bool:
        """A toponym inside a capitalised name with an organisation head word ('U.S. Senate', 'Radio
        France', 'Tourism Authority of Thailand'), or after an acronym and a hyphen ('IS-Somalia')."""
        if self.geo.feature(_core(cand.text)) is not None:
            return False
        rng = token_range(self.doc, cand.start, cand.end)
        if not rng:
            return False
        toks, words = self.toks, self.words.orghead
        first, last = rng.start, rng.stop - 1
        if _ACRONYM_HYPHEN.search(self.text[max(0, cand.start - 8) : cand.start]):
            return True
        sent = sent_of(toks[first])
        j = last + 1
        while j < sent.end and _capitalised(toks[j]):
            if toks[j].lower_ in words or (j + 1 < sent.end and f"{toks[j].lower_} {toks[j + 1].lower_}" in words):
                return True
            j += 1
        k = first - 1
        if k >= sent.start and toks[k].lower_ in {"of", "for"}:
            k -= 1
        while k >= sent.start and _capitalised(toks[k]) and not toks[k].is_sent_start:
            if toks[k].lower_ in words:
                return True
            k -= 1
        return k >= sent.start and toks[k].is_sent_start and _capitalised(toks[k]) and toks[k].lower_ in words

    # --- resolving ------------------------------------------------------------------------------
    def _context(self, kept: list[_Candidate]) -> Counter[str]:
        ctx = self.gaz.context([_core(c.text) for c in kept if c.tagged])
        for ent in self.doc.ents:
            if ent.label_ == "NORP":
                a3 = self.gaz.demonyms.get(ent.text)
                if a3 and self.gaz.alpha3_to_2.get(a3):
                    ctx[self.gaz.alpha3_to_2[a3]] += 1
        return ctx

    def _exact_candidates(self, name: str) -> list[GeoRecord]:
        core = _core(name)
        cands = self.gaz.candidates(core) + self.geo.towns_and_regions(core)
        if _acronym(core):  # an acronym names a place only by that place's own name, never an alternate
            cands = [c for c in cands if fold(c.name) == fold(core) or c.feature == "country"]
        return cands

    def _resolve(self, cand: _Candidate, pid: str) -> Place | None:
        name = _core(cand.text)
        if not name[:1].isupper() or name.lower() in self.words.direction:  # 'the bush', 'the West'
            return None
        head = _strip_noun(name, self.words)  # 'Ghazni province' → 'Ghazni', unless the whole is known
        if head != name and not self._known(name):
            cut = len(name) - len(head)
            cand = _Candidate(cand.start, cand.end - cut, cand.text[:-cut], cand.entity_id, cand.tagged,
                              cand.unknown_ok)
            name = head
        place = Place(id=pid, text=cand.text, start=cand.start, end=cand.end, entity_id=cand.entity_id)
        feature = self.geo.feature(name)
        if feature is not None:
            self._set_feature(place, feature)
            return place
        if cand.tagged and fold(name) in self.people and not self.gaz.country_of(name):
            return None
        rec = self._choose(cand, name)
        if rec is None:
            rng = token_range(self.doc, cand.start, cand.end)
            qualifier = self._qualifier_regions(self.text[cand.end : cand.end + 40]) if cand.tagged else []
            if qualifier and rng and _plausible_unknown(self.toks[rng.start : rng.stop]):
                place.name, place.feature, place.country_code = name, "locality", qualifier[0].country_code
                place.lat, place.lon = qualifier[0].lat, qualifier[0].lon
                return place
            if cand.unknown_ok or cand.tagged and rng and _plausible_unknown(self.toks[rng.start : rng.stop]) and (
                    self._noun_after(rng.stop) in self.words.noun or self._settlement_before(rng.start)):
                place.name, place.feature = name, "locality"
                return place
            return place if cand.tagged and not _acronym(name) else None
        place.geonameid = rec.geonameid if rec.geonameid > 0 else None
        place.name, place.country_code, place.feature = rec.name, rec.country_code, rec.feature
        place.lat = round(rec.lat, 5) if rec.lat is not None else None
        place.lon = round(rec.lon, 5) if rec.lon is not None else None
        if rec.feature == "country":
            self._directional(place)
        return place

    def _choose(self, cand: _Candidate, name: str) -> GeoRecord | None:
        major = self.gaz.candidates(name)
        minor = self.geo.towns_and_regions(name)
        if _acronym(name) and cand.entity_id is not None or not cand.tagged and _acronym(name):
            major = [c for c in major if c.feature == "country"]  # 'BLA', 'NISA': never a town's name
            minor = []
        everything = major + minor
        if not everything:
            if len(name) < _MIN_VARIANT_LENGTH or _acronym(name):
                return None
            variants = [c for c in self.geo.towns_and_regions(name, variants=True) if self.context[c.country_code]
                        and abs(len(c.name) - len(name)) <= 2]
            return variants[0] if variants else None
        following = self.text[cand.end : cand.end + 40]
        country_name = any(c.feature == "country" for c in major)  # 'Singapore, Thailand and ...' is a list
        qualified = None if country_name else self._qualified(everything, following)
        if qualified is not None:  # and the name keeps that sense in the rest of the article
            self.senses[fold(name)] = qualified
            return qualified
        if not major and self._qualifier_regions(following):  # 'Charlevoix, Quebec': no namesake elsewhere
            return None
        if fold(name) in self.senses:
            return self.senses[fold(name)]
        rng = token_range(self.doc, cand.start, cand.end)
        after = self._noun_after(rng.stop) if rng else None
        if after is None and " " in cand.text and cand.text.rsplit(" ", 1)[1].lower() in self.words.admin:
            after = cand.text.rsplit(" ", 1)[1].lower()
        if after in self.words.admin:
            regions = [c for c in everything if c.feature == "admin1"]
            if regions:
                return self._in_context_first(regions)
        if after in self.words.settlement or self._settlement_before(rng.start if rng else 0):
            towns = [c for c in everything if c.feature in {"city", "town"}]
            if towns:
                return self._in_context_first(towns)
        if major:
            top = major[0]
            if top.feature == "country" or len(major) == 1 and not minor:
                return self.gaz.resolve(name, following, self.context)
            prominent = [c for c in major if c.feature == "city" and
                         (c.geonameid in self.gaz.capitals or c.population >= _PROMINENT_POPULATION)]
            if prominent:  # a place called by its own name before one called so by an alternate name
                return max(prominent, key=lambda c: (fold(c.name) == fold(name), c.population))
            if self.context[top.country_code]:  # the article's countries are a prior, not an override
                return top
            in_context = [c for c in everything if self.context[c.country_code]]
            if in_context:
                return max(in_context, key=lambda c: (self.context[c.country_code], c in major, c.population))
            return top
        # a town or region only in a country the article mentions (or that its dateline names)
        in_context = [c for c in minor if self.context[c.country_code]]
        if in_context:
            return max(in_context, key=lambda c: (self.context[c.country_code], c.feature == "admin1", c.population))
        return None

    def _in_context_first(self, cands: list[GeoRecord]) -> GeoRecord:
        in_context = [c for c in cands if self.context[c.country_code]]
        pool = in_context or cands
        return max(pool, key=lambda c: (self.context[c.country_code], c.population))

    def _settlement_before(self, i: int) -> bool:
        toks = self.toks
        return i >= 2 and toks[i - 1].lower_ == "of" and toks[i - 2].lower_ in self.words.settlement

    def _qualified(self, cands: list[GeoRecord], following: str) -> GeoRecord | None:
        """'Paris, Texas', 'Sibi, Balochistan', 'Gonaives, Haiti': the candidate the qualifier names."""
        found = self.gaz._qualified(cands, following)
        if found is not None or not following.startswith(","):
            return found
        for region in self._qualifier_regions(following):
            match = [c for c in cands if c.country_code == region.country_code and c.feature != "country"]
            if match:
                return match[0]
        return None

    def _qualifier_regions(self, following: str) -> list[GeoRecord]:
        """The regions or countries a ', Qualifier' after a name names, longest qualifier first."""
        if not following.startswith(","):
            return []
        words = following[1:].strip().split()
        for length in (3, 2, 1):
            qualifier = " ".join(words[:length]).rstrip(",;:).")
            if not qualifier or not qualifier[0].isupper():
                continue
            found = [r for r in self.geo.towns_and_regions(qualifier) if r.feature == "admin1"]
            a3 = self.gaz.country_names.get(qualifier)
            if a3 and self.gaz.alpha3_to_2.get(a3) in self.gaz.countries_geo:
                found.append(self.gaz.countries_geo[self.gaz.alpha3_to_2[a3]])
            if found:
                return found
        return []

    def _set_feature(self, place: Place, feature: Feature) -> None:
        place.name, place.feature = feature.name, feature.kind
        place.lat, place.lon = feature.lat, feature.lon
        countries = feature.countries
        if len(countries) == 1:
            place.country_code = countries[0]
        elif countries:
            mentioned = [c for c in countries if self.context[c]]
            place.country_code = max(mentioned, key=lambda c: self.context[c]) if mentioned else None
        if feature.kind in {"continent", "supranational"}:
            self._directional(place)

    def _directional(self, place: Place) -> None:
        """'northeast Syria', 'southern Europe': the direction joins the mention, which becomes a region."""
        m = _DIRECTION_BEFORE.search(self.text[max(0, place.start - 20) : place.start])
        if not m or not m.group(1).islower() or m.group(1) not in self.words.direction:
            return
        place.start -= len(m.group(0))
        place.text = self.text[place.start : place.end]
        place.name = f"{m.group(1).capitalize()} {place.name}"
        place.feature = "region"
        place.geonameid = None

    def _attach_unknown(self, places: list[Place]) -> None:
        """An unknown 'X district' takes the country of the nearest place before it in its sentence, else
        the article's most mentioned country."""
        focus = self.context.most_common(1)[0][0] if self.context else None
        for n, place in enumerate(places):
            if place.feature != "locality" or place.country_code:
                continue
            sent = sent_of(self.toks[token_range(self.doc, place.start, place.end).start])
            before = [p for p in places[:n] if p.country_code and sent.start_char <= p.start]
            parent = before[-1] if before else None
            place.country_code = parent.country_code if parent else focus
            if parent is not None:
                place.lat, place.lon = parent.lat, parent.lon


def _plausible_unknown(toks: list[Token]) -> bool:
    """An unknown name that may be a locality: a few capitalised words, no acronym, no lower-case word
    joined by a hyphen ('Taliban-controlled')."""
    words = [t for t in toks if t.text != "-"]
    if not words or len(words) > _MAX_UNKNOWN_WORDS or _acronym(toks[0].text):
        return False
    hyphened_word = any("-" in t.text and any(p.islower() and len(p) > 3 for p in t.text.split("-")) for t in toks)
    return not hyphened_word and not any(t.text.islower() and len(t.text) > 3 for t in words)


def _strip_noun(text: str, words: PlaceWords) -> str:
    """'Ghazni province' → 'Ghazni'."""
    head, _, last = text.rpartition(" ")
    return head if head and (last.lower() in words.noun or last.lower() in words.admin) else text


def _core(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _acronym(name: str) -> bool:
    return name.isupper() and " " not in name and "." not in name and len(name) <= 5


def _capitalised(tok: Token) -> bool:
    """A capitalised word, hyphen and apostrophe spellings included ("L'Estere", "Dasht-e-Barchi")."""
    return tok.text[:1].isupper() and tok.text.replace("'", "").replace("’", "").replace("-", "").isalpha()


def _without_overlaps(cands: list[_Candidate]) -> list[_Candidate]:
    """Of overlapping candidates the longest is kept ('the South China Sea' over 'the South' and 'China');
    the result in text order."""
    kept: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)
