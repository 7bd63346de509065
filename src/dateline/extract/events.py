"""Event coding (filled by the event issue)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, Entity, Event, Place, Quote, TimeExpr


def extract_events(
    doc: Doc, article: Article, entities: list[Entity], quotes: list[Quote], places: list[Place],
    times: list[TimeExpr], actor_files: tuple[str, ...] = (),
) -> list[Event]:
    """Not built yet: returns no events."""
    return []
