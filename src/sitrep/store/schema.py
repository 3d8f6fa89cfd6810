"""The corpus schema as SQLAlchemy 2 Core tables: one definition for SQLite and PostgreSQL.

Conventions (so the query layer can hand rows straight to JSON):
- dates are ISO strings ``YYYY-MM-DD`` (sortable, portable, JSON-ready); timestamps are ISO
  strings with seconds, UTC.
- an article's ``id`` is a stable hash of its key (URL, or the content hash when there is no URL),
  so the same corpus ingested twice gets the same ids.
- every child row (mention, quote, count, event) points at its article with ON DELETE CASCADE, so
  replacing an article never leaves orphans.
- ``*_key`` columns hold a normalised/transliterated form used for matching (see link.name_key).
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Float, ForeignKey, Index, Integer, MetaData, String, Table,
                        Text, UniqueConstraint)

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(32), nullable=False),
)

runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("inputs", Text),                 # JSON list of paths / description
    Column("status", String(20), nullable=False, default="running"),   # running | done | failed | interrupted
    Column("n_read", Integer, nullable=False, default=0),
    Column("n_new", Integer, nullable=False, default=0),
    Column("n_unchanged", Integer, nullable=False, default=0),
    Column("n_replaced", Integer, nullable=False, default=0),
    Column("n_copies", Integer, nullable=False, default=0),
    Column("n_errors", Integer, nullable=False, default=0),
    Column("pid", Integer),                 # the ingest process (migration v5), to spot killed runs
    Column("host", String(255)),
)

articles = Table(
    "articles", metadata,
    Column("id", String(32), primary_key=True),
    Column("key", Text, nullable=False, unique=True),     # url, or "sha:<content_hash>"
    Column("ext_id", Text),                               # Record.id (file stem / input id)
    Column("url", Text),
    Column("source", Text),
    Column("title", Text),
    Column("published", String(10)),
    Column("text", Text, nullable=False, default=""),
    Column("content_hash", String(64), nullable=False),
    Column("body_start", Integer),
    Column("body_end", Integer),
    Column("boilerplate", Text),                          # JSON list of lines
    Column("copy_of", String(32), ForeignKey("articles.id", ondelete="SET NULL")),
    Column("similarity", Float),                          # estimated Jaccard to copy_of
    Column("minhash", Text),                              # JSON list of ints (LSH rebuild)
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="SET NULL")),
    Column("ingested_at", String(32), nullable=False),
    Index("ix_articles_published", "published"),
    Index("ix_articles_hash", "content_hash"),
    Index("ix_articles_source", "source"),
    Index("ix_articles_copy_of", "copy_of"),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),           # person | organization
    Column("name", Text, nullable=False),                 # canonical name (first full form seen)
    Column("key", Text, nullable=False),                  # link.name_key(name)
    Column("country", String(8)),
    Column("role", Text),
    UniqueConstraint("kind", "key", name="uq_entities_kind_key"),
)

entity_aliases = Table(
    "entity_aliases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("alias", Text, nullable=False),
    Column("key", Text, nullable=False),
    Column("block", String(16), nullable=False),          # fuzzy-match blocking key
    UniqueConstraint("kind", "key", name="uq_entity_aliases_kind_key"),
    Index("ix_entity_aliases_block", "kind", "block"),
    Index("ix_entity_aliases_entity", "entity_id"),
)

places = Table(
    "places", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("key", Text, nullable=False),                  # name_key(name) + "|" + country
    Column("country", String(8)),
    Column("admin1", Text),
    Column("kind", String(20)),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer, unique=True),
    UniqueConstraint("key", name="uq_places_key"),
)

place_aliases = Table(
    "place_aliases", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("place_id", Integer, ForeignKey("places.id", ondelete="CASCADE"), nullable=False),
    Column("alias", Text, nullable=False),
    Column("key", Text, nullable=False),                  # name_key(alias) (no country)
    UniqueConstraint("place_id", "key", name="uq_place_aliases"),
    Index("ix_place_aliases_key", "key"),
)

article_entities = Table(
    "article_entities", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("name", Text),                                 # the article's canonical form
    Column("role", Text),
    Column("n_mentions", Integer, nullable=False, default=0),
    Index("ix_article_entities_entity", "entity_id"),
)

article_places = Table(
    "article_places", metadata,
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("place_id", Integer, ForeignKey("places.id", ondelete="CASCADE"), primary_key=True),
    Column("name", Text),
    Column("n_mentions", Integer, nullable=False, default=0),
    Index("ix_article_places_place", "place_id"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE")),
    Column("place_id", Integer, ForeignKey("places.id", ondelete="CASCADE")),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Text),
    Column("sent_start", Integer),
    Column("sent_end", Integer),
    Index("ix_mentions_article", "article_id"),
    Index("ix_mentions_entity", "entity_id"),
    Index("ix_mentions_place", "place_id"),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("speaker", Text),
    Column("speaker_entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("text", Text, nullable=False),
    Column("direct", Boolean, nullable=False, default=True),
    Column("evidence", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("verb", Text),
    Index("ix_quotes_article", "article_id"),
    Index("ix_quotes_speaker", "speaker_entity_id"),
)

counts = Table(
    "counts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("value", Float, nullable=False),
    Column("category", String(32), nullable=False),
    Column("what", Text),
    Column("approximate", Boolean, nullable=False, default=False),
    Column("qualifier", Text),
    Column("evidence", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("value_start", Integer),     # the figure itself, in the article text
    Column("value_end", Integer),
    Index("ix_counts_article", "article_id"),
    Index("ix_counts_category", "category"),
)

event_clusters = Table(
    "event_clusters", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(16), nullable=False),
    Column("mode", Text),
    Column("date", String(10)),                           # date of the first source (representative)
    Column("date_min", String(10)),
    Column("date_max", String(10)),
    Column("actor", Text),
    Column("actor_key", Text),
    Column("actor_country", String(8)),
    Column("target", Text),
    Column("target_key", Text),
    Column("target_country", String(8)),
    Column("location", Text),
    Column("location_key", Text),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("admin1_key", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("place_id", Integer, ForeignKey("places.id", ondelete="SET NULL")),
    Column("fatalities", Integer),                        # agreed value; NULL when none or disputed
    Column("fatalities_min", Integer),
    Column("fatalities_max", Integer),
    Column("status", String(16)),
    Column("n_sources", Integer, nullable=False, default=0),   # distinct non-copy articles
    Column("n_copies", Integer, nullable=False, default=0),
    Column("disputed", Boolean, nullable=False, default=False),
    Column("updated_at", String(32)),
    Index("ix_clusters_block", "type", "date"),
    Index("ix_clusters_date", "date"),
    Index("ix_clusters_disputed", "disputed"),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("idx", Integer, nullable=False),               # position in the record's events
    Column("type", String(16), nullable=False),
    Column("mode", Text),
    Column("actor", Text),
    Column("actor_key", Text),
    Column("actor_entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("target", Text),
    Column("target_key", Text),
    Column("target_entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("location", Text),
    Column("location_key", Text),
    Column("place_id", Integer, ForeignKey("places.id", ondelete="SET NULL")),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("admin1_key", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("date", String(10)),                           # as extracted (may be NULL)
    Column("day", String(10)),                            # date, else the article's published date
    Column("date_period", String(8)),                     # no date, but a week "2024-W41" or month "2024-10" (v9)
    Column("fatalities", Integer),
    Column("fatalities_reports", Text),                   # JSON [{value, evidence}]: the article's tolls (v7)
    Column("toll_disputed", Boolean),                     # those tolls disagree (v7)
    Column("attributed_to", Text),
    Column("attributed_key", Text),
    Column("evidence", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("status", String(16), nullable=False, default="occurred"),
    Column("acled_event_type", Text),
    Column("acled_sub_event_type", Text),
    Column("trigger", Text),
    Column("rule", Text),
    Column("actor_country", String(8)),
    Column("actor_sector", Text),
    Column("target_country", String(8)),
    Column("target_sector", Text),
    Column("cluster_id", Integer, ForeignKey("event_clusters.id", ondelete="SET NULL")),
    Column("is_copy", Boolean, nullable=False, default=False),   # from a syndicated copy
    UniqueConstraint("article_id", "idx", name="uq_events_article_idx"),
    Index("ix_events_day", "day"),
    Index("ix_events_type_day", "type", "day"),
    Index("ix_events_actor_key", "actor_key"),
    Index("ix_events_target_key", "target_key"),
    Index("ix_events_location_key", "location_key"),
    Index("ix_events_admin1", "admin1_key"),
    Index("ix_events_latlon", "lat", "lon"),
    Index("ix_events_status", "status"),
    Index("ix_events_attributed", "attributed_key"),
    Index("ix_events_cluster", "cluster_id"),
    Index("ix_events_article", "article_id"),
    Index("ix_events_place", "place_id"),
)

event_sources = Table(
    "event_sources", metadata,
    Column("cluster_id", Integer, ForeignKey("event_clusters.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(32), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("counted", Boolean, nullable=False, default=True),   # False for syndicated copies
    Index("ix_event_sources_event", "event_id"),
    Index("ix_event_sources_article", "article_id"),
)

disputes = Table(
    "disputes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("cluster_id", Integer, ForeignKey("event_clusters.id", ondelete="CASCADE"), nullable=False),
    Column("field", String(16), nullable=False),          # fatalities | status | actor
    Column("versions", Text, nullable=False),             # JSON [{value, sources: [...]}]
    Column("updated_at", String(32)),
    UniqueConstraint("cluster_id", "field", name="uq_disputes_cluster_field"),
)

overview_counts = Table(                                  # kept by store/overview.py at cluster refresh
    "overview_counts", metadata,
    Column("what", String(8), nullable=False),            # day | type | region
    Column("day", String(10), nullable=False, default=""),     # day rows; '' for undated
    Column("type", String(16), nullable=False, default=""),    # type rows
    Column("country", String(8), nullable=False, default=""),  # region rows ('' when unknown)
    Column("admin1", Text, nullable=False, default=""),
    Column("n", Integer, nullable=False, default=0),           # events (clusters)
    Column("reports", Integer, nullable=False, default=0),     # day rows: non-copy reports
    Column("fatalities", Integer, nullable=False, default=0),  # type rows
    Column("disputed", Integer, nullable=False, default=0),    # day rows
    Index("ix_overview_counts_what_day", "what", "day"),
    Index("ux_overview_counts_key", "what", "day", "type", "country", "admin1", unique=True),   # upserts
)

ingest_errors = Table(
    "ingest_errors", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id", ondelete="SET NULL")),
    Column("origin", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("message", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("resolved", Boolean, nullable=False, default=False),  # a later run ingested it
    Index("ix_ingest_errors_origin", "origin"),
)

#: child tables of an article, deleted with it (explicitly too, for engines without FK cascades)
ARTICLE_CHILDREN = (event_sources, events, mentions, quotes, counts, article_entities, article_places)
