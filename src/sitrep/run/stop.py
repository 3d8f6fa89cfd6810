"""SIGTERM (`kill`, `timeout`, a job scheduler) ends a command the way Ctrl-C does.

    install()   in the command's main process (`sitrep.cli.main`): SIGTERM raises `Terminated`
    check()     at a safe point (between articles, while waiting for a child): raises a deferred one

`Terminated` is a KeyboardInterrupt, so it unwinds through the command like Ctrl-C: pools and
clusters shut down, an ingest marks its run "interrupted", and the command prints one line and
exits 143. The signal is raised at once where the main thread runs sitrep's own code or a library
that cleans up after an exception (SQLAlchemy, spaCy). Where it sits inside the standard library's
thread and process machinery (a `concurrent.futures` wait, a lock, a multiprocessing queue) an
exception at an arbitrary bytecode could leave a lock held and the shutdown waiting on it forever;
there, and inside a `held()` block (a database transaction), the signal is only noted, and the
next `check()` raises it (the pool's wait loop checks every
half second, the ingest and extract loops after each article).

A stopped command always ends: GRACE seconds after the signal (30, or the environment's
SITREP_STOP_GRACE, for a supervisor that kills sooner) the process exits (code 143) even if its
shutdown is still waiting (on a lock, a server), and its pool children follow it (they watch their
parent, run.local). A pool's children are killed at once when their results are abandoned
(run.local.abandon), so a stop never waits for the chunks already queued.

A SIGTERM that was ignored when sitrep started (`nohup`, some supervisors) stays ignored; a child
that inherited the handler through fork dies of the signal as usual.
"""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from typing import Iterator

UNSAFE = ("concurrent/futures/", "/threading.py", "/multiprocessing/", "/queue.py", "/selectors.py",
          "/logging/")


def _grace() -> float:
    try:
        return max(0.5, float(os.environ.get("SITREP_STOP_GRACE", "30")))
    except ValueError:
        return 30.0


GRACE = _grace()
_pending = False
_held = 0                     # depth of held() blocks


class Terminated(KeyboardInterrupt):
    """SIGTERM, arriving in the command's main process."""


def _unsafe(frame) -> bool:
    while frame is not None:
        name = frame.f_code.co_filename.replace("\\", "/")
        if any(part in name for part in UNSAFE):
            return True
        frame = frame.f_back
    return False


def install() -> None:
    global _pending
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return
    owner = os.getpid()
    _pending = False
    alarm = _end_anyway()

    def stop(signum, frame):
        global _pending
        if os.getpid() != owner:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        os.write(alarm, b"!")          # async-signal safe, unlike starting a thread here
        if _held or _unsafe(frame):
            _pending = True
            return
        raise Terminated

    signal.signal(signal.SIGTERM, stop)


def _end_anyway() -> int:
    """A daemon thread that waits for the handler's byte, then GRACE seconds, then ends the
    process; returns the pipe's write end."""
    import threading
    import time

    r, w = os.pipe()

    def wait() -> None:
        os.read(r, 1)
        time.sleep(GRACE)
        os._exit(143)

    threading.Thread(target=wait, name="sitrep-sigterm-grace", daemon=True).start()
    return w


@contextmanager
def held() -> Iterator[None]:
    """A block a SIGTERM must not cut in two (a database write transaction: cut inside its BEGIN
    or COMMIT, the connection kept the write lock, and the run's own last write then waited on
    it until the grace ended the process). The signal is noted, and raised when the block ends."""
    global _held
    _held += 1
    try:
        yield
    finally:
        _held -= 1
    if not _held:
        check()


def check() -> None:
    """Raise the SIGTERM that arrived at an unsafe moment, if any."""
    global _pending
    if _pending:
        _pending = False
        raise Terminated


def exit_code(exc: BaseException | None) -> int:
    """130 after Ctrl-C, 143 (128 + SIGTERM) after a SIGTERM."""
    while exc is not None:
        if isinstance(exc, Terminated):
            return 143
        exc = exc.__cause__ or exc.__context__
    return 130
