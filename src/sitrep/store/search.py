"""Full-text search over article titles/texts and quotes.

SQLite: an FTS5 table (porter stemming, diacritics removed) filled at ingest; PostgreSQL: stored
``tsvector`` columns with GIN indexes (see migrations v2). The user's words are ANDed; a phrase
in double quotes must appear as written. Punctuation and FTS operators in the query are treated
as plain words, so any input is a valid query.
"""
from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.engine import Engine

_TOKEN = re.compile(r'"([^"]+)"|(\w+)', re.UNICODE)
MARK = "**"


def fts5_query(q: str) -> str:
    """'prisoner exchange "Azovstal plant"' -> '"prisoner" "exchange" "Azovstal plant"'."""
    parts = []
    for phrase, word in _TOKEN.findall(q or ""):
        t = (phrase or word).replace('"', " ").strip()
        if t:
            parts.append('"' + t + '"')
    return " ".join(parts)


def _pg_query(q: str) -> str:
    return " ".join((p or w) for p, w in _TOKEN.findall(q or ""))


def search(engine: Engine, q: str, limit: int = 20) -> list[dict]:
    limit = max(1, int(limit))
    if engine.dialect.name == "postgresql":
        return _search_pg(engine, q, limit)
    mq = fts5_query(q)
    if not mq:
        return []
    sql = text(
        "SELECT f.kind, f.ref, snippet(search_fts, 3, :m, :m, '…', 16) AS snip, bm25(search_fts) AS score, "
        "  coalesce(a.id, qa.id) AS article_id, coalesce(a.title, qa.title) AS title, "
        "  coalesce(a.source, qa.source) AS source, coalesce(a.url, qa.url) AS url, "
        "  coalesce(a.published, qa.published) AS published, q.speaker AS speaker "
        "FROM search_fts f "
        "LEFT JOIN articles a ON f.kind = 'article' AND a.id = f.ref "
        "LEFT JOIN quotes q ON f.kind = 'quote' AND q.id = CAST(f.ref AS INTEGER) "
        "LEFT JOIN articles qa ON qa.id = q.article_id "
        "WHERE search_fts MATCH :q ORDER BY score LIMIT :n")
    with engine.connect() as conn:
        rows = conn.execute(sql, {"q": mq, "n": limit, "m": MARK}).mappings().all()
    return [{"kind": r["kind"], "id": r["ref"] if r["kind"] == "article" else int(r["ref"]),
             "article_id": r["article_id"], "title": r["title"], "source": r["source"],
             "url": r["url"], "published": r["published"], "speaker": r["speaker"],
             "snippet": r["snip"], "score": -float(r["score"])} for r in rows]


def _search_pg(engine: Engine, q: str, limit: int) -> list[dict]:
    words = _pg_query(q)
    if not words:
        return []
    opts = f"StartSel={MARK}, StopSel={MARK}, MaxWords=30, MinWords=12"
    sql = text(
        "WITH qq AS (SELECT plainto_tsquery('english', :q) AS tq) "
        "SELECT * FROM ("
        " SELECT 'article' AS kind, a.id AS ref, a.id AS article_id, a.title, a.source, a.url, a.published,"
        "  NULL AS speaker, ts_headline('english', a.text, qq.tq, :opts) AS snip, ts_rank(a.tsv, qq.tq) AS score"
        "  FROM articles a, qq WHERE a.tsv @@ qq.tq"
        " UNION ALL"
        " SELECT 'quote', CAST(q.id AS TEXT), a.id, a.title, a.source, a.url, a.published, q.speaker,"
        "  ts_headline('english', q.text, qq.tq, :opts), ts_rank(q.tsv, qq.tq)"
        "  FROM quotes q JOIN articles a ON a.id = q.article_id, qq WHERE q.tsv @@ qq.tq"
        ") s ORDER BY score DESC LIMIT :n")
    with engine.connect() as conn:
        rows = conn.execute(sql, {"q": words, "n": limit, "opts": opts}).mappings().all()
    return [{"kind": r["kind"], "id": r["ref"] if r["kind"] == "article" else int(r["ref"]),
             "article_id": r["article_id"], "title": r["title"], "source": r["source"],
             "url": r["url"], "published": r["published"], "speaker": r["speaker"],
             "snippet": r["snip"], "score": float(r["score"])} for r in rows]


def index_article(conn, article_id: str, title: str | None, body: str) -> None:
    """Add an article to the SQLite FTS table (PostgreSQL indexes itself)."""
    if conn.engine.dialect.name == "postgresql":
        return
    conn.execute(text("INSERT INTO search_fts(kind, ref, title, body) VALUES ('article', :r, :t, :b)"),
                 {"r": article_id, "t": title or "", "b": body or ""})


def index_quote(conn, quote_id: int, speaker: str | None, body: str) -> None:
    if conn.engine.dialect.name == "postgresql":
        return
    conn.execute(text("INSERT INTO search_fts(kind, ref, title, body) VALUES ('quote', :r, :t, :b)"),
                 {"r": str(quote_id), "t": speaker or "", "b": body or ""})


def index_quotes(conn, quotes: list[tuple[int, str | None, str]]) -> None:
    """`index_quote` for (quote id, speaker, text) triples in one executemany."""
    if conn.engine.dialect.name == "postgresql" or not quotes:
        return
    conn.execute(text("INSERT INTO search_fts(kind, ref, title, body) VALUES ('quote', :r, :t, :b)"),
                 [{"r": str(qid), "t": speaker or "", "b": body or ""} for qid, speaker, body in quotes])


def unindex_article(conn, article_id: str, quote_ids: list[int]) -> None:
    """Drop an article and its quotes from the SQLite FTS table (before replacing it)."""
    if conn.engine.dialect.name == "postgresql":
        return
    conn.execute(text("DELETE FROM search_fts WHERE kind='article' AND ref=:r"), {"r": article_id})
    for qid in quote_ids:
        conn.execute(text("DELETE FROM search_fts WHERE kind='quote' AND ref=:r"), {"r": str(qid)})
