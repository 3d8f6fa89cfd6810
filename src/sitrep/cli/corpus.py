"""Corpus commands: `sitrep ingest`, `events`, `entities`, `search`, `disputes`, `export`,
`errors`, `stats`. Each is a few lines over `sitrep.service` and `sitrep.store`; the database is
--db (default $SITREP_DB or ./sitrep.db; a path, sqlite:///file.db or postgresql://user@host/db).
Only `ingest` creates a database; the others refuse one that does not exist."""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional

import typer

from . import app
from .options import (DB_HELP, FORMATS, check_format, check_out, check_period, check_status,
                      check_types, fail, format_help, input_date, open_store)
from .output import print_rows

LIST_FORMATS = FORMATS
STATS_FORMATS = ("table", "json")
EXPORT_FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(None, help="files or folders (.txt, .html, .jsonl, .warc.gz, RSS/Atom)"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP + "; created when missing"),
    workers: int = typer.Option(1, min=1, help="extraction processes on this machine (1 or more)"),
    published: Optional[str] = typer.Option(None, help="date for inputs that carry none (YYYY-MM-DD)"),
    source: Optional[str] = typer.Option(None, "--source", help="outlet name for inputs that carry none "
                                         "(a folder of .txt without front matter)"),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="extract on a Dask LocalCluster: local:N"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="extract on an existing Dask cluster: tcp://host:8786"),
    out_parquet: Optional[Path] = typer.Option(None, "--out-parquet", help="write Parquet shards here instead of a database"),
    from_parquet: Optional[Path] = typer.Option(None, "--from-parquet", help="ingest Parquet shards written by --out-parquet"),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="progress bar on stderr (when a terminal watches)"),
    budget_seconds: Optional[float] = typer.Option(None, "--budget-seconds", min=0, help="CPU seconds one article may take before it becomes an error row (0 = no limit; default 300 or SITREP_BUDGET_SECONDS)"),
) -> None:
    """Extract and store articles: one transaction each, idempotent, copies linked, failures kept."""
    from ..service import IngestPlan, ingest_paths
    from ..run.budget import configure
    configure(seconds=budget_seconds)

    if not paths and not from_parquet:
        fail("give files/folders to ingest, or --from-parquet DIR")
    published = input_date(published)
    if out_parquet:
        from ..scale import write_parquet_shards
        totals = write_parquet_shards([str(p) for p in paths or []], out_parquet,
                                      cluster=cluster or (None if scheduler else f"local:{workers}"),
                                      scheduler=scheduler, progress=progress, published=published)
        typer.echo(f"wrote {totals.get('shards', 0)} shards ({totals.get('records', 0)} records, "
                   f"{totals.get('errors', 0)} errors) to {out_parquet}", err=True)
        return
    store = open_store(db, create=True)
    plan = IngestPlan(workers=workers, cluster=cluster, scheduler=scheduler, from_parquet=from_parquet,
                      progress_bar=progress)

    def on_item(item, status):
        if status == "error":
            print(item.line(), file=sys.stderr)

    t0 = time.perf_counter()
    counters = ingest_paths(store, paths or [], published=published, source=source, plan=plan, progress=on_item)
    dt = time.perf_counter() - t0
    rate = counters["read"] / dt if dt > 0 else 0.0
    typer.echo(f"ingested {counters['read']} inputs in {dt:.1f}s ({rate:.1f} articles/s): {counters['new']} new "
               f"({counters['copies']} syndicated copies), {counters['unchanged']} unchanged, "
               f"{counters['replaced']} replaced, {counters['errors']} errors -> {store.url}", err=True)
    store.close()
    if counters["errors"]:
        raise typer.Exit(1)


REPORT_COLUMNS = ["id", "day", "type", "mode", "actor", "target", "location", "fatalities", "status",
                  "attributed_to", "source", "cluster_id"]
CLUSTER_COLUMNS = ["id", "date", "type", "mode", "actor", "target", "location", "admin1", "fatalities",
                   "status", "n_sources", "disputed"]


@app.command()
def events(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None, help="from this date (YYYY-MM-DD, inclusive)"),
    until: Optional[str] = typer.Option(None, help="up to this date (YYYY-MM-DD, inclusive)"),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type(s), e.g. ASSAULT or ASSAULT,PROTEST"),
    actor: Optional[str] = typer.Option(None, help="actor name (any alias or spelling)"),
    place: Optional[str] = typer.Option(None, help="place or region name (any alias)"),
    bbox: Optional[str] = typer.Option(None, help="min_lon,min_lat,max_lon,max_lat"),
    attributed_to: Optional[str] = typer.Option(None, "--attributed-to", help="who made the claim (substring; 'none' = the outlet itself)"),
    status: Optional[str] = typer.Option(None, help="occurred | claimed | denied | threatened | planned | warned"),
    disputed: Optional[bool] = typer.Option(None, "--disputed/--agreed", help="only events whose sources disagree (or agree)"),
    reports: bool = typer.Option(False, "--reports", help="one row per article's report instead of one per real event"),
    limit: int = typer.Option(100, min=0, help="rows at most"),
    offset: int = typer.Option(0, min=0, help="rows to skip (the next page starts at offset + limit)"),
    format: str = typer.Option("table", "--format", "-f", help=format_help(LIST_FORMATS)),
) -> None:
    """Events: one row per real-world event (clustered across outlets, its reports inside), filtered.
    The same listing and filter names as the API's /api/events."""
    format = check_format(format, LIST_FORMATS)
    since, until = check_period(since, until)
    filters = dict(since=since, until=until, type=check_types(type), actor=actor, place=place, bbox=bbox,
                   attributed_to=attributed_to, status=check_status(status))
    store = open_store(db)
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


@app.command()
def entities(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    kind: Optional[str] = typer.Option(None, help="person | organization"),
    top: int = typer.Option(20, min=0, help="how many (most widely reported first)"),
    offset: int = typer.Option(0, min=0, help="rows to skip"),
    q: Optional[str] = typer.Option(None, "--name", help="only names containing this"),
    format: str = typer.Option("table", "--format", "-f", help=format_help(LIST_FORMATS)),
) -> None:
    """People and organisations across the corpus (aliases and spellings merged)."""
    format = check_format(format, LIST_FORMATS)
    if kind is not None and kind not in ("person", "organization"):
        fail(f"--kind {kind!r}: use person or organization")
    store = open_store(db)
    rows = store.entities(kind=kind, top=top, q=q, offset=offset)
    print_rows(rows, format, ["id", "kind", "name", "country", "n_articles", "n_mentions"], what="entities",
               offset=offset, more=bool(top) and len(rows) == top)


@app.command()
def search(
    query: str = typer.Argument(..., help='words (all must match); "a phrase" in quotes'),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(20, min=0, help="hits at most"),
    offset: int = typer.Option(0, min=0, help="hits to skip"),
    format: str = typer.Option("table", "--format", "-f", help=format_help(LIST_FORMATS)),
) -> None:
    """Full-text search over articles and quotes (place names match under any alias)."""
    format = check_format(format, LIST_FORMATS)
    store = open_store(db)
    rows = store.search(query, limit=offset + limit + 1)
    print_rows(rows[offset:offset + limit], format, ["kind", "id", "published", "source", "title", "snippet"],
               what="hits", offset=offset, more=len(rows) > offset + limit)


@app.command()
def disputes(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None, help="from this date (YYYY-MM-DD, inclusive)"),
    until: Optional[str] = typer.Option(None, help="up to this date (YYYY-MM-DD, inclusive)"),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type(s), e.g. ASSAULT"),
    field: Optional[str] = typer.Option(None, help="fatalities | status | actor"),
    limit: int = typer.Option(100, min=0, help="rows at most"),
    offset: int = typer.Option(0, min=0, help="rows to skip"),
    format: str = typer.Option("table", "--format", "-f", help=format_help(LIST_FORMATS)),
) -> None:
    """Events whose sources disagree (fatalities, claimed vs denied, who did it): every version."""
    from ..store.export import dispute_text

    format = check_format(format, LIST_FORMATS)
    since, until = check_period(since, until)
    if field is not None and field not in ("fatalities", "status", "actor"):
        fail(f"--field {field!r}: use fatalities, status or actor")
    store = open_store(db)
    rows = store.disputes(since=since, until=until, type=check_types(type), field=field, limit=limit,
                          offset=offset)
    if format in ("table", "csv"):
        for r in rows:
            r["versions_text"] = dispute_text([r])
        cols = ["cluster_id", "cluster_date", "cluster_type", "cluster_location", "field", "versions_text"]
    else:
        cols = ["cluster_id", "cluster_date", "cluster_type", "field", "versions"]
    print_rows(rows, format, cols, what="disputes", offset=offset, more=bool(limit) and len(rows) == limit)


@app.command()
def export(
    format: str = typer.Option(..., "--format", "-f", help=format_help(EXPORT_FORMATS)),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="file to write (stdout when omitted; parquet needs one)"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    level: str = typer.Option("clusters", help="clusters (one row per real event) | events (every report)"),
    since: Optional[str] = typer.Option(None, help="from this date (YYYY-MM-DD, inclusive)"),
    until: Optional[str] = typer.Option(None, help="up to this date (YYYY-MM-DD, inclusive)"),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type(s), e.g. ASSAULT"),
    actor: Optional[str] = typer.Option(None, help="actor name (any alias or spelling)"),
    place: Optional[str] = typer.Option(None, help="place or region name (any alias)"),
    bbox: Optional[str] = typer.Option(None, help="min_lon,min_lat,max_lon,max_lat"),
    all_events: bool = typer.Option(False, "--all", help="keep events ACLED does not code (speech acts) "
                                                        "in the CSV, GeoJSON and Parquet"),
) -> None:
    """Export events as ACLED-style CSV, JSON lines, GeoJSON or Parquet (see docs/export.md)."""
    from ..store.export import FORMATS as export_formats, export as run_export

    format = check_format(format, export_formats, "export")
    since, until = check_period(since, until)
    if level not in ("clusters", "events"):
        fail(f"--level {level!r}: use clusters or events")
    if format == "parquet" and out is None:
        fail("--format parquet needs --out FILE")
    out = check_out(out, replaced=format == "parquet")
    store = open_store(db)
    try:
        n = run_export(store, format, str(out) if out else None, level=level, include_all=all_events,
                       since=since, until=until, type=check_types(type), actor=actor, place=place, bbox=bbox)
    except ValueError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"--out {out}: cannot write ({exc.strerror or exc})")
    if out:
        typer.echo(f"wrote {n} rows to {out}", err=True)


@app.command()
def errors(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    run: Optional[int] = typer.Option(None, min=1, max=2 ** 63 - 1, help="only this ingest run"),
    format: str = typer.Option("table", "--format", "-f", help=format_help(LIST_FORMATS)),
) -> None:
    """Inputs that failed to ingest, with what to do about them."""
    format = check_format(format, LIST_FORMATS)
    store = open_store(db)
    rows = store.errors(run_id=run)
    if format == "table" and not rows:
        typer.echo("no errors", err=True)
        return
    print_rows(rows, format, ["id", "run_id", "created_at", "kind", "origin", "message"], what="errors")


@app.command()
def stats(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None, help="from this date (YYYY-MM-DD, inclusive)"),
    until: Optional[str] = typer.Option(None, help="up to this date (YYYY-MM-DD, inclusive)"),
    format: str = typer.Option("table", "--format", "-f", help=format_help(STATS_FORMATS)),
) -> None:
    """Corpus totals, ingest runs (done, interrupted, ...), and events per day, type and region."""
    import json

    format = check_format(format, STATS_FORMATS)
    since, until = check_period(since, until)
    store = open_store(db)
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

