"""`sitrep ingest` as a user runs it: the real readers + pipeline + store, in subprocesses.

Reliability with real components: a run killed with SIGKILL mid-way and re-run leaves exactly one
record per input and no orphans; two ingest processes on one SQLite file both finish with
nothing lost; PostgreSQL through the same command.
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

EXE = str(Path(sys.executable).parent / "sitrep")
CITIES = ["Kharkiv", "Odesa", "Dnipro", "Mykolaiv", "Kherson", "Sumy", "Lviv", "Poltava", "Chernihiv", "Izium"]
OUTLETS = ["Reuters", "AP", "BBC", "AFP", "Ukrinform"]


def write_corpus(folder: Path, n: int, start: int = 0) -> list[Path]:
    """n short, distinct articles (a headline and two sentences each), numbered i."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        city = CITIES[i % len(CITIES)]
        day = 1 + i % 28
        text = (f"---\npublished: 2022-09-{day:02d}\n---\n"
                f"Shelling hits {city} (report {i})\n\n"
                f"Russian artillery shelled {city} on Tuesday, killing {i % 7 + 1} civilians, the regional "
                f"governor said in report number {i}. Local officials said {i % 5 + 2} buildings were damaged.\n")
        p = folder / f"art{i:04d}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def run(*args, timeout=600, **kw):
    return subprocess.run([EXE, *map(str, args)], capture_output=True, text=True, timeout=timeout, **kw)


def sql(db: Path, q: str):
    c = sqlite3.connect(db, timeout=30)
    try:
        return c.execute(q).fetchall()
    finally:
        c.close()


ORPHAN_QUERIES = [
    "SELECT count(*) FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL",
    "SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE a.id IS NULL",
    "SELECT count(*) FROM quotes q LEFT JOIN articles a ON a.id = q.article_id WHERE a.id IS NULL",
    "SELECT count(*) FROM counts k LEFT JOIN articles a ON a.id = k.article_id WHERE a.id IS NULL",
    "SELECT count(*) FROM article_entities x LEFT JOIN articles a ON a.id = x.article_id WHERE a.id IS NULL",
    "SELECT count(*) FROM event_sources s LEFT JOIN events e ON e.id = s.event_id WHERE e.id IS NULL",
    "SELECT count(*) FROM event_clusters c WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.cluster_id = c.id)",
    "SELECT count(*) FROM events e WHERE e.day IS NOT NULL AND e.cluster_id IS NULL",
]


def assert_one_record_per_input(db: Path, n: int):
    assert sql(db, "SELECT count(*) FROM articles")[0][0] == n
    assert sql(db, "SELECT count(DISTINCT ext_id) FROM articles")[0][0] == n
    for q in ORPHAN_QUERIES:
        assert sql(db, q)[0][0] == 0, q


def test_ingest_search_errors_end_to_end(tmp_path):
    src = tmp_path / "news"
    write_corpus(src, 3)
    (src / "broken.txt").write_bytes(b"\xff\xfe\x00garbage")
    db = tmp_path / "c.db"
    r = run("ingest", src, "--db", db)
    assert r.returncode == 1                                   # an input failed: said, and kept
    assert "3 new" in r.stderr and "articles/s" in r.stderr and "broken.txt" in r.stderr
    stats = json.loads(run("stats", "--db", db, "--format", "json").stdout)
    assert stats["articles"] == 3 and stats["errors"] == 1
    r = run("errors", "--db", db, "--format", "jsonl")
    [err] = [json.loads(x) for x in r.stdout.splitlines()]
    assert err["origin"].endswith("broken.txt") and err["message"]
    hits = [json.loads(x) for x in run("search", "shelled Odesa", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert hits and all("Odesa" in (h["title"] or "") or "Odesa" in h["snippet"] for h in hits)
    r = run("ingest", src, "--db", db)                         # again: nothing changes
    assert "0 new" in r.stderr and "3 unchanged" in r.stderr
    assert_one_record_per_input(db, 3)
    for cmd in (["events"], ["events", "--reports", "--format", "csv"], ["entities", "--top", "5"],
                ["disputes"], ["events", "--place", "Odesa", "--format", "json"]):
        r = run(*cmd, "--db", db)
        assert r.returncode == 0, (cmd, r.stderr)


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun(tmp_path):
    src = tmp_path / "news"
    write_corpus(src, 500)
    db = tmp_path / "c.db"
    proc = subprocess.Popen([EXE, "ingest", str(src), "--db", str(db), "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.time() + 300
        n = 0
        while time.time() < deadline and proc.poll() is None:
            time.sleep(0.2)
            if db.exists():
                try:
                    n = sql(db, "SELECT count(*) FROM articles")[0][0]
                except sqlite3.OperationalError:
                    n = 0
                if n >= 40:
                    break
        assert proc.poll() is None, "ingest finished before it could be killed"
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    killed_at = sql(db, "SELECT count(*) FROM articles")[0][0]
    assert 40 <= killed_at < 500
    for q in ORPHAN_QUERIES:                                   # even the killed state is consistent
        assert sql(db, q)[0][0] == 0, q
    r = run("ingest", src, "--db", db, "--no-progress")
    assert r.returncode == 0, r.stderr
    assert f"{killed_at} unchanged" in r.stderr
    assert_one_record_per_input(db, 500)
    assert sql(db, "SELECT status FROM runs ORDER BY id") == [("interrupted",), ("done",)]
    stats = run("stats", "--db", db)
    assert stats.returncode == 0 and "runs interrupted" in stats.stdout


@pytest.mark.slow
def test_two_ingest_processes_on_one_sqlite_file(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_corpus(a, 60, start=0)
    write_corpus(b, 60, start=30)                             # 30 articles in both
    db = tmp_path / "c.db"                                    # both processes create it at once
    procs = [subprocess.Popen([EXE, "ingest", str(d), "--db", str(db), "--no-progress"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for d in (a, b)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1][-2000:] for o in outs]
    assert_one_record_per_input(db, 90)
    assert sql(db, "SELECT count(*) FROM runs WHERE status = 'done'")[0][0] == 2


@pytest.mark.slow
@pytest.mark.postgres
def test_ingest_into_postgresql(tmp_path, pg_url):
    src = tmp_path / "news"
    write_corpus(src, 5)
    r = run("ingest", src, "--db", pg_url, "--no-progress")
    assert r.returncode == 0, r.stderr
    stats = json.loads(run("stats", "--db", pg_url, "--format", "json").stdout)
    assert stats["articles"] == 5
    hits = run("search", "artillery Kharkiv", "--db", pg_url, "--format", "jsonl").stdout.splitlines()
    assert hits
    r = run("ingest", src, "--db", pg_url, "--no-progress")
    assert "5 unchanged" in r.stderr


def test_a_place_first_met_in_an_article_that_failed_to_store_is_stored_with_the_next(tmp_path, monkeypatch):
    """Places resolved in a run are reused without a query, but only once their article committed:
    an article rolled back takes its new place with it, and the next article creates it again."""
    from conftest_pg import KHARKIV, strike
    from sitrep.store import ingest, open_db

    store = open_db(f"sqlite:///{tmp_path / 'memo.db'}")
    real, calls = ingest.link_article_events, []

    def fails_once(conn, evs):
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("linking failed")
        return real(conn, evs)
    monkeypatch.setattr(ingest, "link_article_events", fails_once)
    counters = store.ingest_records([strike("a1", "Reuters", place=KHARKIV), strike("a2", "AP", place=KHARKIV),
                                     strike("a3", "BBC", place=KHARKIV)])
    store.close()
    assert (counters["errors"], counters["new"]) == (1, 2)
    rows = sql(tmp_path / "memo.db", "SELECT a.source, p.name FROM article_places ap JOIN articles a ON a.id = ap.article_id "
                                     "JOIN places p ON p.id = ap.place_id ORDER BY a.source")
    assert rows == [("AP", "Kharkiv"), ("BBC", "Kharkiv")]
    assert sql(tmp_path / "memo.db", "SELECT count(*) FROM places WHERE name = 'Kharkiv'") == [(1,)]
