"""The analysis pipeline: metadata, then spaCy, then each extraction stage adding to the model.

Stages run in order and each reads only the model records earlier stages produced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.extract.metadata import extract_metadata, nlp_text
from dateline.extract.sentences import remember_text
from dateline.model import Analysis, Article
from dateline.nlp import load_pipeline


@dataclass(frozen=True)
class Options:
    """What a run was asked for: user actor dictionaries and a fixed 'today' for reproducibility."""

    actor_files: tuple[str, ...] = ()
    today: dt.date | None = None


def analyze(article: Article, options: Options = Options()) -> Analysis:
    """Every record dateline can read from one article."""
    return next(analyze_many([article], options))


def analyze_many(
    articles: Iterable[Article], options: Options = Options(), batch_size: int = 16, keep_going: bool = False
) -> Iterator[Analysis]:
    """Analyses in input order; spaCy parses in batches (``nlp.pipe``). With ``keep_going``, an article whose
    extraction fails yields an Analysis with ``failed`` set (and no records) and the stream goes on."""
    nlp = load_pipeline(options.actor_files)
    prepared = (extract_metadata(a, options.today) for a in articles)
    texts = ((nlp_text(a), a) for a in prepared)
    pairs = nlp.pipe(((text, (text, a)) for text, a in texts), as_tuples=True, batch_size=batch_size)
    for doc, (text, article) in pairs:
        try:
            yield extract_all(remember_text(doc, text), article, options)
        except Exception as exc:  # noqa: BLE001 - one failure boundary per article
            if not keep_going:
                raise
            yield Analysis(article=article, failed=f"analysis failed: {type(exc).__name__}: {str(exc)[:200]}")


def extract_all(doc: Doc, article: Article, options: Options = Options()) -> Analysis:
    """Run the extraction stages over a parsed article."""
    from dateline.extract.entities import extract_entities
    from dateline.extract.events import extract_events
    from dateline.extract.framing import attribution_balance, extract_frames, focus_country
    from dateline.extract.places import extract_places
    from dateline.extract.quotes import extract_quotes
    from dateline.extract.time import extract_times

    entities = extract_entities(doc, article, options.actor_files)
    places = extract_places(doc, article, entities)
    times = extract_times(doc, article)
    quotes = extract_quotes(doc, article, entities)
    events = extract_events(doc, article, entities, quotes, places, times, options.actor_files)
    frames = extract_frames(doc, article, entities, quotes)
    balance = attribution_balance(quotes, entities, focus_country(entities))
    return Analysis(
        article=article, entities=entities, quotes=quotes, events=events, places=places, times=times, frames=frames,
        balance=balance,
    )
