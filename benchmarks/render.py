"""benchmarks/results.md from the results of `benchmarks/run.py`: one table of figures, each with
its command, method, load average and commit; the projection; the previous table kept below."""
from __future__ import annotations

from pathlib import Path

from benchmarks.method import COMMIT

STEP_ORDER = ("throughput", "commands", "store", "memory", "cluster", "linking", "api", "cli")


def _cell(text) -> str:
    return str(text).replace("|", "/").replace("\n", " ")


def _figures_table(res: dict) -> list[str]:
    lines = ["| figure | value | aim | verdict | command | method | load avg | commit |",
             "|---|---|---|---|---|---|---|---|"]
    for name in [*STEP_ORDER, *(k for k in res if k not in STEP_ORDER and k != "meta")]:
        step = res.get(name)
        if not isinstance(step, dict):
            continue
        if "error" in step:
            lines.append(f"| {name} | FAILED: {_cell(step['error'][:160])} | | | | | | {COMMIT} |")
            continue
        if "figures" not in step:     # a step that reports its own way (e.g. benchmarks/scaling.py)
            lines.append(f"| {name} | see `results.json` [\"{name}\"] | | | `benchmarks/run.py --only {name}` | | | "
                         f"`{COMMIT}` |")
            continue
        for f in step.get("figures", []):
            load = "-".join(str(x) for x in f.get("load") or []) or "?"
            lines.append("| " + " | ".join(_cell(x) for x in (
                f["what"], f["value"], f.get("aim", ""), f.get("verdict", ""), f"`{f['command']}`",
                f["method"], load, f"`{f.get('commit', COMMIT)}`")) + " |")
    return lines


def _projection(res: dict) -> list[str]:
    p = (res.get("cluster") or {}).get("projection") or {}
    if not p.get("available"):
        return []
    lines = ["", "## Projection: 1 million articles (an estimate, not a measurement)", "",
             f"Basis: {p['basis']}. Measured inputs: {p['extract_cpu_s_per_article']} CPU-seconds of extraction "
             f"per article (`throughput` step) and {p['store_articles_per_s']} articles/s for the one SQLite "
             f"writer (`store` step).", "",
             "| workers | hours | limited by |", "|---|---|---|"]
    for n, row in p["hours_by_workers"].items():
        lines.append(f"| {n} | {row['hours']} | {row['limit']} |")
    return lines


def _ratios(res: dict) -> list[str]:
    t, c = res.get("throughput") or {}, res.get("commands") or {}
    out = []
    if "event_share_cpu" in t:
        out.append(f"- event coding / extraction time: {t['event_share_cpu']:.3f} (median per slice, CPU)")
    if "spacy_over_sitrep_cpu" in t:
        out.append(f"- sitrep extract / bare spaCy throughput, in process: {t['spacy_over_sitrep_cpu']}x CPU, "
                   f"{t['spacy_over_sitrep_wall']}x wall")
    if "bare_spacy_over_extract" in c:
        r = c["bare_spacy_over_extract"]
        out.append(f"- `sitrep extract` / bare spaCy throughput, whole processes: {r['cpu']}x CPU, {r['wall']}x wall")
    if "extract_over_ingest" in c:
        r = c["extract_over_ingest"]
        out.append(f"- `sitrep ingest` / `sitrep extract` throughput, whole processes: {r['cpu']}x CPU, {r['wall']}x wall")
    return ["", "## Ratios", "", *out] if out else []


def _caveats(res: dict) -> list[str]:
    out = []
    if res["meta"].get("earlier"):
        out.append("Steps were re-run one at a time (`--keep`): each row names the commit it was measured on.")
    loads = [x for step in res.values() if isinstance(step, dict) for f in step.get("figures", [])
             for x in f.get("load") or []]
    cpus = res["meta"].get("cpus") or 1
    if loads and max(loads) > cpus:
        out.append(f"The load average reached {max(loads)} on {cpus} CPUs while measuring: other jobs held most "
                   "of the machine, so wall-clock figures (and a speed-up from more workers) show the share "
                   "each variant got rather than its speed; the CPU ratios are the better guide. Re-run "
                   "`make bench` on an idle machine for wall-clock figures.")
    return out + [""] if out else []


def render_md(res: dict, previous: Path | None = None) -> str:
    m = res["meta"]
    lines = [
        "# sitrep benchmark — latest measurement", "",
        f"`{m['command']}` on {m['date']} — {m['cpus']} CPUs (shared with other jobs: see each figure's load "
        f"average), Python {m['python']}, spaCy {m['spacy']}, commit `{m['commit']}`. Synthetic corpus "
        f"(`sitrep.synth`, seed {m['seed']}).", "",
        "Method: the commands a user types, as fresh processes with the CLI defaults and the database "
        "included; variants interleaved (A B A B ..., the order rotated each round); the median of the "
        "per-round ratios, on CPU time and on wall clock. The baseline is `spacy.load` of the same model "
        "with nothing added (`benchmarks/bare_spacy.py`). A verdict is given only for measured figures.", "",
        *_caveats(res),
        *_figures_table(res), *_ratios(res), *_projection(res), "",
        "Reproduce: `make bench` (options: `.venv/bin/python benchmarks/run.py --help`). Raw numbers: "
        "`benchmarks/results.json`.", ""]
    if previous is not None and previous.exists():
        lines += [previous.read_text(encoding="utf-8").rstrip(), ""]
    return "\n".join(lines)
