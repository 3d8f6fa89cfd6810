"""The store's fast path (statements prepared once and run through the driver, clusters a refresh
already knows not read again, day counts recounted in one INSERT ... SELECT) writes exactly what
the plain path writes: every row of every table, on SQLite and on PostgreSQL."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, insert, or_, text

from conftest_pg import KHARKIV, ZAP, strike
from sitrep.store import open_db
from sitrep.store import db as store_db
from sitrep.store import link, overview
from sitrep.store import schema as S

CLOCK = {"ingested_at", "updated_at", "started_at", "finished_at", "created_at", "applied_at", "pid", "host"}


def corpus() -> list:
    """Articles from several outlets: one strike told with differing tolls and actors (a
    dispute), a second place and day, a replaced article, a syndicated copy, an undated event."""
    return [
        strike("a", "Outlet A", 3),
        strike("b", "Outlet B", 5, actor="Russian forces"),
        strike("k", "Wire", 2, place=KHARKIV, date="2022-09-25", published="2022-09-25"),
        strike("d", "Daily", 1, status="denied", attributed_to="Ukraine's army"),
        strike("b2", "Outlet B", 4, url="https://outletb.example/b", extra="Updated."),
        strike("c", "Copycat", 3, url="https://copy.example/c", text=None, extra=""),
        strike("n", "Night Desk", None, date=None, published="2022-09-26", place=ZAP),
        strike("e", "Evening", 7, place=KHARKIV, date="2022-09-24", published="2022-09-24"),
    ]


def dump(st) -> dict[str, list]:
    """Every table's rows, sorted, without clock times and process ids."""
    out = {}
    with st.engine.connect() as conn:
        for t in S.metadata.sorted_tables:
            cols = [c for c in t.c if c.name not in CLOCK]
            out[t.name] = sorted((tuple(r) for r in conn.execute(t.select().with_only_columns(*cols))), key=repr)
    return out


def plain_path(monkeypatch) -> None:
    """The store as it ran before the fast path: every statement through SQLAlchemy's execute,
    every refresh reading its clusters, day rows counted in Python."""
    import sitrep.store.ingest as ingest
    import sitrep.store.lookup as lookup
    for module in (store_db, link, ingest, lookup, overview):
        monkeypatch.setattr(module, "run_prepared", lambda conn, stmt, params: conn.execute(stmt, params))
    refresh = link.refresh_clusters
    monkeypatch.setattr(link, "refresh_clusters",
                        lambda conn, cids, fresh=frozenset(), known=None: refresh(conn, cids, fresh))

    def refresh_days(conn, days):
        days = {d or "" for d in days}
        if not days:
            return
        dated = sorted(d for d in days if d)

        def where(col):
            return [or_(*([col.in_(dated)] if dated else []), *([col.is_(None)] if "" in days else []))]
        conn.execute(delete(S.overview_counts).where(S.overview_counts.c.what == "day",
                                                     S.overview_counts.c.day.in_(sorted(days))))
        rows = overview._day_rows(conn, where(S.event_clusters.c.date), where(S.events.c.day))
        if rows:
            conn.execute(insert(S.overview_counts), overview._full(rows))
    monkeypatch.setattr(overview, "refresh_days", refresh_days)


def fresh_store(url: str, tmp_path, name: str):
    if url.startswith("sqlite"):
        return open_db(f"sqlite:///{tmp_path / name}")
    st = open_db(url)                   # PostgreSQL: one database, emptied between the two runs
    with st.engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    st.close()
    return open_db(url)


def store_all(st) -> None:
    recs = corpus()
    st.ingest_records(recs[:4])
    st.ingest_records(recs[4:])         # a second run: replaced article, copy, new days


@pytest.mark.parametrize("db_url", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
                         indirect=True)
def test_the_fast_store_path_writes_what_the_plain_path_writes(db_url, tmp_path, monkeypatch):
    st = fresh_store(db_url, tmp_path, "fast.db")
    store_all(st)
    fast = dump(st)
    st.close()
    assert fast["disputes"] and fast["overview_counts"] and any(r for r in fast["articles"])
    with monkeypatch.context() as m:
        plain_path(m)
        st = fresh_store(db_url, tmp_path, "plain.db")
        store_all(st)
        plain = dump(st)
        st.close()
    for table in plain:
        assert fast[table] == plain[table], table


def test_copies_and_replacements_are_in_the_comparison(tmp_path):
    st = open_db(f"sqlite:///{tmp_path / 'c.db'}")
    store_all(st)
    rows = dump(st)
    st.close()
    cols = [c.name for c in S.articles.c if c.name not in CLOCK]
    copy_of = cols.index("copy_of")
    assert any(r[copy_of] for r in rows["articles"]), "the corpus holds a syndicated copy"
    runs = rows["runs"]
    assert sum(r[[c.name for c in S.runs.c if c.name not in CLOCK].index("n_replaced")] for r in runs) == 1
