"""Corpus commands: `sitrep ingest`, `events`, `entities`, `search`, `disputes`, `export`,
`errors`, `stats`. Each is a few lines over sitrep.store; the database is --db (default
$SITREP_DB or ./sitrep.db; a path, sqlite:///file.db or postgresql://user@host/db)."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Optional

import typer

from . import app

DB_HELP = "database: a path, sqlite:///file.db or postgresql://user@host/db (default $SITREP_DB or sitrep.db)"


def _open(db: Optional[str]):
    from ..store import open_db
    try:
        return open_db(db)
    except Exception as exc:  # a person can act on: which database, what failed
        typer.echo(f"error: {db or 'sitrep.db'}: cannot open database ({type(exc).__name__}: "
                   f"{str(exc).splitlines()[0] if str(exc) else ''})", err=True)
        raise typer.Exit(2)


def _progress_bar(enabled: bool):
    """A rich progress bar on stderr with articles/s; returns (context manager, callback)."""
    from contextlib import nullcontext

    if not enabled:
        return nullcontext(), None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task):
            return Text(f"{task.speed or 0:.1f} articles/s")

    bar = Progress(SpinnerColumn(), TextColumn("ingest"), BarColumn(bar_width=None),
                   TextColumn("{task.completed} read, {task.fields[new]} new, {task.fields[copies]} copies, "
                              "{task.fields[errors]} errors"), Rate(), TimeElapsedColumn(),
                   console=Console(stderr=True), transient=False)
    task = bar.add_task("ingest", total=None, new=0, copies=0, errors=0)
    seen = {"new": 0, "copies": 0, "errors": 0}

    def cb(item, status):
        if status in ("new", "replaced"):
            seen["new"] += 1
        elif status == "copy":
            seen["new"] += 1
            seen["copies"] += 1
        elif status == "error":
            seen["errors"] += 1
        bar.update(task, advance=1, **seen)

    return bar, cb


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(None, help="files or folders (.txt, .html, .jsonl, .warc.gz, RSS/Atom)"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    workers: int = typer.Option(1, help="extraction processes on this machine"),
    published: Optional[str] = typer.Option(None, help="date for inputs that carry none (YYYY-MM-DD)"),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="extract on a Dask LocalCluster: local:N"),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="extract on an existing Dask cluster: tcp://host:8786"),
    out_parquet: Optional[Path] = typer.Option(None, "--out-parquet", help="write Parquet shards here instead of a database"),
    from_parquet: Optional[Path] = typer.Option(None, "--from-parquet", help="ingest Parquet shards written by --out-parquet"),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="progress bar on stderr"),
) -> None:
    """Extract and store articles: one transaction each, idempotent, copies linked, failures kept."""
    if not paths and not from_parquet:
        typer.echo("error: give files/folders to ingest, or --from-parquet DIR", err=True)
        raise typer.Exit(2)
    if out_parquet:
        from ..scale import write_parquet_shards
        totals = write_parquet_shards([str(p) for p in paths or []], out_parquet,
                                      cluster=cluster or (None if scheduler else f"local:{max(1, workers)}"),
                                      scheduler=scheduler, progress=progress, published=published)
        typer.echo(f"wrote {totals.get('shards', 0)} shards ({totals.get('records', 0)} records, "
                   f"{totals.get('errors', 0)} errors) to {out_parquet}", err=True)
        return
    store = _open(db)
    inputs = [str(p) for p in paths or []]
    own_bar = progress
    skipped: dict[str, int] = {"unchanged": 0}
    if from_parquet:
        from ..scale import read_parquet_shards
        items = read_parquet_shards(from_parquet)
        inputs.append(f"parquet:{from_parquet}")
    elif cluster or scheduler:
        from ..scale import extract_on_dask
        items = extract_on_dask(inputs, cluster=cluster, scheduler=scheduler, progress=progress,
                                published=published)
        own_bar = False      # the Dask run shows its own bar (with ETA and the dashboard address)
    else:
        from ..readers import read_inputs
        from ..store.ingest import extract_in_children, filter_known
        items = extract_in_children(filter_known(store, read_inputs(paths, published=published), skipped),
                                    workers=max(1, workers))
    ctx, cb = _progress_bar(own_bar and (sys.stderr.isatty() or os.environ.get("SITREP_PROGRESS") == "1"))
    t0 = time.perf_counter()

    def on_item(item, status):
        if status == "error":
            print(item.line(), file=sys.stderr)
        if cb:
            cb(item, status)

    with ctx:
        counters = store.ingest_records(items, inputs=inputs, progress=on_item)
    counters["unchanged"] += skipped["unchanged"]
    counters["read"] += skipped["unchanged"]
    dt = time.perf_counter() - t0
    rate = counters["read"] / dt if dt > 0 else 0.0
    typer.echo(f"ingested {counters['read']} inputs in {dt:.1f}s ({rate:.1f} articles/s): {counters['new']} new "
               f"({counters['copies']} syndicated copies), {counters['unchanged']} unchanged, "
               f"{counters['replaced']} replaced, {counters['errors']} errors -> {store.url}", err=True)
    store.close()
    if counters["errors"]:
        raise typer.Exit(1)


def _print(rows: list[dict], format: str, columns: list[str], title: str = "") -> None:
    if format == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    if format == "csv":
        import csv
        w = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    t = Table(title=title or None, show_lines=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*["" if r.get(c) is None else escape(str(r.get(c))) for c in columns])
    Console(width=200 if not sys.stdout.isatty() else None).print(t)


FORMAT_HELP = "table | jsonl | json | csv"


@app.command()
def events(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None, help="from this date (YYYY-MM-DD, inclusive)"),
    until: Optional[str] = typer.Option(None, help="up to this date (inclusive)"),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER type(s), e.g. ASSAULT or ASSAULT,PROTEST"),
    actor: Optional[str] = typer.Option(None, help="actor name (any alias or spelling)"),
    place: Optional[str] = typer.Option(None, help="place or region name (any alias)"),
    bbox: Optional[str] = typer.Option(None, help="min_lon,min_lat,max_lon,max_lat"),
    attributed_to: Optional[str] = typer.Option(None, "--attributed-to", help="who made the claim (substring; 'none' = the outlet itself)"),
    status: Optional[str] = typer.Option(None, help="occurred | claimed | denied | ..."),
    reports: bool = typer.Option(False, "--reports", help="list every report instead of one row per real event"),
    limit: int = typer.Option(100, help="rows at most"),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Events: one row per real-world event (clustered across outlets), filtered."""
    store = _open(db)
    try:
        if reports:
            rows = store.events(since=since, until=until, type=type, actor=actor, place=place, bbox=bbox,
                                attributed_to=attributed_to, status=status, limit=limit)
            cols = ["id", "day", "type", "mode", "actor", "target", "location", "fatalities", "status",
                    "attributed_to", "source", "cluster_id"]
        else:
            rows = store.event_clusters(since=since, until=until, type=type, actor=actor, place=place, bbox=bbox,
                                        attributed_to=attributed_to, status=status, limit=limit)
            cols = ["id", "date", "type", "mode", "actor", "target", "location", "admin1", "fatalities",
                    "status", "n_sources", "disputed"]
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    _print(rows, format, cols, title=f"{len(rows)} {'reports' if reports else 'events'}")


@app.command()
def entities(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    kind: Optional[str] = typer.Option(None, help="person | organization"),
    top: int = typer.Option(20, help="how many (most widely reported first)"),
    q: Optional[str] = typer.Option(None, "--name", help="only names containing this"),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """People and organisations across the corpus (aliases and spellings merged)."""
    store = _open(db)
    rows = store.entities(kind=kind, top=top, q=q)
    _print(rows, format, ["id", "kind", "name", "country", "n_articles", "n_mentions"])


@app.command()
def search(
    query: str = typer.Argument(..., help='words (all must match); "a phrase" in quotes'),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(20, help="hits at most"),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Full-text search over articles and quotes."""
    store = _open(db)
    rows = store.search(query, limit=limit)
    _print(rows, format, ["kind", "id", "published", "source", "title", "snippet"])


@app.command()
def disputes(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None),
    until: Optional[str] = typer.Option(None),
    type: Optional[str] = typer.Option(None, "--type"),
    field: Optional[str] = typer.Option(None, help="fatalities | status | actor"),
    limit: int = typer.Option(100),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Events whose sources disagree (fatalities, claimed vs denied, who did it): every version."""
    from ..store.export import dispute_text
    store = _open(db)
    rows = store.disputes(since=since, until=until, type=type, field=field, limit=limit)
    if format == "table":
        for r in rows:
            r["versions_text"] = dispute_text([r])
        _print(rows, format, ["cluster_id", "cluster_date", "cluster_type", "cluster_location", "field",
                              "versions_text"], title=f"{len(rows)} disputes")
    else:
        _print(rows, format, ["cluster_id", "cluster_date", "cluster_type", "field", "versions"])


@app.command()
def export(
    format: str = typer.Option(..., "--format", "-f", help="acled-csv | jsonl | geojson | parquet"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="file to write (stdout when omitted; parquet needs one)"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    level: str = typer.Option("clusters", help="clusters (one row per real event) | events (every report)"),
    since: Optional[str] = typer.Option(None),
    until: Optional[str] = typer.Option(None),
    type: Optional[str] = typer.Option(None, "--type"),
    actor: Optional[str] = typer.Option(None),
    place: Optional[str] = typer.Option(None),
    bbox: Optional[str] = typer.Option(None),
    all_events: bool = typer.Option(False, "--all", help="keep events ACLED does not code (speech acts) "
                                                        "in the CSV, GeoJSON and Parquet"),
) -> None:
    """Export events as ACLED-style CSV, JSON lines, GeoJSON or Parquet (see docs/export.md)."""
    from ..store.export import export as run_export
    store = _open(db)
    try:
        n = run_export(store, format, str(out) if out else None, level=level, include_all=all_events,
                       since=since, until=until,
                       type=type, actor=actor, place=place, bbox=bbox)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    if out:
        typer.echo(f"wrote {n} rows to {out}", err=True)


@app.command()
def errors(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    run: Optional[int] = typer.Option(None, help="only this ingest run"),
    format: str = typer.Option("table", "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Inputs that failed to ingest, with what to do about them."""
    store = _open(db)
    rows = store.errors(run_id=run)
    if format == "table" and not rows:
        typer.echo("no errors", err=True)
        return
    _print(rows, format, ["id", "run_id", "created_at", "kind", "origin", "message"])


@app.command()
def stats(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None),
    until: Optional[str] = typer.Option(None),
    format: str = typer.Option("table", "--format", "-f", help="table | json"),
) -> None:
    """Corpus totals, and events per day, type and region."""
    store = _open(db)
    s = store.stats(since=since, until=until)
    if format != "table":
        sys.stdout.write(json.dumps(s, ensure_ascii=False, indent=2) + "\n")
        return
    totals = [{"what": k, "n": s[k]} for k in ("articles", "copies", "reports", "events", "disputed",
                                               "entities", "places", "errors")]
    _print(totals, "table", ["what", "n"], title=f"corpus {store.url}")
    _print(s["by_type"], "table", ["type", "events", "fatalities"], title="by type")
    _print(s["by_region"][:20], "table", ["country", "admin1", "events"], title="by region")
    _print(s["by_day"][-31:], "table", ["date", "events", "reports"], title="by day (last 31)")
