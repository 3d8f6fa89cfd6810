"""`make bench`: one run that measures the whole pipeline, with every ratio taken against a
baseline measured in the same run, on the same synthetic texts (`sitrep.synth`).

    .venv/bin/python benchmarks/run.py                     # default sizes: ~10 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --rss-articles 5000  # the 5,000-article memory check
    .venv/bin/python benchmarks/run.py --only throughput,cluster --articles 100

Measured (each step is independent; a step whose module is missing reports "not available"):
  throughput  bare spaCy `nlp.pipe` vs sitrep extract (ratio), and with/without event coding
  memory      peak RSS of a streamed extract of N articles (a separate process)
  ingest      `sitrep ingest` (extract + store + link) vs extract alone (ratio)
  cluster     1 local process vs a LocalCluster of 2 workers (speed-up), peak RSS per worker,
              and a projection for 1 million articles on N workers
  linking     event linking at 10k and 100k synthetic events (growth factor)
  api         p95 latency of the event list and overview under 20 concurrent clients

Writes benchmarks/results.json and benchmarks/results.md (the latest measurement, committed).
Timings on a shared machine are noisy: ratios come from runs made back to back, the best of
`--rounds` rounds for the throughput trio, and the load average is recorded next to them.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import resource
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
STEPS = ("throughput", "memory", "ingest", "cluster", "linking", "api")
AIMS = {
    "sitrep_vs_spacy": 0.7,          # sitrep throughput >= 0.7x bare spaCy
    "event_cost": 0.20,              # event coding adds <= 20%
    "rss_mb": 600,                   # peak RSS of a streamed extract / of a worker
    "ingest_vs_extract": 0.85,       # ingest throughput >= 0.85x extract alone
    "cluster_speedup": 1.7,          # 2 workers vs 1 process on a 2-core machine
    "api_p95_ms": None,              # reported; the web issue sets no hard number
}


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def consume(it) -> int:
    n = 0
    for _ in it:
        n += 1
    return n


def maxrss_mb() -> float:
    """Peak RSS of this process (Linux reports ru_maxrss in KiB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


@contextlib.contextmanager
def events_off():
    """The pipeline without event coding: the baseline of the event-coding cost."""
    from sitrep import pipeline

    saved = pipeline.code_events
    pipeline.code_events = lambda an: []
    try:
        yield
    finally:
        pipeline.code_events = saved


# ------------------------------------------------------------------------------------ steps

def cpu_timed(fn: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds of this process, value): CPU time barely moves when other
    processes load the machine, so single-process ratios are taken on it."""
    w0, c0 = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - w0, time.process_time() - c0, value


def bench_throughput(args, ctx) -> dict:
    """The trio, interleaved slice by slice so that load from other processes hits all three alike."""
    from sitrep.nlp import get_nlp
    from sitrep.pipeline import extract_many
    from sitrep.synth import generate

    arts = list(generate(args.articles, args.seed))
    words = sum(len(a.text.split()) for a in arts)
    nlp = get_nlp()
    consume(extract_many(list(generate(8, args.seed + 99))))       # warm caches, gazetteers, lexicons
    consume(nlp.pipe((a.text for a in arts[:8]), batch_size=16))

    def spacy(chunk):
        return consume(nlp.pipe((a.text for a in chunk), batch_size=16))

    def sitrep(chunk):
        return consume(extract_many(chunk))

    def sitrep_no_events(chunk):
        with events_off():
            return consume(extract_many(chunk))

    runs = {"spacy": spacy, "sitrep": sitrep, "sitrep_no_events": sitrep_no_events}
    wall = {k: [0.0] * args.rounds for k in runs}
    cpu = {k: [0.0] * args.rounds for k in runs}
    slice_size = 32
    for r in range(args.rounds):
        for i in range(0, len(arts), slice_size):
            chunk = arts[i:i + slice_size]
            names = list(runs)
            names = names[(i // slice_size) % 3:] + names[:(i // slice_size) % 3]   # rotate the order
            for name in names:
                w, c, _ = cpu_timed(lambda: runs[name](chunk))
                wall[name][r] += w
                cpu[name][r] += c
        log(f"throughput round {r + 1}: " + ", ".join(f"{k} {wall[k][r]:.1f}s wall / {cpu[k][r]:.1f}s cpu" for k in runs))
    best_cpu = {k: min(v) for k, v in cpu.items()}
    best_wall = {k: min(v) for k, v in wall.items()}
    ctx["extract_cpu_seconds_per_article"] = best_cpu["sitrep"] / len(arts)
    return {
        "articles": len(arts), "words_per_article": round(words / len(arts)), "rounds": args.rounds,
        "method": "interleaved 32-article slices, best round; ratios on process CPU time",
        "cpu_seconds": {k: round(v, 2) for k, v in best_cpu.items()},
        "wall_seconds": {k: round(v, 2) for k, v in best_wall.items()},
        "articles_per_s": {k: round(len(arts) / v, 2) for k, v in best_cpu.items()},
        "words_per_s": {k: round(words / v) for k, v in best_cpu.items()},
        "sitrep_vs_spacy": round(best_cpu["spacy"] / best_cpu["sitrep"], 3),
        "event_cost": round(best_cpu["sitrep"] / best_cpu["sitrep_no_events"] - 1, 3),
        "sitrep_vs_spacy_wall": round(best_wall["spacy"] / best_wall["sitrep"], 3),
    }


_RSS_CHILD = r"""
import json, os, resource, sys, time
import psutil
from sitrep.pipeline import extract_many
from sitrep.readers import read_inputs
path, total = sys.argv[1], int(sys.argv[2])
proc = psutil.Process()
samples, n, errors = [], 0, 0
t0 = time.perf_counter()
with open(os.devnull, "w") as out:
    for r in extract_many(read_inputs([path])):
        out.write(json.dumps(r.to_json()) + "\n")
        n += 1
        if n % max(1, total // 10) == 0:
            samples.append([n, round(proc.memory_info().rss / 2**20, 1)])
print(json.dumps({"n": n, "seconds": time.perf_counter() - t0, "samples": samples,
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def bench_memory(args, ctx) -> dict:
    from sitrep.synth import write_corpus

    path = write_corpus(args.rss_articles, ctx["tmp"] / "rss", seed=args.seed + 1, format="jsonl")
    log(f"memory: streamed extract of {args.rss_articles} articles in a separate process")
    proc = subprocess.run([sys.executable, "-c", _RSS_CHILD, str(path), str(args.rss_articles)],
                          capture_output=True, text=True, timeout=args.timeout)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "child failed")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    samples = out["samples"]
    return {
        "articles": out["n"], "input": "one JSONL file, read and extracted as a stream (workers=1)",
        "seconds": round(out["seconds"], 1), "articles_per_s": round(out["n"] / out["seconds"], 2),
        "peak_rss_mb": out["peak_rss_mb"], "rss_mb_by_articles": samples,
        "rss_growth_mb_first_to_last_sample": round(samples[-1][1] - samples[0][1], 1) if samples else None,
    }


def _run_cli(argv: list[str], stdout_path: Path | None = None) -> tuple[float, float]:
    """Run `sitrep ...` as a user does (a fresh process: model load, reading, writing included).
    Returns (wall seconds, CPU seconds of the process and all its children, e.g. pool workers)."""
    exe = Path(sys.executable).with_name("sitrep")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "sitrep.cli"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with open(stdout_path or os.devnull, "w", encoding="utf-8") as out:
        proc = subprocess.run(cmd + argv, stdout=out, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "SITREP_PROGRESS": "0"})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"`sitrep {' '.join(argv[:2])}` exited {proc.returncode}: {proc.stderr.strip()[-300:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_ingest(args, ctx) -> dict:
    """`sitrep ingest` vs `sitrep extract`, both run as the CLI commands a user types, on the same
    JSONL file with the same worker count (the CLI default, 1): ingest extracts in a child process
    while the parent stores and links, so its throughput is compared on wall clock. Rounds are
    interleaved (extract, ingest, extract, ...) and the best of each is kept, so load from other
    processes hits both alike. CPU seconds (all processes) are reported alongside, and the storage
    cost alone (`ingest_records` on already extracted records, in this process) per article."""
    try:
        from sitrep.record import Record
        from sitrep.store import open_db
        from sitrep.store.ingest import ingest_records
    except ImportError as exc:
        return {"available": False, "why": f"store not available ({exc})"}
    from sitrep.synth import generate, write_jsonl

    workers = 1
    src = ctx["tmp"] / "ingest_input.jsonl"
    n = write_jsonl(generate(args.ingest_articles, args.seed + 2), src)
    records_path = ctx["tmp"] / "ingest_records.jsonl"
    runs: dict[str, list[tuple[float, float]]] = {"extract": [], "ingest": []}
    load = [round(os.getloadavg()[0], 2)]
    for r in range(max(1, args.rounds)):
        log(f"ingest: round {r + 1}: sitrep extract --workers {workers} ({n} articles)")
        runs["extract"].append(_run_cli(["extract", str(src), "--workers", str(workers), "--with-text"],
                                        stdout_path=records_path))
        db = ctx["tmp"] / f"ingest_{r}.db"
        log(f"ingest: round {r + 1}: sitrep ingest --workers {workers}")
        runs["ingest"].append(_run_cli(["ingest", str(src), "--workers", str(workers), "--db", f"sqlite:///{db}",
                                        "--no-progress"]))
    load.append(round(os.getloadavg()[0], 2))
    best = {k: min(v) for k, v in runs.items()}            # best wall, with its CPU
    records = [Record.from_json(json.loads(line)) for line in records_path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    store = open_db(f"sqlite:///{ctx['tmp'] / 'store_only.db'}")
    import datasketch  # noqa: F401  (imported lazily by the store; its import is not storage cost)
    w_store, t_store, counters = cpu_timed(lambda: ingest_records(store, records, inputs=["bench"]))
    store.engine.dispose()
    return {
        "available": True, "articles": n, "database": "SQLite (file)", "workers": workers,
        "method": "the CLI commands as subprocesses (model load included in both), best wall of "
                  f"{len(runs['ingest'])} interleaved rounds; ratio on wall clock",
        "commands": [f"sitrep extract FILE.jsonl --workers {workers} --with-text > records.jsonl",
                     f"sitrep ingest FILE.jsonl --workers {workers} --db sqlite:///DB --no-progress"],
        "wall_seconds": {"extract": round(best["extract"][0], 2), "ingest": round(best["ingest"][0], 2),
                         "all_rounds": {k: [round(w, 2) for w, _ in v] for k, v in runs.items()}},
        "cpu_seconds_all_processes": {"extract": round(best["extract"][1], 2), "ingest": round(best["ingest"][1], 2)},
        "articles_per_s": {"extract": round(n / best["extract"][0], 2), "ingest": round(n / best["ingest"][0], 2)},
        "ingest_vs_extract": round(best["extract"][0] / best["ingest"][0], 3),
        "ingest_vs_extract_cpu": round(best["extract"][1] / best["ingest"][1], 3),
        "store_only": {"records": len(records), "cpu_seconds": round(t_store, 2), "wall_seconds": round(w_store, 2),
                       "cpu_ms_per_article": round(t_store / max(1, len(records)) * 1000, 1)},
        "loadavg_1min_before_after": load,
        "counters": {k: v for k, v in (counters or {}).items() if isinstance(v, (int, float))},
    }


def _cpu_times() -> float:
    t = os.times()
    return t.user + t.system


def bench_cluster(args, ctx) -> dict:
    from distributed import Client

    from sitrep.pipeline import extract_many
    from sitrep.readers import read_inputs
    from sitrep.scale import extract_on_dask, local_cluster
    from sitrep.synth import generate, write_txt

    folder = ctx["tmp"] / "cluster"
    write_txt(generate(args.cluster_articles, args.seed + 3), folder)
    warm = ctx["tmp"] / "cluster_warm"
    write_txt(generate(4, args.seed + 4), warm)
    consume(extract_many(read_inputs([warm])))
    log(f"cluster: 1 local process on {args.cluster_articles} articles")
    load_before = os.getloadavg()[0]
    c0 = _cpu_times()
    t_local, n_local = timed(lambda: consume(extract_many(read_inputs([folder]))))
    cpu_local = _cpu_times() - c0
    log(f"cluster: starting a LocalCluster of {args.workers} worker processes")
    t0 = time.perf_counter()
    cluster = local_cluster(args.workers)
    client = Client(cluster)
    try:
        consume(extract_on_dask([warm], client=client, progress=False))   # workers load spaCy here
        startup = time.perf_counter() - t0
        log(f"cluster: {args.workers} workers on {args.cluster_articles} articles")
        w0 = client.run(_cpu_times)
        t_cluster, n_cluster = timed(lambda: consume(extract_on_dask(
            [folder], client=client, progress=False, partition_size=args.partition_size)))
        w1 = client.run(_cpu_times)
        worker_rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    finally:
        client.close()
        cluster.close()
    load_after = os.getloadavg()[0]
    cpu_workers = sum(w1[k] - w0[k] for k in w1 if k in w0)
    speedup = t_local / t_cluster
    per_worker_wall = n_cluster / t_cluster / args.workers
    per_worker_cpu = n_cluster / cpu_workers if cpu_workers else None     # a dedicated core per worker
    projection = {str(n): round(1_000_000 / (per_worker_cpu * n) / 3600, 1) if per_worker_cpu else None
                  for n in (2, 8, 32, 128)}
    projection_wall = {str(n): round(1_000_000 / (per_worker_wall * n) / 3600, 1) for n in (2, 8, 32, 128)}
    return {
        "articles": n_cluster, "workers": args.workers, "partition_size": args.partition_size,
        "seconds": {"local_1_process": round(t_local, 2), f"cluster_{args.workers}_workers": round(t_cluster, 2),
                    "cluster_startup_incl_model_load": round(startup, 2)},
        "articles_per_s": {"local_1_process": round(n_local / t_local, 2),
                           f"cluster_{args.workers}_workers": round(n_cluster / t_cluster, 2)},
        "speedup": round(speedup, 3),
        "cpu_seconds": {"local_1_process": round(cpu_local, 2), "workers_total": round(cpu_workers, 2)},
        "dask_cpu_overhead": round(cpu_workers / cpu_local - 1, 3) if cpu_local else None,
        "speedup_on_idle_cores_estimate": round(args.workers * cpu_local / cpu_workers, 3) if cpu_workers else None,
        "worker_cpu_utilisation": round(cpu_workers / (t_cluster * args.workers), 3),
        "loadavg_1min_before_after": [round(load_before, 2), round(load_after, 2)],
        "per_worker_articles_per_s": round(per_worker_wall, 2),
        "per_worker_articles_per_cpu_s": round(per_worker_cpu, 2) if per_worker_cpu else None,
        "peak_rss_mb_per_worker": sorted(round(v, 1) for v in worker_rss.values()),
        "projection_hours_1M_articles_by_workers": projection,
        "projection_hours_1M_articles_by_workers_at_measured_wall_rate": projection_wall,
        "projection_basis": "measured worker CPU seconds per article (a dedicated core per worker), "
                            "times N workers, linear; partition size as above, start-up excluded",
    }


def bench_linking(args, ctx) -> dict:
    """`link_events` (bulk re-clustering) on fresh synthetic corpora of each size. SQLite runs in
    this process, so process CPU time covers the whole link; the growth factor is taken on it
    (wall clock moves with the load other processes put on the machine; reported alongside)."""
    try:
        from sitrep.store import open_db
        from sitrep.store.link import link_events
        from sitrep.store.synthetic import bulk_insert_events
    except ImportError as exc:
        return {"available": False, "why": f"linking not available ({exc})"}
    out: dict[str, Any] = {"available": True, "database": "SQLite (file)", "sizes": {},
                           "method": "one link of a fresh database per size; growth on process CPU time"}
    for n in args.link_sizes:
        db = ctx["tmp"] / f"link_{n}.db"
        store = open_db(f"sqlite:///{db}")
        log(f"linking: inserting {n} synthetic events")
        t_insert, _ = timed(lambda: bulk_insert_events(store, n, seed=args.seed))
        log(f"linking: linking {n} events")
        t_link, cpu_link, stats = cpu_timed(lambda: link_events(store))
        out["sizes"][str(n)] = {"insert_s": round(t_insert, 2), "link_s": round(t_link, 2),
                                "link_cpu_s": round(cpu_link, 2),
                                "load_s": round(stats.get("load_s", 0), 2),
                                "cluster_s": round(stats.get("cluster_s", 0), 2),
                                "write_s": round(stats.get("write_s", 0), 2),
                                "clusters": stats.get("clusters"), "disputes": stats.get("disputes"),
                                "us_per_event": round(t_link / n * 1e6, 1),
                                "cpu_us_per_event": round(cpu_link / n * 1e6, 1)}
        ctx["api_db"] = db
        store.engine.dispose()
    sizes = sorted(args.link_sizes)
    if len(sizes) >= 2:
        a, b = out["sizes"][str(sizes[0])], out["sizes"][str(sizes[-1])]
        out["growth_factor"] = round(b["link_cpu_s"] / a["link_cpu_s"], 2)
        out["growth_factor_wall"] = round(b["link_s"] / a["link_s"], 2)
        out["growth_factor_clustering"] = round(b["cluster_s"] / a["cluster_s"], 2) if a["cluster_s"] else None
        out["size_factor"] = round(sizes[-1] / sizes[0], 2)
        out["growth_vs_linear"] = round(out["growth_factor"] / out["size_factor"], 2)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_api(args, ctx) -> dict:
    try:
        sys.path.insert(0, str(ROOT))
        from benchmarks.web_load import run_load
        import sitrep.web.app  # noqa: F401
    except ImportError as exc:
        return {"available": False, "why": f"web app or load script not available ({exc})"}
    db = ctx.get("api_db")
    if db is None:
        from sitrep.store import open_db
        from sitrep.store.synthetic import bulk_insert_events

        db = ctx["tmp"] / "api.db"
        store = open_db(f"sqlite:///{db}")
        bulk_insert_events(store, max(args.link_sizes), seed=args.seed, link=True)
        store.engine.dispose()
    port = _free_port()
    exe = Path(sys.executable).parent / "sitrep"
    server = subprocess.Popen([str(exe), "serve", "--db", f"sqlite:///{db}", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(base + "/api/events?limit=1", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.time() > deadline:
                raise RuntimeError(f"sitrep serve did not start: {(server.stderr.read() or '').strip()[-300:]}")
            time.sleep(0.3)
        log(f"api: {args.api_requests} requests from 20 concurrent clients")
        res = run_load(base, concurrency=20, requests=args.api_requests)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    res["available"] = True
    res["events_in_db"] = max(args.link_sizes) if ctx.get("api_db") else None
    return res


BENCHES = {"throughput": bench_throughput, "memory": bench_memory, "ingest": bench_ingest,
           "cluster": bench_cluster, "linking": bench_linking, "api": bench_api}


# ------------------------------------------------------------------------------------ report

def _mark(value, aim, higher_is_better=True) -> str:
    if value is None or aim is None:
        return ""
    ok = value >= aim if higher_is_better else value <= aim
    return "met" if ok else "NOT met"


def render_md(res: dict) -> str:
    m = res["meta"]
    lines = [
        "# sitrep benchmark — latest measurement", "",
        f"`{m['command']}` on {m['date']} — {m['cpus']} CPUs, load average at start {m['loadavg']}, "
        f"Python {m['python']}, spaCy {m['spacy']}, commit `{m['commit']}`. Synthetic corpus "
        f"(`sitrep.synth`, seed {m['seed']}). Ratios are against baselines measured in the same run.", "",
        "| measurement | value | aim | |", "|---|---|---|---|",
    ]

    def row(what, value, aim="", mark=""):
        lines.append(f"| {what} | {value} | {aim} | {mark} |")

    t = res.get("throughput", {})
    if "articles_per_s" in t:
        a = t["articles_per_s"]
        row(f"bare spaCy `nlp.pipe` ({t['articles']} articles, ~{t['words_per_article']} words; per CPU-second)",
            f"{a['spacy']} articles/s")
        row("sitrep extract", f"{a['sitrep']} articles/s")
        row("sitrep / bare spaCy throughput", f"{t['sitrep_vs_spacy']}x", ">= 0.7x",
            _mark(t["sitrep_vs_spacy"], AIMS["sitrep_vs_spacy"]))
        row("event coding cost (with vs without events)", f"{t['event_cost'] * 100:+.1f}%", "<= +20%",
            _mark(t["event_cost"], AIMS["event_cost"], higher_is_better=False))
    mem = res.get("memory", {})
    if "peak_rss_mb" in mem:
        row(f"peak RSS, streamed extract of {mem['articles']} articles", f"{mem['peak_rss_mb']} MB",
            "< 600 MB (5,000 articles)", _mark(mem["peak_rss_mb"], AIMS["rss_mb"], higher_is_better=False))
        row("RSS growth from first to last 10% sample", f"{mem['rss_growth_mb_first_to_last_sample']} MB", "flat")
    ing = res.get("ingest", {})
    if ing.get("available"):
        row(f"ingest (extract + store + link, {ing['articles']} articles)", f"{ing['articles_per_s']['ingest']} articles/s")
        row("ingest / extract alone throughput", f"{ing['ingest_vs_extract']}x", ">= 0.85x",
            _mark(ing["ingest_vs_extract"], AIMS["ingest_vs_extract"]))
    elif ing:
        row("ingest vs extract", "not available", ">= 0.85x", ing.get("why", ""))
    cl = res.get("cluster", {})
    if "speedup" in cl:
        aps = cl["articles_per_s"]
        row(f"1 local process ({cl['articles']} articles)", f"{aps['local_1_process']} articles/s")
        key = f"cluster_{cl['workers']}_workers"
        row(f"LocalCluster, {cl['workers']} workers", f"{aps[key]} articles/s")
        row(f"speed-up {cl['workers']} workers vs 1 process", f"{cl['speedup']}x", ">= 1.7x",
            _mark(cl["speedup"], AIMS["cluster_speedup"]))
        row("peak RSS per worker", ", ".join(f"{v} MB" for v in cl["peak_rss_mb_per_worker"]), "<= 600 MB",
            _mark(max(cl["peak_rss_mb_per_worker"]), AIMS["rss_mb"], higher_is_better=False))
        row("cluster start-up (incl. spaCy load on workers)", f"{cl['seconds']['cluster_startup_incl_model_load']} s")
        row("Dask CPU overhead per article (workers vs 1 process)", f"{cl['dask_cpu_overhead'] * 100:+.1f}%")
        row("speed-up expected on idle cores (workers x local CPU / worker CPU per article)",
            f"{cl['speedup_on_idle_cores_estimate']}x", ">= 1.7x", _mark(cl["speedup_on_idle_cores_estimate"], AIMS["cluster_speedup"]))
        row("worker CPU utilisation during the run", f"{cl['worker_cpu_utilisation'] * 100:.0f}% "
            f"(load average {cl['loadavg_1min_before_after'][0]} -> {cl['loadavg_1min_before_after'][1]}: "
            f"below ~95% means other processes took the cores)")
    lk = res.get("linking", {})
    if lk.get("available"):
        for n, v in lk["sizes"].items():
            row(f"linking {int(n):,} events", f"{v['link_s']} s ({v['us_per_event']} µs/event, {v['clusters']} clusters)")
        if "growth_factor" in lk:
            row(f"linking growth for {lk['size_factor']}x the events", f"{lk['growth_factor']}x "
                f"({lk['growth_vs_linear']} of linear)", "near-linear", "met" if lk["growth_vs_linear"] <= 1.5 else "NOT met")
    elif lk:
        row("linking", "not available", "", lk.get("why", ""))
    api = res.get("api", {})
    if api.get("available"):
        row(f"API p95, 20 concurrent clients, {api.get('events_in_db') or '?'} events",
            f"{api['p95']} ms (p50 {api['p50']} ms, {api['rps']} req/s, {api['errors']} errors)", "0 errors",
            "met" if api["errors"] == 0 else "NOT met")
        for path, v in api.get("per_path", {}).items():
            row(f"  p95 `{path}`", f"{v['p95']} ms (n={v['n']})")
    elif api:
        row("API p95 under load", "not available", "", api.get("why", ""))
    for name in STEPS:
        if isinstance(res.get(name), dict) and "error" in res[name]:
            row(f"{name}", "FAILED", "", res[name]["error"][:120].replace("|", "/"))
    if "projection_hours_1M_articles_by_workers" in cl:
        lines += ["", "## Projection: 1 million articles", "",
                  f"Per worker: {cl['per_worker_articles_per_cpu_s']} articles per CPU-second measured on the "
                  f"workers ({cl['projection_basis']}); the second column uses the wall-clock rate this "
                  f"shared machine actually gave ({cl['per_worker_articles_per_s']} articles/s per worker).", "",
                  "| workers | hours (dedicated cores) | hours (at this run's wall rate) |", "|---|---|---|"]
        for n, h in cl["projection_hours_1M_articles_by_workers"].items():
            lines.append(f"| {n} | {h} | {cl['projection_hours_1M_articles_by_workers_at_measured_wall_rate'][n]} |")
        lines += ["", "Assumes the scheduler keeps up (1M articles = ~31k tasks at 32 articles per "
                  "partition, well within what one Dask scheduler handles) and that ingest is done by "
                  "Parquet shards or a database that accepts the write rate."]
    lines += ["", "Reproduce: `make bench` (options: `.venv/bin/python benchmarks/run.py --help`). "
              "Raw numbers: `benchmarks/results.json`.", ""]
    return "\n".join(lines)


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip() or "unknown"
    except Exception:
        return "unknown"


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description="sitrep benchmark suite (make bench)")
    ap.add_argument("--articles", type=int, default=150, help="articles for the spaCy/sitrep/events trio")
    ap.add_argument("--rounds", type=int, default=2, help="rounds of the trio (best is kept)")
    ap.add_argument("--rss-articles", type=int, default=1000, help="articles for the peak-RSS run (aim is for 5000)")
    ap.add_argument("--ingest-articles", type=int, default=150)
    ap.add_argument("--cluster-articles", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=16)
    ap.add_argument("--link-sizes", type=lambda s: [int(x) for x in s.split(",")], default=[10_000, 100_000])
    ap.add_argument("--api-requests", type=int, default=1000)
    ap.add_argument("--only", type=lambda s: s.split(","), default=list(STEPS), help=f"subset of {','.join(STEPS)}")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--timeout", type=int, default=3600, help="limit for the memory child process (s)")
    ap.add_argument("--out", type=Path, default=HERE, help="folder for results.md / results.json")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    unknown = set(args.only) - set(STEPS)
    if unknown:
        print(f"error: unknown step(s) {', '.join(sorted(unknown))}; choose from {', '.join(STEPS)}", file=sys.stderr)
        return 2
    import spacy

    res: dict[str, Any] = {"meta": {
        "command": " ".join(["benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]),
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(), "spacy": spacy.__version__, "commit": git_commit(),
        "seed": args.seed, "platform": platform.platform(),
    }}
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        ctx: dict[str, Any] = {"tmp": Path(tmp)}
        for name in STEPS:
            if name not in args.only:
                continue
            log(f"{name} ...")
            t0 = time.perf_counter()
            try:
                res[name] = BENCHES[name](args, ctx)
            except Exception as exc:  # one broken step must not lose the others' numbers
                traceback.print_exc()
                res[name] = {"error": f"{type(exc).__name__}: {exc}"}
            res[name]["step_seconds"] = round(time.perf_counter() - t0, 1)
            log(f"{name}: {json.dumps(res[name])[:400]}")
            (args.out / "results.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    res["meta"]["driver_peak_rss_mb"] = maxrss_mb()
    (args.out / "results.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(render_md(res), encoding="utf-8")
    print(render_md(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
