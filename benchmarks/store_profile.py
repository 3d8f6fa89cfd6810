"""Storing alone, in detail: `ingest_records` of already extracted records into fresh SQLite
files, CPU per article, SQL statements per article by kind, and (--profile) a cProfile listing.

    .venv/bin/sitrep extract corpus.jsonl --format jsonl --with-text > records.jsonl
    .venv/bin/python benchmarks/store_profile.py records.jsonl [--runs 5] [--profile]

Also `--dump DB`: every table's rows (ids aside where the store assigns them), the comparison
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
    ap.add_argument("--dump", type=Path, help="store once into a fresh file, write its dump (JSON) here")
    args = ap.parse_args()
    records = load_records(args.records)
    if args.limit:
        records = records[:args.limit]
    import datasketch  # noqa: F401  (imported lazily by the store; not storage cost)
    n = len(records)
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
        for k, v in count.most_common(25):
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


if __name__ == "__main__":
    main()
