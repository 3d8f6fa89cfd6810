"""`sitrep serve` and `sitrep report`: the web app and the daily situation report."""
from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import Optional

import typer

from . import app
from .options import DB_HELP, check_date, check_format, check_out, db_label, fail, format_help, open_store

REPORT_FORMATS = ("html", "md")


def _check_port_free(host: str, port: int) -> None:
    """Fail now, in one line, when the address cannot be bound (in use, not an interface here)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        fail(f"--host {host}: unknown host ({exc.strerror})")
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as exc:
            fail(f"cannot listen on {host}:{port} ({exc.strerror or exc}); try another --port")


HTTP_PARSERS = ("auto", "httptools", "h11")


def _check_http(http: str) -> str:
    """The --http choice, or one line saying why not (httptools asked for but not installed)."""
    http = http.lower()
    if http not in HTTP_PARSERS:
        fail(f"--http {http}: choose one of {', '.join(HTTP_PARSERS)}")
    if http == "httptools":
        try:
            import httptools  # noqa: F401
        except ImportError:
            fail("--http httptools: httptools is not installed (pip install httptools), or use --http h11")
    return http


@app.command()
def serve(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", help="interface to bind; keep 127.0.0.1 unless you mean it"),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port (1-65535)"),
    workers: int = typer.Option(1, "--workers", min=1, max=64,
                                help="server processes answering requests (one per core serves "
                                     "concurrent clients in parallel)"),
    http: str = typer.Option("auto", "--http", help="HTTP parser: auto (httptools when installed, "
                             "else h11) | httptools | h11"),
) -> None:
    """Serve the browsable web app and JSON API over a corpus (read-only unless SITREP_TOKEN is set)."""
    http = _check_http(http)
    token = os.environ.get("SITREP_TOKEN") or None
    store = open_store(db, read_only=token is None, lite=True)   # serving reads: a read-only folder is fine
    _check_port_free(host, port)
    import uvicorn

    from ..web.app import SERVE_DB_ENV, create_app
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"sitrep: warning: listening on {host} exposes the corpus to the network", err=True)
    typer.echo(f"sitrep: serving {store.url} at http://{host}:{port}/  (API docs: /docs)"
               + (f" with {workers} worker processes" if workers > 1 else ""), err=True)
    if workers == 1:
        uvicorn.run(create_app(store=store, token=token), host=host, port=port, log_level="warning", http=http)
        return
    os.environ[SERVE_DB_ENV] = db_label(db)     # each worker opens the database `serve` checked
    store.close()
    uvicorn.run("sitrep.web.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                log_level="warning", http=http)


@app.command()
def report(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    date: Optional[str] = typer.Option(None, "--date", help="last day of the report, YYYY-MM-DD "
                                       "(default: the newest day in the database)"),
    days: int = typer.Option(1, "--days", min=1, help="number of days ending at --date"),
    format: str = typer.Option("html", "--format", "-f", help=format_help(REPORT_FORMATS)),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="file to write (default: stdout)"),
) -> None:
    """Write the daily situation report: main events by region, sources, casualty ranges, quotes, a chart and a map."""
    format = check_format(format, REPORT_FORMATS)
    date = check_date(date, "--date")
    out = check_out(out)
    store = open_store(db)
    from ..report import build_report, render_html, render_markdown

    data = build_report(store, date, days)
    text = render_html(data) if format == "html" else render_markdown(data)
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"--out {out}: cannot write ({exc.strerror or exc})")
    typer.echo(f"sitrep: report written to {out}", err=True)
