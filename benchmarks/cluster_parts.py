"""Where the time of `sitrep ingest --cluster local:N FILE` goes: each part measured.

    .venv/bin/python benchmarks/cluster_parts.py FILE.jsonl [--workers 2] [--serial]

Runs what the command runs (`service.ingest_paths` with the cluster plan, a fresh SQLite file) in
this process and reports, from the CPU times of every process of the tree (psutil) and Dask's task
stream:
  start-up    wall and CPU until the cluster is up and warm (this process, the forkserver, workers)
  E           the workers' CPU per article inside their tasks
  client      this process's CPU per article after start-up (storing S, the scheduler and the
              nannies' threads, receiving and unpickling results)
  tail        how long each worker idled at the end while another still worked
  ceiling     2E / (E + S + o), with S and o taken from `--serial` (the serial ingest's parent CPU
              per article) or given by --store-ms
`--serial` measures `sitrep ingest FILE` the same way (parent = storing, child = extracting).
No speed is asserted anywhere.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path


def _tree_cpu() -> dict[str, float]:
    """CPU seconds of this process and of each descendant, by role."""
    import psutil

    me = psutil.Process()
    out = {"client": sum(me.cpu_times()[:2])}
    for child in me.children(recursive=True):
        try:
            cmd = " ".join(child.cmdline())
            t = child.cpu_times()
        except psutil.Error:
            continue
        forked = child.ppid() != me.pid                 # a worker, forked by the forkserver
        role = ("tracker" if "resource_tracker" in cmd else
                "forkserver" if "forkserver" in cmd and not forked else "worker")
        key = role if role != "worker" else f"worker-{child.pid}"
        out[key] = out.get(key, 0.0) + t.user + t.system
    return out


def _tail(stream: list[dict], w0_epoch: float) -> dict:
    """Per worker: tasks, compute seconds, first start and last stop (from the run's start), and
    the idle seconds at the end while another worker still computed."""
    per: dict[str, dict] = {}
    for t in stream:
        for ss in t.get("startstops", []):
            if ss.get("action") != "compute":
                continue
            w = per.setdefault(str(t.get("worker")), {"tasks": 0, "compute_s": 0.0, "first": 1e18, "last": 0.0})
            w["tasks"] += 1
            w["compute_s"] += ss["stop"] - ss["start"]
            w["first"], w["last"] = min(w["first"], ss["start"]), max(w["last"], ss["stop"])
    end = max((w["last"] for w in per.values()), default=0.0)
    return {k: {"tasks": w["tasks"], "compute_s": round(w["compute_s"], 2),
                "first_start_s": round(w["first"] - w0_epoch, 2), "last_stop_s": round(w["last"] - w0_epoch, 2),
                "idle_at_end_s": round(end - w["last"], 2)} for k, w in per.items()}


def measure_cluster(path: Path, workers: int) -> dict:
    import sitrep.scale as scale
    from sitrep.service import IngestPlan, ingest_paths
    from sitrep.store import open_db

    marks: dict = {}
    register = scale._register_warm_up

    def spy(client):
        register(client)
        client.get_task_stream()                    # the scheduler records tasks from now on
        marks["client"], marks["up"], marks["cpu_up"] = client, time.perf_counter(), _tree_cpu()

    driver_iter = scale._Driver.__iter__

    def spy_iter(self):
        yield from driver_iter(self)
        marks["stream"] = self.client.get_task_stream()
        marks["extracted"], marks["cpu_extracted"] = time.perf_counter(), _tree_cpu()

    scale._register_warm_up, scale._Driver.__iter__ = spy, spy_iter
    w0, marks["w0_epoch"] = time.perf_counter(), time.time()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_db(f"sqlite:///{tmp}/c.db")
        seen = {"n": 0}
        counters = ingest_paths(store, [path], plan=IngestPlan(cluster=f"local:{workers}", progress_bar=False),
                                progress=lambda *_: seen.__setitem__("n", seen["n"] + 1))
        end, cpu_end = time.perf_counter(), _tree_cpu()
        store.close()
    scale._register_warm_up, scale._Driver.__iter__ = register, driver_iter
    return _report(counters["read"], w0, marks, end, cpu_end)


def _report(n: int, w0: float, marks: dict, end: float, cpu_end: dict) -> dict:
    cpu_up = marks["cpu_up"]
    tasks = marks.get("stream", [])
    cpu_x = marks["cpu_extracted"]
    workers = [k for k in cpu_x if k.startswith("worker-")]
    e_cpu = sum(cpu_x[w] - cpu_up.get(w, 0.0) for w in workers)
    client_cpu = cpu_end["client"] - cpu_up["client"]
    total = sum(cpu_x.values()) + cpu_end["client"] - cpu_x["client"]
    out = {"articles": n, "wall_s": round(end - w0, 2), "cpu_s": round(total, 2),
           "startup_wall_s": round(marks["up"] - w0, 2), "startup_cpu_s": round(sum(cpu_up.values()), 2),
           "startup_cpu_by_process": {k: round(v, 2) for k, v in cpu_up.items()},
           "E_ms": round(1000 * e_cpu / n, 2), "client_ms": round(1000 * client_cpu / n, 2),
           "loadavg": os.getloadavg()[0]}
    out["workers"] = _tail(tasks, marks["w0_epoch"])
    out["store_after_last_task_s"] = round(end - marks["extracted"], 2)
    return out


def measure_serial(path: Path) -> dict:
    from sitrep.service import IngestPlan, ingest_paths
    from sitrep.store import open_db

    w0, c0 = time.perf_counter(), _tree_cpu()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_db(f"sqlite:///{tmp}/s.db")
        counters = ingest_paths(store, [path], plan=IngestPlan(progress_bar=False))
        end, c1 = time.perf_counter(), _tree_cpu()
        store.close()
    n = counters["read"]
    child = sum(v for k, v in c1.items() if k != "client")
    return {"articles": n, "wall_s": round(end - w0, 2), "cpu_s": round(sum(c1.values()), 2),
            "parent_ms": round(1000 * (c1["client"] - c0["client"]) / n, 2),
            "children_ms": round(1000 * child / n, 2), "by_process": {k: round(v, 2) for k, v in c1.items()},
            "loadavg": os.getloadavg()[0]}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--serial", action="store_true", help="measure the serial `sitrep ingest FILE` instead")
    args = ap.parse_args(argv)
    os.environ.setdefault("SITREP_PROGRESS", "0")
    out = measure_serial(args.file) if args.serial else measure_cluster(args.file, args.workers)
    print(json.dumps(out, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
