"""Quotations (filled by the quotations issue)."""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.model import Article, Entity, Quote


def extract_quotes(doc: Doc, article: Article, entities: list[Entity]) -> list[Quote]:
    """Not built yet: returns no quotes."""
    return []
