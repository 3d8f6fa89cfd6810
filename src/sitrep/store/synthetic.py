"""A synthetic event corpus written straight into the tables, for speed measurements.

`bulk_insert_events(store, n)` writes n events (with their articles, places and actors) in a few
executemany batches — no NLP — so query and linking speed can be measured at 10k-100k events in
seconds. Events come in *stories*: each real event is reported by 1-4 outlets with small
disagreements (a day apart, a few km apart, different fatality figures now and then), so the
clusterer has real work to do. Deterministic for a seed.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import random
import time

from sqlalchemy import func, insert, select

from ..record import EVENT_TYPES
from . import schema as S
from .db import write_tx
from .names import name_key, place_key, simple

PLACES = [("Kyiv", "UA", "Kyiv", 50.45, 30.52), ("Kharkiv", "UA", "Kharkiv Oblast", 49.99, 36.23),
          ("Zaporizhzhia", "UA", "Zaporizhzhia Oblast", 47.84, 35.14), ("Odesa", "UA", "Odesa Oblast", 46.48, 30.72),
          ("Mykolaiv", "UA", "Mykolaiv Oblast", 46.97, 31.99), ("Bakhmut", "UA", "Donetsk Oblast", 48.60, 38.00),
          ("Kramatorsk", "UA", "Donetsk Oblast", 48.72, 37.56), ("Kherson", "UA", "Kherson Oblast", 46.64, 32.61),
          ("Dnipro", "UA", "Dnipropetrovsk Oblast", 48.46, 35.05), ("Lviv", "UA", "Lviv Oblast", 49.84, 24.03),
          ("Belgorod", "RU", "Belgorod Oblast", 50.60, 36.59), ("Donetsk", "UA", "Donetsk Oblast", 48.00, 37.80),
          ("Luhansk", "UA", "Luhansk Oblast", 48.57, 39.33), ("Sumy", "UA", "Sumy Oblast", 50.91, 34.80),
          ("Chernihiv", "UA", "Chernihiv Oblast", 51.50, 31.30), ("Mariupol", "UA", "Donetsk Oblast", 47.10, 37.55),
          ("Aleppo", "SY", "Aleppo", 36.20, 37.16), ("Idlib", "SY", "Idlib", 35.93, 36.63),
          ("Gaza", "PS", "Gaza Strip", 31.50, 34.47), ("Khartoum", "SD", "Khartoum", 15.50, 32.56)]
ACTORS = [("Russia", "RU"), ("Ukraine", "UA"), ("Russian forces", "RU"), ("Ukrainian army", "UA"),
          ("Wagner Group", "RU"), ("Syrian army", "SY"), ("Hamas", "PS"), ("Israel", "IL"),
          ("Rapid Support Forces", "SD"), ("Sudanese army", "SD")]
SOURCES = ["Reuters", "AP", "AFP", "BBC", "Kyiv Independent", "TASS", "Al Jazeera", "Guardian", "Meduza", "Ukrinform"]
STATUSES = ["occurred"] * 8 + ["claimed", "denied"]


def _ts() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def bulk_insert_events(store, n_events: int, seed: int = 0, start: str = "2022-02-24",
                       days: int | None = None, batch: int = 5000, link: bool = False) -> dict:
    """Insert `n_events` synthetic event reports (one article each); clusters are built by
    `link.link_events` when `link=True` (else events stay unclustered). Returns timings/counts.

    `days` defaults to n_events / 30: a bigger corpus covers a longer period at the same density
    (about 30 reports a day over 20 places), as a growing news archive does."""
    rng = random.Random(seed)
    days = days or max(30, n_events // 30)
    engine = store.engine
    t0 = time.perf_counter()
    day0 = _dt.date.fromisoformat(start)
    with write_tx(engine) as conn:
        base = conn.execute(select(func.count()).select_from(S.articles)).scalar() or 0
        pid_by_name = {}
        for name, cc, a1, lat, lon in PLACES:
            key = f"{place_key(name)}|{cc}"
            pid = conn.execute(select(S.places.c.id).where(S.places.c.key == key)).scalar()
            if pid is None:
                pid = conn.execute(insert(S.places).values(name=name, key=key, country=cc, admin1=a1, kind="city",
                                                           lat=lat, lon=lon).returning(S.places.c.id)).scalar_one()
                conn.execute(insert(S.place_aliases).values(place_id=pid, alias=name, key=place_key(name)))
            pid_by_name[name] = pid
    articles, events = [], []
    made = 0
    story = 0
    now = _ts()

    def flush():
        with write_tx(engine) as conn:
            if articles:
                conn.execute(insert(S.articles), articles)
            if events:
                conn.execute(insert(S.events), events)
        articles.clear(), events.clear()

    while made < n_events:
        story += 1
        etype = "ASSAULT" if rng.random() < 0.6 else rng.choice(EVENT_TYPES)
        day = day0 + _dt.timedelta(days=rng.randrange(days))
        pname, cc, a1, lat, lon = rng.choice(PLACES)
        actor, acc = rng.choice(ACTORS)
        target = rng.choice([None, pname, "civilians", "Ukraine", "Russia"])
        fat = rng.choice([None, None, 0, 1, 2, 3, 5, 8, 12])
        for k in range(min(rng.choice([1, 1, 2, 2, 3, 4]), n_events - made)):
            i = base + made
            url = f"https://synthetic.example/{seed}/{i}"
            aid = hashlib.sha1(url.encode()).hexdigest()[:16]
            d = day + _dt.timedelta(days=rng.choice([0, 0, 0, 1]) if k else 0)
            f = fat if rng.random() < 0.85 else rng.choice([1, 4, 10])
            st = "occurred" if k == 0 else rng.choice(STATUSES)
            src = rng.choice(SOURCES)
            ev_text = f"{actor} {etype.lower()} {target or ''} in {pname}, {f} killed, {src} reported."
            articles.append(dict(id=aid, key=url, ext_id=f"synthetic-{i}", url=url, source=src,
                                 title=f"Story {story}", published=d.isoformat(), text=ev_text,
                                 content_hash=hashlib.sha256(ev_text.encode() + url.encode()).hexdigest(),
                                 boilerplate="[]", ingested_at=now))
            jl, jo = lat + rng.uniform(-0.05, 0.05), lon + rng.uniform(-0.05, 0.05)
            events.append(dict(
                article_id=aid, idx=0, type=etype, mode="shelling" if etype == "ASSAULT" else None,
                actor=actor, actor_key=name_key(actor), actor_country=acc, target=target,
                target_key=name_key(target) or None, location=pname, location_key=place_key(pname),
                place_id=pid_by_name[pname], country=cc, admin1=a1, admin1_key=place_key(a1),
                lat=jl, lon=jo, date=d.isoformat(), day=d.isoformat(), fatalities=f,
                attributed_to=rng.choice([None, None, "officials", "the governor", "the army"]),
                attributed_key=None, evidence=ev_text, start=0, end=len(ev_text), status=st, is_copy=False))
            events[-1]["attributed_key"] = simple(events[-1]["attributed_to"]) or None
            made += 1
            if len(events) >= batch:
                flush()
    flush()
    out = {"events": made, "stories": story, "insert_s": time.perf_counter() - t0}
    if link:
        from .link import link_events
        out["link"] = link_events(store)
    return out
