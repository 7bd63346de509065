"""The one data model every stage reads and extends.

Every record that points into an article carries ``start``/``end`` character offsets into
``Article.text`` (end exclusive), so each fact can be shown against the words it came from.
All records are plain dataclasses that round-trip through JSON without loss (``to_dict`` /
``from_dict``).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

QUOTE_KINDS = ("direct", "indirect", "partial", "mixed")
MODALITIES = ("asserted", "negated", "future", "conditional", "hypothetical", "requested", "claimed")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
FRAME_KINDS = ("label", "loaded_language", "qualifier", "scare")


@dataclass
class Dateline:
    """The opening 'PLACE, DATE (AGENCY) --' of a wire story, blanked out of the NLP text."""

    text: str
    start: int
    end: int
    place: str | None = None
    date_text: str | None = None
    agency: str | None = None


@dataclass
class Article:
    """One news article: its body text and what is known about where it came from."""

    text: str
    id: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_source: str | None = None
    dateline: Dateline | None = None
    source: str | None = None
    format: str | None = None
    source_offset: int | None = None
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(self.text, self.url)


@dataclass
class Mention:
    """A stretch of text that names or refers to an entity (name, title, demonym or pronoun)."""

    start: int
    end: int
    text: str
    label: str
    kind: str = "name"
    entity_id: str | None = None


@dataclass
class Entity:
    """One real-world actor or thing, with all its mentions in the article."""

    id: str
    name: str
    type: str
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class Place:
    """A toponym mention resolved offline to a GeoNames record (``geonameid`` None if unresolved)."""

    id: str
    text: str
    start: int
    end: int
    geonameid: int | None = None
    name: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    entity_id: str | None = None


@dataclass
class TimeExpr:
    """A time expression normalised against the article date: ISO-like value plus granularity."""

    id: str
    text: str
    start: int
    end: int
    value: str | None = None
    granularity: str | None = None


@dataclass
class Quote:
    """A quotation: what was said (content span), who said it and the cue that reports it."""

    id: str
    kind: str
    text: str
    start: int
    end: int
    speaker_id: str | None = None
    speaker_name: str | None = None
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_kind: str | None = None  # named | pronoun | description | organisation | unnamed
    speaker_key: str | None = None  # corpus identity: 'person:recep tayyip erdogan', accents and case folded


@dataclass
class Actor:
    """One participant of an event, coded as country (ISO alpha-3) plus PLOVER sector."""

    text: str
    start: int
    end: int
    entity_id: str | None = None
    country: str | None = None
    sector: str | None = None
    key: str | None = None  # the entity's corpus identity ('person:...', 'org:...'), as quotes' speaker_key


@dataclass
class Event:
    """A PLOVER event with actors, place, time, modality and the evidence it was coded from."""

    id: str
    type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence_start: int
    sentence_end: int
    mode: str | None = None
    context: str | None = None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    attributed_to: str | None = None
    attributed_name: str | None = None
    quote_id: str | None = None
    place_id: str | None = None
    place_name: str | None = None
    time_id: str | None = None
    date: str | None = None
    cameo_root: str | None = None


@dataclass
class Frame:
    """A framing flag: a loaded label, loaded word, delegitimising qualifier or scare quote."""

    id: str
    kind: str
    text: str
    start: int
    end: int
    reason: str
    label_class: str | None = None
    entity_id: str | None = None
    in_quote: bool = False
    speaker_id: str | None = None


@dataclass
class Analysis:
    """Everything dateline read from one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    frames: list[Frame] = field(default_factory=list)
    balance: dict[str, float] = field(default_factory=dict)
    failed: str | None = None  # why the analysis failed (no records then); None when it succeeded

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        if entity_id is None:
            return None
        return next((e for e in self.entities if e.id == entity_id), None)

    def to_dict(self) -> dict[str, Any]:
        data = to_dict(self)
        if data.get("failed") is None:  # present only on a failed analysis
            data.pop("failed", None)
        return data

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        return from_dict(cls, data)


def content_hash(text: str, url: str | None = None) -> str:
    """Stable article key: SHA-256 over the URL (when known) and the text, 16 hex digits."""
    h = hashlib.sha256()
    h.update((url or "").encode("utf-8"))
    h.update(b"\x00")
    h.update(text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def to_dict(record: Any) -> dict[str, Any]:
    """A record as plain JSON-ready data (what ``dataclasses.asdict`` gives, without its deep copies:
    every analysis is converted on its way to the store, so this is on the ingest hot path)."""
    return _plain(record)


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    names = _field_names(type(value))
    if names is None:
        return value  # str, int, float, bool, None: immutable, shared as they are
    return {name: _plain(getattr(value, name)) for name in names}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


@functools.cache
def _fields_and_hints(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field with its resolved type, once per class (``get_type_hints`` evaluates every annotation)."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a record (and its nested records) from ``to_dict`` output."""
    kwargs = {name: _convert(tp, data[name]) for name, tp in _fields_and_hints(cls) if name in data}
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _convert(inner[0], value) if len(inner) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_convert(item, v) for v in value]
    if dataclasses.is_dataclass(tp):
        return from_dict(tp, value)  # type: ignore[arg-type]
    return value
