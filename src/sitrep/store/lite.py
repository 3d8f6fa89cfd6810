"""A reader of a SQLite corpus through the standard library's sqlite3, without SQLAlchemy.

A query command (`sitrep events`, `entities`, `disputes`, `errors`, ...) on a SQLite file asks
a few milliseconds of SQL, while importing SQLAlchemy costs about 170 ms. `open_lite` opens the
file read-only with sqlite3 and answers the listings of `reads.Reads` with the very SQL the
SQLAlchemy store runs (so the rows are the same). Whatever else is asked of it (`search`,
`stats`, ...) it hands to the full `query.Store`, opened on first use. A PostgreSQL URL, a
missing file, a schema this version would upgrade, or a file sqlite3 cannot read all give
None: the caller then opens the full store, which upgrades or says what is wrong.
"""
from __future__ import annotations

import os
import sqlite3
import threading
from contextlib import contextmanager
from typing import Any

from .reads import Reads, dbapi_reading
from .urls import normalise_url, read_only_uri, sqlite_path

#: the schema version this sitrep writes (`migrations.LATEST`, checked by a test); an older file
#: is left to the full store, which upgrades it
SCHEMA_VERSION = 11
BUSY_TIMEOUT_MS = 30_000


def open_lite(url: str | os.PathLike | None) -> "LiteStore | None":
    """A `LiteStore` on the SQLite file at `url`, or None when the full store must open it."""
    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    conn = None
    try:
        conn = _connect(path)
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
        version = conn.execute("SELECT max(version) FROM schema_version").fetchone()[0] if has else 0
    except sqlite3.Error:
        version = None
    if version != SCHEMA_VERSION:
        if conn is not None:
            conn.close()
        return None
    return LiteStore(conn, url, path)


def _connect(path) -> sqlite3.Connection:
    """A read-only connection with the full store's reading pragmas (`db._sqlite_setup`)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                           isolation_level=None, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA cache_size=-65536")
    conn.execute("PRAGMA mmap_size=268435456")
    return conn


class LiteStore(Reads):
    """The listings of `reads.Reads` over read-only sqlite3 connections (one per thread, so a
    server's threads can share it); any other method of `query.Store` through the full store
    (imported and opened on first use)."""

    backend = "sqlite"

    def __init__(self, conn: sqlite3.Connection, url, path) -> None:
        self._url, self._path = url, path
        self._full = None
        self._local = threading.local()          # one connection per thread (a server's pool)
        self._local.conn = conn
        self._conns = [conn]
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        """What the full store opened read-only calls itself: the URL or path as given."""
        return str(self._url) if self._url else normalise_url(None)

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = _connect(self._path)
            with self._lock:
                self._conns.append(conn)
        return conn

    @contextmanager
    def _reading(self):
        """One read transaction (one snapshot, as the full store's connection gives)."""
        conn = self._conn()
        outer = not conn.in_transaction
        if outer:
            conn.execute("BEGIN")
        try:
            with dbapi_reading(conn) as fetch:
                yield fetch
        finally:
            if outer:
                conn.execute("COMMIT")

    def full(self):
        """The SQLAlchemy store on the same file (read-only), for what this reader does not do."""
        with self._lock:
            if self._full is None:
                from .query import open_db
                self._full = open_db(self._url, read_only=True)
            return self._full

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.full(), name)

    def close(self) -> None:
        with self._lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            conn.close()
        if self._full is not None:
            self._full.close()

    def __enter__(self) -> "LiteStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
