"""The API's bodies do not depend on how they are produced: the store behind the read-only
server (sqlite3, `store.lite`) and the SQLAlchemy store answer the same bytes, single items are
the store's own dicts sent as JSON, and a real `sitrep serve` answers the same bytes with either
HTTP parser (h11 or httptools)."""
from __future__ import annotations

import json

import httpx
import pytest

from _webcorpus import Server, build_db

pytestmark = pytest.mark.slow

ROUTES = ["/api/events", "/api/reports", "/api/clusters", "/api/disputes", "/api/map", "/api/articles",
          "/api/entities", "/api/places", "/api/quotes", "/api/counts", "/api/search?q=shelling",
          "/api/stats", "/api/stats?since=2022-01-01&until=2024-01-01", "/api/clusters/1",
          "/api/entities/1", "/api/events?limit=2&offset=1", "/api/reports?type=ASSAULT",
          "/api/map?place=Kharkiv", "/api/entities?kind=person", "/api/places?q=Kh",
          "/api/clusters/999999", "/api/events?since=garbage", "/api/reports?limit=1"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("bodies") / "corpus.db")


def _client(store):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app
    return TestClient(create_app(store=store, token=""))


@pytest.fixture(scope="module")
def lite(db):
    from sitrep.store.lite import open_lite
    with _client(open_lite(f"sqlite:///{db}")) as c:
        yield c


@pytest.fixture(scope="module")
def alchemy(db):
    from sitrep.store.query import open_db
    with _client(open_db(f"sqlite:///{db}", read_only=True)) as c:
        yield c


def _routes(client) -> list[str]:
    arts = client.get("/api/articles", params={"limit": 3}).json()["items"]
    assert arts, "the corpus has articles"
    return ROUTES + [f"/api/articles/{a['id']}" for a in arts]


def test_both_stores_answer_the_same_bytes_on_every_route(lite, alchemy):
    for path in _routes(lite):
        a, b = lite.get(path), alchemy.get(path)
        assert (a.status_code, a.headers["content-type"], a.content) == \
               (b.status_code, b.headers["content-type"], b.content), path


def test_single_items_map_and_stats_are_the_stores_own_answers(lite):
    src = lite.app.state.source
    from sitrep.web.source import EventFilters
    expected = {"/api/clusters/1": src.cluster(1), "/api/entities/1": src.entity(1),
                "/api/stats": src.stats(None, None)}
    points = src.map_points(EventFilters(), 200000)
    expected["/api/map"] = {"items": points, "events": sum(p["n"] for p in points)}
    for path, value in expected.items():
        assert value, path
        r = lite.get(path)
        assert r.status_code == 200 and r.headers["content-type"] == "application/json", path
        assert r.content == json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), path


@pytest.mark.parametrize("parser", ["h11", "httptools"])
def test_a_real_server_answers_the_same_bytes_with_either_http_parser(db, lite, parser):
    server = Server(db, args=("--http", parser))
    try:
        with httpx.Client(base_url=server.url, timeout=30) as real:
            for path in _routes(lite):
                want, got = lite.get(path), real.get(path)
                here = want.content.replace(b"http://testserver/", server.url.encode() + b"/")  # `next` links
                assert (got.status_code, got.content) == (want.status_code, here), (parser, path)
                assert got.headers["content-security-policy"], path
    finally:
        server.stop()
