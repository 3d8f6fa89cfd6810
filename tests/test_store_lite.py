"""The query commands read a SQLite corpus through the standard library's sqlite3 (`store.lite`),
without importing SQLAlchemy: the same SQL text (`store.reads`) as the SQLAlchemy store, so a
user gets the same rows and the same output either way; anything the reader does not do, and
any database it cannot read as it is (PostgreSQL, an older schema, not a database), goes to the
full store."""
from __future__ import annotations

import json
import sqlite3
import time

import pytest

from _webcorpus import build_db, records
from support import modules_after
from sitrep.cli.fast import dispatch
from sitrep.store import lite, open_db
from sitrep.store.lite import open_lite

FILTERS = [
    {}, {"since": "2022-09-22"}, {"until": "2022-09-21"}, {"since": "2022-09-01", "until": "2022-09-30"},
    {"type": "ASSAULT,PROTEST"}, {"type": ["assault"]}, {"actor": "Russia"}, {"actor": "Russian Armed Forces"}, {"actor": "Rusian forces"},
    {"place": "Zaporizhzhia"}, {"place": "Zaporizhia"}, {"place": "Kharkiv Oblast"}, {"bbox": "30,45,40,52"},
    {"attributed_to": "governor"}, {"attributed_to": "none"}, {"status": "claimed"}, {"status": "occurred,denied"},
    {"actor": "Russia", "place": "Zaporizhzhia", "type": "ASSAULT"}, {"place": "Moscow", "status": "occurred"},
]
PAGES = [{"limit": 2, "offset": 0}, {"limit": 2, "offset": 1}, {"limit": None}, {"limit": 0}]


def calls():
    """(method, kwargs) pairs covering every listing the reader answers, with every filter."""
    out = []
    for f in FILTERS:
        for p in PAGES:
            out += [("events", {**f, **p}), ("events", {**f, **p, "order": "asc", "include_copies": False}),
                    ("event_clusters", {**f, **p, "with_reports": True}),
                    ("event_clusters", {**f, **p, "disputed": True, "order": "asc"})]
        out += [("count_events", f), ("count_clusters", f), ("count_clusters", {**f, "disputed": False}),
                ("cluster_points", f), ("event_clusters", {**f, "min_sources": 2})]
    out += [("event", {"id": i}) for i in (1, 2, 3, 10 ** 30, -1)]
    out += [("cluster", {"id": i}) for i in (1, 2, 3, 999)]
    out += [("entities", {"kind": k, "top": t, "q": q, "offset": o}) for k in (None, "person", "organization")
            for t, q, o in ((None, None, 0), (2, None, 1), (5, "kh", 0), (20, "zz", 0))]
    out += [("disputes", d) for d in ({}, {"field": "fatalities"}, {"type": "ASSAULT", "since": "2022-09-01"},
                                      {"limit": 1, "offset": 1}, {"limit": None})]
    out += [("errors", {"run_id": r, "include_resolved": i}) for r in (None, 1, 7) for i in (False, True)]
    out += [("stats", {}), ("stats", {"since": "2022-09-22"}), ("stats", {"until": "2022-09-21"}),
            ("disputes_of", {"cluster_ids": [1, 2, 3, 4, 5, 6]})]
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("lite") / "corpus.db")


@pytest.fixture(scope="module")
def both(corpus):
    reader, full = open_lite(str(corpus)), open_db(str(corpus), read_only=True)
    assert reader is not None
    yield reader, full
    reader.close(), full.close()


def _dump(v) -> str:
    """The value as written out, keys in their order (the JSON formats keep it)."""
    return json.dumps(v, ensure_ascii=False, default=str)


@pytest.mark.parametrize("method,kwargs", calls(), ids=lambda v: v if isinstance(v, str) else repr(v)[:60])
def test_the_sqlite3_reader_answers_what_the_sqlalchemy_store_answers(both, method, kwargs):
    reader, full = both
    assert type(reader).__dict__.get(method) is None      # the one definition: both inherit it
    got, want = getattr(reader, method)(**kwargs), getattr(full, method)(**kwargs)
    assert _dump(got) == _dump(want)


def test_the_listings_find_something_to_compare(both):
    """The comparison above is not between empty lists."""
    reader, _ = both
    assert reader.count_clusters(actor="Russia") > 0 and reader.count_events(place="Zaporizhzhia") > 0
    assert reader.disputes() and reader.entities(q="kh") and reader.event_clusters(with_reports=True)[0]["reports"]


def test_what_the_reader_does_not_do_goes_to_the_full_store(both):
    reader, full = both
    assert reader.search("shelling") == full.search("shelling") != []
    assert reader.articles(limit=3) == full.articles(limit=3)


def test_a_bad_filter_is_refused_alike(both):
    for store in both:
        with pytest.raises(ValueError, match="bbox needs 4 numbers"):
            store.event_clusters(bbox="1,2,3")


def test_the_reader_knows_the_schema_version_sitrep_writes():
    from sitrep.store.migrations import LATEST
    assert lite.SCHEMA_VERSION == LATEST


def test_what_the_reader_cannot_read_as_it_is_goes_to_the_full_store(tmp_path, corpus):
    assert open_lite("postgresql://nobody@localhost/none") is None
    assert open_lite(str(tmp_path / "missing.db")) is None
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    assert open_lite(str(junk)) is None
    old = tmp_path / "old.db"
    old.write_bytes(corpus.read_bytes())
    with sqlite3.connect(old) as c:
        c.execute("DELETE FROM schema_version WHERE version = (SELECT max(version) FROM schema_version)")
    assert open_lite(str(old)) is None           # the full store upgrades it when it opens it
    open_db(str(old)).close()
    assert open_lite(str(old)) is not None


COMMAND_LINES = [
    ["events"], ["events", "-f", "json"], ["events", "--reports", "-f", "json", "--limit", "2"],
    ["events", "--actor", "Russia", "-f", "jsonl"], ["events", "--place", "Zaporizhia", "--disputed"],
    ["events", "--status", "claimed", "--attributed-to", "governor", "-f", "csv"], ["events", "--limit", "1"],
    ["events", "--reports", "--offset", "1", "--limit", "1"], ["entities", "-f", "json"], ["entities", "--name", "kh"],
    ["disputes"], ["disputes", "-f", "json"], ["errors", "-f", "json"], ["stats"], ["stats", "-f", "json"],
    ["search", "shelling", "-f", "json"],
]


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=" ".join)
def test_a_query_command_writes_the_same_through_either_reader(corpus, capsys, monkeypatch, argv):
    monkeypatch.setenv("COLUMNS", "120")
    argv = [argv[0], "--db", str(corpus), *argv[1:]]

    def run():
        capsys.readouterr()
        code = dispatch(argv)
        return code, *capsys.readouterr()
    through_sqlite3 = run()
    monkeypatch.setattr(lite, "open_lite", lambda url: None)
    assert run() == through_sqlite3
    assert through_sqlite3[0] == 0 and through_sqlite3[1]


@pytest.mark.parametrize("argv", [["events", "-f", "json"], ["events"], ["disputes"], ["entities", "-f", "csv"],
                                  ["errors"], ["stats", "-f", "json"]], ids=" ".join)
def test_a_query_command_on_a_sqlite_file_imports_no_sqlalchemy(corpus, tmp_path, argv):
    r, loaded = modules_after([argv[0], "--db", str(corpus), *argv[1:]], tmp_path)
    assert r.stdout.strip() or r.stderr == "no errors\n"
    assert "sqlalchemy" not in loaded


def test_the_same_listings_on_postgresql(pg_url, corpus):
    """The shared SQL reads PostgreSQL alike: the same corpus gives the same rows (compared as
    sets, as the two order undated rows differently)."""
    pg = open_db(pg_url)
    try:
        pg.ingest_records(records(), inputs=["tests"])
        reader = open_lite(str(corpus))
        for method, kwargs in calls():
            if method == "stats":
                continue                     # runs' timestamps and ids differ by design
            a, b = getattr(reader, method)(**kwargs), getattr(pg, method)(**kwargs)
            if isinstance(a, list):
                a, b = sorted(map(_key, a)), sorted(map(_key, b))
            else:
                a, b = _key(a), _key(b)
            assert a == b, (method, kwargs)
        reader.close()
    finally:
        pg.close()


def _key(v) -> str:
    """The value without the times it was written (the two corpora were written apart)."""
    def timeless(x):
        if isinstance(x, dict):
            return {k: timeless(y) for k, y in x.items() if k not in ("updated_at", "created_at")}
        return [timeless(y) for y in x] if isinstance(x, list) else x
    return json.dumps(timeless(v), ensure_ascii=False, sort_keys=True, default=str)


def test_a_served_corpus_is_read_through_sqlite3_and_shows_what_is_ingested_meanwhile(tmp_path):
    """`sitrep serve` (read-only) answers from the sqlite3 reader's connections, one per server
    thread; an article ingested by another process while it serves appears in the listings."""
    import concurrent.futures

    import httpx
    from _webcorpus import Server
    from conftest_pg import strike

    db = build_db(tmp_path / "served.db")
    server = Server(db)
    try:
        def total(path="/api/events?limit=1"):
            return httpx.get(server.url + path, timeout=30).json()["total"]
        before = total()
        with concurrent.futures.ThreadPoolExecutor(8) as pool:       # many server threads at once
            pages = list(pool.map(lambda i: httpx.get(f"{server.url}/api/events?limit=1&offset={i % 3}",
                                                      timeout=30).json(), range(24)))
        assert all(p["total"] == before for p in pages)
        writer = open_db(str(db))
        writer.ingest_records([strike("lite-new", "Kyiv Post", fatalities=4, place=("Odesa", "UA", 46.48, 30.73),
                                      date="2022-10-02", published="2022-10-02")], inputs=["later"])
        writer.close()
        deadline = time.time() + 20
        while total() == before and time.time() < deadline:
            time.sleep(0.3)
        assert total() == before + 1
        assert any(e["location"] == "Odesa" for e in httpx.get(server.url + "/api/events?place=Odesa",
                                                                timeout=30).json()["items"])
    finally:
        server.stop()
