"""Export: ACLED CSV, JSON lines, GeoJSON, Parquet — read back by the libraries users open them with
(pandas for the CSV, pyarrow and DuckDB for the Parquet, a strict RFC 7946 check of the GeoJSON)."""
from __future__ import annotations

import csv
import json
import math

import pytest

from conftest_pg import KHARKIV, make_record, strike
from sitrep.store import open_db
from sitrep.store.export import ACLED_COLUMNS, ACLED_ONLY, export

ACLED_ORDER = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
               "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
               "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
               "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
               "fatalities", "tags", "timestamp"]


def _with_kind(rec, kind):
    for loc in rec.locations:
        loc.kind = kind
    return rec


def _country_level():
    text = "Officials said Russian forces shelled positions inside Russia overnight. Item r."
    rec = make_record("r", "https://tass.example/r", "TASS", text, published="2022-09-23",
                      places=[("Russia", "RU", 61.52, 105.32)],
                      events=[dict(type="ASSAULT", mode="shelling", actor="Ukrainian forces", actor_country="UA",
                                   actor_sector="military", location="Russia", country="RU", date="2022-09-23",
                                   evidence=text.split(". ")[0] + ".")])
    return _with_kind(rec, "country")


def _speech_and_undated():
    text = ("Kyiv accused Moscow of war crimes. A missile hit a market in Kharkiv, the mayor said. "
            "Item s.")
    return make_record("s", "https://kyiv.example/s", "Kyiv Post", text, published="2022-09-28",
                       places=[KHARKIV],
                       events=[dict(type="ACCUSE", actor="Ukraine", actor_country="UA", target="Russia",
                                    date="2022-09-28", evidence="Kyiv accused Moscow of war crimes."),
                               dict(type="ASSAULT", mode="missile", actor="Russia", actor_country="RU",
                                    target="market", location="Kharkiv", country="UA", date=None,
                                    evidence="A missile hit a market in Kharkiv, the mayor said.")])


def _protest():
    text = "Police fired tear gas to disperse protesters in Khartoum on Sunday. Item p."
    rec = make_record("p", "https://sudan.example/p", "Sudan Tribune", text, published="2022-09-25",
                      places=[("Khartoum", "SD", 15.55, 32.53, [], "Khartoum")],
                      events=[dict(type="PROTEST", mode="demonstration", location="Khartoum", country="SD",
                                   date="2022-09-25", acled_event_type="Protests",
                                   acled_sub_event_type="Peaceful protest",
                                   evidence="Police fired tear gas to disperse protesters in Khartoum on Sunday.")])
    return _with_kind(rec, "city")


@pytest.fixture
def corpus(tmp_path):
    st = open_db(tmp_path / "c.db")
    st.ingest_records([
        strike("a", "Outlet A", 1, attributed_to="regional governor"),
        strike("b", "Outlet B", 3, extra="Hospital figures differ."),
        strike("w", "Wire", 2, place=KHARKIV, date="2022-09-25", published="2022-09-25"),
        _country_level(), _speech_and_undated(), _protest(),
    ])
    yield st
    st.close()


def _csv(corpus, tmp_path, *args, **kw):
    out = tmp_path / "e.csv"
    n = export(corpus, "acled-csv", out, *args, **kw)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert n == len(rows)
    return out, rows


def test_acled_columns_in_acled_order_and_vocabulary(corpus, tmp_path):
    out, rows = _csv(corpus, tmp_path)
    assert ACLED_ONLY == ACLED_ORDER and ACLED_COLUMNS[:len(ACLED_ORDER)] == ACLED_ORDER
    assert list(rows[0].keys()) == ACLED_COLUMNS
    zap = next(r for r in rows if r["location"] == "Zaporizhzhia")
    assert zap["event_id_cnty"].startswith("UKR") and zap["event_id_cnty"][3:].isdigit()
    assert zap["iso"] == "804" and zap["country"] == "Ukraine" and zap["region"] == "Europe"
    assert zap["event_date"] == "2022-09-22" and zap["year"] == "2022" and zap["time_precision"] == "1"
    assert (zap["disorder_type"], zap["event_type"], zap["sub_event_type"]) == (
        "Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert zap["actor1"] == "Military Forces of Russia" and zap["inter1"] == "1"
    assert zap["admin1"] == "Zaporizhzhia Oblast" and zap["admin2"] == "" and zap["source_scale"] == ""
    assert (float(zap["latitude"]), float(zap["longitude"])) == (47.84, 35.14) and zap["geo_precision"] == "1"
    assert zap["source"] == "Outlet A; Outlet B" and zap["n_sources"] == "2"
    assert zap["fatalities"] == "1"                                          # the lowest, never the mean (2)
    assert zap["disputed"] == "True" and json.loads(zap["dispute_fields"]) == ["fatalities"]
    assert "1 [Outlet A]" in zap["dispute_versions"] and "3 [Outlet B]" in zap["dispute_versions"]
    assert json.loads(zap["attributed_to"]) == ["regional governor"]
    assert zap["timestamp"].isdigit()


def test_physical_target_goes_to_notes_never_actor2(corpus, tmp_path):
    _, rows = _csv(corpus, tmp_path)
    market = next(r for r in rows if r["target"] == "market")
    assert market["actor2"] == "" and market["inter2"] == "" and market["interaction"] == "10"
    assert "[target: market]" in market["notes"]
    zap = next(r for r in rows if r["location"] == "Zaporizhzhia")
    assert zap["actor2"] == ""                                                # a city is not a party


def test_publication_date_only_is_marked(corpus, tmp_path):
    _, rows = _csv(corpus, tmp_path)
    market = next(r for r in rows if r["target"] == "market")
    assert market["event_date"] == "2022-09-28"
    assert market["time_precision"] == "2" and market["date_basis"] == "publication"
    zap = next(r for r in rows if r["location"] == "Zaporizhzhia")
    assert zap["date_basis"] == "text"


def test_country_level_event_has_no_point(corpus, tmp_path):
    _, rows = _csv(corpus, tmp_path)
    ru = next(r for r in rows if r["location"] == "Russia")
    assert ru["latitude"] == ru["longitude"] == ru["geo_precision"] == ""    # not Siberia's centroid
    assert ru["iso"] == "643" and ru["event_id_cnty"].startswith("RUS")
    assert ru["actor1"] == "Military Forces of Ukraine"
    fc = json.loads((lambda p: (export(corpus, "geojson", p), p.read_text())[1])(tmp_path / "g.geojson"))
    [feat] = [f for f in fc["features"] if f["properties"]["location"] == "Russia"]
    assert feat["geometry"] is None


def test_dispersed_protest_is_protest_with_intervention(corpus, tmp_path):
    _, rows = _csv(corpus, tmp_path)
    p = next(r for r in rows if r["location"] == "Khartoum")
    assert (p["disorder_type"], p["event_type"], p["sub_event_type"]) == (
        "Demonstrations", "Protests", "Protest with intervention")
    assert p["actor1"] == "Protesters (Sudan)" and p["inter1"] == "6" and p["region"] == "Northern Africa"


def test_speech_acts_left_out_unless_all(corpus, tmp_path, cli):
    _, rows = _csv(corpus, tmp_path)
    assert all(r["event_type"] for r in rows) and "ACCUSE" not in {r["sitrep_type"] for r in rows}
    _, every = _csv(corpus, tmp_path, include_all=True)
    assert len(every) == len(rows) + 1
    [speech] = [r for r in every if r["sitrep_type"] == "ACCUSE"]
    assert speech["event_type"] == "" and speech["disorder_type"] == ""
    db = corpus.url.replace("sqlite:///", "")
    n_default = len(cli("export", "-f", "acled-csv", "--db", db).stdout.strip().splitlines())
    n_all = len(cli("export", "-f", "acled-csv", "--db", db, "--all").stdout.strip().splitlines())
    assert n_all == n_default + 1


def test_csv_opens_in_pandas_with_json_cells(corpus, tmp_path):
    import pandas as pd
    out, _ = _csv(corpus, tmp_path)
    df = pd.read_csv(out)
    assert list(df.columns) == ACLED_COLUMNS
    assert str(df["year"].dtype) == "int64" and str(df["fatalities"].dtype) == "int64"
    assert str(df["latitude"].dtype) == "float64"
    for cell in df["urls"]:
        assert isinstance(json.loads(cell), list)                         # JSON, never ['a', 'b'] repr
    assert not any("['" in str(v) for v in df.astype(str).to_numpy().ravel())


def test_event_level_export_has_every_report(corpus, tmp_path):
    _, rows = _csv(corpus, tmp_path, level="events")
    assert sorted(r["fatalities"] for r in rows if r["location"] in ("Zaporizhzhia", "Kharkiv")
                  and r["target"] != "market") == ["1", "2", "3"]
    assert all("E" in r["event_id_cnty"] for r in rows)


def _strict_rfc7946(fc: dict) -> None:
    """RFC 7946: a FeatureCollection of Features, Point positions [lon, lat] in range, no crs."""
    assert set(fc) == {"type", "features"} and fc["type"] == "FeatureCollection"
    for f in fc["features"]:
        assert f["type"] == "Feature" and set(f) <= {"type", "id", "geometry", "properties", "bbox"}
        assert isinstance(f.get("id"), (str, int)) and isinstance(f["properties"], dict)
        g = f["geometry"]
        if g is not None:
            assert set(g) == {"type", "coordinates"} and g["type"] == "Point"
            lon, lat = g["coordinates"]
            assert all(isinstance(v, (int, float)) and math.isfinite(v) for v in (lon, lat))
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_strict_rfc7946_with_typed_properties(corpus, tmp_path):
    out = tmp_path / "e.geojson"
    n = export(corpus, "geojson", out)

    def no_nan(x):
        raise ValueError(f"{x} is not JSON")
    fc = json.loads(out.read_text(), parse_constant=no_nan)
    _strict_rfc7946(fc)
    assert len(fc["features"]) == n == 5
    for f in fc["features"]:
        p = f["properties"]
        assert isinstance(p["year"], int) and isinstance(p["urls"], list)
        if f["geometry"]:
            lon, lat = f["geometry"]["coordinates"]
            assert (lat, lon) == (p["latitude"], p["longitude"])
    kh = next(f for f in fc["features"] if f["properties"]["location"] == "Kharkiv"
              and f["properties"]["target"] != "market")
    assert 30 < kh["geometry"]["coordinates"][0] < 40                     # lon first, not swapped


def test_jsonl_keeps_sources_and_disputes(corpus, tmp_path):
    out = tmp_path / "e.jsonl"
    export(corpus, "jsonl", out)
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(lines) == 6                                                 # JSON lines keep speech acts
    zap = next(x for x in lines if x["location"] == "Zaporizhzhia")
    assert {s["source"] for s in zap["sources"]} == {"Outlet A", "Outlet B"}
    assert zap["disputes"][0]["field"] == "fatalities"


def test_parquet_is_typed_for_pyarrow_and_duckdb(corpus, tmp_path):
    import datetime as dt

    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq
    out = tmp_path / "e.parquet"
    export(corpus, "parquet", out)
    t = pq.read_table(out)
    assert t.num_rows == 5 and t.column_names == ACLED_COLUMNS
    assert t.schema.field("event_date").type == pa.date32()
    assert pa.types.is_integer(t.schema.field("year").type) and pa.types.is_integer(t.schema.field("iso").type)
    assert t.schema.field("urls").type == pa.list_(pa.string())
    assert t.schema.field("latitude").type == pa.float64()
    for name in t.column_names:                                            # '' is never mixed with NULL
        if t.schema.field(name).type == pa.string():
            assert "" not in t.column(name).to_pylist(), name
    assert not (tmp_path / "e.parquet.tmp").exists()
    con = duckdb.connect()
    (first, years, n_null_lat) = con.execute(
        f"SELECT min(event_date), list(DISTINCT year), count(*) FILTER (WHERE latitude IS NULL) "
        f"FROM read_parquet('{out}')").fetchone()
    assert first == dt.date(2022, 9, 22) and years == [2022] and n_null_lat == 1
    [(n_urls,)] = con.execute(f"SELECT sum(len(urls)) FROM read_parquet('{out}')").fetchall()
    assert n_urls == 6


def test_filters_and_bad_format(corpus, tmp_path):
    out = tmp_path / "k.csv"
    assert export(corpus, "acled-csv", out, place="Zaporizhzhia") == 1
    with pytest.raises(ValueError, match="unknown export format"):
        export(corpus, "xlsx", tmp_path / "x")
    empty = tmp_path / "none.parquet"
    assert export(corpus, "parquet", empty, since="2030-01-01") == 0
    import pyarrow.parquet as pq
    assert pq.read_table(empty).num_rows == 0


def test_user_overlay_renames_a_party(corpus, tmp_path):
    from sitrep.knowledge import Knowledge, use_knowledge
    overlay = tmp_path / "data"
    overlay.mkdir()
    (overlay / "actors.yaml").write_text("parties:\n  Military Forces of Russia: Military Forces of Russia (2000-)\n")
    with use_knowledge(Knowledge(overlays=[overlay])):
        _, rows = _csv(corpus, tmp_path)
    assert "Military Forces of Russia (2000-)" in {r["actor1"] for r in rows}


def test_cli_export_and_disputes(corpus, cli, tmp_path):
    db = corpus.url.replace("sqlite:///", "")
    r = cli("export", "--format", "geojson", "--db", db, "--out", tmp_path / "x.geojson")
    assert r.returncode == 0, r.stderr
    assert len(json.loads((tmp_path / "x.geojson").read_text())["features"]) == 5
    r = cli("disputes", "--db", db, "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    [d] = [json.loads(x) for x in r.stdout.splitlines()]
    assert d["field"] == "fatalities" and {v["value"] for v in d["versions"]} == {1, 3}
    r = cli("export", "--format", "xlsx", "--db", db)
    assert r.returncode == 2 and "unknown export format" in r.stderr
