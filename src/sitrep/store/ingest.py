"""Ingest: Records (and InputErrors) into the corpus, one transaction per article.

- Idempotent: an article is keyed by its URL (or, without one, its content hash). The same key
  with the same content hash changes nothing; the same key with new content replaces the old
  version (its children and cluster links go with it, clusters are refreshed).
- Crash-safe: everything of one article (row, entities, mentions, quotes, counts, events,
  clusters, disputes) commits together or not at all, so a killed run leaves no orphans and a
  re-run completes it.
- Syndicated copies: MinHash (datasketch) over word 5-shingles of the body, LSH at Jaccard >= 0.8
  (plus exact content-hash matches under another URL). A copy gets ``copy_of`` = the original
  and its events join the original's clusters with ``counted = False``, so they never double-count.
- Failed inputs become ``ingest_errors`` rows (`sitrep errors`), never silently dropped.
- Speed: `filter_known` skips extraction of articles already stored unchanged (a re-run or a
  resumed run is cheap). The store only stores: extraction (and its process pool,
  `sitrep.run.local.extract_ahead`) is the caller's, `sitrep.service` strings them together.
"""
from __future__ import annotations

import collections
import datetime as _dt
import functools
import hashlib
import importlib
import importlib.util
import json
import os
import re
import socket
import sys
import types
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

if TYPE_CHECKING:
    from datasketch import MinHash
from sqlalchemy import bindparam, delete, insert, select, text as sql_text, update

from ..record import InputError, Record
from ..run import stop
from . import schema as S
from .db import insert_rows, retrying, run_prepared, write_tx
from .link import insert_in_order, link_article_events, refresh_clusters, resolve_entity, resolve_place
from .lookup import EntityView, PlaceView
from .names import name_key, place_key, simple
from .search import index_article_and_quotes, unindex_article

NUM_PERM = 64
COPY_THRESHOLD = 0.8
SHINGLE = 5
_WORD = re.compile(r"\w+", re.UNICODE)


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def content_hash(text: str) -> str:
    return hashlib.sha256((text or "").encode("utf-8", "replace")).hexdigest()


def article_key(rec: Record, chash: str) -> str:
    return rec.url.strip() if rec.url and rec.url.strip() else f"sha:{chash}"


def article_id(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:16]


def _minhash_module():
    """datasketch's MinHash module alone. `import datasketch` loads every sketch of the package,
    and its LSH module imports scipy.integrate (a third of a second of CPU in every `sitrep
    ingest`, for a parameter computed once below), so the package's own `__init__` is skipped:
    a bare package module stands in while `datasketch.minhash` loads, then is taken away, so a
    later `import datasketch` still loads the whole package (sharing this very module)."""
    mod = sys.modules.get("datasketch.minhash")
    if mod is not None:
        return mod
    if "datasketch" in sys.modules:
        return importlib.import_module("datasketch.minhash")
    spec = importlib.util.find_spec("datasketch")
    bare = types.ModuleType("datasketch")
    bare.__path__ = list(spec.submodule_search_locations or [])
    sys.modules["datasketch"] = bare
    try:
        return importlib.import_module("datasketch.minhash")
    finally:
        if sys.modules.get("datasketch") is bare:
            del sys.modules["datasketch"]


def _new_minhash(hashvalues=None) -> MinHash:
    """A MinHash with a fixed scheme so stored hash values stay comparable (datasketch >= 2 asks
    for the scheme explicitly; older versions have only one)."""
    MinHash = _minhash_module().MinHash
    try:
        return MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, scheme="affine32")
    except TypeError:
        return MinHash(num_perm=NUM_PERM, hashvalues=hashvalues)


def minhash(text: str) -> MinHash | None:
    """MinHash of the word 5-shingles; None for texts too short to judge (< 20 words)."""
    words = _WORD.findall((text or "").lower())
    if len(words) < 20:
        return None
    m = _new_minhash()
    shingles = [" ".join(words[i:i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]
    if hasattr(m, "update_batch"):    # vectorised, the same hash values, ~8x faster
        m.update_batch(shingles)
    else:
        for sh in shingles:
            m.update(sh)
    return m


#: datasketch.MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM) chooses these bands (b) of
#: rows (r) by integrating its false positive and negative rates; a test keeps them equal
LSH_BANDS, LSH_ROWS = 5, 11


class BandIndex:
    """Locality-sensitive hashing by bands, as datasketch's MinHashLSH does it: two MinHashes are
    candidates when all the hash values of one band are equal."""

    def __init__(self, bands: int = LSH_BANDS, rows: int = LSH_ROWS):
        self.ranges = [(i * rows, (i + 1) * rows) for i in range(bands)]
        self.tables: list[dict[bytes, set[str]]] = [{} for _ in range(bands)]
        self.keys: dict[str, list[bytes]] = {}

    def _bands(self, m: MinHash) -> list[bytes]:
        return [m.hashvalues[a:b].tobytes() for a, b in self.ranges]

    def insert(self, key: str, m: MinHash) -> None:
        self.keys[key] = self._bands(m)
        for table, band in zip(self.tables, self.keys[key]):
            table.setdefault(band, set()).add(key)

    def remove(self, key: str) -> None:
        for table, band in zip(self.tables, self.keys.pop(key)):
            members = table.get(band)
            if members is not None:
                members.discard(key)
                if not members:
                    del table[band]

    def query(self, m: MinHash) -> set[str]:
        out: set[str] = set()
        for table, band in zip(self.tables, self._bands(m)):
            out |= table.get(band, set())
        return out


class CopyIndex:
    """LSH over the corpus's articles (loaded from their stored MinHashes, then kept up to date)."""

    def __init__(self):
        self.lsh = BandIndex()
        self.hashes: dict[str, MinHash] = {}

    def load(self, conn) -> None:
        for aid, mh in conn.execute(select(S.articles.c.id, S.articles.c.minhash)
                                    .where(S.articles.c.minhash.is_not(None))):
            self.add(aid, _new_minhash(json.loads(mh)))

    def add(self, aid: str, m: MinHash | None) -> None:
        if m is None or aid in self.hashes:
            return
        self.hashes[aid] = m
        self.lsh.insert(aid, m)

    def remove(self, aid: str) -> None:
        if aid in self.hashes:
            self.lsh.remove(aid)
            del self.hashes[aid]

    def best(self, aid: str, m: MinHash | None) -> tuple[str, float] | None:
        if m is None:
            return None
        best = None
        for other in sorted(self.lsh.query(m)):
            if other == aid:
                continue
            j = m.jaccard(self.hashes[other])
            if j >= COPY_THRESHOLD and (best is None or j > best[1] or (j == best[1] and other < best[0])):
                best = (other, j)
        return best


def filter_known(store, items: Iterable, skipped: dict[str, int]) -> Iterator:
    """Pass on only the Articles not already stored with the same content: re-ingesting a folder
    (or resuming a killed run) does not extract again what is already in the database.
    `skipped["unchanged"]` counts the others."""
    from ..record import Article
    A = S.articles
    with store.engine.connect() as conn:
        for item in items:
            if isinstance(item, Article):
                chash = content_hash(item.text) if item.text else None
                key = item.url.strip() if item.url and item.url.strip() else (chash and f"sha:{chash}")
                if chash and key:
                    row = conn.execute(select(A.c.content_hash).where(A.c.key == key)).first()
                    conn.rollback()     # no long-lived read transaction (WAL checkpoints)
                    if row is not None and row[0] == chash:
                        skipped["unchanged"] = skipped.get("unchanged", 0) + 1
                        continue
            yield item


def _body(rec: Record) -> str:
    text = rec.text or ""
    if rec.body_chars:
        s, e = rec.body_chars
        if 0 <= s < e <= len(text):
            return text[s:e]
    return text


def _delete_article(conn, aid: str) -> set[int]:
    """Remove an article and its children; returns the clusters that lost sources."""
    ES = S.event_sources
    touched = {c for (c,) in conn.execute(select(ES.c.cluster_id).where(ES.c.article_id == aid))}
    qids = [q for (q,) in conn.execute(select(S.quotes.c.id).where(S.quotes.c.article_id == aid))]
    unindex_article(conn, aid, qids)
    for t in S.ARTICLE_CHILDREN:
        conn.execute(delete(t).where(t.c.article_id == aid))
    conn.execute(update(S.articles).where(S.articles.c.copy_of == aid).values(copy_of=None))
    conn.execute(delete(S.articles).where(S.articles.c.id == aid))
    return touched


def _mention_rows(mentions, aid: str, **ref) -> list[dict]:
    ids = {"entity_id": None, "place_id": None, **ref}
    return [dict(article_id=aid, text=m.text, start=m.start, end=m.end, sentence=m.sentence,
                 sent_start=m.sent_start, sent_end=m.sent_end, **ids) for m in mentions or []]


@functools.lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    """name_key, memoised: the same actors and speakers recur in article after article."""
    return name_key(name)


@functools.lru_cache(maxsize=1 << 16)
def _place_key(name: str) -> str:
    return place_key(name)


def _day(value) -> str | None:
    return (value or None) and str(value)[:10]


class ArticleNames:
    """The entities and places of one article, resolved to corpus ids, and the look-up of any
    other name its quotes and events mention: the article's own names first, then the corpus
    (through the article's prefetched `EntityView` and `PlaceView`, filled by `prefetch` with
    one `IN` query per table for every name the article holds)."""

    def __init__(self, conn=None):
        self.entity_by_key: dict[str, int | None] = {}
        self.place_by_key: dict[str, int | None] = {}
        self.place_info: dict[int, Any] = {}
        self.entities = EntityView(conn) if conn is not None else None
        self.places = PlaceView(conn) if conn is not None else None

    def prefetch_article(self, rec: Record) -> None:
        """One look-up per table for everything resolving this article's names will read."""
        keys: dict[str, set[str]] = {}
        for kind, items in (("person", rec.persons), ("organization", rec.organizations)):
            for ent in items or []:
                keys.setdefault(ent.kind or kind, set()).update(
                    _name_key(n) for n in [ent.name, *(ent.aliases or [])] if n)
        events = rec.events or []
        others = {_name_key(n) for n in [q.speaker for q in rec.quotes or []]
                  + [n for ev in events for n in (ev.actor, ev.target)] if n}
        self.entities.prefetch(keys, others)
        locs = rec.locations or []
        self.places.prefetch(
            [loc.geonameid for loc in locs if loc.geonameid],
            [f"{_place_key(loc.name)}|{(loc.country or '').upper()}" for loc in locs if loc.name],
            {k for loc in locs for k in (_place_key(n) for n in [loc.name, *(loc.aliases or [])] if n) if k}
            | {_place_key(ev.location) for ev in events if ev.location})

    def prefetch(self, conn, entity_names: Iterable[str | None], place_names: Iterable[str | None]) -> None:
        """Look up, once, every name the article mentions but did not resolve itself."""
        ents = sorted({_name_key(n) for n in entity_names if n} - set(self.entity_by_key) - {""})
        places = sorted({_place_key(n) for n in place_names if n} - set(self.place_by_key) - {""})
        view = self.entities or EntityView(conn)
        self.entity_by_key.update({k: view.any_kind(k) for k in ents})
        pview = self.places or PlaceView(conn)
        self.place_by_key.update({k: min((p for p, _ in pview.by_alias([k])), default=None) for k in places})

    def entity(self, name: str | None) -> int | None:
        return self.entity_by_key.get(_name_key(name)) if name else None

    def place(self, name: str | None) -> int | None:
        return self.place_by_key.get(_place_key(name)) if name else None


def _copy_of(conn, aid: str, copy: tuple[str, float] | None, same) -> tuple[str | None, float | None]:
    """(original article id, similarity) when this article is a copy: a near-duplicate found by
    the copy index, else `same`, the first article stored under another key with the same
    content hash (`_known_rows`)."""
    root = None
    if copy is None and same is not None:
        copy = (same.copy_of or same.id, 1.0)
        root = same if same.copy_of is None else None          # the original itself: no second read
    if copy is None:
        return None, None
    if root is None:
        root = run_prepared(conn, _ARTICLE_BY_ID, {"aid": copy[0]}).first()
    if root is None or (root.copy_of or root.id) == aid:
        return None, None
    return root.copy_of or root.id, round(float(copy[1]), 4)


def _known_rows(conn, key: str, aid: str, chash: str):
    """(the article stored under this key, the first other article with the same content hash):
    one read for both, in the order the two separate reads gave."""
    existing = same = None
    for r in run_prepared(conn, _BY_KEY_OR_CONTENT, {"key": key, "chash": chash}):
        if r.key == key and existing is None:
            existing = r
        if r.content_hash == chash and r.id != aid and same is None:
            same = r
    return existing, same


_Original = collections.namedtuple("_Original", "id copy_of")
_A = S.articles
_BY_KEY_OR_CONTENT = (select(_A.c.id, _A.c.key, _A.c.content_hash, _A.c.copy_of)
                      .where((_A.c.key == bindparam("key")) | (_A.c.content_hash == bindparam("chash")))
                      .order_by(_A.c.ingested_at, _A.c.id))
_ARTICLE_BY_ID = select(_A.c.id, _A.c.copy_of).where(_A.c.id == bindparam("aid"))


def article_row(rec: Record, aid: str, key: str, chash: str, mh: MinHash | None,
                copy_of: str | None, sim: float | None, run_id: int | None) -> dict:
    bc = rec.body_chars
    return dict(
        id=aid, key=key, ext_id=rec.id, url=rec.url, source=rec.source, title=rec.title,
        published=_day(rec.published), text=rec.text or "", content_hash=chash,
        body_start=bc[0] if bc else None, body_end=bc[1] if bc else None,
        boilerplate=json.dumps(list(rec.boilerplate or []), ensure_ascii=False),
        copy_of=copy_of, similarity=sim,
        minhash=json.dumps([int(x) for x in mh.hashvalues]) if mh is not None else None,
        run_id=run_id, ingested_at=_now())


def _store_entities(conn, rec: Record, aid: str, names: ArticleNames) -> list[dict]:
    """Resolve the article's persons and organisations; write their article rows. Returns their
    mention rows."""
    ae: dict[int, dict] = {}
    mention_rows: list[dict] = []
    for kind, items in (("person", rec.persons), ("organization", rec.organizations)):
        named = [ent.name for ent in items or []]
        # full names first: a bare surname of the same article then finds its full name
        for ent in sorted(items or [], key=lambda e: -len((e.name or "").split())):
            eid = resolve_entity(conn, ent.kind or kind, ent.name, ent.aliases, ent.country, ent.role,
                                 article_names=named, view=names.entities)
            if eid is None:
                continue
            for form in [ent.name, *(ent.aliases or [])]:
                names.entity_by_key.setdefault(_name_key(form), eid)
            row = ae.setdefault(eid, {"article_id": aid, "entity_id": eid, "name": ent.name,
                                      "role": ent.role, "n_mentions": 0})
            row["n_mentions"] += len(ent.mentions or [])
            mention_rows += _mention_rows(ent.mentions, aid, entity_id=eid)
    if ae:
        insert_rows(conn, S.article_entities, list(ae.values()))
    return mention_rows


class PlaceMemo:
    """Places already resolved in this run, by everything `resolve_place` is given.

    Resolving the same description again changes nothing (the missing fields it could fill and
    the aliases it could add are there since the first time; places are never deleted), so its
    id is reused without a query. Entries count only once their article's transaction has
    committed (`commit`); a rolled-back article's are dropped (`rollback`)."""

    def __init__(self):
        self.known: dict[tuple, int] = {}
        self.pending: dict[tuple, int] = {}

    @staticmethod
    def key(loc) -> tuple:
        return (loc.name, loc.country, loc.lat, loc.lon, tuple(loc.aliases or ()), loc.kind, loc.admin1,
                loc.geonameid)

    def resolve(self, conn, loc, view: PlaceView | None = None) -> int | None:
        k = self.key(loc)
        pid = self.known.get(k) or self.pending.get(k)
        if pid is None:
            pid = resolve_place(conn, loc.name, loc.country, loc.lat, loc.lon, loc.aliases, loc.kind,
                                loc.admin1, loc.geonameid, view=view)
            if pid is not None:
                self.pending[k] = pid
        return pid

    def commit(self) -> None:
        self.known.update(self.pending)
        self.pending.clear()

    def rollback(self) -> None:
        self.pending.clear()


def _store_places(conn, rec: Record, aid: str, names: ArticleNames, memo: PlaceMemo) -> list[dict]:
    """Resolve the article's places; write their article rows. Returns their mention rows."""
    ap: dict[int, dict] = {}
    mention_rows: list[dict] = []
    for loc in rec.locations or []:
        pid = memo.resolve(conn, loc, names.places)
        if pid is None:
            continue
        names.place_info.setdefault(pid, loc)
        for form in [loc.name, *(loc.aliases or [])]:
            names.place_by_key.setdefault(_place_key(form), pid)
        row = ap.setdefault(pid, {"article_id": aid, "place_id": pid, "name": loc.name, "n_mentions": 0})
        row["n_mentions"] += len(loc.mentions or [])
        mention_rows += _mention_rows(loc.mentions, aid, place_id=pid)
    if ap:
        insert_rows(conn, S.article_places, list(ap.values()))
    return mention_rows


def quote_rows(rec: Record, aid: str, names: ArticleNames) -> list[dict]:
    return [dict(article_id=aid, speaker=q.speaker, speaker_entity_id=names.entity(q.speaker),
                 text=q.text or "", direct=bool(q.direct), evidence=q.evidence, start=q.start, end=q.end,
                 verb=q.verb) for q in rec.quotes or []]


def count_rows(rec: Record, aid: str) -> list[dict]:
    return [dict(article_id=aid, value=float(c.value), category=c.category, what=c.what,
                 approximate=bool(c.approximate), qualifier=c.qualifier, evidence=c.evidence,
                 start=c.start, end=c.end, value_start=c.value_start, value_end=c.value_end)
            for c in rec.counts or []]


def _event_place(ev, loc) -> tuple:
    """(lat, lon, admin1, country) of an event: its own, else those of the place it names."""
    lat, lon = ev.lat, ev.lon
    if (lat is None or lon is None) and loc is not None and loc.lat is not None:
        lat, lon = loc.lat, loc.lon
    if lat is None or lon is None:
        lat = lon = None
    admin1 = ev.admin1 or (loc.admin1 if loc is not None else None)
    if admin1 is None and loc is not None and (loc.kind or "") == "admin1":
        admin1 = loc.name
    country = ev.country or (loc.country if loc is not None else None)
    return lat, lon, admin1, country


def _json_or_none(value) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


def event_row(ev, i: int, aid: str, names: ArticleNames, published: str | None, is_copy: bool) -> dict:
    pid = names.place(ev.location)
    lat, lon, admin1, country = _event_place(ev, names.place_info.get(pid))
    date = _day(ev.date)
    return dict(
        article_id=aid, idx=i, type=(ev.type or "").upper(), mode=ev.mode,
        actor=ev.actor, actor_key=_name_key(ev.actor or "") or None, actor_entity_id=names.entity(ev.actor),
        target=ev.target, target_key=_name_key(ev.target or "") or None, target_entity_id=names.entity(ev.target),
        location=ev.location, location_key=_place_key(ev.location or "") or None, place_id=pid,
        country=country, admin1=admin1, admin1_key=_place_key(admin1 or "") or None, lat=lat, lon=lon,
        date=date, day=date or published, date_period=None if date else getattr(ev, "date_period", None),
        fatalities=ev.fatalities,
        fatalities_reports=_json_or_none(getattr(ev, "fatalities_reports", None)),
        toll_disputed=getattr(ev, "toll_disputed", None),
        attributed_to=ev.attributed_to, attributed_key=simple(ev.attributed_to) or None,
        evidence=ev.evidence, start=ev.start, end=ev.end, status=ev.status or "occurred",
        acled_event_type=ev.acled_event_type, acled_sub_event_type=ev.acled_sub_event_type,
        trigger=ev.trigger, rule=ev.rule, actor_country=ev.actor_country, actor_sector=ev.actor_sector,
        target_country=ev.target_country, target_sector=ev.target_sector, is_copy=is_copy)


def _store_children(conn, rec: Record, aid: str, is_copy: bool, memo: PlaceMemo) -> list[dict]:
    """Entities, places, mentions, quotes, counts and events of one article, and its search
    index rows (the article's and its quotes', one statement); returns the event rows (with
    their ids) for linking."""
    names = ArticleNames(conn)
    names.prefetch_article(rec)
    mention_rows = _store_entities(conn, rec, aid, names) + _store_places(conn, rec, aid, names, memo)
    if mention_rows:
        insert_rows(conn, S.mentions, mention_rows)
    events = rec.events or []
    names.prefetch(conn, [q.speaker for q in rec.quotes or []] + [n for ev in events for n in (ev.actor, ev.target)],
                   [ev.location for ev in events])
    quotes = quote_rows(rec, aid, names)
    qids = insert_in_order(conn, S.quotes, quotes) if quotes else []
    index_article_and_quotes(conn, aid, rec.title, rec.text or "",
                             [(qid, r["speaker"], r["text"]) for qid, r in zip(qids, quotes)])
    counts = count_rows(rec, aid)
    if counts:
        insert_rows(conn, S.counts, counts)
    published = _day(rec.published)
    ev_rows = [event_row(ev, i, aid, names, published, is_copy) for i, ev in enumerate(events)]
    if ev_rows:
        for vals, eid in zip(ev_rows, insert_in_order(conn, S.events, ev_rows)):
            vals["id"] = eid
    return ev_rows


def store_record(conn, rec: Record, chash: str, mh: MinHash | None, copy: tuple[str, float] | None,
                 run_id: int | None, places: PlaceMemo | None = None) -> tuple[str, str]:
    """Write one article and everything extracted from it inside the caller's transaction.
    Returns (status, article id): status is new | unchanged | replaced | copy. `places` carries
    the places resolved earlier in the run (the caller commits or rolls it back with the
    transaction)."""
    key = article_key(rec, chash)
    aid = article_id(key)
    existing, same = _known_rows(conn, key, aid, chash)
    touched: set[int] = set()
    status = "new"
    if existing:
        if existing.content_hash == chash:
            return "unchanged", existing.id
        touched |= _delete_article(conn, existing.id)
        status = "replaced"
        if same is not None and same.copy_of == existing.id:    # the delete made it an original
            same = _Original(same.id, None)
    copy_of, sim = _copy_of(conn, aid, copy, same)
    insert_rows(conn, S.articles, [article_row(rec, aid, key, chash, mh, copy_of, sim, run_id)])
    if status == "new" and copy_of:
        status = "copy"
    ev_rows = _store_children(conn, rec, aid, copy_of is not None, places or PlaceMemo())
    if ev_rows and conn.engine.dialect.name == "postgresql":
        # linking reads candidate clusters then writes: one linker at a time across processes
        conn.execute(sql_text("SELECT pg_advisory_xact_lock(727002)"))
    touched -= link_article_events(conn, ev_rows)
    refresh_clusters(conn, touched)
    return status, aid


def _is_connection_failure(exc: BaseException) -> bool:
    """The database itself is gone (server down, disk full): stop the run instead of listing every
    article as failed."""
    from sqlalchemy.exc import OperationalError
    from .db import is_locked
    return isinstance(exc, OperationalError) and not is_locked(exc)


def record_error(conn, err: InputError, run_id: int | None) -> bool:
    """Keep a failed input as an error row (once per origin + message while unresolved)."""
    T = S.ingest_errors
    seen = conn.execute(select(T.c.id).where(T.c.origin == err.origin, T.c.message == err.message,
                                             T.c.resolved.is_(False)).limit(1)).first()
    if seen:
        return False
    conn.execute(insert(T).values(run_id=run_id, origin=err.origin, kind=err.kind or "input",
                                  message=err.message, created_at=_now()))
    return True


def start_run(engine, inputs: Sequence[str] | None) -> int:
    def tx():
        with write_tx(engine) as conn:
            return conn.execute(insert(S.runs).values(
                started_at=_now(), inputs=json.dumps([str(i) for i in inputs or []]), status="running",
                n_read=0, n_new=0, n_unchanged=0, n_replaced=0, n_copies=0, n_errors=0,
                pid=os.getpid(), host=socket.gethostname())
                .returning(S.runs.c.id)).scalar_one()
    return retrying(tx)


def finish_run(engine, run_id: int, counters: dict[str, int], status: str = "done") -> None:
    def tx():
        with write_tx(engine) as conn:
            conn.execute(update(S.runs).where(S.runs.c.id == run_id).values(
                finished_at=_now(), status=status, **{f"n_{k}": v for k, v in counters.items()
                                                       if k in ("read", "new", "unchanged", "replaced",
                                                                "copies", "errors")}))
    retrying(tx)


def _store_one(item, tx, index, aid, mh, counters, places, keep_error, progress) -> None:
    """Store one record (its transaction `tx`), or keep it as an error row; count it."""
    try:
        st, aid = retrying(tx)
        places.commit()
    except Exception as exc:   # a bad record must not stop a run of thousands: keep it listed
        places.rollback()
        if _is_connection_failure(exc):
            raise
        keep_error(InputError(item.url or item.id, f"could not be stored ({type(exc).__name__}: "
                              f"{str(exc).splitlines()[0][:300] if str(exc) else ''})", kind="store"))
        return
    if st == "replaced":
        index.remove(aid)
    index.add(aid, mh)
    counters[{"new": "new", "unchanged": "unchanged", "replaced": "replaced", "copy": "copies"}[st]] += 1
    if st == "copy":
        counters["new"] += 1
    if progress:
        progress(item, st)


def ingest_records(store, items: Iterable[Record | InputError], inputs: Sequence[str] | None = None,
                   progress: Callable[[Record | InputError, str], None] | None = None) -> dict[str, int]:
    """Store every item; `progress(item, status)` is called after each one. Returns counters."""
    engine = store.engine
    run_id = start_run(engine, inputs)
    index = CopyIndex()
    with engine.connect() as conn:
        index.load(conn)
    counters = {"read": 0, "new": 0, "unchanged": 0, "replaced": 0, "copies": 0, "errors": 0}
    status = "failed"
    places = PlaceMemo()

    def keep_error(err: InputError) -> None:
        """A failed input is an error row in its own transaction: listed, never dropped."""
        def tx():
            with write_tx(engine) as conn:
                return record_error(conn, err, run_id)
        with stop.held():
            retrying(tx)
            counters["errors"] += 1
            if progress:
                progress(err, "error")

    try:
        for item in items:
            stop.check()                      # a SIGTERM that came while waiting (run.stop)
            counters["read"] += 1
            if isinstance(item, InputError):
                keep_error(item)
                continue
            text = item.text or ""
            chash = content_hash(text if text else json.dumps(item.to_json(), sort_keys=True))
            mh = minhash(_body(item))
            aid = article_id(article_key(item, chash))
            copy = index.best(aid, mh)

            def tx(item=item, chash=chash, mh=mh, copy=copy):
                places.rollback()             # a retried transaction starts again from what committed
                with write_tx(engine) as conn:
                    return store_record(conn, item, chash, mh, copy, run_id, places)
            with stop.held():          # a SIGTERM lands after the article and its counters
                _store_one(item, tx, index, aid, mh, counters, places, keep_error, progress)
        status = "done"
    except KeyboardInterrupt:                 # Ctrl-C or SIGTERM: what is stored stays, and says so
        status = "interrupted"
        raise
    finally:
        finish_run(engine, run_id, counters, status)
    counters["run_id"] = run_id
    return counters
