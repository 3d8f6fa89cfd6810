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

import datetime as _dt
import json
import math
import os
import re
from typing import Any, Iterable, Sequence

from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from . import schema as S
from .db import StoreError, describe_error, is_postgres, make_engine, sqlite_path  # noqa: F401
from .migrations import LATEST, current_version, upgrade
from .names import name_key, place_key, simple

A, E, C = S.articles, S.events, S.event_clusters

EVENT_COLUMNS = [E.c.id, E.c.article_id, E.c.idx, E.c.type, E.c.mode, E.c.actor, E.c.target,
                 E.c.location, E.c.country, E.c.admin1, E.c.lat, E.c.lon, E.c.date, E.c.day, E.c.date_period,
                 E.c.fatalities, E.c.attributed_to, E.c.status, E.c.evidence, E.c.start, E.c.end,
                 E.c.acled_event_type, E.c.acled_sub_event_type, E.c.trigger, E.c.rule,
                 E.c.actor_country, E.c.actor_sector, E.c.target_country, E.c.target_sector,
                 E.c.actor_entity_id, E.c.target_entity_id, E.c.place_id, E.c.cluster_id, E.c.is_copy]
ARTICLE_BRIEF = [A.c.source, A.c.url, A.c.title, A.c.published]
CLUSTER_COLUMNS = [C.c.id, C.c.type, C.c.mode, C.c.date, C.c.date_min, C.c.date_max, C.c.actor,
                   C.c.target, C.c.location, C.c.country, C.c.admin1, C.c.lat, C.c.lon,
                   C.c.place_id, C.c.fatalities, C.c.fatalities_min, C.c.fatalities_max,
                   C.c.status, C.c.n_sources, C.c.n_copies, C.c.disputed,
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


MAX_INT = 2 ** 63 - 1      # the databases' INTEGER; a larger id or offset matches nothing


def _bounded(v) -> int:
    """A limit or offset the database accepts: 0 <= v <= 2^63-1 (a larger offset finds nothing)."""
    return min(max(int(v), 0), MAX_INT)


def _is_row_id(v) -> bool:
    try:
        return 0 <= int(v) <= MAX_INT
    except (TypeError, ValueError):
        return False


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
    d = dict(r._mapping)
    for k, v in d.items():
        if isinstance(v, bool) or v is None:
            continue
        if k in ("is_copy", "disputed", "direct", "approximate", "counted", "resolved"):
            d[k] = bool(v)
    return d


class FilterError(ValueError):
    """A filter value that cannot mean anything; the message names the filter and what to write."""


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_day(value: str | None, name: str = "since") -> str | None:
    """A calendar date written YYYY-MM-DD, or None; "2022-13-01" and "yesterday" are refused."""
    if value is None or str(value).strip() == "":
        return None
    v = str(value).strip()
    try:
        if not _ISO_DAY.match(v):
            raise ValueError
        return _dt.date.fromisoformat(v).isoformat()
    except ValueError:
        raise FilterError(f"{name} {value!r}: not a date (write it YYYY-MM-DD, e.g. 2022-09-22)") from None


def check_period(since: str | None, until: str | None, names=("since", "until")) -> tuple[str | None, str | None]:
    since, until = check_day(since, names[0]), check_day(until, names[1])
    if since and until and since > until:
        raise FilterError(f"{names[0]} {since} is after {names[1]} {until}")
    return since, until


def check_types(value: str | Sequence[str] | None, name: str = "type") -> str | None:
    """'assault,protest' -> 'ASSAULT,PROTEST'; an unknown type is refused with the 16 types."""
    from ..record import EVENT_TYPES

    types = [t.upper() for t in _listify(value) or []]
    bad = [t for t in types if t not in EVENT_TYPES]
    if bad:
        raise FilterError(f"{name} {', '.join(bad)}: not an event type; use one of {', '.join(EVENT_TYPES)}")
    return ",".join(types) or None


def check_statuses(value: str | Sequence[str] | None, name: str = "status") -> str | None:
    from ..record import EVENT_STATUSES

    statuses = [s.lower() for s in _listify(value) or []]
    bad = [s for s in statuses if s not in EVENT_STATUSES + ("disputed",)]
    if bad:
        raise FilterError(f"{name} {', '.join(bad)}: use one of {', '.join(EVENT_STATUSES)}")
    return ",".join(statuses) or None


def _listify(v: str | Sequence[str] | None) -> list[str] | None:
    if v is None or v == "" or v == []:
        return None
    if isinstance(v, str):
        return [x.strip() for x in v.split(",") if x.strip()]
    return [str(x) for x in v]


def parse_bbox(bbox) -> tuple[float, float, float, float] | None:
    """(min_lon, min_lat, max_lon, max_lat) from a tuple or "a,b,c,d"; ValueError when malformed."""
    if bbox is None or bbox == "":
        return None
    if isinstance(bbox, str):
        bbox = [p for p in bbox.replace(" ", ",").split(",") if p]
    try:
        vals = tuple(float(x) for x in bbox)
    except (TypeError, ValueError):
        vals = ()
    if len(vals) != 4 or not all(math.isfinite(v) for v in vals):
        raise FilterError("bbox needs 4 numbers: min_lon,min_lat,max_lon,max_lat")
    return vals  # type: ignore[return-value]


def _when_what_where(day_col, type_col, lat_col, lon_col, since, until, type, bbox) -> list:
    """The date-range, type and bounding-box conditions shared by event and cluster queries."""
    w: list = []
    if since:
        w.append(day_col >= str(since)[:10])
    if until:
        w.append(day_col <= str(until)[:10])
    types = _listify(type)
    if types:
        w.append(type_col.in_([t.upper() for t in types]))
    bb = parse_bbox(bbox)
    if bb:
        w += [lon_col >= bb[0], lat_col >= bb[1], lon_col <= bb[2], lat_col <= bb[3]]
    return w


class Store:
    """A corpus database. Cheap to create; share one per process (it holds a connection pool)."""

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

    # ------------------------------------------------------------------ filters
    @staticmethod
    def _expand(conn, aliases, id_col, key: str) -> tuple[set[str], list[int]]:
        """A name's key, widened to every alias key of the corpus entities/places it names (so
        "Dmitri Medvedev" finds "Dmitry Medvedev"): (keys, ids)."""
        keys = {key}
        ids = [r[0] for r in conn.execute(select(id_col).where(aliases.c.key == key))]
        if ids:
            keys |= {r[0] for r in conn.execute(select(aliases.c.key).where(id_col.in_(ids)))}
        return keys, ids

    def _actor_match(self, conn, actor: str, key_col, entity_col):
        AL = S.entity_aliases
        keys, ids = self._expand(conn, AL, AL.c.entity_id, name_key(actor))
        cond = key_col.in_(sorted(keys))
        if ids and entity_col is not None:
            cond = or_(cond, entity_col.in_(ids))
        return cond

    def _place_match(self, conn, place: str, loc_col, admin_col, place_col):
        PA = S.place_aliases
        keys, pids = self._expand(conn, PA, PA.c.place_id, place_key(place))
        keys_l = sorted(keys)
        cond = or_(loc_col.in_(keys_l), admin_col.in_(keys_l))
        if pids and place_col is not None:
            cond = or_(cond, place_col.in_(pids))
        return cond

    def _event_where(self, conn, since=None, until=None, type=None, actor=None, place=None,
                     bbox=None, attributed_to=None, status=None, cluster_id=None, article_id=None,
                     include_copies=True) -> list:
        w = _when_what_where(E.c.day, E.c.type, E.c.lat, E.c.lon, since, until, type, bbox)
        if actor:
            w.append(self._actor_match(conn, actor, E.c.actor_key, E.c.actor_entity_id))
        if place:
            w.append(self._place_match(conn, place, E.c.location_key, E.c.admin1_key, E.c.place_id))
        if attributed_to:
            if str(attributed_to).lower() == "none":
                w.append(E.c.attributed_to.is_(None))
            else:
                w.append(E.c.attributed_key.like(f"%{simple(attributed_to)}%"))
        statuses = _listify(status)
        if statuses:
            w.append(E.c.status.in_([s.lower() for s in statuses]))
        if cluster_id is not None:
            w.append(E.c.cluster_id == _bounded(cluster_id))
        if article_id is not None:
            w.append(E.c.article_id == str(article_id))
        if not include_copies:
            w.append(E.c.is_copy.is_(False))
        return w

    # ------------------------------------------------------------------ events
    def events(self, since=None, until=None, type=None, actor=None, place=None, bbox=None,
               attributed_to=None, status=None, cluster_id=None, article_id=None,
               include_copies: bool = True, limit: int | None = 100, offset: int = 0,
               order: str = "desc") -> list[dict]:
        """Events as reported, newest day first (order="asc" for oldest first), each with its
        article's source, url, title, published and its cluster_id."""
        with self.engine.connect() as conn:
            w = self._event_where(conn, since, until, type, actor, place, bbox, attributed_to,
                                  status, cluster_id, article_id, include_copies)
            orders = ((E.c.day.asc(), E.c.id.asc()) if order == "asc" else (E.c.day.desc(), E.c.id.desc()))
            # two steps: the page of ids from the (covering) indexes, then only those rows
            ids_q = select(E.c.id)
            if w:
                ids_q = ids_q.where(and_(*w))
            ids_q = ids_q.order_by(*orders)
            if limit is not None:
                ids_q = ids_q.limit(_bounded(limit)).offset(_bounded(offset))
            ids = [r[0] for r in conn.execute(ids_q)]
            if not ids:
                return []
            q = (select(*EVENT_COLUMNS, *ARTICLE_BRIEF).select_from(E.join(A, A.c.id == E.c.article_id))
                 .where(E.c.id.in_(ids)).order_by(*orders))
            return [_row(r) for r in conn.execute(q)]

    def count_events(self, **filters) -> int:
        """How many events match the same filters as `events` (for pagination)."""
        filters.pop("limit", None), filters.pop("offset", None), filters.pop("order", None)
        with self.engine.connect() as conn:
            w = self._event_where(conn, **filters)
            q = select(func.count()).select_from(E)
            if w:
                q = q.where(and_(*w))
            return int(conn.execute(q).scalar() or 0)

    def event(self, id: int) -> dict | None:
        if not _is_row_id(id):
            return None
        with self.engine.connect() as conn:
            r = conn.execute(select(*EVENT_COLUMNS, *ARTICLE_BRIEF)
                             .select_from(E.join(A, A.c.id == E.c.article_id))
                             .where(E.c.id == int(id))).first()
            return _row(r) if r else None

    # ------------------------------------------------------------------ clusters
    def _cluster_where(self, conn, since=None, until=None, type=None, actor=None, place=None,
                       bbox=None, attributed_to=None, status=None, disputed: bool | None = None,
                       min_sources: int | None = None) -> list:
        w = _when_what_where(C.c.date, C.c.type, C.c.lat, C.c.lon, since, until, type, bbox)
        if actor:
            w.append(or_(self._actor_match(conn, actor, C.c.actor_key, None),
                         C.c.id.in_(select(E.c.cluster_id).where(
                             self._actor_match(conn, actor, E.c.actor_key, E.c.actor_entity_id)))))
        if place:
            w.append(self._place_match(conn, place, C.c.location_key, C.c.admin1_key, C.c.place_id))
        if attributed_to or status:
            # a cluster with such a report: probed per cluster on (cluster_id, status), so a
            # newest-first page stops after a page of matches instead of listing every report
            sub = self._event_where(conn, attributed_to=attributed_to, status=status)
            w.append(select(E.c.id).where(E.c.cluster_id == C.c.id, *sub).exists())
        if disputed is not None:
            w.append(C.c.disputed.is_(bool(disputed)))
        if min_sources:
            w.append(C.c.n_sources >= int(min_sources))
        return w

    def event_clusters(self, since=None, until=None, type=None, actor=None, place=None, bbox=None,
                       attributed_to=None, status=None, disputed: bool | None = None,
                       min_sources: int | None = None, limit: int | None = 100, offset: int = 0,
                       order: str = "desc", with_reports: bool = False) -> list[dict]:
        """Real-world events: one row per cluster of reports, with n_sources (distinct
        non-copy articles), n_copies, the agreed fatalities (None when disputed; then see
        fatalities_min/max and `cluster(id)["disputes"]`) and `disputed`. `with_reports`: each
        row also lists its `reports` (the articles' events, oldest first, with source and url)."""
        with self.engine.connect() as conn:
            w = self._cluster_where(conn, since, until, type, actor, place, bbox, attributed_to, status,
                                    disputed, min_sources)
            q = select(*CLUSTER_COLUMNS)
            if w:
                q = q.where(and_(*w))
            q = q.order_by(C.c.date.asc() if order == "asc" else C.c.date.desc(),
                           C.c.id.asc() if order == "asc" else C.c.id.desc())
            if limit is not None:
                q = q.limit(_bounded(limit)).offset(_bounded(offset))
            rows = [_row(r) for r in conn.execute(q)]
            if with_reports and rows:
                reports = self._reports_of(conn, [r["id"] for r in rows])
                for r in rows:
                    r["reports"] = reports.get(r["id"], [])
            return rows

    def cluster_points(self, since=None, until=None, type=None, actor=None, place=None, bbox=None,
                       attributed_to=None, status=None, disputed: bool | None = None,
                       limit: int | None = 200000) -> list[tuple]:
        """The located clusters for a map, newest first, as light tuples (id, date, type,
        location, country, lat, lon, place_kind): the same filters and order as
        `event_clusters`, without the columns and dicts a map does not need."""
        P = S.places
        with self.engine.connect() as conn:
            w = self._cluster_where(conn, since, until, type, actor, place, bbox, attributed_to, status, disputed)
            q = (select(C.c.id, C.c.date, C.c.type, C.c.location, C.c.country, C.c.lat, C.c.lon, P.c.kind)
                 .select_from(C.outerjoin(P, P.c.id == C.c.place_id))
                 .where(C.c.lat.is_not(None), C.c.lon.is_not(None), *w)
                 .order_by(C.c.date.desc(), C.c.id.desc()))
            if limit is not None:
                q = q.limit(_bounded(limit))
            return [tuple(r) for r in conn.execute(q).all()]

    def count_clusters(self, **filters) -> int:
        """How many clusters match the same filters as `event_clusters` (for "3 of 70 events")."""
        for k in ("limit", "offset", "order", "with_reports"):
            filters.pop(k, None)
        with self.engine.connect() as conn:
            w = self._cluster_where(conn, **filters)
            q = select(func.count()).select_from(C)
            if w:
                q = q.where(and_(*w))
            return int(conn.execute(q).scalar() or 0)

    def _reports_of(self, conn, cluster_ids: list[int]) -> dict[int, list[dict]]:
        ES = S.event_sources
        q = (select(*EVENT_COLUMNS, *ARTICLE_BRIEF, ES.c.counted)
             .select_from(ES.join(E, E.c.id == ES.c.event_id).join(A, A.c.id == E.c.article_id))
             .where(ES.c.cluster_id.in_(cluster_ids)).order_by(A.c.published, E.c.id))
        out: dict[int, list[dict]] = {}
        for x in conn.execute(q):
            d = _row(x)
            out.setdefault(d["cluster_id"], []).append(d)
        return out

    def cluster(self, id: int) -> dict | None:
        """One real-world event: its summary, every source report (with evidence, source, url,
        whether it counted or was a syndicated copy) and its disputes."""
        if not _is_row_id(id):
            return None
        with self.engine.connect() as conn:
            r = conn.execute(select(*CLUSTER_COLUMNS).where(C.c.id == int(id))).first()
            if not r:
                return None
            d = _row(r)
            d["sources"] = self._reports_of(conn, [int(id)]).get(int(id), [])
            d["disputes"] = self._disputes_of(conn, [int(id)]).get(int(id), [])
            return d

    def _disputes_of(self, conn, cluster_ids: list[int]) -> dict[int, list[dict]]:
        out: dict[int, list[dict]] = {}
        if not cluster_ids:
            return out
        for r in conn.execute(select(S.disputes).where(S.disputes.c.cluster_id.in_(cluster_ids))
                              .order_by(S.disputes.c.id)):
            d = _row(r)
            d["versions"] = json.loads(d["versions"])
            out.setdefault(d["cluster_id"], []).append(d)
        return out

    def disputes(self, since=None, until=None, type=None, field: str | None = None,
                 limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Clusters whose sources disagree: one row per (cluster, field) with every version and
        its sources (article_id, source, url, event_id, evidence, attributed_to). Never averaged."""
        D = S.disputes
        with self.engine.connect() as conn:
            q = select(D.c.id, D.c.cluster_id, D.c.field, D.c.versions, D.c.updated_at,
                       *[c.label(f"cluster_{c.name}") for c in CLUSTER_COLUMNS if c.name != "id"]) \
                .select_from(D.join(C, C.c.id == D.c.cluster_id))
            if since:
                q = q.where(C.c.date >= str(since)[:10])
            if until:
                q = q.where(C.c.date <= str(until)[:10])
            types = _listify(type)
            if types:
                q = q.where(C.c.type.in_([t.upper() for t in types]))
            if field:
                q = q.where(D.c.field == field)
            q = q.order_by(C.c.date.desc(), D.c.cluster_id.desc(), D.c.field)
            if limit is not None:
                q = q.limit(_bounded(limit)).offset(_bounded(offset))
            out = []
            for r in conn.execute(q):
                d = _row(r)
                d["versions"] = json.loads(d["versions"])
                d["cluster_disputed"] = bool(d.get("cluster_disputed"))
                out.append(d)
            return out

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
            if since:
                sel = sel.where(A.c.published >= str(since)[:10])
            if until:
                sel = sel.where(A.c.published <= str(until)[:10])
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
    def entities(self, kind: str | None = None, top: int | None = None, q: str | None = None,
                 offset: int = 0) -> list[dict]:
        """Corpus-level entities, most widely reported first: id, kind, name, country, role,
        n_articles, n_mentions. `kind`: person | organization; `q`: name/alias substring."""
        EN, AE = S.entities, S.article_entities
        with self.engine.connect() as conn:
            sel = (select(EN.c.id, EN.c.kind, EN.c.name, EN.c.country, EN.c.role,
                          func.count(AE.c.article_id).label("n_articles"),
                          func.coalesce(func.sum(AE.c.n_mentions), 0).label("n_mentions"))
                   .select_from(EN.outerjoin(AE, AE.c.entity_id == EN.c.id))
                   .group_by(EN.c.id, EN.c.kind, EN.c.name, EN.c.country, EN.c.role))
            if kind:
                sel = sel.where(EN.c.kind == kind)
            if q:
                k = name_key(q)
                sel = sel.where(EN.c.id.in_(select(S.entity_aliases.c.entity_id)
                                            .where(S.entity_aliases.c.key.like(f"%{k}%"))))
            sel = sel.order_by(func.count(AE.c.article_id).desc(), EN.c.name)
            if top is not None:
                sel = sel.limit(_bounded(top)).offset(_bounded(offset))
            return [_row(r) for r in conn.execute(sel)]

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
            if since:
                sel = sel.where(A.c.published >= str(since)[:10])
            if until:
                sel = sel.where(A.c.published <= str(until)[:10])
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
            if since:
                sel = sel.where(A.c.published >= str(since)[:10])
            if until:
                sel = sel.where(A.c.published <= str(until)[:10])
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
    def stats(self, since=None, until=None) -> dict:
        """Counts for dashboards: articles, copies, events (reports), clusters (real events),
        disputes, entities, places, errors; runs {status: n} (done, interrupted, ...); by_day [{date, events, reports}] (events = clusters,
        reports = non-copy event reports), by_type [{type, events, fatalities}], by_region
        [{country, admin1, events}], by_source [{source, articles}]. The per-day, per-type and
        per-region counts are kept at ingest (store/overview.py), never recounted here."""
        from . import overview
        with self.engine.connect() as conn:
            def n(sel):
                return int(conn.execute(sel).scalar() or 0)

            aw = []
            if since:
                aw.append(A.c.published >= str(since)[:10])
            if until:
                aw.append(A.c.published <= str(until)[:10])
            out: dict[str, Any] = {
                "articles": n(select(func.count()).select_from(A).where(*aw)),
                "copies": n(select(func.count()).select_from(A).where(A.c.copy_of.is_not(None), *aw)),
                "entities": n(select(func.count()).select_from(S.entities)),
                "places": n(select(func.count()).select_from(S.places)),
                "errors": n(select(func.count()).select_from(S.ingest_errors)
                            .where(S.ingest_errors.c.resolved.is_(False))),
                **overview.read(conn, since, until),
            }
            out["runs"] = {st: int(k) for st, k in conn.execute(
                select(S.runs.c.status, func.count()).group_by(S.runs.c.status).order_by(S.runs.c.status))}
            out["by_source"] = [{"source": s, "articles": int(k)} for s, k in conn.execute(
                select(A.c.source, func.count()).where(*aw).group_by(A.c.source)
                .order_by(func.count().desc()))]
            return out

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

    def errors(self, run_id: int | None = None, include_resolved: bool = False,
               limit: int | None = 1000) -> list[dict]:
        """Inputs that failed (origin, kind, message, run_id, created_at), newest first."""
        T = S.ingest_errors
        with self.engine.connect() as conn:
            sel = select(T)
            if run_id is not None:
                sel = sel.where(T.c.run_id == int(run_id))
            if not include_resolved:
                sel = sel.where(T.c.resolved.is_(False))
            sel = sel.order_by(T.c.id.desc())
            if limit is not None:
                sel = sel.limit(_bounded(limit))
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
