"""The read-only corpus commands: `sitrep events`, `entities`, `search`, `disputes`, `errors`,
`stats`. Each is a few lines over `sitrep.store`; its options are one table (`cli.spec`) that
both Typer (help, checks, errors) and the fast front (`cli.fast`, no Typer imported) read, so
a query answers without paying for the whole CLI's imports. Nothing here imports Typer."""
from __future__ import annotations

import sys
from typing import Optional

from .options import (DB_HELP, FORMATS, check_format, check_period, check_status, check_types, fail,
                      format_help, open_store)
from .output import print_rows
from .spec import MAX_INT, Command, Opt

LIST_FORMATS = FORMATS
STATS_FORMATS = ("table", "json")

REPORT_COLUMNS = ["id", "day", "type", "mode", "actor", "target", "location", "fatalities", "status",
                  "attributed_to", "source", "cluster_id"]
CLUSTER_COLUMNS = ["id", "date", "type", "mode", "actor", "target", "location", "admin1", "fatalities",
                   "status", "n_sources", "disputed"]


def events(db, since, until, type, actor, place, bbox, attributed_to, status, disputed, reports, limit,
           offset, format) -> None:
    format = check_format(format, LIST_FORMATS)
    since, until = check_period(since, until)
    filters = dict(since=since, until=until, type=check_types(type), actor=actor, place=place, bbox=bbox,
                   attributed_to=attributed_to, status=check_status(status))
    store = open_store(db, lite=True)
    try:
        if reports:
            rows = store.events(**filters, limit=limit, offset=offset)
            total = store.count_events(**filters) if len(rows) == limit or offset else len(rows)
        else:
            rows = store.event_clusters(**filters, disputed=disputed, limit=limit, offset=offset,
                                        with_reports=format != "table")
            total = store.count_clusters(**filters, disputed=disputed) if len(rows) == limit or offset \
                else len(rows)
    except ValueError as exc:
        fail(str(exc))
    if format == "table":
        for r in rows:      # a disputed toll shows its range, never an average
            if r.get("fatalities") is None and r.get("fatalities_min") is not None:
                r["fatalities"] = f"{r['fatalities_min']}-{r['fatalities_max']}"
    print_rows(rows, format, REPORT_COLUMNS if reports else CLUSTER_COLUMNS,
               what="reports" if reports else "events", total=total, offset=offset)


def entities(db, kind, top, offset, q, format) -> None:
    format = check_format(format, LIST_FORMATS)
    if kind is not None and kind not in ("person", "organization"):
        fail(f"--kind {kind!r}: use person or organization")
    store = open_store(db, lite=True)
    rows = store.entities(kind=kind, top=top, q=q, offset=offset)
    print_rows(rows, format, ["id", "kind", "name", "country", "n_articles", "n_mentions"], what="entities",
               offset=offset, more=bool(top) and len(rows) == top)


def search(query, db, limit, offset, format) -> None:
    format = check_format(format, LIST_FORMATS)
    store = open_store(db, lite=True)
    rows = store.search(query, limit=offset + limit + 1)
    print_rows(rows[offset:offset + limit], format, ["kind", "id", "published", "source", "title", "snippet"],
               what="hits", offset=offset, more=len(rows) > offset + limit)


def disputes(db, since, until, type, field, limit, offset, format) -> None:
    from ..store.reads import dispute_text

    format = check_format(format, LIST_FORMATS)
    since, until = check_period(since, until)
    if field is not None and field not in ("fatalities", "status", "actor"):
        fail(f"--field {field!r}: use fatalities, status or actor")
    store = open_store(db, lite=True)
    rows = store.disputes(since=since, until=until, type=check_types(type), field=field, limit=limit,
                          offset=offset)
    if format in ("table", "csv"):
        for r in rows:
            r["versions_text"] = dispute_text([r])
        cols = ["cluster_id", "cluster_date", "cluster_type", "cluster_location", "field", "versions_text"]
    else:
        cols = ["cluster_id", "cluster_date", "cluster_type", "field", "versions"]
    print_rows(rows, format, cols, what="disputes", offset=offset, more=bool(limit) and len(rows) == limit)


def errors(db, run: Optional[int], format) -> None:
    format = check_format(format, LIST_FORMATS)
    store = open_store(db, lite=True)
    rows = store.errors(run_id=run)
    if format == "table" and not rows:
        print("no errors", file=sys.stderr)
        return
    print_rows(rows, format, ["id", "run_id", "created_at", "kind", "origin", "message"], what="errors")


def stats(db, since, until, format) -> None:
    import json

    format = check_format(format, STATS_FORMATS)
    since, until = check_period(since, until)
    store = open_store(db, lite=True)
    s = store.stats(since=since, until=until)
    if format == "json":
        sys.stdout.write(json.dumps(s, ensure_ascii=False, indent=2) + "\n")
        return
    totals = [{"what": k, "n": s[k]} for k in ("articles", "copies", "reports", "events", "disputed",
                                               "entities", "places", "errors")]
    totals += [{"what": f"runs {status}", "n": n} for status, n in s.get("runs", {}).items()]
    print_rows(totals, "table", ["what", "n"], title=f"corpus {store.url}")
    print_rows(s["by_type"], "table", ["type", "events", "fatalities"], title="by type")
    print_rows(s["by_region"][:20], "table", ["country", "admin1", "events"], title="by region")
    print_rows(s["by_day"][-31:], "table", ["date", "events", "reports"], title="by day (last 31)")


# ------------------------------------------------------------------ the option tables
DB = Opt("db", "str", DB_HELP, ("--db",))
SINCE = Opt("since", "str", "from this date (YYYY-MM-DD, inclusive)")
UNTIL = Opt("until", "str", "up to this date (YYYY-MM-DD, inclusive)")
ACTOR = Opt("actor", "str", "actor name (any alias or spelling)")
PLACE = Opt("place", "str", "place or region name (any alias)")
BBOX = Opt("bbox", "str", "min_lon,min_lat,max_lon,max_lat")


def _format(allowed) -> Opt:
    return Opt("format", "str", format_help(allowed), ("--format", "-f"), default="table")


def _limit(default: int, what: str = "rows at most") -> Opt:
    return Opt("limit", "int", what, default=default, min=0)


def _offset(what: str = "rows to skip") -> Opt:
    return Opt("offset", "int", what, default=0, min=0)


EVENTS = Command("events", """Events: one row per real-world event (clustered across outlets, its reports inside), filtered.
    The same listing and filter names as the API's /api/events.""", (
    DB, SINCE, UNTIL,
    Opt("type", "str", "PLOVER type(s), e.g. ASSAULT or ASSAULT,PROTEST", ("--type",)),
    ACTOR, PLACE, BBOX,
    Opt("attributed_to", "str", "who made the claim (substring; 'none' = the outlet itself)", ("--attributed-to",)),
    Opt("status", "str", "occurred | claimed | denied | threatened | planned | warned"),
    Opt("disputed", "tristate", "only events whose sources disagree (or agree)", ("--disputed/--agreed",)),
    Opt("reports", "bool", "one row per article's report instead of one per real event", ("--reports",),
        default=False),
    _limit(100), _offset("rows to skip (the next page starts at offset + limit)"), _format(LIST_FORMATS)),
    events)

ENTITIES = Command("entities", "People and organisations across the corpus (aliases and spellings merged).", (
    DB, Opt("kind", "str", "person | organization"),
    Opt("top", "int", "how many (most widely reported first)", default=20, min=0),
    _offset(), Opt("q", "str", "only names containing this", ("--name",)), _format(LIST_FORMATS)),
    entities)

SEARCH = Command("search", "Full-text search over articles and quotes (place names match under any alias).", (
    Opt("query", "arg", 'words (all must match); "a phrase" in quotes'),
    DB, _limit(20, "hits at most"), _offset("hits to skip"), _format(LIST_FORMATS)),
    search)

DISPUTES = Command("disputes", "Events whose sources disagree (fatalities, claimed vs denied, who did it): every version.", (
    DB, SINCE, UNTIL, Opt("type", "str", "PLOVER type(s), e.g. ASSAULT", ("--type",)),
    Opt("field", "str", "fatalities | status | actor"), _limit(100), _offset(), _format(LIST_FORMATS)),
    disputes)

ERRORS = Command("errors", "Inputs that failed to ingest, with what to do about them.", (
    DB, Opt("run", "int", "only this ingest run", min=1, max=MAX_INT), _format(LIST_FORMATS)),
    errors)

STATS = Command("stats", "Corpus totals, ingest runs (done, interrupted, ...), and events per day, type and region.", (
    DB, SINCE, UNTIL, _format(STATS_FORMATS)),
    stats)

COMMANDS = {c.name: c for c in (EVENTS, ENTITIES, SEARCH, DISPUTES, ERRORS, STATS)}
