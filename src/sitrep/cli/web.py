"""`sitrep serve` and `sitrep report`: the web app and the daily situation report."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Optional

import typer

from . import app


@app.command()
def serve(
    db: str = typer.Option("sitrep.db", "--db", help="database file or URL (sqlite / postgresql)"),
    host: str = typer.Option("127.0.0.1", help="interface to bind; keep 127.0.0.1 unless you mean it"),
    port: int = typer.Option(8000, help="TCP port"),
) -> None:
    """Serve the browsable web app and JSON API over a corpus (read-only unless SITREP_TOKEN is set)."""
    import uvicorn

    from ..web.app import create_app
    _require_db(db)
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"sitrep: warning: listening on {host} exposes the corpus to the network", err=True)
    application = create_app(db)
    typer.echo(f"sitrep: serving {db} at http://{host}:{port}/  (API docs: /docs)", err=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def report(
    db: str = typer.Option("sitrep.db", "--db", help="database file or URL"),
    date: Optional[str] = typer.Option(None, "--date", help="last day of the report, YYYY-MM-DD "
                                       "(default: the newest day in the database)"),
    days: int = typer.Option(1, "--days", min=1, help="number of days ending at --date"),
    format: str = typer.Option("html", "--format", "-f", help="html | md"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="file to write (default: stdout)"),
) -> None:
    """Write the daily situation report: main events by region, sources, casualty ranges, quotes, a chart and a map."""
    from ..report import build_report, render_html, render_markdown
    from ..store import open_db

    if format not in ("html", "md"):
        raise typer.BadParameter("use html or md", param_hint="--format")
    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise typer.BadParameter(f"{date!r} is not a date (YYYY-MM-DD)", param_hint="--date")
    _require_db(db)
    data = build_report(open_db(db), date, days)
    text = render_html(data) if format == "html" else render_markdown(data)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        typer.echo(f"sitrep: report written to {out}", err=True)


def _require_db(db: str) -> None:
    """A missing SQLite file is a typo, not a wish for an empty corpus."""
    if "://" not in db and not Path(db).expanduser().exists():
        raise typer.BadParameter(f"{db}: no such database file (create it with `sitrep ingest`)",
                                 param_hint="--db")
