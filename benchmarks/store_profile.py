"""Storing alone, in detail: `ingest_records` of already extracted records into fresh SQLite
files, CPU per article, SQL statements per article by kind, and (--profile) a cProfile listing.

    .venv/bin/sitrep extract corpus.jsonl --format jsonl --with-text > records.jsonl
    .venv/bin/python benchmarks/store_profile.py records.jsonl [--runs 5] [--profile]

`--against SRC` (a checkout's `src` folder, e.g. `git archive main src | tar -x -C /tmp/main`)
times both codes in fresh processes, interleaved (A B A B ...), and prints the median of the
per-pair CPU ratios. Also `--dump FILE`: every table's rows (ids aside where the store assigns them), the comparison
the store-path test uses.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path


def load_records(path: Path) -> list:
    from sitrep.record import Record
    return [Record.from_json(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def store_once(records, db: Path, count: Counter | None = None, profile: cProfile.Profile | None = None):
    from sqlalchemy import event

    from sitrep.store import open_db
    from sitrep.store.ingest import ingest_records
    store = open_db(f"sqlite:///{db}")
    if count is not None:
        def seen(_conn, _cur, statement, *_a):
            count[" ".join(statement.split()[:3])[:60]] += 1
        event.listen(store.engine, "before_cursor_execute", seen)
    c0, w0 = time.process_time(), time.perf_counter()
    if profile:
        profile.enable()
    ingest_records(store, records, inputs=["bench"])
    if profile:
        profile.disable()
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    store.engine.dispose()
    return cpu, wall


VOLATILE = {"applied_at", "ingested_at", "updated_at", "started_at", "finished_at", "created_at", "pid", "host"}


def dump(db: Path) -> dict[str, list]:
    """Every table's rows, sorted, without the columns that hold clock times or the process."""
    import sqlite3
    con = sqlite3.connect(db)
    out = {}
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' ORDER BY name")]
    for t in tables:
        cur = con.execute(f'SELECT * FROM "{t}"')
        cols = [d[0] for d in cur.description]
        keep = [i for i, c in enumerate(cols) if c not in VOLATILE]
        out[t] = sorted((tuple(r[i] for i in keep) for r in cur), key=repr)
    con.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("records", type=Path)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--against", type=Path, help="another checkout's src/: interleaved pairs against it")
    ap.add_argument("--once", action="store_true", help="store once; print CPU and wall seconds (JSON)")
    ap.add_argument("--dump", type=Path, help="store once into a fresh file, write its dump (JSON) here")
    args = ap.parse_args()
    records = load_records(args.records)
    if args.limit:
        records = records[:args.limit]
    import datasketch  # noqa: F401  (imported lazily by the store; not storage cost)
    n = len(records)
    if args.against:
        return pairs(args, n)
    if args.once:
        with tempfile.TemporaryDirectory() as tmp:
            cpu, wall = store_once(records, Path(tmp) / "once.db")
        print(json.dumps({"cpu": cpu, "wall": wall}))
        return
    if args.dump:
        with tempfile.TemporaryDirectory() as tmp:
            store_once(records, Path(tmp) / "d.db")
            args.dump.write_text(json.dumps(dump(Path(tmp) / "d.db"), default=str), encoding="utf-8")
        return
    with tempfile.TemporaryDirectory() as tmp:
        count: Counter = Counter()
        store_once(records, Path(tmp) / "count.db", count)
        total = sum(count.values())
        print(f"{n} records; {total / n:.1f} statements per article")
        for k, v in count.most_common(60):
            print(f"  {v / n:6.2f}  {k}")
        runs = [store_once(records, Path(tmp) / f"r{i}.db") for i in range(args.runs)]
        cpu = statistics.median(r[0] for r in runs) / n * 1000
        wall = statistics.median(r[1] for r in runs) / n * 1000
        print(f"store: {cpu:.2f} ms CPU, {wall:.2f} ms wall per article (median of {len(runs)}); "
              f"load {os.getloadavg()[0]:.2f}")
        if args.profile:
            prof = cProfile.Profile()
            store_once(records, Path(tmp) / "prof.db", profile=prof)
            pstats.Stats(prof).sort_stats("cumulative").print_stats(45)
            pstats.Stats(prof).sort_stats("tottime").print_stats(30)


def pairs(args, n: int) -> None:
    """Interleaved fresh-process runs of this checkout (B) and another (A); per-pair ratios."""
    import subprocess
    import sys
    here = Path(__file__).resolve().parents[1] / "src"
    cmd = [sys.executable, __file__, str(args.records), "--once"] + (["--limit", str(args.limit)] if args.limit else [])

    def one(src: Path) -> dict:
        env = {**os.environ, "PYTHONPATH": str(src)}
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
        return json.loads(out.strip().splitlines()[-1])
    loads, a_runs, b_runs = [os.getloadavg()[0]], [], []
    for i in range(args.runs):
        first, second = (args.against, here) if i % 2 == 0 else (here, args.against)
        r1, r2 = one(first), one(second)
        a, b = (r1, r2) if first == args.against else (r2, r1)
        a_runs.append(a)
        b_runs.append(b)
        loads.append(os.getloadavg()[0])
    ratio = statistics.median(b["cpu"] / a["cpu"] for a, b in zip(a_runs, b_runs))
    ms = lambda runs, k: statistics.median(r[k] for r in runs) / n * 1000   # noqa: E731
    print(f"{n} records, {args.runs} interleaved pairs; load {min(loads):.2f}-{max(loads):.2f}")
    print(f"A {args.against}: {ms(a_runs, 'cpu'):.2f} ms CPU, {ms(a_runs, 'wall'):.2f} ms wall per article")
    print(f"B {here}: {ms(b_runs, 'cpu'):.2f} ms CPU, {ms(b_runs, 'wall'):.2f} ms wall per article")
    print(f"B / A CPU, median of per-pair ratios: {ratio:.3f}")


if __name__ == "__main__":
    main()
