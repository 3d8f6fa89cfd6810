"""The actor table: a role phrase -> canonical actor, its country (side) and sector.

One fact lives in one file, and this module joins them (through `sitrep.knowledge`):
- `data/actors.yaml`: states (capitals and seats of power stand for the state: "Kyiv began to
  call up" -> Ukraine), people, actor-only entries, the words that make a phrase a party
  (`sector_nouns`, `party_nouns`, `target_nouns`) and how a state's forces are named;
- `data/organizations.yaml`: every known organisation (name, aliases, kind, country) is an actor;
  an `actors.yaml` entry `{org: NAME, ...}` only adds what the event coder needs besides
  (role-phrase aliases, a sector that differs from the organisation's kind, `national_forces`);
- `data/demonyms.yaml`: "Russian" -> RU ("Russian forces" -> RU, military).

`SITREP_ACTORS=path` keeps working: Knowledge overlays `actors.yaml` with it.
"""
from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..knowledge import Knowledge, KnowledgeError, get_knowledge


@dataclass(frozen=True)
class Actor:
    name: str
    country: str | None
    sector: str | None
    keep_name: bool = False
    kind: str | None = None            # "person" for people; None for states, forces, groups


LOOKUP_MEMO = 50_000        # phrases whose lookup a table remembers


@dataclass
class ActorTable:
    by_alias: dict[str, Actor]
    demonyms: dict[str, tuple[str, str | None]]
    sector_nouns: dict[str, str]
    party_nouns: frozenset[str] = frozenset()
    target_nouns: frozenset[str] = frozenset()
    hostile_nouns: frozenset[str] = frozenset()     # "occupiers": forces named by hostility
    civilian_nouns: frozenset[str] = frozenset()    # "people", "a woman": civilians as a target
    by_acronym: dict[str, Actor] = field(default_factory=dict)
    by_spelling: dict[str, Actor] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # ISO code -> "Nigeria"
    adjectives: dict[str, str] = field(default_factory=dict)     # ISO code -> "Russian"
    forces_label: str = "{adjective} forces"
    abstract_nouns: frozenset[str] = frozenset()
    police_label: str = "{adjective} police"
    common_words: frozenset[str] = frozenset()   # names that are common words too (ner_only: "Dawn")
    # answers of lookup and state_of, memoised: the table is never changed once built
    _looked_up: dict = field(default_factory=dict, repr=False, compare=False)
    _states: dict = field(default_factory=dict, repr=False, compare=False)

    def lookup(self, phrase: str | None) -> Actor | None:
        """The actor a whole phrase names: an acronym as written ("IS", not "is"), else the phrase
        case-insensitively, without a leading "the", and last by a spelling-tolerant key
        ("Zelenskiy" = "Zelensky")."""
        if not phrase:
            return None
        memo = self._looked_up
        if phrase not in memo:
            if len(memo) >= LOOKUP_MEMO:      # a long run meets ever new phrases: start afresh
                memo.clear()
            memo[phrase] = self._lookup(phrase)
        return memo[phrase]

    def _lookup(self, phrase: str) -> Actor | None:
        raw = phrase.strip().strip("\"'“”‘’")
        if raw in self.by_acronym:
            return self.by_acronym[raw]
        key = _norm(raw)
        bare = re.sub(r"^the ", "", key)
        if (key in self.common_words or bare in self.common_words) and raw == raw.lower():
            return None                   # "a dawn raid" names no outlet Dawn: written in lower case
        found = self.by_alias.get(key) or self.by_alias.get(bare)
        if found is None and key.count(" ") <= 2:
            found = self.by_spelling.get(spelling_key(raw))
        return found

    def state_of(self, country: str | None) -> Actor | None:
        """The state actor of an ISO code: the table's entry (not a person or group), else the
        country by its name (country_centroids.tsv)."""
        if not country:
            return None
        if country not in self._states:
            self._states[country] = next((a for a in self.by_alias.values() if a.country == country
                                          and not a.keep_name and a.sector == "government"), None)
        if self._states[country] is not None:
            return self._states[country]
        name = self.country_names.get(country)
        return Actor(name, country, "government") if name else None

    def forces_of(self, country: str | None) -> Actor | None:
        """A state's forces named by description ("Russian troops", "the Russians", "occupiers"
        of that side): one party, named by `forces_label` ("Russian forces"), sector military."""
        adjective = self.adjectives.get(country or "")
        if not adjective:
            return None
        name = self.forces_label.format(adjective=adjective, country=self.country_names.get(country) or adjective)
        return Actor(name, country, "military", True)

    def police_of(self, country: str | None) -> Actor | None:
        """A state's police, named by `police_label` ("Russian police"): who arrests when the
        text names no one ("1,332 people were arrested")."""
        adjective = self.adjectives.get(country or "")
        if not adjective:
            return None
        name = self.police_label.format(adjective=adjective, country=self.country_names.get(country) or adjective)
        return Actor(name, country, "police", True)

    def describe(self, phrase: str, head_lemma: str | None = None,
                 modifiers: list[str] = ()) -> tuple[str | None, str | None]:
        """(country, sector) of a group phrase from its demonym and head noun ("Russian forces")."""
        country = sector = None
        for m in modifiers:
            d = self.demonyms.get(m.lower())
            if d:
                country = d[1]
                break
        words = _norm(phrase).split()
        for n in (2, 1):
            if len(words) >= n and " ".join(words[-n:]) in self.sector_nouns:
                sector = self.sector_nouns[" ".join(words[-n:])]
                break
        if sector is None and head_lemma:
            sector = self.sector_nouns.get(head_lemma.lower())
        return country, sector

    def is_party_noun(self, word: str | None) -> bool:
        """A common noun that names people or a body ("gunmen", "villagers", "partners")."""
        w = (word or "").lower()
        return w in self.party_nouns or w in self.sector_nouns


def _norm(s: str) -> str:
    s = s.replace("’", "'").strip().strip('"\'').lower()
    return re.sub(r"\s+", " ", s)


@functools.lru_cache(maxsize=65536)    # pure; called for every pair of names compared
def spelling_key(name: str) -> str:
    """A key two transliterations of one surname share: no accents or punctuation, y/i/iy/yy
    endings as one, kh/h, ks/x, doubled letters single ("Zelenskiy", "Zelenskyy", "Zelensky")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if c.isalpha() or c == " ").lower()
    words = []
    for w in s.split():
        w = re.sub(r"(iy|yy|ii|ij|yi|y|i)$", "y", w)
        w = w.replace("kh", "h").replace("ks", "x").replace("j", "y").replace("w", "v")
        w = re.sub(r"(.)\1+", r"\1", w)
        words.append(w)
    return " ".join(words)


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return " " not in form and len(letters) >= 2 and all(c.isupper() for c in letters) and \
        len(form.replace(".", "")) <= 8


def _add(table: dict, acronyms: dict, spellings: dict, actor: Actor, aliases) -> None:
    for alias in [actor.name, *aliases]:
        alias = str(alias)
        if _is_acronym(alias):
            acronyms[alias] = actor
        else:
            table[_norm(alias)] = actor
        if actor.kind == "person":
            spellings.setdefault(spelling_key(alias), actor)


def _organizations(kb: Knowledge, sector_of_kind: dict) -> dict[str, tuple[Actor, list[str]]]:
    """name -> (Actor, aliases) for every entry of organizations.yaml."""
    out = {}
    rows = kb.yaml("organizations.yaml") or []
    if not isinstance(rows, list):
        raise KnowledgeError(f"{kb.path('organizations.yaml')}: must be a list of organisations")
    for row in rows:
        if not isinstance(row, dict) or "name" not in row:
            continue            # entities reports a malformed entry; nothing to add here
        kind = row.get("kind")
        actor = Actor(str(row["name"]), row.get("country"), sector_of_kind.get(kind, kind), True)
        out[str(row["name"])] = (actor, [str(a) for a in row.get("aliases") or []])
    return out


def _demonyms(kb: Knowledge, states: dict[str, str], data: dict) -> tuple[dict, dict]:
    """(word -> (country name, ISO), ISO -> its first adjective) from demonyms.yaml (+ plurals)
    and the non-country adjectives of actors.yaml (`bloc_adjectives`: "Western" -> the West)."""
    raw = kb.yaml("demonyms.yaml") or {}
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{kb.path('demonyms.yaml')}: must map a demonym to an ISO code")
    out: dict[str, tuple[str, str | None]] = {}
    adjectives: dict[str, str] = {}
    for word, code in raw.items():
        w, code = str(word), str(code)
        name = states.get(code, code)
        out.setdefault(w.lower(), (name, code))
        if not w.lower().endswith(("s", "sh", "ch", "ese", ".")):
            out.setdefault(w.lower() + "s", (name, code))
        if w[:1].isupper() and w[1:2].islower():
            adjectives.setdefault(code, w)
    for word, name in (data.get("bloc_adjectives") or {}).items():
        out.setdefault(str(word).lower(), (str(name), None))
    return out, adjectives


def _country_names(kb: Knowledge) -> dict[str, str]:
    """ISO code -> country name, from country_centroids.tsv (iso2, name, lat, lon, source)."""
    out = {}
    for line in kb.text("country_centroids.tsv").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and not line.startswith("#") and len(cells[0]) == 2:
            out[cells[0]] = cells[1]
    return out


def _entry(raw, where: Path, orgs: dict) -> tuple[Actor, list[str]]:
    """One actors.yaml entry -> (Actor, aliases); `org:` entries take the organisation's facts."""
    if not isinstance(raw, dict) or not ("name" in raw or "org" in raw):
        raise KnowledgeError(f"{where}: each actor needs a `name` or an `org` (got {raw!r})")
    if "org" in raw:
        if raw["org"] not in orgs:
            raise KnowledgeError(f"{where}: actor `org: {raw['org']}` is not in organizations.yaml")
        base, aliases = orgs[raw["org"]]
        actor = Actor(base.name, raw.get("country", base.country), raw.get("sector", base.sector),
                      True, raw.get("kind"))
        return actor, aliases + [str(a) for a in raw.get("aliases") or []]
    actor = Actor(str(raw["name"]), raw.get("country"), raw.get("sector"),
                  bool(raw.get("keep_name")), raw.get("kind"))
    return actor, [str(a) for a in raw.get("aliases") or []]


def build_actor_table(kb: Knowledge) -> ActorTable:
    data = kb.yaml("actors.yaml")
    where = kb.path("actors.yaml")
    if not isinstance(data, dict):
        raise KnowledgeError(f"{where}: the actor table must be a mapping with an `actors:` list")
    orgs = _organizations(kb, {str(k): str(v) for k, v in (data.get("organization_sectors") or {}).items()})
    by_alias: dict[str, Actor] = {}
    acronyms: dict[str, Actor] = {}
    spellings: dict[str, Actor] = {}
    for actor, aliases in orgs.values():
        _add(by_alias, acronyms, spellings, actor, aliases)
    entries = [_entry(raw, where, orgs) for raw in data.get("actors") or []]
    # the overlay's entries come first in the merged list: add in reverse so the user's win
    for actor, aliases in reversed(entries):
        _add(by_alias, acronyms, spellings, actor, aliases)
    names = _country_names(kb)
    names.update({a.country: a.name for a, _ in entries if a.country and not a.keep_name
                  and a.sector == "government"})
    demonyms, adjectives = _demonyms(kb, names, data)
    sectors = {str(k).lower(): str(v) for k, v in (data.get("sector_nouns") or {}).items()}
    return ActorTable(by_alias, demonyms, sectors,
                      party_nouns=kb.words("actors.yaml", "party_nouns"),
                      target_nouns=kb.words("actors.yaml", "target_nouns"),
                      hostile_nouns=kb.words("actors.yaml", "hostile_nouns"),
                      civilian_nouns=kb.words("actors.yaml", "civilian_nouns"),
                      by_acronym=acronyms, by_spelling=spellings, country_names=names,
                      adjectives=adjectives, abstract_nouns=kb.words("actors.yaml", "abstract_nouns"),
                      forces_label=str(data.get("forces_label") or "{adjective} forces"),
                      police_label=str(data.get("police_label") or "{adjective} police"),
                      common_words=_common_word_names(kb))


def _common_word_names(kb: Knowledge) -> frozenset[str]:
    """The names and aliases of organizations.yaml entries marked ner_only (a common word too)."""
    rows = kb.yaml("organizations.yaml") or []
    return frozenset(_norm(str(form)) for row in rows if isinstance(row, dict) and row.get("ner_only")
                     and "name" in row for form in [row["name"], *(row.get("aliases") or [])])


_EXTRA: dict[str, Knowledge] = {}


def load_actors(extra: str | os.PathLike | None = None, kb: Knowledge | None = None) -> ActorTable:
    """The actor table of `kb` (default: the process-wide Knowledge), built once per Knowledge.
    `extra` (or SITREP_ACTORS set after the Knowledge was built) overlays actors.yaml."""
    kb = kb or get_knowledge()
    extra = extra or os.environ.get("SITREP_ACTORS")
    if extra and Path(extra) not in kb.overlay_paths("actors.yaml"):
        key = str(Path(extra).resolve())
        if key not in _EXTRA:
            _EXTRA[key] = Knowledge(kb.data_dir, env={"SITREP_ACTORS": str(extra)})
        kb = _EXTRA[key]
    return kb.derived("actor_table", build_actor_table)
