"""The read API of the corpus: what the CLI, the web app and the report call.

    from sitrep.store.query import open_db
    store = open_db("sitrep.db")            # or "postgresql://user@localhost/sitrep"
    store.events(since="2022-09-20", type="ASSAULT", place="Zaporizhzhia")

Every method returns plain JSON-ready values (dicts, lists, str, int, float, bool, None): dates
are ISO strings, booleans are bools, JSON columns are decoded. Filters shared by the event
listings:

- ``since`` / ``until``: ISO dates, inclusive, on the event's day (its date, else the article's
  published date);
- ``type``: a PLOVER type, a list of them, or "A,B";
- ``actor``: a name; matches the actor under any alias/transliteration the corpus linked
  ("Dmitri Medvedev" finds "Dmitry Medvedev");
- ``place``: a place name (location or admin1 region, any alias), or ``bbox``:
  ``(min_lon, min_lat, max_lon, max_lat)`` or the string "min_lon,min_lat,max_lon,max_lat";
- ``attributed_to``: case-insensitive substring of who made the claim; "none" = asserted by the
  outlet itself;
- ``status``: occurred | claimed | denied | threatened | planned | warned (or a list).
"""
from __future__ import annotations

import json
import os
from contextlib import contextmanager
from typing import Any, Iterable, Sequence

from sqlalchemy import and_, func, or_, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from . import reads as R
from . import schema as S
from .filters import (FilterError, check_day, check_period, check_statuses, check_types,  # noqa: F401
                      listify as _listify, parse_bbox)
from .db import StoreError, describe_error, is_postgres, make_engine, sqlite_path  # noqa: F401
from .migrations import LATEST, current_version, upgrade
from .names import name_key, place_key

A, E, C = S.articles, S.events, S.event_clusters

EVENT_COLUMNS = [E.c[n] for n in R.EVENT_COLUMNS]
ARTICLE_BRIEF = [A.c[n] for n in R.ARTICLE_BRIEF]
CLUSTER_COLUMNS = [*(C.c[n] for n in R.CLUSTER_COLUMNS),
                   select(S.places.c.kind).where(S.places.c.id == C.c.place_id)
                   .scalar_subquery().label("place_kind")]


def open_db(url: str | os.PathLike | None = None, migrate: bool = True, read_only: bool = False) -> "Store":
    """Open (and create or upgrade) the corpus database at `url`.

    `url`: ``sqlite:///file.db``, a bare path, ``postgresql://user@host/db``; None uses
    $SITREP_DB or ``sqlite:///sitrep.db``. `read_only`: never write (no migration; a SQLite
    file is opened ``mode=ro``), for serving. Raises `StoreError` (one line) when the database
    cannot be opened: not a database, nothing listening, an unknown scheme, an old schema."""
    try:
        engine = make_engine(url, read_only=read_only)
        if read_only:
            _up_to_date_or_upgraded(engine, url)
        elif migrate:
            upgrade(engine)
    except StoreError:
        raise
    except (SQLAlchemyError, OSError, ValueError, ImportError) as exc:
        raise StoreError(describe_error(exc)) from None
    return Store(engine, label=str(url) if read_only and url else None)


MAX_INT = R.MAX_INT
_bounded, _is_row_id = R.bounded, R.is_row_id


def _up_to_date_or_upgraded(engine: Engine, url) -> None:
    """A read-only store needs the latest schema: an older database is upgraded once through a
    writable connection when it can be written, else refused with what to do."""
    with engine.connect() as conn:
        version = current_version(conn)
    if version >= LATEST:
        return
    path = sqlite_path(url)
    if path is not None and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK):
        writer = make_engine(url)
        try:
            upgrade(writer)
        finally:
            writer.dispose()
        return
    raise StoreError(f"written by an older sitrep (schema {version}, now {LATEST}); open it once "
                     "where it can be written (`sitrep ingest` or `sitrep stats`) to upgrade it")


def _row(r) -> dict[str, Any]:
    m = r._mapping
    return R.row_dict(m.keys(), m.values())


def _published_in(sel, since, until):
    """`sel` kept to the articles published in [since, until] (days; an open end is no bound)."""
    if since:
        sel = sel.where(A.c.published >= str(since)[:10])
    if until:
        sel = sel.where(A.c.published <= str(until)[:10])
    return sel


class Store(R.Reads):
    """A corpus database. Cheap to create; share one per process (it holds a connection pool).
    The event listings, entities, disputes and errors are `reads.Reads` (SQL text shared with
    the plain sqlite3 reader of the query commands); the rest is written here."""

    def __init__(self, engine: Engine, label: str | None = None):
        self.engine = engine
        self._label = label

    # ------------------------------------------------------------------ housekeeping
    @property
    def backend(self) -> str:
        """"sqlite" or "postgresql"."""
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        return self._label or self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ writing
    def ingest_records(self, items: Iterable, inputs: Sequence[str] | None = None,
                       progress=None) -> dict[str, int]:
        """Store Records (and InputErrors as error rows), one transaction per article, linking
        entities, places, event clusters and disputes as they arrive. Idempotent.
        Returns counts: read, new, unchanged, replaced, copies, errors, run_id."""
        from .ingest import ingest_records
        mark_interrupted_runs(self.engine)
        return ingest_records(self, items, inputs=inputs, progress=progress)

    @contextmanager
    def _reading(self):
        """One connection's `fetch(sql, params) -> (names, rows)` for `reads.Reads`."""
        with self.engine.connect() as conn:
            def fetch(sql: str, params: dict):
                res = conn.execute(text(sql), params)
                return list(res.keys()), res.fetchall()
            yield fetch

    # ------------------------------------------------------------------ articles
    def articles(self, since=None, until=None, source=None, q: str | None = None,
                 include_copies: bool = True, limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Articles newest first (no text): id, url, source, title, published, copy_of,
        n_events. `q` restricts to a full-text match."""
        n_ev = (select(func.count()).select_from(E).where(E.c.article_id == A.c.id)
                .scalar_subquery().label("n_events"))
        with self.engine.connect() as conn:
            sel = select(A.c.id, A.c.ext_id, A.c.url, A.c.source, A.c.title, A.c.published,
                         A.c.copy_of, A.c.similarity, A.c.ingested_at, n_ev)
            sel = _published_in(sel, since, until)
            if source:
                sel = sel.where(A.c.source == source)
            if not include_copies:
                sel = sel.where(A.c.copy_of.is_(None))
            if q:
                ids = [h["article_id"] for h in self.search(q, limit=1000) if h["kind"] == "article"]
                sel = sel.where(A.c.id.in_(ids))
            sel = sel.order_by(A.c.published.desc(), A.c.id)
            if limit is not None:
                sel = sel.limit(_bounded(limit)).offset(_bounded(offset))
            return [_row(r) for r in conn.execute(sel)]

    def article(self, id: str) -> dict | None:
        """One article with its text, boilerplate, body_chars, copies, and every extracted item
        with offsets into `text`: persons, organizations, locations (each with mentions),
        quotes, counts, events (with cluster_id)."""
        with self.engine.connect() as conn:
            r = conn.execute(select(A).where(A.c.id == str(id))).first()
            if not r:
                return None
            d = _row(r)
            d.pop("minhash", None), d.pop("key", None)
            d["boilerplate"] = json.loads(d["boilerplate"] or "[]")
            bs, be = d.pop("body_start"), d.pop("body_end")
            d["body_chars"] = [bs, be] if bs is not None else None
            d["copies"] = [_row(x) for x in conn.execute(
                select(A.c.id, A.c.url, A.c.source, A.c.title, A.c.published, A.c.similarity)
                .where(A.c.copy_of == str(id)).order_by(A.c.published, A.c.id))]
            M = S.mentions
            ments: dict[tuple[str, int], list[dict]] = {}
            for m in conn.execute(select(M).where(M.c.article_id == str(id)).order_by(M.c.start)):
                m = _row(m)
                key = ("e", m["entity_id"]) if m["entity_id"] is not None else ("p", m["place_id"])
                ments.setdefault(key, []).append({k: m[k] for k in ("text", "start", "end", "sentence",
                                                                    "sent_start", "sent_end")})
            AE, EN = S.article_entities, S.entities
            d["persons"], d["organizations"] = [], []
            for e in conn.execute(select(EN.c.id, EN.c.kind, EN.c.name.label("canonical"), AE.c.name,
                                         AE.c.role, EN.c.country, AE.c.n_mentions)
                                  .select_from(AE.join(EN, EN.c.id == AE.c.entity_id))
                                  .where(AE.c.article_id == str(id)).order_by(AE.c.n_mentions.desc())):
                e = _row(e)
                e["entity_id"] = e.pop("id")
                e["mentions"] = ments.get(("e", e["entity_id"]), [])
                (d["persons"] if e["kind"] == "person" else d["organizations"]).append(e)
            AP, P = S.article_places, S.places
            d["locations"] = []
            for p in conn.execute(select(P.c.id, P.c.name.label("canonical"), AP.c.name, P.c.country,
                                         P.c.admin1, P.c.kind, P.c.lat, P.c.lon, P.c.geonameid,
                                         AP.c.n_mentions)
                                  .select_from(AP.join(P, P.c.id == AP.c.place_id))
                                  .where(AP.c.article_id == str(id)).order_by(AP.c.n_mentions.desc())):
                p = _row(p)
                p["place_id"] = p.pop("id")
                p["mentions"] = ments.get(("p", p["place_id"]), [])
                d["locations"].append(p)
            d["quotes"] = [_row(x) for x in conn.execute(
                select(S.quotes).where(S.quotes.c.article_id == str(id)).order_by(S.quotes.c.start))]
            d["counts"] = [_row(x) for x in conn.execute(
                select(S.counts).where(S.counts.c.article_id == str(id)).order_by(S.counts.c.start))]
            d["events"] = [_row(x) for x in conn.execute(
                select(*EVENT_COLUMNS).where(E.c.article_id == str(id)).order_by(E.c.idx))]
            return d

    # ------------------------------------------------------------------ entities, places
    def entity(self, id: int) -> dict | None:
        """One entity across the corpus: aliases, mentions_over_time [{date, n}], n_articles,
        quotes (as speaker), events_as_actor, events_as_target, co_occurring [{id, name, kind,
        n_articles}] (entities named in the same articles)."""
        if not _is_row_id(id):
            return None
        EN, AE, AL = S.entities, S.article_entities, S.entity_aliases
        with self.engine.connect() as conn:
            r = conn.execute(select(EN).where(EN.c.id == int(id))).first()
            if not r:
                return None
            d = _row(r)
            d.pop("key", None)
            d["aliases"] = sorted({a for (a,) in conn.execute(select(AL.c.alias).where(AL.c.entity_id == int(id)))}
                                  - {d["name"]})
            M = S.mentions
            d["mentions_over_time"] = [
                {"date": day, "n": int(n)} for day, n in conn.execute(
                    select(A.c.published, func.count()).select_from(M.join(A, A.c.id == M.c.article_id))
                    .where(M.c.entity_id == int(id)).group_by(A.c.published).order_by(A.c.published))]
            d["n_articles"] = int(conn.execute(select(func.count()).select_from(AE)
                                               .where(AE.c.entity_id == int(id))).scalar() or 0)
            d["articles"] = [_row(x) for x in conn.execute(
                select(A.c.id, A.c.title, A.c.source, A.c.url, A.c.published, AE.c.n_mentions)
                .select_from(AE.join(A, A.c.id == AE.c.article_id)).where(AE.c.entity_id == int(id))
                .order_by(A.c.published.desc()).limit(200))]
            Q = S.quotes
            d["quotes"] = [_row(x) for x in conn.execute(
                select(Q, *ARTICLE_BRIEF).select_from(Q.join(A, A.c.id == Q.c.article_id))
                .where(Q.c.speaker_entity_id == int(id)).order_by(A.c.published.desc()).limit(200))]
            base = select(*EVENT_COLUMNS, *ARTICLE_BRIEF).select_from(E.join(A, A.c.id == E.c.article_id))
            d["events_as_actor"] = [_row(x) for x in conn.execute(
                base.where(E.c.actor_entity_id == int(id)).order_by(E.c.day.desc()).limit(200))]
            d["events_as_target"] = [_row(x) for x in conn.execute(
                base.where(E.c.target_entity_id == int(id)).order_by(E.c.day.desc()).limit(200))]
            AE2 = AE.alias("ae2")
            d["co_occurring"] = [_row(x) for x in conn.execute(
                select(EN.c.id, EN.c.name, EN.c.kind, func.count().label("n_articles"))
                .select_from(AE.join(AE2, and_(AE2.c.article_id == AE.c.article_id,
                                               AE2.c.entity_id != AE.c.entity_id))
                             .join(EN, EN.c.id == AE2.c.entity_id))
                .where(AE.c.entity_id == int(id))
                .group_by(EN.c.id, EN.c.name, EN.c.kind)
                .order_by(func.count().desc(), EN.c.name).limit(30))]
            return d

    def places(self, q: str | None = None, limit: int | None = None) -> list[dict]:
        """Places known to the corpus: id, name, country, admin1, kind, lat, lon, geonameid,
        n_articles, n_events; most reported first."""
        P, AP = S.places, S.article_places
        n_ev = (select(func.count()).select_from(E).where(E.c.place_id == P.c.id)
                .scalar_subquery().label("n_events"))
        n_art = (select(func.count()).select_from(AP).where(AP.c.place_id == P.c.id)
                 .scalar_subquery().label("n_articles"))
        with self.engine.connect() as conn:
            sel = select(P.c.id, P.c.name, P.c.country, P.c.admin1, P.c.kind, P.c.lat, P.c.lon,
                         P.c.geonameid, n_art, n_ev)
            if q:
                sel = sel.where(P.c.id.in_(select(S.place_aliases.c.place_id)
                                           .where(S.place_aliases.c.key.like(f"%{place_key(q)}%"))))
            sel = sel.order_by(n_art.desc(), P.c.name)
            if limit is not None:
                sel = sel.limit(_bounded(limit))
            return [_row(r) for r in conn.execute(sel)]

    def place(self, id: int) -> dict | None:
        """One place: its aliases, and events located there (newest first)."""
        if not _is_row_id(id):
            return None
        P = S.places
        with self.engine.connect() as conn:
            r = conn.execute(select(P).where(P.c.id == int(id))).first()
            if not r:
                return None
            d = _row(r)
            d.pop("key", None)
            d["aliases"] = sorted({a for (a,) in conn.execute(
                select(S.place_aliases.c.alias).where(S.place_aliases.c.place_id == int(id)))})
        d["events"] = self.events(place=d["name"], limit=200)
        return d

    # ------------------------------------------------------------------ quotes, counts
    def quotes(self, speaker: str | None = None, since=None, until=None, q: str | None = None,
               article_id: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Quotes newest first with speaker, speaker_entity_id, text, evidence, offsets, article."""
        Q = S.quotes
        with self.engine.connect() as conn:
            sel = select(Q, *ARTICLE_BRIEF).select_from(Q.join(A, A.c.id == Q.c.article_id))
            if speaker:
                ids = [r[0] for r in conn.execute(select(S.entity_aliases.c.entity_id).where(
                    S.entity_aliases.c.key == name_key(speaker)))]
                sel = sel.where(or_(Q.c.speaker_entity_id.in_(ids),
                                    func.lower(Q.c.speaker).like(f"%{speaker.lower()}%")))
            sel = _published_in(sel, since, until)
            if article_id:
                sel = sel.where(Q.c.article_id == str(article_id))
            if q:
                ids = [int(h["id"]) for h in self.search(q, limit=1000) if h["kind"] == "quote"]
                sel = sel.where(Q.c.id.in_(ids))
            sel = sel.order_by(A.c.published.desc(), Q.c.id)
            if limit is not None:
                sel = sel.limit(_bounded(limit)).offset(_bounded(offset))
            return [_row(r) for r in conn.execute(sel)]

    def counts(self, category: str | None = None, since=None, until=None,
               article_id: str | None = None, limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Counts (value, category, what, approximate, qualifier, evidence, offsets, article)."""
        K = S.counts
        with self.engine.connect() as conn:
            sel = select(K, *ARTICLE_BRIEF).select_from(K.join(A, A.c.id == K.c.article_id))
            if category:
                sel = sel.where(K.c.category.in_(_listify(category)))
            sel = _published_in(sel, since, until)
            if article_id:
                sel = sel.where(K.c.article_id == str(article_id))
            sel = sel.order_by(A.c.published.desc(), K.c.id)
            if limit is not None:
                sel = sel.limit(_bounded(limit)).offset(_bounded(offset))
            out = []
            for r in conn.execute(sel):
                d = _row(r)
                if d["value"] is not None and float(d["value"]).is_integer():
                    d["value"] = int(d["value"])
                out.append(d)
            return out

    # ------------------------------------------------------------------ search
    def search(self, q: str, limit: int = 20) -> list[dict]:
        """Full text over article titles/texts and quotes, best first: kind ("article" |
        "quote"), id (article id, or quote id), article_id, title, source, url, published,
        snippet (matched words wrapped in ** **), score (higher is better)."""
        from .search import search
        return search(self.engine, q, limit=limit)

    # ------------------------------------------------------------------ overview
    def new_entities(self, since: str, until: str, limit: int = 20) -> list[dict]:
        """Entities whose first article falls in [since, until] (the report's "new actors"):
        id, name, kind, first_seen, n_articles."""
        AE, EN = S.article_entities, S.entities
        first = func.min(A.c.published)
        sel = (select(EN.c.id, EN.c.name, EN.c.kind, first.label("first_seen"),
                      func.count(AE.c.article_id).label("n_articles"))
               .select_from(AE.join(A, A.c.id == AE.c.article_id).join(EN, EN.c.id == AE.c.entity_id))
               .group_by(EN.c.id, EN.c.name, EN.c.kind)
               .having(first >= str(since)[:10]).having(first <= str(until)[:10])
               .order_by(func.count(AE.c.article_id).desc(), EN.c.name).limit(int(limit)))
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(sel)]

    def runs(self, limit: int = 50) -> list[dict]:
        """Ingest runs newest first, with their counters and status."""
        with self.engine.connect() as conn:
            return [_row(r) for r in conn.execute(select(S.runs).order_by(S.runs.c.id.desc()).limit(limit))]


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True          # it exists (owned by another user): assume it is still running
    return True


def mark_interrupted_runs(engine: Engine) -> list[int]:
    """Runs left "running" by an ingest that was killed become "interrupted": a run whose process
    (pid on this host) is gone, or one recorded before runs kept their pid. A run of another
    host, or of a live process, is left alone. Returns the ids marked."""
    import socket

    from .db import retrying, write_tx
    R = S.runs
    here = socket.gethostname()

    def tx() -> list[int]:
        with write_tx(engine) as conn:
            dead = [rid for rid, pid, host in conn.execute(
                        select(R.c.id, R.c.pid, R.c.host).where(R.c.status == "running"))
                    if pid is None or (host == here and not _process_alive(int(pid)))]
            if dead:
                conn.execute(R.update().where(R.c.id.in_(dead)).values(status="interrupted"))
            return dead
    return retrying(tx)
