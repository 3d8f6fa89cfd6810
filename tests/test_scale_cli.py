"""The issue-6 user story end to end, as a user types it: ingest on a local Dask cluster into
Parquet shards, then load the shards into a database; and the same run straight into a database."""
from __future__ import annotations

import sqlite3

import pytest

from sitrep.synth import generate, write_txt

pytestmark = pytest.mark.slow


def _articles(db) -> list:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT * FROM articles").fetchall()


def test_ingest_on_a_local_cluster_via_parquet_shards(cli, tmp_path):
    corpus = tmp_path / "corpus"
    write_txt(generate(6, seed=61), corpus)
    (corpus / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    shards = tmp_path / "shards"
    r = cli("ingest", corpus, "--cluster", "local:2", "--out-parquet", shards, "--no-progress")
    if r.returncode != 0 and "No such option" in r.stderr:
        pytest.skip("sitrep ingest has no --out-parquet yet")
    assert r.returncode == 0, r.stderr
    assert list(shards.glob("part-*.parquet"))
    db = tmp_path / "corpus.db"
    r = cli("ingest", "--from-parquet", shards, "--db", f"sqlite:///{db}", "--no-progress")
    assert "broken.txt" in r.stderr, "the poisoned input is reported, not lost"
    assert len(_articles(db)) == 6


def test_ingest_with_cluster_option_fills_the_database(cli, tmp_path):
    corpus = tmp_path / "corpus"
    write_txt(generate(5, seed=62), corpus)
    db = tmp_path / "corpus.db"
    r = cli("ingest", corpus, "--cluster", "local:2", "--db", f"sqlite:///{db}", "--no-progress")
    assert r.returncode == 0, r.stderr
    assert len(_articles(db)) == 5
    r = cli("ingest", corpus, "--cluster", "local:2", "--db", f"sqlite:///{db}", "--no-progress")
    assert r.returncode == 0 and len(_articles(db)) == 5, "re-ingesting on the cluster changes nothing"


def test_bad_cluster_spec_is_one_line_naming_the_option(cli, tmp_path):
    write_txt(generate(1, seed=63), tmp_path / "c")
    r = cli("ingest", tmp_path / "c", "--cluster", "remote:2", "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert r.returncode != 0
    assert "local:N" in r.stderr and "Traceback" not in r.stderr


CLOCK = {"applied_at", "ingested_at", "updated_at", "started_at", "finished_at", "created_at", "pid", "host"}


def _dump(db) -> dict:
    """Every table's rows (ids included), without clock times and process ids."""
    out = {}
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%'")]
        for t in tables:
            cur = conn.execute(f'SELECT * FROM "{t}"')
            keep = [i for i, d in enumerate(cur.description) if d[0] not in CLOCK]
            out[t] = sorted((tuple(r[i] for i in keep) for r in cur), key=repr)
    return out


def test_cluster_ingest_of_one_file_writes_the_rows_of_the_serial_ingest(cli, tmp_path):
    """72 articles = a partition of 32, then a tail cut into partitions of 8: the small ones
    finish first on the other worker, yet the database holds the same rows under the same ids
    as `sitrep ingest FILE`."""
    from sitrep.synth import write_jsonl

    src = tmp_path / "wire.jsonl"
    write_jsonl(generate(72, seed=64), src)
    serial, cluster = tmp_path / "serial.db", tmp_path / "cluster.db"
    r = cli("ingest", src, "--db", f"sqlite:///{serial}", "--no-progress")
    assert r.returncode == 0, r.stderr
    r = cli("ingest", "--cluster", "local:2", src, "--db", f"sqlite:///{cluster}", "--no-progress")
    assert r.returncode == 0, r.stderr
    a, b = _dump(serial), _dump(cluster)
    assert a["events"] and a["event_clusters"] and a["mentions"]
    for table in a:
        assert a[table] == b[table], table
