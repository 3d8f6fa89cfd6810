"""`sitrep extract`: files and folders in, one record per article out (JSON lines or a table).

Every input ends as a record on stdout or one `error: FILE: message` line on stderr; the exit
code is 1 when anything failed, and `--errors FILE` lists the failures as JSON lines.
"""
from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Iterable, Iterator, Optional

import typer

from . import app

PROGRESS_MIN_FILES = 20            # below this (and small files) a progress bar is only noise
PROGRESS_MIN_BYTES = 1024 * 1024


def _progress(paths: list[Path]):
    """A rich progress bar on stderr, only for a person watching a long run."""
    if not sys.stderr.isatty():
        return None
    from ..readers import iter_files
    n = 0
    for f in iter_files(paths):
        n += 1
        try:   # one JSON lines dump or crawl can hold thousands of articles
            many = f.stat().st_size > PROGRESS_MIN_BYTES
        except OSError:
            many = False
        if n >= PROGRESS_MIN_FILES or many:
            break
    else:
        return None
    from rich.console import Console
    from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
    from rich.text import Text

    class Rate(ProgressColumn):
        """Average articles/s over the whole run (results arrive in batches, so no instant rate)."""
        def render(self, task):
            return Text(f"{task.completed / task.elapsed:.1f}/s" if task.elapsed else "")

    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("{task.completed} inputs, {task.fields[failed]} failed"),
                    Rate(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True)


def _tick(results: Iterable, progress, task) -> Iterator:
    for r in results:
        if progress is not None:
            progress.advance(task)
        yield r


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="files or folders (.txt, .html, .jsonl, .json, .warc(.gz), .xml/.rss/.atom, .gz)"),
    format: str = typer.Option("jsonl", "--format", "-f", help="jsonl | table"),
    published: Optional[str] = typer.Option(None, help="date for inputs that carry none (YYYY-MM-DD)"),
    workers: int = typer.Option(1, help="processes to run in parallel"),
    errors: Optional[Path] = typer.Option(None, help="write every failed input here (JSON lines)"),
    text: bool = typer.Option(False, "--with-text", help="include the article text in each record"),
) -> None:
    """Extract a record per article: entities, places, quotes, counts, events, with evidence."""
    from ..pipeline import extract_many
    from ..readers import normalise_date, read_inputs
    from ..record import InputError

    if format not in ("jsonl", "table"):
        raise typer.BadParameter(f"unknown format {format!r}; use jsonl or table", param_hint="--format")
    if published is not None:
        iso = normalise_date(published)
        if iso is None:
            raise typer.BadParameter(f"not a date: {published!r} (use YYYY-MM-DD)", param_hint="--published")
        published = iso
    errors_fh = None
    if errors:
        try:
            errors_fh = errors.open("w", encoding="utf-8")
        except OSError as exc:
            raise typer.BadParameter(f"cannot write {errors}: {exc.strerror}", param_hint="--errors")

    progress = _progress(paths)
    failed = done = 0
    out = sys.stdout
    try:
        with progress or nullcontext():
            task = progress.add_task("extracting", total=None, failed=0) if progress else None
            results = extract_many(read_inputs(paths, published=published), workers=workers)
            for result in _tick(results, progress, task):
                if isinstance(result, InputError):
                    failed += 1
                    if progress is not None:
                        progress.update(task, failed=failed)
                        progress.console.print(result.line(), markup=False, highlight=False, soft_wrap=True)
                    else:
                        print(result.line(), file=sys.stderr, flush=True)
                    if errors_fh:
                        errors_fh.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
                        errors_fh.flush()
                    continue
                done += 1
                if format == "table":
                    from ..show import print_table
                    print_table(result)
                else:
                    out.write(json.dumps(result.to_json(include_text=text), ensure_ascii=False) + "\n")
    except KeyboardInterrupt:
        print(f"interrupted after {done} records and {failed} errors", file=sys.stderr)
        raise typer.Exit(130)
    except BrokenPipeError:  # `sitrep extract ... | head`
        sys.stderr.close()
        raise typer.Exit(1)
    finally:
        if errors_fh:
            errors_fh.close()
    if failed:
        raise typer.Exit(1)
