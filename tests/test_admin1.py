"""Province (admin-1) outlines for the map: simplified once from a Natural Earth-shaped GeoJSON,
kept in the disk cache, and served per country by `/admin1.geojson`."""
from __future__ import annotations

import json
import math

import pytest

from sitrep import admin1
from sitrep.knowledge import Knowledge, use_knowledge


def circle(lon, lat, r, n=400):
    ring = [[round(lon + r * math.cos(2 * math.pi * i / n), 5), round(lat + r * math.sin(2 * math.pi * i / n), 5)]
            for i in range(n)]
    return ring + [ring[0]]


def feature(name, iso_a2, lon, lat, r=1.0, iso_3166_2=None, islet=False):
    polys = [[circle(lon, lat, r)]]
    if islet:
        polys.append([circle(lon + 3 * r, lat, 0.001, n=12)])      # far under the tolerance
    return {"type": "Feature",
            "properties": {"name": name, "iso_a2": iso_a2, "iso_3166_2": iso_3166_2 or f"{iso_a2}-XX",
                           "type_en": "Region", "longitude": lon, "latitude": lat},
            "geometry": {"type": "MultiPolygon", "coordinates": polys}}


@pytest.fixture
def source(tmp_path, monkeypatch):
    fc = {"type": "FeatureCollection", "features": [
        feature("Kharkiv", "UA", 36.5, 49.6, islet=True), feature("Zaporizhzhia", "UA", 35.5, 47.4),
        feature("Crimea", "RU", 34.2, 45.3, iso_3166_2="UA-43"), feature("Belgorod", "RU", 37.5, 50.7),
        feature("North Darfur", "SD", 25.0, 16.0, r=3), feature("Bavaria", "DE", 11.4, 48.9)]}
    path = tmp_path / "ne_admin1.json"
    path.write_text(json.dumps(fc))
    monkeypatch.setenv(admin1.SOURCE_ENV, str(path))
    monkeypatch.setenv("SITREP_CACHE", str(tmp_path / "cache"))
    with use_knowledge(Knowledge(files={})):
        yield path


def names(fc):
    return sorted(f["properties"]["name"] for f in fc["features"])


def test_only_the_asked_countries_provinces_are_given(source):
    assert names(admin1.outlines(["UA"])) == ["Crimea", "Kharkiv", "Zaporizhzhia"]
    assert names(admin1.outlines(["sd"])) == ["North Darfur"]
    assert names(admin1.outlines([])) == []
    assert "Bavaria" not in names(admin1.outlines(["UA", "RU", "SD"]))


def test_a_province_another_country_claims_is_drawn_for_both(source):
    assert "Crimea" in names(admin1.outlines(["RU"])) and "Crimea" in names(admin1.outlines(["UA"]))
    both = admin1.outlines(["RU", "UA"])
    assert names(both).count("Crimea") == 1


def test_outlines_are_simplified_closed_and_still_in_place(source):
    fc = admin1.outlines(["UA"])
    kharkiv = next(f for f in fc["features"] if f["properties"]["name"] == "Kharkiv")
    geom = kharkiv["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    assert len(polys) == 1                         # the islet below the tolerance is gone
    ring = polys[0][0]
    assert ring[0] == ring[-1] and 8 <= len(ring) < 401
    # every kept point still lies on the original circle, within the tolerance
    for lon, lat in ring:
        assert abs(math.hypot(lon - 36.5, lat - 49.6) - 1.0) <= admin1.TOLERANCE + admin1.GRID
    assert kharkiv["properties"]["label"] == [36.5, 49.6] and kharkiv["properties"]["country"] == "UA"


def test_the_simplified_table_is_built_once_and_rebuilt_when_the_source_changes(source, tmp_path, monkeypatch):
    admin1.outlines(["UA"])
    cached = list((tmp_path / "cache").glob("admin1-*.pickle"))
    assert len(cached) == 1
    calls = []
    monkeypatch.setattr(admin1, "build_table", lambda p: calls.append(p) or {})
    with use_knowledge(Knowledge(files={})):       # a new process: the pickle answers
        assert names(admin1.outlines(["UA"])) == ["Crimea", "Kharkiv", "Zaporizhzhia"]
    assert calls == []
    data = json.loads(source.read_text())
    data["features"] = data["features"][:1]
    source.write_text(json.dumps(data) + " ")     # another size: another key
    with use_knowledge(Knowledge(files={})):
        admin1.outlines(["UA"])
    assert calls == [source]


def test_no_source_installed_means_no_outlines(tmp_path, monkeypatch):
    monkeypatch.setenv(admin1.SOURCE_ENV, str(tmp_path / "missing.json"))
    with use_knowledge(Knowledge(files={})):
        assert admin1.source_path() is None and not admin1.available()
        assert admin1.outlines(["UA"])["features"] == []


def test_a_users_admin1_file_replaces_natural_earth(source, tmp_path, monkeypatch):
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "admin1.geojson").write_text(json.dumps(
        {"type": "FeatureCollection", "features": [feature("Sool", "SO", 47.5, 8.7)]}))
    with use_knowledge(Knowledge(overlays=[overlay])):
        assert names(admin1.outlines(["SO"])) == ["Sool"]
        assert admin1.outlines(["UA"])["features"] == []


def test_the_route_serves_geojson_per_country_and_404s_without_data(source, tmp_path, monkeypatch):
    from fastapi.testclient import TestClient
    from sitrep.web.app import create_app
    from _webcorpus import build_db
    client = TestClient(create_app(build_db(tmp_path / "corpus.db"), token=""))
    r = client.get("/admin1.geojson", params={"countries": "UA,SD"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    assert names(r.json()) == ["Crimea", "Kharkiv", "North Darfur", "Zaporizhzhia"]
    monkeypatch.setenv(admin1.SOURCE_ENV, str(tmp_path / "gone.json"))
    with use_knowledge(Knowledge(files={})):
        assert client.get("/admin1.geojson", params={"countries": "UA"}).status_code == 404
