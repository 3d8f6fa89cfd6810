"""The JSON API: most routes in-process through FastAPI's TestClient, and a real `sitrep serve`
(uvicorn on a free localhost port) for what only a real server shows: where it listens, that it
refuses writes without a token, and the load benchmark."""
from __future__ import annotations

import httpx
import psutil
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from _webcorpus import Server, build_db

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("api") / "corpus.db")


@pytest.fixture(scope="module")
def server(db):
    s = Server(db)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def api(db):
    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app
    with TestClient(create_app(db, token="")) as c:
        yield c


@pytest.fixture(scope="module")
def real(server):
    with httpx.Client(base_url=server.url, timeout=30) as c:
        yield c


def test_openapi_describes_every_resource(api):
    paths = api.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/clusters", "/api/clusters/{cluster_id}", "/api/articles",
              "/api/articles/{article_id}", "/api/entities", "/api/places", "/api/quotes",
              "/api/counts", "/api/search", "/api/stats", "/api/disputes"):
        assert p in paths, p


def test_reports_are_paginated_with_a_next_link(api):
    first = api.get("/api/reports", params={"limit": 2}).json()
    assert len(first["items"]) == 2 and first["total"] == 4
    second = api.get(first["next"]).json()
    assert second["offset"] == 2 and len(second["items"]) == 2 and second["next"] is None
    ids = {e["id"] for e in first["items"]} | {e["id"] for e in second["items"]}
    assert len(ids) == 4
    assert api.get("/api/reports", params={"limit": 100000}).status_code == 422


def test_events_are_real_events_with_their_reports_inside(api):
    page = api.get("/api/events", params={"limit": 2}).json()
    assert page["total"] == 3 and len(page["items"]) == 2 and page["next"]
    rest = api.get(page["next"]).json()["items"]
    events = page["items"] + rest
    assert sum(len(e["reports"]) for e in events) == 4      # every report, inside its event
    strike = next(e for e in events if e["location"] == "Zaporizhzhia")
    assert {r["source"] for r in strike["reports"]} == {"Kyiv Daily", "Wire Service"}
    assert all(r["cluster_id"] == strike["id"] for r in strike["reports"])


@pytest.mark.parametrize("params, expected", [
    ({"type": "PROTEST"}, {"Moscow"}),
    ({"place": "Zaporizhzhia"}, {"Zaporizhzhia"}),
    ({"attributed_to": "governor"}, {"Zaporizhzhia"}),
    ({"attribution": "governor"}, {"Zaporizhzhia"}),        # the older name still works
    ({"status": "claimed"}, {"Kharkiv"}),
    ({"since": "2022-09-23"}, {"Kharkiv"}),
    ({"until": "2022-09-21"}, {"Moscow"}),
    ({"bbox": "30,45,40,50"}, {"Zaporizhzhia", "Kharkiv"}),
])
def test_event_filters_match_the_cli_filters(api, params, expected):
    items = api.get("/api/events", params=params).json()["items"]
    assert {e["location"] for e in items} == expected


@pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "nan,45,40,50", "30,45,inf,50", "1,2,3,4,5"])
def test_bad_bbox_is_a_clear_422(api, bbox):
    for path in ("/api/events", "/api/reports", "/api/map", "/api/clusters"):
        r = api.get(path, params={"bbox": bbox})
        assert r.status_code == 422 and "bbox" in r.text, (path, bbox, r.status_code)


def test_a_cluster_keeps_both_sources_and_their_disagreement(api):
    clusters = api.get("/api/clusters", params={"place": "Zaporizhzhia"}).json()["items"]
    assert len(clusters) == 1
    c = api.get(f"/api/clusters/{clusters[0]['id']}").json()
    assert {s["source"] for s in c["sources"]} == {"Kyiv Daily", "Wire Service"}
    assert c["disputed"] is True
    fat = [d for d in c["disputes"] if d["field"] == "fatalities"]
    assert fat and {v["value"] for v in fat[0]["versions"]} == {3, 5}
    assert api.get("/api/disputes").json()["items"][0]["id"] == c["id"]


def test_article_items_carry_offsets_into_the_text(api):
    arts = api.get("/api/articles").json()["items"]
    strike = next(a for a in arts if a["source"] == "Kyiv Daily")
    a = api.get(f"/api/articles/{strike['id']}").json()
    text = a["text"]
    for group in ("persons", "organizations", "locations"):
        for item in a[group]:
            for m in item["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
    ev = a["events"][0]
    assert text[ev["start"]:ev["end"]] == ev["evidence"]
    assert api.get("/api/articles/nope").status_code == 404


def test_entities_places_quotes_counts_search_and_stats(api):
    names = {e["name"] for e in api.get("/api/entities").json()["items"]}
    assert "Oleksandr Starukh" in names
    places = {p["name"] for p in api.get("/api/places").json()["items"]}
    assert {"Zaporizhzhia", "Moscow", "Kharkiv"} <= places
    quotes = api.get("/api/quotes", params={"speaker": "Starukh"}).json()["items"]
    assert quotes and all("rebuild" in q["text"] for q in quotes)
    killed = api.get("/api/counts", params={"category": "killed"}).json()["items"]
    assert sorted(c["value"] for c in killed) == [3, 5]
    hits = api.get("/api/search", params={"q": "rebuild"}).json()["items"]
    assert hits and all(h["article_id"] for h in hits)
    stats = api.get("/api/stats").json()
    days = {d["day"]: d["n"] for d in stats["per_day"]}
    assert days == {"2022-09-21": 1, "2022-09-22": 1, "2022-09-23": 1}
    assert {t["type"] for t in stats["by_type"]} == {"ASSAULT", "PROTEST"}


def test_map_points_have_coordinates_and_links(api):
    pts = api.get("/api/map").json()["items"]
    assert len(pts) == 3 and all(-180 <= p["lon"] <= 180 and p["href"].startswith("/events/") for p in pts)


def test_server_is_read_only_and_binds_loopback(real, server):
    assert real.delete("/api/events").status_code == 405
    assert real.put("/api/articles/x", json={}).status_code == 405
    r = real.post("/api/articles", json={"text": "x"})
    assert r.status_code == 401          # no token configured and none sent
    assert real.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer guess"}).status_code == 403
    addrs = set()
    for proc in [psutil.Process(server.proc.pid), *psutil.Process(server.proc.pid).children(recursive=True)]:
        addrs |= {c.laddr.ip for c in proc.net_connections(kind="tcp") if c.status == psutil.CONN_LISTEN}
    assert addrs == {"127.0.0.1"}


def test_two_server_processes_answer_as_one_and_stay_read_only(db, real):
    s = Server(db, args=("--workers", "2"))
    try:
        with httpx.Client(base_url=s.url, timeout=30) as c:
            for path in ("/api/events?limit=3", "/api/stats", "/api/map"):
                assert c.get(path).json() == real.get(path).json(), path
            assert c.post("/api/articles", json={"text": "x"}).status_code == 401
            assert c.get("/").status_code == 200
        children = psutil.Process(s.proc.pid).children(recursive=True)
        assert sum("spawn_main" in " ".join(p.cmdline()) for p in children) == 2   # two processes serve
    finally:
        s.stop()
    assert s.proc.poll() is not None


def test_every_response_forbids_inline_script(api):
    csp = api.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


@pytest.fixture(scope="module")
def writable(db, tmp_path_factory):
    import shutil

    from fastapi.testclient import TestClient

    from sitrep.web.app import create_app
    copy = tmp_path_factory.mktemp("w") / "corpus.db"
    shutil.copy(db, copy)
    with TestClient(create_app(copy, token="s3cret-token")) as c:
        yield c


def test_posting_an_article_needs_the_token(writable):
    article = {"title": "Drone strike on Odesa", "source": "Test Wire", "published": "2022-09-24",
               "url": "https://example.org/odesa",
               "text": "Drone strike on Odesa\nRussian drones struck the port of Odesa on Saturday, "
                       "killing two people, the Ukrainian military said.\n"}
    c = writable
    assert c.post("/api/articles", json=article).status_code == 401
    assert c.post("/api/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 403
    r = c.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 201, r.text
    titles = [a["title"] for a in c.get("/api/articles", params={"limit": 100}).json()["items"]]
    assert "Drone strike on Odesa" in titles
    # the size limit holds before any parsing or authentication
    big = {"text": "x" * 3_000_000}
    assert c.post("/api/articles", json=big, headers={"Authorization": "Bearer s3cret-token"}).status_code == 413
    # ... and when the body is streamed without a declared length
    chunks = (b'{"text": "' + b"y" * 100_000 if i == 0 else b"y" * 100_000 for i in range(30))
    r = c.post("/api/articles", content=chunks, headers={"Authorization": "Bearer s3cret-token",
                                                         "content-type": "application/json"})
    assert r.status_code == 413


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=40), field=st.sampled_from(["type", "actor", "place", "attribution", "status",
                                                            "since", "until", "bbox", "q"]))
def test_any_filter_or_query_text_is_answered_never_a_server_error(api, value, field):
    path = "/api/search" if field == "q" else "/api/events"
    r = api.get(path, params={field: value})
    assert r.status_code in (200, 422), (field, value, r.text[:200])
    if field != "q":
        assert api.get("/timeline", params={field: value}).status_code in (200, 422)


def test_the_load_benchmark_reports_latency_and_errors(server):
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "web_load.py"
    spec = importlib.util.spec_from_file_location("web_load", path)
    web_load = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(web_load)
    paths = web_load.filter_paths(40, seed=1)
    assert len(set(paths)) == 40, "every request of the first phase has its own filters"
    r = web_load.run_load(server.url, paths, concurrency=20)   # more threads than a per-thread pool holds
    for phase in (r["uncached"], r["cached"]):
        assert phase["errors"] == 0 and phase["requests"] == 40 and 0 < phase["p50"] <= phase["p95"] <= phase["max"]
    bad = web_load.run_load(server.url, ["/events/999999"], concurrency=2)
    assert bad["errors"] == 2



BIG = 2 ** 63          # one beyond the database's largest integer


@pytest.mark.parametrize("path", ["/api/clusters/{n}", "/api/entities/{n}", "/api/events?offset={n}",
                                  "/api/reports?offset={n}", "/api/clusters?offset={n}", "/api/articles?offset={n}",
                                  "/api/entities?offset={n}", "/api/places?offset={n}", "/api/quotes?offset={n}",
                                  "/api/counts?offset={n}", "/api/search?q=shelling&offset={n}",
                                  "/api/disputes?offset={n}", "/events/{n}", "/timeline?offset={n}",
                                  "/entities/{n}"])
@pytest.mark.parametrize("n", [BIG, 10 ** 30])
def test_integers_beyond_the_database_range_are_a_client_error(api, path, n):
    r = api.get(path.format(n=n))
    assert r.status_code < 500, (path, r.status_code, r.text[:200])
    if path.startswith("/api") or "offset" not in path:
        assert r.status_code >= 400, (path, r.status_code)      # an API answer or a missing item


@pytest.mark.parametrize("article, why", [
    ({"text": "Too short."}, "three words"),
    ({"text": "Soldiers shelled the village of Kadugli at dawn, residents said.", "published": "notadate"},
     "not a date"),
    ({"text": "Gunmen attacked a convoy near Gao, killing four people, officials said.", "published": "2023-02-30"},
     "not a date"),
])
def test_a_posted_article_is_checked_like_a_reader_checks_a_line(writable, article, why):
    r = writable.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 422 and why in r.text, r.text


@pytest.mark.parametrize("field", ["text", "title", "source"])
def test_a_posted_lone_surrogate_is_a_422_not_a_500(writable, field):
    body = {"text": "Militia fighters seized the town of Bunia on Monday, the UN mission said."}
    body[field] = body.get(field, "Ituri ") + "\\udc80 report"
    raw = __import__("json").dumps(body).replace("\\\\udc80", "\\udc80")
    r = writable.post("/api/articles", content=raw, headers={"Authorization": "Bearer s3cret-token",
                                                             "content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert "\\udc80" in r.text or "unicode" in r.text.lower()


def test_a_posted_written_date_is_normalised_like_the_jsonl_reader_does(writable):
    article = {"text": "Paramilitary forces shelled a market in El Fasher on Sunday, killing five people, "
                       "a local aid group said.", "published": "22 September 2022", "source": "Darfur Wire",
               "url": "https://example.org/darfur/market"}
    r = writable.post("/api/articles", json=article, headers={"Authorization": "Bearer s3cret-token"})
    assert r.status_code == 201, r.text
    arts = writable.get("/api/articles", params={"source": "Darfur Wire"}).json()["items"]
    assert [a["published"] for a in arts] == ["2022-09-22"]


def test_api_filters_refuse_what_the_cli_refuses(api):
    for params, word in (({"since": "2022-13-01"}, "not a date"), ({"until": "yesterday"}, "not a date"),
                         ({"type": "BOGUS"}, "ASSAULT"), ({"status": "maybe"}, "occurred")):
        r = api.get("/api/events", params=params)
        assert r.status_code == 422 and word in r.text, (params, r.text)
