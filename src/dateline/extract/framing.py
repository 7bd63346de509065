"""Framing (filled by the framing issue)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, Entity, Frame, Quote


def extract_frames(doc: Doc, article: Article, entities: list[Entity], quotes: list[Quote]) -> list[Frame]:
    """Not built yet: returns no frames."""
    return []
