"""The overview's counts kept at ingest (store/overview.py) against a recount of the corpus.

    .venv/bin/python benchmarks/overview_counts.py /tmp/bench100k.db     # builds 100k events once

Prints both medians and their ratio (load on the machine scales both alike).
"""
import time, sys, statistics
from sitrep.store import open_db
from sitrep.store.synthetic import bulk_insert_events
from sitrep.store import overview

path = sys.argv[1]
st = open_db(path)
if st.stats()["reports"] == 0:
    t = time.perf_counter(); bulk_insert_events(st, 100_000, link=True); print("built", time.perf_counter() - t)

def old_stats(st):
    from sqlalchemy import func, select
    from sitrep.store import schema as S
    C, E = S.event_clusters, S.events
    with st.engine.connect() as conn:
        list(conn.execute(select(C.c.date, func.count()).group_by(C.c.date)))
        list(conn.execute(select(E.c.day, func.count()).where(E.c.is_copy.is_(False)).group_by(E.c.day)))
        list(conn.execute(select(C.c.type, func.count(), func.sum(func.coalesce(C.c.fatalities, C.c.fatalities_min))).group_by(C.c.type)))
        list(conn.execute(select(C.c.country, C.c.admin1, func.count()).group_by(C.c.country, C.c.admin1)))
        conn.execute(select(func.count()).select_from(E).where(E.c.is_copy.is_(False))).scalar()
        conn.execute(select(func.count()).select_from(C)).scalar()
        conn.execute(select(func.count()).select_from(C).where(C.c.disputed.is_(True))).scalar()

for name, fn in (("old recount", lambda: old_stats(st)), ("kept counts (Store.stats)", lambda: st.stats())):
    ts = []
    for _ in range(7):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    print(f"{name}: median {statistics.median(ts)*1000:.1f} ms")
    medians = globals().setdefault("medians", [])
    medians.append(statistics.median(ts))
with st.engine.connect() as conn:
    from sqlalchemy import func, select
    print("cells", conn.execute(select(func.count()).select_from(overview.T)).scalar())
print(f"recount / kept: {medians[0] / medians[1]:.1f}x")
