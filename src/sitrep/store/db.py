"""Open the corpus database by URL: SQLite (default, WAL) or PostgreSQL, the same code for both.

``sqlite:///sitrep.db`` is the default; a bare path (``corpus.db``) means SQLite too;
``postgresql://user@host/db`` is served by psycopg 3 (mapped to ``postgresql+psycopg://``).

SQLite is a single-writer database. To let two ``sitrep ingest`` processes share one file, every
write transaction starts with ``BEGIN IMMEDIATE`` (the write lock is taken up front, so a
read-then-write inside a transaction can never deadlock), waits up to ``busy_timeout`` for the
lock, and `retrying` re-runs a transaction that still hit "database is locked".
"""
from __future__ import annotations

import os
import random
import sqlite3
import time
from pathlib import Path
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

from sqlalchemy.pool import QueuePool
from sqlalchemy import Connection, create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from .urls import DEFAULT_URL, normalise_url, read_only_uri, sqlite_path  # noqa: F401  (their home before urls.py)

BUSY_TIMEOUT_MS = 30_000

T = TypeVar("T")


class StoreError(Exception):
    """The database cannot be opened or used; the message is one line a person can act on."""


def describe_error(exc: BaseException) -> str:
    """One line for a failure to open/use a database, without SQLAlchemy's background links."""
    orig = getattr(exc, "orig", None) or exc
    text = " ".join(str(orig).split()) or type(orig).__name__
    low = text.lower()
    if "file is not a database" in low or "not a database" in low:
        return "not a SQLite database (give a .db file written by `sitrep ingest`, or a postgresql:// URL)"
    if "connection refused" in low or "is the server running" in low:
        return "cannot connect: no database server answers there (is PostgreSQL running?)"
    if "unable to open database file" in low:
        return "cannot open the database file (check the path and its permissions)"
    if "can't load plugin" in low or "no such module" in low:
        return "unknown database URL scheme (use a file path, sqlite:///file.db or postgresql://...)"
    if "readonly database" in low or "read-only" in low:
        return "the database is read-only here"
    return text[:300]


def make_engine(url: str | os.PathLike | None = None, echo: bool = False, read_only: bool = False) -> Engine:
    """An engine for `url`. `read_only` (SQLite): open the file with ``mode=ro`` — and
    ``immutable=1`` when its folder cannot be written, where SQLite could not create the WAL's
    shared-memory file — so `sitrep serve` works on a corpus in a read-only folder."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        memory = url in ("sqlite://", "sqlite:///:memory:")
        path = sqlite_path(url)
        if read_only and path is not None:
            # a "sqlite://" URL would get SingletonThreadPool (one connection per thread, at most 5,
            # closing the others' connections under them: a segfault under 20 concurrent clients)
            engine = create_engine("sqlite://", echo=echo, creator=_read_only_connect(path),
                                   poolclass=QueuePool)
        else:
            engine = create_engine(url, echo=echo, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000,
                                                                 "check_same_thread": False})
        _sqlite_setup(engine, memory=memory, read_only=read_only)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True)


def _read_only_connect(path: Path) -> Callable[[], sqlite3.Connection]:
    uri = read_only_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    return connect


def _wal(cur, attempts: int = 50) -> None:
    """WAL mode; a new file that another process is creating at the same moment can refuse the
    switch with "database is locked" before any busy handler runs, so the switch is retried."""
    for i in range(attempts):
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or i == attempts - 1:
                raise
            time.sleep(0.05 * (1 + i % 5))


def _sqlite_setup(engine: Engine, memory: bool, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # take transaction control away from the driver so BEGIN IMMEDIATE is ours
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")   # first: switching to WAL may wait
        if not memory and not read_only:
            _wal(cur)
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA cache_size=-65536")        # 64 MB page cache per connection
        if not memory:
            cur.execute("PRAGMA mmap_size=268435456")  # read through the OS page cache
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # writers take the lock up front (see write_tx); readers never block in WAL mode
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.info.get("sitrep_write") else "BEGIN")


@contextmanager
def write_tx(engine: Engine) -> Iterator[Connection]:
    """A write transaction: on SQLite it starts with BEGIN IMMEDIATE (the write lock first, so a
    read-then-write cannot deadlock against another writer); commits on success."""
    from ..run.stop import held

    with held(), engine.connect() as conn:     # a SIGTERM waits for the commit or rollback
        conn.info["sitrep_write"] = True
        conn.info["sitrep_next_ids"] = {}      # link.insert_in_order's ids, valid under this lock only
        try:
            with conn.begin():
                yield conn
        finally:
            conn.info.pop("sitrep_write", None)
            conn.info.pop("sitrep_next_ids", None)


def is_locked(exc: BaseException) -> bool:
    msg = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in msg or "database is busy" in msg or "deadlock detected" in msg \
        or "could not serialize" in msg


def retrying(fn: Callable[[], T], attempts: int = 20, base_delay: float = 0.05) -> T:
    """Run a transaction function again when the database was locked or a concurrent writer won
    a unique-key race (the retry then sees the other writer's row). Other errors propagate."""
    for i in range(attempts):
        try:
            return fn()
        except IntegrityError:
            if i == attempts - 1:
                raise
        except (OperationalError, DBAPIError) as exc:
            if not is_locked(exc) or i == attempts - 1:
                raise
        time.sleep(base_delay * (1.5 ** min(i, 10)) * (0.5 + random.random()))
    raise RuntimeError("unreachable")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


_INSERTS: dict[tuple, tuple[str, tuple[str, ...] | None]] = {}


def insert_rows(conn: Connection, table, rows: list[dict]) -> None:
    """INSERT many rows of one shape as one driver executemany of a statement compiled once per
    (dialect, table, columns): the same SQL SQLAlchemy would send, without building and
    processing the parameters of every row again (most of the cost of a plain executemany of
    a few dozen short rows). The values must be what the driver takes as they are (str, int,
    float, bool, None), as every row the store writes is."""
    if not rows:
        return
    from sqlalchemy import bindparam, insert

    cols = tuple(rows[0])
    key = (conn.dialect.name, table.name, cols)
    done = _INSERTS.get(key)
    if done is None:
        compiled = insert(table).values({c: bindparam(c) for c in cols}).compile(dialect=conn.dialect)
        done = _INSERTS[key] = (compiled.string, tuple(compiled.positiontup) if compiled.positional else None)
    sql, order = done
    if order is not None:
        conn.exec_driver_sql(sql, [tuple(r[c] for c in order) for r in rows])
    else:
        conn.exec_driver_sql(sql, [dict(r) for r in rows])


_PREPARED: dict[tuple, tuple[object, str, tuple[str, ...] | None, dict]] = {}


def _bucket(n: int) -> int:
    """IN-list sizes compiled: powers of two (a list is padded by repeating its last value)."""
    size = 1
    while size < n:
        size *= 2
    return size


def _expanded(params: dict) -> tuple[dict, tuple]:
    """Parameters with each list (an expanding IN parameter) padded to its bucket and spread
    over `name_1 .. name_n`, as SQLAlchemy names them; and the shape (name, size) of the lists."""
    lists = {k: v for k, v in params.items() if isinstance(v, (list, tuple))}
    if not lists:
        return params, ()
    out = {k: v for k, v in params.items() if k not in lists}
    shape = []
    for name, values in sorted(lists.items()):
        values = _padded(values, _bucket(len(values)))
        out.update({f"{name}_{i + 1}": v for i, v in enumerate(values)})
        shape.append((name, len(values)))
    return out, tuple(shape)


def _padded(values, n: int) -> list:
    values = list(values) or [None]
    return values + [values[-1]] * (n - len(values))


def run_prepared(conn: Connection, stmt, params: dict | list[dict]):
    """Execute a statement built once (a module constant with bind parameters and no defaults to
    fill) through the driver, with its SQL compiled once per dialect (and per IN-list size
    bucket): the statement SQLAlchemy would send, without its per-call cache key, parameter
    processing and result set-up. A list of parameter dicts is one executemany (no IN lists
    then). An expanding IN parameter takes a non-empty list. Rows come as the driver gives
    them, so the statement must return only plain columns (ids, text, numbers), not booleans.
    Bind parameters holding their own value (a LIMIT's, an IN list of constants) keep it."""
    many = isinstance(params, list)
    given = params
    if many:
        shape: tuple = ()
    else:
        params, shape = _expanded(params)
        if shape and stmt.is_dml:       # a DELETE/UPDATE ... IN: SQLAlchemy expands it (rare, small)
            return conn.execute(stmt, given)
    key = (conn.dialect.name, id(stmt), shape)
    done = _PREPARED.get(key)
    if done is None:
        if shape:      # IN lists rendered as one parameter per value (this call's values fill them all)
            padded = {**given, **{name: _padded(given[name], n) for name, n in shape}}
            compiled = stmt.params(padded).compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        else:
            compiled = stmt.compile(dialect=conn.dialect)
        fixed = {k: v for k, v in compiled.params.items() if v is not None and (many or k not in params)}
        done = _PREPARED[key] = (stmt, compiled.string,       # the statement kept: its id stays its own
                                 tuple(compiled.positiontup) if compiled.positional else None, fixed)
    _, sql, order, fixed = done
    if fixed:
        params = [{**fixed, **p} for p in params] if many else {**fixed, **params}
    if order is None:
        return conn.exec_driver_sql(sql, [dict(p) for p in params] if many else dict(params))
    if many:
        return conn.exec_driver_sql(sql, [tuple(p[c] for c in order) for p in params])
    return conn.exec_driver_sql(sql, tuple(params[c] for c in order))
