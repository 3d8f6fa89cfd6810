"""The actor table: a role phrase -> canonical actor, its country (side) and sector.

Data lives in `sitrep/data/actors.yaml` (plus SITREP_ACTORS=path). Capitals and seats of power
used as actors become their state ("Kyiv began to call up" -> Ukraine); demonym + group noun
phrases get a side and sector ("Russian forces" -> RU, military).
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .lexicon import DATA, LexiconError, safe_load

DEFAULT_PATH = DATA / "actors.yaml"


@dataclass(frozen=True)
class Actor:
    name: str
    country: str | None
    sector: str | None
    keep_name: bool = False
    kind: str | None = None            # "person" for people; None for states, forces, groups


@dataclass
class ActorTable:
    by_alias: dict[str, Actor]
    demonyms: dict[str, tuple[str, str | None]]
    sector_nouns: dict[str, str]

    def lookup(self, phrase: str | None) -> Actor | None:
        """The actor a whole phrase names, trying the phrase, then without a leading "the"."""
        if not phrase:
            return None
        key = _norm(phrase)
        return self.by_alias.get(key) or self.by_alias.get(re.sub(r"^the ", "", key))

    def state_of(self, country: str | None) -> Actor | None:
        """The state actor of an ISO code (the entry that is not a person/group: keep_name false)."""
        for actor in self.by_alias.values():
            if actor.country == country and not actor.keep_name and actor.sector == "government":
                return actor
        return None

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


def _norm(s: str) -> str:
    s = s.replace("’", "'").strip().strip('"\'').lower()
    return re.sub(r"\s+", " ", s)


def _read(path: Path) -> dict:
    try:
        data = safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the actor table ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: the actor table must be a mapping with an `actors:` list")
    return data


@functools.lru_cache(maxsize=4)
def _load(paths: tuple[str, ...]) -> ActorTable:
    by_alias: dict[str, Actor] = {}
    demonyms: dict[str, tuple[str, str | None]] = {}
    sectors: dict[str, str] = {}
    for p in paths:                          # shipped first, user file last (wins)
        data = _read(Path(p))
        for raw in data.get("actors") or []:
            if not isinstance(raw, dict) or "name" not in raw:
                raise LexiconError(f"{p}: each actor needs a `name` (got {raw!r})")
            actor = Actor(str(raw["name"]), raw.get("country"), raw.get("sector"),
                          bool(raw.get("keep_name")), raw.get("kind"))
            for alias in [raw["name"], *(raw.get("aliases") or [])]:
                by_alias[_norm(str(alias))] = actor
        for k, v in (data.get("demonyms") or {}).items():
            demonyms[str(k).lower()] = (v[0], v[1] if len(v) > 1 else None)
        sectors.update({str(k).lower(): str(v) for k, v in (data.get("sector_nouns") or {}).items()})
    return ActorTable(by_alias, demonyms, sectors)


def load_actors(extra: str | os.PathLike | None = None) -> ActorTable:
    paths = [str(DEFAULT_PATH)]
    extra = extra or os.environ.get("SITREP_ACTORS")
    if extra:
        paths.append(str(Path(extra)))
    return _load(tuple(paths))
