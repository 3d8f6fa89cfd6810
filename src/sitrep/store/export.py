"""Export the corpus's events: ACLED CSV, JSON lines, GeoJSON, Parquet.

One row/line/feature per EVENT CLUSTER (a real-world event, all its reports merged; syndicated
copies never counted twice), or per report with ``level="events"``. The ACLED columns come in
ACLED's order and vocabulary (`sitrep.acled` maps types, parties, inter codes, regions and
precision from data files); where each value comes from, and which ones sitrep cannot know (left
empty, never invented), is documented in docs/export.md. Fatalities are never averaged:
``fatalities`` is the agreed figure, or — when sources disagree — the lowest reported figure
(ACLED's conservative convention), with every version in ``dispute_versions``.

Exports stream page by page (1,000 clusters at a time), so memory stays flat on big corpora.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterator

from sqlalchemy import select

from .. import acled
from ..countries import country
from ..dates import period_start
from . import schema as S
from .query import ARTICLE_BRIEF, EVENT_COLUMNS, Store
from .reads import dispute_text, unique as _uniq  # noqa: F401  (dispute_text: for the CLI, without SQLAlchemy)

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")
PAGE = 1000

#: ACLED's columns, in ACLED's order, then sitrep's additions; each with its type
#: (str, int, float, date, bool, list) as Parquet stores it
COLUMN_TYPES: dict[str, str] = {
    "event_id_cnty": "str", "event_date": "date", "year": "int", "time_precision": "int",
    "disorder_type": "str", "event_type": "str", "sub_event_type": "str",
    "actor1": "str", "assoc_actor_1": "str", "inter1": "int",
    "actor2": "str", "assoc_actor_2": "str", "inter2": "int", "interaction": "int", "civilian_targeting": "str",
    "iso": "int", "region": "str", "country": "str", "admin1": "str", "admin2": "str", "admin3": "str",
    "location": "str", "latitude": "float", "longitude": "float", "geo_precision": "int",
    "source": "str", "source_scale": "str", "notes": "str", "fatalities": "int", "tags": "str",
    "timestamp": "int",
    # sitrep additions
    "sitrep_id": "str", "sitrep_type": "str", "sitrep_mode": "str", "date_basis": "str", "target": "str",
    "attributed_to": "list", "status": "str", "n_sources": "int", "n_copies": "int",
    "fatalities_min": "int", "fatalities_max": "int", "disputed": "bool", "dispute_fields": "list",
    "dispute_versions": "str", "urls": "list", "article_ids": "list",
}
ACLED_COLUMNS = list(COLUMN_TYPES)
ACLED_ONLY = ACLED_COLUMNS[:ACLED_COLUMNS.index("timestamp") + 1]


# ---------------------------------------------------------------- reading the store

def _pages(fetch: Callable[[int], list[dict]]) -> Iterator[list[dict]]:
    """Pages of `fetch(offset)` until an empty one."""
    offset = 0
    while True:
        page = fetch(offset)
        if not page:
            return
        yield page
        offset += PAGE


def _enrich(conn, reports: list[dict]) -> None:
    """Add each report's place kind, its actor's / target's canonical entity names, the target's kind."""
    pids = {r["place_id"] for r in reports if r.get("place_id") is not None}
    eids = {r[k] for r in reports for k in ("actor_entity_id", "target_entity_id") if r.get(k) is not None}
    P, N = S.places, S.entities
    kinds = {i: (k, cc) for i, k, cc in conn.execute(select(P.c.id, P.c.kind, P.c.country)
                                                      .where(P.c.id.in_(pids)))} if pids else {}
    names = {i: (n, k) for i, n, k in conn.execute(select(N.c.id, N.c.name, N.c.kind)
                                                   .where(N.c.id.in_(eids)))} if eids else {}
    for r in reports:
        r["place_kind"], r["place_country"] = kinds.get(r.get("place_id"), (None, None))
        r["actor_entity"] = names.get(r.get("actor_entity_id"), (None, None))[0]
        r["target_entity"], r["target_kind"] = names.get(r.get("target_entity_id"), (None, None))


def _cluster_page(store: Store, page: list[dict]) -> list[dict]:
    """The page's clusters with `sources` (every report), `disputes`, place kind and update time."""
    ids = [c["id"] for c in page]
    E, A, ES, C, P = S.events, S.articles, S.event_sources, S.event_clusters, S.places
    srcs: dict[int, list[dict]] = defaultdict(list)
    with store.engine.connect() as conn:
        q = (select(*EVENT_COLUMNS, *ARTICLE_BRIEF, ES.c.counted, ES.c.cluster_id.label("es_cluster"))
             .select_from(ES.join(E, E.c.id == ES.c.event_id).join(A, A.c.id == E.c.article_id))
             .where(ES.c.cluster_id.in_(ids)).order_by(A.c.published, E.c.id))
        reports = []
        for r in conn.execute(q):
            d = dict(r._mapping)
            d["counted"], d["is_copy"] = bool(d["counted"]), bool(d["is_copy"])
            srcs[d.pop("es_cluster")].append(d)
            reports.append(d)
        _enrich(conn, reports)
        extra = {i: (u, k) for i, u, k in conn.execute(
            select(C.c.id, C.c.updated_at, P.c.kind).select_from(C.outerjoin(P, P.c.id == C.c.place_id))
            .where(C.c.id.in_(ids)))}
    disputes = store.disputes_of(ids)
    for c in page:
        c["sources"] = srcs.get(c["id"], [])
        c["disputes"] = disputes.get(c["id"], [])
        c["updated_at"], c["place_kind"] = extra.get(c["id"], (None, None))
    return page


def iter_clusters(store: Store, **filters) -> Iterator[dict]:
    """Cluster dicts (as `Store.cluster`) with `sources` and `disputes`, page by page."""
    for page in _pages(lambda o: store.event_clusters(limit=PAGE, offset=o, order="asc", **filters)):
        yield from _cluster_page(store, page)


def iter_events(store: Store, **filters) -> Iterator[dict]:
    """Event reports (as `Store.events`, with place kind and entity names), page by page."""
    for page in _pages(lambda o: store.events(limit=PAGE, offset=o, order="asc", **filters)):
        with store.engine.connect() as conn:
            _enrich(conn, page)
        yield from page


# ---------------------------------------------------------------- one row

def acled_type(ev: dict) -> acled.Pair:
    """The shared mapper's type, from the coder's stored one when there is one (so a database
    coded before a refinement of data/acled.yaml exports with it)."""
    given = (ev["acled_event_type"], ev.get("acled_sub_event_type")) if ev.get("acled_event_type") else None
    return acled.classify(ev.get("type") or "", ev.get("mode"), given, target=ev.get("target"),
                          target_sector=ev.get("target_sector"), text=ev.get("evidence") or "",
                          fatalities=ev.get("fatalities"))


def _place(c: dict, rep: dict) -> dict[str, Any]:
    """Place columns: a country-level event has no point (never the country's centroid)."""
    iso2 = c.get("country")
    land = country(iso2)
    kind = c.get("place_kind") or rep.get("place_kind")
    if kind is None and land and c.get("location") == land.name:
        kind = "country"
    if kind is None and not c.get("location") and c.get("admin1"):
        kind = "admin1"
    has_point = c.get("lat") is not None and c.get("lon") is not None and kind != "country"
    return {"iso": land.numeric if land else None, "region": acled.region(iso2),
            "country": land.name if land else iso2, "admin1": c.get("admin1"), "admin2": None, "admin3": None,
            "location": c.get("location"),
            "latitude": c.get("lat") if has_point else None, "longitude": c.get("lon") if has_point else None,
            "geo_precision": acled.geo_precision(kind) if has_point else None}


def _when(c: dict, rep: dict) -> dict[str, Any]:
    """Date columns (ACLED time_precision): 1 for a day the text gives; 2 for a week and 3 for a
    month the text gives without a day ("last week", "in October"), with `event_date` the
    period's first day; a publication date alone is `date_basis: publication`, precision 2 (the
    event happened in the days before). See docs/export.md."""
    date = c.get("date")
    stated = bool(rep.get("date")) if rep else bool(date)
    if stated:
        period = None
    else:                       # the first report that names the week or month
        period = period_start(next((s.get("date_period") for s in c.get("sources") or [rep] if s
                                    and s.get("counted", True) and s.get("date_period")), None))
    if period:
        date, unit = period
        precision, basis = (2, "text-week") if unit == "week" else (3, "text-month")
    elif date:
        precision, basis = (1, "text") if stated else (2, "publication")
    else:
        precision = basis = None
    stamp = None
    if c.get("updated_at"):
        try:
            stamp = int(dt.datetime.fromisoformat(str(c["updated_at"]).replace("Z", "+00:00"))
                        .replace(tzinfo=dt.timezone.utc).timestamp())
        except ValueError:
            stamp = None
    return {"event_date": date, "year": int(date[:4]) if date else None,
            "time_precision": precision, "date_basis": basis, "timestamp": stamp}


def _who(c: dict, rep: dict, pair: acled.Pair) -> dict[str, Any]:
    ev = {**c, **{k: rep.get(k) for k in ("actor_country", "actor_sector", "target_country", "target_sector",
                                          "target_entity_id", "target_kind") if rep.get(k) is not None}}
    ev["actor"] = rep.get("actor_entity") or c.get("actor")
    ev["target"] = rep.get("target_entity") or c.get("target")
    return acled.parties(ev, pair)


def acled_row(c: dict) -> dict[str, Any]:
    """One ACLED row from a cluster dict with sources and disputes (see docs/export.md)."""
    counted = [s for s in c["sources"] if s.get("counted", True)] or c["sources"]
    rep = counted[0] if counted else {}
    if not c.get("country") and (rep.get("country") or rep.get("place_country")):
        # the cluster's summary has no country: its report's, else the gazetteer's for its place
        c = {**c, "country": rep.get("country") or rep["place_country"]}
    pair = acled_type({**c, **rep} if rep else c)
    who = _who(c, rep, pair)
    iso3 = (country(c.get("country")).iso3 if country(c.get("country")) else None) or "XXX"
    fat = c.get("fatalities")
    if fat is None and c.get("fatalities_min") is not None:
        fat = c["fatalities_min"]
    notes = " ".join(_uniq((s.get("evidence") or "").strip() for s in counted[:3]))
    if who["physical_target"]:
        notes += f" [target: {who['physical_target']}]"
    return {
        "event_id_cnty": f"{iso3}{c['id']}", **_when(c, rep),
        "disorder_type": acled.disorder_type(pair), "event_type": pair[0], "sub_event_type": pair[1],
        **{k: v for k, v in who.items() if k != "physical_target"},
        **_place(c, rep),
        "source": "; ".join(_uniq(s.get("source") for s in counted)) or None,
        "source_scale": None, "notes": notes.strip() or None,
        "fatalities": fat if fat is not None else 0, "tags": None,
        "sitrep_id": str(c["id"]), "sitrep_type": c.get("type"), "sitrep_mode": c.get("mode"),
        "target": c.get("target"),
        "attributed_to": _uniq(s.get("attributed_to") for s in counted),
        "status": c.get("status"), "n_sources": c.get("n_sources"), "n_copies": c.get("n_copies"),
        "fatalities_min": c.get("fatalities_min"), "fatalities_max": c.get("fatalities_max"),
        "disputed": bool(c.get("disputed")),
        "dispute_fields": [d["field"] for d in c.get("disputes") or []],
        "dispute_versions": dispute_text(c.get("disputes") or []) or None,
        "urls": _uniq(s.get("url") for s in c["sources"]),
        "article_ids": _uniq(s.get("article_id") for s in c["sources"]),
    }


def event_row(e: dict) -> dict[str, Any]:
    """An ACLED row for a single report (level="events")."""
    c = {"id": e["id"], "date": e.get("day"), "type": e["type"], "mode": e.get("mode"),
         "actor": e.get("actor"), "target": e.get("target"), "country": e.get("country"),
         "admin1": e.get("admin1"), "location": e.get("location"), "lat": e.get("lat"), "lon": e.get("lon"),
         "fatalities": e.get("fatalities"), "status": e.get("status"), "n_sources": 1,
         "n_copies": 0, "disputed": False, "place_kind": e.get("place_kind"),
         "sources": [dict(e, counted=not e.get("is_copy"))], "disputes": []}
    row = acled_row(c)
    row["event_id_cnty"] = row["event_id_cnty"][:3] + f"E{e['id']}"
    row["sitrep_id"] = f"E{e['id']}"
    row["fatalities"] = e.get("fatalities") if e.get("fatalities") is not None else 0
    return row


def rows(store: Store, level: str = "clusters", include_all: bool = False, **filters) -> Iterator[dict]:
    """ACLED rows; events ACLED does not code (speech acts: no event_type) only with include_all."""
    items = (map(event_row, iter_events(store, **filters)) if level == "events"
             else map(acled_row, iter_clusters(store, **filters)))
    for r in items:
        if include_all or r["event_type"]:
            yield r


# ---------------------------------------------------------------- writers

def export(store: Store, format: str, out: str | Path | None, level: str = "clusters",
           include_all: bool = False, **filters) -> int:
    """Write the export to `out` (a file; "-" or None = stdout for text formats). Returns rows.
    `include_all` keeps events without an ACLED type in the CSV, GeoJSON and Parquet."""
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")
    if level not in ("clusters", "events"):
        raise ValueError(f"unknown level {level!r}; use clusters or events")
    if format == "parquet":
        if out in (None, "-"):
            raise ValueError("parquet needs --out FILE")
        return write_parquet(store, Path(out), level, include_all=include_all, **filters)
    fh = sys.stdout if out in (None, "-") else open(out, "w", encoding="utf-8", newline="")
    try:
        if format == "jsonl":
            return write_jsonl(fh, store, level, **filters)
        items = rows(store, level, include_all, **filters)
        return write_csv(fh, items) if format == "acled-csv" else write_geojson(fh, items)
    finally:
        if fh is not sys.stdout:
            fh.close()


def csv_cell(v: Any) -> Any:
    """A CSV cell: empty for None, JSON for lists and mappings (never Python's repr)."""
    if v is None:
        return ""
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(list(v) if isinstance(v, tuple) else v, ensure_ascii=False)
    return v


def write_csv(fh: io.TextIOBase, items) -> int:
    w = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS, extrasaction="ignore")
    w.writeheader()
    n = 0
    for r in items:
        w.writerow({k: csv_cell(v) for k, v in r.items()})
        n += 1
    return n


def write_jsonl(fh, store: Store, level: str, **filters) -> int:
    n = 0
    it = iter_events(store, **filters) if level == "events" else iter_clusters(store, **filters)
    for item in it:
        fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


def geojson_feature(r: dict) -> dict:
    """An RFC 7946 Feature: a Point [lon, lat] (null geometry when unplaced), ACLED columns as properties."""
    geom = ({"type": "Point", "coordinates": [r["longitude"], r["latitude"]]}
            if r.get("latitude") is not None and r.get("longitude") is not None else None)
    return {"type": "Feature", "id": r["event_id_cnty"], "geometry": geom,
            "properties": {k: r.get(k) for k in ACLED_COLUMNS}}


def write_geojson(fh, items) -> int:
    """A FeatureCollection, streamed; opens in QGIS, GDAL and any RFC 7946 reader."""
    fh.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for r in items:
        fh.write((",\n" if n else "") + json.dumps(geojson_feature(r), ensure_ascii=False, allow_nan=False))
        n += 1
    fh.write("\n]}\n")
    return n


def _arrow_schema():
    import pyarrow as pa
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32(),
             "bool": pa.bool_(), "list": pa.list_(pa.string())}
    return pa.schema([pa.field(c, types[t]) for c, t in COLUMN_TYPES.items()])


def _arrow_value(v: Any, kind: str) -> Any:
    """One cell as its Parquet type: '' is NULL for every scalar column, a list column is never NULL."""
    if kind == "list":
        return [str(x) for x in v or []]
    if v is None or v == "":
        return None
    if kind == "date":
        return dt.date.fromisoformat(str(v)[:10])
    return {"int": int, "float": float, "bool": bool, "str": str}[kind](v)


def write_parquet(store: Store, out: Path, level: str = "clusters", include_all: bool = False,
                  **filters) -> int:
    """The ACLED columns as a typed Parquet file (written in row groups of 1,000)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    n = 0
    with pq.ParquetWriter(str(tmp), schema) as writer:
        batch: list[dict] = []
        for r in rows(store, level, include_all, **filters):
            batch.append({c: _arrow_value(r.get(c), t) for c, t in COLUMN_TYPES.items()})
            if len(batch) >= PAGE:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    tmp.replace(out)
    return n
