"""Cross-article linking: name keys, event matching rules, blocking, disputes, bulk re-linking."""
from __future__ import annotations

import random
import re

from hypothesis import given, settings, strategies as st

from conftest_pg import KHARKIV, strike
from sitrep.store import open_db
from sitrep.store.link import (Blocks, cluster_in_memory, km, link_events, match_score, same_actor,
                               summarise)
from sitrep.store.names import name_key, place_key


def test_name_keys_merge_transliterations_not_different_people():
    assert name_key("Dmitri Medvedev") == name_key("Dmitry Medvedev") == name_key("DMITRY  MEDVEDEV")
    assert name_key("Volodymyr Zelenskyy") == name_key("Volodymyr Zelensky") == name_key("Volodymyr Zelenskiy")
    assert place_key("Zaporizhia") == place_key("Zaporizhzhia") == place_key("Zaporizhzhia Oblast")
    assert name_key("Sergei Lavrov") != name_key("Sergei Shoigu")
    assert place_key("Kharkiv") != place_key("Kherson")
    assert name_key("Mykolaïv") == name_key("Mykolaiv")


@given(st.text(max_size=40))
@settings(max_examples=200, deadline=None)
def test_name_keys_never_fail(s):
    for k in (name_key(s), place_key(s)):
        assert re.fullmatch(r"[a-z0-9]+( [a-z0-9]+)*|", k), k      # plain lowercase words
    if s.isascii():
        assert name_key(s) == name_key(s.upper())


def ev(i, day="2022-09-22", lat=47.84, lon=35.14, type="ASSAULT", actor="russia", actor_country="RU",
       target=None, admin1=None, location=None, **kw):
    return dict(id=i, type=type, day=day, lat=lat, lon=lon, actor_key=actor, actor_country=actor_country,
                target_key=target, admin1_key=admin1, location_key=location, place_id=None, article_id=f"a{i}",
                actor=actor, **kw)


def cl_of(e):
    return dict(e, date=e["day"])


def test_match_rules():
    base = cl_of(ev(0))
    assert match_score(ev(1), base) is not None
    assert match_score(ev(1, day="2022-09-23"), base) is not None          # within a day
    assert match_score(ev(1, day="2022-09-24"), base) is None              # two days apart
    assert match_score(ev(1, type="PROTEST"), base) is None
    assert km(47.84, 35.14, 47.98, 35.14) < 25
    assert match_score(ev(1, lat=47.98), base) is not None                 # ~16 km
    assert match_score(ev(1, lat=48.2), base) is None                      # ~40 km
    # no coordinates: the same admin1 region decides
    r = cl_of(ev(0, lat=None, lon=None, admin1="zaporizia"))
    assert match_score(ev(1, lat=None, lon=None, admin1="zaporizia"), r) is not None
    assert match_score(ev(1, lat=None, lon=None, admin1="harkiv"), r) is None
    # a different actor joins only when target and place agree (a dispute about blame)
    assert match_score(ev(1, actor="ukraine", actor_country="UA"), base) is None
    t = cl_of(ev(0, target="zaporizia"))
    assert match_score(ev(1, actor="ukraine", actor_country="UA", target="zaporizia"), t) is not None
    # no place at all: only the same actor and target
    nop = cl_of(ev(0, lat=None, lon=None, target="kiiv"))
    assert match_score(ev(1, lat=None, lon=None, target="kiiv"), nop) is not None
    assert match_score(ev(1, lat=None, lon=None), nop) is None


def test_same_actor():
    assert same_actor("russia", "RU", "russian forces", "RU")
    assert same_actor("russian army", None, "army", None)                  # token subset
    assert not same_actor("russia", "RU", "ukraine", "UA")
    assert same_actor(None, None, "ukraine", "UA") is None


def test_blocking_finds_the_same_clusters_as_all_pairs():
    rng = random.Random(3)
    evs = []
    for i in range(600):
        evs.append(ev(i, day=f"2022-09-{rng.randint(1, 20):02d}", lat=rng.choice([47.84, 48.0, 50.45, None]),
                      lon=None, type=rng.choice(["ASSAULT", "PROTEST"]), actor=rng.choice(["russia", "ukraine", None]),
                      actor_country=None, admin1=rng.choice(["zaporizia", "kiiv", None])))
        if evs[-1]["lat"] is not None:
            evs[-1]["lon"] = {47.84: 35.14, 48.0: 35.3, 50.45: 30.52}[evs[-1]["lat"]]
    clusters, assign = cluster_in_memory(evs)

    # the same greedy procedure, comparing against every cluster so far (no blocks)
    naive: list[dict] = []
    naive_assign = {}
    for e in evs:
        best, best_s = None, None
        for c in naive:
            s = match_score(e, c)
            if s is not None and (best_s is None or s < best_s or (s == best_s and c["id"] < best["id"])):
                best, best_s = c, s
        if best is None:
            best = dict(e, id=len(naive), date=e["day"])
            naive.append(best)
        naive_assign[e["id"]] = best["id"]
    assert assign == naive_assign
    assert len(clusters) == len(naive)


def test_blocks_look_at_few_candidates():
    b = Blocks()
    for i in range(2000):   # 2000 clusters spread over 200 days and 10 places
        c = cl_of(ev(i, day=f"2022-{1 + i % 10:02d}-{1 + (i // 10) % 20:02d}", lat=40 + (i % 7), lon=30 + (i % 5)))
        b.add(c)
    probe = ev(99999, day="2022-03-05", lat=42.0, lon=32.0)
    assert len(list(b.candidates(probe))) < 20


def test_summarise_never_averages():
    srcs = [dict(ev(1, fatalities=2, status="occurred"), source="A", counted=True),
            dict(ev(2, fatalities=10, status="claimed"), source="B", counted=True),
            dict(ev(3, fatalities=10, status="occurred"), source="C", counted=False)]   # a copy
    vals, disputes = summarise(srcs)
    assert vals["fatalities"] is None and (vals["fatalities_min"], vals["fatalities_max"]) == (2, 10)
    assert vals["n_sources"] == 2 and vals["n_copies"] == 1
    [d] = disputes
    assert [(v["value"], [s["source"] for s in v["sources"]]) for v in d["versions"]] == [(2, ["A"]), (10, ["B"])]


def test_bulk_relink_matches_incremental(tmp_path):
    """link_events (bulk, for big corpora) rebuilds the clusters the incremental ingest made."""
    st_ = open_db(tmp_path / "c.db")
    st_.ingest_records([strike("a", "Outlet A", 1), strike("b", "Outlet B", 3, extra="x"),
                        strike("c", "Outlet C", 1, place=KHARKIV, extra="y"),
                        strike("d", "Outlet D", 1, date="2022-09-25", extra="z")])
    before = sorted((c["n_sources"], c["disputed"], c["location"]) for c in st_.event_clusters())
    out = link_events(st_)
    assert out["events"] == 4 and out["clusters"] == 3
    after = sorted((c["n_sources"], c["disputed"], c["location"]) for c in st_.event_clusters())
    assert before == after
    assert len(st_.disputes()) == 1
    assert all(e["cluster_id"] for e in st_.events())
    st_.ingest_records([strike("e", "Outlet E", 1, extra="late report")])   # incremental after a rebuild
    assert max(c["n_sources"] for c in st_.event_clusters()) == 3
    st_.close()


def test_synthetic_bulk_insert_and_link(tmp_path):
    from sitrep.store.synthetic import bulk_insert_events
    st_ = open_db(tmp_path / "s.db")
    out = bulk_insert_events(st_, 500, seed=2, link=True)
    assert out["events"] == 500 and st_.count_events() == 500
    assert 0 < out["link"]["clusters"] < 500
    assert st_.count_events(type="ASSAULT") > 0 and len(st_.events(place="Kyiv", limit=5)) <= 5
    st_.close()


def test_events_of_one_article_link_to_each_other_and_to_the_corpus(tmp_path):
    """Clusters made while storing one article are candidates for its later events (they are
    written together at the end), and the incremental result equals a bulk rebuild."""
    import dataclasses
    st_ = open_db(tmp_path / "one.db")
    first = strike("a", "Outlet A", 2)
    other_words = " ".join(f"Witness {i} described the scene in her own words." for i in range(12))
    rec = strike("b", "Outlet B", 2, extra=other_words)       # its own wording: not a copy
    same, = rec.events
    rec.events = [same, dataclasses.replace(same, fatalities=3), dataclasses.replace(same, type="PROTEST"),
                  dataclasses.replace(same, date="2022-10-30")]
    st_.ingest_records([first, rec])
    incremental = sorted((c["type"], c["date"], c["n_sources"]) for c in st_.event_clusters())
    assert incremental == [("ASSAULT", "2022-09-22", 2), ("ASSAULT", "2022-10-30", 1), ("PROTEST", "2022-09-22", 1)]
    by_cluster = {}
    for e in st_.events():
        by_cluster.setdefault(e["cluster_id"], []).append(e["id"])
    assert sorted(len(v) for v in by_cluster.values()) == [1, 1, 3]
    link_events(st_)
    assert sorted((c["type"], c["date"], c["n_sources"]) for c in st_.event_clusters()) == incremental
    st_.close()


def test_bulk_link_restores_the_garbage_collector(tmp_path):
    import gc
    st_ = open_db(tmp_path / "gc.db")
    st_.ingest_records([strike("a", "Outlet A", 1)])
    assert gc.isenabled()
    link_events(st_)
    assert gc.isenabled()
    gc.disable()
    try:
        link_events(st_)
        assert not gc.isenabled()
    finally:
        gc.enable()
    st_.close()
