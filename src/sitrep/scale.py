"""The same extraction on a dask.distributed cluster: a LocalCluster, or any scheduler you run.

Why Dask and not a home-made scheduler: research groups already run it (Kubernetes, Slurm via
dask-jobqueue, a few servers), and it brings retries, worker restarts and a dashboard.

How a run goes:
- the driver *plans* partitions: small descriptors (a few file paths, or a range of whole
  records of one JSONL, WARC or feed file), never the text. Files are split by records, never
  by bytes: one JSONL of 1,000 articles becomes 32 partitions of 32 and keeps every worker busy.
  Planning runs in a thread so the first partitions start at once;
  The last partitions (one per worker) are cut in quarters, so the workers finish together;
- each partition is read AND extracted on a worker (`run_partition`); a LocalCluster's workers
  are forked from one forkserver that loaded the spaCy pipeline and the gazetteer once
  (`_warm_forkserver`); elsewhere each worker loads them once (`WarmNLP` plugin);
- at most `max_in_flight` partitions are submitted at a time and results come back with
  `as_completed`, so driver memory stays bounded whatever the corpus size; they are handed on
  in plan order (`_InOrder`), so `sitrep ingest --cluster` stores the records in the order of
  a local run and writes the same rows under the same ids;
- faults: a task whose worker dies is re-run by Dask on another worker (and `retries` covers
  exceptions); a partition that keeps killing workers is split into single inputs, and an input
  that still kills its worker becomes an InputError. Every input ends exactly once, as a Record
  or an InputError.

`write_parquet_shards` is the data-lake variant: workers write one Parquet shard per partition
(written atomically under a name derived from the partition, so a retried task overwrites its
own shard and nothing is counted twice); `read_parquet_shards` streams them back.
"""
from __future__ import annotations

import collections
import itertools
import json
import logging
import os
import queue
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .record import Article, InputError, Record

Result = Record | InputError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
DEFAULT_PARTITION_SIZE = 32          # articles per task: big enough to amortise, small enough to retry


# --------------------------------------------------------------------------------------------
# Partitions: what a task reads. Tiny, picklable, never the text itself.

@dataclass(frozen=True)
class Files:
    """Whole files, read by the readers as a local run would."""
    paths: tuple[str, ...]
    n: int                          # estimated articles (for the progress bar)
    index: int = 0

    def describe(self) -> str:
        return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{len(self.paths) - 1} files)"

    def inputs(self) -> list[str]:
        return list(self.paths)


@dataclass(frozen=True)
class Range:
    """Whole records of one JSONL, WARC or feed file: a byte range (JSONL, WARC) or, for a feed,
    the items `first` .. `first + n - 1` of the whole file (start = 0, end = its size)."""
    path: str
    start: int                      # byte offset of the first record
    end: int                        # byte offset just past the last record
    first: int                      # index (0-based) of the first record in the file
    n: int                          # records in the range
    kind: str                       # "jsonl" | "warc" | "feed"
    index: int = 0

    def describe(self) -> str:
        what = {"jsonl": "lines", "feed": "items"}.get(self.kind, "records")
        return f"{self.path} ({what} {self.first + 1}-{self.first + self.n})"

    def inputs(self) -> list[str]:
        return [self.describe()]


Partition = Files | Range


def _container_kind(path: Path) -> str | None:
    """How a file holding many records is split: "warc", "jsonl", "feed", or None (one article)."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    return None


def _iter_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """Files in the order a local run reads them (the readers' own walk)."""
    from .readers import iter_files

    yield from iter_files(list(inputs))


def _jsonl_line_starts(path: Path, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(line index, byte offset) of every line start, empty lines included (for line numbers)."""
    end = path.stat().st_size if end is None else end
    with open(path, "rb") as fh:
        fh.seek(start)
        pos, line = start, 0
        yield line, start
        while pos < end:
            block = fh.read(min(1 << 20, end - pos))
            if not block:
                break
            i = block.find(b"\n")
            while i >= 0:
                line += 1
                if pos + i + 1 < end:
                    yield line, pos + i + 1
                i = block.find(b"\n", i + 1)
            pos += len(block)


def _warc_boundaries(path: Path, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Byte offsets where each WARC record starts (warcio; per-record gzip members)."""
    from warcio.archiveiterator import ArchiveIterator

    end = path.stat().st_size if end is None else end
    with open(path, "rb") as fh:
        fh.seek(start)
        it = ArchiveIterator(fh)
        base = None
        for _record in it:
            raw = it.get_record_offset()
            if base is None:   # warcio counts from the file's position; older versions from 0
                base = start if raw == 0 and start > 0 else 0
            offset = base + raw
            if offset >= end:
                break
            yield offset


def _feed_items(path: Path) -> int:
    """Items of a feed, counted by the reader itself (a feed is small next to its extraction)."""
    return sum(1 for _ in _read_file(str(path)))


def _ranges(path: Path, kind: str, size: int, start: int = 0, end: int | None = None) -> Iterator[Range]:
    """Consecutive record ranges of `size` records, for a split file (or a slice of one).

    If the scan fails (a damaged or whole-file-gzipped WARC), the rest of the file becomes one
    last range, so the readers on the worker report the damage exactly as a local run would.
    """
    end = path.stat().st_size if end is None else end
    if kind == "feed":
        total = _feed_items(path)
        yield from (Range(str(path), 0, end, first, min(size, total - first), kind)
                    for first in range(0, total, size))
        return
    covered, next_first = start, 0
    try:
        for r in _scan_ranges(path, kind, size, start, end):
            covered, next_first = r.end, r.first + r.n
            yield r
    except Exception:
        if covered < end:
            yield Range(str(path), covered, end, next_first, 1, kind)


def _scan_ranges(path: Path, kind: str, size: int, start: int, end: int) -> Iterator[Range]:
    if kind == "jsonl":
        starts = _jsonl_line_starts(path, start, end)   # every line, so line numbers stay true
    else:
        starts = enumerate(_warc_boundaries(path, start, end))
    first_of_range = None
    first_offset = start
    n = 0
    for index, offset in starts:
        if first_of_range is None:
            first_of_range, first_offset = index, offset
        elif n == size:
            yield Range(str(path), first_offset, offset, first_of_range, n, kind)
            first_of_range, first_offset, n = index, offset, 0
        n += 1
    if n and first_offset < end:
        yield Range(str(path), first_offset, end, first_of_range or 0, n, kind)


def _split(path: Path, kind: str, size: int) -> tuple[Iterator[Range] | None, int]:
    """(the file's ranges of `size` records, or None when it holds no more than one range; the
    articles it holds when whole). One scan, streamed: a large file's ranges are yielded as found."""
    try:
        ranges = _ranges(path, kind, size)
        first = next(ranges, None)
        second = next(ranges, None)
    except Exception:  # a damaged container is the readers' to report, not the planner's
        return None, 1
    if second is None:
        n = first.n if first is not None else 1
        return None, max(1, n // 2) if kind == "warc" else max(1, n)   # a crawl pairs requests and responses
    return itertools.chain((first, second), ranges), 0


def plan(inputs: Iterable[str | Path], partition_size: int = DEFAULT_PARTITION_SIZE,
         tail: int = 0) -> Iterator[Partition]:
    """Partitions for `inputs`, lazily, split by records and never by bytes: a JSONL, WARC or
    feed file holding more than `partition_size` records becomes ranges of `partition_size`
    records each; smaller files are batched together until a batch holds `partition_size`.
    `tail` > 0: the last `tail` partitions are cut in quarters, so that the workers finish
    together (with N workers, one may otherwise idle for most of a partition at the end)."""
    parts = _plan(inputs, partition_size)
    if tail > 0:
        parts = _smaller_tail(parts, tail, max(1, partition_size // 4))
    for index, part in enumerate(parts):
        yield replace(part, index=index)


def _pieces(part: Partition, size: int) -> list[Partition]:
    """`part` as consecutive partitions of about `size` inputs each (records of a range, files)."""
    if isinstance(part, Files):
        if len(part.paths) <= size:
            return [part]
        groups = [part.paths[i:i + size] for i in range(0, len(part.paths), size)]
        return [Files(g, max(1, round(part.n * len(g) / len(part.paths)))) for g in groups]
    if part.n <= size:
        return [part]
    if part.kind == "feed":
        return [replace(part, first=part.first + i, n=min(size, part.n - i)) for i in range(0, part.n, size)]
    try:
        pieces = [replace(r, first=part.first + r.first)
                  for r in _ranges(Path(part.path), part.kind, size, part.start, part.end)]
    except Exception:   # pragma: no cover - _ranges already turns a failed scan into one range
        return [part]
    return pieces if sum(r.n for r in pieces) == part.n else [part]


def _smaller_tail(parts: Iterator[Partition], tail: int, size: int) -> Iterator[Partition]:
    held: collections.deque = collections.deque()
    for part in parts:
        held.append(part)
        if len(held) > tail:
            yield held.popleft()
    for part in held:
        yield from _pieces(part, size)


def _plan(inputs: Iterable[str | Path], partition_size: int) -> Iterator[Partition]:
    batch: list[str] = []
    estimate = 0
    for path in map(Path, _iter_files(inputs)):
        kind = _container_kind(path)
        ranges, articles = _split(path, kind, partition_size) if kind and path.is_file() else (None, 1)
        if ranges is not None:
            yield from ranges
            continue
        batch.append(str(path))
        estimate += articles
        if len(batch) >= partition_size or estimate >= partition_size:
            yield Files(tuple(batch), estimate)
            batch, estimate = [], 0
    if batch:
        yield Files(tuple(batch), estimate)


def split(part: Partition) -> list[Partition]:
    """One partition per input of `part` (used when a partition keeps killing its worker)."""
    if isinstance(part, Files):
        return [Files((p,), 1, part.index) for p in part.paths]
    if part.n <= 1:
        return [part]
    if part.kind == "feed":
        return [replace(part, first=part.first + i, n=1) for i in range(part.n)]
    return [replace(r, first=part.first + r.first, index=part.index)
            for r in _ranges(Path(part.path), part.kind, 1, part.start, part.end)]


# --------------------------------------------------------------------------------------------
# Worker side: read and extract one partition. Never raises for bad input.

def _read_file(path: str, published: str | None = None) -> Iterator[Article | InputError]:
    """One file through the readers, exactly as a local run reads it; never raises."""
    from .readers import read_file

    try:
        yield from read_file(Path(path), published=published)
    except Exception as exc:  # a reader bug must not fail the job: the file becomes an error
        yield InputError(path, f"could not read ({type(exc).__name__}: {exc})", "input")


def _fix_origin(item: Article | InputError, tmp: str, part: Range) -> Article | InputError | None:
    """Origins of a range read from a temporary copy, pointed back at the real file and record.

    The readers number JSONL lines `file:LINE` (1-based) and WARC records `file#N` (0-based); a
    range starts at record `part.first`, so its numbers shift by that much. A whole-file "empty"
    error of the copy is dropped: the range holds no article, but the file as a whole does.
    """
    origin = item.origin or ""
    if not origin.startswith(tmp):
        return item
    rest = origin[len(tmp):]
    if not rest and isinstance(item, InputError) and item.kind == "empty":
        return None
    sep = ":" if part.kind == "jsonl" else "#"
    if rest.startswith(sep):
        number, dot, tail = rest[1:].partition(":" if sep == ":" else "#")
        if number.isdigit():
            rest = f"{sep}{int(number) + part.first}" + (dot + tail if dot else "")
    item.origin = part.path + rest
    return item


def _read_range(part: Range, published: str | None = None) -> Iterator[Article | InputError]:
    """Read the records of a range by handing the readers a copy of just those bytes.

    A byte range of whole JSON lines is itself a JSONL file, and a range of whole per-record gzip
    members is itself a .warc.gz, so the readers parse it exactly as in a local run.
    """
    name = Path(part.path).name
    suffix = ".warc.gz" if name.lower().endswith(".warc.gz") else Path(name).suffix
    with tempfile.TemporaryDirectory(prefix="sitrep-range-") as tmpdir:
        tmp = os.path.join(tmpdir, f"{Path(name).name.split('.')[0]}{suffix}")
        with open(part.path, "rb") as src, open(tmp, "wb") as dst:
            src.seek(part.start)
            remaining = part.end - part.start
            while remaining > 0:
                block = src.read(min(1 << 20, remaining))
                if not block:
                    break
                dst.write(block)
                remaining -= len(block)
        for item in _read_file(tmp, published):
            fixed = _fix_origin(item, tmp, part)
            if fixed is not None:
                yield fixed


def _read_items(part: Range, published: str | None = None) -> Iterator[Article | InputError]:
    """Items `first` .. `first + n - 1` of a feed, read whole by the readers as a local run does."""
    for i, item in enumerate(_read_file(part.path, published)):
        if i >= part.first + part.n:
            break
        if i >= part.first:
            yield item


def read_partition(part: Partition, published: str | None = None) -> list[Article | InputError]:
    if isinstance(part, Range):
        return list(_read_items(part, published) if part.kind == "feed" else _read_range(part, published))
    out: list[Article | InputError] = []
    for path in part.paths:
        out.extend(_read_file(path, published))
    return out


def _extract_safely(items: list[Article | InputError]) -> list[Result]:
    """Batch extraction; if the batch fails as a whole, one by one so only the culprit fails."""
    from .pipeline import _extract_batch

    try:
        return _extract_batch(items)
    except Exception:
        pass
    out: list[Result] = []
    for item in items:
        try:
            out.extend(_extract_batch([item]))
        except Exception as exc:
            origin = item.origin if isinstance(item, InputError) else (item.origin or item.id)
            out.append(InputError(origin, f"extraction failed ({type(exc).__name__}: {exc})", "extract"))
    return out


def run_partition(part: Partition, published: str | None = None) -> list[Result]:
    """Task body: read and extract one partition (on a worker)."""
    return _extract_safely(read_partition(part, published))


def _shard_name(part: Partition, sub: int | None = None) -> str:
    return f"part-{part.index:06d}" + (f"-{sub:05d}" if sub is not None else "") + ".parquet"


def write_shard(results: list[Result], path: str | Path) -> tuple[int, int]:
    """Write records and errors as one Parquet file, atomically; returns (records, errors)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list] = {"kind": [], "id": [], "origin": [], "url": [], "published": [],
                             "events": [], "json": []}
    n_records = 0
    for r in results:
        if isinstance(r, Record):
            n_records += 1
            rows["kind"].append("record"), rows["id"].append(r.id), rows["origin"].append(None)
            rows["url"].append(r.url), rows["published"].append(r.published)
            rows["events"].append(len(r.events))
            rows["json"].append(json.dumps(r.to_json(include_text=True), ensure_ascii=False))
        else:
            rows["kind"].append("error"), rows["id"].append(None), rows["origin"].append(r.origin)
            rows["url"].append(None), rows["published"].append(None), rows["events"].append(0)
            rows["json"].append(json.dumps(r.to_json(), ensure_ascii=False))
    schema = pa.schema([("kind", pa.string()), ("id", pa.string()), ("origin", pa.string()),
                        ("url", pa.string()), ("published", pa.string()), ("events", pa.int32()),
                        ("json", pa.string())])
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    pq.write_table(pa.table(rows, schema=schema), tmp, compression="zstd")
    os.replace(tmp, path)   # a retried task replaces its own shard; readers never see half a file
    return n_records, len(results) - n_records


def run_partition_to_shard(part: Partition, out_dir: str, name: str,
                           published: str | None = None) -> tuple[int, int]:
    """Task body of the Parquet variant: extract, write the shard, return only the counts."""
    return write_shard(run_partition(part, published), Path(out_dir) / name)


def read_parquet_shards(directory: str | Path) -> Iterator[Result]:
    """Records and errors back from the shards of `write_parquet_shards`, streamed."""
    import pyarrow.parquet as pq

    directory = Path(directory)
    shards = sorted(directory.glob("part-*.parquet"))
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: no such folder of Parquet shards")
    for shard in shards:
        pf = pq.ParquetFile(shard)
        for batch in pf.iter_batches(batch_size=256, columns=["kind", "json"]):
            for kind, text in zip(batch.column("kind").to_pylist(), batch.column("json").to_pylist()):
                d = json.loads(text)
                yield Record.from_json(d) if kind == "record" else InputError(**d)


# --------------------------------------------------------------------------------------------
# Driver side.

try:
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPluginBase
except ImportError:  # pragma: no cover - dask is a dependency; keep the module importable anyway
    _WorkerPluginBase = object


class WarmNLP(_WorkerPluginBase):
    """Loads the spaCy pipeline and the gazetteer once when a worker (re)starts, before it takes
    any task."""

    name = "sitrep-warm-nlp"

    def setup(self, worker=None):
        from .pipeline import warm_up

        warm_up()


def _user_error_base() -> type:
    """The ClickException class the CLI really catches (typer >= 0.20 bundles its own click), so
    a command shows a ClusterError as one line instead of a stack trace."""
    try:
        import typer

        return next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
    except (ImportError, StopIteration):  # pragma: no cover
        return Exception


_UserError = _user_error_base()


class ClusterError(_UserError):
    """The cluster could not be started or reached; the message says what to check."""


def parse_cluster(spec: str) -> int:
    """"local:4" -> 4 worker processes."""
    kind, _, n = spec.partition(":")
    if kind != "local" or (n and not n.isdigit()) or (n and int(n) < 1):
        raise ClusterError(f"--cluster {spec!r}: expected local:N (N worker processes), e.g. local:4")
    return int(n) if n else (os.cpu_count() or 1)


# Settings for the LocalCluster sitrep starts itself. Dask's nanny sets MALLOC_TRIM_THRESHOLD_
# low so workers hand memory back quickly; with spaCy's many short-lived arrays that cost ~8% of
# a worker's CPU in system time (measured by benchmarks/run.py), while RSS stays well under the
# 600 MB aim without it. The statistical profiler samples the task thread every 10 ms; the
# dashboard works without it. An existing cluster (--scheduler) keeps its own configuration.
LOCAL_CLUSTER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    # An idle LocalCluster of 2 workers burnt 56 ms of CPU per second (5.6% of a core, about
    # 2 ms per article of an ingest) in its periodic callbacks: each event loop's health tick
    # every 20 ms, the system monitor every 500 ms, the nannies' memory monitor every 100 ms.
    # Slower ticks (benchmarks/cluster_parts.py measures the idle cost) lose nothing for a batch
    # job; the memory monitor still acts within a second.
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.worker.memory.monitor-interval": "1s",
}


def _warm_forkserver() -> dict:
    """Config that makes the LocalCluster's nannies fork their workers from one *forkserver* that
    loaded the model and the gazetteer once (`sitrep.run._warm`, as the local pool does), instead
    of spawning N fresh interpreters that each import spaCy and load the model (about 2 CPU s
    each). {} where forkserver does not exist (the workers then spawn and warm up themselves,
    through the WarmNLP plugin). A worker Dask restarts later spawns and warms up the same way."""
    import multiprocessing as mp

    if "forkserver" not in mp.get_all_start_methods():
        return {}
    import dask
    from distributed import utils as dask_utils

    from .run.local import PRELOAD

    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver"}):
        ctx = dask_utils.get_mp_context()          # sets distributed's own preload list, once
    server = getattr(mp.forkserver, "_forkserver", None)
    modules = list(getattr(server, "_preload_modules", None) or ["distributed"])
    ctx.set_forkserver_preload(modules + [m for m in PRELOAD if m not in modules])
    return {"distributed.worker.multiprocessing-method": "forkserver"}


def local_cluster(n_workers: int, **kwargs):
    """A LocalCluster of `n_workers` single-threaded worker processes, set up for extraction:
    the workers are forked from a warmed forkserver where one exists (`_warm_forkserver`)."""
    import dask
    from distributed import LocalCluster

    options = dict(n_workers=n_workers, threads_per_worker=1, processes=True,
                   dashboard_address=":0", silence_logs=logging.ERROR)
    options.update(kwargs)
    with dask.config.set({**LOCAL_CLUSTER_CONFIG, **_warm_forkserver()}):
        return LocalCluster(**options)


class _Connection:
    """A Client on a new LocalCluster, on a given scheduler, or a Client passed in (kept open)."""

    def __init__(self, cluster: str | None, scheduler: str | None, client=None):
        self.cluster_spec, self.scheduler, self.client = cluster, scheduler, client
        self.owned: list = []

    def __enter__(self):
        from distributed import Client

        if self.client is not None:
            return self.client
        try:
            if self.scheduler:
                self.client = Client(self.scheduler)  # timeout: distributed.comm.timeouts.connect
            else:
                cluster = local_cluster(parse_cluster(self.cluster_spec or "local"))
                self.owned.append(cluster)
                self.client = Client(cluster)
        except ClusterError:
            raise
        except (OSError, TimeoutError) as exc:
            where = self.scheduler or self.cluster_spec
            raise ClusterError(f"cannot reach Dask scheduler {where} ({exc}); is it running?") from exc
        self.owned.insert(0, self.client)
        return self.client

    def __exit__(self, *exc):
        for thing in self.owned:
            try:
                thing.close()
            except Exception:
                pass


def _progress(enabled: bool):
    """A rich progress bar on stderr with articles/s and ETA (or a no-op)."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task):
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.1f} articles/s" if speed else "- articles/s")

    console = Console(stderr=True)
    return console, Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                             Rate(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                             console=console, disable=not enabled, transient=False)


def _progress_estimate(part: Partition) -> int:
    if isinstance(part, Range) and part.kind == "warc":
        return max(1, part.n // 2)   # a crawl stores a request record with each response
    return part.n


class _Planner(threading.Thread):
    """Plans partitions in the background so work starts at once and the total grows to exact.

    The queue is bounded: planning runs at most `ahead` partitions ahead of submission, so even a
    listing of millions of files is never held on the driver (the ETA then appears once the
    planner has seen the last input).
    """

    def __init__(self, inputs, partition_size, ahead: int = 10_000, tail: int = 0):
        super().__init__(daemon=True)
        self.args = (list(inputs), partition_size, tail)
        self.queue: queue.Queue = queue.Queue(maxsize=ahead)
        self.total = 0
        self.done = False

    def run(self):
        try:
            for part in plan(*self.args):
                self.total += _progress_estimate(part)
                self.queue.put(part)
        except BaseException as exc:  # surfaced on the driver
            self.queue.put(exc)
        finally:
            self.done = True
            self.queue.put(None)


def _killed_error(part: Partition, exc: BaseException) -> InputError:
    origin = part.paths[0] if isinstance(part, Files) else part.describe()
    return InputError(origin, "this input killed its worker process on every attempt (crash or out of "
                      "memory); skipped, check the file", "extract")


def _several(part: Partition) -> bool:
    return len(part.paths) > 1 if isinstance(part, Files) else part.n > 1


@dataclass
class _Job:
    """What a driver run does with each partition: `task(part, shard name, published)` on a
    worker; `on_done(part, sub, errors)` for inputs that end as errors on the driver;
    `discard(part, sub)` drops any partial output of a partition before its pieces are re-run."""
    task: Callable
    on_done: Callable
    label: str
    partition_size: int = DEFAULT_PARTITION_SIZE
    max_in_flight: int | None = None
    retries: int = 2
    progress: bool = True
    published: str | None = None
    discard: Callable | None = None


def _register_warm_up(client) -> None:
    try:
        client.register_plugin(WarmNLP())
    except AttributeError:  # older distributed
        client.register_worker_plugin(WarmNLP())


class _InOrder:
    """Finished partitions handed on in plan order (partition index, then piece), whatever order
    the workers finish them in, so the store sees the records in the order a local run gives it
    and writes the same rows with the same ids. A partition re-run in pieces is waited for until
    every piece is back."""

    def __init__(self):
        self.outstanding: dict[int, int] = {}       # partition index -> pieces not yet back
        self.done: dict[int, list] = {}             # partition index -> [(piece, value)]
        self.order: collections.deque = collections.deque()   # indexes in plan order
        self.buffered = 0                           # finished values held back

    def submitted(self, part: Partition, sub: int | None, fresh: bool) -> None:
        if part.index not in self.outstanding:
            self.outstanding[part.index] = 0
            self.done[part.index] = []
            self.order.append(part.index)
        if fresh:
            self.outstanding[part.index] += 1

    def split(self, part: Partition, pieces: int) -> None:
        """`part` (one outstanding piece) comes back as `pieces` pieces instead."""
        self.outstanding[part.index] += pieces - 1

    def finished(self, part: Partition, sub: int | None, value) -> Iterator:
        """Record a piece's value; yield every value that is now in order."""
        self.outstanding[part.index] -= 1
        self.done[part.index].append((-1 if sub is None else sub, value))
        self.buffered += 1
        while self.order and self.outstanding[self.order[0]] == 0:
            index = self.order.popleft()
            del self.outstanding[index]
            for _sub, v in sorted(self.done.pop(index), key=lambda kv: kv[0]):
                self.buffered -= 1
                yield v


class _Driver:
    """The driver loop shared by extract_on_dask and write_parquet_shards.

    Iterating yields `task`'s return values (and `on_done`'s for inputs that end as errors on the
    driver). At most `max_in_flight` partitions are out at a time. A partition whose worker died
    more than Dask's `allowed-failures` times is split into single inputs; a single input that
    kills a worker is re-run *alone* (quarantine), so an innocent input that merely shared a dying
    worker is not blamed; an input that kills its worker even alone becomes an InputError.
    """

    def __init__(self, client, inputs, job: _Job):
        self.client, self.job = client, job
        _register_warm_up(client)
        self.workers = max(1, len(client.scheduler_info().get("workers", {})))
        self.max_in_flight = job.max_in_flight or 2 * self.workers + 2
        self.planner = _Planner(inputs, job.partition_size, tail=self.workers)   # the workers end together
        self.planner.start()
        self.run_id = uuid.uuid4().hex[:8]
        self.retry_queue: collections.deque = collections.deque()   # pieces of split partitions
        self.quarantine: collections.deque = collections.deque()    # single inputs suspected of killing workers
        self.futures: dict[str, tuple[Partition, int | None, bool]] = {}
        self.planned_done = False
        self.counter = 0
        self.ordered = _InOrder()
        from distributed import as_completed
        self.completed = as_completed()

    def _next_part(self):
        """(partition, piece, fresh) to submit next, or None; fresh = planned, not a re-run piece."""
        if self.retry_queue:
            return *self.retry_queue.popleft(), False
        if self.planned_done:
            return None
        item = self.planner.queue.get()
        if item is None:
            self.planned_done = True
            return None
        if isinstance(item, BaseException):
            raise item
        return item, None, True

    def _submit(self, part: Partition, sub: int | None, alone: bool, fresh: bool = False) -> None:
        self.counter += 1
        self.ordered.submitted(part, sub, fresh)
        job = self.job
        fut = self.client.submit(job.task, part, _shard_name(part, sub), job.published, retries=job.retries,
                                 pure=False, key=f"sitrep-{job.label}-{self.run_id}-{self.counter}")
        self.futures[fut.key] = (part, sub, alone)
        self.completed.add(fut)

    def _full(self) -> bool:
        """Enough out: `max_in_flight` futures, or as many again finished but held for order
        (never with nothing in flight: what the held values wait for may be a re-run to submit)."""
        return bool(self.futures) and (len(self.futures) >= self.max_in_flight
                or len(self.futures) + self.ordered.buffered >= 2 * self.max_in_flight)

    def _fill(self) -> None:
        """Top up the in-flight futures (a quarantined input runs alone, once the others are done)."""
        while True:
            if self.quarantine:
                if not self.futures:
                    self._submit(*self.quarantine.popleft(), alone=True)
                return
            if self._full():
                return
            nxt = self._next_part()
            if nxt is None:
                return
            part, sub, fresh = nxt
            self._submit(part, sub, alone=False, fresh=fresh)

    def _settle(self, fut):
        """(partition, piece, value) of a finished future; value None when its partition is re-run
        (in pieces, or alone)."""
        from distributed.scheduler import KilledWorker

        part, sub, alone = self.futures.pop(fut.key)
        try:
            return part, sub, fut.result()
        except KilledWorker as exc:
            if self.job.discard is not None:
                self.job.discard(part, sub)
            if _several(part):
                pieces = split(part)
                self.ordered.split(part, len(pieces))
                self.retry_queue.extend((piece, i) for i, piece in enumerate(pieces))
                return part, sub, None
            if not alone:
                self.quarantine.append((part, sub))
                return part, sub, None
            return part, sub, self.job.on_done(part, sub, [_killed_error(part, exc)])
        except Exception as exc:  # after `retries`: the partition's inputs become errors
            return part, sub, self.job.on_done(part, sub, [
                InputError(i, f"failed on the cluster ({type(exc).__name__}: {exc})", "extract")
                for i in part.inputs()])
        finally:
            fut.release()

    def __iter__(self) -> Iterator:
        console, bar = _progress(self.job.progress)
        if self.job.progress:
            console.print(f"Dask dashboard: {self.client.dashboard_link}  ({self.workers} workers)",
                          markup=False, highlight=False)
        with bar:
            tid = bar.add_task(f"{self.job.label} on Dask", total=None)
            self._fill()
            while self.futures:
                part, sub, value = self._settle(next(self.completed))
                for done in () if value is None else self.ordered.finished(part, sub, value):
                    n = sum(done) if isinstance(done, tuple) else len(done)
                    bar.update(tid, advance=n, total=self.planner.total if self.planner.done else None)
                    yield done
                self._fill()
            bar.update(tid, total=bar.tasks[0].completed)


def extract_on_dask(inputs: Iterable[str | Path], cluster: str | None = None, scheduler: str | None = None,
                    partition_size: int = DEFAULT_PARTITION_SIZE, progress: bool = True, *,
                    client=None, published: str | None = None, retries: int = 2,
                    max_in_flight: int | None = None) -> Iterator[Result]:
    """Records and InputErrors for every input, extracted on Dask; streamed, in completion order.

    `cluster="local:4"` starts a LocalCluster of 4 single-threaded worker processes on this
    machine; `scheduler="tcp://host:8786"` uses an existing cluster (its workers need sitrep
    installed and the inputs at the same paths); `client` reuses a Client you already have.
    """
    if cluster and not scheduler and client is None:
        parse_cluster(cluster)          # a bad spec is reported now, not at the first result
    job = _Job(run_partition_task, lambda _part, _sub, errors: errors, "extract", partition_size,
               max_in_flight, retries, progress, published)
    return _extract_on_dask(inputs, cluster, scheduler, client, job)


def _extract_on_dask(inputs, cluster, scheduler, client, job: _Job) -> Iterator[Result]:
    with _Connection(cluster, scheduler, client) as c:
        for results in _Driver(c, inputs, job):
            yield from results


def run_partition_task(part: Partition, _name: str, published: str | None) -> list[Result]:
    """Task body of extract_on_dask (same call shape as the shard task)."""
    return run_partition(part, published)


def _empty_shard_folder(out_dir: str | Path, overwrite: bool) -> Path:
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    old = sorted(out.glob("part-*.parquet"))
    if old and not overwrite:
        raise FileExistsError(f"{out} already holds {len(old)} shards of an earlier run; "
                              f"use an empty folder (or overwrite=True to replace them)")
    for shard in old:
        shard.unlink()
    return out


def write_parquet_shards(inputs: Iterable[str | Path], out_dir: str | Path, cluster: str | None = None,
                         scheduler: str | None = None, partition_size: int = DEFAULT_PARTITION_SIZE,
                         progress: bool = True, *, client=None, published: str | None = None,
                         retries: int = 2, max_in_flight: int | None = None,
                         overwrite: bool = False) -> dict[str, Any]:
    """Workers write one Parquet shard per partition into `out_dir` (a path every worker sees).

    Shards are named after their partition (`part-000042.parquet`), written atomically, so a task
    Dask retries replaces its own shard and nothing is counted twice. Returns {"records", "errors",
    "shards", "seconds"}; `read_parquet_shards(out_dir)` (or
    `sitrep ingest --from-parquet out_dir`) reads them back.
    """
    out = _empty_shard_folder(out_dir, overwrite)
    started = time.perf_counter()
    totals = {"records": 0, "errors": 0, "shards": 0}

    def on_done(part, sub, errors):   # inputs that kill workers get a shard of their errors too
        return write_shard(errors, out / _shard_name(part, sub))

    def discard(part, sub):
        (out / _shard_name(part, sub)).unlink(missing_ok=True)

    job = _Job(_ShardTask(str(out)), on_done, "shards", partition_size, max_in_flight, retries,
               progress, published, discard)
    with _Connection(cluster, scheduler, client) as c:
        for n_records, n_errors in _Driver(c, inputs, job):
            totals["records"] += n_records
            totals["errors"] += n_errors
            totals["shards"] += 1
    totals["seconds"] = round(time.perf_counter() - started, 3)
    return totals


class _ShardTask:
    """A picklable task body bound to the output folder."""

    def __init__(self, out_dir: str):
        self.out_dir = out_dir

    def __call__(self, part: Partition, name: str, published: str | None) -> tuple[int, int]:
        return run_partition_to_shard(part, self.out_dir, name, published)
