"""Server-rendered pages over HTTP, and the safe highlighter underneath the article view."""
from __future__ import annotations

import html as htmllib
import re

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _webcorpus import Server, build_db
from sitrep.web.highlight import KINDS, Span, boilerplate_spans, highlight


# ------------------------------------------------------------------ highlighter (no server)

def _visible(html: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", html))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab <>&\"'=/\n\u2028") + ["<script>", "onerror=", "</span>"]),
                max_size=30).map("".join),
       st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70), st.sampled_from(KINDS)), max_size=8))
def test_highlighting_keeps_the_text_and_escapes_it(text, raw_spans):
    spans = [Span(min(a, b), max(a, b), kind, {"v": "<b>x</b>"}) for a, b, kind in raw_spans]
    html, facts = highlight(text, spans)
    assert _visible(str(html)) == text
    # the only tags are the highlighter's own spans
    assert set(re.findall(r"<(/?\w+)", str(html))) <= {"span", "/span"}
    assert "<" not in str(facts) and ">" not in str(facts)


def test_overlapping_spans_mark_both_facts():
    text = "Russia fired missiles at Kyiv."
    html, _ = highlight(text, [Span(0, len(text), "evidence"), Span(7, 12, "trigger"), Span(25, 29, "place")])
    html = str(html)
    assert '<span class="hl hl-evidence hl-trigger" data-f="0,1">fired</span>' in html
    assert '<span class="hl hl-evidence hl-place" data-f="0,2">Kyiv</span>' in html


def test_boilerplate_lines_and_text_outside_the_body_are_greyed():
    text = "Title\nBody text.\nShare this\n"
    spans = boilerplate_spans(text, ["Share this"], (0, 17))
    html, _ = highlight(text, spans)
    assert '<span class="hl hl-boilerplate" data-f="0,1">Share this</span>' in str(html)


# ------------------------------------------------------------------ pages over HTTP

@pytest.fixture(scope="module")
def site(tmp_path_factory):
    s = Server(build_db(tmp_path_factory.mktemp("pages") / "corpus.db"))
    with httpx.Client(base_url=s.url, timeout=30) as c:
        yield c
    s.stop()


PAGES = ["/", "/timeline", "/map", "/disputes", "/articles", "/entities", "/search?q=rebuild", "/search?q=script+xss",
         "/timeline?type=ASSAULT&status=claimed"]


@pytest.mark.slow
def test_every_page_renders_and_escapes_hostile_text(site):
    arts = site.get("/api/articles").json()["items"]
    events = site.get("/api/clusters").json()["items"]
    ents = site.get("/api/entities").json()["items"]
    urls = PAGES + [f"/articles/{a['id']}" for a in arts] + [f"/events/{e['id']}" for e in events] \
        + [f"/entities/{e['id']}" for e in ents]
    for url in urls:
        r = site.get(url)
        assert r.status_code == 200, url
        body = r.text
        assert "<script>window" not in body, url
        assert "<img src=x" not in body, url
        assert 'onerror="' not in body and "onclick=\"window" not in body, url
        assert "<script>alert" not in body, url


@pytest.mark.slow
def test_overview_shows_charts_disputes_and_actors(site):
    body = site.get("/").text
    assert body.count('class="bar"') >= 3            # events per day, one bar per day
    assert "Oleksandr Starukh" in body
    assert "fatalities" in body                     # the latest dispute is named


@pytest.mark.slow
def test_timeline_filters_by_attribution(site):
    body = site.get("/timeline", params={"attribution": "governor"}).text
    assert "regional governor" in body and "local authorities" not in body and "Moscow" not in body
    assert body.count('class="bar"') == 1             # the chart shows the filtered reports only


@pytest.mark.slow
def test_event_page_puts_sources_side_by_side_and_marks_disagreement(site):
    c = site.get("/api/clusters", params={"place": "Zaporizhzhia"}).json()["items"][0]
    body = site.get(f"/events/{c['id']}").text
    assert "Kyiv Daily" in body and "Wire Service" in body
    assert body.count('class="evidence"') == 2
    assert re.search(r'<dd class="disagree">\s*3\s*</dd>', body) and re.search(r'<dd class="disagree">\s*5\s*</dd>', body)
    assert "3–5" in body                             # a range, never an average


@pytest.mark.slow
def test_article_page_highlights_every_kind_of_fact(site):
    arts = site.get("/api/articles").json()["items"]
    a = next(x for x in arts if x["source"] == "Kyiv Daily")
    body = site.get(f"/articles/{a['id']}").text
    for kind in ("hl-entity", "hl-place", "hl-quote", "hl-count", "hl-evidence", "hl-trigger", "hl-boilerplate"):
        assert kind in body, kind
    assert 'id="facts"' in body and '<script src="/static/article.js">' in body


@pytest.mark.slow
def test_static_assets_and_map_data_are_local(site):
    for path in ("/static/style.css", "/static/map.js", "/static/article.js", "/countries.geojson"):
        assert site.get(path).status_code == 200, path
    assert len(site.get("/countries.geojson").json()["features"]) > 150
    for path in ("/", "/map", "/timeline"):
        assert not re.search(r'(src|href)="(https?:)?//', site.get(path).text), path


@pytest.mark.slow
def test_missing_things_are_404(site):
    assert site.get("/events/999999").status_code == 404
    assert site.get("/articles/none").status_code == 404
    assert site.get("/entities/424242").status_code == 404


@pytest.mark.slow
def test_entity_page_shows_mentions_quotes_and_a_network(site):
    ent = next(e for e in site.get("/api/entities").json()["items"] if e["name"] == "Oleksandr Starukh")
    body = site.get(f"/entities/{ent['id']}").text
    assert "We will rebuild every house" in body
    assert 'class="network"' in body and 'href="/entities/by-name/Russian%20Armed%20Forces"' in body
    linked = site.get("/entities/by-name/Russian%20Armed%20Forces")
    assert linked.status_code == 200 and "<h1>Russian Armed Forces" in linked.text


@pytest.mark.slow
def test_search_marks_the_matched_words(site):
    body = site.get("/search", params={"q": "rebuild"}).text
    assert "<mark>rebuild</mark>" in body
    assert site.get("/search", params={"q": '"unbalanced AND OR ('}).status_code == 200


def test_a_count_highlights_its_own_figure_not_the_whole_sentence():
    from sitrep.web.pages import article_spans
    text = "A missile struck a street, killing three civilians and wounding 14, the governor said."
    fig = text.index("14")
    a = {"text": text, "counts": [{"value": 14, "category": "wounded", "start": 0, "end": len(text),
                                   "value_start": fig, "value_end": fig + 2},
                                  {"value": 3, "category": "killed", "start": 0, "end": len(text)}]}
    counts = [(sp.start, sp.end) for sp in article_spans(a) if sp.kind == "count"]
    assert (fig, fig + 2) in counts                                  # the figure the counts stage found
    assert (0, len(text)) in counts                                  # no span stored: the evidence, not a guess


@pytest.mark.slow
def test_html_pages_answer_404_in_html_and_the_api_in_json(site):
    for url in ("/events/999999", "/articles/none", "/entities/424242", "/no/such/page"):
        r = site.get(url)
        assert r.status_code == 404 and r.headers["content-type"].startswith("text/html"), url
        assert "<header" in r.text and "Not found" in r.text, url
    r = site.get("/api/clusters/999999")
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")


@pytest.mark.slow
def test_api_docs_work_offline(site):
    r = site.get("/docs")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "/api/events" in r.text and "/api/clusters/{cluster_id}" in r.text and "limit" in r.text
    assert not re.search(r'(src|href)="(https?:)?//', r.text)             # no CDN: the CSP forbids it
    assert "<script>" not in r.text


@pytest.mark.slow
def test_timeline_and_actors_download_as_csv_and_json(site):
    import csv
    import io
    r = site.get("/timeline.csv", params={"attribution": "governor"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 1 and rows[0]["attributed_to"] == "regional governor"
    every = site.get("/timeline.json").json()
    assert len(every) == site.get("/api/reports").json()["total"]        # the timeline lists reports
    actors = site.get("/entities.json").json()
    assert "Oleksandr Starukh" in {a["name"] for a in actors}
    assert site.get("/entities.csv").text.startswith("id,name,kind")
    assert site.get("/timeline.xlsx").status_code == 404
    body = site.get("/timeline").text
    assert 'href="/timeline.csv' in body and 'class="events sortable"' in body and "/static/table.js" in body


@pytest.mark.slow
def test_overview_chart_is_a_continuous_day_axis(site):
    stats = site.get("/api/stats").json()
    days = sorted(d["date"] for d in stats["by_day"] if d.get("date"))
    import datetime as dt
    span = (dt.date.fromisoformat(days[-1]) - dt.date.fromisoformat(days[0])).days + 1
    body = site.get("/").text
    section = body.split('id="per-day"')[1].split("</section>")[0]
    assert section.count('class="bar"') == span                           # empty days are bars of 0


def test_event_page_marks_only_what_the_store_calls_sources_differing(tmp_path):
    from fastapi.testclient import TestClient

    from conftest_pg import strike
    from sitrep.store import open_db
    from sitrep.web.app import create_app
    st = open_db(tmp_path / "d.db")
    # same strike, same toll; the outlets attribute it differently: no dispute, nothing marked
    st.ingest_records([strike("a", "Outlet A", 2, attributed_to="regional governor"),
                       strike("b", "Outlet B", 2, attributed_to="local police")])
    [c] = st.event_clusters()
    with TestClient(create_app(store=st)) as client:
        body = client.get(f"/events/{c['id']}").text
        assert 'class="disagree"' not in body and "regional governor" in body and "local police" in body
        st.ingest_records([strike("w", "Outlet W", 5)])                    # a third toll: a dispute
        client.app.state.source._cache.clear()
        body = client.get(f"/events/{c['id']}").text
        assert len(re.findall(r'<dd class="disagree">', body)) == 3        # fatalities, in each source
    st.close()


def test_map_lists_country_level_events_beside_it_never_at_the_centroid(tmp_path):
    from fastapi.testclient import TestClient

    from conftest_pg import make_record, strike
    from sitrep.store import open_db
    from sitrep.web.app import create_app
    text = "Officials said drones attacked an airfield somewhere in Russia overnight. Item r."
    rec = make_record("r", "https://tass.example/r", "TASS", text, published="2022-09-23",
                      places=[("Russia", "RU", 61.52, 105.32)],
                      events=[dict(type="ASSAULT", mode="drone", actor="Ukraine", actor_country="UA",
                                   location="Russia", country="RU", date="2022-09-23")])
    rec.locations[0].kind = "country"
    st = open_db(tmp_path / "m.db")
    st.ingest_records([rec, strike("a", "Outlet A", 2)])
    with TestClient(create_app(store=st)) as client:
        points = client.get("/api/map").json()["items"]
        assert [p["place"] for p in points] == ["Zaporizhzhia"]                # Siberia stays empty
        body = client.get("/map").text
        listed = body.split('id="unplotted"')[1].split("</aside>")[0]
        assert "ASSAULT" in listed and "Russia" in listed and "Zaporizhzhia" not in listed
    st.close()
