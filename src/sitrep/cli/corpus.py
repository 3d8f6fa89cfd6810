"""Corpus commands: `sitrep ingest`, `export`, and (from their tables in `cli/queries.py`)
`events`, `entities`, `search`, `disputes`, `errors`, `stats`. Each is a few lines over
`sitrep.service` and `sitrep.store`; the database is
--db (default $SITREP_DB or ./sitrep.db; a path, sqlite:///file.db or postgresql://user@host/db).
Only `ingest` creates a database; the others refuse one that does not exist."""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional

import typer

from . import app, queries
from .options import (DB_HELP, check_format, check_out, check_period, check_types, fail, format_help,
                      input_date, open_store)
from .spec import register

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
    max_events: Optional[int] = typer.Option(None, "--max-events", min=0, help="events one article may hold before it becomes an error row (0 = no limit; default 25000 or SITREP_MAX_EVENTS)"),
) -> None:
    """Extract and store articles: one transaction each, idempotent, copies linked, failures kept."""
    from ..service import IngestPlan, ingest_paths
    from ..run.budget import configure
    from .options import check_budget
    configure(seconds=budget_seconds, events=max_events)
    check_budget()

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

    done = {"stored": 0, "errors": 0}

    def on_item(item, status):
        done["errors" if status == "error" else "stored"] += 1
        if status == "error":
            print(item.line(), file=sys.stderr)

    t0 = time.perf_counter()
    try:
        counters = ingest_paths(store, paths or [], published=published, source=source, plan=plan,
                                progress=on_item)
    except KeyboardInterrupt as exc:
        from ..run.stop import exit_code
        store.close()
        typer.echo(f"interrupted after {done['stored']} stored inputs and {done['errors']} errors; the run is "
                   "marked interrupted, and the same command again goes on (stored articles are skipped)",
                   err=True)
        raise typer.Exit(exit_code(exc))
    dt = time.perf_counter() - t0
    rate = counters["read"] / dt if dt > 0 else 0.0
    typer.echo(f"ingested {counters['read']} inputs in {dt:.1f}s ({rate:.1f} articles/s): {counters['new']} new "
               f"({counters['copies']} syndicated copies), {counters['unchanged']} unchanged, "
               f"{counters['replaced']} replaced, {counters['errors']} errors -> {store.url}", err=True)
    store.close()
    if counters["errors"]:
        raise typer.Exit(1)


# the read-only commands: one option table each (cli/queries.py), also read by the fast front
register(app, queries.EVENTS)
register(app, queries.ENTITIES)
register(app, queries.SEARCH)
register(app, queries.DISPUTES)


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
        fail(f"--out {out}: cannot write ({exc.strerror or exc})" if out else
             f"cannot write the output ({exc.strerror or exc})")
    if out:
        typer.echo(f"wrote {n} rows to {out}", err=True)


register(app, queries.ERRORS)
register(app, queries.STATS)
