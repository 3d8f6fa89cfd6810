"""The web app's view of the corpus: a thin adapter over `sitrep.store.query.Store`.

Pages, API and report ask this object, never the database: it turns the store's calls into the
uniform `(items, total)` pages the routes need and normalises a few shapes (stats for charts).
The one query the store does not offer (actors first seen in a period, for the report) is here,
as SQLAlchemy Core with bound parameters over the store's own schema.
"""
from __future__ import annotations

import os
import threading
import time
from dataclasses import asdict, dataclass
from typing import Any, Callable

from ..countries import is_country_level, region_label
from ..record import EVENT_TYPES


@dataclass
class EventFilters:
    """The event filters of the CLI (`sitrep events`), as the API and pages take them."""
    since: str | None = None
    until: str | None = None
    type: str | None = None
    actor: str | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    attribution: str | None = None
    status: str | None = None
    disputed: bool | None = None

    def store_kwargs(self) -> dict[str, Any]:
        d = asdict(self)
        d["attributed_to"] = d.pop("attribution")
        d.pop("disputed")
        return {k: v for k, v in d.items() if v not in (None, "")}


def region_of(country: str | None, admin1: str | None) -> str:
    """The one region label (sitrep.countries): 'Ukraine — Kharkiv Oblast'."""
    return region_label(country, admin1, default="not located")


class Source:
    """The corpus as the web app needs it. Aggregates (stats, counts, the overview's lists) are
    memoised per *data version* — the highest ids of runs, events, clusters and disputes, four
    primary-key lookups — so a dashboard under load does not recount 100,000 events per request,
    and an ingest (new ids) is visible on the next request. A TTL bounds anything else."""

    CACHE_TTL = 60.0
    CACHE_SIZE = 512

    def __init__(self, store):
        self.store = store
        self._cache: dict[tuple, tuple[float, tuple, Any]] = {}
        self._lock = threading.Lock()
        self._flights: dict[tuple, threading.Lock] = {}
        self._version: tuple[float, tuple] = (0.0, ())

    def data_version(self) -> tuple:
        """Changes whenever anything is ingested; re-read at most once a second."""
        now = time.monotonic()
        if now - self._version[0] < 1.0:
            return self._version[1]
        from sqlalchemy import func, select

        from ..store import schema as S
        with self.store.engine.connect() as conn:
            v = tuple(conn.execute(select(func.max(t.c.id))).scalar()
                      for t in (S.runs, S.events, S.event_clusters, S.disputes))
        self._version = (now, v)
        return v

    def _memo(self, key: tuple, compute: Callable[[], Any]) -> Any:
        version = self.data_version()

        def fresh():
            hit = self._cache.get(key)
            if hit and hit[1] == version and time.monotonic() - hit[0] < self.CACHE_TTL:
                return hit
            return None
        with self._lock:
            hit = fresh()
            if hit:
                return hit[2]
            flight = self._flights.setdefault(key, threading.Lock())
        with flight:                          # one computation per key; the others wait for it
            with self._lock:
                hit = fresh()
            if hit:
                return hit[2]
            value = compute()
            with self._lock:
                if len(self._cache) >= self.CACHE_SIZE:
                    self._cache.clear()
                self._cache[key] = (time.monotonic(), version, value)
                self._flights.pop(key, None)
            return value

    # ---------------------------------------------------------------- events
    def events(self, f: EventFilters, limit: int, offset: int) -> tuple[list[dict], int | None]:
        kw = f.store_kwargs()
        items = self.store.events(**kw, limit=limit, offset=offset)
        if offset or len(items) == limit:
            total = self._memo(("count_events", tuple(sorted((k, str(v)) for k, v in kw.items()))),
                               lambda: self.store.count_events(**kw))
        else:
            total = offset + len(items)
        return items, total

    def events_per_day(self, f: EventFilters, sample: int = 5000) -> list[tuple[str, int]]:
        """Reports per day for the filtered timeline (its newest `sample` reports)."""
        def compute():
            days: dict[str, int] = {}
            for e in self.store.events(**f.store_kwargs(), limit=sample):
                if e.get("day"):
                    days[e["day"]] = days.get(e["day"], 0) + 1
            return sorted(days.items())
        return self._memo(("per_day", tuple(sorted((k, str(v)) for k, v in f.store_kwargs().items())), sample),
                          compute)

    def clusters(self, f: EventFilters, limit: int, offset: int,
                 with_reports: bool = False) -> tuple[list[dict], int | None]:
        """Real events (clusters), newest first; `with_reports`: each lists its reports."""
        kw = f.store_kwargs()
        items = self.store.event_clusters(**kw, disputed=f.disputed, limit=limit, offset=offset,
                                          with_reports=with_reports)
        if offset or len(items) == limit:
            key = ("count_clusters", tuple(sorted((k, str(v)) for k, v in kw.items())), f.disputed)
            total = self._memo(key, lambda: self.store.count_clusters(**kw, disputed=f.disputed))
        else:
            total = offset + len(items)
        return items, total

    def cluster(self, cluster_id: int) -> dict | None:
        return self.store.cluster(cluster_id)

    def disputes(self, limit: int, offset: int) -> tuple[list[dict], int | None]:
        """Disputed clusters, newest first, each with its disputes and the fields that differ."""
        return self._memo(("disputes", limit, offset), lambda: self._disputes(limit, offset))

    def _disputes(self, limit: int, offset: int) -> tuple[list[dict], int | None]:
        rows = self.store.event_clusters(disputed=True, limit=limit, offset=offset)
        out = []
        for c in rows:
            full = self.store.cluster(c["id"]) or {**c, "disputes": []}
            full.pop("sources", None)
            full["fields"] = [d["field"] for d in full.get("disputes", [])]
            out.append(full)
        return out, (offset + len(out) if len(out) < limit else None)

    def map_points(self, f: EventFilters, limit: int) -> list[dict]:
        """Events with coordinates, grouped by place (lat/lon to 0.01°): one point per place with
        its count (and its link when it holds one event), so the whole corpus fits one small
        JSON answer; the map lists a cluster's events through /api/clusters?bbox=."""
        key = ("map", tuple(sorted((k, str(v)) for k, v in f.store_kwargs().items())), f.disputed, limit)
        return self._memo(key, lambda: self._map_points(f, limit))

    def _map_points(self, f: EventFilters, limit: int) -> list[dict]:
        places: dict[tuple[float, float], dict] = {}
        for cid, date, etype, location, country, lat, lon, place_kind in self.store.cluster_points(
                **f.store_kwargs(), disputed=f.disputed, limit=limit):
            if place_kind == "country" or not place_kind and is_country_level(
                    {"location": location, "country": country}):
                continue                      # a country's centroid is nowhere the event happened
            k = (round(lat, 2), round(lon, 2))
            p = places.get(k)
            if p is None:
                label = " ".join(str(x) for x in (date or "", etype, location or "") if x)
                places[k] = {"lat": k[0], "lon": k[1], "n": 1, "place": location, "label": label,
                             "href": f"/events/{cid}"}
            else:
                p["n"] += 1
                p["label"], p["href"] = f"{p['place'] or ''}: {p['n']} events", None
        return list(places.values())

    def event_types(self) -> tuple[str, ...]:
        return EVENT_TYPES

    # ---------------------------------------------------------------- articles
    def articles(self, source: str | None, since: str | None, until: str | None,
                 limit: int, offset: int) -> tuple[list[dict], int | None]:
        items = self.store.articles(since=since, until=until, source=source, limit=limit, offset=offset)
        return items, (offset + len(items) if len(items) < limit else None)

    def article(self, article_id: str) -> dict | None:
        return self.store.article(article_id)

    # ---------------------------------------------------------------- entities, places, quotes, counts
    def entities(self, kind: str | None, q: str | None, limit: int, offset: int) -> tuple[list[dict], int | None]:
        items = self._memo(("entities", kind, q, limit, offset),
                           lambda: self.store.entities(kind=kind or None, top=limit, q=q or None, offset=offset))
        return items, (offset + len(items) if len(items) < limit else None)

    def entity(self, entity_id: int) -> dict | None:
        return self.store.entity(entity_id)

    def places(self, q: str | None, country: str | None, limit: int, offset: int):
        rows = self.store.places(q=q or None, limit=None if country else offset + limit)
        if country:
            rows = [r for r in rows if (r.get("country") or "").upper() == country.upper()]
        items = rows[offset:offset + limit]
        return items, (len(rows) if country or len(rows) < offset + limit else None)

    def quotes(self, speaker: str | None, limit: int, offset: int, since=None, until=None):
        items = self.store.quotes(speaker=speaker or None, since=since, until=until, limit=limit, offset=offset)
        return items, (offset + len(items) if len(items) < limit else None)

    def counts(self, category: str | None, limit: int, offset: int, since=None, until=None):
        items = self.store.counts(category=category or None, since=since, until=until, limit=limit,
                                  offset=offset)
        return items, (offset + len(items) if len(items) < limit else None)

    def search(self, q: str, limit: int, offset: int) -> tuple[list[dict], int | None]:
        rows = self.store.search(q, limit=offset + limit + 1)
        items = rows[offset:offset + limit]
        return items, (len(rows) if len(rows) <= offset + limit else None)

    # ---------------------------------------------------------------- statistics
    def stats(self, since: str | None, until: str | None) -> dict:
        """The store's stats plus chart-ready series: per_day [{day, n}], by_type [{type, n}],
        by_region [{region, n}], totals, first_day/last_day."""
        return self._memo(("stats", since, until), lambda: self._stats(since, until))

    def _stats(self, since: str | None, until: str | None) -> dict:
        s = self.store.stats(since=since, until=until)
        per_day = [{"day": d["date"], "n": d["events"]} for d in s.get("by_day", []) if d.get("date")]
        regions: dict[str, int] = {}
        for r in s.get("by_region", []):
            key = region_of(r.get("country"), r.get("admin1"))
            regions[key] = regions.get(key, 0) + r["events"]
        return {
            **s,
            "per_day": per_day,
            "by_type": [{"type": t["type"], "n": t["events"], "fatalities": t.get("fatalities", 0)}
                        for t in s.get("by_type", [])],
            "by_region": [{"region": k, "n": v} for k, v in sorted(regions.items(), key=lambda kv: -kv[1])],
            "totals": {"articles": s.get("articles", 0), "events": s.get("reports", 0),
                       "clusters": s.get("events", 0), "disputes": s.get("disputed", 0),
                       "entities": s.get("entities", 0)},
            "first_day": per_day[0]["day"] if per_day else None,
            "last_day": per_day[-1]["day"] if per_day else None,
        }

    def new_entities(self, since: str, until: str, limit: int) -> list[dict]:
        """Entities whose first article falls in [since, until] (the report's "new actors")."""
        return self.store.new_entities(since, until, limit)

    # ---------------------------------------------------------------- the write path
    def ingest(self, article: dict) -> dict:
        """Validate, extract and store one posted article (see `sitrep.service.ingest_article`)."""
        from ..service import ingest_article
        return ingest_article(self.store, article)


def open_source(db_url: str | os.PathLike | None, store=None) -> Source:
    if store is None:
        from ..store.query import open_db
        store = open_db(db_url)
    return Source(store)
