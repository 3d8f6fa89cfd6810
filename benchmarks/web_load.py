"""Load test of the web app: latency and errors under N concurrent clients, over many distinct
filters, with first (uncached) and repeated (cached) requests reported apart.

    from benchmarks.web_load import run_load, filter_paths
    run_load("http://127.0.0.1:8000", filter_paths(400), concurrency=20)

or from the shell, against a running `sitrep serve`:

    .venv/bin/python benchmarks/web_load.py http://127.0.0.1:8000 --concurrency 20 --distinct 400

Two phases, each `concurrency` keep-alive HTTP/1.1 connections driven by one asyncio loop (a
raw client: httpx in 20 threads cost 1.6 ms of CPU per request, more than the server it measured,
on the same cores; this one's CPU per request is reported as `client_cpu_ms`):
1. every distinct path once: no answer can come from a cache the load test filled itself
   ("uncached": the server may still hold a cache from before, which is why the paths differ);
2. the same paths again, shuffled ("cached": what a cache gives on repeated views).
Any non-200 answer or exception counts as an error.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import statistics
import time
from typing import Callable, Sequence
from urllib.parse import urlencode, urlsplit

from sitrep.record import EVENT_TYPES as TYPES

PLACES = ("Kharkiv", "Zaporizhia", "Odesa", "Gaza", "Khartoum", "Aleppo", "Donetsk Oblast", "UA", "SD")
ACTORS = ("Russian forces", "Russia", "Ukraine", "Hamas", "Rapid Support Forces", "Wagner Group")
STATUSES = ("occurred", "claimed", "denied")


def _window(rng: random.Random, start: dt.date, days: int) -> dict:
    a = start + dt.timedelta(days=rng.randrange(days))
    return {"since": a.isoformat(), "until": (a + dt.timedelta(days=rng.choice((1, 7, 30, 90)))).isoformat()}


def filter_paths(n: int, seed: int = 0, start: str = "2022-02-24", days: int = 3300) -> list[str]:
    """`n` distinct request paths: the event list, clusters, map points, stats and the overview
    page, each with its own mix of date window, type, place, actor, status, bbox and offset."""
    rng = random.Random(seed)
    day0 = dt.date.fromisoformat(start)
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        kind = rng.choice(("events", "events", "events", "clusters", "map", "stats", "overview"))
        q: dict = _window(rng, day0, days) if rng.random() < 0.7 else {}
        if kind in ("events", "clusters", "map"):
            for key, pool, p in (("type", TYPES, 0.5), ("place", PLACES, 0.3), ("actor", ACTORS, 0.2),
                                 ("status", STATUSES, 0.15)):
                if rng.random() < p:
                    q[key] = rng.choice(pool)
            if rng.random() < 0.1:
                w, s = rng.uniform(20, 40), rng.uniform(30, 50)
                q["bbox"] = f"{w:.1f},{s:.1f},{w + 3:.1f},{s + 3:.1f}"
        if kind in ("events", "clusters"):
            q["limit"] = 50
            q["offset"] = rng.choice((0, 0, 0, 50, 100, 500))
        base = {"events": "/api/events", "clusters": "/api/clusters", "map": "/api/map",
                "stats": "/api/stats", "overview": "/"}[kind]
        if kind in ("stats", "overview"):
            q = {k: v for k, v in q.items() if k in ("since", "until")}
        path = base + ("?" + urlencode(q) if q else "")
        if path not in seen:
            seen.add(path)
            out.append(path)
    return out


def _percentile(values: Sequence[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, int(round(q / 100 * (len(s) - 1)))))
    return s[k]


async def _connect(host: str, port: int):
    return await asyncio.open_connection(host, port, limit=1 << 20)


async def _get(reader, writer, host: str, path: str) -> tuple[int, bool]:
    """One GET on an open keep-alive connection: (status, whether the connection stays open)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: identity\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split(b" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if b":" in line:
            k, v = line.split(b":", 1)
            headers[k.strip().lower()] = v.strip().lower()
    if b"content-length" in headers:
        await reader.readexactly(int(headers[b"content-length"]))
    elif headers.get(b"transfer-encoding") == b"chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    else:
        await reader.read()
        return status, False
    return status, headers.get(b"connection") != b"close"


async def _client(host: str, port: int, queue: list, lat: dict, errors: list, timeout: float) -> None:
    """One keep-alive connection taking paths off the shared queue until it is empty."""
    conn = None
    while queue:
        path = queue.pop()
        t0 = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.wait_for(_connect(host, port), timeout)
            status, keep = await asyncio.wait_for(_get(*conn, host, path), timeout)
            ok, why = status == 200, f"{path}: HTTP {status}"
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError,
                ValueError, IndexError) as exc:
            ok, why, keep = False, f"{path}: {type(exc).__name__}", False
        lat.setdefault(path.split("?")[0], []).append((time.perf_counter() - t0) * 1000)
        if not ok:
            errors.append(why)
        if not keep and conn is not None:
            conn[1].close()
            conn = None
    if conn is not None:
        conn[1].close()


def _phase(base_url: str, paths: Sequence[str], concurrency: int, timeout: float) -> dict:
    """`concurrency` keep-alive connections in one asyncio loop (one thread): a client this cheap
    leaves the cores to the server; its own CPU per request is reported as `client_cpu_ms`."""
    url = urlsplit(base_url)
    queue = list(reversed(paths))          # popped from the end: requested in the given order
    lat: dict[str, list[float]] = {}
    errors: list[str] = []

    async def all_clients():
        await asyncio.gather(*(_client(url.hostname, url.port or 80, queue, lat, errors, timeout)
                               for _ in range(concurrency)))

    c0, t0 = time.process_time(), time.perf_counter()
    asyncio.run(all_clients())
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    every = [v for vs in lat.values() for v in vs]
    return {
        "requests": len(every), "p50": round(_percentile(every, 50), 1), "p95": round(_percentile(every, 95), 1),
        "max": round(max(every), 1) if every else None,
        "mean": round(statistics.fmean(every), 1) if every else None,
        "errors": len(errors), "error_samples": errors[:5], "rps": round(len(every) / wall, 1) if wall else None,
        "client_cpu_ms": round(cpu * 1000 / max(1, len(every)), 3),
        "per_route": {p: {"p50": round(_percentile(v, 50), 1), "p95": round(_percentile(v, 95), 1), "n": len(v)}
                      for p, v in sorted(lat.items())},
    }


def run_load(base_url: str, paths: Sequence[str], concurrency: int = 20, timeout: float = 60.0,
             seed: int = 0, after_phase: Callable[[str, dict], None] | None = None) -> dict:
    """Every path once (uncached), then all again in another order (cached). `after_phase(name,
    result)`, when given, runs after each phase (the benchmark samples the server's CPU there)."""
    base_url = base_url.rstrip("/")
    first = _phase(base_url, list(paths), concurrency, timeout)
    if after_phase:
        after_phase("uncached", first)
    again = list(paths)
    random.Random(seed).shuffle(again)
    repeat = _phase(base_url, again, concurrency, timeout)
    if after_phase:
        after_phase("cached", repeat)
    return {"distinct_paths": len(paths), "concurrency": concurrency, "uncached": first, "cached": repeat,
            "errors": first["errors"] + repeat["errors"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("base_url")
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--distinct", type=int, default=400, help="distinct filtered paths (each requested twice)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    print(json.dumps(run_load(args.base_url, filter_paths(args.distinct, args.seed), args.concurrency,
                              seed=args.seed), indent=2))


if __name__ == "__main__":
    main()
