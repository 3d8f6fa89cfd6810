"""The corpus database, on SQLite AND on a real PostgreSQL server (same tests, `db_url` fixture)."""
from __future__ import annotations

from sqlalchemy import func, select, text

from conftest_pg import FILLER, KHARKIV, ZAP, make_record, strike
from sitrep.record import InputError
from sitrep.store import open_db, schema as S
from sitrep.store.migrations import LATEST, current_version, upgrade


def table_counts(st) -> dict[str, int]:
    with st.engine.connect() as c:
        return {t.name: c.execute(select(func.count()).select_from(t)).scalar()
                for t in S.metadata.sorted_tables if t.name not in ("runs", "schema_version")}


def orphans(st) -> dict[str, int]:
    """Rows pointing at something that is gone (must all be 0)."""
    q = {
        "mentions": "SELECT count(*) FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL",
        "events": "SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = e.article_id WHERE a.id IS NULL",
        "quotes": "SELECT count(*) FROM quotes q LEFT JOIN articles a ON a.id = q.article_id WHERE a.id IS NULL",
        "counts": "SELECT count(*) FROM counts k LEFT JOIN articles a ON a.id = k.article_id WHERE a.id IS NULL",
        "sources": "SELECT count(*) FROM event_sources s LEFT JOIN events e ON e.id = s.event_id WHERE e.id IS NULL",
        "empty_clusters": "SELECT count(*) FROM event_clusters c WHERE NOT EXISTS "
                          "(SELECT 1 FROM event_sources s WHERE s.cluster_id = c.id)",
        "unclustered": "SELECT count(*) FROM events e WHERE e.day IS NOT NULL AND e.cluster_id IS NULL",
    }
    with st.engine.connect() as c:
        return {k: c.execute(text(v)).scalar() for k, v in q.items()}


def test_open_creates_latest_schema_and_reopens(db_url):
    st = open_db(db_url)
    with st.engine.connect() as c:
        assert current_version(c) == LATEST
    st.close()
    st = open_db(db_url)            # a second open applies nothing and keeps the data
    assert upgrade(st.engine) == []
    st.close()


def test_article_keeps_text_and_offsets(store):
    rec = strike("a1", "Outlet A")
    out = store.ingest_records([rec])
    assert out["new"] == 1 and out["errors"] == 0
    art = store.article(store.articles()[0]["id"])
    assert art["text"] == rec.text and art["body_chars"] == [0, len(rec.text)]
    names = {p["name"] for p in art["persons"]}
    assert names == {"Oleksandr Starukh", "Dmitry Medvedev"}
    for item in art["persons"] + art["locations"]:
        for m in item["mentions"]:
            assert art["text"][m["start"]:m["end"]] == m["text"]
            assert art["text"][m["sent_start"]:m["sent_end"]] == m["sentence"]
    ev = art["events"][0]
    assert art["text"][ev["start"]:ev["end"]] == ev["evidence"]
    assert ev["type"] == "ASSAULT" and ev["fatalities"] == 1 and ev["cluster_id"]
    assert art["quotes"][0]["speaker"] == "Oleksandr Starukh"
    assert art["counts"][0]["value"] == 1 and art["counts"][0]["category"] == "killed"


def test_reingest_changes_nothing(store):
    recs = [strike("a1", "Outlet A"), strike("b1", "Outlet B", 3, extra="Sirens sounded twice.")]
    store.ingest_records(recs)
    before = table_counts(store)
    out = store.ingest_records(recs)
    assert out["unchanged"] == 2 and out["new"] == 0
    assert table_counts(store) == before


def test_same_url_new_content_replaces_without_orphans(store):
    r1 = strike("a1", "Outlet A", 1, url="https://a.example/story")
    store.ingest_records([r1, strike("b1", "Outlet B", 3, extra="More details emerged later.")])
    r2 = strike("a1", "Outlet A", 4, url="https://a.example/story", extra="The toll was revised upwards.")
    out = store.ingest_records([r2])
    assert out["replaced"] == 1
    arts = [a for a in store.articles() if a["url"] == "https://a.example/story"]
    assert len(arts) == 1
    assert "revised upwards" in store.article(arts[0]["id"])["text"]
    assert all(v == 0 for v in orphans(store).values()), orphans(store)
    cl = store.event_clusters()
    assert len(cl) == 1 and cl[0]["fatalities_max"] == 4 and cl[0]["fatalities_min"] == 3


def test_entities_merge_spellings_and_surnames(store):
    t1 = "Dmitry Medvedev warned Kyiv on Monday. " + FILLER
    t2 = "Dmitri Medvedev repeated the warning in Moscow. " + FILLER + " Again."
    t3 = "Medvedev spoke again on Wednesday about Zaporizhia. " + FILLER + " Third."
    store.ingest_records([
        make_record("e1", "https://x.example/1", "X", t1, persons=["Dmitry Medvedev"]),
        make_record("e2", "https://y.example/2", "Y", t2, persons=["Dmitri Medvedev"]),
        make_record("e3", "https://z.example/3", "Z", t3, persons=["Medvedev"], places=[ZAP]),
        make_record("e4", "https://z.example/4", "Z", "Zaporizhzhia was shelled. " + FILLER + " Four.", places=[
            ("Zaporizhzhia", "UA", 47.84, 35.14)]),
    ])
    people = store.entities(kind="person")
    assert len(people) == 1, people
    assert people[0]["name"] in ("Dmitry Medvedev", "Dmitri Medvedev") and people[0]["n_articles"] == 3
    ent = store.entity(people[0]["id"])
    assert {"Medvedev"} <= set(ent["aliases"]) | {ent["name"]}
    assert sum(x["n"] for x in ent["mentions_over_time"]) == 3
    places = store.places()
    assert len(places) == 1 and places[0]["n_articles"] == 2


def test_one_cluster_per_real_event(store):
    store.ingest_records([
        strike("a", "Outlet A", 1),
        strike("b", "Outlet B", 1, date="2022-09-23", extra="A day later the count stood."),   # within a day
        strike("c", "Outlet C", 1, place=("Zaporizhzhia", "UA", 47.90, 35.20, [], "Zaporizhzhia Oblast"),
               extra="Suburb hit."),                                                             # ~8 km away
        strike("d", "Outlet D", 1, place=KHARKIV, extra="Other city."),                         # 250 km away
        strike("e", "Outlet E", 1, date="2022-09-26", extra="Days later."),                     # 4 days later
    ])
    clusters = store.event_clusters(order="asc")
    assert len(clusters) == 3
    big = max(clusters, key=lambda c: c["n_sources"])
    assert big["n_sources"] == 3 and big["fatalities"] == 1 and not big["disputed"]
    detail = store.cluster(big["id"])
    assert {s["source"] for s in detail["sources"]} == {"Outlet A", "Outlet B", "Outlet C"}


def test_disputes_keep_every_version_never_average(store):
    store.ingest_records([
        strike("a", "Outlet A", 1),
        strike("b", "Outlet B", 3, extra="Hospital staff gave another figure."),
        strike("c", "Outlet C", None, status="denied", actor="Ukraine", actor_country="UA",
               extra="Moscow denied it and blamed Ukrainian air defence.", attributed_to="Russian defence ministry"),
    ])
    [cl] = store.event_clusters()
    assert cl["disputed"] and cl["fatalities"] is None
    assert (cl["fatalities_min"], cl["fatalities_max"]) == (1, 3)
    fields = {d["field"]: d for d in store.disputes()}
    assert set(fields) == {"fatalities", "status", "actor"}
    fat = {v["value"]: {s["source"] for s in v["sources"]} for v in fields["fatalities"]["versions"]}
    assert fat == {1: {"Outlet A"}, 3: {"Outlet B"}}           # 2 (the average) appears nowhere
    status = {v["value"]: {s["source"] for s in v["sources"]} for v in fields["status"]["versions"]}
    assert status["denied"] == {"Outlet C"} and status["occurred"] == {"Outlet A", "Outlet B"}
    assert len(store.cluster(cl["id"])["disputes"]) == 3


def test_agreeing_sources_make_no_dispute(store):
    store.ingest_records([strike("a", "Outlet A", 2), strike("b", "Outlet B", 2, extra="Same toll.")])
    assert store.disputes() == []
    [cl] = store.event_clusters()
    assert cl["fatalities"] == 2 and cl["n_sources"] == 2


def test_syndicated_copy_is_linked_and_not_double_counted(store):
    wire = strike("w", "Wire", 2)
    copy = strike("w2", "Local Paper", 2, url="https://local.example/wire-story",
                  text=wire.text.replace("Item w.", "Item w. Published with permission."))
    other = strike("o", "Outlet O", 5, extra="Independent reporting.")
    out = store.ingest_records([wire, copy, other])
    assert out["copies"] == 1
    arts = {a["source"]: a for a in store.articles()}
    assert arts["Local Paper"]["copy_of"] == arts["Wire"]["id"]
    assert arts["Outlet O"]["copy_of"] is None
    [cl] = store.event_clusters()
    assert cl["n_sources"] == 2 and cl["n_copies"] == 1
    [d] = store.disputes()
    versions = {v["value"]: [s["source"] for s in v["sources"]] for v in d["versions"]}
    assert versions == {2: ["Wire"], 5: ["Outlet O"]}      # the copy does not add a second vote
    assert [c["source"] for c in store.article(arts["Wire"]["id"])["copies"]] == ["Local Paper"]


def test_event_filters(store):
    store.ingest_records([
        strike("a", "Outlet A", 1, date="2022-09-20", published="2022-09-20"),
        strike("b", "Outlet B", 2, place=KHARKIV, date="2022-09-25", published="2022-09-25",
               attributed_to="Ukrainian officials", status="claimed", extra="Claimed hit."),
        strike("c", "Outlet C", 0, place=KHARKIV, date="2022-10-05", published="2022-10-05",
               actor="Ukraine", actor_country="UA", extra="Counter-strike."),
    ])
    assert len(store.events()) == 3
    assert {e["source"] for e in store.events(since="2022-09-21", until="2022-09-30")} == {"Outlet B"}
    assert {e["source"] for e in store.events(place="Zaporizhia")} == {"Outlet A"}       # alias spelling
    assert {e["source"] for e in store.events(place="Kharkiv Oblast")} == {"Outlet B", "Outlet C"}
    assert {e["source"] for e in store.events(bbox="35,47,36,48")} == {"Outlet A"}
    assert {e["source"] for e in store.events(bbox=(36, 49.5, 37, 50.5))} == {"Outlet B", "Outlet C"}
    assert {e["source"] for e in store.events(actor="Ukraine")} == {"Outlet C"}
    assert {e["source"] for e in store.events(attributed_to="ukrainian")} == {"Outlet B"}
    assert {e["source"] for e in store.events(attributed_to="none")} == {"Outlet A", "Outlet C"}
    assert {e["source"] for e in store.events(status="claimed")} == {"Outlet B"}
    assert store.events(type="PROTEST") == []
    assert store.count_events(place="Kharkiv") == 2
    assert len(store.events(limit=1)) == 1 and store.events(limit=1, offset=1)[0]["source"] == "Outlet B"
    assert len(store.event_clusters(place="Kharkiv")) == 2
    assert len(store.event_clusters(actor="Russia", since="2022-09-01")) == 2


def test_search_articles_and_quotes(store):
    store.ingest_records([
        make_record("s1", "https://s.example/1", "S", "A prisoner exchange took place near Azovstal. " + FILLER,
                    quotes=[("Denys Prokopenko", "took place near Azovstal")]),
        make_record("s2", "https://s.example/2", "S", "Grain shipments left Odesa harbour. " + FILLER),
    ])
    s1 = [a["id"] for a in store.articles() if a["url"].endswith("/1")][0]
    hits = store.search("prisoner exchange Azovstal")
    assert [(h["kind"], h["article_id"]) for h in hits] == [("article", s1)]
    assert "**" in hits[0]["snippet"]
    hits = store.search("Azovstal")
    assert {h["kind"] for h in hits} == {"article", "quote"} and {h["article_id"] for h in hits} == {s1}
    assert [h for h in hits if h["kind"] == "quote"][0]["speaker"] == "Denys Prokopenko"
    assert store.search("exchanges") != []            # stemming: exchange ~ exchanges
    assert store.search("nonexistentword") == []
    for weird in ['"', "AND OR NOT", "a*b(", "NEAR(x y)", "", "'; DROP TABLE articles; --"]:
        store.search(weird)                            # never an error
    assert len(store.articles()) == 2


def test_failed_inputs_are_error_rows(store):
    out = store.ingest_records([InputError("feed.jsonl:7", "line 7 is not valid JSON: fix or remove it", "parse"),
                                strike("a", "Outlet A")])
    assert out["errors"] == 1 and out["new"] == 1
    errs = store.errors()
    assert [(e["origin"], e["kind"]) for e in errs] == [("feed.jsonl:7", "parse")]
    store.ingest_records([InputError("feed.jsonl:7", "line 7 is not valid JSON: fix or remove it", "parse")])
    assert len(store.errors()) == 1                    # the same failure is listed once
    assert store.stats()["errors"] == 1


def test_stats(store):
    store.ingest_records([strike("a", "Outlet A", 1), strike("b", "Outlet B", 1, extra="x"),
                          strike("d", "Outlet D", 2, place=KHARKIV, extra="y")])
    s = store.stats()
    assert s["articles"] == 3 and s["reports"] == 3 and s["events"] == 2
    assert s["by_type"] == [{"type": "ASSAULT", "events": 2, "fatalities": 3}]
    assert sum(d["events"] for d in s["by_day"]) == 2
    assert {r["admin1"] for r in s["by_region"]} == {"Zaporizhzhia Oblast", "Kharkiv Oblast"}
    assert store.stats(since="2030-01-01")["events"] == 0


def test_entity_page_data(store):
    store.ingest_records([strike("a", "Outlet A", 1), strike("b", "Outlet B", 1, extra="z")])
    [starukh] = [e for e in store.entities() if e["name"] == "Oleksandr Starukh"]
    ent = store.entity(starukh["id"])
    assert len(ent["quotes"]) == 2
    assert [c["name"] for c in ent["co_occurring"]] == ["Dmitry Medvedev"]
    assert ent["co_occurring"][0]["n_articles"] == 2
    russia_events = store.events(actor="Russia")
    assert len(russia_events) == 2


def test_older_database_is_upgraded(db_url):
    """A database at schema version 1 (before full-text search) opens, upgrades and backfills."""
    from sitrep.store.db import make_engine, write_tx
    engine = make_engine(db_url)
    assert upgrade(engine, target=1) == [1]
    with write_tx(engine) as c:
        c.execute(S.articles.insert().values(id="old1", key="https://old.example/1", text="Shelling hit Kherson.",
                                             title="Old story", content_hash="h", ingested_at="2022-01-01T00:00:00"))
    engine.dispose()
    st = open_db(db_url)
    with st.engine.connect() as c:
        assert current_version(c) == LATEST
    assert [h["id"] for h in st.search("Kherson")] == ["old1"]
    st.close()


def test_search_and_filters_accept_any_text(tmp_path):
    """Whatever a user types into the search box or a filter, the answer is a list, not an error."""
    from hypothesis import HealthCheck, given, settings, strategies as st_

    st = open_db(tmp_path / "h.db")
    st.ingest_records([strike("a", "Outlet A", 1)])

    @given(st_.text(max_size=30))
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    def check(q):
        assert isinstance(st.search(q), list)
        assert isinstance(st.events(actor=q, place=q, attributed_to=q), list)
        assert isinstance(st.entities(q=q), list)

    check()
    st.close()
