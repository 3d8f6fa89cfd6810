"""The corpus rows one article's entity and place resolution reads, fetched in a few `IN`
queries per article instead of several queries per name.

`EntityView` and `PlaceView` answer exactly the reads `link.resolve_entity` and
`link.resolve_place` make (alias keys, entity keys, surname holders, fuzzy blocks, place keys,
geonameids, place aliases). `prefetch` loads, in one statement per table, what the article's
names will ask for; any other read falls through to its own query, and the answer is kept.
Every write resolution makes (a new entity, place or alias, a filled field) is applied to the
view too, so it answers as the database would inside the same transaction; a rare write that
moves many rows (`link.rebalance_surname`) clears the view instead.

A view lives for one article's transaction (a rolled-back article leaves nothing behind).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from sqlalchemy import bindparam, literal, null, or_, select, union_all

from . import schema as S
from .db import run_prepared
from .names import block_key

KINDS = ("person", "organization")
CHUNK = 400          # keys per IN list: within every database's parameter limit

_EN, _AL, _P, _PA = S.entities, S.entity_aliases, S.places, S.place_aliases


def _chunks(items: Iterable, n: int = CHUNK) -> Iterable[list]:
    items = sorted(items)
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _surname_suffixes(key: str) -> list[str]:
    toks = key.split()
    return [" ".join(toks[i:]) for i in range(1, len(toks))]


class EntityView:
    """What the corpus holds under the names of one article (see the module's docstring)."""

    def __init__(self, conn):
        self.conn = conn
        self.clear()

    def clear(self) -> None:
        self.alias: dict[tuple[str, str], int | None] = {}         # (kind, key) -> entity id
        self.own: dict[tuple[str, str], int | None] = {}           # (kind, key) -> entity with that key
        self.row: dict[int, dict] = {}                              # entity id -> name, country, role
        self.holders: dict[tuple[str, str], set[int]] = {}         # (kind, surname) -> ids of "... surname"
        self.blocks: dict[tuple[str, str], list[tuple[int, str]]] = {}   # (kind, block) -> (id, key)

    # ------------------------------------------------------------------ prefetch
    def prefetch(self, keys_by_kind: dict[str, set[str]], other_keys: Iterable[str] = ()) -> None:
        """Load, in a few statements, every read the resolution of these name keys makes:
        their alias keys (and `other_keys`, names quotes and events mention), the entities
        holding them or their surnames, the full names ending in them, and the fuzzy blocks of
        the names the corpus does not hold yet."""
        all_keys = {k for ks in keys_by_kind.values() for k in ks if k} | {k for k in other_keys if k}
        suffixes = {s for ks in keys_by_kind.values() for k in ks for s in _surname_suffixes(k)}
        self._fetch_aliases_and_own(all_keys | suffixes)
        self._fetch_rows({e for e in self.alias.values() if e is not None} - set(self.row))
        for kind, keys in keys_by_kind.items():
            if kind not in KINDS:
                continue
            self._fetch_holders(kind, {s for k in keys for s in [k, *_surname_suffixes(k)]
                                       if kind == "person" or " " not in k})
            self._fetch_blocks(kind, {block_key(k) for k in keys if k and self.alias.get((kind, k)) is None})

    def _fetch_aliases_and_own(self, keys: set[str]) -> None:
        """`_fetch_aliases` and `_fetch_own` of the same keys, in one read (UNION ALL) when
        neither was asked for any of them yet and they fit one IN list (an article's prefetch)."""
        fresh = {k for k in keys if all((kind, k) not in self.alias and (kind, k) not in self.own
                                        for kind in KINDS)}
        if not keys or fresh != keys or len(keys) > CHUNK:
            self._fetch_aliases(keys)
            self._fetch_own(keys)
            return
        for kind in KINDS:
            self.alias.update({(kind, k): None for k in keys})
            self.own.update({(kind, k): None for k in keys})
        for r in run_prepared(self.conn, _ALIASES_AND_ENTITIES_BY_KEY, {"keys": sorted(keys)}):
            if r.own:
                self.own[(r.kind, r.key)] = r.id
                self.row[r.id] = {"name": r.name, "country": r.country, "role": r.role}
            else:
                self.alias[(r.kind, r.key)] = r.id

    def _fetch_aliases(self, keys: set[str]) -> None:
        keys = {k for k in keys if any((kind, k) not in self.alias for kind in KINDS)}
        for chunk in _chunks(keys):
            for kind in KINDS:
                self.alias.update({(kind, k): None for k in chunk})
            for eid, kind, key in run_prepared(self.conn, _ALIASES_BY_KEY, {"keys": chunk}):
                self.alias[(kind, key)] = eid

    def _fetch_own(self, keys: set[str]) -> None:
        keys = {k for k in keys if any((kind, k) not in self.own for kind in KINDS)}
        for chunk in _chunks(keys):
            for kind in KINDS:
                self.own.update({(kind, k): None for k in chunk})
            for r in run_prepared(self.conn, _ENTITIES_BY_KEY, {"keys": chunk}):
                self.own[(r.kind, r.key)] = r.id
                self.row[r.id] = {"name": r.name, "country": r.country, "role": r.role}

    def _fetch_rows(self, ids: set[int]) -> None:
        for chunk in _chunks(ids):
            for r in run_prepared(self.conn, _ENTITIES_BY_ID, {"ids": chunk}):
                self.row[r.id] = {"name": r.name, "country": r.country, "role": r.role}

    def _fetch_holders(self, kind: str, surnames: set[str]) -> None:
        surnames = sorted(s for s in surnames if s and (kind, s) not in self.holders)
        for i in range(0, len(surnames), HOLDER_PATTERNS[-1]):
            chunk = surnames[i:i + HOLDER_PATTERNS[-1]]
            size = next(n for n in HOLDER_PATTERNS if n >= len(chunk))
            params = {"kind": kind, "blocks": sorted({block_key(s) for s in chunk}),
                      **{f"p{j}": "% " + (chunk[j] if j < len(chunk) else chunk[0]) for j in range(size)}}
            rows = run_prepared(self.conn, _holders_statement(size), params).all()
            for s in chunk:
                self.holders[(kind, s)] = {e for e, k in rows if k.endswith(" " + s)}

    def _fetch_blocks(self, kind: str, blocks: set[str]) -> None:
        blocks = {b for b in blocks if (kind, b) not in self.blocks}
        for chunk in _chunks(blocks):
            for b in chunk:
                self.blocks[(kind, b)] = []
            for eid, key, b in run_prepared(self.conn, _BLOCK_ROWS, {"kind": kind, "blocks": chunk}):
                self.blocks[(kind, b)].append((eid, key))

    # ------------------------------------------------------------------ reads
    def aliases(self, kind: str, keys: Iterable[str]) -> dict[str, int]:
        """{key: entity id} for those of `keys` an alias of this kind holds."""
        keys = list(keys)
        missing = [k for k in keys if (kind, k) not in self.alias]
        if missing:
            if kind in KINDS:
                self._fetch_aliases(set(missing))
            else:
                found = dict((k, e) for e, k in self.conn.execute(select(_AL.c.entity_id, _AL.c.key).where(
                    _AL.c.kind == kind, _AL.c.key.in_(missing))))
                self.alias.update({(kind, k): found.get(k) for k in missing})
        return {k: self.alias[(kind, k)] for k in keys if self.alias.get((kind, k)) is not None}

    def any_kind(self, key: str) -> int | None:
        """The lowest entity id of any kind holding this alias key (quotes' and events' names)."""
        self.aliases(KINDS[0], [key])
        ids = [self.alias.get((kind, key)) for kind in KINDS]
        ids = [e for e in ids if e is not None]
        return min(ids) if ids else None

    def entity_with_key(self, kind: str, key: str) -> int | None:
        if (kind, key) not in self.own:
            if kind in KINDS:
                self._fetch_own({key})
            else:
                self.own[(kind, key)] = self.conn.execute(
                    select(_EN.c.id).where(_EN.c.kind == kind, _EN.c.key == key)).scalar()
        return self.own[(kind, key)]

    def entity_row(self, eid: int) -> dict | None:
        if eid not in self.row:
            self._fetch_rows({eid})
        return self.row.get(eid)

    def surname_holders(self, kind: str, surname: str) -> set[int]:
        if (kind, surname) not in self.holders:
            self._fetch_holders(kind, {surname})
        return set(self.holders[(kind, surname)])

    def block(self, kind: str, block: str) -> list[tuple[int, str]]:
        if (kind, block) not in self.blocks:
            self._fetch_blocks(kind, {block})
        return self.blocks[(kind, block)]

    # ------------------------------------------------------------------ writes
    def created(self, eid: int, kind: str, key: str, name: str, country, role) -> None:
        self.own[(kind, key)] = eid
        self.row[eid] = {"name": name, "country": country, "role": role}

    def updated(self, eid: int, vals: dict) -> None:
        if eid in self.row:
            self.row[eid].update({k: v for k, v in vals.items() if k in ("name", "country", "role")})

    def added_aliases(self, rows: list[dict]) -> None:
        for r in rows:
            kind, key, eid = r["kind"], r["key"], r["entity_id"]
            self.alias[(kind, key)] = eid
            for (k, s), ids in self.holders.items():
                if k == kind and key.endswith(" " + s):
                    ids.add(eid)
            blk = self.blocks.get((kind, r["block"]))
            if blk is not None:
                blk.append((eid, key))


class PlaceView:
    """The corpus places one article's places may resolve to (see the module's docstring)."""

    def __init__(self, conn):
        self.conn = conn
        self.by_gid: dict[int, int | None] = {}
        self.by_key: dict[str, int | None] = {}
        self.row: dict[int, dict] = {}                        # id -> country, lat, admin1, geonameid
        self.alias_rows: dict[str, list[int]] = {}            # alias key -> place ids (alias id order)
        self.place_keys: dict[int, set[str]] = defaultdict(set)   # id -> its alias keys seen

    def prefetch(self, gids: Iterable[int], keys: Iterable[str], alias_keys: Iterable[str]) -> None:
        gids = {int(g) for g in gids if g} - set(self.by_gid)
        keys = {k for k in keys if k} - set(self.by_key)
        if gids and keys and len(gids) <= CHUNK and len(keys) <= CHUNK:   # the usual article: one read
            self.by_gid.update({g: None for g in gids})
            self.by_key.update({k: None for k in keys})
            self._rows(run_prepared(self.conn, _PLACES_BY_GID_OR_KEY, {"gids": sorted(gids), "keys": sorted(keys)}))
            gids = keys = set()
        for chunk in _chunks(gids):
            self.by_gid.update({g: None for g in chunk})
            self._rows(run_prepared(self.conn, _PLACES_BY_GID, {"gids": chunk}))
        for chunk in _chunks(keys):
            self.by_key.update({k: None for k in chunk})
            self._rows(run_prepared(self.conn, _PLACES_BY_KEY, {"keys": chunk}))
        self._fetch_aliases(set(alias_keys))

    def _rows(self, rows) -> None:
        for r in rows:
            self.row[r.id] = {"country": r.country, "lat": r.lat, "admin1": r.admin1, "geonameid": r.geonameid}
            self.by_key[r.key] = r.id
            if r.geonameid is not None:
                self.by_gid[r.geonameid] = r.id

    def _fetch_aliases(self, keys: set[str]) -> None:
        keys = {k for k in keys if k and k not in self.alias_rows}
        for chunk in _chunks(keys):
            self.alias_rows.update({k: [] for k in chunk})
            for r in run_prepared(self.conn, _PLACE_ALIASES_BY_KEY, {"keys": chunk}):
                self.alias_rows[r.key].append(r.place_id)
                self.place_keys[r.place_id].add(r.key)
                self.row.setdefault(r.place_id, {"country": r.country, "lat": r.lat, "admin1": r.admin1,
                                                 "geonameid": r.geonameid})

    def with_gid(self, gid: int) -> int | None:
        if gid not in self.by_gid:
            self.prefetch([gid], [], [])
        return self.by_gid[gid]

    def with_key(self, key: str) -> int | None:
        if key not in self.by_key:
            self.prefetch([], [key], [])
        return self.by_key[key]

    def by_alias(self, keys: Iterable[str]) -> list[tuple[int, str | None]]:
        """(place id, country) of every place holding one of these alias keys, key by key."""
        keys = sorted(set(keys))
        self._fetch_aliases(set(keys))
        return [(pid, self.place(pid)["country"]) for k in keys for pid in self.alias_rows[k]]

    def place(self, pid: int) -> dict:
        if pid not in self.row:
            r = run_prepared(self.conn, _PLACE_BY_ID, {"pid": pid}).first()
            self.row[pid] = {"country": r.country, "lat": r.lat, "admin1": r.admin1, "geonameid": r.geonameid}
        return self.row[pid]

    def has_aliases(self, pid: int, keys: Iterable[str]) -> set[str]:
        keys = set(keys)
        self._fetch_aliases(keys)
        return keys & self.place_keys[pid]

    def created(self, pid: int, key: str, vals: dict) -> None:
        self.by_key[key] = pid
        self.row[pid] = {k: vals.get(k) for k in ("country", "lat", "admin1", "geonameid")}
        if vals.get("geonameid") is not None:
            self.by_gid[vals["geonameid"]] = pid

    def updated(self, pid: int, vals: dict) -> None:
        self.row.setdefault(pid, {}).update({k: v for k, v in vals.items() if k in ("lat", "admin1", "geonameid")})
        if vals.get("geonameid") is not None:
            self.by_gid[vals["geonameid"]] = pid

    def added_aliases(self, pid: int, keys: Iterable[str]) -> None:
        for k in keys:
            self.place_keys[pid].add(k)
            if k in self.alias_rows:
                self.alias_rows[k].append(pid)


HOLDER_PATTERNS = (4, 16, 64)   # statement shapes: a few prepared ones, not one per count of surnames
_HOLDERS: dict[int, object] = {}


def _holders_statement(n: int):
    """Aliases of a kind, in some blocks, whose key ends with one of n surnames (" " + surname)."""
    stmt = _HOLDERS.get(n)
    if stmt is None:
        stmt = _HOLDERS[n] = select(_AL.c.entity_id, _AL.c.key).where(
            _AL.c.kind == bindparam("kind"), _AL.c.block.in_(bindparam("blocks", expanding=True)),
            or_(*[_AL.c.key.like(bindparam(f"p{j}")) for j in range(n)]))
    return stmt


_ALIASES_BY_KEY = select(_AL.c.entity_id, _AL.c.kind, _AL.c.key).where(
    _AL.c.kind.in_(KINDS), _AL.c.key.in_(bindparam("keys", expanding=True)))
_ENTITIES_BY_KEY = select(_EN.c.id, _EN.c.kind, _EN.c.key, _EN.c.name, _EN.c.country, _EN.c.role).where(
    _EN.c.kind.in_(KINDS), _EN.c.key.in_(bindparam("keys", expanding=True)))
_ALIASES_AND_ENTITIES_BY_KEY = union_all(
    select(literal(0).label("own"), _AL.c.entity_id.label("id"), _AL.c.kind, _AL.c.key,
           null().cast(_EN.c.name.type).label("name"), null().cast(_EN.c.country.type).label("country"),
           null().cast(_EN.c.role.type).label("role"))
    .where(_AL.c.kind.in_(KINDS), _AL.c.key.in_(bindparam("keys", expanding=True))),
    select(literal(1).label("own"), _EN.c.id, _EN.c.kind, _EN.c.key, _EN.c.name, _EN.c.country, _EN.c.role)
    .where(_EN.c.kind.in_(KINDS), _EN.c.key.in_(bindparam("keys", expanding=True))))
_ENTITIES_BY_ID = select(_EN.c.id, _EN.c.name, _EN.c.country, _EN.c.role).where(
    _EN.c.id.in_(bindparam("ids", expanding=True)))
_BLOCK_ROWS = select(_AL.c.entity_id, _AL.c.key, _AL.c.block).where(
    _AL.c.kind == bindparam("kind"), _AL.c.block.in_(bindparam("blocks", expanding=True))).order_by(_AL.c.id)
_PLACE_COLS = (_P.c.id, _P.c.key, _P.c.country, _P.c.lat, _P.c.admin1, _P.c.geonameid)
_PLACES_BY_GID = select(*_PLACE_COLS).where(_P.c.geonameid.in_(bindparam("gids", expanding=True)))
_PLACES_BY_KEY = select(*_PLACE_COLS).where(_P.c.key.in_(bindparam("keys", expanding=True)))
_PLACES_BY_GID_OR_KEY = select(*_PLACE_COLS).where(_P.c.geonameid.in_(bindparam("gids", expanding=True))
                                                  | _P.c.key.in_(bindparam("keys", expanding=True)))
_PLACE_BY_ID = select(*_PLACE_COLS).where(_P.c.id == bindparam("pid"))
_PLACE_ALIASES_BY_KEY = (select(_PA.c.place_id, _PA.c.key, _P.c.country, _P.c.lat, _P.c.admin1, _P.c.geonameid)
                         .select_from(_PA.join(_P, _P.c.id == _PA.c.place_id))
                         .where(_PA.c.key.in_(bindparam("keys", expanding=True))).order_by(_PA.c.key, _PA.c.id))
