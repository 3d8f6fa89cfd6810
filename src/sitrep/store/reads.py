"""The read queries of the event listings and the query commands, written once as SQL text.

`Reads` holds the listings (`events`, `event_clusters`, `cluster`, `cluster_points`, their
counts, `entities`, `disputes`, `errors`) as SQL text with ``:name`` parameters, which both the
SQLAlchemy store (`query.Store`, SQLite and PostgreSQL, through ``text()``) and the plain
``sqlite3`` reader (`lite.LiteStore`, used by a query command on a SQLite file, without
importing SQLAlchemy) run: the same SQL, so the same rows. A store supplies `_reading()`: a
context manager giving one connection's ``fetch(sql, params) -> (column names, rows)``.

The SQL is the portable subset both databases read alike: ``IS TRUE`` / ``IS FALSE`` for the
boolean columns, quoted names for the words one of them reserves ("key", "end", "trigger").
No SQLAlchemy here.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from .filters import FilterError, listify, parse_bbox  # noqa: F401
from .names import name_key, place_key, simple

MAX_INT = 2 ** 63 - 1      # the databases' INTEGER; a larger id or offset matches nothing

EVENT_COLUMNS = ("id", "article_id", "idx", "type", "mode", "actor", "target", "location", "country", "admin1",
                 "lat", "lon", "date", "day", "date_period", "fatalities", "attributed_to", "status", "evidence",
                 "start", "end", "acled_event_type", "acled_sub_event_type", "trigger", "rule", "actor_country",
                 "actor_sector", "target_country", "target_sector", "actor_entity_id", "target_entity_id",
                 "place_id", "cluster_id", "is_copy")
ARTICLE_BRIEF = ("source", "url", "title", "published")
CLUSTER_COLUMNS = ("id", "type", "mode", "date", "date_min", "date_max", "actor", "target", "location", "country",
                   "admin1", "lat", "lon", "place_id", "fatalities", "fatalities_min", "fatalities_max", "status",
                   "n_sources", "n_copies", "disputed")
ERROR_COLUMNS = ("id", "run_id", "origin", "kind", "message", "created_at", "resolved")
#: the kind of a cluster's place, listed with every cluster (a column of `CLUSTER_COLUMNS`' rows)
PLACE_KIND = "(SELECT places.kind FROM places WHERE places.id = event_clusters.place_id)"
BOOLEANS = ("is_copy", "disputed", "direct", "approximate", "counted", "resolved")
_RESERVED = {"key", "end", "trigger"}

Fetch = Callable[[str, dict], "tuple[list[str], list]"]


def ident(name: str) -> str:
    return f'"{name}"' if name in _RESERVED else name


def columns(table: str, names, prefix: str = "") -> str:
    """"events.id AS id, events."end" AS "end", ..." (`prefix`: labels cluster_type, ...)."""
    return ", ".join(f"{table}.{ident(n)} AS {ident(prefix + n)}" for n in names)


EVENT_SELECT = f"{columns('events', EVENT_COLUMNS)}, {columns('articles', ARTICLE_BRIEF)}"
CLUSTER_SELECT = f"{columns('event_clusters', CLUSTER_COLUMNS)}, {PLACE_KIND} AS place_kind"
EVENTS_WITH_ARTICLE = "events JOIN articles ON articles.id = events.article_id"


def bounded(v) -> int:
    """A limit or offset the database accepts: 0 <= v <= 2^63-1 (a larger offset finds nothing)."""
    return min(max(int(v), 0), MAX_INT)


def is_row_id(v) -> bool:
    try:
        return 0 <= int(v) <= MAX_INT
    except (TypeError, ValueError):
        return False


def row_dict(names, values) -> dict[str, Any]:
    """One row as the store returns it: a dict, the boolean columns as bools."""
    d = dict(zip(names, values))
    for k in BOOLEANS:
        v = d.get(k)
        if v is not None and not isinstance(v, bool):
            d[k] = bool(v)
    return d


def dicts(result) -> list[dict[str, Any]]:
    names, rows = result
    return [row_dict(names, r) for r in rows]


class Sql:
    """The parameters of one statement being written: `bind(v)` -> ":p0", `among(col, vs)` ->
    "col IN (:p1, :p2)"."""

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}

    def bind(self, value) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return ":" + name

    def among(self, col: str, values) -> str:
        return f"{col} IN ({', '.join(self.bind(v) for v in values)})"

    def page(self, limit, offset=0) -> str:
        """" LIMIT :p OFFSET :p" (nothing for no limit)."""
        if limit is None:
            return ""
        return f" LIMIT {self.bind(bounded(limit))} OFFSET {self.bind(bounded(offset))}"


def where(conds: list[str]) -> str:
    return " WHERE " + " AND ".join(conds) if conds else ""


def day_range(q: Sql, column: str, since, until, also: str = "") -> list[str]:
    """The conditions that `column` (a day, "YYYY-MM-DD") is in [since, until], each followed by
    `also`; none for an open end."""
    w = []
    if since:
        w.append(f"{column} >= {q.bind(str(since)[:10])}{also}")
    if until:
        w.append(f"{column} <= {q.bind(str(until)[:10])}{also}")
    return w


def when_what_where(q: Sql, table: str, day_col: str, since, until, type, bbox) -> list[str]:
    """The date-range, type and bounding-box conditions shared by event and cluster queries."""
    w = day_range(q, f"{table}.{day_col}", since, until)
    types = listify(type)
    if types:
        w.append(q.among(f"{table}.type", [t.upper() for t in types]))
    bb = parse_bbox(bbox)
    if bb:
        w += [f"{table}.lon >= {q.bind(bb[0])}", f"{table}.lat >= {q.bind(bb[1])}",
              f"{table}.lon <= {q.bind(bb[2])}", f"{table}.lat <= {q.bind(bb[3])}"]
    return w


def expand(fetch: Fetch, table: str, id_col: str, key: str) -> tuple[set[str], list[int]]:
    """A name's key, widened to every alias key of the corpus entities/places it names (so
    "Dmitri Medvedev" finds "Dmitry Medvedev"): (keys, ids)."""
    keys = {key}
    ids = [r[0] for r in fetch(f'SELECT {id_col} FROM {table} WHERE "key" = :k', {"k": key})[1]]
    if ids:
        q = Sql()
        keys |= {r[0] for r in fetch(f'SELECT "key" FROM {table} WHERE {q.among(id_col, ids)}', q.params)[1]}
    return keys, ids


def name_match(q: Sql, keys: set[str], ids: list[int], key_cols: tuple[str, ...], id_col: str | None) -> str:
    """Any of `key_cols` among the keys, or `id_col` among the ids."""
    ks = sorted(keys)
    conds = [q.among(c, ks) for c in key_cols]
    if ids and id_col is not None:
        conds.append(q.among(id_col, ids))
    return conds[0] if len(conds) == 1 else "(" + " OR ".join(conds) + ")"


class Reads:
    """The listings, over `self._reading()` (see the module's docstring)."""

    def _reading(self):                                  # pragma: no cover - each store has its own
        raise NotImplementedError

    # ------------------------------------------------------------------ filters
    def _actor_keys(self, fetch: Fetch, actor: str) -> tuple[set[str], list[int]]:
        return expand(fetch, "entity_aliases", "entity_id", name_key(actor))

    def _place_cond(self, fetch: Fetch, q: Sql, place: str, table: str, place_col: str | None) -> str:
        keys, pids = expand(fetch, "place_aliases", "place_id", place_key(place))
        return name_match(q, keys, pids, (f"{table}.location_key", f"{table}.admin1_key"),
                          f"{table}.{place_col}" if place_col else None)

    def _event_where(self, fetch: Fetch, q: Sql, since=None, until=None, type=None, actor=None, place=None,
                     bbox=None, attributed_to=None, status=None, cluster_id=None, article_id=None,
                     include_copies=True) -> list[str]:
        w = when_what_where(q, "events", "day", since, until, type, bbox)
        if actor:
            keys, ids = self._actor_keys(fetch, actor)
            w.append(name_match(q, keys, ids, ("events.actor_key",), "events.actor_entity_id"))
        if place:
            w.append(self._place_cond(fetch, q, place, "events", "place_id"))
        if attributed_to:
            if str(attributed_to).lower() == "none":
                w.append("events.attributed_to IS NULL")
            else:
                w.append(f"events.attributed_key LIKE {q.bind(f'%{simple(attributed_to)}%')}")
        statuses = listify(status)
        if statuses:
            w.append(q.among("events.status", [s.lower() for s in statuses]))
        if cluster_id is not None:
            w.append(f"events.cluster_id = {q.bind(bounded(cluster_id))}")
        if article_id is not None:
            w.append(f"events.article_id = {q.bind(str(article_id))}")
        if not include_copies:
            w.append("events.is_copy IS FALSE")
        return w

    def _cluster_where(self, fetch: Fetch, q: Sql, since=None, until=None, type=None, actor=None, place=None,
                       bbox=None, attributed_to=None, status=None, disputed: bool | None = None,
                       min_sources: int | None = None) -> list[str]:
        w = when_what_where(q, "event_clusters", "date", since, until, type, bbox)
        if actor:
            keys, ids = self._actor_keys(fetch, actor)
            own = name_match(q, keys, ids, ("event_clusters.actor_key",), None)
            reported = name_match(q, keys, ids, ("events.actor_key",), "events.actor_entity_id")
            w.append(f"({own} OR event_clusters.id IN (SELECT events.cluster_id FROM events WHERE {reported}))")
        if place:
            w.append(self._place_cond(fetch, q, place, "event_clusters", "place_id"))
        if attributed_to or status:
            # a cluster with such a report: probed per cluster on (cluster_id, status), so a
            # newest-first page stops after a page of matches instead of listing every report
            sub = self._event_where(fetch, q, attributed_to=attributed_to, status=status)
            w.append("EXISTS (SELECT events.id FROM events WHERE events.cluster_id = event_clusters.id AND "
                     + " AND ".join(sub) + ")")
        if disputed is not None:
            w.append("event_clusters.disputed IS " + ("TRUE" if disputed else "FALSE"))
        if min_sources:
            w.append(f"event_clusters.n_sources >= {q.bind(int(min_sources))}")
        return w

    # ------------------------------------------------------------------ events
    def events(self, since=None, until=None, type=None, actor=None, place=None, bbox=None,
               attributed_to=None, status=None, cluster_id=None, article_id=None,
               include_copies: bool = True, limit: int | None = 100, offset: int = 0,
               order: str = "desc") -> list[dict]:
        """Events as reported, newest day first (order="asc" for oldest first), each with its
        article's source, url, title, published and its cluster_id."""
        way = "ASC" if order == "asc" else "DESC"
        orders = f" ORDER BY events.day {way}, events.id {way}"
        with self._reading() as fetch:
            q = Sql()
            w = self._event_where(fetch, q, since, until, type, actor, place, bbox, attributed_to,
                                  status, cluster_id, article_id, include_copies)
            # two steps: the page of ids from the (covering) indexes, then only those rows
            sql = f"SELECT events.id AS id FROM events{where(w)}{orders}{q.page(limit, offset)}"
            ids = [r[0] for r in fetch(sql, q.params)[1]]
            if not ids:
                return []
            q = Sql()
            return dicts(fetch(f"SELECT {EVENT_SELECT} FROM {EVENTS_WITH_ARTICLE} WHERE "
                               f"{q.among('events.id', ids)}{orders}", q.params))

    def count_events(self, **filters) -> int:
        """How many events match the same filters as `events` (for pagination)."""
        filters.pop("limit", None), filters.pop("offset", None), filters.pop("order", None)
        with self._reading() as fetch:
            q = Sql()
            w = self._event_where(fetch, q, **filters)
            return int(fetch(f"SELECT count(*) AS n FROM events{where(w)}", q.params)[1][0][0] or 0)

    def event(self, id: int) -> dict | None:
        if not is_row_id(id):
            return None
        with self._reading() as fetch:
            rows = dicts(fetch(f"SELECT {EVENT_SELECT} FROM {EVENTS_WITH_ARTICLE} WHERE events.id = :id",
                               {"id": int(id)}))
            return rows[0] if rows else None

    # ------------------------------------------------------------------ clusters
    def event_clusters(self, since=None, until=None, type=None, actor=None, place=None, bbox=None,
                       attributed_to=None, status=None, disputed: bool | None = None,
                       min_sources: int | None = None, limit: int | None = 100, offset: int = 0,
                       order: str = "desc", with_reports: bool = False) -> list[dict]:
        """Real-world events: one row per cluster of reports, with n_sources (distinct
        non-copy articles), n_copies, the agreed fatalities (None when disputed; then see
        fatalities_min/max and `cluster(id)["disputes"]`) and `disputed`. `with_reports`: each
        row also lists its `reports` (the articles' events, oldest first, with source and url)."""
        way = "ASC" if order == "asc" else "DESC"
        with self._reading() as fetch:
            q = Sql()
            w = self._cluster_where(fetch, q, since, until, type, actor, place, bbox, attributed_to, status,
                                    disputed, min_sources)
            rows = dicts(fetch(f"SELECT {CLUSTER_SELECT} FROM event_clusters{where(w)} ORDER BY "
                               f"event_clusters.date {way}, event_clusters.id {way}{q.page(limit, offset)}",
                               q.params))
            if with_reports and rows:
                reports = self._reports_of(fetch, [r["id"] for r in rows])
                for r in rows:
                    r["reports"] = reports.get(r["id"], [])
            return rows

    def cluster_points(self, since=None, until=None, type=None, actor=None, place=None, bbox=None,
                       attributed_to=None, status=None, disputed: bool | None = None,
                       limit: int | None = 200000) -> list[tuple]:
        """The located clusters for a map, newest first, as light tuples (id, date, type,
        location, country, lat, lon, place_kind): the same filters and order as
        `event_clusters`, without the columns and dicts a map does not need."""
        with self._reading() as fetch:
            q = Sql()
            w = ["event_clusters.lat IS NOT NULL", "event_clusters.lon IS NOT NULL",
                 *self._cluster_where(fetch, q, since, until, type, actor, place, bbox, attributed_to, status,
                                      disputed)]
            page = f" LIMIT {q.bind(bounded(limit))}" if limit is not None else ""
            sql = ("SELECT event_clusters.id, event_clusters.date, event_clusters.type, event_clusters.location, "
                   "event_clusters.country, event_clusters.lat, event_clusters.lon, places.kind FROM event_clusters "
                   "LEFT OUTER JOIN places ON places.id = event_clusters.place_id" + where(w)
                   + " ORDER BY event_clusters.date DESC, event_clusters.id DESC" + page)
            return [tuple(r) for r in fetch(sql, q.params)[1]]

    def count_clusters(self, **filters) -> int:
        """How many clusters match the same filters as `event_clusters` (for "3 of 70 events")."""
        for k in ("limit", "offset", "order", "with_reports"):
            filters.pop(k, None)
        with self._reading() as fetch:
            q = Sql()
            w = self._cluster_where(fetch, q, **filters)
            return int(fetch(f"SELECT count(*) AS n FROM event_clusters{where(w)}", q.params)[1][0][0] or 0)

    def _reports_of(self, fetch: Fetch, cluster_ids: list[int]) -> dict[int, list[dict]]:
        q = Sql()
        sql = (f"SELECT {EVENT_SELECT}, event_sources.counted AS counted FROM event_sources "
               f"JOIN events ON events.id = event_sources.event_id JOIN articles ON articles.id = events.article_id "
               f"WHERE {q.among('event_sources.cluster_id', cluster_ids)} ORDER BY articles.published, events.id")
        out: dict[int, list[dict]] = {}
        for d in dicts(fetch(sql, q.params)):
            out.setdefault(d["cluster_id"], []).append(d)
        return out

    def _disputes_of(self, fetch: Fetch, cluster_ids: list[int]) -> dict[int, list[dict]]:
        out: dict[int, list[dict]] = {}
        if not cluster_ids:
            return out
        q = Sql()
        sql = (f"SELECT {columns('disputes', ('id', 'cluster_id', 'field', 'versions', 'updated_at'))} "
               f"FROM disputes WHERE {q.among('disputes.cluster_id', cluster_ids)} ORDER BY disputes.id")
        for d in dicts(fetch(sql, q.params)):
            d["versions"] = json.loads(d["versions"])
            out.setdefault(d["cluster_id"], []).append(d)
        return out

    def disputes_of(self, cluster_ids: list[int]) -> dict[int, list[dict]]:
        """Each cluster's disputes (field, versions with their sources), by cluster id."""
        with self._reading() as fetch:
            return self._disputes_of(fetch, list(cluster_ids))

    def cluster(self, id: int) -> dict | None:
        """One real-world event: its summary, every source report (with evidence, source, url,
        whether it counted or was a syndicated copy) and its disputes."""
        if not is_row_id(id):
            return None
        with self._reading() as fetch:
            rows = dicts(fetch(f"SELECT {CLUSTER_SELECT} FROM event_clusters WHERE event_clusters.id = :id",
                               {"id": int(id)}))
            if not rows:
                return None
            d = rows[0]
            d["sources"] = self._reports_of(fetch, [int(id)]).get(int(id), [])
            d["disputes"] = self._disputes_of(fetch, [int(id)]).get(int(id), [])
            return d

    def disputes(self, since=None, until=None, type=None, field: str | None = None,
                 limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Clusters whose sources disagree: one row per (cluster, field) with every version and
        its sources (article_id, source, url, event_id, evidence, attributed_to). Never averaged."""
        q = Sql()
        w = when_what_where(q, "event_clusters", "date", since, until, type, None)
        if field:
            w.append(f"disputes.field = {q.bind(field)}")
        sql = (f"SELECT {columns('disputes', ('id', 'cluster_id', 'field', 'versions', 'updated_at'))}, "
               f"{columns('event_clusters', CLUSTER_COLUMNS[1:], 'cluster_')}, {PLACE_KIND} AS cluster_place_kind "
               f"FROM disputes JOIN event_clusters ON event_clusters.id = disputes.cluster_id{where(w)} "
               f"ORDER BY event_clusters.date DESC, disputes.cluster_id DESC, disputes.field{q.page(limit, offset)}")
        with self._reading() as fetch:
            out = dicts(fetch(sql, q.params))
        for d in out:
            d["versions"] = json.loads(d["versions"])
            d["cluster_disputed"] = bool(d.get("cluster_disputed"))
        return out

    # ------------------------------------------------------------------ overview
    def stats(self, since=None, until=None) -> dict:
        """Counts for dashboards: articles, copies, events (reports), clusters (real events),
        disputes, entities, places, errors; runs {status: n} (done, interrupted, ...); by_day
        [{date, events, reports}] (events = clusters, reports = non-copy event reports), by_type
        [{type, events, fatalities}], by_region [{country, admin1, events}], by_source [{source,
        articles}]. The per-day, per-type and per-region counts are kept at ingest
        (store/overview.py), never recounted here."""
        with self._reading() as fetch:
            return corpus_stats(fetch, since, until)

    # ------------------------------------------------------------------ entities, errors
    def entities(self, kind: str | None = None, top: int | None = None, q: str | None = None,
                 offset: int = 0) -> list[dict]:
        """Corpus-level entities, most widely reported first: id, kind, name, country, role,
        n_articles, n_mentions. `kind`: person | organization; `q`: name/alias substring."""
        s = Sql()
        w = []
        if kind:
            w.append(f"entities.kind = {s.bind(kind)}")
        if q:
            w.append("entities.id IN (SELECT entity_aliases.entity_id FROM entity_aliases WHERE "
                     f"entity_aliases.\"key\" LIKE {s.bind(f'%{name_key(q)}%')})")
        sql = ("SELECT entities.id AS id, entities.kind AS kind, entities.name AS name, entities.country AS country, "
               "entities.role AS role, count(article_entities.article_id) AS n_articles, "
               "coalesce(sum(article_entities.n_mentions), 0) AS n_mentions FROM entities LEFT OUTER JOIN "
               "article_entities ON article_entities.entity_id = entities.id" + where(w)
               + " GROUP BY entities.id, entities.kind, entities.name, entities.country, entities.role"
               " ORDER BY count(article_entities.article_id) DESC, entities.name" + s.page(top, offset))
        with self._reading() as fetch:
            return dicts(fetch(sql, s.params))

    def errors(self, run_id: int | None = None, include_resolved: bool = False,
               limit: int | None = 1000) -> list[dict]:
        """Inputs that failed (origin, kind, message, run_id, created_at), newest first."""
        q = Sql()
        w = []
        if run_id is not None:
            w.append(f"ingest_errors.run_id = {q.bind(int(run_id))}")
        if not include_resolved:
            w.append("ingest_errors.resolved IS FALSE")
        page = f" LIMIT {q.bind(bounded(limit))}" if limit is not None else ""
        sql = (f"SELECT {columns('ingest_errors', ERROR_COLUMNS)} FROM ingest_errors{where(w)} "
               f"ORDER BY ingest_errors.id DESC{page}")
        with self._reading() as fetch:
            return dicts(fetch(sql, q.params))


def unique(values) -> list:
    """The true values in first-seen order, each once."""
    out = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


def dispute_text(disputes: list[dict]) -> str:
    """'fatalities: 1 [A, B] | 3 [C]; status: occurred [A] | denied [D]' — every version, its sources."""
    parts = []
    for d in disputes:
        vs = " | ".join(f"{v['value']} [{', '.join(unique(s.get('source') or s.get('article_id') for s in v['sources']))}]"
                        for v in d["versions"])
        parts.append(f"{d['field']}: {vs}")
    return "; ".join(parts)


@contextmanager
def dbapi_reading(conn) -> Iterator[Fetch]:
    """`fetch` over a DB-API connection whose driver takes ``:name`` parameters (sqlite3)."""
    def fetch(sql: str, params: dict):
        cur = conn.execute(sql, params)
        return [d[0] for d in cur.description], cur.fetchall()
    yield fetch


# ---------------------------------------------------------------------- the overview's counts
FATALITIES = "coalesce(event_clusters.fatalities, event_clusters.fatalities_min, 0)"


def _ranged(fetch: Fetch, since, until) -> tuple[list, list]:
    """Types and regions of the clusters dated in [since, until] (a filtered overview)."""
    q = Sql()
    w = ["event_clusters.date IS NOT NULL", *day_range(q, "event_clusters.date", since, until)]
    types = [(t, n, int(f or 0)) for t, n, f in fetch(
        f"SELECT event_clusters.type, count(*), sum({FATALITIES}) FROM event_clusters{where(w)} "
        "GROUP BY event_clusters.type", q.params)[1]]
    regions = [(c or "", a or "", n) for c, a, n in fetch(
        f"SELECT event_clusters.country, event_clusters.admin1, count(*) FROM event_clusters{where(w)} "
        "GROUP BY event_clusters.country, event_clusters.admin1", q.params)[1]]
    return types, regions


def overview(fetch: Fetch, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The overview's parts of `stats`: reports, events, disputed, by_day, by_type, by_region,
    from the counts kept at ingest (`overview.py`); a date range counts its clusters' types
    and regions."""
    q = Sql()
    w = ["overview_counts.what = 'day'",
         *day_range(q, "overview_counts.day", since, until, also=" AND overview_counts.day != ''")]
    days = [{"date": d or None, "events": n, "reports": r, "_disputed": x} for d, n, r, x in fetch(
        "SELECT overview_counts.day, overview_counts.n, overview_counts.reports, overview_counts.disputed "
        f"FROM overview_counts{where(w)}", q.params)[1]]
    if since or until:
        types, regions = _ranged(fetch, since, until)
    else:
        types = [tuple(r) for r in fetch("SELECT type, n, fatalities FROM overview_counts "
                                         "WHERE what = 'type' AND n > 0", {})[1]]
        regions = [tuple(r) for r in fetch("SELECT country, admin1, n FROM overview_counts "
                                           "WHERE what = 'region' AND n > 0", {})[1]]
    out = {"reports": sum(d["reports"] for d in days), "events": sum(d["events"] for d in days),
           "disputed": sum(d.pop("_disputed") for d in days)}
    return {
        **out,
        "by_day": sorted((d for d in days if d["events"] or d["reports"]), key=lambda d: d["date"] or ""),
        "by_type": [{"type": t, "events": n, "fatalities": f} for t, n, f in sorted(types, key=lambda x: -x[1])],
        "by_region": [{"country": c or None, "admin1": a or None, "events": n}
                      for c, a, n in sorted(regions, key=lambda x: -x[2])],
    }


def corpus_stats(fetch: Fetch, since=None, until=None) -> dict:
    """`Reads.stats`: the totals, the overview's counts, the runs and the articles per source."""
    q = Sql()
    aw = day_range(q, "articles.published", since, until)

    def n(sql: str, params=None) -> int:
        return int(fetch(sql, q.params if params is None else params)[1][0][0] or 0)
    out: dict[str, Any] = {
        "articles": n(f"SELECT count(*) FROM articles{where(aw)}"),
        "copies": n(f"SELECT count(*) FROM articles{where(['articles.copy_of IS NOT NULL', *aw])}"),
        "entities": n("SELECT count(*) FROM entities", {}),
        "places": n("SELECT count(*) FROM places", {}),
        "errors": n("SELECT count(*) FROM ingest_errors WHERE ingest_errors.resolved IS FALSE", {}),
        **overview(fetch, since, until),
    }
    out["runs"] = {st: int(k) for st, k in fetch(
        "SELECT runs.status, count(*) FROM runs GROUP BY runs.status ORDER BY runs.status", {})[1]}
    out["by_source"] = [{"source": s, "articles": int(k)} for s, k in fetch(
        f"SELECT articles.source, count(*) FROM articles{where(aw)} GROUP BY articles.source "
        "ORDER BY count(*) DESC", q.params)[1]]
    return out
