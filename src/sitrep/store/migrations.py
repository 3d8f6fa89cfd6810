"""Schema versions: a small ordered list of migrations and a ``schema_version`` table.

Opening a database runs every migration whose version is above the highest one recorded, each in
its own transaction, so a database written by an older sitrep is upgraded in place. Migrations
are idempotent (they check before they add), so a half-applied upgrade can simply be re-run.

To change the schema: edit schema.py AND append a migration that brings an existing database to
the new shape (add the column/index/table if missing, backfill). Never edit an applied migration.
"""
from __future__ import annotations

import datetime as _dt
from typing import Callable

from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.engine import Engine

from . import schema as S
from .db import is_postgres, retrying, write_tx


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def _v1_baseline(conn: Connection) -> None:
    """Tables, keys and indexes of schema.py (create what is missing)."""
    S.metadata.create_all(conn, checkfirst=True)


def _v2_fulltext(conn: Connection) -> None:
    """Full-text search over article titles/texts and quotes, backfilled from existing rows.

    SQLite: one FTS5 table ``search_fts(kind, ref, title, body)``; PostgreSQL: a stored
    ``tsvector`` column with a GIN index on articles and on quotes."""
    if is_postgres(conn.engine):
        for table, expr in (("articles", "coalesce(title,'') || ' ' || coalesce(text,'')"),
                            ("quotes", "coalesce(speaker,'') || ' ' || coalesce(text,'')")):
            cols = {c["name"] for c in inspect(conn).get_columns(table)}
            if "tsv" not in cols:
                conn.exec_driver_sql(
                    f"ALTER TABLE {table} ADD COLUMN tsv tsvector "
                    f"GENERATED ALWAYS AS (to_tsvector('english', {expr})) STORED")
            conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS ix_{table}_tsv ON {table} USING GIN (tsv)")
        return
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name='search_fts'").first()
    if exists:
        return
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE search_fts USING fts5(kind UNINDEXED, ref UNINDEXED, title, body, "
        "tokenize='porter unicode61 remove_diacritics 2')")
    conn.exec_driver_sql(
        "INSERT INTO search_fts(kind, ref, title, body) "
        "SELECT 'article', id, coalesce(title,''), coalesce(text,'') FROM articles")
    conn.exec_driver_sql(
        "INSERT INTO search_fts(kind, ref, title, body) "
        "SELECT 'quote', CAST(id AS TEXT), coalesce(speaker,''), coalesce(text,'') FROM quotes")


def _v3_event_query_indexes(conn: Connection) -> None:
    """Composite indexes for the common event filters (type/status + day; cluster listings)."""
    for name, table, cols in (("ix_events_status_day", "events", "status, day"),
                              ("ix_events_attr_day", "events", "attributed_key, day"),
                              ("ix_clusters_type_date_max", "event_clusters", "type, date_max")):
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})")


def _v4_covering_indexes(conn: Connection) -> None:
    """(filter column, day) indexes so a filtered, newest-first page of 100 events is read from
    the index alone (p95 < 100 ms at 100k events), and (disputed, date) for dispute listings."""
    for name, table, cols in (("ix_events_actor_day", "events", "actor_key, day"),
                              ("ix_events_location_day", "events", "location_key, day"),
                              ("ix_events_admin1_day", "events", "admin1_key, day"),
                              ("ix_events_place_day", "events", "place_id, day"),
                              ("ix_events_latlon_day", "events", "lat, lon, day"),
                              ("ix_events_actor_cluster", "events", "actor_key, cluster_id"),
                              ("ix_clusters_disputed_date", "event_clusters", "disputed, date"),
                              ("ix_clusters_actor_date", "event_clusters", "actor_key, date"),
                              ("ix_clusters_location_date", "event_clusters", "location_key, date"),
                              ("ix_clusters_admin1_date", "event_clusters", "admin1_key, date")):
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})")


def _v5_count_figure_span(conn: Connection) -> None:
    """The figure's own offsets on counts (so pages mark "1,332", not the whole sentence)."""
    cols = {c["name"] for c in inspect(conn).get_columns("counts")}
    for name in ("value_start", "value_end"):
        if name not in cols:
            conn.exec_driver_sql(f"ALTER TABLE counts ADD COLUMN {name} INTEGER")


def _v6_run_owner(conn: Connection) -> None:
    """runs.pid and runs.host: which process owns a "running" run, so the next ingest can tell
    a killed run (marked "interrupted") from one still going."""
    cols = {c["name"] for c in inspect(conn).get_columns("runs")}
    for name, kind in (("pid", "INTEGER"), ("host", "VARCHAR(255)")):
        if name not in cols:
            conn.exec_driver_sql(f"ALTER TABLE runs ADD COLUMN {name} {kind}")


def _v7_event_tolls(conn: Connection) -> None:
    """events.fatalities_reports (JSON) and events.toll_disputed: an article that gives two tolls
    for one incident, so the store lists both as a dispute."""
    cols = {c["name"] for c in inspect(conn).get_columns("events")}
    for name, kind in (("fatalities_reports", "TEXT"), ("toll_disputed", "BOOLEAN")):
        if name not in cols:
            conn.exec_driver_sql(f"ALTER TABLE events ADD COLUMN {name} {kind}")


def _v8_overview_counts(conn: Connection) -> None:
    """The overview's per-day/type/region counts (store/overview.py), backfilled."""
    from . import overview
    S.overview_counts.create(conn, checkfirst=True)
    overview.rebuild(conn)


def _v9_event_period(conn: Connection) -> None:
    """events.date_period: the week ("2024-W41") or month ("2024-10") the text gives for an
    event it gives no day for, exported as ACLED time_precision 2 or 3."""
    if "date_period" not in {c["name"] for c in inspect(conn).get_columns("events")}:
        conn.exec_driver_sql("ALTER TABLE events ADD COLUMN date_period VARCHAR(8)")


def _v10_cluster_filter_indexes(conn: Connection) -> None:
    """(cluster_id, status) so "clusters with a report of this status" is an index probe per
    cluster, and (actor_entity_id, cluster_id) so an actor filter that names a linked entity
    reads an index instead of every event."""
    for name, table, cols in (("ix_events_cluster_status", "events", "cluster_id, status"),
                              ("ix_events_actor_entity_cluster", "events", "actor_entity_id, cluster_id"),
                              ("ix_events_actor_entity_day", "events", "actor_entity_id, day")):
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})")


def _v11_overview_key(conn: Connection) -> None:
    """One overview row per (what, day, type, country, admin1), so cluster refresh adds to the
    type and region rows with one upsert instead of a read, an update and an insert (recounted
    first in the unlikely case a database holds a key twice)."""
    twice = conn.exec_driver_sql("SELECT 1 FROM overview_counts GROUP BY what, day, type, country, admin1 "
                                 "HAVING count(*) > 1 LIMIT 1").first()
    if twice:
        from . import overview
        overview.rebuild(conn)
    conn.exec_driver_sql("CREATE UNIQUE INDEX IF NOT EXISTS ux_overview_counts_key "
                         "ON overview_counts (what, day, type, country, admin1)")


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "baseline schema", _v1_baseline),
    (2, "full-text search", _v2_fulltext),
    (3, "event query indexes", _v3_event_query_indexes),
    (4, "covering indexes for filtered event pages", _v4_covering_indexes),
    (5, "count figure offsets", _v5_count_figure_span),
    (6, "owner process of an ingest run", _v6_run_owner),
    (7, "tolls an article gives for one event", _v7_event_tolls),
    (8, "overview counts kept at ingest", _v8_overview_counts),
    (9, "the week or month of a dayless event", _v9_event_period),
    (10, "indexes for cluster filters by report status and by actor entity", _v10_cluster_filter_indexes),
    (11, "one overview row per key (upserts at cluster refresh)", _v11_overview_key),
]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not inspect(conn).has_table("schema_version"):
        return 0
    v = conn.execute(select(S.schema_version.c.version).order_by(S.schema_version.c.version.desc())
                     .limit(1)).scalar()
    return int(v or 0)


def upgrade(engine: Engine, target: int | None = None) -> list[int]:
    """Bring the database to `target` (default: latest); returns the versions applied."""
    target = LATEST if target is None else target
    def version_now() -> int:
        with engine.connect() as conn:  # up to date (the usual case): a read, no write lock taken
            return current_version(conn)

    if retrying(version_now) >= target:  # a second process creating the same file may hold it
        return []
    applied: list[int] = []
    for version, name, fn in MIGRATIONS:
        if version > target:
            break

        def step(version=version, name=name, fn=fn) -> bool:
            with write_tx(engine) as conn:
                if is_postgres(engine):   # one upgrader at a time across processes
                    conn.execute(text("SELECT pg_advisory_xact_lock(727001)"))
                if current_version(conn) >= version:
                    return False
                if version == 1 or not inspect(conn).has_table("schema_version"):
                    S.schema_version.create(conn, checkfirst=True)
                fn(conn)
                conn.execute(S.schema_version.insert().values(version=version, name=name,
                                                              applied_at=_now()))
                return True

        if retrying(step):
            applied.append(version)
    return applied
