"""Load test of the web app: p50/p95 latency and errors under N concurrent clients.

    from benchmarks.web_load import run_load
    run_load("http://127.0.0.1:8000", concurrency=20, requests=2000)   # -> {"p50": ms, "p95": ms, ...}

or from the shell, against a running `sitrep serve`:

    .venv/bin/python benchmarks/web_load.py http://127.0.0.1:8000 --concurrency 20 --requests 2000

A bounded loop: `requests` requests in total, spread over `concurrency` threads, each with its
own keep-alive httpx client. Any non-200 answer or exception counts as an error.
"""
from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from typing import Sequence

import httpx

DEFAULT_PATHS = ("/api/events?limit=50", "/")


def _percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(q / 100 * (len(s) - 1)))))
    return s[k]


def run_load(base_url: str, concurrency: int = 20, requests: int = 1000,
             paths: Sequence[str] = DEFAULT_PATHS, timeout: float = 30.0) -> dict:
    """Hit `paths` round-robin; return p50/p95/max latency in ms, errors, requests/s, and per path."""
    base_url = base_url.rstrip("/")
    lock = threading.Lock()
    next_i = 0
    lat: dict[str, list[float]] = {p: [] for p in paths}
    errors: list[str] = []

    def worker():
        nonlocal next_i
        with httpx.Client(timeout=timeout) as client:
            while True:
                with lock:
                    i = next_i
                    next_i += 1
                if i >= requests:
                    return
                path = paths[i % len(paths)]
                t0 = time.perf_counter()
                try:
                    r = client.get(base_url + path)
                    ok = r.status_code == 200
                    why = f"{path}: HTTP {r.status_code}"
                except httpx.HTTPError as exc:
                    ok, why = False, f"{path}: {type(exc).__name__}"
                ms = (time.perf_counter() - t0) * 1000
                with lock:
                    lat[path].append(ms)
                    if not ok:
                        errors.append(why)

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    every = [v for vs in lat.values() for v in vs]
    return {
        "p50": round(_percentile(every, 50), 1), "p95": round(_percentile(every, 95), 1),
        "max": round(max(every), 1) if every else None,
        "mean": round(statistics.fmean(every), 1) if every else None,
        "errors": len(errors), "error_samples": errors[:5], "requests": len(every),
        "concurrency": concurrency, "rps": round(len(every) / wall, 1) if wall else None,
        "per_path": {p: {"p50": round(_percentile(v, 50), 1), "p95": round(_percentile(v, 95), 1),
                         "n": len(v)} for p, v in lat.items()},
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base_url")
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--path", action="append", help="path to request (repeatable); default: events list and overview")
    args = ap.parse_args()
    print(json.dumps(run_load(args.base_url, args.concurrency, args.requests,
                              tuple(args.path) if args.path else DEFAULT_PATHS), indent=2))


if __name__ == "__main__":
    main()
