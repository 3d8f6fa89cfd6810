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
