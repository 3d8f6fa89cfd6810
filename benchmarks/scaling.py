"""Scaling: extraction cost per megabyte at 0.1, 1 and 4 MB of one article, as ratios.

    .venv/bin/python benchmarks/scaling.py                       # all three inputs, 0.1 / 1 / 4 MB
    .venv/bin/python benchmarks/scaling.py --sizes 0.1,1 --kinds killed
    .venv/bin/python benchmarks/run.py --only scaling            # the same, as a step of `make bench`

Inputs (generated, one article each):
  article   a valid long article: synthetic paragraphs (sitrep.synth) joined into one text
  killed    "N people were killed in X." repeated (counts x events, one paragraph)
  sentence  one endless sentence with no full stop (the parser's worst case)
  quotes    direct quotes with speakers, one after another (the quotes stage)
  places    one giant comma-separated list of place names (the gazetteer and place mentions)
  table     table-like lines "Goma | 2024-05-12 | 12 killed | 30 wounded | shelling"

Each size runs `sitrep extract FILE` as a user would, in its own process, and takes that
process's CPU time (user + system, so a loaded machine does not inflate it) and peak RSS; the
start-up cost (the same command on a 3-line article) is subtracted. Linear cost means the ratio
of CPU seconds per MB at size S to that at the smallest size stays within 1.5x; the peak RSS of
every run must stay under 1 GB. The time and memory budgets are switched off here
(SITREP_BUDGET_SECONDS=0, SITREP_BUDGET_MB=0), the cap on events per article is not: an input past
it (4 MB of "killed", about 100,000 events) ends as one "too many events" error row, and its peak
memory still counts, but its time does not (it stopped early), so its ratio is left out of `linear`.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITREP = Path(sys.executable).parent / "sitrep"
PLACES = ["Goma", "Kharkiv", "Gao", "Rafah", "Aleppo", "Mogadishu", "Sagaing", "Marib", "Maiduguri", "Mekelle"]


def make_text(kind: str, nbytes: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    if kind == "article":
        from sitrep.synth import generate
        parts, n = [], 0
        for a in generate(10 ** 6, seed=seed):
            body = a.text.split("\n", 1)[-1].strip()
            parts.append(body)
            n += len(body.encode()) + 2
            if n >= nbytes:
                break
        return "A long report\n\n" + "\n\n".join(parts) + "\n"
    if kind == "killed":
        out, n = [], 0
        while n < nbytes:
            s = f"{rng.randint(2, 90)} people were killed in {rng.choice(PLACES)}."
            out.append(s)
            n += len(s) + 1
        return "Tolls\n\n" + " ".join(out) + "\n"
    if kind == "quotes":
        return "Quotes\n\n" + _repeat(rng, nbytes, lambda: (
            f'"{rng.choice(CLAIMS)}," {rng.choice(SPEAKERS)} said in {rng.choice(PLACES)}. '
            f'{_cap(rng.choice(SPEAKERS))} told reporters: "{rng.choice(CLAIMS)}."'), " ")
    if kind == "places":
        return ("Places\n\nShelling was reported in " + _repeat(rng, nbytes, lambda: rng.choice(PLACES), ", ")
                + " and Kherson, the ministry said.\n")
    if kind == "table":
        return "Table\n\n" + _repeat(rng, nbytes, lambda: (
            f"{rng.choice(PLACES)} | 2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)} | "
            f"{rng.randint(0, 90)} killed | {rng.randint(0, 200)} wounded | shelling"), "\n") + "\n"
    words = ("the army said fighters from the group moved towards positions near the river while "
             "officials and residents reported shelling and clashes in Goma and Kharkiv").split()
    out, n = [], 0
    while n < nbytes:
        w = rng.choice(words)
        out.append(w)
        n += len(w) + 1
    return "One sentence\n\n" + " ".join(out) + ".\n"


SPEAKERS = ["the governor", "a military spokesman", "Colonel Amadou Diallo", "the health ministry",
            "a UN official", "the mayor", "a rebel commander", "residents"]
CLAIMS = ["We will not withdraw from the city", "The shelling has not stopped since dawn",
          "Our forces repelled the attack", "Aid convoys cannot reach the camp",
          "The enemy lost dozens of fighters", "Civilians are fleeing to the border"]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _repeat(rng, nbytes: int, piece, sep: str) -> str:
    out, n = [], 0
    while n < nbytes:
        s = piece()
        out.append(s)
        n += len(s.encode()) + len(sep)
    return sep.join(out)


def run_extract(path: Path, errors: Path | None = None) -> tuple[float, float, int]:
    """(CPU seconds, peak RSS MB, exit code) of one `sitrep extract` process; its error lines
    go to `errors`."""
    with open(errors or os.devnull, "wb") as err:
        proc = subprocess.Popen([str(SITREP), "extract", str(path)], stdout=subprocess.DEVNULL,
                                stderr=err, env={**os.environ, "SITREP_BUDGET_SECONDS": "0",
                                                 "SITREP_BUDGET_MB": "0"})
        _, status, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def bench(sizes: list[float], kinds: list[str], tmp: Path) -> dict:
    base = tmp / "tiny.txt"
    base.write_text("Start-up\n\nShelling hit Kharkiv on Monday, officials said.\n", encoding="utf-8")
    startup = min(run_extract(base)[0] for _ in range(2))
    out: dict = {"startup_cpu_s": round(startup, 2), "kinds": {}}
    for kind in kinds:
        rows = []
        for mb in sizes:
            f = tmp / f"{kind}-{mb}.txt"
            f.write_text(make_text(kind, int(mb * 1e6)), encoding="utf-8")
            t0 = time.perf_counter()
            cpu, rss, code = run_extract(f, tmp / "errors.txt")
            rows.append({"mb": mb, "cpu_s": round(cpu, 1), "wall_s": round(time.perf_counter() - t0, 1),
                         "cpu_s_per_mb": round(max(cpu - startup, 0.01) / mb, 1), "peak_rss_mb": round(rss),
                         "exit": code})
            if code:            # a failed run is no measure: say why
                rows[-1]["error"] = (tmp / "errors.txt").read_text(errors="replace").strip()[-300:]
            print(f"  {kind} {mb} MB: {rows[-1]}", file=sys.stderr, flush=True)
            f.unlink()
        first = rows[0]["cpu_s_per_mb"]
        for r in rows:
            r["ratio"] = round(r["cpu_s_per_mb"] / first, 2)
        out["kinds"][kind] = rows
    out["linear"] = all(r["ratio"] <= 1.5 for rows in out["kinds"].values() for r in rows if not r["exit"])
    out["peak_rss_mb_max"] = max(r["peak_rss_mb"] for rows in out["kinds"].values() for r in rows)
    out["memory_bounded"] = out["peak_rss_mb_max"] < 1024      # the bound: under 1 GB
    return out


def render(res: dict) -> str:
    lines = ["| input | MB | CPU s | CPU s / MB | ratio to smallest | peak RSS MB |", "|---|---:|---:|---:|---:|---:|"]
    for kind, rows in res["kinds"].items():
        for r in rows:
            ratio = f"{r['ratio']}x" if not r["exit"] else f"(error row: {r.get('error', '')[:60]})"
            lines.append(f"| {kind} | {r['mb']} | {r['cpu_s']} | {r['cpu_s_per_mb']} | {ratio} | {r['peak_rss_mb']} |")
    lines.append(f"\nstart-up {res['startup_cpu_s']} CPU s subtracted; linear (every ratio <= 1.5x): {res['linear']}; "
                 f"peak RSS at most {res['peak_rss_mb_max']} MB (under 1 GB: {res['memory_bounded']})")
    return "\n".join(lines)


def step(args, ctx) -> dict:
    """benchmarks/run.py hook: `--only scaling`."""
    return bench([0.1, 1, 4], ["article", "killed", "sentence", "quotes", "places", "table"], ctx["tmp"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="0.1,1,4", type=lambda s: [float(x) for x in s.split(",")])
    ap.add_argument("--kinds", default="article,killed,sentence", type=lambda s: s.split(","))
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitrep-scaling-") as tmp:
        res = bench(args.sizes, args.kinds, Path(tmp))
    res["loadavg"] = [round(x, 2) for x in os.getloadavg()]
    print(render(res))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
