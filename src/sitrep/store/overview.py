"""The overview's counts, kept up to date at ingest: events per day, per type and per region.

`overview_counts` holds three kinds of rows: one per day (`what="day"`: events = clusters dated
that day, non-copy reports, disputed clusters), one per PLOVER type and one per region (country,
admin1) over the whole corpus (events, and fatalities per type: agreed, else the lowest figure).
Cluster refresh (`link.refresh_clusters`) recounts the days it touched and moves the touched
clusters' contributions between type and region rows (subtract before, add after); a full
re-link rebuilds them. So the unfiltered overview sums a few thousand rows instead of scanning
100,000 events on every change. A date-filtered overview counts types and regions from the
clusters of that range (the date index keeps a report's 14 days cheap); the reading is
`reads.overview`, SQL shared with the query commands' sqlite3 reader.
Key columns hold '' for a missing value; reads turn '' back into None.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from sqlalchemy import Integer, bindparam, delete, func, insert, literal_column, or_, select, text, union_all

from . import schema as S
from .db import run_prepared

T = S.overview_counts
C, E = S.event_clusters, S.events
_FAT = func.coalesce(C.c.fatalities, C.c.fatalities_min, 0)
_EMPTY = {"day": "", "type": "", "country": "", "admin1": "", "n": 0, "reports": 0, "fatalities": 0, "disputed": 0}


def _full(rows: list[dict]) -> list[dict]:
    """Rows with every column (one executemany needs one shape)."""
    return [{**_EMPTY, **r} for r in rows]


# ---------------------------------------------------------------- day rows

def _day_rows(conn, where_c, where_e) -> list[dict]:
    rows: dict[str, dict] = {}
    for day, n, disputed in conn.execute(
            select(func.coalesce(C.c.date, ""), func.count(), func.sum(func.cast(C.c.disputed, Integer)))
            .where(*where_c).group_by(C.c.date)):
        rows[day] = {"what": "day", "day": day, "n": n, "disputed": int(disputed or 0), "reports": 0}
    for day, n in conn.execute(select(func.coalesce(E.c.day, ""), func.count())
                               .where(E.c.is_copy.is_(False), *where_e).group_by(E.c.day)):
        rows.setdefault(day, {"what": "day", "day": day, "n": 0, "disputed": 0, "reports": 0})["reports"] = n
    return list(rows.values())


def refresh_days(conn, days: Iterable[str | None]) -> None:
    """Recount the day rows of these days (None: the undated events): one delete and one
    INSERT ... SELECT counting clusters and reports together (statements built once)."""
    days = {d or "" for d in days}
    if not days:
        return
    dated = sorted(d for d in days if d)
    run_prepared(conn, _DELETE_DAYS, {"days": sorted(days)})
    stmt = _recount_days(bool(dated), "" in days)
    run_prepared(conn, stmt, {"days": dated} if dated else {})


_DELETE_DAYS = delete(T).where(T.c.what == "day", T.c.day.in_(bindparam("days", expanding=True)))
_RECOUNT_DAYS: dict[tuple[bool, bool], object] = {}


def _recount_days(dated: bool, undated: bool):
    """INSERT of the day rows of the days given (`days`, and/or the undated ones): the counts
    `_day_rows` makes, in the database."""
    key = (dated, undated)
    if key not in _RECOUNT_DAYS:
        def where(col):
            return or_(*([col.in_(bindparam("days", expanding=True))] if dated else []),
                       *([col.is_(None)] if undated else []))
        zero = literal_column("0")
        per_cluster = (select(func.coalesce(C.c.date, "").label("d"), func.count().label("n"),
                              func.sum(func.cast(C.c.disputed, Integer)).label("disputed"), zero.label("reports"))
                       .where(where(C.c.date)).group_by(C.c.date))
        per_report = (select(func.coalesce(E.c.day, "").label("d"), zero.label("n"), zero.label("disputed"),
                             func.count().label("reports"))
                      .where(E.c.is_copy.is_(False), where(E.c.day)).group_by(E.c.day))
        u = union_all(per_cluster, per_report).subquery()
        empty = literal_column("''")
        sel = (select(literal_column("'day'"), u.c.d, empty, empty, empty, func.sum(u.c.n), func.sum(u.c.reports),
                      zero, func.coalesce(func.sum(u.c.disputed), 0)).group_by(u.c.d))
        _RECOUNT_DAYS[key] = insert(T).from_select(
            ["what", "day", "type", "country", "admin1", "n", "reports", "fatalities", "disputed"], sel)
    return _RECOUNT_DAYS[key]


# ---------------------------------------------------------------- type and region rows

def snapshot(conn, cids: Iterable[int]) -> dict[int, tuple]:
    """Each existing cluster's contribution: (type, country, admin1, fatalities)."""
    cids = list(cids)
    if not cids:
        return {}
    q = select(C.c.id, C.c.type, C.c.country, C.c.admin1, _FAT).where(C.c.id.in_(cids))
    return {i: (t, c or "", a or "", int(f or 0)) for i, t, c, a, f in conn.execute(q)}


def move(conn, before: dict[int, tuple], after: dict[int, tuple]) -> None:
    """Type and region rows: take out what the clusters counted before, add what they count now
    (one read of the rows concerned, one executemany of updates, one of new rows)."""
    delta: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    for snap, sign in ((before, -1), (after, 1)):
        for etype, country, admin1, fat in snap.values():
            for key in (("type", etype, "", ""), ("region", "", country, admin1)):
                d = delta[key]
                d[0] += sign
                d[1] += sign * (fat if key[0] == "type" else 0)
    delta = {k: v for k, v in delta.items() if v[0] or v[1]}
    if not delta:
        return
    rows = [{"w": w, "t": t, "c": c, "a": a, "n": n, "f": f} for (w, t, c, a), (n, f) in delta.items()]
    conn.execute(_ADD, rows)


# a row that is there gets the change added, a new one starts at it: one executemany (SQLite
# >= 3.24 and PostgreSQL share this syntax; the unique key is schema.ux_overview_counts_key)
_ADD = text("INSERT INTO overview_counts (what, day, type, country, admin1, n, reports, fatalities, disputed) "
            "VALUES (:w, '', :t, :c, :a, :n, 0, :f, 0) ON CONFLICT (what, day, type, country, admin1) "
            "DO UPDATE SET n = overview_counts.n + excluded.n, "
            "fatalities = overview_counts.fatalities + excluded.fatalities")


def rebuild(conn) -> None:
    """Recount every row (after a full re-link, or to backfill an existing database)."""
    conn.execute(delete(T))
    rows = _day_rows(conn, [], [])
    rows += [{"what": "type", "type": t, "n": n, "fatalities": int(f or 0)} for t, n, f in conn.execute(
        select(C.c.type, func.count(), func.sum(_FAT)).group_by(C.c.type))]
    rows += [{"what": "region", "country": c or "", "admin1": a or "", "n": n} for c, a, n in conn.execute(
        select(C.c.country, C.c.admin1, func.count()).group_by(C.c.country, C.c.admin1))]
    if rows:
        conn.execute(insert(T), _full(rows))


def days_of_clusters(conn, cids) -> set[str | None]:
    """Every day the clusters span now (their date, date_min..date_max): the day rows they count in."""
    out: set[str | None] = set()
    for date, lo, hi in conn.execute(select(C.c.date, C.c.date_min, C.c.date_max).where(C.c.id.in_(list(cids)))):
        out |= days_spanned({"date": date, "date_min": lo, "date_max": hi})
    return out


def days_spanned(cluster: dict) -> set[str | None]:
    """The day rows one cluster (a dict with date, date_min, date_max) counts in."""
    import datetime as dt

    out: set[str | None] = {cluster.get("date")}
    try:
        a, b = dt.date.fromisoformat(cluster.get("date_min")), dt.date.fromisoformat(cluster.get("date_max"))
    except (TypeError, ValueError):
        return out
    out.update((a + dt.timedelta(i)).isoformat() for i in range(min((b - a).days, 31) + 1))
    return out


def contribution(cluster: dict) -> tuple:
    """What one cluster (a dict of its columns) counts in the type and region rows: the same as
    `snapshot` reads from the database."""
    fat = cluster.get("fatalities")
    if fat is None:
        fat = cluster.get("fatalities_min")
    return cluster["type"], cluster.get("country") or "", cluster.get("admin1") or "", int(fat or 0)
