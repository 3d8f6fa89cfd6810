"""Cross-article linking: one entity per real person/organisation/place, one cluster per real event,
and the disputes between the sources of a cluster.

Entities: an article's entity is matched to the corpus by its name key and alias keys
(names.name_key folds case, accents and transliteration variants: Dmitri/Dmitry), then a bare
surname to the one full name that ends with it, then rapidfuzz similarity within a block (same
first letters of the surname). Places: geonameid, then name key + country, then aliases.

Event clusters: two reports are the same real event when they have the same type, their dates are
within a day, their places are within 25 km (or, when coordinates are missing, the same admin1
region or the same place name), and their actors are compatible (same actor, or one unknown; a
different actor only when the target and place agree strongly — that is a dispute about who did
it, not a different event). Candidates come from BLOCKS (type, day-1..day+1), so linking is
near-linear in the number of events. Each cluster keeps its first report as representative, so
the result does not drift as reports arrive.

Disputes: among the counted (non-copy) reports of a cluster, different fatality figures, a claim
against a denial, or different actors blamed each give one dispute row listing every version with
its sources. Figures are never averaged: the cluster's `fatalities` is set only when all agree.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import gc
import json
import math
import time
from collections import defaultdict
from typing import Any, Iterable, Sequence

from rapidfuzz import fuzz
from sqlalchemy import and_, bindparam, delete, func, insert, select, update

from . import overview
from . import schema as S
from .db import insert_rows, run_prepared, write_tx
from .lookup import EntityView, PlaceView
from .names import block_key, name_key, place_key

MAX_KM = 25.0
MAX_DAYS = 1
FUZZY_MIN = 90.0
AFFIRM = {"occurred", "claimed"}


def insert_in_order(conn, table, rows: list[dict]) -> list[int]:
    """Insert rows in one executemany; their new ids, in row order.

    The caller holds the write lock (SQLite's write transaction, or the PostgreSQL advisory lock
    of linking). PostgreSQL returns the ids sorted by parameter order. SQLite runs a RETURNING
    executemany row by row, so there the ids are given: inside `write_tx` they follow the
    highest ids of the id tables, read once per transaction in one statement (`next_ids`);
    elsewhere one read returns the ids above the previous maximum, which ascend in row order."""
    if conn.engine.dialect.name != "sqlite":
        return list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                 rows).scalars().all())
    nxt = next_ids(conn, table)
    if nxt is not None:
        ids = list(range(nxt, nxt + len(rows)))
        insert_rows(conn, table, [{**r, "id": i} for r, i in zip(rows, ids)])
        conn.info[_NEXT_IDS][table.name] = nxt + len(rows)
        return ids
    before = conn.execute(select(func.max(table.c.id))).scalar() or 0
    conn.execute(insert(table), rows)
    ids = conn.execute(select(table.c.id).where(table.c.id > before).order_by(table.c.id)).scalars().all()
    if len(ids) != len(rows):   # pragma: no cover - another writer inside our write transaction
        raise RuntimeError(f"{table.name}: {len(rows)} rows written, {len(ids)} new ids found")
    return list(ids)


_NEXT_IDS = "sitrep_next_ids"          # conn.info key, set by db.write_tx for its transaction
ID_TABLES = (S.quotes, S.events, S.event_clusters)


def next_ids(conn, table) -> int | None:
    """The next free id of an id table in this write transaction (None outside `write_tx`): the
    maxima of every id table are read in one statement, the first time one is needed."""
    known = conn.info.get(_NEXT_IDS)
    if known is None or table.name not in {t.name for t in ID_TABLES}:
        return None
    if not known:
        row = run_prepared(conn, _MAX_IDS, {}).one()
        known.update({t.name: (m or 0) + 1 for t, m in zip(ID_TABLES, row)})
    return known[table.name]


_MAX_IDS = select(*[select(func.max(t.c.id)).scalar_subquery() for t in ID_TABLES])


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


# ---------------------------------------------------------------------------------- entities
def _keyed_forms(key, name: str, aliases: Iterable[str] = ()) -> dict[str, str]:
    """{key: form as written} for a name and its aliases, the name's own key first."""
    forms = {key(name): name}
    for a in aliases or ():
        k = key(a)
        if k and k not in forms:
            forms[k] = a
    return forms


def _name_forms(name: str, aliases: Iterable[str] = ()) -> dict[str, str]:
    """{name key: form as written} for a person's or organization's name and its aliases."""
    return _keyed_forms(name_key, name, aliases)


GIVEN_NAME_MATCH = 85.0    # rapidfuzz ratio for two spellings of one long given name (Mohamad/Mohamed)


def given_names_agree(a: str, b: str, kb=None) -> bool:
    """Two full-name keys may be one person only if their given names agree: the same (after
    transliteration folding), one group of data/name_variants.yaml, two spellings of one long
    name, or one an initial of the other ("d mvangi" / "daniel mvangi"). "grace mvangi" and
    "iosef mvangi", or "ali osman" and "alia osman", never merge."""
    ga, gb = a.split(" ", 1)[0], b.split(" ", 1)[0]
    if ga == gb:
        return True
    if (len(ga) == 1 or len(gb) == 1) and ga[:1] == gb[:1]:
        return True
    if min(len(ga), len(gb)) >= 6 and fuzz.ratio(ga, gb) >= GIVEN_NAME_MATCH:
        return True
    from ..knowledge import get_knowledge
    groups = (kb or get_knowledge()).group_index("name_variants.yaml", name_key)
    return ga in groups and groups.get(ga) == groups.get(gb)


def surname_forms(key: str) -> list[str]:
    """The proper suffixes of a full-name key, longest first: "ali al ahmar" -> ["al ahmar", "ahmar"]."""
    toks = key.split()
    return [" ".join(toks[i:]) for i in range(1, len(toks))]


def _by_keys(v: EntityView, kind: str, keys: list[str]) -> tuple[int | None, set[str]]:
    """(entity id holding the first of `keys` found, every one of `keys` already taken)."""
    if not keys:
        return None, set()
    by_key = v.aliases(kind, keys)
    eid = next((by_key[k] for k in keys if k in by_key), None)
    return eid, set(by_key)


def _fuzzy(v: EntityView, kind: str, key: str) -> int | None:
    """The best rapidfuzz match (>= FUZZY_MIN) in the key's block, same number of tokens, same
    first letter; for people, given names must agree too."""
    best, best_score = None, FUZZY_MIN
    ntok = key.count(" ")
    for e, k in v.block(kind, block_key(key)):
        if k.count(" ") != ntok or k[:1] != key[:1]:
            continue
        if kind == "person" and ntok and not given_names_agree(key, k):
            continue
        sc = fuzz.ratio(key, k)
        if sc >= best_score:
            best, best_score = e, sc
    return best


def _view(conn, v: EntityView | None) -> EntityView:
    return v if v is not None else EntityView(conn)


def full_names_with_surname(conn, surname: str, kind: str = "person", v: EntityView | None = None) -> set[int]:
    """Entities known under a full name ending with this surname key ("... mvangi")."""
    v = _view(conn, v)
    found = v.surname_holders(kind, surname)
    if not found:
        return found
    return found - {v.entity_with_key(kind, surname)}


def _in_article(v: EntityView, kind: str, key: str, article_names: Sequence[str]) -> tuple[bool, int | None]:
    """A bare surname and the full names its own article gives: (the article decides, entity).
    One full name ending with it: that person. Several: ambiguous, the bare entity. None: the
    article does not decide (the corpus does)."""
    local = {name_key(n) for n in article_names or ()} - {key}
    local = {k for k in local if k.endswith(" " + key)}
    if not local:
        return False, None
    if len(local) == 1:
        return True, _by_keys(v, kind, [local.pop()])[0]
    return True, v.entity_with_key(kind, key)


def _find_entity(v: EntityView, kind: str, key: str, forms: dict[str, str],
                 article_names: Sequence[str] = ()) -> tuple[int | None, set[str]]:
    """The corpus entity for an article's entity, or None: (id, alias keys already taken).

    A full name matches on its full forms only (never through a surname alias that another
    person with that surname may hold), then fuzzily with agreeing given names. A bare surname
    ("Mwangi", "al-Ahmar": a key that ends known full names) links to the one full name that
    ends with it; with none, or several (Grace, Joseph and Min Mwangi), it stays its own entity,
    so the result does not depend on ingest order."""
    person = kind == "person"
    if person:      # a name the corpus already holds as an entity of its own: that one
        own = v.entity_with_key(kind, key)
        if own is not None:
            return own, _by_keys(v, kind, list(forms))[1]
    cands = full_names_with_surname(v.conn, key, kind, v) if person or " " not in key else set()
    if person and (" " not in key or cands):
        decided, eid = _in_article(v, kind, key, article_names)
        if not decided:
            eid = next(iter(cands)) if len(cands) == 1 else v.entity_with_key(kind, key)
        return eid, _by_keys(v, kind, list(forms))[1]
    surnames = set(surname_forms(key)) if person else set()
    lookup = [k for k in forms if k not in surnames]
    eid, have = _by_keys(v, kind, lookup)
    if eid is None and not person and " " not in key:      # an organisation's short name
        eid = cands.pop() if len(cands) == 1 else None
    if eid is None:
        eid = _fuzzy(v, kind, key)
    return eid, have | _by_keys(v, kind, [k for k in forms if k in surnames])[1]


def resolve_entity(conn, kind: str, name: str, aliases: Iterable[str] = (), country: str | None = None,
                   role: str | None = None, article_names: Sequence[str] = (),
                   view: EntityView | None = None) -> int | None:
    """Corpus entity id for an article's entity; creates it (with its aliases) when new.
    `article_names`: the names of the article's entities of this kind (a bare surname links to
    the article's own full name first: "Grace Mwangi ... Mwangi said"). `view`: the article's
    prefetched corpus rows (lookup.EntityView), kept up to date with what this writes."""
    v = _view(conn, view)
    key = name_key(name)
    if not key:
        return None
    forms = _name_forms(name, aliases)
    eid, have = _find_entity(v, kind, key, forms, article_names)
    created = eid is None
    if created:
        eid = run_prepared(conn, _INSERT_ENTITY, dict(kind=kind, name=name, key=key, country=country,
                                                      role=role)).scalar_one()
        v.created(eid, kind, key, name, country, role)
    else:
        _complete_entity(v, eid, name, key, country, role)
    _add_entity_aliases(v, eid, kind, forms, have)
    if created and kind == "person":
        for surname in surname_forms(key):
            rebalance_surname(conn, surname, view=v)
    return eid


_INSERT_ENTITY = insert(S.entities).values(
    {c: bindparam(c) for c in ("kind", "name", "key", "country", "role")}).returning(S.entities.c.id)


def _complete_entity(v: EntityView, eid: int, name: str, key: str, country: str | None, role: str | None) -> None:
    """Fill what the corpus entity lacks: the full form of its name, its country, its role."""
    EN = S.entities
    cur = v.entity_row(eid)
    vals: dict[str, Any] = {}
    if cur and len(name.split()) > len(cur["name"].split()) and name_key(cur["name"]) in key.split() + [key]:
        vals["name"] = name          # "Putin" first, then "Vladimir Putin": keep the full form
    if cur and country and not cur["country"]:
        vals["country"] = country
    if cur and role and not cur["role"]:
        vals["role"] = role
    if vals:
        v.conn.execute(update(EN).where(EN.c.id == eid).values(**vals))
        v.updated(eid, vals)


def _add_entity_aliases(v: EntityView, eid: int, kind: str, forms: dict[str, str], have: set[str]) -> None:
    rows = [{"entity_id": eid, "kind": kind, "alias": alias, "key": k, "block": block_key(k)}
            for k, alias in forms.items() if k not in have]
    if rows:
        insert_rows(v.conn, S.entity_aliases, rows)
        v.added_aliases(rows)


def rebalance_surname(conn, surname: str, kind: str = "person", view: EntityView | None = None) -> None:
    """Keep bare-surname articles where they belong once a new full name with that surname is
    known: with one full name, the bare-surname entity joins it; with several, the articles that
    named only the surname leave whichever full name they had joined for the bare entity."""
    v = _view(conn, view)
    fulls = full_names_with_surname(conn, surname, kind, v)
    bare = v.entity_with_key(kind, surname)
    if len(fulls) == 1 and bare is not None and bare not in fulls:
        target = next(iter(fulls))
        _move_articles(conn, bare, target, None)
        conn.execute(update(S.entity_aliases).where(S.entity_aliases.c.entity_id == bare)
                     .values(entity_id=target))
        conn.execute(delete(S.entities).where(S.entities.c.id == bare))
        v.clear()
        return
    if len(fulls) < 2:
        return
    AE = S.article_entities
    for full in sorted(fulls):
        moved = [a for a, n in conn.execute(select(AE.c.article_id, AE.c.name).where(AE.c.entity_id == full))
                 if name_key(n) == surname]
        if not moved:
            continue
        if bare is None:
            bare = conn.execute(insert(S.entities).returning(S.entities.c.id), dict(
                kind=kind, name=_surname_as_written(conn, surname, kind), key=surname)).scalar_one()
        _move_articles(conn, full, bare, moved)
        v.clear()
    if bare is not None:
        conn.execute(update(S.entity_aliases).where(S.entity_aliases.c.kind == kind,
                                                    S.entity_aliases.c.key == surname).values(entity_id=bare))
        v.clear()


def _surname_as_written(conn, surname: str, kind: str) -> str:
    AL = S.entity_aliases
    alias = conn.execute(select(AL.c.alias).where(AL.c.kind == kind, AL.c.key == surname)).scalar()
    return alias or surname.title()


def _move_articles(conn, src: int, dst: int, article_ids: list[str] | None) -> None:
    """Re-point an entity's links (article list, mentions, quotes, events) from `src` to `dst`,
    for `article_ids` (None: all of them)."""
    AE, M, Q, E = S.article_entities, S.mentions, S.quotes, S.events

    def only(table, col):
        cond = col == src
        return cond if article_ids is None else and_(cond, table.c.article_id.in_(article_ids))
    dup = select(AE.c.article_id).where(AE.c.entity_id == dst)
    conn.execute(delete(AE).where(only(AE, AE.c.entity_id), AE.c.article_id.in_(dup)))
    conn.execute(update(AE).where(only(AE, AE.c.entity_id)).values(entity_id=dst))
    conn.execute(update(M).where(only(M, M.c.entity_id)).values(entity_id=dst))
    conn.execute(update(Q).where(only(Q, Q.c.speaker_entity_id)).values(speaker_entity_id=dst))
    conn.execute(update(E).where(only(E, E.c.actor_entity_id)).values(actor_entity_id=dst))
    conn.execute(update(E).where(only(E, E.c.target_entity_id)).values(target_entity_id=dst))


def lookup_entity(conn, name: str | None) -> int | None:
    """An existing corpus entity for a name (any kind), without creating one."""
    k = name_key(name)
    if not k:
        return None
    return conn.execute(_LOOKUP_ENTITY, {"k": k}).scalar()


_LOOKUP_ENTITY = select(S.entity_aliases.c.entity_id).where(S.entity_aliases.c.key == bindparam("k")).limit(1)
_LOOKUP_PLACE = select(S.place_aliases.c.place_id).where(S.place_aliases.c.key == bindparam("k")).limit(1)


# ---------------------------------------------------------------------------------- places
def resolve_place(conn, name: str, country: str | None = None, lat: float | None = None,
                  lon: float | None = None, aliases: Iterable[str] = (), kind: str | None = None,
                  admin1: str | None = None, geonameid: int | None = None,
                  view: PlaceView | None = None) -> int | None:
    """Corpus place id: by geonameid, else name key + country, else an alias in the same country.
    `view`: the article's prefetched places (lookup.PlaceView), kept up to date with what this
    writes."""
    P = S.places
    v = view if view is not None else PlaceView(conn)
    pk = place_key(name)
    if not pk:
        return None
    forms = place_forms(name, aliases)
    pid = v.with_gid(int(geonameid)) if geonameid else None
    key = f"{pk}|{(country or '').upper()}"
    if pid is None:
        pid = v.with_key(key)
    if pid is None:
        for p, c in v.by_alias(forms):
            if not country or not c or c == country.upper():
                pid = p
                break
    if pid is None:
        vals = dict(name=name, key=key, country=(country or None) and country.upper(), admin1=admin1, kind=kind,
                    lat=lat, lon=lon, geonameid=int(geonameid) if geonameid else None)
        pid = run_prepared(conn, _INSERT_PLACE, vals).scalar_one()
        v.created(pid, key, vals)
    else:
        cur = v.place(pid)
        vals: dict[str, Any] = {}
        if cur["lat"] is None and lat is not None and lon is not None:
            vals.update(lat=lat, lon=lon)
        if cur["admin1"] is None and admin1:
            vals["admin1"] = admin1
        if cur["geonameid"] is None and geonameid and v.with_gid(int(geonameid)) is None:
            vals["geonameid"] = int(geonameid)
        if vals:
            conn.execute(update(P).where(P.c.id == pid).values(**vals))
            v.updated(pid, vals)
    have = v.has_aliases(pid, forms)
    rows = [{"place_id": pid, "alias": alias, "key": k} for k, alias in forms.items() if k not in have]
    if rows:
        insert_rows(conn, S.place_aliases, rows)
        v.added_aliases(pid, [r["key"] for r in rows])
    return pid


_INSERT_PLACE = insert(S.places).values(
    {c: bindparam(c) for c in ("name", "key", "country", "admin1", "kind", "lat", "lon", "geonameid")}
).returning(S.places.c.id)


def place_forms(name: str, aliases: Iterable[str] = ()) -> dict[str, str]:
    """{place key: form as written} for a place name and its aliases, the name's own key first."""
    return _keyed_forms(place_key, name, aliases)


def lookup_place(conn, name: str | None) -> int | None:
    k = place_key(name)
    if not k:
        return None
    return conn.execute(_LOOKUP_PLACE, {"k": k}).scalar()


# ---------------------------------------------------------------------------------- clusters
def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _day(s: str | None) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def same_actor(a_key: str | None, a_country: str | None, b_key: str | None, b_country: str | None) -> bool | None:
    """True/False when both actors are known, None when one is missing."""
    if not a_key or not b_key:
        return None
    if a_key == b_key:
        return True
    ta, tb = set(a_key.split()), set(b_key.split())
    if ta <= tb or tb <= ta:
        return True
    if a_country and b_country:
        return a_country == b_country
    return fuzz.ratio(a_key, b_key) >= FUZZY_MIN


def place_relation(ev: dict, cl: dict) -> float | None:
    """Distance-like score (0 = same place) or None when the places differ; 0.5 when unknown."""
    if ev.get("place_id") and ev.get("place_id") == cl.get("place_id"):
        return 0.0
    if ev.get("lat") is not None and cl.get("lat") is not None:
        d = km(ev["lat"], ev["lon"], cl["lat"], cl["lon"])
        return d / MAX_KM * 0.5 if d <= MAX_KM else None
    if ev.get("admin1_key") and cl.get("admin1_key"):
        return 0.4 if ev["admin1_key"] == cl["admin1_key"] else None
    if ev.get("location_key") and cl.get("location_key"):
        return 0.1 if ev["location_key"] == cl["location_key"] else None
    return -1.0   # unknown on one side: the caller decides on actors alone


def match_score(ev: dict, cl: dict) -> float | None:
    """Lower is a better match; None = not the same event."""
    if ev["type"] != cl["type"]:
        return None
    de, dc = _day(ev.get("day")), _day(cl.get("date"))
    if de is None or dc is None:
        return None
    dd = abs((de - dc).days)
    if dd > MAX_DAYS:
        return None
    pr = place_relation(ev, cl)
    if pr is None:
        return None
    place_known = pr >= 0
    a = same_actor(ev.get("actor_key"), ev.get("actor_country"), cl.get("actor_key"), cl.get("actor_country"))
    t = same_actor(ev.get("target_key"), ev.get("target_country"), cl.get("target_key"), cl.get("target_country"))
    if t is False and place_known is False:
        return None
    if not place_known:
        # no place on one side: only the same actor AND target makes it the same event
        if not (a is True and t is True):
            return None
        pr = 0.5
    if a is False and not (t is True and pr <= 0.2):
        return None
    if t is False and pr > 0.2:
        return None
    return dd * 0.5 + pr - (0.3 if a else 0) - (0.2 if t else 0)


CELL_LAT = 0.25      # degrees (~28 km): a 25 km neighbour is at most one cell away in latitude
CELL_LON = 0.5       # degrees; the reach in cells grows towards the poles (lon_reach)


def cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / CELL_LAT), math.floor(lon / CELL_LON)


def lon_reach(lat: float) -> int:
    """How many longitude cells a 25 km radius can span at this latitude."""
    c = math.cos(math.radians(min(abs(lat) + CELL_LAT, 89.9)))
    return max(1, math.ceil(MAX_KM / (111.32 * CELL_LON * max(c, 1e-3))))


def _has_place(x: dict) -> bool:
    return bool(x.get("lat") is not None or x.get("admin1_key") or x.get("location_key") or x.get("place_id"))


def cluster_keys(cl: dict) -> list[tuple]:
    """The blocking keys a cluster is filed under (within its (type, day) block)."""
    keys: list[tuple] = []
    coords = cl.get("lat") is not None and cl.get("lon") is not None
    if coords:
        keys.append(("g", *cell(cl["lat"], cl["lon"])))
    if cl.get("admin1_key"):
        keys.append(("a*", cl["admin1_key"]))
        if not coords:
            keys.append(("a0", cl["admin1_key"]))
    if cl.get("location_key"):
        keys.append(("l*", cl["location_key"]))
        if not coords:
            keys.append(("l0", cl["location_key"]))
    if cl.get("place_id"):
        keys.append(("p", cl["place_id"]))
    if cl.get("actor_key"):
        keys.append(("act", cl["actor_key"]))
        if not _has_place(cl):
            keys.append(("uact", cl["actor_key"]))
    return keys


def event_keys(ev: dict) -> list[tuple]:
    """The blocking keys to look up for an event: only clusters that could pass place_relation."""
    keys: list[tuple] = []
    if ev.get("lat") is not None and ev.get("lon") is not None:
        ci, cj = cell(ev["lat"], ev["lon"])
        k = lon_reach(ev["lat"])
        keys += [("g", ci + a, cj + b) for a in (-1, 0, 1) for b in range(-k, k + 1)]
        sfx = "0"
    else:
        sfx = "*"
    if _has_place(ev):
        if ev.get("admin1_key"):
            keys.append(("a" + sfx, ev["admin1_key"]))
        if ev.get("location_key"):
            keys.append(("l" + sfx, ev["location_key"]))
        if ev.get("place_id"):
            keys.append(("p", ev["place_id"]))
        if ev.get("actor_key"):
            keys.append(("uact", ev["actor_key"]))
    elif ev.get("actor_key"):
        keys.append(("act", ev["actor_key"]))
    return keys


class Blocks:
    """Clusters indexed by (type, day) and, inside, by place (grid cell, region, place name) so
    the candidates for an event are a few dict lookups: near-linear linking."""

    def __init__(self):
        self.by_block: dict[tuple[str, str], dict[tuple, list[dict]]] = defaultdict(lambda: defaultdict(list))
        self.seen: set = set()

    def add(self, cl: dict) -> None:
        if not cl.get("date") or cl["id"] in self.seen:
            return
        self.seen.add(cl["id"])
        block = self.by_block[(cl["type"], cl["date"])]
        for k in cluster_keys(cl):
            block[k].append(cl)

    def candidates(self, ev: dict) -> Iterable[dict]:
        d = _day(ev.get("day"))
        if d is None:
            return
        keys = event_keys(ev)
        seen: set = set()
        for k in range(-MAX_DAYS, MAX_DAYS + 1):
            block = self.by_block.get((ev["type"], (d + _dt.timedelta(days=k)).isoformat()))
            if not block:
                continue
            for key in keys:
                for cl in block.get(key, ()):
                    if cl["id"] not in seen:
                        seen.add(cl["id"])
                        yield cl

    def best(self, ev: dict) -> dict | None:
        best, best_s = None, None
        for cl in self.candidates(ev):
            s = match_score(ev, cl)
            if s is not None and (best_s is None or s < best_s or (s == best_s and cl["id"] < best["id"])):
                best, best_s = cl, s
        return best


_CL_FIELDS = ("type", "mode", "actor", "actor_key", "actor_country", "target", "target_key", "target_country", "location", "location_key",
              "country", "admin1", "admin1_key", "lat", "lon", "place_id")
_CL_MATCH = ("id", "type", "date", "actor_key", "actor_country", "target_key", "target_country", "location_key", "admin1_key", "lat", "lon",
             "place_id")
_REFRESH_COLS = ("id", "type", "date", "date_min", "date_max", "country", "admin1", "lat", "location",
                 "fatalities", "fatalities_min")      # what a refresh reads of the clusters themselves


def _new_cluster_values(ev: dict) -> dict:
    v = {k: ev.get(k) for k in _CL_FIELDS}
    v.update(date=ev.get("day"), date_min=ev.get("day"), date_max=ev.get("day"), status=ev.get("status"),
             fatalities=ev.get("fatalities"), n_sources=0, n_copies=0, disputed=False, updated_at=_now())
    return v


def _candidate_clusters(conn, evs: list[dict]) -> dict[int, dict]:
    """The clusters an article's events may join: same types, dated within a day of any of its
    events' days (one read of a fixed statement over the whole span, the gaps filtered here),
    with the columns matching and a refresh read, by id."""
    days = sorted({d for d in (_day(ev.get("day")) for ev in evs) if d is not None})
    types = sorted({ev["type"] for ev in evs if _day(ev.get("day")) is not None})
    if not days or not types:
        return {}
    span = _dt.timedelta(days=MAX_DAYS)
    ranges = [((d - span).isoformat(), (d + span).isoformat()) for d in days]
    found = {}
    for r in run_prepared(conn, _CANDIDATES, {"types": types, "lo": ranges[0][0], "hi": ranges[-1][1]}):
        if any(lo <= r.date <= hi for lo, hi in ranges):
            found[r.id] = dict(r._mapping)
    return found


def link_article_events(conn, evs: list[dict]) -> set[int]:
    """Attach freshly inserted events (dicts with id, article_id, is_copy and the match fields) to
    clusters, creating clusters as needed; refreshes and returns the touched cluster ids.

    A fixed number of statements per article, however many events it has: one read of the
    candidate clusters (same types, within a day of any of its days), one insert of the new
    clusters, one of the sources, one update of the events, then `refresh_clusters` (which
    needs no read of the clusters: the candidates' columns and the new ones' values are known)."""
    C = S.event_clusters
    touched: set[int] = set()
    blocks = Blocks()
    known = _candidate_clusters(conn, evs)
    for row in known.values():
        blocks.add({k: row[k] for k in _CL_MATCH})
    # clusters made by this article get temporary ids above every real one (so ties still go to
    # the older cluster, as before) until one insert returns their real ids
    new: list[dict] = []
    chosen: list[dict] = []
    for ev in evs:
        cl = blocks.best(ev)
        if cl is None:
            cl = {k: ev.get(k) for k in _CL_MATCH if k not in ("id", "date")}
            cl.update(id=_TEMP_ID + len(new), date=ev.get("day"), type=ev["type"], _values=_new_cluster_values(ev))
            new.append(cl)
            blocks.add(cl)
        chosen.append(cl)
    if new:   # one executemany; ids come back in parameter order
        ids = insert_in_order(conn, C, [cl["_values"] for cl in new])
        for cl, cid in zip(new, ids):
            cl["id"] = cid
            known[cid] = {**dict.fromkeys(_REFRESH_COLS), **cl["_values"], "id": cid}
    sources, links = [], []
    for ev, cl in zip(evs, chosen):
        sources.append({"cluster_id": cl["id"], "event_id": ev["id"], "article_id": ev["article_id"],
                        "counted": not ev.get("is_copy")})
        links.append({"eid": ev["id"], "cid": cl["id"]})
        touched.add(cl["id"])
    if sources:
        insert_rows(conn, S.event_sources, sources)
        run_prepared(conn, _SET_EVENT_CLUSTER, links)
    refresh_clusters(conn, touched, fresh={cl["id"] for cl in new}, known=known)
    return touched


_TEMP_ID = 1 << 60
_CANDIDATES = select(*[S.event_clusters.c[k] for k in dict.fromkeys(_CL_MATCH + _REFRESH_COLS)]).where(
    S.event_clusters.c.type.in_(bindparam("types", expanding=True)),
    S.event_clusters.c.date >= bindparam("lo"), S.event_clusters.c.date <= bindparam("hi"))
_SET_EVENT_CLUSTER = update(S.events).where(S.events.c.id == bindparam("eid")).values(cluster_id=bindparam("cid"))


def summarise(sources: list[dict]) -> tuple[dict, list[dict]]:
    """Cluster summary values and dispute rows from its sources (event dicts with article info)."""
    counted = [s for s in sources if s.get("counted", True)]
    days = sorted(s["day"] for s in sources if s.get("day"))
    vals: dict[str, Any] = {
        "n_sources": len({s["article_id"] for s in counted}),
        "n_copies": len({s["article_id"] for s in sources if not s.get("counted", True)}),
        "date_min": days[0] if days else None, "date_max": days[-1] if days else None,
    }
    disputes = differences(counted)
    tolls = sorted({v for s in counted for v, _ in report_tolls(s)})
    if len(tolls) > 1:
        vals.update(fatalities=None, fatalities_min=tolls[0], fatalities_max=tolls[-1])
    else:
        v = tolls[0] if tolls else None
        vals.update(fatalities=v, fatalities_min=v, fatalities_max=v)
    statuses: dict[str, int] = defaultdict(int)
    for s in counted:
        statuses[s.get("status") or "occurred"] += 1
    if any(d["field"] == "status" for d in disputes):
        vals["status"] = "disputed"
    else:
        vals["status"] = max(statuses, key=lambda k: statuses[k]) if statuses else None
    vals["disputed"] = bool(disputes)
    return vals, disputes


# ---------------------------------------------------------------------------------- "sources differ"
def report_tolls(report: dict) -> list[tuple[int, str | None]]:
    """The death tolls one report gives, with the evidence of each: its `fatalities`, or, when
    the article gave several disagreeing tolls for the incident (`toll_disputed`), each of its
    `fatalities_reports`."""
    many = report.get("fatalities_reports")
    if report.get("toll_disputed") and many:
        if isinstance(many, str):
            try:
                many = json.loads(many)
            except ValueError:
                many = []
        out = []
        for r in many or []:
            try:
                out.append((int(r["value"]), r.get("evidence")))
            except (KeyError, TypeError, ValueError):
                continue
        if out:
            return out
    if report.get("fatalities") is None:
        return []
    return [(int(report["fatalities"]), report.get("evidence"))]


def _versions(groups: dict[Any, list[dict]]) -> list[dict]:
    return [{"value": v, "sources": [{"article_id": s["article_id"], "event_id": s["id"],
                                      "source": s.get("source"), "url": s.get("url"),
                                      "published": s.get("published"), "evidence": s.get("evidence"),
                                      "attributed_to": s.get("attributed_to"), "status": s.get("status")}
                                     for s in group]}
            for v, group in groups.items()]


def _toll_versions(reports: list[dict]) -> dict[int, list[dict]]:
    fat: dict[int, list[dict]] = defaultdict(list)
    for s in reports:
        for value, evidence in report_tolls(s):
            fat[value].append({**s, "evidence": evidence or s.get("evidence")})
    return dict(sorted(fat.items()))


def _parties(reports: list[dict]) -> list[tuple[dict, list[dict]]]:
    """The actors blamed, one group per party: the same actor (any alias), and every wording of
    one article ("JNIM" and "gunmen" in one report are one party told two ways)."""
    groups: list[tuple[dict, list[dict]]] = []
    for s in reports:
        if not s.get("actor_key"):
            continue
        home = [g for g in groups if any(m["article_id"] == s["article_id"] for m in g[1])
                or same_actor(g[0]["actor_key"], g[0].get("actor_country"), s["actor_key"], s.get("actor_country"))]
        if not home:
            groups.append((s, [s]))
            continue
        rep, members = home[0]
        members.append(s)
        for other in home[1:]:                     # this report joins two groups into one party
            members.extend(other[1])
            groups.remove(other)
    return groups


def differences(reports: list[dict]) -> list[dict]:
    """THE definition of "sources differ", shared by the store, the pages and the report: among
    the counted reports of one real event,
    - fatalities: two or more different tolls (from two articles, or two tolls one article gives);
    - status: one report denies what another says occurred or was claimed;
    - actor: different articles blame different parties (one article's wordings are one party).
    Returns [{"field", "versions": [{"value", "sources": [...]}]}]; figures are never averaged."""
    counted = [s for s in reports if s.get("counted", True)]
    out: list[dict] = []
    fat = _toll_versions(counted)
    if len(fat) > 1:
        out.append({"field": "fatalities", "versions": _versions(fat)})
    st: dict[str, list[dict]] = defaultdict(list)
    for s in counted:
        st[s.get("status") or "occurred"].append(s)
    if "denied" in st and AFFIRM & set(st):
        out.append({"field": "status", "versions": _versions(dict(st))})
    parties = _parties(counted)
    if len(parties) > 1:
        out.append({"field": "actor", "versions": _versions({rep["actor"]: m for rep, m in parties})})
    return out


def differing_fields(reports: list[dict]) -> set[str]:
    """The fields on which the reports differ ("fatalities", "status", "actor"): `differences`."""
    return {d["field"] for d in differences(reports)}


def refresh_cluster(conn, cid: int) -> None:
    """Recompute a cluster's counters, agreed values and disputes from all its sources."""
    refresh_clusters(conn, [cid])


def refresh_clusters(conn, cids, fresh: set[int] = frozenset(), known: dict[int, dict] | None = None) -> None:
    """`refresh_cluster` for many clusters with one read of their sources, one read of the
    clusters themselves (their gaps, and what they counted in the overview before) and one
    dispute write. `fresh`: clusters just created (not yet counted in the overview). `known`:
    the clusters' current columns (`_REFRESH_COLS`) when the caller has them all, read or
    written in this transaction: the read of the clusters is skipped."""
    cids = sorted(set(cids))
    if not cids:
        return
    C, D = S.event_clusters, S.disputes
    by_cluster: dict[int, list[dict]] = defaultdict(list)
    for r in conn.execute(_SOURCES_OF_CLUSTERS, {"cids": cids}):
        d = dict(r._mapping)
        by_cluster[d.pop("_cid")].append(d)
    if known is not None and all(c in known for c in cids):
        current = {c: {k: known[c][k] for k in _REFRESH_COLS} for c in cids}
    else:
        current = {r.id: dict(r._mapping) for r in run_prepared(conn, _CLUSTERS_BY_ID, {"cids": cids})}
    run_prepared(conn, _DELETE_DISPUTES, {"cids": cids})
    now = _now()
    dispute_rows, gone = [], []
    updates: dict[tuple, list[dict]] = defaultdict(list)   # one executemany per column set
    after: dict[int, dict] = {}
    for cid in cids:
        sources = by_cluster.get(cid)
        if not sources:
            gone.append(cid)
            continue
        vals, disputes = summarise(sources)
        cur = current.get(cid)
        if cur is not None:
            _fill_gaps(cur, sources, vals)
            after[cid] = {**cur, **vals}
        vals["updated_at"] = now
        updates[tuple(sorted(vals))].append({"b_cid": cid, **{"b_" + k: v for k, v in vals.items()}})
        dispute_rows += [{"cluster_id": cid, "field": d["field"],
                          "versions": json.dumps(d["versions"], ensure_ascii=False), "updated_at": now}
                         for d in disputes]
    if gone:
        conn.execute(delete(C).where(C.c.id.in_(gone)))
    for keys, rows in updates.items():
        run_prepared(conn, _cluster_update(keys), rows)
    if dispute_rows:
        insert_rows(conn, D, dispute_rows)
    days = {d for cl in current.values() for d in overview.days_spanned(cl)}   # counted in before
    days |= {s.get("day") for group in by_cluster.values() for s in group}
    days |= {d for cl in after.values() for d in overview.days_spanned(cl)}
    overview.refresh_days(conn, days)
    overview.move(conn, {c: overview.contribution(cl) for c, cl in current.items() if c not in fresh},
                  {c: overview.contribution(cl) for c, cl in after.items()})


def _fill_gaps(cur: dict, sources: list[dict], vals: dict) -> None:
    """Fill a cluster's representative gaps (place, coordinates, region) from later sources."""
    for s in sources:
        if cur["lat"] is None and s.get("lat") is not None and "lat" not in vals:
            vals.update(lat=s["lat"], lon=s["lon"])
        if cur["location"] is None and s.get("location") and "location" not in vals:
            vals.update(location=s["location"], location_key=s["location_key"], place_id=s["place_id"])
        if cur["admin1"] is None and s.get("admin1") and "admin1" not in vals:
            vals.update(admin1=s["admin1"], admin1_key=s["admin1_key"])


def _prepared_refresh_statements():
    E, A, ES, C, D = S.events, S.articles, S.event_sources, S.event_clusters, S.disputes
    cids = bindparam("cids", expanding=True)
    sources = (select(ES.c.cluster_id.label("_cid"), E.c.id, E.c.article_id, E.c.day, E.c.fatalities,
                      E.c.fatalities_reports, E.c.toll_disputed, E.c.status,
                      E.c.actor, E.c.actor_key, E.c.actor_country, E.c.evidence, E.c.attributed_to, E.c.lat,
                      E.c.lon, E.c.location, E.c.location_key, E.c.admin1, E.c.admin1_key, E.c.place_id,
                      E.c.country, A.c.source, A.c.url, A.c.published, ES.c.counted)
               .select_from(ES.join(E, E.c.id == ES.c.event_id).join(A, A.c.id == E.c.article_id))
               .where(ES.c.cluster_id.in_(cids)).order_by(E.c.id))
    clusters = select(*[C.c[k] for k in _REFRESH_COLS]).where(C.c.id.in_(cids))
    return sources, clusters, delete(D).where(D.c.cluster_id.in_(cids))


_SOURCES_OF_CLUSTERS, _CLUSTERS_BY_ID, _DELETE_DISPUTES = _prepared_refresh_statements()


_CLUSTER_UPDATES: dict[tuple, Any] = {}


def _cluster_update(keys: tuple) -> Any:
    """A prepared `UPDATE event_clusters SET <keys> WHERE id = ?` for executemany (built once)."""
    stmt = _CLUSTER_UPDATES.get(keys)
    if stmt is None:
        C = S.event_clusters
        stmt = update(C).where(C.c.id == bindparam("b_cid")).values({k: bindparam("b_" + k) for k in keys})
        _CLUSTER_UPDATES[keys] = stmt
    return stmt


# ---------------------------------------------------------------------------------- bulk
def cluster_in_memory(events: list[dict]) -> tuple[list[dict], dict[int, int]]:
    """Cluster event dicts (in the given order) without a database: returns (clusters, event id ->
    cluster index). The same rules as the incremental path; used by `link_events`."""
    blocks = Blocks()
    clusters: list[dict] = []
    assign: dict[int, int] = {}
    for ev in events:
        cl = blocks.best(ev) if ev.get("day") else None
        if cl is None:
            cl = {k: ev.get(k) for k in _CL_MATCH if k not in ("id", "date")}
            cl.update(id=len(clusters), date=ev.get("day"), type=ev["type"], first=ev)
            clusters.append(cl)
            blocks.add(cl)
        assign[ev["id"]] = cl["id"]
    return clusters, assign


@contextlib.contextmanager
def gc_paused():
    """Pause Python's cyclic garbage collector. Bulk linking holds every event as a dict (no
    reference cycles); with the collector on, each full collection walks all of them again, so
    the time grows faster than the number of events (measured: 12x instead of 10x for 10x the
    events, worse in a process that already holds a spaCy model). Reference counting still frees
    everything; the collector resumes afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def link_events(store_or_engine, rebuild: bool = True, batch: int = 5000) -> dict[str, float]:
    """Re-cluster every event in the database (blocking by type and day; near-linear) and rewrite
    event_clusters, event_sources and disputes. Returns timings and counts — the benchmark entry
    point (`make bench` links 10k and 100k synthetic events with it)."""
    with gc_paused():
        return _link_events(store_or_engine, batch)


def _link_events(store_or_engine, batch: int) -> dict[str, float]:
    engine = getattr(store_or_engine, "engine", store_or_engine)
    E, A = S.events, S.articles
    t0 = time.perf_counter()
    cols = [E.c.id, E.c.article_id, E.c.type, E.c.mode, E.c.day, E.c.actor, E.c.actor_key, E.c.actor_country,
            E.c.target, E.c.target_key, E.c.target_country, E.c.location, E.c.location_key, E.c.country,
            E.c.admin1, E.c.admin1_key, E.c.lat, E.c.lon, E.c.place_id, E.c.fatalities,
            E.c.fatalities_reports, E.c.toll_disputed, E.c.status,
            E.c.evidence, E.c.attributed_to, E.c.is_copy, A.c.source, A.c.url, A.c.published]
    with engine.connect() as conn:
        evs = [dict(r._mapping) for r in conn.execute(
            select(*cols).select_from(E.join(A, A.c.id == E.c.article_id)).order_by(A.c.published, E.c.id))]
    t_load = time.perf_counter()
    clusters, assign = cluster_in_memory(evs)
    t_cluster = time.perf_counter()
    members: dict[int, list[dict]] = defaultdict(list)
    for ev in evs:
        ev["counted"] = not ev["is_copy"]
        members[assign[ev["id"]]].append(ev)
    n_disputes = 0
    with write_tx(engine) as conn:
        # only rows that have a cluster (index on cluster_id): nothing to do on a first link, and
        # every event gets its new cluster id below anyway
        conn.execute(update(E).where(E.c.cluster_id.is_not(None)).values(cluster_id=None))
        conn.execute(delete(S.disputes))
        conn.execute(delete(S.event_sources))
        conn.execute(delete(S.event_clusters))
        C = S.event_clusters
        dispute_rows, source_rows, cluster_rows = [], [], []
        next_id = 1
        real_id: dict[int, int] = {}
        for cl in clusters:
            evs_c = members[cl["id"]]
            vals = _new_cluster_values(cl["first"])
            s_vals, disputes = summarise(evs_c)
            vals.update(s_vals)
            vals["id"] = next_id
            real_id[cl["id"]] = next_id
            cluster_rows.append(vals)
            for d in disputes:
                dispute_rows.append({"cluster_id": next_id, "field": d["field"],
                                     "versions": json.dumps(d["versions"], ensure_ascii=False),
                                     "updated_at": vals["updated_at"]})
            next_id += 1
        for i in range(0, len(cluster_rows), batch):
            conn.execute(insert(C), cluster_rows[i:i + batch])
        for ev in evs:
            source_rows.append({"cluster_id": real_id[assign[ev["id"]]], "event_id": ev["id"],
                                "article_id": ev["article_id"], "counted": ev["counted"]})
        # written in key order, so every B-tree insert appends instead of landing on a random page
        # (random inserts made the 100k write 18x slower than 10k, not 10x)
        source_rows.sort(key=lambda r: (r["cluster_id"], r["event_id"]))
        for i in range(0, len(source_rows), batch):
            conn.execute(insert(S.event_sources), source_rows[i:i + batch])
        for i in range(0, len(dispute_rows), batch):
            conn.execute(insert(S.disputes), dispute_rows[i:i + batch])
        n_disputes = len(dispute_rows)
        # events.cluster_id by primary key in id order (a correlated subquery per row was 27x
        # slower for 10x the events)
        links = sorted(({"eid": r["event_id"], "cid": r["cluster_id"]} for r in source_rows),
                       key=lambda r: r["eid"])
        set_cluster = update(E).where(E.c.id == bindparam("eid")).values(cluster_id=bindparam("cid"))
        for i in range(0, len(links), batch):
            conn.execute(set_cluster, links[i:i + batch])
        overview.rebuild(conn)
        if engine.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('event_clusters','id'), "
                                 "GREATEST((SELECT max(id) FROM event_clusters), 1))")
    t_write = time.perf_counter()
    return {"events": len(evs), "clusters": len(clusters), "disputes": n_disputes,
            "load_s": t_load - t0, "cluster_s": t_cluster - t_load, "write_s": t_write - t_cluster,
            "total_s": t_write - t0}
