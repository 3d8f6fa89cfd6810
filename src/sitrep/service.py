"""What the command line, the web app and the demo call: inputs in, records or stored articles out.

    extract_paths(paths)               -> Records and InputErrors, in input order
    ingest_paths(store, paths)         -> counters of the ingest run (new, copies, errors, ...)
    ingest_article(store, fields)      -> one posted article, validated like a JSON-lines line

The shells (CLI, API, demo) only parse their arguments and print; the readers, the pipeline and
the store do the work, and this module is the one place that strings them together.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

Progress = Callable[[Any, str], None]      # (item, status) after each stored item


class ArticleRefused(ValueError):
    """A posted article that a reader would refuse too (no text, too short, a bad date)."""


def _with_source(items: Iterable, source: str | None) -> Iterator:
    """Give `source` to the articles that carry none (a folder of .txt without front matter)."""
    for item in items:
        if source and getattr(item, "source", "absent") is None:
            item.source = source
        yield item


def read_paths(paths: Sequence[str | Path], published: str | None = None,
               source: str | None = None) -> Iterator:
    """Every article under `paths` (Articles and InputErrors), `source`/`published` filled in."""
    from .readers import read_inputs
    return _with_source(read_inputs([Path(p) for p in paths], published=published), source)


SMALL_INPUT_BYTES = 64 * 1024      # at most this much plain text in all: extracted in this process
SMALL_INPUT_FILES = 16


def small_input(paths: Sequence[str | Path]) -> bool:
    """A few regular, uncompressed files of at most SMALL_INPUT_BYTES in all (one article, a short
    feed). Their extraction takes about a second; a child process for them would cost a second
    Python and a second warm-up (`sitrep extract one.txt` in 2 s instead of 4)."""
    from .readers import iter_files
    total = 0
    for n, f in enumerate(iter_files(paths), 1):
        try:
            if n > SMALL_INPUT_FILES or not f.is_file() or f.suffix.lower() in (".gz", ".bz2", ".xz"):
                return False
            total += f.stat().st_size
        except OSError:
            return False
        if total > SMALL_INPUT_BYTES:
            return False
    return True


def extract_paths(paths: Sequence[str | Path], published: str | None = None, workers: int = 1,
                  source: str | None = None) -> Iterator:
    """A Record (or an InputError naming the input) per article under `paths`, in input order.
    Even one worker is a child process when the budget has a time limit (`isolate`): an article
    stuck in native code is stopped by the watchdog and becomes one error row. A small input
    (`small_input`: its cost is bounded by its size) is extracted in this process, still under
    the budget's CPU and memory check."""
    from .run.local import extract_many
    isolate = workers > 1 or not small_input(paths)
    return extract_many(read_paths(paths, published, source), workers=max(1, int(workers)), isolate=isolate)


@dataclass
class IngestPlan:
    """Where the records come from: this machine (workers), Dask (cluster/scheduler), or Parquet
    shards written earlier by `--out-parquet`."""
    workers: int = 1
    cluster: Optional[str] = None
    scheduler: Optional[str] = None
    from_parquet: Optional[Path] = None
    progress_bar: bool = True
    skipped: dict = field(default_factory=lambda: {"unchanged": 0})


def _records(store, paths: Sequence[str | Path], plan: IngestPlan, published: str | None,
             source: str | None) -> tuple[Iterable, list[str], bool]:
    """(records, input labels, whether a progress bar of our own is wanted)."""
    inputs = [str(p) for p in paths]
    if plan.from_parquet:
        from .scale import read_parquet_shards
        return read_parquet_shards(plan.from_parquet), inputs + [f"parquet:{plan.from_parquet}"], True
    if plan.cluster or plan.scheduler:
        from .scale import extract_on_dask
        items = extract_on_dask(inputs, cluster=plan.cluster, scheduler=plan.scheduler,
                                progress=plan.progress_bar, published=published)
        return _with_source(items, source), inputs, False   # Dask shows its own bar
    from .run.local import extract_ahead, extract_many
    from .store.ingest import filter_known
    known = filter_known(store, read_paths(paths, published, source), plan.skipped)
    if plan.workers <= 1 and small_input(paths):     # a second process would only add its start-up
        return extract_many(known, workers=1), inputs, True
    return extract_ahead(known, workers=max(1, plan.workers)), inputs, True


def ingest_paths(store, paths: Sequence[str | Path], published: str | None = None,
                 source: str | None = None, plan: IngestPlan | None = None,
                 progress: Progress | None = None) -> dict[str, int]:
    """Extract and store every article under `paths`: one transaction each, idempotent, copies
    linked, failures kept as error rows. A run an earlier, killed ingest left "running" is
    marked "interrupted" first. `progress(item, status)` after each item; statuses: new,
    unchanged, replaced, copy, error. Returns the run's counters (with run_id)."""
    plan = plan or IngestPlan()
    items, inputs, own_bar = _records(store, paths, plan, published, source)
    bar = progress_bar("ingest") if plan.progress_bar and own_bar else None

    def on_item(item, status):
        if bar:
            bar.advance(status)
        if progress:
            progress(item, status)

    try:
        with bar or _nothing():
            counters = store.ingest_records(items, inputs=inputs, progress=on_item)
    finally:
        close = getattr(items, "close", None)
        if close is not None:       # stopped early: the extraction behind it stops too, at once
            close()
    counters["unchanged"] += plan.skipped["unchanged"]
    counters["read"] += plan.skipped["unchanged"]
    return counters


def article_from_fields(fields: dict) -> Any:
    """An Article from posted fields, through the JSON-lines reader's own checks
    (`readers.jsonl.article_from_dict`, strict about dates), after refusing unpaired surrogates."""
    from .readers.detect import ReadFailure
    from .readers.jsonl import article_from_dict

    for name, value in fields.items():
        if isinstance(value, str) and _has_lone_surrogate(value):
            raise ArticleRefused(f"{name}: holds an unpaired surrogate (not valid Unicode text)")
    try:
        return article_from_dict({k: v for k, v in fields.items() if v is not None}, "api",
                                 default_id=fields.get("id"), strict_dates=True)
    except ReadFailure as exc:
        raise ArticleRefused(str(exc)) from None


def ingest_article(store, fields: dict) -> dict:
    """Validate, extract and store one posted article (the store's ingest: idempotent, one
    transaction). Raises ArticleRefused for what a reader would refuse."""
    from .pipeline import extract

    article = article_from_fields(fields)
    record = extract(article)
    result = store.ingest_records([record], inputs=["api"])
    return {"result": result, "events": len(record.events), "record_id": record.id}


def _has_lone_surrogate(s: str) -> bool:
    try:
        s.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


# ------------------------------------------------------------------ the one progress bar
class _Nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def _nothing() -> _Nothing:
    return _Nothing()


class ProgressBar:
    """One progress bar for every long command (extract, ingest): a rich bar on stderr with
    counts per status and the average rate; shown only to a person watching a terminal (or with
    SITREP_PROGRESS=1)."""

    def __init__(self, label: str):
        from rich.console import Console
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.seen = {"done": 0, "new": 0, "copies": 0, "errors": 0}
        self.bar = Progress(SpinnerColumn(), TextColumn(label), BarColumn(bar_width=None),
                            TextColumn("{task.completed} read, {task.fields[new]} new, "
                                       "{task.fields[copies]} copies, {task.fields[errors]} errors"),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                            console=Console(stderr=True), transient=False)
        self.task = self.bar.add_task(label, total=None, new=0, copies=0, errors=0, rate="")

    def __enter__(self) -> "ProgressBar":
        self.bar.__enter__()
        return self

    def __exit__(self, *exc) -> bool:
        self.bar.__exit__(*exc)
        return False

    def advance(self, status: str) -> None:
        if status in ("new", "replaced", "copy", "record"):
            self.seen["new"] += 1
        if status == "copy":
            self.seen["copies"] += 1
        if status == "error":
            self.seen["errors"] += 1
        task = self.bar.tasks[0]
        done = task.completed + 1
        rate = f"{done / task.elapsed:.1f} articles/s" if task.elapsed else ""
        self.bar.update(self.task, advance=1, rate=rate, **{k: v for k, v in self.seen.items() if k != "done"})

    def print(self, line: str) -> None:
        self.bar.console.print(line, markup=False, highlight=False, soft_wrap=True)


def progress_wanted() -> bool:
    return sys.stderr.isatty() or os.environ.get("SITREP_PROGRESS") == "1"


def progress_bar(label: str) -> ProgressBar | None:
    """The bar when someone is watching (a terminal, or SITREP_PROGRESS=1), else None."""
    return ProgressBar(label) if progress_wanted() else None
