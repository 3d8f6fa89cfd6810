"""The corpus database: schema, migrations, ingest, cross-article linking, query, search, export.

Entry point: ``from sitrep.store import open_db`` -> `query.Store`.
"""
from .query import Store, open_db  # noqa: F401
