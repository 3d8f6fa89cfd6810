"""Database URLs without the database driver: what `--db` names (a SQLAlchemy URL, a postgres
URL without driver, or a bare path) and the SQLite file behind it. No SQLAlchemy here, so that
a query command can find its SQLite file before deciding what to import."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_URL = "sqlite:///sitrep.db"


def normalise_url(url: str | os.PathLike | None) -> str:
    """Accept a SQLAlchemy URL, a postgres URL without driver, or a bare file path."""
    if url is None or str(url) == "":
        url = os.environ.get("SITREP_DB") or DEFAULT_URL
    url = str(url)
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url[len("postgresql://"):]
    if "://" not in url:
        if url == ":memory:":
            return "sqlite://"
        return "sqlite:///" + str(Path(url).expanduser())
    return url


def sqlite_path(url: str | os.PathLike | None) -> Path | None:
    """The file behind a SQLite URL or bare path; None for PostgreSQL and in-memory databases."""
    url = normalise_url(url)
    if not url.startswith("sqlite:///") or url in ("sqlite:///:memory:",):
        return None
    return Path(url[len("sqlite:///"):].split("?", 1)[0])


def read_only_uri(path: Path) -> str:
    """The SQLite URI that opens `path` for reading only: ``mode=ro``, and ``immutable=1`` when
    the file or its folder cannot be written (SQLite could not create the WAL's shared memory)."""
    path = path.expanduser().resolve()
    frozen = not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK)
    return path.as_uri() + "?mode=ro" + ("&immutable=1" if frozen else "")
