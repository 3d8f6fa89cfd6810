"""How `make bench` measures: whole commands as a user types them, interleaved, medians.

- `run_command(argv)` runs one command in a fresh process and returns its wall time, the CPU time
  of the process and every descendant it waited for (`os.wait4`), and the peak RSS of the largest
  of them.
- `interleaved(variants, rounds)` runs the variants A B C, then B C A, then C A B, ... so load
  from other processes on a shared machine falls on all of them alike; `median_ratio` takes the
  ratio within each round and reports the median of those ratios (never the best run).
- `Figure` is one reported number with everything needed to judge it: the exact command, the
  method, the load average while it was measured, and the commit.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def loadavg() -> float:
    return round(os.getloadavg()[0], 2)


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip() or "unknown"
    except Exception:
        return "unknown"


COMMIT = git_commit()


@dataclass
class Run:
    wall: float                  # seconds
    cpu: float                   # user + system seconds of the process and its descendants
    rss_mb: float = 0.0          # peak RSS (VmHWM) of the process, when sampled
    load: float = 0.0            # 1-minute load average when the run ended


def sitrep_exe() -> list[str]:
    exe = Path(sys.executable).with_name("sitrep")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "sitrep.cli"]


def run_command(argv: Sequence[str], stdout: Path | None = None, env: dict | None = None) -> Run:
    """Run a command to completion in a fresh process (its stdout to `stdout` or /dev/null).

    CPU time: the larger of `wait4`'s (the process and every descendant it reaped) and the sum of
    the CPU each process of its tree was last seen to use, sampled every 0.1 s (worker children
    that outlive their parent's `wait`, like a forkserver's, are invisible to `wait4`). No RSS from
    `wait4`: Linux carries a forked child's pre-exec peak (this process's size) into it."""
    with open(stdout or os.devnull, "w", encoding="utf-8") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(argv), stdout=out, stderr=err,
                                env={**os.environ, "SITREP_PROGRESS": "0", **(env or {})})
        seen = _TreeCPU(proc.pid)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            seen.sample()
            time.sleep(0.1)
        wall = time.perf_counter() - t0
        seen.sample()              # descendants still alive after the parent exited
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"`{' '.join(map(str, argv[:3]))} ...` exited {proc.returncode}: "
                               f"{err.read().strip()[-300:]}")
    return Run(wall, max(usage.ru_utime + usage.ru_stime, seen.total()), 0.0, loadavg())


class _TreeCPU:
    """Last-seen user + system CPU of every process in a tree (each process's own, no children's)."""

    def __init__(self, pid: int):
        import psutil

        self.root = psutil.Process(pid)
        self.cpu: dict[tuple[int, float], float] = {}

    def sample(self) -> None:
        import psutil

        try:
            procs = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return
        for p in procs:
            try:
                t = p.cpu_times()
                self.cpu[(p.pid, p.create_time())] = t.user + t.system
            except psutil.Error:
                continue

    def total(self) -> float:
        return sum(self.cpu.values())


def vm_hwm_mb(pid: int) -> float | None:
    """The process's peak RSS so far (VmHWM of its own address space, after exec)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def timed_in_process(fn: Callable[[], object]) -> Run:
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return Run(time.perf_counter() - w0, time.process_time() - c0, 0.0, loadavg())


def interleaved(variants: dict[str, Callable[[int], Run]], rounds: int) -> dict[str, list[Run]]:
    """Each variant once per round, the order rotated every round (A B C, B C A, C A B, ...).
    A variant gets the round number (to use a fresh database, say)."""
    names = list(variants)
    runs: dict[str, list[Run]] = {n: [] for n in names}
    for r in range(rounds):
        k = r % len(names)
        for name in names[k:] + names[:k]:
            runs[name].append(variants[name](r))
        log("round {}: {}".format(r + 1, ", ".join(f"{n} {runs[n][-1].wall:.1f}s wall / {runs[n][-1].cpu:.1f}s cpu"
                                                    for n in names)))
    return runs


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def median_ratio(runs: dict[str, list[Run]], a: str, b: str, attr: str = "wall") -> float:
    """Median over rounds of a/b, each ratio taken within one round."""
    return round(median([getattr(x, attr) / getattr(y, attr) for x, y in zip(runs[a], runs[b])
                         if getattr(y, attr)]), 3)


def spread(runs: Sequence[Run], attr: str = "wall") -> list[float]:
    return [round(getattr(r, attr), 2) for r in runs]


def load_of(*groups: Sequence[Run]) -> list[float]:
    """Lowest and highest load average seen over the runs."""
    loads = [r.load for g in groups for r in g]
    return [min(loads), max(loads)] if loads else []


@dataclass
class Figure:
    """One reported number, with what a skeptic needs to judge it."""
    what: str
    value: str
    command: str
    method: str
    load: list[float] = field(default_factory=list)
    aim: str = ""
    verdict: str = ""               # "met" / "not met" only for a measured figure, never an estimate
    commit: str = COMMIT

    def as_dict(self) -> dict:
        return asdict(self)


def verdict(measured: float | None, aim: float, higher_is_better: bool = True) -> str:
    if measured is None:
        return ""
    return "met" if (measured >= aim if higher_is_better else measured <= aim) else "not met"
