"""Full-text search over article titles/texts and quotes.

SQLite: an FTS5 table (porter stemming, diacritics removed) filled at ingest; PostgreSQL: stored
``tsvector`` columns with GIN indexes (see migrations v2). The user's words are ANDed; a phrase
in double quotes must appear as written. Punctuation and FTS operators in the query are treated
as plain words, so any input is a valid query.
"""
from __future__ import annotations

import re

from sqlalchemy import or_, select, text
from sqlalchemy.engine import Engine

_TOKEN = re.compile(r'"([^"]+)"|(\w+)', re.UNICODE)
MARK = "**"


def query_terms(q: str) -> list[str]:
    """The user's words and "quoted phrases", in order, punctuation dropped."""
    terms = []
    for phrase, word in _TOKEN.findall(q or ""):
        t = " ".join((phrase or word).replace('"', " ").split())
        if t:
            terms.append(t)
    return terms


def fts5_query(groups: list[list[str]] | str) -> str:
    """Query groups -> an FTS5 query: the groups ANDed, the forms of a group ORed and each quoted,
    so punctuation and FTS operators in the user's text are plain words:
    [["prisoner"], ["Zaporizhzhia", "Zaporozhye"]] -> '"prisoner" AND ("Zaporizhzhia" OR "Zaporozhye")'."""
    if isinstance(groups, str):
        groups = [[t] for t in query_terms(groups)]
    parts = []
    for forms in groups:
        quoted = ['"' + f.replace('"', " ") + '"' for f in forms]
        parts.append(quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")")
    return " AND ".join(parts)


MAX_PLACE_WORDS = 3      # "Deir ez-Zor", "Khan Younis", "Bosnia and Herzegovina"


def query_groups(conn, q: str, use_gazetteer: bool = True) -> list[list[str]]:
    """The user's terms as AND groups; a run of up to three words (or a quoted phrase) that
    names a place of the corpus becomes one group of every spelling the corpus knows for it
    (Zaporizhzhia, Zaporizhia, Zaporozhye). A capitalised name the corpus does not know is
    looked up in the gazetteer, whose alternate names reach the corpus place."""
    terms = query_terms(q)
    groups: list[list[str]] = []
    i = 0
    while i < len(terms):
        for j in range(min(len(terms), i + MAX_PLACE_WORDS), i, -1):
            span = " ".join(terms[i:j])
            pids = _places_named(conn, span, use_gazetteer)
            if pids:
                groups.append([span] + sorted(_spellings(conn, pids) - {span}))
                i = j
                break
        else:
            groups.append([terms[i]])
            i += 1
    return groups


def _places_named(conn, name: str, use_gazetteer: bool) -> list[int]:
    from . import schema as S
    from .names import place_key
    PA = S.place_aliases
    pids = [r[0] for r in conn.execute(select(PA.c.place_id).where(PA.c.key == place_key(name)).distinct())]
    if not pids and use_gazetteer and name[:1].isupper():
        pids = _gazetteer_places(conn, name)
    return pids


MAX_SPELLINGS = 40


def _spellings(conn, pids: list[int]) -> set[str]:
    """The names of these places, their aliases, and how the articles wrote them (spellings that
    share one alias key, Zaporizhia / Zaporizhzhia, are different words to the full-text index)."""
    from . import schema as S
    P, PA, M = S.places, S.place_aliases, S.mentions
    names = {a for (a,) in conn.execute(select(PA.c.alias).where(PA.c.place_id.in_(pids)))}
    names |= {n for (n,) in conn.execute(select(P.c.name).where(P.c.id.in_(pids)))}
    names |= {n for (n,) in conn.execute(select(M.c.text).where(M.c.place_id.in_(pids)).distinct()
                                         .limit(MAX_SPELLINGS))}
    return {n for n in names if n and n.strip()}


def _gazetteer_places(conn, term: str) -> list[int]:
    from ..gazetteer import lookup_alias
    from . import schema as S
    from .names import place_key
    place = lookup_alias(term)
    if place is None:
        return []
    P = S.places
    cond = P.c.key.like(place_key(place.name) + "|%")
    if place.geonameid:
        cond = or_(cond, P.c.geonameid == int(place.geonameid))
    return [r[0] for r in conn.execute(select(P.c.id).where(cond))]


def _hit(r, score: float) -> dict:
    """One search hit from a result row (the same shape from SQLite and PostgreSQL)."""
    return {"kind": r["kind"], "id": r["ref"] if r["kind"] == "article" else int(r["ref"]),
            "article_id": r["article_id"], "title": r["title"], "source": r["source"],
            "url": r["url"], "published": r["published"], "speaker": r["speaker"],
            "snippet": r["snip"], "score": score}


def search(engine: Engine, q: str, limit: int = 20) -> list[dict]:
    limit = max(1, min(int(limit), 1_000_000))
    with engine.connect() as conn:
        groups = query_groups(conn, q)
        if engine.dialect.name == "postgresql":
            return _search_pg(conn, groups, limit)
        mq = fts5_query(groups)
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
        rows = conn.execute(sql, {"q": mq, "n": limit, "m": MARK}).mappings().all()
    return [_hit(r, -float(r["score"])) for r in rows]


def _pg_tsquery(groups: list[list[str]]) -> tuple[str, dict[str, str]]:
    """A tsquery expression ANDing the groups, each an OR of its forms, with bound values."""
    ands, params = [], {}
    for i, forms in enumerate(groups):
        ors = []
        for j, form in enumerate(forms):
            params[f"t{i}_{j}"] = form
            ors.append(f"phraseto_tsquery('english', :t{i}_{j})")
        ands.append("(" + " || ".join(ors) + ")")
    return " && ".join(ands), params


def _search_pg(conn, groups: list[list[str]], limit: int) -> list[dict]:
    tsq, params = _pg_tsquery(groups)
    if not tsq:
        return []
    opts = f"StartSel={MARK}, StopSel={MARK}, MaxWords=30, MinWords=12"
    sql = text(
        f"WITH qq AS (SELECT {tsq} AS tq) "
        "SELECT * FROM ("
        " SELECT 'article' AS kind, a.id AS ref, a.id AS article_id, a.title, a.source, a.url, a.published,"
        "  NULL AS speaker, ts_headline('english', a.text, qq.tq, :opts) AS snip, ts_rank(a.tsv, qq.tq) AS score"
        "  FROM articles a, qq WHERE a.tsv @@ qq.tq"
        " UNION ALL"
        " SELECT 'quote', CAST(q.id AS TEXT), a.id, a.title, a.source, a.url, a.published, q.speaker,"
        "  ts_headline('english', q.text, qq.tq, :opts), ts_rank(q.tsv, qq.tq)"
        "  FROM quotes q JOIN articles a ON a.id = q.article_id, qq WHERE q.tsv @@ qq.tq"
        ") s ORDER BY score DESC LIMIT :n")
    rows = conn.execute(sql, {**params, "n": limit, "opts": opts}).mappings().all()
    return [_hit(r, float(r["score"])) for r in rows]


def index_article_and_quotes(conn, article_id: str, title: str | None, body: str,
                             quotes: list[tuple[int, str | None, str]]) -> None:
    """Add an article and its (quote id, speaker, text) quotes to the SQLite FTS table, in one
    executemany (PostgreSQL indexes itself)."""
    if conn.engine.dialect.name == "postgresql":
        return
    rows = [{"k": "article", "r": article_id, "t": title or "", "b": body or ""}]
    rows += [{"k": "quote", "r": str(qid), "t": speaker or "", "b": said or ""} for qid, speaker, said in quotes]
    conn.execute(text("INSERT INTO search_fts(kind, ref, title, body) VALUES (:k, :r, :t, :b)"), rows)


def unindex_article(conn, article_id: str, quote_ids: list[int]) -> None:
    """Drop an article and its quotes from the SQLite FTS table (before replacing it)."""
    if conn.engine.dialect.name == "postgresql":
        return
    conn.execute(text("DELETE FROM search_fts WHERE kind='article' AND ref=:r"), {"r": article_id})
    for i in range(0, len(quote_ids), 400):       # one scan of the FTS table per 400 quotes, not per quote
        refs = [str(q) for q in quote_ids[i:i + 400]]
        conn.execute(text("DELETE FROM search_fts WHERE kind='quote' AND ref IN ("
                          + ", ".join(f":r{j}" for j in range(len(refs))) + ")"),
                     {f"r{j}": r for j, r in enumerate(refs)})
