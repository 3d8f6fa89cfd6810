"""The event lexicon: data file -> entries the coder can match against a parse.

Knowledge lives in `sitrep/data/event_lexicon.yaml`; a user adds entries there or in a file named
by SITREP_LEXICON (tried first, so a user entry overrides a shipped one for the same word).
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..record import EVENT_STATUSES, EVENT_TYPES

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_PATH = DATA / "event_lexicon.yaml"


class _Loader(yaml.SafeLoader):
    """YAML without the 1.1 surprise that `on`, `no`, `yes`, `off` are booleans (prepositions!)."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                              re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def safe_load(text: str):
    return yaml.load(text, Loader=_Loader)


class LexiconError(ValueError):
    """A lexicon file a person must fix; the message is one line naming the file."""


def _set(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    return frozenset(str(v).lower() for v in value)


@dataclass(frozen=True)
class Entry:
    id: str
    type: str
    lemmas: frozenset[str]
    pos: str = "VERB"
    mode: str | None = None
    acled: tuple[str, str] | None = None
    prt: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    obj: frozenset[str] = frozenset()
    not_obj: frozenset[str] = frozenset()
    subj: frozenset[str] = frozenset()
    mod: frozenset[str] = frozenset()
    xcomp_or_oprd: frozenset[str] = frozenset()
    people_obj: bool = False
    needs_actor: bool = False
    future_only: bool = False
    carrier_only: str | None = None     # nouns: subject | agentive_strict | None (any carrier)
    target_prep: frozenset[str] = frozenset({"on", "against", "at", "upon", "into", "toward", "towards"})
    source: str = ""


@dataclass
class Lexicon:
    entries: list[Entry]
    frames: dict[str, frozenset[str]]
    carriers: dict[str, frozenset[str]]
    people_nouns: frozenset[str]
    weapon_modes: dict[str, str]
    acled_by_mode: dict[str, tuple[str, str]]
    acled_by_type: dict[str, tuple[str, str]]
    emit_statuses: frozenset[str]
    dedupe_title: bool = True
    not_targets: frozenset[str] = frozenset()
    by_lemma: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)

    def candidates(self, lemma: str, pos: str) -> list[Entry]:
        return self.by_lemma.get((lemma.lower(), pos), [])


def _entry(raw: dict, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: each entry must be a mapping, got {raw!r}")
    missing = [k for k in ("id", "lemma", "type") if k not in raw]
    if missing:
        raise LexiconError(f"{where}: entry {raw.get('id', raw)!r} lacks {', '.join(missing)}")
    etype = str(raw["type"]).upper()
    if etype not in EVENT_TYPES:
        raise LexiconError(f"{where}: entry {raw['id']!r} has type {raw['type']!r}; "
                           f"use one of {' '.join(EVENT_TYPES)}")
    pos = str(raw.get("pos", "VERB")).upper()
    if pos not in ("VERB", "NOUN"):
        raise LexiconError(f"{where}: entry {raw['id']!r} has pos {pos!r}; use VERB or NOUN")
    acled = raw.get("acled")
    if acled is not None and (not isinstance(acled, list) or len(acled) != 2):
        raise LexiconError(f"{where}: entry {raw['id']!r}: acled must be [event_type, sub_event_type]")
    kw: dict[str, Any] = dict(
        id=str(raw["id"]), type=etype, lemmas=_set(raw["lemma"]), pos=pos, mode=raw.get("mode"),
        acled=tuple(acled) if acled else None, prt=_set(raw.get("prt")), prep=_set(raw.get("prep")),
        obj=_set(raw.get("obj")), not_obj=_set(raw.get("not_obj")), subj=_set(raw.get("subj")),
        mod=_set(raw.get("mod")), xcomp_or_oprd=_set(raw.get("xcomp_or_oprd")),
        people_obj=bool(raw.get("people_obj")), needs_actor=bool(raw.get("needs_actor")),
        future_only=bool(raw.get("future_only")),
        carrier_only=raw.get("carrier_only"), source=where)
    if raw.get("target_prep") is not None:
        kw["target_prep"] = _set(raw["target_prep"])
    return Entry(**kw)


def _read(path: Path) -> dict:
    try:
        data = safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the lexicon ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f":{mark.line + 1}" if mark else ""
        raise LexiconError(f"{path}{at}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: the lexicon must be a mapping with an `entries:` list")
    return data


def _pair(v) -> tuple[str, str]:
    return (str(v[0]), str(v[1]) if v[1] is not None else None)


def build(sources: list[tuple[dict, str]]) -> Lexicon:
    """Merge lexicon documents; earlier sources' entries are tried first."""
    entries: list[Entry] = []
    frames: dict[str, set[str]] = {}
    carriers: dict[str, set[str]] = {}
    people: set[str] = set()
    not_targets: set[str] = set()
    weapons: dict[str, str] = {}
    by_mode: dict[str, tuple[str, str]] = {}
    by_type: dict[str, tuple[str, str]] = {}
    settings: dict[str, Any] = {}
    for data, where in reversed(sources):          # later (user) sources override settings
        for k, v in (data.get("frames") or {}).items():
            frames.setdefault(k, set()).update(_set(v))
        for k, v in (data.get("carriers") or {}).items():
            carriers.setdefault(k, set()).update(_set(v))
        people.update(_set(data.get("people_nouns")))
        not_targets.update(_set(data.get("not_targets")))
        weapons.update({str(k).lower(): str(v) for k, v in (data.get("weapon_modes") or {}).items()})
        by_mode.update({str(k): _pair(v) for k, v in (data.get("acled_by_mode") or {}).items()})
        by_type.update({str(k).upper(): _pair(v) for k, v in (data.get("acled_by_type") or {}).items()})
        own = data.get("settings") or {}
        bad = _set(own.get("emit_statuses")) - set(EVENT_STATUSES)
        if bad:
            raise LexiconError(f"{where}: emit_statuses has unknown {sorted(bad)}; "
                               f"use {' '.join(EVENT_STATUSES)}")
        settings.update(own)
    for data, where in sources:
        raw_entries = data.get("entries") or []
        if not isinstance(raw_entries, list):
            raise LexiconError(f"{where}: `entries` must be a list")
        entries.extend(_entry(raw, where) for raw in raw_entries)
    statuses = _set(settings.get("emit_statuses", ["occurred", "claimed"]))
    lex = Lexicon(entries=entries, frames={k: frozenset(v) for k, v in frames.items()},
                  carriers={k: frozenset(v) for k, v in carriers.items()},
                  people_nouns=frozenset(people), weapon_modes=weapons, acled_by_mode=by_mode,
                  acled_by_type=by_type, emit_statuses=statuses,
                  dedupe_title=bool(settings.get("dedupe_title", True)),
                  not_targets=frozenset(not_targets))
    for e in entries:
        for lemma in e.lemmas:
            lex.by_lemma.setdefault((lemma, e.pos), []).append(e)
    return lex


@functools.lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> Lexicon:
    return build([(_read(Path(p)), str(p)) for p in paths])


def load_lexicon(extra: str | os.PathLike | None = None) -> Lexicon:
    """The shipped lexicon, with SITREP_LEXICON (or `extra`) entries tried first; cached."""
    paths = []
    extra = extra or os.environ.get("SITREP_LEXICON")
    if extra:
        paths.append(str(Path(extra)))
    paths.append(str(DEFAULT_PATH))
    return _load(tuple(paths))
