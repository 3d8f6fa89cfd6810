"""A stopped run as a user (or `timeout`, or a job scheduler) stops it: SIGTERM gives one line, the
run marked "interrupted", and no process left behind; SIGKILL of the command alone (not its whole
process group) leaves no orphaned pool children, forkserver or resource tracker either."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_ingest import write_corpus

EXE = str(Path(sys.executable).parent / "sitrep")


def descendants(pid: int) -> set[int]:
    """Every live process below `pid` (Linux /proc)."""
    found, todo = set(), [pid]
    while todo:
        p = todo.pop()
        for task in Path(f"/proc/{p}/task").glob("*"):
            try:
                kids = (task / "children").read_text().split()
            except OSError:
                continue
            for k in map(int, kids):
                if k not in found:
                    found.add(k)
                    todo.append(k)
    return found


def alive(pids: set[int]) -> set[int]:
    out = set()
    for p in pids:
        try:
            state = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            out.add(p)
    return out


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def start_and_wait(args: list[str], ready, env: dict | None = None) -> tuple[subprocess.Popen, set[int]]:
    """Start the command (in its own session, so the signal goes to it alone) and wait until
    `ready()`; return it with the processes it started."""
    proc = subprocess.Popen([EXE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, text=True, env=env)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None and not ready():
        time.sleep(0.2)
    assert proc.poll() is None, f"finished before it could be stopped: {proc.stderr.read()[-500:]}"
    return proc, descendants(proc.pid)


def gone_within(pids: set[int], seconds: float) -> set[int]:
    deadline = time.time() + seconds
    while time.time() < deadline and alive(pids):
        time.sleep(0.2)
    return alive(pids)


def cleanup(proc: subprocess.Popen, kids: set[int]) -> None:
    for p in alive(kids) | ({proc.pid} if proc.poll() is None else set()):
        try:
            os.kill(p, signal.SIGKILL)
        except OSError:
            pass


def terminate(proc: subprocess.Popen, kids: set[int]) -> tuple[set[int], list[str]]:
    """SIGTERM the command, wait for it, and return what it left behind and its stderr lines."""
    try:
        kids |= descendants(proc.pid)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=120)
        left = gone_within(kids, 10)
    finally:
        cleanup(proc, kids)                      # before reading: a leftover would hold the pipe open
    return left, [line for line in proc.stderr.read().splitlines() if line.strip()]


@pytest.fixture()
def corpus(tmp_path):
    src = tmp_path / "news"
    write_corpus(src, 300)
    return src


@pytest.mark.parametrize("how", ["local", "workers"])
def test_sigterm_mid_ingest_is_one_line_a_marked_run_and_no_leftovers(tmp_path, corpus, how):
    db = tmp_path / "c.db"
    extra = ["--workers", "2"] if how == "workers" else []
    proc, kids = start_and_wait(["ingest", str(corpus), "--db", str(db), "--no-progress", *extra],
                                lambda: stored(db) >= 5)
    try:
        kids |= descendants(proc.pid)
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=120)
        left = gone_within(kids, 10)
        cleanup(proc, kids)                      # before reading: a leftover would hold the pipe open
        assert not left, "processes left behind by a stopped ingest"
        err = proc.stderr.read()
        assert proc.returncode == 143, err
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and lines[0].startswith("interrupted after"), err
        n = stored(db)
        assert 5 <= n < 300
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]
        r = subprocess.run([EXE, "ingest", str(corpus), "--db", str(db), "--no-progress"],
                           capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stderr
        assert stored(db) == 300
    finally:
        cleanup(proc, kids)


def test_kill_9_of_the_command_alone_leaves_no_orphans(tmp_path, corpus):
    db = tmp_path / "c.db"
    proc, kids = start_and_wait(["ingest", str(corpus), "--db", str(db), "--no-progress", "--workers", "2"],
                                lambda: stored(db) >= 5)
    try:
        kids |= descendants(proc.pid)
        assert kids, "the pool started no children"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        left = gone_within(kids, 10)
        assert not left, ("pool children outlived the killed command",
                          [Path(f"/proc/{p}/cmdline").read_bytes()[:120] for p in left])
    finally:
        cleanup(proc, kids)


def test_sigterm_mid_extract_says_how_far_it_got(tmp_path, corpus):
    out = tmp_path / "records.jsonl"
    with out.open("w") as fh:
        proc = subprocess.Popen([EXE, "extract", str(corpus), "--format", "jsonl"], stdout=fh,
                                stderr=subprocess.PIPE, start_new_session=True, text=True)
        kids: set[int] = set()
        try:
            deadline = time.time() + 300
            while time.time() < deadline and proc.poll() is None and out.stat().st_size == 0:
                time.sleep(0.2)
                kids |= descendants(proc.pid)
            assert proc.poll() is None
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=120)
            left = gone_within(kids, 10)
        finally:
            cleanup(proc, kids)
    assert not left
    err = proc.stderr.read()
    assert proc.returncode == 143
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("interrupted after"), err
    written = sum(1 for line in out.read_text().splitlines() if line.strip())
    assert 1 <= written < 300 and f"after {written} records" in lines[0]


def test_an_ignored_sigterm_stays_ignored():
    """`nohup`-like parents that ignore SIGTERM keep it ignored in sitrep (the handler is not forced)."""
    code = ("import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN);"
            "from sitrep.run.stop import install; install();"
            "print(signal.getsignal(signal.SIGTERM) is signal.SIG_IGN)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "True", r.stderr


def test_a_stopped_command_ends_even_when_its_shutdown_hangs(tmp_path):
    """A SIGTERM'd process whose clean-up never returns still exits (143) after the grace period."""
    code = ("import sys, time, sitrep.run.stop as s; s.GRACE = 1.0; s.install()\n"
            "try:\n    print('ready', flush=True)\n    time.sleep(60)\nexcept KeyboardInterrupt:\n"
            "    print('stopping', flush=True)\n"
            "    while True: time.sleep(0.1)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        proc.send_signal(signal.SIGTERM)
        assert proc.stdout.readline().strip() == "stopping"
        assert proc.wait(timeout=30) == 143
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_stop_does_not_wait_for_the_chunks_already_queued(tmp_path):
    """Long articles queued to the extraction child are abandoned, not finished, when an ingest is
    stopped: with a grace shorter than the queued work, the command still ends by itself with its
    one line (a stop that waited would be cut off by the grace, and multiprocessing would add its
    leaked-semaphore warning)."""
    src = tmp_path / "long"
    src.mkdir()
    sentence = "Russian forces shelled the town of Kupiansk on Monday, killing {n} civilians, the governor said. "
    for i in range(40):
        (src / f"a{i:02d}.txt").write_text(f"Shelling report {i}\n\n" + sentence.format(n=i + 2) * 250)
    db = tmp_path / "c.db"
    proc, kids = start_and_wait(["ingest", str(src), "--db", str(db), "--no-progress"], lambda: stored(db) >= 1,
                                env={**os.environ, "SITREP_STOP_GRACE": "8"})
    left, lines = terminate(proc, kids)
    assert not left
    assert proc.returncode == 143 and len(lines) == 1 and lines[0].startswith("interrupted after"), lines
    assert stored(db) < 40
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]


def test_a_sigterm_inside_a_write_transaction_waits_for_its_end(tmp_path):
    """A SIGTERM that lands inside a database transaction is raised when the transaction has
    ended (committed here), never inside its BEGIN or COMMIT: cut there, the connection kept the
    write lock and the run's last write waited on it until the grace ended the process (1 to 2
    stops in 40 showed multiprocessing's leaked-semaphore warning instead of the one line)."""
    db = tmp_path / "t.db"
    code = ("import os, signal, sqlite3, sys\n"
            "from sqlalchemy import create_engine, text\n"
            "from sitrep.run import stop\nfrom sitrep.store.db import write_tx\n"
            "stop.install()\n"
            f"engine = create_engine('sqlite:///{db}')\n"
            "with engine.begin() as c:\n    c.execute(text('CREATE TABLE t (x INTEGER)'))\n"
            "try:\n"
            "    with write_tx(engine) as conn:\n"
            "        conn.execute(text('INSERT INTO t VALUES (1)'))\n"
            "        os.kill(os.getpid(), signal.SIGTERM)\n"
            "        conn.execute(text('INSERT INTO t VALUES (2)'))\n"
            "    print('not raised')\n"
            "except KeyboardInterrupt as exc:\n"
            "    print(type(exc).__name__)\n"
            "n = sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM t').fetchone()[0]\n"
            "print(n)\n"
            "with write_tx(engine) as conn:\n    conn.execute(text('INSERT INTO t VALUES (3)'))\n"
            "print('written')\n")
    r = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=60)
    assert r.stdout.split() == ["Terminated", "2", "written"], r.stdout + r.stderr
