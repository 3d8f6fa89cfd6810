"""A per-article budget of CPU time and memory: a runaway article becomes one error row.

Extraction cost is linear in the input (long sentences are cut, long texts parsed in pieces), so
no accepted article should need more than a minute or two. The budget is the safety net for what
slips through: when an article has used more CPU seconds, or grown this process by more memory,
than allowed, `OverBudget` is raised inside it and the pipeline turns it into an InputError
("too slow: 312 s ...") while the run goes on with the next article.

Configuration: `--budget-seconds` / `--max-events` on `extract` and `ingest`, or the environment
variables SITREP_BUDGET_SECONDS, SITREP_BUDGET_MB and SITREP_MAX_EVENTS; 0 switches a limit off.

Events per article: no news article tells thousands of events (real ones tell at most a hundred
or two; a 4 MB report of ordinary prose about 10,000), but text built to repeat "N people were
killed in X." makes one per sentence, and their evidence, parties and tolls cost memory (100,000
events took the process past 1.5 GB). Past `Budget.events` (default 25,000) the article becomes one
error row ("too many events: more than 25,000 in the first 23% of the article ..."), like a
runaway article: the record is never cut short without notice, and the run goes on. The events
stage asks `check_events` after each sentence, so the memory stops growing at the limit.

The check runs on a 0.25 s interval timer (SIGALRM), so it works only in a process's main thread
on a POSIX system; elsewhere (a web server's worker thread, Windows) `limited` does nothing.

A timer signal is handled only between Python bytecodes: native code that never returns (a
stuck C extension, a call blocked on I/O) is never interrupted by it. For that, the process pool
(`run.local`) keeps a watchdog in the parent: each `limited` block reports its start through
`heartbeat` (a hook the pool sets in its children), and a child that stays in one block longer
than `Budget.wall_limit()` wall seconds is killed and replaced; its article becomes an error row.
"""
from __future__ import annotations

import os
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator

DEFAULT_SECONDS = 300.0     # CPU seconds for one article: ~6x the cost of the largest accepted text
DEFAULT_MB = 700            # growth of this process while extracting one article: with the model loaded
                            # (250-350 MB) a process stays under 1 GB; a valid 4 MB article grows ~500 MB
DEFAULT_EVENTS = 25_000     # events one article may hold (see above)
TICK = 0.25
WALL_FACTOR, WALL_GRACE = 2.0, 5.0  # the watchdog's wall-time limit: 2x the CPU budget + 5 s


class OverBudget(BaseException):
    """Raised inside an article that went over its budget. A BaseException, like
    KeyboardInterrupt, so that a stage's `except Exception` (which keeps a bug in one rule from
    costing the article) does not swallow it."""

    def __init__(self, message: str, kind: str = "too_slow"):
        super().__init__(message)
        self.message, self.kind = message, kind


def _env_number(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r} is not a number (seconds or megabytes; 0 = no limit)") from None
    if value < 0:
        raise ValueError(f"{name}={raw!r} is negative (0 = no limit)")
    return value


@dataclass(frozen=True)
class Budget:
    """CPU seconds, megabytes and events one article may use; None or 0 = no limit."""
    seconds: float | None = DEFAULT_SECONDS
    memory_mb: float | None = DEFAULT_MB
    events: int | None = DEFAULT_EVENTS

    @classmethod
    def configured(cls, seconds: float | None = None, memory_mb: float | None = None,
                   events: int | None = None) -> Budget:
        """The budget from explicit values, else the environment, else the defaults."""
        s = seconds if seconds is not None else _env_number("SITREP_BUDGET_SECONDS", DEFAULT_SECONDS)
        m = memory_mb if memory_mb is not None else _env_number("SITREP_BUDGET_MB", DEFAULT_MB)
        e = events if events is not None else _env_number("SITREP_MAX_EVENTS", DEFAULT_EVENTS)
        if s < 0 or m < 0 or e < 0:
            raise ValueError("a budget cannot be negative (0 = no limit)")
        return cls(seconds=s or None, memory_mb=m or None, events=int(e) or None)

    @property
    def unlimited(self) -> bool:
        return not self.seconds and not self.memory_mb

    def wall_limit(self, articles: int = 1) -> float | None:
        """Wall seconds after which the pool's watchdog stops a child stuck in `articles`
        articles (None: no time limit). Wider than the CPU budget: a loaded machine, or a
        child waiting on I/O, is slow in wall time without spending CPU."""
        if not self.seconds:
            return None
        return WALL_FACTOR * self.seconds * max(1, articles) + WALL_GRACE


def configure(seconds: float | None = None, memory_mb: float | None = None, events: int | None = None) -> None:
    """Set this run's budget (the CLI's --budget-seconds / --max-events): in the environment, so
    every pool child and Dask worker started from here reads the same one."""
    if seconds is not None:
        os.environ["SITREP_BUDGET_SECONDS"] = f"{seconds:g}"
    if memory_mb is not None:
        os.environ["SITREP_BUDGET_MB"] = f"{memory_mb:g}"
    if events is not None:
        os.environ["SITREP_MAX_EVENTS"] = str(int(events))


_active: Budget | None = None       # the budget of the `limited` block running now, for check_events


def check_events(n: int, done: float | None = None) -> None:
    """The events stage's hook: raise OverBudget when an article has more than the running
    budget's `events` (`done`: the share of the article coded so far, for the message)."""
    budget = _active
    if budget is None or not budget.events or n <= budget.events:
        return
    where = f" in the first {max(1, int(done * 100))}% of the article" if done is not None and done < 1 else ""
    raise OverBudget(f"too many events: more than {budget.events:,}{where} (limit {budget.events:,}; a text "
                     f"built of repeated reports? split it into articles, or raise --max-events)", "too_many")


def rss_mb() -> float:
    """This process's resident memory now (Linux /proc), else its peak (getrusage)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


heartbeat: Callable[[str | None, float | None], None] | None = None
"""Set by the process pool in its children: called with (label, wall limit) when a `limited`
block starts and with (None, None) when it ends; the parent's watchdog reads these."""


@contextmanager
def limited(budget: Budget | None, what: str = "article", label: str | None = None) -> Iterator[None]:
    """Run the block under `budget`; OverBudget is raised inside it when the budget is spent.
    `label` names the article (its FILE:LINE) for the pool's watchdog."""
    global _active
    beat, outer = heartbeat, _active
    if beat is not None:
        beat(label or what, budget.wall_limit() if budget is not None else None)
    _active = budget
    try:
        with _timed(budget, what):
            yield
    finally:
        _active = outer
        if beat is not None:
            beat(None, None)


@contextmanager
def _timed(budget: Budget | None, what: str) -> Iterator[None]:
    """The CPU and memory check on a timer signal."""
    if budget is None or budget.unlimited or not _can_time() or \
            signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, signal.SIG_IGN, None):
        yield                                   # no timer here, or one already running (nested)
        return
    cpu0, rss0 = time.process_time(), rss_mb()

    def tick(signum, frame):
        used = time.process_time() - cpu0
        if budget.seconds and used > budget.seconds:
            raise OverBudget(f"too slow: {used:.{0 if used >= 10 else 1}f} s of CPU for one {what} (budget {budget.seconds:g} s; "
                             f"split it, or raise --budget-seconds)")
        grown = rss_mb() - rss0
        if budget.memory_mb and grown > budget.memory_mb:
            raise OverBudget(f"too large: {grown:.0f} MB of memory for one {what} (budget "
                             f"{budget.memory_mb:g} MB; split it, or raise SITREP_BUDGET_MB)", "too_large")

    previous = signal.signal(signal.SIGALRM, tick)
    signal.setitimer(signal.ITIMER_REAL, TICK, TICK)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0, 0)
        signal.signal(signal.SIGALRM, previous)
