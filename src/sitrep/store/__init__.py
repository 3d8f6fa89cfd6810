"""The corpus database: schema, migrations, ingest, cross-article linking, query, search, export.

Entry point: ``from sitrep.store import open_db`` -> `query.Store`. Imported on first use, so
that a module of the package that needs no SQLAlchemy (`filters`, `reads`, `lite`, `urls`)
can be imported without it.
"""
from __future__ import annotations

__all__ = ["Store", "open_db"]


def __getattr__(name: str):
    if name in __all__:
        from . import query
        return getattr(query, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
