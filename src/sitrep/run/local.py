"""The one local process pool: `sitrep extract --workers N` and `sitrep ingest --workers N`.

    extract_stream(items, workers=1, budget=None)  -> Records and InputErrors, in input order

With one worker the articles are extracted in this process (`sitrep extract` asks for a child
even then, `isolate`, when the budget has a time limit). With more, child processes do it,
and they start warm: they are forked from a *forkserver* that imported the model and built the
gazetteer once (`sitrep.run._warm`), instead of each child re-importing spaCy (about 2.3 s and
16% more CPU per child with "spawn"). Where forkserver does not exist (Windows) children are
spawned and warm up themselves.

Nothing hangs and nothing is lost: each article runs under its budget (run.budget) inside the
child; a child that dies (killed by the kernel for memory, a crash in native code) breaks only
the chunks in flight, which are retried one article at a time in a fresh pool; an article that
kills a child again becomes one error row ("worker process died ...").

The budget's timer signal cannot interrupt native code that never returns (a stuck C extension,
a call blocked on I/O), so the parent also keeps a watchdog: children report each chunk and each
article they start on a heartbeat queue, and one still inside an article after
`Budget.wall_limit()` wall seconds is killed; that article becomes one error row ("too slow:
stuck for N s ..."), is not retried, and the run goes on in a fresh pool.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
import os
import signal
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from ..record import Article, InputError, Record
from . import stop
from .budget import Budget

Result = Record | InputError
PRELOAD = ["sitrep.run._warm"]
WATCH_TICK = 0.5        # how often the parent checks its children while waiting for a result
PARENT_POLL = 1.0       # how often a child checks that the process that started it still exists


def chunks(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, n)):
        yield chunk


def extract_chunk(chunk: list, budget: Budget | None = None) -> list[Result]:
    """One chunk in this process (the task a child runs)."""
    from ..pipeline import _extract_batch
    return _extract_batch(chunk, budget=budget)


class _Heart:
    """A child's side of the watchdog: (pid, chunk number, label, monotonic time, wall limit)
    on the pool's heartbeat queue whenever a chunk or an article (a `limited` block) starts."""

    def __init__(self, queue):
        self.queue, self.seq, self.chunk_limit = queue, None, None

    def beat(self, label: str | None, limit: float | None) -> None:
        if label is None:                        # a block ended: back to the chunk's allowance
            label, limit = "chunk", self.chunk_limit
        try:
            self.queue.put((os.getpid(), self.seq, label, time.monotonic(), limit))
        except Exception:                        # a watchdog that cannot hear is no reason to fail
            pass


_heart: _Heart | None = None


def _run_task(seq: int, task: Callable, chunk: list, budget: Budget | None) -> list[Result]:
    """What a child runs: `task` on one chunk, telling the watchdog when it starts and ends."""
    heart = _heart
    if heart is not None:
        heart.seq = seq
        heart.chunk_limit = budget.wall_limit(len(chunk)) if budget is not None else None
        heart.beat("chunk", heart.chunk_limit)
    try:
        return task(chunk, budget)
    finally:
        if heart is not None:
            heart.beat("idle", None)


def _exit_with(parent: int) -> None:
    """A child's watch on the process that started the pool: when it is gone (killed with -9, or
    ended by a signal before it could shut the pool down), the child exits too. Without it the
    child would wait forever on its task queue (it holds both ends of that pipe), and keep the
    forkserver and the resource tracker alive with it: three orphans of ~250 MB per run."""
    while True:
        time.sleep(PARENT_POLL)
        try:
            os.kill(parent, 0)
        except ProcessLookupError:
            os._exit(1)
        except PermissionError:          # the number now belongs to another user's process
            os._exit(1)


def _warm_child(beats=None, parent: int | None = None) -> None:
    """Initializer: hook the watchdog's heartbeat into run.budget, watch the parent, and warm up
    (a no-op in a child forked from the warmed forkserver). Never raises: a failing initializer
    breaks the pool; the first task reports the error instead."""
    global _heart
    try:
        if parent is not None:
            threading.Thread(target=_exit_with, args=(parent,), name="sitrep-parent-watch",
                             daemon=True).start()
        if beats is not None:
            from . import budget as budget_mod
            _heart = _Heart(beats)
            budget_mod.heartbeat = _heart.beat
        from ..pipeline import warm_up
        warm_up()
    except Exception:
        pass


def context():
    """forkserver (children forked from a process that preloaded the model), else spawn."""
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        return ctx
    return mp.get_context("spawn")


def _ready() -> bool:
    return True


def start_pool(workers: int) -> ProcessPoolExecutor:
    """A pool whose children start now (their warm-up overlaps the caller's own set-up). Its
    children report to the queue `pool.sitrep_beats` (the watchdog's heartbeats)."""
    ctx = context()
    beats = ctx.SimpleQueue()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_warm_child,
                               initargs=(beats, os.getpid()))
    pool.sitrep_beats = beats
    for _ in range(workers):
        pool.submit(_ready)
    return pool


def extract_stream(items: Iterable[Article | InputError], workers: int = 1, chunk_size: int | None = None,
                   budget: Budget | None = None, pool: ProcessPoolExecutor | None = None,
                   task: Callable = extract_chunk, isolate: bool = False) -> Iterator[Result]:
    """Stream results in input order; memory holds at most a few chunks per worker. `task`
    (a module-level function, for the children to import) is what a child runs on one chunk.
    `budget` None: the configured one (Budget.configured: --budget-seconds, the environment).
    `isolate`: one worker runs in a child process too when the budget has a time limit, so the
    watchdog can stop an article stuck in native code (in this process nothing could)."""
    budget = budget if budget is not None else Budget.configured()
    if workers <= 1 and pool is None and isolate and budget.seconds:
        pool = start_pool(1)
    if workers <= 1 and pool is None:
        for chunk in chunks(items, chunk_size or 32):
            yield from task(chunk, budget)
        return
    yield from _Pooled(workers, budget, pool, task).run(chunks(items, chunk_size or 4))


class _Watchdog:
    """The parent's side: which child is in which chunk and article since when; a child past
    its wall limit is killed (the pool then breaks, and _Pooled recovers)."""

    def __init__(self, beats):
        self.beats = beats
        self.running: dict[int, tuple[int, str, float, float | None]] = {}   # pid -> seq, label, t0, limit
        self.killed: dict[int, tuple[str, float]] = {}                          # seq -> label, seconds

    def check(self) -> None:
        try:
            while self.beats is not None and not self.beats.empty():
                pid, seq, label, t0, limit = self.beats.get()
                self.running[pid] = (seq, label, t0, limit)
        except (OSError, EOFError, ValueError):
            return
        now = time.monotonic()
        for pid, (seq, label, t0, limit) in list(self.running.items()):
            if limit is not None and label != "idle" and now - t0 > limit:
                self.killed[seq] = (label, now - t0)
                del self.running[pid]
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass

    def culprit(self, seq: int, item) -> str | None:
        """The error message for `item` of chunk `seq` when the watchdog stopped it there."""
        label, seconds = self.killed.get(seq, (None, 0.0))
        origin = getattr(item, "origin", None) or getattr(item, "id", None)
        if label is None or label not in (origin, "chunk", "batch", "article"):
            return None
        return (f"too slow: stuck for {seconds:.0f} s (wall time) without finishing; its worker process "
                f"was stopped (split the input, or raise --budget-seconds)")


class _Pooled:
    """Chunks submitted to a pool, a few per worker in flight, results yielded in order; a
    watchdog stops a child stuck in one article."""

    def __init__(self, workers: int, budget: Budget | None, pool: ProcessPoolExecutor | None, task: Callable):
        self.workers, self.budget, self.task = max(1, workers), budget, task
        self.seq = itertools.count()
        self._use(pool or start_pool(self.workers))

    def _use(self, pool: ProcessPoolExecutor) -> None:
        self.pool = pool
        self.watch = _Watchdog(getattr(pool, "sitrep_beats", None))

    def _submit(self, chunk: list) -> tuple[int, list, Future]:
        seq = next(self.seq)
        return seq, chunk, self.pool.submit(_run_task, seq, self.task, chunk, self.budget)

    def _result(self, fut: Future) -> list[Result]:
        """The future's result, checking the watchdog while waiting."""
        while True:
            try:
                return fut.result(timeout=WATCH_TICK)
            except TimeoutError:
                stop.check()
                self.watch.check()

    def run(self, todo: Iterator[list]) -> Iterator[Result]:
        pending: deque[tuple[int, list, Future]] = deque()
        try:
            while True:
                while len(pending) < 2 * self.workers + 1:
                    chunk = next(todo, None)
                    if chunk is None:
                        break
                    pending.append(self._submit(chunk))
                if not pending:
                    self.pool.shutdown(wait=False, cancel_futures=True)
                    return
                seq, chunk, fut = pending.popleft()
                try:
                    yield from self._result(fut)
                except BrokenProcessPool:
                    yield from self._recover((seq, chunk), pending)
        finally:
            abandon(self.pool)          # stopped early (an exception, or closed): no one wants the rest

    def _restart(self) -> _Watchdog:
        """A fresh pool; the old watchdog (what it stopped) is returned."""
        old = self.watch
        self.pool.shutdown(wait=False, cancel_futures=True)
        self._use(start_pool(self.workers))
        return old

    def _recover(self, first: tuple[int, list], pending: deque) -> Iterator[Result]:
        """A child died or was stopped: every chunk in flight is lost with it. Retry them one
        article at a time in a fresh pool; an article that kills a child again is the culprit,
        and one the watchdog stopped is not retried."""
        redo = [first] + [(seq, c) for seq, c, _ in pending]
        pending.clear()
        old = self._restart()
        for seq, c in redo:
            stuck = [old.culprit(seq, item) for item in c]
            if len(c) > 1 and sum(m is not None for m in stuck) > 1:
                stuck = [None] * len(c)            # the chunk, not one article: find it alone
            for item, message in zip(c, stuck):
                if message is not None and not isinstance(item, InputError):
                    yield InputError(item.origin or item.id, message, "too_slow")
                else:
                    yield from self._alone(item)

    def _alone(self, item) -> Iterator[Result]:
        if isinstance(item, InputError):
            yield item
            return
        seq, _, fut = self._submit([item])
        try:
            yield from self._result(fut)
        except BrokenProcessPool:
            stuck = self._restart().culprit(seq, item)
            yield InputError(item.origin or item.id, stuck or "worker process died while extracting this "
                             "article (out of memory or a crash in native code)", "too_slow" if stuck else "extract")


def abandon(pool: ProcessPoolExecutor) -> None:
    """Stop a pool whose results nobody will read: its children are killed, not waited for (they
    would finish every chunk already queued first, and a stopped command would wait on them, or
    be cut off by stop.GRACE before multiprocessing released its semaphores). A pool already shut
    down has no children left, and this does nothing."""
    for proc in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            proc.kill()
        except (OSError, ValueError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def extract_many(items: Iterable[Article | InputError], workers: int = 1, chunk_size: int = 32,
                 budget: Budget | None = None, isolate: bool = False) -> Iterator[Result]:
    """Stream results in input order: in this process, or in warmed children (also one worker,
    with `isolate`: see extract_stream)."""
    alone = workers <= 1 and not isolate
    return extract_stream(items, workers=workers, chunk_size=chunk_size if alone else None,
                          budget=budget, isolate=isolate)


class Ahead:
    """The results of `extract_ahead`, in input order; `close()` stops the children at once when
    the caller stops early (an error, Ctrl-C, SIGTERM)."""

    def __init__(self, gen: Iterator[Result], pool: ProcessPoolExecutor):
        self.gen, self.pool = gen, pool

    def __iter__(self) -> "Ahead":
        return self

    def __next__(self) -> Result:
        return next(self.gen)

    def close(self) -> None:
        self.gen.close()
        abandon(self.pool)


def extract_ahead(items, workers: int = 1, chunk_size: int = 4, budget=None) -> Ahead:
    """Extraction in `workers` child processes while this process does something else with the
    results (`sitrep ingest` stores them): storing overlaps extracting. Input order is kept.

    The pool starts HERE, not at the first `next()`: the children's warm-up overlaps the caller's
    own set-up (opening the database, loading the copy index). Small chunks keep the tail short."""
    import weakref

    pool = start_pool(max(1, workers))
    ahead = Ahead(extract_stream(items, workers=max(1, workers), chunk_size=chunk_size, budget=budget,
                                 pool=pool), pool)
    weakref.finalize(ahead, abandon, pool)     # never iterated, or dropped unfinished: no children left
    return ahead
