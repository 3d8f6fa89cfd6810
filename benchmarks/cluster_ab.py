"""`sitrep ingest --cluster local:N FILE` against `sitrep ingest FILE`: interleaved whole processes.

    .venv/bin/python benchmarks/cluster_ab.py FILE.jsonl [--rounds 4] [--workers 2]
        [--against OLD_SRC]          # also the cluster run of another `src` (PYTHONPATH), e.g. main's

Each round runs every variant once, in a rotated order (A B C, B C A, ...), each into a fresh
SQLite file, with the CLI defaults (storage included, progress off). Printed: per round the wall
and CPU seconds (the process tree's) and the load average; then the medians of the per-round
ratios serial / cluster, on wall and on CPU. No speed is asserted anywhere.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from method import COMMIT, interleaved, load_of, log, median, run_command, sitrep_exe  # noqa: E402


def _variants(src: Path, tmp: Path, workers: int, against: str | None) -> dict:
    exe = sitrep_exe()

    def db(r: int, kind: str) -> str:
        return f"sqlite:///{tmp / f'{kind}_{r}.db'}"

    variants = {
        "serial": lambda r: run_command(exe + ["ingest", str(src), "--db", db(r, "serial")]),
        "cluster": lambda r: run_command(exe + ["ingest", "--cluster", f"local:{workers}", str(src),
                                                "--db", db(r, "cluster")]),
    }
    if against:
        env = {"PYTHONPATH": against}
        variants["cluster_old"] = lambda r: run_command(
            [sys.executable, "-m", "sitrep.cli", "ingest", "--cluster", f"local:{workers}", str(src),
             "--db", db(r, "cluster_old")], env=env)
    return variants


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--rounds", type=int, default=4)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--against", help="another src folder: its cluster run joins the rotation")
    ap.add_argument("--json", type=Path, help="write the runs here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitrep-cluster-ab-") as tmp:
        runs = interleaved(_variants(args.file.resolve(), Path(tmp), args.workers, args.against), args.rounds)
    out = {"commit": COMMIT, "file": str(args.file), "rounds": args.rounds, "load": load_of(*runs.values()),
           "runs": {k: [(round(r.wall, 2), round(r.cpu, 2), r.load) for r in v] for k, v in runs.items()}}
    for other in [k for k in runs if k != "serial"]:
        pairs = list(zip(runs["serial"], runs[other]))
        out[f"serial/{other} wall"] = round(median([a.wall / b.wall for a, b in pairs]), 3)
        out[f"{other}/serial cpu"] = round(median([b.cpu / a.cpu for a, b in pairs]), 3)
    print(json.dumps(out, indent=1))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1), encoding="utf-8")
    log(f"load {out['load']}, commit {COMMIT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
