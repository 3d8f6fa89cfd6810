"""`make bench`: the whole pipeline measured the way a skeptic would re-measure it.

    .venv/bin/python benchmarks/run.py                        # default sizes: ~12 minutes on 2 cores
    .venv/bin/python benchmarks/run.py --only commands,cluster --articles 100
    .venv/bin/python benchmarks/run.py --rss-articles 5000     # the 5,000-article memory check

Method (benchmarks/method.py): the commands a user types, as fresh processes, with the CLI
defaults and the database included; variants interleaved (A B A B ..., the order rotated every
round) and the median of the per-round ratios reported, wall clock and CPU time both; the
baseline is spaCy alone (`spacy.load` of the same model, nothing added:
benchmarks/bare_spacy.py); every figure carries its command, its load average and the commit.
Figures that are estimates say so and carry no "met".

Steps (each independent; `--only` picks some):
  throughput  in one process, slice by slice: bare spaCy, sitrep extract, sitrep without event
              coding; the share of event coding in extraction time
  commands    `sitrep extract FILE.jsonl` and `sitrep ingest FILE.jsonl --db DB` against the bare
              baseline, whole processes, on N articles and on one article (start-up)
  store       storing alone: `ingest_records` of already extracted records (ms per article)
  memory      peak RSS of a streamed extract of N articles
  cluster     `sitrep ingest --cluster local:2` against `sitrep ingest`, on one JSONL file and on
              a folder of files; the 1-million-article projection with the store's write rate
  linking     event linking at 10k and 100k synthetic events (growth factor)
  api         latency under 20 concurrent clients over many distinct filters, uncached and cached
  cli         `sitrep events` as a fresh process (the fast front, and through Typer) beyond its query

Writes benchmarks/results.json and benchmarks/results.md (the latest measurement, committed, with
the previous method's table kept below it for comparison).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from benchmarks.method import (COMMIT, Figure, Run, interleaved, load_of, loadavg, log, median,  # noqa: E402
                               median_ratio, run_command, sitrep_exe, spread, timed_in_process, verdict,
                               vm_hwm_mb)

STEPS = ("throughput", "commands", "store", "memory", "cluster", "linking", "api", "cli")


def consume(it) -> int:
    n = 0
    for _ in it:
        n += 1
    return n


def _corpus_jsonl(ctx, name: str, n: int, seed: int) -> Path:
    from sitrep.synth import generate, write_jsonl

    path = ctx["tmp"] / f"{name}.jsonl"
    if not path.exists():
        write_jsonl(generate(n, seed), path)
    return path


# ------------------------------------------------------------------------------------ throughput

def _no_events():
    """The pipeline without event coding (the baseline of event coding's share)."""
    import contextlib

    from sitrep import pipeline

    @contextlib.contextmanager
    def off():
        saved = pipeline.code_events
        pipeline.code_events = lambda *a, **k: []
        try:
            yield
        finally:
            pipeline.code_events = saved
    return off()


def bench_throughput(args, ctx) -> dict:
    """Bare spaCy, sitrep, sitrep without events: each slice of articles through all three in a
    rotated order; ratios taken per slice (same texts, same moment), medians reported."""
    from sitrep.nlp import MODEL, load_model
    from sitrep.run.local import extract_many
    from sitrep.synth import generate

    arts = list(generate(args.articles, args.seed))
    bare = load_model(MODEL)                     # nothing added
    consume(extract_many(list(generate(8, args.seed + 99))))      # warm sitrep's caches
    consume(bare.pipe((a.text for a in arts[:8]), batch_size=16))

    def no_events(chunk):
        with _no_events():
            return consume(extract_many(chunk))

    variants = {"spacy": lambda c: consume(bare.pipe((a.text for a in c), batch_size=16)),
                "sitrep": lambda c: consume(extract_many(c)), "sitrep_no_events": no_events}
    runs: dict[str, list[Run]] = {k: [] for k in variants}
    size = 15
    slices = [arts[i:i + size] for i in range(0, len(arts), size)] * args.rounds
    for k, chunk in enumerate(slices):
        names = list(variants)[k % 3:] + list(variants)[:k % 3]
        for name in names:
            runs[name].append(timed_in_process(lambda: variants[name](chunk)))
    n = len(arts) * args.rounds
    share = [(s.cpu - e.cpu) / s.cpu for s, e in zip(runs["sitrep"], runs["sitrep_no_events"]) if s.cpu]
    cpu_per_article = sum(r.cpu for r in runs["sitrep"]) / n
    ctx["extract_cpu_s_per_article"] = cpu_per_article
    load = load_of(*runs.values())
    method = f"one process, {len(slices)} interleaved slices of {size} articles, median of per-slice ratios"
    cmd = "benchmarks/run.py --only throughput"
    ratio_cpu, ratio_wall = median_ratio(runs, "spacy", "sitrep", "cpu"), median_ratio(runs, "spacy", "sitrep")
    figures = [
        Figure("sitrep extract throughput / bare spaCy `nlp.pipe`", f"{ratio_cpu}x CPU, {ratio_wall}x wall",
               cmd, method, load, ">= 0.7x", verdict(ratio_cpu, 0.7)),
        Figure("event coding's share of extraction time", f"{median(share) * 100:.1f}% of CPU",
               cmd, method, load, "<= 20%", verdict(median(share), 0.20, higher_is_better=False)),
        Figure("sitrep extract, CPU per article", f"{cpu_per_article * 1000:.0f} ms "
               f"({1 / cpu_per_article:.1f} articles per CPU-second)", cmd, method, load),
    ]
    return {"figures": [f.as_dict() for f in figures], "articles": len(arts), "rounds": args.rounds,
            "words_per_article": round(sum(len(a.text.split()) for a in arts) / len(arts)),
            "cpu_seconds": {k: round(sum(r.cpu for r in v), 2) for k, v in runs.items()},
            "wall_seconds": {k: round(sum(r.wall for r in v), 2) for k, v in runs.items()},
            "spacy_over_sitrep_cpu": ratio_cpu, "spacy_over_sitrep_wall": ratio_wall,
            "event_share_cpu": round(median(share), 3)}


# ------------------------------------------------------------------------------------ commands

def _command_variants(src: Path, ctx, tag: str) -> tuple[dict, dict[str, str]]:
    exe = sitrep_exe()
    records = ctx["tmp"] / f"records_{tag}.jsonl"
    bare = [sys.executable, str(HERE / "bare_spacy.py"), str(src)]
    extract = exe + ["extract", str(src), "--format", "jsonl", "--with-text"]

    def ingest_cmd(r: int) -> list[str]:
        return exe + ["ingest", str(src), "--db", f"sqlite:///{ctx['tmp'] / f'cmd_{tag}_{r}.db'}"]
    variants = {"bare_spacy": lambda r: run_command(bare),
                "extract": lambda r: run_command(extract, stdout=records),
                "ingest": lambda r: run_command(ingest_cmd(r))}
    shown = {"bare_spacy": f"python benchmarks/bare_spacy.py {src.name}",
             "extract": f"sitrep extract {src.name} --format jsonl --with-text > records.jsonl",
             "ingest": f"sitrep ingest {src.name} --db sqlite:///DB"}
    ctx[f"records_{tag}"] = records
    return variants, shown


def bench_commands(args, ctx) -> dict:
    """Whole processes as a user runs them, interleaved, on N articles and on one article."""
    out: dict[str, Any] = {"figures": []}
    for tag, n, rounds in (("many", args.articles, args.rounds + 1), ("one", 1, args.rounds + 1)):
        src = _corpus_jsonl(ctx, f"commands_{tag}", n, args.seed + 2)
        variants, shown = _command_variants(src, ctx, tag)
        log(f"commands: {n} article(s), {rounds} interleaved rounds of bare spaCy / extract / ingest")
        runs = interleaved(variants, rounds)
        load = load_of(*runs.values())
        method = f"{n} article(s), whole processes, {rounds} interleaved rounds, median of per-round ratios"
        out[tag] = {k: {"wall": spread(v), "cpu": spread(v, "cpu")} for k, v in runs.items()}
        if tag == "one":
            wall = median([r.wall for r in runs["extract"]])
            out["figures"].append(Figure(
                "one-article `sitrep extract` (start-up included)", f"{wall:.2f} s wall "
                f"(bare spaCy: {median([r.wall for r in runs['bare_spacy']]):.2f} s)", shown["extract"],
                method, load, "<= 2.0 s", verdict(wall, 2.0, higher_is_better=False)).as_dict())
            continue
        for a, b, what, aim in (("bare_spacy", "extract", "`sitrep extract` / bare spaCy (whole pipeline)", 0.7),
                                ("extract", "ingest", "`sitrep ingest` / `sitrep extract` (storage included)", 0.9)):
            cpu, wall = median_ratio(runs, a, b, "cpu"), median_ratio(runs, a, b)
            out["figures"].append(Figure(f"{what} throughput", f"{cpu}x CPU, {wall}x wall",
                                         f"{shown[b]}  vs  {shown[a]}", method, load, f">= {aim}x",
                                         verdict(cpu, aim)).as_dict())
            out[f"{a}_over_{b}"] = {"cpu": cpu, "wall": wall}
    return out


# ------------------------------------------------------------------------------------ store

def bench_store(args, ctx) -> dict:
    """Storing alone: `ingest_records` of records already extracted, into a fresh database."""
    from sitrep.record import Record
    from sitrep.store import open_db
    from sitrep.store.ingest import ingest_records

    path = ctx.get("records_many")
    if path is None or not Path(path).exists():
        src = _corpus_jsonl(ctx, "commands_many", args.articles, args.seed + 2)
        path = ctx["tmp"] / "records_many.jsonl"
        run_command(sitrep_exe() + ["extract", str(src), "--format", "jsonl", "--with-text"], stdout=path)
    records = [Record.from_json(json.loads(line)) for line in Path(path).read_text(encoding="utf-8").splitlines()
               if line.strip()]
    import datasketch  # noqa: F401  (the store imports it lazily; its import is not storage cost)

    runs = []
    for r in range(args.rounds + 1):
        store = open_db(f"sqlite:///{ctx['tmp'] / f'store_{r}.db'}")
        runs.append(timed_in_process(lambda: ingest_records(store, records, inputs=["bench"])))
        store.engine.dispose()
    n = len(records)
    statements = _statements_per_article(ctx, records)
    cpu_ms, wall_ms = median([x.cpu for x in runs]) / n * 1000, median([x.wall for x in runs]) / n * 1000
    ctx["store_wall_ms"], ctx["store_cpu_ms"] = wall_ms, cpu_ms
    method = f"{n} extracted records into a fresh SQLite file, {len(runs)} runs, median"
    fig = Figure("storing alone (store + link + copy detection), per article",
                 f"{cpu_ms:.1f} ms CPU, {wall_ms:.1f} ms wall ({1000 / wall_ms:.0f} articles/s for one writer; "
                 f"{statements:.1f} SQL statements per article)",
                 "ingest_records(store, records)  (what `sitrep ingest` does after extraction)",
                 method, load_of(runs), "<= 8 ms", verdict(cpu_ms, 8, higher_is_better=False))
    return {"figures": [fig.as_dict()], "records": n, "cpu_ms_per_article": round(cpu_ms, 2),
            "statements_per_article": round(statements, 1),
            "wall_ms_per_article": round(wall_ms, 2), "runs_wall_s": spread(runs)}


def _statements_per_article(ctx, records) -> float:
    """SQL statements the store sends per article (one more, separate run, counted by a hook)."""
    from sqlalchemy import event

    from sitrep.store import open_db
    from sitrep.store.ingest import ingest_records

    store = open_db(f"sqlite:///{ctx['tmp'] / 'store_count.db'}")
    seen = [0]

    def count(*_a, **_k):
        seen[0] += 1
    event.listen(store.engine, "before_cursor_execute", count)
    ingest_records(store, records, inputs=["bench"])
    store.engine.dispose()
    return seen[0] / max(1, len(records))


# ------------------------------------------------------------------------------------ memory

def bench_memory(args, ctx) -> dict:
    src = _corpus_jsonl(ctx, "rss", args.rss_articles, args.seed + 1)
    cmd = sitrep_exe() + ["extract", str(src), "--format", "jsonl"]
    log(f"memory: sitrep extract of {args.rss_articles} articles, RSS sampled")
    samples, peak, run = _sampled_rss(cmd)
    fig = Figure(f"peak RSS, `sitrep extract` of {args.rss_articles} articles (streamed)",
                 f"{peak:.0f} MB (growth over the last three quarters of the run: "
                 f"{samples[-1][1] - samples[len(samples) // 4][1]:+.0f} MB)"
                 if samples else f"{peak:.0f} MB", f"sitrep extract {src.name} --format jsonl > out.jsonl",
                 "one run; the command and every process below it (the extraction child, its forkserver) "
                 "sampled every 0.5 s; peak = the largest sum of their proportional set sizes (PSS: shared "
                 "pages split between the processes sharing them), or the largest one process's own "
                 "high-water mark (VmHWM) if that is higher", [run.load], "< 600 MB",
                 verdict(peak, 600, higher_is_better=False))
    return {"figures": [fig.as_dict()], "articles": args.rss_articles, "peak_rss_mb": peak,
            "rss_mb_by_time": samples, "seconds": round(run.wall, 1)}


def _tree_mb(ps) -> tuple[float, list]:
    """The summed PSS (MB) of a process and all its descendants, and those processes."""
    import psutil

    procs = [ps]
    try:
        procs += ps.children(recursive=True)
    except psutil.Error:
        pass
    total = 0.0
    for p in procs:
        try:
            info = p.memory_full_info()
            total += getattr(info, "pss", info.rss)
        except psutil.Error:
            continue
    return total / 2**20, procs


def _sampled_rss(cmd: list[str]) -> tuple[list, float, Run]:
    """[[seconds, MB], ...] every half second for the whole process tree (the command, its
    extraction child and forkserver: `sitrep extract` runs the articles in a child when the
    budget has a time limit), the peak, and the run. Measuring the command's own process alone
    would show only the thin parent (about 37 MB)."""
    import psutil

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "SITREP_PROGRESS": "0"})
    ps = psutil.Process(proc.pid)
    samples: list = []
    peak, hwm = 0.0, {}
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        try:
            mb, procs = _tree_mb(ps)
            samples.append([round(time.perf_counter() - t0, 1), round(mb, 1)])
            peak = max(peak, mb)
            for p in procs:
                hwm[p.pid] = vm_hwm_mb(p.pid) or hwm.get(p.pid, 0.0)
        except psutil.Error:
            pass
        time.sleep(0.5)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"`sitrep extract` exited {proc.returncode}")
    wall = time.perf_counter() - t0
    peak = max([peak] + list(hwm.values()))
    return samples, peak, Run(wall, 0.0, peak, loadavg())


# ------------------------------------------------------------------------------------ cluster

def bench_cluster(args, ctx) -> dict:
    """`sitrep ingest --cluster local:N` against `sitrep ingest`, both with the CLI defaults and a
    database, on one JSONL file and on a folder of .txt files."""
    from sitrep.synth import generate, write_txt

    one = _corpus_jsonl(ctx, "cluster_one", args.cluster_articles, args.seed + 3)
    many = ctx["tmp"] / "cluster_many"
    write_txt(generate(args.cluster_articles, args.seed + 3), many)
    exe = sitrep_exe()
    out: dict[str, Any] = {"figures": [], "articles": args.cluster_articles, "workers": args.workers}
    for tag, src, shown in (("one_file", one, one.name), ("many_files", many, "FOLDER/")):
        def db(r, kind):
            return f"sqlite:///{ctx['tmp'] / f'cl_{tag}_{kind}_{r}.db'}"
        variants = {"local": lambda r: run_command(exe + ["ingest", str(src), "--db", db(r, "local")]),
                    "cluster": lambda r: run_command(exe + ["ingest", "--cluster", f"local:{args.workers}",
                                                            str(src), "--db", db(r, "cluster")])}
        log(f"cluster: {tag}, {args.cluster_articles} articles, {args.rounds} interleaved rounds")
        runs = interleaved(variants, args.rounds)
        wall, cpu = median_ratio(runs, "local", "cluster"), median_ratio(runs, "local", "cluster", "cpu")
        out[tag] = {k: {"wall": spread(v), "cpu": spread(v, "cpu")} for k, v in runs.items()}
        out[tag]["speedup_wall"], out[tag]["cpu_ratio"] = wall, cpu
        method = (f"{args.cluster_articles} articles, whole processes (cluster start-up and storage "
                  f"included), {args.rounds} interleaved rounds, median of per-round ratios")
        out["figures"].append(Figure(
            f"speed-up of `--cluster local:{args.workers}`, {tag.replace('_', ' ')}",
            f"{wall}x wall (CPU spent: {1 / cpu if cpu else float('nan'):.2f}x the local run's)",
            f"sitrep ingest --cluster local:{args.workers} {shown} --db DB  vs  sitrep ingest {shown} --db DB",
            method, load_of(*runs.values()), ">= 1.7x (2 idle cores)", verdict(wall, 1.7)).as_dict())
    out["projection"] = _projection(args, ctx, out)
    return out


def _projection(args, ctx, out) -> dict:
    """1M articles on N workers: extraction scales with N, storing does not (one writer)."""
    store_ms, extract_s = ctx.get("store_wall_ms"), ctx.get("extract_cpu_s_per_article")
    if not store_ms or not extract_s:
        return {"available": False, "why": "needs the throughput and store steps"}
    store_rate = 1000 / store_ms
    rows = {}
    for n in (2, 8, 32, 128):
        rate = min(n / extract_s, store_rate)
        rows[str(n)] = {"hours": round(1_000_000 / rate / 3600, 1),
                        "limit": "store (one writer)" if rate == store_rate else "extraction"}
    out["figures"].append(Figure(
        "1M articles: the ceiling one database writer puts on any number of workers",
        f"{store_rate:.0f} articles/s = {1_000_000 / store_rate / 3600:.1f} h; a worker extracts "
        f"{1 / extract_s:.1f} articles per CPU-second, so beyond {store_rate * extract_s:.0f} workers "
        "they wait on the writer", "estimate from the throughput and store figures",
        "estimate: no verdict").as_dict())
    return {"available": True, "extract_cpu_s_per_article": round(extract_s, 4),
            "store_articles_per_s": round(store_rate, 1), "hours_by_workers": rows,
            "basis": "min(N workers / measured extraction CPU-seconds per article, the measured store rate "
                     "of one writer); Dask's per-task overhead and start-up left out (start-up is "
                     "amortised at this size); Parquet shards (`--out-parquet`) take the store off the path"}


# ------------------------------------------------------------------------------------ linking

def bench_linking(args, ctx) -> dict:
    """`link_events` (bulk re-clustering) on fresh synthetic corpora of each size; growth on CPU."""
    from sitrep.store import open_db
    from sitrep.store.link import link_events
    from sitrep.store.synthetic import bulk_insert_events

    out: dict[str, Any] = {"sizes": {}, "figures": []}
    for n in args.link_sizes:
        db = ctx["tmp"] / f"link_{n}.db"
        store = open_db(f"sqlite:///{db}")
        log(f"linking: inserting and linking {n} synthetic events")
        bulk_insert_events(store, n, seed=args.seed)
        stats: dict = {}
        run = timed_in_process(lambda: stats.update(link_events(store) or {}))
        out["sizes"][str(n)] = {"link_s": round(run.wall, 2), "link_cpu_s": round(run.cpu, 2), "load": run.load,
                                "clusters": stats.get("clusters"),
                                "cpu_us_per_event": round(run.cpu / n * 1e6, 1)}
        ctx.setdefault("link_dbs", {})[n] = db
        store.engine.dispose()
    sizes = sorted(args.link_sizes)
    if len(sizes) >= 2:
        a, b = out["sizes"][str(sizes[0])], out["sizes"][str(sizes[-1])]
        growth = b["link_cpu_s"] / a["link_cpu_s"] / (sizes[-1] / sizes[0])
        out["growth_vs_linear"] = round(growth, 2)
        out["figures"].append(Figure(
            f"linking {sizes[-1]:,} vs {sizes[0]:,} events", f"{growth:.2f} of linear "
            f"({a['cpu_us_per_event']} -> {b['cpu_us_per_event']} µs CPU per event)",
            "link_events(store)  (what `sitrep ingest` runs per article, in bulk)",
            "one link of a fresh database per size; CPU time", [a["load"], b["load"]],
            "<= 1.5 of linear", verdict(growth, 1.5, higher_is_better=False)).as_dict())
    return out


# ------------------------------------------------------------------------------------ cli

IMPORTS = {"python alone": "pass", "sqlalchemy": "import sqlalchemy", "typer (with pydantic)": "import typer._adapters",
           "rich.console": "import rich.console", "sitrep.store.query": "import sitrep.store.query",
           "sitrep.cli": "import sitrep.cli"}


def bench_cli(args, ctx) -> dict:
    """`sitrep events` as a user runs it (fresh process) against the same query in process: what
    the command costs beyond its query, and what the imports it needs cost on their own."""
    db = _api_db(args, ctx, min(args.api_sizes))
    argv = ["events", "--db", f"sqlite:///{db}", "--limit", "20"]
    variants = {"command": lambda r: run_command(sitrep_exe() + argv),
                "typer": lambda r: run_command(sitrep_exe() + argv, env={"SITREP_NO_FAST_CLI": "1"})}
    variants.update({name: (lambda r, code=code: run_command([sys.executable, "-c", code]))
                     for name, code in IMPORTS.items()})
    runs = interleaved(variants, args.rounds + 3)
    query = _events_query_cpu(db)
    cmd_cpu, cmd_wall = median([r.cpu for r in runs["command"]]), median([r.wall for r in runs["command"]])
    beyond = cmd_cpu - query
    typer_cpu = median([r.cpu for r in runs["typer"]])
    parts = "; ".join(f"{k} {median([r.cpu for r in runs[k]]) * 1000:.0f} ms" for k in IMPORTS)
    method = (f"{args.rounds + 3} interleaved rounds of fresh processes, medians of CPU time; the query "
              "(the same `events` call in a warm process) subtracted")
    fig = Figure("`sitrep events` beyond its query", f"{beyond * 1000:.0f} ms CPU ({cmd_cpu * 1000:.0f} ms "
                 f"CPU, {cmd_wall * 1000:.0f} ms wall in all; query {query * 1000:.1f} ms; through Typer, "
                 f"SITREP_NO_FAST_CLI=1: {(typer_cpu - query) * 1000:.0f} ms). Imports alone: {parts}",
                 f"sitrep events --db DB --limit 20  ({min(args.api_sizes):,} events)", method,
                 load_of(*runs.values()), "< 150 ms", verdict(beyond * 1000, 150, higher_is_better=False))
    return {"figures": [fig.as_dict()], "beyond_query_ms": round(beyond * 1000, 1), "query_ms": round(query * 1000, 2),
            "imports_ms": {k: round(median([r.cpu for r in runs[k]]) * 1000, 1) for k in IMPORTS},
            "command_cpu_ms": round(cmd_cpu * 1000, 1), "command_wall_ms": round(cmd_wall * 1000, 1),
            "typer_path_cpu_ms": round(typer_cpu * 1000, 1)}


def _events_query_cpu(db: Path) -> float:
    """CPU seconds of what `sitrep events --limit 20` asks the store, in a warm process."""
    from sitrep.store import open_db

    store = open_db(f"sqlite:///{db}", read_only=True)
    try:
        def ask():
            store.event_clusters(limit=20)          # the table format lists no reports
            store.count_clusters()
        ask()
        return median([timed_in_process(ask).cpu for _ in range(9)])
    finally:
        store.close()


# ------------------------------------------------------------------------------------ api

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serving(db: Path, workers: int = 1, http: str = "auto"):
    """`sitrep serve` on a free port; with one process, through `benchmarks/serve_timed.py` (the
    same command and app, plus a timing middleware that gives the server-side latencies)."""
    import httpx

    port = _free_port()
    opts = ["--db", f"sqlite:///{db}", "--port", str(port), "--http", http]
    if workers > 1:
        argv = sitrep_exe() + ["serve", *opts, "--workers", str(workers)]
    else:
        argv = [sys.executable, str(HERE / "serve_timed.py"), *opts]
    server = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while True:
        try:
            if httpx.get(base + "/api/events?limit=1", timeout=5).status_code == 200:
                return server, base
        except httpx.HTTPError:
            pass
        if server.poll() is not None or time.time() > deadline:
            server.kill()
            raise RuntimeError(f"sitrep serve did not start: {(server.stderr.read() or '').strip()[-300:]}")
        time.sleep(0.3)


def _stop(server) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def _api_db(args, ctx, n: int) -> Path:
    """The linked synthetic corpus of n events (from the linking step, else built now)."""
    db = (ctx.get("link_dbs") or {}).get(n)
    if db is not None:
        return db
    from sitrep.store import open_db
    from sitrep.store.synthetic import bulk_insert_events

    db = ctx["tmp"] / f"api_{n}.db"
    store = open_db(f"sqlite:///{db}")
    log(f"api: building {n} linked synthetic events")
    bulk_insert_events(store, n, seed=args.seed, link=True)
    store.engine.dispose()
    ctx.setdefault("link_dbs", {})[n] = db
    return db


def _overview_probe(base: str, seed: int) -> dict:
    """One client, one request at a time, on a freshly started server: `/` (its first answer
    computes everything) and 30 distinct date-filtered overviews (each uncached). A first overview
    of a day without events, not counted, warms what is not data (templates, compiled SQL), so
    the figures are those of an overview after the data changed, not of a process start."""
    import httpx

    from benchmarks.web_load import _percentile
    rng = __import__("random").Random(seed)
    day0 = dt.date(2022, 2, 24)
    paths = ["/"]
    while len(paths) < 31:
        a = day0 + dt.timedelta(days=rng.randrange(3000))
        p = f"/?since={a.isoformat()}&until={(a + dt.timedelta(days=rng.choice((7, 30, 90)))).isoformat()}"
        if p not in paths:
            paths.append(p)
    ms = []
    with httpx.Client(timeout=60) as client:
        client.get(base + "/?since=1900-01-01&until=1900-01-01")
        for p in paths:
            t0 = time.perf_counter()
            r = client.get(base + p)
            ms.append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200:
                raise RuntimeError(f"{p}: HTTP {r.status_code}")
    return {"first_unfiltered_ms": round(ms[0], 1), "filtered_p50": round(_percentile(ms[1:], 50), 1),
            "filtered_p95": round(_percentile(ms[1:], 95), 1), "n": len(ms)}


def _server_timing(base: str) -> dict | None:
    """The server-side latencies since the last call (serve_timed.py's route), or None."""
    import httpx
    try:
        r = httpx.get(base + "/__bench/timing", timeout=10)
        return r.json() if r.status_code == 200 else None
    except (httpx.HTTPError, ValueError):
        return None


def _load_once(args, db: Path, workers: int, http: str = "auto") -> dict:
    """A fresh server (`workers` processes): the overview probe, then the load test; the
    server's own CPU time per request (all its processes) and, with one process, its own
    latencies are reported per phase beside the client's."""
    from benchmarks.method import _TreeCPU
    from benchmarks.web_load import filter_paths, run_load

    server, base = _serving(db, workers, http)
    try:
        cpu = _TreeCPU(server.pid)
        cpu.sample()
        c0 = cpu.total()
        probe = _overview_probe(base, args.seed)
        _server_timing(base)                    # forget the probe's requests
        l0 = loadavg()
        mark = [(cpu.sample(), cpu.total())[1]]

        def after_phase(name: str, phase: dict) -> None:
            cpu.sample()
            phase["server_cpu_ms"] = round((cpu.total() - mark[0]) * 1000 / max(1, phase["requests"]), 3)
            phase["server_side"] = _server_timing(base)
            mark[0] = (cpu.sample(), cpu.total())[1]
        paths = filter_paths(args.api_distinct, args.seed)
        alone = _alone_phase(base, paths, args.seed)
        after_phase("alone", alone)
        c1 = mark[0]
        res = run_load(base, paths, concurrency=20, seed=args.seed, after_phase=after_phase)
        res["alone"] = alone
        cpu.sample()
        res["load"] = [l0, loadavg()]
        res["http"] = http
        res["server_cpu_ms_per_request"] = round((cpu.total() - c1) * 1000 / max(1, res["uncached"]["requests"]
                                                                               + res["cached"]["requests"]), 2)
        res["overview"] = probe
        res["overview_server_cpu_ms"] = round((c1 - c0) * 1000 / probe["n"], 1)
    finally:
        _stop(server)
    return res


def _alone_phase(base: str, load_paths: list[str], seed: int, n: int = 100) -> dict:
    """Service time without queueing: `n` other distinct filtered paths (none of the load test's,
    so its uncached phase stays uncached), uncached, by one client, one request at a time. Under
    20 clients the p95 adds the wait for a CPU share; this phase is the time one request needs."""
    from benchmarks.web_load import _phase, filter_paths

    taken = set(load_paths)
    paths = [p for p in filter_paths(n + len(load_paths), seed + 1) if p not in taken][:n]
    return _phase(base, paths, 1, 60.0)


def _api_pairs(args, db: Path, workers: int) -> dict[str, list[dict]]:
    """The load test once per HTTP parser per round, the order rotated each round (A B, B A, ...)."""
    runs: dict[str, list[dict]] = {h: [] for h in args.api_http}
    for r in range(args.api_rounds):
        order = args.api_http[r % len(args.api_http):] + args.api_http[:r % len(args.api_http)]
        for http in order:
            log(f"api: round {r + 1}/{args.api_rounds}, --http {http}")
            runs[http].append(_load_once(args, db, workers, http))
    return runs


def _median_run(runs: list[dict]) -> dict:
    """One run's shape whose numbers are the medians over the rounds (load: the range seen)."""
    def med(get):
        vals = [v for v in (get(r) for r in runs) if v is not None]
        return round(median(vals), 3) if vals else None
    out: dict[str, Any] = {"rounds": len(runs), "load": [min(x for r in runs for x in r["load"]),
                                                        max(x for r in runs for x in r["load"])]}
    for name in ("alone", "uncached", "cached"):
        out[name] = {k: med(lambda r, k=k: r[name].get(k)) for k in
                     ("p50", "p95", "max", "rps", "errors", "client_cpu_ms", "server_cpu_ms")}
        out[name]["server_side"] = {k: med(lambda r, k=k: (r[name].get("server_side") or {}).get(k))
                                    for k in ("p50", "p95", "p99")}
    for k in ("server_cpu_ms_per_request", "overview_server_cpu_ms"):
        out[k] = med(lambda r, k=k: r[k])
    out["overview"] = {k: med(lambda r, k=k: r["overview"][k]) for k in runs[0]["overview"]}
    return out


def bench_api(args, ctx) -> dict:
    """Per corpus size, number of server processes and HTTP parser (interleaved rounds): 20
    concurrent clients over many distinct filters (uncached, then cached), the server's CPU per
    request, and a one-client probe of the uncached overview page."""
    out: dict[str, Any] = {"figures": [], "runs": {}}
    for n in args.api_sizes:
        db = _api_db(args, ctx, n)
        for workers in args.api_workers:
            log(f"api: {n} events, {workers} server process(es), {args.api_distinct} distinct paths twice, 20 clients")
            for http, runs in _api_pairs(args, db, workers).items():
                res = _median_run(runs)
                out["runs"][f"{n}_{workers}_{http}"] = {"median": res, "rounds": runs}
                cmd = (f"sitrep serve --db DB --http {http}{' --workers 2' if workers > 1 else ''}; "
                       f"benchmarks/web_load.py URL --distinct {args.api_distinct}")
                _api_figures(out["figures"], res, n, workers, cmd, args, http)
    return out


def _api_figures(figures: list, res: dict, n: int, workers: int, cmd: str, args, http: str) -> None:
    procs = f"{workers} server process{'es' if workers > 1 else ''}"
    method = (f"{n} events, {procs}, --http {http}, 20 keep-alive clients in one asyncio loop; each of "
              f"{args.api_distinct} distinct paths first (uncached), then again (cached); server CPU = all "
              f"its processes' CPU time / requests; server-side = time inside the app (benchmarks/"
              f"serve_timed.py); median of {res['rounds']} interleaved round(s)")
    for name in ("uncached", "cached"):
        r, ss = res[name], res[name]["server_side"]
        side = f"server-side p50 {ss['p50']} ms, p95 {ss['p95']} ms; " if ss.get("p95") is not None else ""
        if name == "uncached":
            a, sa = res["alone"], res["alone"]["server_side"]
            side += (f"one client alone, 100 other uncached paths: p50 {a['p50']} ms, p95 {a['p95']} ms, "
                     f"server-side p95 {sa.get('p95')} ms, server CPU {a['server_cpu_ms']} ms; ")
        figures.append(Figure(
            f"API p95 at {n:,} events, {name}, {procs}, --http {http}",
            f"{r['p95']} ms (p50 {r['p50']} ms, {r['rps']} req/s, {r['errors']} errors; {side}server CPU "
            f"{r['server_cpu_ms']} ms per request, client CPU {r['client_cpu_ms']} ms)", cmd, method, res["load"],
            "p95 < 100 ms, 0 errors", "not met" if r["errors"] else verdict(r["p95"], 100, higher_is_better=False)
        ).as_dict())
    o = res["overview"]
    figures.append(Figure(
        f"uncached overview `/` at {n:,} events, {procs}, --http {http}", f"first `/` {o['first_unfiltered_ms']} ms; "
        f"date-filtered p50 {o['filtered_p50']} ms, p95 {o['filtered_p95']} ms (server CPU "
        f"{res['overview_server_cpu_ms']} ms per page)", "sitrep serve --db DB; GET / and 30 distinct /?since=&until=",
        "one client, one request at a time, fresh server (no data cached; templates warmed by an empty day)",
        res["load"][:1], "< 50 ms",
        verdict(max(o["first_unfiltered_ms"], o["filtered_p95"]), 50, higher_is_better=False)).as_dict())


BENCHES = {"throughput": bench_throughput, "commands": bench_commands, "store": bench_store,
           "memory": bench_memory, "cluster": bench_cluster, "linking": bench_linking, "api": bench_api,
           "cli": bench_cli}
BENCHES["scaling"] = lambda args, ctx: __import__("benchmarks.scaling", fromlist=["step"]).step(args, ctx)  # --only scaling


# ------------------------------------------------------------------------------------ main

def parse_args(argv=None):
    ap = argparse.ArgumentParser(description="sitrep benchmark suite (make bench)")
    ap.add_argument("--articles", type=int, default=120, help="articles for throughput, commands and store")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds (commands and store run one more)")
    ap.add_argument("--rss-articles", type=int, default=1000, help="articles for the peak-RSS run (aim is for 5000)")
    ap.add_argument("--cluster-articles", type=int, default=1000, help="articles of the cluster step (one file, and a folder)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--link-sizes", type=lambda s: [int(x) for x in s.split(",")], default=[10_000, 100_000])
    ap.add_argument("--api-distinct", type=int, default=400, help="distinct filtered paths, each requested twice")
    ap.add_argument("--api-sizes", type=lambda s: [int(x) for x in s.split(",")], default=[10_000, 100_000],
                    help="corpus sizes (events) of the API step")
    ap.add_argument("--api-workers", type=lambda s: [int(x) for x in s.split(",")], default=[1, 2],
                    help="server processes (`sitrep serve --workers`) of the API step")
    ap.add_argument("--api-http", type=lambda s: s.split(","), default=["auto"],
                    help="HTTP parsers compared in the API step (`sitrep serve --http`), e.g. h11,httptools")
    ap.add_argument("--api-rounds", type=int, default=3, help="rounds of the API step (parsers interleaved; medians)")
    ap.add_argument("--only", type=lambda s: s.split(","), default=list(STEPS), help=f"subset of {','.join(STEPS)}")
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--out", type=Path, default=HERE, help="folder for results.md / results.json")
    ap.add_argument("--keep", action="store_true",
                    help="start from the results.json in --out and replace only the steps run now")
    return ap.parse_args(argv)


def _meta(args, argv) -> dict:
    import spacy

    return {"command": " ".join(["benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]),
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "cpus": os.cpu_count(), "loadavg": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "spacy": spacy.__version__, "commit": COMMIT,
            "seed": args.seed, "platform": platform.platform()}


def compile_bytecode() -> None:
    """Write sitrep's bytecode cache first, as `pip install` does for an installed package: with
    PYTHONDONTWRITEBYTECODE set (as on this machine) an editable install would otherwise compile
    every module from source in every process, and the start-up figures would measure that."""
    import compileall

    compileall.compile_dir(str(HERE.parent / "src" / "sitrep"), quiet=1)


def main(argv=None) -> int:
    from benchmarks.render import render_md

    args = parse_args(argv)
    compile_bytecode()
    unknown = set(args.only) - set(BENCHES)
    if unknown:
        print(f"error: unknown step(s) {', '.join(sorted(unknown))}; choose from {', '.join(BENCHES)}", file=sys.stderr)
        return 2
    res: dict[str, Any] = {"meta": _meta(args, argv)}
    args.out.mkdir(parents=True, exist_ok=True)
    if args.keep and (args.out / "results.json").exists():
        earlier = json.loads((args.out / "results.json").read_text(encoding="utf-8"))
        res = {**earlier, "meta": {**res["meta"], "earlier": earlier.get("meta")}}
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp:
        ctx: dict[str, Any] = {"tmp": Path(tmp)}
        for name in BENCHES:
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
            log(f"{name}: done in {res[name]['step_seconds']} s")
            (args.out / "results.json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    (args.out / "results.md").write_text(render_md(res, HERE / "results_previous.md"), encoding="utf-8")
    print((args.out / "results.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
