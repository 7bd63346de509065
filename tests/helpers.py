"""Shared test helpers: paths to fixture articles and a cached analysis of each."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dateline.errors import InputError
from dateline.ingest import read_path
from dateline.model import Analysis, Article

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"


def read_one(name: str) -> Article:
    """The first article of a fixture file (fails the test on a read error)."""
    item = next(read_path(ARTICLES / name))
    assert not isinstance(item, InputError), item
    return item


@cache
def analysed(name: str, index: int = 0) -> Analysis:
    """The analysis of one fixture article, computed once per test session."""
    from dateline.pipeline import analyze

    items = [a for a in read_path(ARTICLES / name) if not isinstance(a, InputError)]
    return analyze(items[index])


def analyse_text(text: str, **meta: str) -> Analysis:
    """Analyse a literal article text (meta: title, url, outlet, published)."""
    from dateline.pipeline import analyze

    return analyze(Article(text=text, **meta))
