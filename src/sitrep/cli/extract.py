"""`sitrep extract`: files and folders in, one record per article out (JSON lines or a table).

Every input ends as a record on stdout or one `error: FILE: message` line on stderr; the exit
code is 1 when anything failed, and `--errors FILE` lists the failures as JSON lines.
"""
from __future__ import annotations

from contextlib import closing

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from . import app
from .options import check_format, fail, format_help, input_date

EXTRACT_FORMATS = ("jsonl", "json", "table")
PROGRESS_MIN_FILES = 20            # below this (and small files) a progress bar is only noise
PROGRESS_MIN_BYTES = 1024 * 1024


def _long_run(paths: list[Path]) -> bool:
    """Many files, or one big one (a JSON lines dump or a crawl holds thousands of articles)."""
    from ..readers import iter_files
    for n, f in enumerate(iter_files(paths), 1):
        try:
            if f.stat().st_size > PROGRESS_MIN_BYTES:
                return True
        except OSError:
            pass
        if n >= PROGRESS_MIN_FILES:
            return True
    return False


class _Writer:
    """Records to stdout in the chosen format; `json` streams one array."""

    def __init__(self, format: str, with_text: bool):
        self.format, self.with_text, self.n = format, with_text, 0

    def write(self, record) -> None:
        if self.format == "table":
            from ..show import print_table
            print_table(record)
        else:
            out = sys.stdout
            if self.format == "json":
                out.write("[\n" if self.n == 0 else ",\n")
            for piece in record.json_pieces(include_text=self.with_text):   # a huge record: no whole copy
                out.write(piece)
            if self.format != "json":
                out.write("\n")
        self.n += 1

    def close(self) -> None:
        if self.format == "json":
            sys.stdout.write("[]\n" if self.n == 0 else "\n]\n")


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="files or folders (.txt, .html, .jsonl, .json, .warc(.gz), .xml/.rss/.atom, .gz)"),
    format: str = typer.Option("jsonl", "--format", "-f", help=format_help(EXTRACT_FORMATS)),
    published: Optional[str] = typer.Option(None, help="date for inputs that carry none (YYYY-MM-DD)"),
    source: Optional[str] = typer.Option(None, "--source", help="outlet name for inputs that carry none"),
    workers: int = typer.Option(1, min=1, help="processes to run in parallel (1 or more)"),
    errors: Optional[Path] = typer.Option(None, help="write every failed input here (JSON lines)"),
    text: bool = typer.Option(False, "--with-text", help="include the article text in each record"),
    budget_seconds: Optional[float] = typer.Option(None, "--budget-seconds", min=0, help="CPU seconds one article may take before it becomes an error row (0 = no limit; default 300 or SITREP_BUDGET_SECONDS)"),
    max_events: Optional[int] = typer.Option(None, "--max-events", min=0, help="events one article may hold before it becomes an error row (0 = no limit; default 25000 or SITREP_MAX_EVENTS)"),
) -> None:
    """Extract a record per article: entities, places, quotes, counts, events, with evidence."""
    from ..record import InputError
    from ..run import stop
    from ..service import extract_paths, progress_bar
    from ..run.budget import configure
    from .options import check_budget
    configure(seconds=budget_seconds, events=max_events)
    check_budget()

    format = check_format(format, EXTRACT_FORMATS)
    published = input_date(published)
    errors_fh = None
    if errors:
        try:
            errors_fh = errors.open("w", encoding="utf-8", errors="backslashreplace")
        except OSError as exc:
            fail(f"--errors {errors}: cannot write ({exc.strerror})")

    bar = progress_bar("extract") if _long_run(paths) else None
    writer = _Writer(format, text)
    failed = 0
    try:
        results = extract_paths(paths, published=published, workers=workers, source=source)
        with bar or _nothing(), closing(results):      # stopped early: the workers stop at once
            for result in results:
                stop.check()              # a SIGTERM that came while waiting (run.stop)
                if bar:
                    bar.advance("error" if isinstance(result, InputError) else "record")
                if not isinstance(result, InputError):
                    writer.write(result)
                    continue
                failed += 1
                (bar.print if bar else _stderr)(result.line())
                if errors_fh:
                    errors_fh.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
                    errors_fh.flush()
        writer.close()
    except KeyboardInterrupt as exc:
        from ..run.stop import exit_code
        print(f"interrupted after {writer.n} records and {failed} errors", file=sys.stderr)
        raise typer.Exit(exit_code(exc))
    except BrokenPipeError:  # `sitrep extract ... | head`
        sys.stderr.close()
        raise typer.Exit(1)
    finally:
        if errors_fh:
            errors_fh.close()
    if failed:
        raise typer.Exit(1)


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _nothing():
    from contextlib import nullcontext
    return nullcontext()
