"""Storing an article sends a few statements per table, not one per name: the article is looked
up by its key and its content in one read, its places by geonameid and key in one, its names'
aliases and entities in one, its search rows in one, and the overview's type and region rows
change in one upsert. The stored rows stay what they were (idempotent re-runs, stable ids), on
SQLite and on PostgreSQL."""
from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import event, func, select, text

from conftest_pg import KHARKIV, strike
from sitrep.store import open_db
from sitrep.store import schema as S
from sitrep.store.ingest import ingest_records


def _counted(st, records) -> Counter:
    """Statements sent while storing `records`, by their first words and table."""
    seen: Counter = Counter()

    def count(_conn, _cur, statement, *_a):
        words = statement.split()
        table = next((w for i, w in enumerate(words) if i and words[i - 1].upper() in ("FROM", "INTO", "UPDATE")), "")
        if "articles.minhash" in statement:                  # the copy index, loaded once per run
            table = "copy index"
        seen[(words[0].upper(), table.strip('"').split("(")[0])] += 1
    event.listen(st.engine, "before_cursor_execute", count)
    try:
        ingest_records(st, records, inputs=["t"])
    finally:
        event.remove(st.engine, "before_cursor_execute", count)
    return seen


def _corpus() -> list:
    return [strike("a", "Outlet A", 3), strike("b", "Outlet B", 5, actor="Russian forces"),
            strike("k", "Wire", 2, place=KHARKIV, date="2022-09-25", published="2022-09-25")]


def test_a_new_article_reads_each_table_once(db_url):
    st = open_db(db_url)
    try:
        ingest_records(st, _corpus()[:1], inputs=["t"])          # entities and places exist now
        seen = _counted(st, [strike("b", "Outlet B", 5, actor="Russian forces")])
    finally:
        st.close()
    assert seen[("SELECT", "articles")] == 1             # by key and by content hash together
    assert seen[("SELECT", "places")] == 1               # by geonameid and by key together
    assert seen[("SELECT", "overview_counts")] == 0      # type and region rows: one upsert
    assert seen[("UPDATE", "overview_counts")] == 0
    assert seen[("SELECT", "entities")] <= 1 and seen[("INSERT", "entities")] == 0
    if db_url.startswith("sqlite"):
        assert seen[("INSERT", "search_fts")] == 1       # the article and its quote in one executemany


def _table_counts(st) -> dict[str, int]:
    with st.engine.connect() as c:
        return {t.name: c.execute(select(func.count()).select_from(t)).scalar()
                for t in S.metadata.sorted_tables if t.name not in ("runs",)}


def test_a_re_run_changes_nothing_and_ids_stay(db_url):
    st = open_db(db_url)
    try:
        ingest_records(st, _corpus(), inputs=["t"])
        with st.engine.connect() as c:
            ents = sorted(c.execute(select(S.entities.c.id, S.entities.c.key)).all())
            places = sorted(c.execute(select(S.places.c.id, S.places.c.key)).all())
            overview = sorted(tuple(r) for r in c.execute(select(S.overview_counts)))
        before = _table_counts(st)
        seen = _counted(st, _corpus())
        with st.engine.connect() as c:
            assert sorted(c.execute(select(S.entities.c.id, S.entities.c.key)).all()) == ents
            assert sorted(c.execute(select(S.places.c.id, S.places.c.key)).all()) == places
            assert sorted(tuple(r) for r in c.execute(select(S.overview_counts))) == overview
        assert _table_counts(st) == before
        assert not any(verb in ("INSERT", "UPDATE", "DELETE") and table not in ("runs",)
                       for verb, table in seen)
    finally:
        st.close()


def test_the_overview_rows_count_the_clusters_after_an_upsert(db_url):
    """Type and region rows added to by the upsert hold what a full recount gives."""
    from sitrep.store import overview
    st = open_db(db_url)
    try:
        ingest_records(st, _corpus() + [strike("e", "Evening", 7, place=KHARKIV, date="2022-09-24")], inputs=["t"])
        with st.engine.begin() as c:
            kept = sorted(tuple(r) for r in c.execute(select(S.overview_counts)) if r.n or r.fatalities or r.reports)
            overview.rebuild(c)
            recounted = sorted(tuple(r) for r in c.execute(select(S.overview_counts)) if r.n or r.fatalities or r.reports)
    finally:
        st.close()
    assert kept == recounted and any(r[0] == "type" for r in kept) and any(r[0] == "region" for r in kept)


def test_an_older_database_with_a_doubled_overview_key_is_recounted_then_keyed(tmp_path):
    """Migration 11 adds the overview's unique key; a file that somehow holds a key twice is
    recounted first instead of failing to open."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    st = open_db(url)
    ingest_records(st, _corpus(), inputs=["t"])
    st.close()
    import sqlite3
    con = sqlite3.connect(tmp_path / "old.db")
    con.execute("DROP INDEX ux_overview_counts_key")
    con.execute("INSERT INTO overview_counts SELECT * FROM overview_counts WHERE what = 'type'")
    con.execute("DELETE FROM schema_version WHERE version = 11")
    con.commit()
    con.close()
    st = open_db(url)
    try:
        with st.engine.connect() as c:
            doubled = c.execute(text("SELECT count(*) FROM (SELECT 1 FROM overview_counts GROUP BY what, day, "
                                     "type, country, admin1 HAVING count(*) > 1) x")).scalar()
            version = c.execute(text("SELECT max(version) FROM schema_version")).scalar()
        assert doubled == 0 and version == 11
        ingest_records(st, [strike("e", "Evening", 7, place=KHARKIV, date="2022-09-24")], inputs=["t"])
    finally:
        st.close()
    with pytest.raises(sqlite3.IntegrityError):
        con = sqlite3.connect(tmp_path / "old.db")
        con.execute("INSERT INTO overview_counts SELECT * FROM overview_counts WHERE what = 'type'")
