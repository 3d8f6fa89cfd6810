"""The event lexicon: data file -> entries the coder can match against a parse.

Knowledge lives in `sitrep/data/event_lexicon.yaml`, reached through `sitrep.knowledge`: a user
adds entries there, in `SITREP_DATA/event_lexicon.yaml`, or in a file named by SITREP_LEXICON
(overlay entries are tried first, so a user entry overrides a shipped one for the same word).
The built Lexicon is memoised on the Knowledge (`kb.derived`).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..record import EVENT_STATUSES, EVENT_TYPES

DATA = Path(__file__).resolve().parent.parent / "data"
DEFAULT_PATH = DATA / "event_lexicon.yaml"


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):     # libyaml's parser when there
    """YAML without the 1.1 surprise that `on`, `no`, `yes`, `off` are booleans (prepositions!)."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                              re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def safe_load(text: str):
    """The parsed YAML (from the disk cache when the same text was parsed before: diskcache.parsed)."""
    from ..diskcache import parsed
    return parsed("lexicon-yaml", text, lambda t: yaml.load(t, Loader=_Loader))


class LexiconError(ValueError):
    """A lexicon file a person must fix; the message is one line naming the file."""


NAME = "event_lexicon.yaml"
TYPE_FLAGS = ("verbal", "physical", "violent", "paragraph_placed", "threat_folding", "acled_mapped",
              "open_target", "place_target", "cooperative", "home_placed", "decision",
              "needs_physical", "asks", "accusation", "retellings", "ties", "target_in_content",
              "between_parties", "raises_people", "negation_rejects", "future_is_pledge", "offer_is_agree",
              "said_would_threatens")


@dataclass(frozen=True)
class TypeInfo:
    """What the coder needs to know about one PLOVER type (the lexicon's `types:` section)."""
    name: str
    verbal: bool = False           # a statement: happens where it is made; a speaker's own words
    physical: bool = False         # happens on the ground: its target is an anchor for the place
    violent: bool = False          # weapons give its mode; tolls, attackers and places carry over
    paragraph_placed: bool = False  # with no place of its own, takes the paragraph's last place
    threat_folding: bool = False   # "prepared to strike" is a THREATEN, not this type
    acled_mapped: bool = False     # gets an ACLED event type
    open_target: bool = False      # any noun phrase may be its target ("a market", "protesters")
    place_target: bool = False     # a place as target stays the place ("shelled Kyiv")
    cooperative: bool = False      # saying you are willing IS the act ("ready to help")
    home_placed: bool = False      # a state does it at home (mobilisation)
    decision: bool = False         # "the decision" later refers back to its actor
    needs_physical: bool = False   # needs a weapon, casualty, damage, armed party or physical target
    asks: bool = False             # a request: asking NOT to do something is none
    accusation: bool = False       # its actor is the claimant a later denial answers
    retellings: bool = False       # a later telling with nothing new is merged into the first
    ties: bool = False             # its target is the state ties are cut with ("recalled its envoy from X")
    target_in_content: bool = False  # its target is the target of the act it names ("threatened to cut gas to X")
    between_parties: bool = False  # "talks between A and B": A and B are its parties
    raises_people: bool = False    # the people of its "of" phrase are what it raises, not its target
    negation_rejects: bool = False  # "would not allow", "will never recognise": a REJECT, made now
    future_is_pledge: bool = False  # "Germany will deliver four Patriots": announced now, coded now
    offer_is_agree: bool = False   # "ready to resume talks", "offered to hand over": an AGREE made now
    said_would_threatens: bool = False  # "said it would strike X" is a THREATEN (else a plan: "would send a unit")
    repairs: tuple[str, ...] = ()  # named repair steps of the coder, run in this order


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
    not_subj: frozenset[str] = frozenset()
    not_subj_mod: frozenset[str] = frozenset()   # a subject so modified rules the entry out ("armed youths" do not riot)
    mod: frozenset[str] = frozenset()
    obj_mod: frozenset[str] = frozenset()   # verbs: a modifier of the object ("observed a stay-home strike")
    purpose: frozenset[str] = frozenset()   # a "to VERB" purpose of it or its carrier ("an operation to retake")
    xcomp_or_oprd: frozenset[str] = frozenset()
    people_obj: bool = False
    place_obj: bool = False             # the object must be a named place (GPE/LOC/FAC): "retook Wad Madani"
    obj_is_target: bool = False         # the obj-list object is the target ("captured the town")
    subj_is_target: bool = False        # the subject is what the act was done to ("hostages returned home")
    complement: bool = False            # needs an object, a clause or a to/on/with phrase ("agreed to ...")
    needs_actor: bool = False
    future_only: bool = False
    toll: bool = False                  # a killing verb: also the toll of an event beside it
    carrier_only: str | None = None     # nouns: subject | agentive_strict | None (any carrier)
    content_not: frozenset[str] = frozenset()  # types its promised content must not be ("vowed to attack")
    clause: str | None = None           # own | own_act | addressed: a warning of the warner's own (hostile) act, or to someone
    late: bool = False                  # tried only as the fallback of a sentence nothing else coded
    no_dobj: bool = False               # not with a direct object ("called for talks", not "called a vote for May")
    blames_subject: bool = False        # "Kyiv said Moscow was responsible": the subject is blamed, the speaker accuses
    carrier_verbs: frozenset[str] = frozenset()  # nouns: only these carriers ("lodged a protest with Beijing")
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
    types: dict[str, TypeInfo] = field(default_factory=dict)
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    fallback: dict[str, Entry] = field(default_factory=dict)   # lemma (or "verb particle") -> the fallback's entry
    phrasal: frozenset[tuple[str, str]] = frozenset()          # (verb, particle) pairs with a sense of their own
    _derived: dict[str, frozenset[str]] = field(default_factory=dict)
    carrier_words: frozenset[str] = frozenset()                # every carrier verb, of any kind
    by_lemma: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)

    def is_phrasal(self, lemma: str, particle: str) -> bool:
        """Is verb + particle a phrasal verb of its own sense ("back down", "send off"), so that
        the bare verb's entries ("back" = support) do not apply?"""
        return (lemma.lower(), particle.lower()) in self.phrasal

    def derived_words(self, key: str, build) -> frozenset[str]:
        """A word set built once from this lexicon's lists (memoised on the lexicon)."""
        if key not in self._derived:
            self._derived[key] = frozenset(build())
        return self._derived[key]

    def candidates(self, lemma: str, pos: str) -> list[Entry]:
        return self.by_lemma.get((lemma.lower(), pos), [])

    def type(self, name: str) -> TypeInfo:
        """The properties of a PLOVER type (all false for a type the file does not describe)."""
        return self.types.get(name) or TypeInfo(name)

    def word_list(self, key: str) -> frozenset[str]:
        """One of the `word_lists:` (empty when the file has none of that name)."""
        return self.words.get(key, frozenset())


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
        not_subj=_set(raw.get("not_subj")), not_subj_mod=_set(raw.get("not_subj_mod")),
        mod=_set(raw.get("mod")), obj_mod=_set(raw.get("obj_mod")), purpose=_set(raw.get("purpose")), xcomp_or_oprd=_set(raw.get("xcomp_or_oprd")),
        people_obj=bool(raw.get("people_obj")), place_obj=bool(raw.get("place_obj")), complement=bool(raw.get("complement")),
        obj_is_target=bool(raw.get("obj_is_target")),
        subj_is_target=bool(raw.get("subj_is_target")),
        needs_actor=bool(raw.get("needs_actor")),
        future_only=bool(raw.get("future_only")), toll=bool(raw.get("toll")),
        carrier_only=raw.get("carrier_only"), content_not=frozenset(str(t).upper() for t in raw.get("content_not") or ()),
        clause=raw.get("clause"), late=bool(raw.get("late")), no_dobj=bool(raw.get("no_dobj")),
        blames_subject=bool(raw.get("blames_subject")),
        carrier_verbs=_set(raw.get("carrier_verbs")), source=where)
    if kw["clause"] not in (None, "own", "own_act", "addressed"):
        raise LexiconError(f"{where}: entry {raw['id']!r}: clause must be own, own_act or addressed")
    if raw.get("target_prep") is not None:
        kw["target_prep"] = _set(raw["target_prep"])
    return Entry(**kw)


def _read(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the lexicon ({exc.strerror or exc})") from None
    return _parse(text, path)


def _types(raw: Any, where: str, into: dict[str, dict]) -> None:
    """Merge one file's `types:` section (type -> flags and repairs) into `into`."""
    if raw is None:
        return
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: `types` must map a PLOVER type to its properties")
    for name, props in raw.items():
        t = str(name).upper()
        if t not in EVENT_TYPES:
            raise LexiconError(f"{where}: types: unknown type {name!r}; use one of {' '.join(EVENT_TYPES)}")
        if not isinstance(props, dict):
            raise LexiconError(f"{where}: types: {t} must be a mapping of properties")
        bad = set(props) - set(TYPE_FLAGS) - {"repairs"}
        if bad:
            raise LexiconError(f"{where}: types: {t} has unknown {sorted(bad)}; "
                               f"use {' '.join(TYPE_FLAGS)} repairs")
        mine = into.setdefault(t, {})
        for k, v in props.items():
            mine[k] = tuple(str(x) for x in (v or ())) if k == "repairs" else bool(v)


def _fallback(raw: Any, where: str) -> dict[str, Entry]:
    """`fallback:` (PLOVER type -> lemmas of a sentence's main verb) as lemma -> Entry."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise LexiconError(f"{where}: `fallback` must map a PLOVER type to a list of lemmas")
    out: dict[str, Entry] = {}
    for name, lemmas in raw.items():
        t = str(name).upper()
        if t not in EVENT_TYPES:
            raise LexiconError(f"{where}: fallback: unknown type {name!r}; use one of {' '.join(EVENT_TYPES)}")
        entry = Entry(id=f"fallback.{t.lower()}", type=t, lemmas=_set(lemmas), source=where)
        for lemma in entry.lemmas:
            out.setdefault(lemma, entry)
    return out


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
    types: dict[str, dict] = {}
    words: dict[str, set[str]] = {}
    fallback: dict[str, Entry] = {}
    for data, where in reversed(sources):          # later (user) sources override settings
        for k, v in (data.get("frames") or {}).items():
            frames.setdefault(k, set()).update(_set(v))
        for k, v in (data.get("carriers") or {}).items():
            carriers.setdefault(k, set()).update(_set(v))
        people.update(_set(data.get("people_nouns")))
        _types(data.get("types"), where, types)
        for k, v in (data.get("word_lists") or {}).items():
            words.setdefault(str(k), set()).update(_set(v))
        fallback.update(_fallback(data.get("fallback"), where))
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
                  not_targets=frozenset(not_targets),
                  types={t: TypeInfo(t, **props) for t, props in types.items()},
                  words={k: frozenset(v) for k, v in words.items()}, fallback=fallback,
                  carrier_words=frozenset().union(*carriers.values()) if carriers else frozenset())
    for e in entries:
        for lemma in e.lemmas:
            lex.by_lemma.setdefault((lemma, e.pos), []).append(e)
    lex.phrasal = _phrasal_pairs(lex)
    return lex


def _phrasal_pairs(lex: Lexicon) -> frozenset[tuple[str, str]]:
    """(verb, particle) pairs that make a phrasal verb: every verb entry's `prt`, every
    "verb particle" of the fallback table, and the `phrasal_verbs` word list (phrasal verbs of
    no event, such as "send off", that only stop the bare verb's entries)."""
    pairs = {(lemma, p) for e in lex.entries if e.pos == "VERB" for lemma in e.lemmas for p in e.prt}
    for key in [*lex.fallback, *lex.word_list("phrasal_verbs")]:
        parts = key.split()
        if len(parts) == 2:
            pairs.add((parts[0], parts[1]))
    return frozenset(pairs)


def _sources(kb) -> list[tuple[dict, str]]:
    """The lexicon documents of a Knowledge, the user's overlays first, each with its file name
    (so an error names the file it is in)."""
    from ..knowledge import KnowledgeError

    out = []
    try:
        for p in reversed(kb.overlay_paths(NAME)):
            out.append((_read(Path(p)), str(p)))
        own = kb.files.get(NAME)
        if own is not None and not isinstance(own, str):
            out.append((own, str(kb.path(NAME))))
        else:
            out.append((_parse(kb.text(NAME), kb.path(NAME)), str(kb.path(NAME))))
    except KnowledgeError as exc:
        raise LexiconError(str(exc)) from None
    return out


def _parse(text: str, path) -> dict:
    try:
        data = safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f":{mark.line + 1}" if mark else ""
        raise LexiconError(f"{path}{at}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: the lexicon must be a mapping with an `entries:` list")
    return data


def _of_knowledge(kb) -> Lexicon:
    return build(_sources(kb))


def load_lexicon(extra: str | os.PathLike | None = None, kb=None) -> Lexicon:
    """The lexicon of `kb` (default: the process-wide Knowledge, which overlays SITREP_DATA and
    SITREP_LEXICON), built once per Knowledge; `extra` names one more file tried first."""
    from ..knowledge import KnowledgeError, get_knowledge

    if kb is None:
        env = os.environ.get("SITREP_LEXICON")
        try:
            known = get_knowledge().overlay_paths(NAME)
        except KnowledgeError as exc:
            raise LexiconError(str(exc)) from None
        if extra is None and env and Path(env) not in known:
            extra = env          # set after the process-wide Knowledge was built
        if extra is not None:
            kb = _extra_knowledge(str(Path(extra)))
        else:
            kb = get_knowledge()
    return kb.derived("event_lexicon", _of_knowledge)


_EXTRA: dict[str, object] = {}


def _extra_knowledge(path: str):
    """A Knowledge whose lexicon overlay is `path` (kept, so its lexicon is built once)."""
    from ..knowledge import Knowledge

    if path not in _EXTRA:
        _EXTRA[path] = Knowledge(env={"SITREP_LEXICON": path})
    return _EXTRA[path]
