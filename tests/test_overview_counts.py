"""The overview's per-day, per-type and per-region counts are kept at ingest, and always equal a
recount of the events (new articles, replaced articles, syndicated copies, a full re-link)."""
from __future__ import annotations

from sqlalchemy import func, select

from conftest_pg import KHARKIV, ZAP, strike
from sitrep.store import open_db
from sitrep.store import schema as S


def recount(st, since=None, until=None) -> dict:
    C, E = S.event_clusters, S.events
    cw, ew = [], [E.c.is_copy.is_(False)]
    if since:
        cw.append(C.c.date >= since), ew.append(E.c.day >= since)
    if until:
        cw.append(C.c.date <= until), ew.append(E.c.day <= until)
    with st.engine.connect() as conn:
        days: dict = {}
        for day, k in conn.execute(select(C.c.date, func.count()).where(*cw).group_by(C.c.date)):
            days.setdefault(day, {"date": day, "events": 0, "reports": 0})["events"] = k
        for day, k in conn.execute(select(E.c.day, func.count()).where(*ew).group_by(E.c.day)):
            days.setdefault(day, {"date": day, "events": 0, "reports": 0})["reports"] = k
        types = {(t, k, int(f or 0)) for t, k, f in conn.execute(
            select(C.c.type, func.count(), func.sum(func.coalesce(C.c.fatalities, C.c.fatalities_min)))
            .where(*cw).group_by(C.c.type))}
        regions = {(c, a, k) for c, a, k in conn.execute(
            select(C.c.country, C.c.admin1, func.count()).where(*cw).group_by(C.c.country, C.c.admin1))}
        disputed = conn.execute(select(func.count()).select_from(C).where(C.c.disputed.is_(True), *cw)).scalar()
    return {"by_day": [days[k] for k in sorted(days, key=lambda x: x or "")], "by_type": types,
            "by_region": regions, "disputed": disputed}


def kept(st, since=None, until=None) -> dict:
    s = st.stats(since=since, until=until)
    return {"by_day": s["by_day"], "by_type": {(t["type"], t["events"], t["fatalities"]) for t in s["by_type"]},
            "by_region": {(r["country"], r["admin1"], r["events"]) for r in s["by_region"]},
            "disputed": s["disputed"]}


def check(st):
    for since, until in ((None, None), ("2022-09-22", "2022-09-22"), ("2022-09-23", None), (None, "2022-09-22")):
        assert kept(st, since, until) == recount(st, since, until), (since, until)


def test_counts_follow_every_ingest(db_url):
    st = open_db(db_url)
    st.ingest_records([strike("a", "Outlet A", 1)])
    check(st)
    st.ingest_records([strike("b", "Outlet B", 3), strike("k", "Wire", 2, place=KHARKIV, date="2022-09-25",
                                                          published="2022-09-25")])
    check(st)
    assert st.stats()["disputed"] == 1
    # the same URL with new text replaces the article: its old events leave the counts
    st.ingest_records([strike("b", "Outlet B", 1, url="https://outletb.example/b", date="2022-09-23",
                              published="2022-09-23", place=ZAP, extra="Updated.")])
    check(st)
    # a syndicated copy adds no report and no event
    st.ingest_records([strike("c", "Copycat", 1, url="https://copy.example/c",
                              text=None, extra="")])
    check(st)
    st.close()


def test_counts_survive_a_full_relink(db_url):
    from sitrep.store.link import link_events
    st = open_db(db_url)
    st.ingest_records([strike(r, f"Outlet {r}", i + 1, date=f"2022-09-2{i}", published=f"2022-09-2{i}")
                       for i, r in enumerate("abcd")])
    link_events(st)
    check(st)
    st.close()


def test_an_old_database_is_backfilled_on_open(tmp_path):
    st = open_db(tmp_path / "old.db")
    st.ingest_records([strike("a", "Outlet A", 1), strike("b", "Outlet B", 2)])
    with st.engine.begin() as conn:
        conn.execute(S.overview_counts.delete())
        conn.execute(S.schema_version.delete().where(S.schema_version.c.version >= 8))   # from before v8
    st.close()
    st = open_db(tmp_path / "old.db")
    check(st)
    assert st.stats()["events"] == 1
    st.close()
