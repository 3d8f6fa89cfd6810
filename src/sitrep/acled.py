"""The one ACLED mapper: sitrep's event facts -> ACLED's codebook vocabulary.

Used by the events coder (an event's `acled_event_type` / `acled_sub_event_type`) and by the
exporter (the ACLED CSV's types, parties, inter codes, region and precision). All of ACLED's
conventions are data: `data/acled.yaml` (disorder types, refinements, party names, inter codes,
regions, geo precision) and the base type tables `acled_by_mode` / `acled_by_type` of
`data/event_lexicon.yaml`; a user's `actors.yaml` overlay may rename any party (`parties:`).

    classify("ASSAULT", "missile")             -> ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    parties(ev, ("Explosions/Remote violence", ...), violent=True)
        -> {"actor1": "Military Forces of Russia", "inter1": 1, ...}
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .countries import country_name
from .knowledge import Knowledge, KnowledgeError, get_knowledge

FILE = "acled.yaml"
Pair = tuple  # (event_type | None, sub_event_type | None)
NONE: Pair = (None, None)


@dataclass(frozen=True)
class Rule:
    """One refinement of `acled.yaml`: conditions on a report, and the ACLED pair it gives."""
    acled: Pair
    types: frozenset = frozenset()
    modes: frozenset | None = None          # None: any mode; may contain None (no mode)
    target_sectors: frozenset = frozenset()
    words: tuple = ()
    target_words: tuple = ()
    min_fatalities: int | None = None
    unless_given: bool = False

    def holds(self, etype: str, mode: str | None, given: bool, target: str, target_sector: str | None,
              text: str, fatalities: int | None) -> bool:
        if self.types and etype not in self.types:
            return False
        if self.modes is not None and mode not in self.modes:
            return False
        if self.unless_given and given:
            return False
        if self.target_sectors and target_sector not in self.target_sectors:
            return False
        if self.min_fatalities is not None and (fatalities or 0) < self.min_fatalities:
            return False
        if self.words and not _any_word(self.words, text):
            return False
        return not self.target_words or _any_word(self.target_words, target)


@dataclass
class Tables:
    by_mode: dict[str, Pair]
    by_type: dict[str, Pair]
    rules: list[Rule]
    disorder_by_type: dict[str, str]
    disorder_by_sub: dict[str, str]
    party_names: dict[str, str]
    inter: dict[str, int]
    crowd: dict[str, str]
    regions: dict[str, str]
    geo_precision: dict[str, int]
    actors: Any = None                                          # the event coder's ActorTable
    generic: dict[str, tuple[str, int | None]] = field(default_factory=dict)   # description -> (template, inter)
    generic_prefixes: tuple = ()                                # words ignored before a description
    renames: dict[str, str] = field(default_factory=dict)     # party or actor name -> party name


def _any_word(words, text: str) -> bool:
    low = " " + " ".join(str(text or "").lower().split()) + " "
    return _words_pattern(words).search(low) is not None


_PATTERNS: dict[tuple, re.Pattern] = {}


def _words_pattern(words) -> re.Pattern:
    """One regex for "any of `words`, whole, maybe plural" (a rule's words are a tuple of the
    data's): compiled once per tuple, where a search per word rebuilt and escaped each every call."""
    key = tuple(words)
    pat = _PATTERNS.get(key)
    if pat is None:
        alts = "|".join(re.escape(w) for w in key) or "(?!)"
        pat = _PATTERNS[key] = re.compile(r"(?<![a-z])(?:" + alts + r")(?:s|es)?(?![a-z])")
    return pat


def _key(name: str | None) -> str:
    return " ".join(str(name or "").replace("’", "'").lower().split()).removeprefix("the ")


def _pair(v, where: str) -> Pair:
    if not isinstance(v, (list, tuple)) or len(v) != 2:
        raise KnowledgeError(f"{where}: an ACLED type must be [event_type, sub_event_type], got {v!r}")
    return (str(v[0]) if v[0] is not None else None, str(v[1]) if v[1] is not None else None)


def _words(v) -> tuple:
    return tuple(str(w).lower() for w in (v or []))


def _rule(raw: Any, where: str) -> Rule:
    if not isinstance(raw, dict) or "acled" not in raw:
        raise KnowledgeError(f"{where}: each `refine` rule is a mapping with an `acled:` pair, got {raw!r}")
    modes = raw.get("modes")
    return Rule(acled=_pair(raw["acled"], where),
                types=frozenset(str(t).upper() for t in raw.get("types") or []),
                modes=None if modes is None else frozenset(None if m is None else str(m) for m in modes),
                target_sectors=frozenset(str(s) for s in raw.get("target_sectors") or []),
                words=_words(raw.get("words")), target_words=_words(raw.get("target_words")),
                min_fatalities=raw.get("min_fatalities"), unless_given=bool(raw.get("unless_given")))


def _actor_index(kb: Knowledge):
    """The event coder's actor table (one reading of actors.yaml and organizations.yaml) and
    the user's `parties:` renames."""
    from .events.actors import load_actors     # deferred: the events package imports this module

    data = kb.yaml("actors.yaml")
    return load_actors(kb=kb), {str(k): str(v) for k, v in (data.get("parties") or {}).items()}


def _known(t: "Tables", name: str | None) -> dict | None:
    a = t.actors.lookup(name) if name and t.actors is not None else None
    return {"name": a.name, "country": a.country, "sector": a.sector, "kind": a.kind} if a else None


def _build(kb: Knowledge) -> Tables:
    where = str(kb.path(FILE))
    lex_where = str(kb.path("event_lexicon.yaml"))
    disorder = kb.section(FILE, "disorder")
    regions: dict[str, str] = {}
    for region, codes in kb.section(FILE, "regions").items():
        for code in codes or []:
            regions[str(code).upper()] = str(region)
    actors, renames = _actor_index(kb)
    return Tables(
        by_mode={str(k): _pair(v, lex_where) for k, v in kb.section("event_lexicon.yaml", "acled_by_mode").items()},
        by_type={str(k).upper(): _pair(v, lex_where)
                 for k, v in kb.section("event_lexicon.yaml", "acled_by_type").items()},
        rules=[_rule(r, where) for r in kb.section(FILE, "refine", list)],
        disorder_by_type={str(k): str(v) for k, v in (disorder.get("event_type") or {}).items()},
        disorder_by_sub={str(k): str(v) for k, v in (disorder.get("sub_event_type") or {}).items()},
        party_names={str(k): str(v) for k, v in kb.section(FILE, "party_names").items()},
        inter={str(k): int(v) for k, v in kb.section(FILE, "inter").items()},
        crowd={str(k): str(v) for k, v in kb.section(FILE, "crowd").items()},
        regions=regions,
        geo_precision={str(k): int(v) for k, v in kb.section(FILE, "geo_precision").items()},
        actors=actors, renames=renames, generic=_generic(kb, where),
        generic_prefixes=tuple(sorted((str(w).lower() + " " for w in kb.yaml(FILE).get("generic_prefixes") or []),
                                      key=len, reverse=True)))


def _generic(kb: Knowledge, where: str) -> dict[str, tuple[str, int | None]]:
    """`generic_parties`: each description (lower case) -> (party template, inter code)."""
    names = {str(k): str(v) for k, v in kb.section(FILE, "party_names").items()}
    inter = {str(k): int(v) for k, v in kb.section(FILE, "inter").items()}
    out: dict[str, tuple[str, int | None]] = {}
    for key, spec in (kb.yaml(FILE).get("generic_parties") or {}).items():
        if not isinstance(spec, dict) or not (spec.get("template") or names.get(str(key))):
            raise KnowledgeError(f"{where}: generic_parties.{key} needs a `template` or a party_names entry")
        tpl = str(spec.get("template") or names[str(key)])
        code = spec.get("inter", inter.get(str(key)))
        for w in spec.get("words") or []:
            out[" ".join(str(w).lower().split())] = (tpl, int(code) if code is not None else None)
    return out


def generic_party(name: str | None, country: str | None, kb: Knowledge | None = None) -> "Party | None":
    """"Unidentified Armed Group (Nigeria)" for "gunmen" in Nigeria, "Civilians (Sudan)" for
    "villagers": a described party with the event's country; None for a named one."""
    t = tables(kb)
    k = _generic_key(t, name)
    cname = country_name(country, kb) if country else None
    if k is None or not cname:
        return None
    tpl, inter = t.generic[k]
    built = tpl.format(country=cname)
    return Party(t.renames.get(built, built), inter, None)


def _generic_key(t: "Tables", name: str | None) -> str | None:
    """The `generic_parties` description a name is ("Unknown gunmen" -> "gunmen"), or None."""
    key = " ".join(str(name or "").lower().replace("’", "'").split())
    keys = [key]
    while True:                       # "unidentified armed men" -> "armed men" -> "men"
        prefix = next((p for p in t.generic_prefixes if keys[-1].startswith(p)), None)
        if prefix is None:
            break
        keys.append(keys[-1].removeprefix(prefix))
    for key in keys:
        for k in (key, key.removesuffix("s"), key.removesuffix("es")):
            if k in t.generic:
                return k
    return None


def country_in(name: str | None, kb: Knowledge | None = None) -> str | None:
    """The country a party's own name names: "Cameroon government soldiers" -> CM, "Iraqi
    forces" -> IQ (a demonym or a country's name among its words); None otherwise."""
    from .gazetteer import demonym_country   # deferred: the gazetteer imports the events tables
    words = str(name or "").replace("’", "'").split()
    names = (kb or get_knowledge()).derived("acled.country_names", _country_names)
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n]).removesuffix("'s")
            code = names.get(phrase.lower()) or (demonym_country(phrase) if n == 1 else None)
            if code:
                return code
    return None


def _country_names(kb: Knowledge) -> dict[str, str]:
    from .countries import country
    from .countries import _build as every_country
    return {c.name.lower(): c.iso2 for c in every_country(kb).values() if country(c.iso2, kb)}


def tables(kb: Knowledge | None = None) -> Tables:
    return (kb or get_knowledge()).derived("acled", _build)


# ---------------------------------------------------------------- types

def classify(etype: str, mode: str | None = None, given: Pair | None = None, *, target: str | None = None,
             target_sector: str | None = None, text: str = "", fatalities: int | None = None,
             kb: Knowledge | None = None, by_mode: dict | None = None, by_type: dict | None = None) -> Pair:
    """ACLED (event_type, sub_event_type) of a report: the lexicon entry's own pair (`given`), else
    its mode's or its type's, then the first refinement of acled.yaml that holds; (None, None)
    for types ACLED does not code (speech acts). `by_mode`/`by_type` override the lexicon tables
    (the coder passes its own lexicon's)."""
    t = tables(kb)
    by_mode = t.by_mode if by_mode is None else by_mode
    by_type = t.by_type if by_type is None else by_type
    etype = (etype or "").upper()
    base = tuple(given) if given and given[0] else None
    if base is None and etype == "ASSAULT" and mode in by_mode:
        base = tuple(by_mode[mode])
    if base is None and etype in by_type:
        base = tuple(by_type[etype])
    for rule in t.rules:
        if rule.holds(etype, mode, bool(given and given[0]), target or "", target_sector, text, fatalities):
            return rule.acled
    return base or NONE


def disorder_type(pair: Pair, kb: Knowledge | None = None) -> str | None:
    t = tables(kb)
    etype, sub = pair
    return t.disorder_by_sub.get(sub or "") or t.disorder_by_type.get(etype or "")


def region(iso2: str | None, kb: Knowledge | None = None) -> str | None:
    return tables(kb).regions.get(str(iso2 or "").upper())


def geo_precision(kind: str | None, kb: Knowledge | None = None) -> int | None:
    """1 town or point, 2 part of a region, 3 a province; None for a country (no point to give)."""
    if kind == "country":
        return None
    return tables(kb).geo_precision.get(kind or "city")


# ---------------------------------------------------------------- parties

@dataclass(frozen=True)
class Party:
    name: str
    inter: int | None
    assoc: str | None = None


def _template(t: Tables, key: str, country: str | None, kb) -> str | None:
    tpl = t.party_names.get(key)
    name = country_name(country, kb) if country else None
    return tpl.format(country=name) if tpl and name else None


def party(name: str | None, country: str | None = None, sector: str | None = None, *,
          violent: bool = False, crowd: str | None = None, fallback_country: str | None = None,
          person: bool = False, kb: Knowledge | None = None) -> Party | None:
    """The ACLED-style party a role stands for: "Military Forces of Russia" for Russia (or
    "Russian forces") in political violence, "Government of Russia" for Putin, "Civilians
    (Ukraine)", "Protesters (Sudan)" for a crowd; a named group keeps its canonical name. The
    user's `parties:` table (actors.yaml) renames any of them."""
    t = tables(kb)
    known = _known(t, name)
    canonical = str(known["name"]) if known else name
    country = country or (known or {}).get("country")
    sector = sector or (known or {}).get("sector")
    if crowd:
        built = _template(t, crowd, country or fallback_country, kb) or crowd.capitalize()
        assoc = canonical if canonical and canonical[:1].isupper() and built != canonical else None
        return Party(t.renames.get(built, built), t.inter.get(crowd), assoc)
    if not canonical:
        return None
    if canonical in t.renames:
        return Party(t.renames[canonical], t.inter.get(sector or ""))
    if not known and not person:
        described = generic_party(canonical, country or fallback_country, kb)
        if described:
            return described
    key = sector or ""
    if key in ("military", "government", "police") and not country:
        country = country_in(canonical, kb)
    person = person or (known or {}).get("kind") == "person"
    if not key and person:               # a named person with no known side: one of the civilians
        built = _template(t, "civilian", country or fallback_country, kb)
        if built:
            return Party(t.renames.get(built, built), t.inter.get("civilian"), canonical)
    if key == "government" and violent and not person:
        key = t.party_names.get("state_violence", key)
    if key in ("civilian", "media"):
        built = _template(t, key, country or fallback_country, kb)
    elif key == "police":                # police act at home: the event's country is theirs
        built = _template(t, key, country or fallback_country, kb)
    elif key in ("military", "government"):
        built = _template(t, key, country, kb)
    else:
        built = None
    built = built or canonical
    return Party(t.renames.get(built, built), t.inter.get(sector or ""))


def is_party(name: str | None, sector: str | None, entity_id=None, kb: Knowledge | None = None) -> bool:
    """A target that is a party (a state, force, group or people), not a thing ("market")."""
    if not name:
        return False
    t = tables(kb)
    return bool(sector) or entity_id is not None or _known(t, name) is not None or _generic_key(t, name) is not None


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first (17); inter1 x 10 alone."""
    if inter1 and inter2:
        lo, hi = sorted((inter1, inter2))
        return lo * 10 + hi
    return inter1 * 10 if inter1 else None


def _crowd_parties(ev: dict, pair: Pair, crowd: str, kb) -> tuple[Party | None, Party | None]:
    """A protest's parties: the crowd is actor1 (its named organiser associated), the force that
    intervened actor2; with excessive force the force is actor1 and the crowd actor2."""
    mob = party(None, None, None, crowd=crowd, fallback_country=ev.get("country"), kb=kb)
    if (ev.get("type") or "").upper() == "PROTEST":
        return party(ev.get("actor"), ev.get("actor_country"), ev.get("actor_sector"), crowd=crowd,
                     fallback_country=ev.get("country"), kb=kb), None
    force = party(ev.get("actor"), ev.get("actor_country"), ev.get("actor_sector"),
                  violent=True, fallback_country=ev.get("country"), kb=kb)
    if disorder_type(pair, kb) == "Demonstrations":
        return mob, force
    return force, mob


def _plain_parties(ev: dict, violent: bool, kb) -> tuple[Party | None, Party | None, str | None]:
    a1 = party(ev.get("actor"), ev.get("actor_country"), ev.get("actor_sector"), violent=violent,
               fallback_country=ev.get("country"), kb=kb)
    target = ev.get("target")
    if is_party(target, ev.get("target_sector"), ev.get("target_entity_id"), kb):
        return a1, party(target, ev.get("target_country"), ev.get("target_sector"),
                         fallback_country=ev.get("country"), person=ev.get("target_kind") == "person",
                         kb=kb), None
    return a1, None, target or None


def parties(ev: dict, pair: Pair, kb: Knowledge | None = None) -> dict[str, Any]:
    """actor1 .. civilian_targeting of one report (a dict with type, actor, actor_country,
    actor_sector, target, target_country, target_sector, target_entity_id, target_kind, country), plus
    `physical_target`: a target that is a thing ("market"), for the notes, never actor2."""
    t = tables(kb)
    violent = (disorder_type(pair, kb) or "").startswith("Political violence")
    crowd = t.crowd.get(pair[1] or "")
    physical = None
    if crowd:
        a1, a2 = _crowd_parties(ev, pair, crowd, kb)
        if not is_party(ev.get("target"), ev.get("target_sector"), ev.get("target_entity_id"), kb):
            physical = ev.get("target") or None
    else:
        a1, a2, physical = _plain_parties(ev, violent, kb)
    inter1, inter2 = (a1.inter if a1 else None), (a2.inter if a2 else None)
    civilians = violent and inter2 is not None and inter2 == t.inter.get("civilian")
    return {"actor1": a1.name if a1 else None, "assoc_actor_1": a1.assoc if a1 else None, "inter1": inter1,
            "actor2": a2.name if a2 else None, "assoc_actor_2": a2.assoc if a2 else None, "inter2": inter2,
            "interaction": interaction(inter1, inter2),
            "civilian_targeting": "Civilian targeting" if civilians else None,
            "physical_target": physical}
