"""Export: ACLED-style CSV, JSON lines, GeoJSON, Parquet — read back as their users would."""
from __future__ import annotations

import csv
import json

import pytest

from conftest_pg import KHARKIV, strike
from sitrep.store import open_db
from sitrep.store.export import ACLED_COLUMNS, export


@pytest.fixture
def corpus(tmp_path):
    st = open_db(tmp_path / "c.db")
    st.ingest_records([
        strike("a", "Outlet A", 1, attributed_to="regional governor"),
        strike("b", "Outlet B", 3, extra="Hospital figures differ."),
        strike("w", "Wire", 2, place=KHARKIV, date="2022-09-25", published="2022-09-25"),
    ])
    yield st
    st.close()


def test_acled_csv(corpus, tmp_path):
    out = tmp_path / "e.csv"
    n = export(corpus, "acled-csv", out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert n == len(rows) == 2
    assert list(rows[0].keys()) == ACLED_COLUMNS
    zap = next(r for r in rows if r["location"] == "Zaporizhzhia")
    assert zap["event_date"] == "2022-09-22" and zap["actor1"] == "Russia" and zap["country"] == "Ukraine"
    assert zap["iso"] == "UA" and zap["admin1"] == "Zaporizhzhia Oblast"
    assert (float(zap["latitude"]), float(zap["longitude"])) == (47.84, 35.14)
    assert zap["event_type"] == "Explosions/Remote violence"                  # mode missile, via the lexicon
    assert zap["source"] == "Outlet A; Outlet B" and zap["n_sources"] == "2"
    assert zap["disputed"] == "True" and zap["dispute_fields"] == "fatalities"
    assert zap["fatalities"] == "1"                                          # the lowest, never the mean (2)
    assert "1 [Outlet A]" in zap["dispute_versions"] and "3 [Outlet B]" in zap["dispute_versions"]
    assert zap["attributed_to"] == "regional governor"
    kh = next(r for r in rows if r["location"] == "Kharkiv")
    assert kh["fatalities"] == "2" and kh["disputed"] == "False" and kh["dispute_versions"] == ""


def test_event_level_export_has_every_report(corpus, tmp_path):
    out = tmp_path / "e.csv"
    assert export(corpus, "acled-csv", out, level="events") == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert sorted(r["fatalities"] for r in rows) == ["1", "2", "3"]


def test_geojson_points_are_lon_lat(corpus, tmp_path):
    out = tmp_path / "e.geojson"
    export(corpus, "geojson", out)
    fc = json.loads(out.read_text())
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["geometry"]["type"] == "Point"
        assert (lat, lon) == (f["properties"]["latitude"], f["properties"]["longitude"])
        assert 30 < lon < 40 and 45 < lat < 51                                # Ukraine, not swapped


def test_jsonl_keeps_sources_and_disputes(corpus, tmp_path):
    out = tmp_path / "e.jsonl"
    export(corpus, "jsonl", out)
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(lines) == 2
    zap = next(x for x in lines if x["location"] == "Zaporizhzhia")
    assert {s["source"] for s in zap["sources"]} == {"Outlet A", "Outlet B"}
    assert zap["disputes"][0]["field"] == "fatalities"


def test_parquet_opens_with_pyarrow(corpus, tmp_path):
    import pyarrow.parquet as pq
    out = tmp_path / "e.parquet"
    export(corpus, "parquet", out)
    t = pq.read_table(out)
    assert t.num_rows == 2 and t.column_names == ACLED_COLUMNS
    assert str(t.schema.field("latitude").type) == "double"
    assert sorted(t.column("fatalities").to_pylist()) == [1, 2]
    assert not (tmp_path / "e.parquet.tmp").exists()


def test_filters_and_bad_format(corpus, tmp_path):
    out = tmp_path / "k.csv"
    assert export(corpus, "acled-csv", out, place="Kharkiv") == 1
    with pytest.raises(ValueError, match="unknown export format"):
        export(corpus, "xlsx", tmp_path / "x")
    empty = tmp_path / "none.parquet"
    assert export(corpus, "parquet", empty, since="2030-01-01") == 0
    import pyarrow.parquet as pq
    assert pq.read_table(empty).num_rows == 0


def test_cli_export_and_disputes(corpus, cli, tmp_path):
    db = corpus.url.replace("sqlite:///", "")
    r = cli("export", "--format", "geojson", "--db", db, "--out", tmp_path / "x.geojson")
    assert r.returncode == 0, r.stderr
    assert len(json.loads((tmp_path / "x.geojson").read_text())["features"]) == 2
    r = cli("disputes", "--db", db, "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    [d] = [json.loads(x) for x in r.stdout.splitlines()]
    assert d["field"] == "fatalities" and {v["value"] for v in d["versions"]} == {1, 3}
    r = cli("export", "--format", "xlsx", "--db", db)
    assert r.returncode == 2 and "unknown export format" in r.stderr
