"""The one local process pool: `sitrep extract --workers N` and `sitrep ingest --workers N`.

    extract_stream(items, workers=1, budget=None)  -> Records and InputErrors, in input order

With one worker the articles are extracted in this process. With more, child processes do it,
and they start warm: they are forked from a *forkserver* that imported the model and built the
gazetteer once (`sitrep.run._warm`), instead of each child re-importing spaCy (about 2.3 s and
16% more CPU per child with "spawn"). Where forkserver does not exist (Windows) children are
spawned and warm up themselves.

Nothing hangs and nothing is lost: each article runs under its budget (run.budget) inside the
child; a child that dies (killed by the kernel for memory, a crash in native code) breaks only
the chunks in flight, which are retried one article at a time in a fresh pool; an article that
kills a child again becomes one error row ("worker process died ...").
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from ..record import Article, InputError, Record
from .budget import Budget

Result = Record | InputError
PRELOAD = ["sitrep.run._warm"]


def chunks(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, n)):
        yield chunk


def extract_chunk(chunk: list, budget: Budget | None = None) -> list[Result]:
    """One chunk in this process (the task a child runs)."""
    from ..pipeline import _extract_batch
    return _extract_batch(chunk, budget=budget)


def _warm_child() -> None:
    """Initializer: warm up (a no-op in a child forked from the warmed forkserver). Never
    raises: a failing initializer breaks the pool; the first task reports the error instead."""
    try:
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
    """A pool whose children start now (their warm-up overlaps the caller's own set-up)."""
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context(), initializer=_warm_child)
    for _ in range(workers):
        pool.submit(_ready)
    return pool


def extract_stream(items: Iterable[Article | InputError], workers: int = 1, chunk_size: int | None = None,
                   budget: Budget | None = None, pool: ProcessPoolExecutor | None = None,
                   task: Callable = extract_chunk) -> Iterator[Result]:
    """Stream results in input order; memory holds at most a few chunks per worker. `task`
    (a module-level function, for the children to import) is what a child runs on one chunk.
    `budget` None: the configured one (Budget.configured: --budget-seconds, the environment)."""
    budget = budget if budget is not None else Budget.configured()
    if workers <= 1 and pool is None:
        for chunk in chunks(items, chunk_size or 32):
            yield from task(chunk, budget)
        return
    yield from _Pooled(workers, budget, pool, task).run(chunks(items, chunk_size or 4))


class _Pooled:
    """Chunks submitted to a pool, a few per worker in flight, results yielded in order."""

    def __init__(self, workers: int, budget: Budget | None, pool: ProcessPoolExecutor | None, task: Callable):
        self.workers, self.budget, self.task = max(1, workers), budget, task
        self.pool = pool or start_pool(self.workers)

    def run(self, todo: Iterator[list]) -> Iterator[Result]:
        pending: deque[tuple[list, Future]] = deque()
        try:
            while True:
                while len(pending) < 2 * self.workers + 1:
                    chunk = next(todo, None)
                    if chunk is None:
                        break
                    pending.append((chunk, self.pool.submit(self.task, chunk, self.budget)))
                if not pending:
                    return
                chunk, fut = pending.popleft()
                try:
                    yield from fut.result()
                except BrokenProcessPool:
                    yield from self._recover(chunk, pending)
        finally:
            self.pool.shutdown(wait=False, cancel_futures=True)

    def _recover(self, chunk: list, pending: deque) -> Iterator[Result]:
        """A child died: every chunk in flight is lost with it. Retry them one article at a time
        in a fresh pool; an article that kills a child again is the culprit."""
        redo = [chunk] + [c for c, _ in pending]
        pending.clear()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = start_pool(self.workers)
        for c in redo:
            for item in c:
                yield from self._alone(item)

    def _alone(self, item) -> Iterator[Result]:
        if isinstance(item, InputError):
            yield item
            return
        try:
            yield from self.pool.submit(self.task, [item], self.budget).result()
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = start_pool(self.workers)
            yield InputError(item.origin or item.id, "worker process died while extracting this article "
                                                     "(out of memory or a crash in native code)", "extract")


def extract_many(items: Iterable[Article | InputError], workers: int = 1, chunk_size: int = 32,
                 budget: Budget | None = None) -> Iterator[Result]:
    """Stream results in input order: in this process, or in warmed children."""
    return extract_stream(items, workers=workers, chunk_size=chunk_size if workers <= 1 else None,
                          budget=budget)


def extract_ahead(items, workers: int = 1, chunk_size: int = 4, budget=None):
    """Extraction in `workers` child processes while this process does something else with the
    results (`sitrep ingest` stores them): storing overlaps extracting. Input order is kept.

    The pool starts HERE, not at the first `next()`: the children's warm-up overlaps the caller's
    own set-up (opening the database, loading the copy index). Small chunks keep the tail short."""
    import weakref

    pool = start_pool(max(1, workers))
    gen = extract_stream(items, workers=max(1, workers), chunk_size=chunk_size, budget=budget, pool=pool)
    weakref.finalize(gen, pool.shutdown, wait=False, cancel_futures=True)   # never iterated: no children left
    return gen
