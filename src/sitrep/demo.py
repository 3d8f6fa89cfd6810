"""`make demo`: a short tour of the whole pipeline on the bundled sample articles.

Runs the CLI commands the README shows (so the demo cannot drift from them) and prints a few
lines of each — extract one article, ingest the samples into the embedded database, list events
and disputes, export the ACLED CSV, write a situation report — then where to look. The web UI is
served only when the demo runs in a terminal; otherwise it says "not serving" and how to start it.

The samples carry their dates (front matter, HTML metadata, feed fields). The seeds in
../shared/seeds are added when that folder exists, dated from their gold records in
../shared/eval/gold (written to a temporary folder; never copied into the repository).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path.cwd()
DB = ROOT / "sitrep-demo.db"
REPORT = ROOT / "sitrep-report-demo.html"
CSV = ROOT / "sitrep-demo-acled.csv"
SHOWN = 8          # lines of each command's output in the tour


def _sitrep(*args: str, lines: int = SHOWN) -> subprocess.CompletedProcess:
    """Run `sitrep ARGS`, print the command and the first `lines` lines of what it printed."""
    exe = shutil.which("sitrep", path=str(Path(sys.executable).parent)) or "sitrep"
    print(f"\n$ sitrep {' '.join(args)}", flush=True)
    done = subprocess.run([exe, *args], capture_output=True, text=True)
    out = (done.stdout or "").splitlines() or (done.stderr or "").splitlines()
    for line in out[:lines]:
        print("  " + line)
    if len(out) > lines:
        print(f"  … ({len(out) - lines} more lines)")
    if done.returncode != 0:
        err = (done.stderr or "").strip().splitlines()
        print(f"  (exit {done.returncode}{': ' + err[-1] if err else ''})")
    return done


def _examples() -> Path:
    here = [ROOT / "examples", Path(__file__).resolve().parent / "examples"]
    return next(p for p in here if p.is_dir())


def dated_seeds(shared: Path, out: Path) -> Path | None:
    """The seeds with their gold publication dates as front matter, in `out` (None without seeds)."""
    seeds, gold = shared / "seeds", shared / "eval" / "gold"
    if not seeds.is_dir():
        return None
    out.mkdir(parents=True, exist_ok=True)
    for art in sorted(seeds.glob("*.txt")):
        g = gold / f"{art.stem}.json"
        pub = json.loads(g.read_text(encoding="utf-8")).get("published") if g.is_file() else None
        head = f"---\npublished: {pub}\n---\n" if pub else ""
        (out / art.name).write_text(head + art.read_text(encoding="utf-8"), encoding="utf-8")
    return out


def tour(inputs: list[str], db: str) -> None:
    first = sorted(p for p in Path(inputs[0]).iterdir() if p.suffix == ".txt")[0]
    print("sitrep demo: news articles -> sourced events, disputes, exports, a report and a web UI.")
    _sitrep("extract", str(first), "--format", "table")
    _sitrep("ingest", *inputs, "--db", db, "--no-progress", lines=4)
    _sitrep("events", "--db", db, "--limit", "5")
    _sitrep("disputes", "--db", db, "--limit", "3")
    _sitrep("export", "--format", "acled-csv", "--db", db, "--out", str(CSV), lines=2)
    _sitrep("report", "--db", db, "--days", "3650", "--format", "html", "--out", str(REPORT), lines=2)


def where_to_look(db: str, port: str) -> None:
    print("\nWhere to look:")
    print(f"  situation report   {REPORT}")
    print(f"  ACLED CSV          {CSV}   (columns: docs/export.md)")
    print(f"  database           {DB}   (any SQLite tool, or `sitrep events --db {db}`)")
    print(f"  how an event was coded: .venv/bin/sitrep explain {_examples()}/wire_kyiv_drone_strike.txt")
    print(f"  web UI             http://127.0.0.1:{port}/  (API reference at /docs)")


def main() -> int:
    db = f"sqlite:///{DB}"
    port = os.environ.get("SITREP_DEMO_PORT", "8000")
    if DB.exists():
        DB.unlink()
    with tempfile.TemporaryDirectory(prefix="sitrep-demo-") as tmp:
        inputs = [str(_examples())]
        seeds = dated_seeds(ROOT.parent / "shared", Path(tmp) / "seeds")
        if seeds is not None:
            inputs.append(str(seeds))
        tour(inputs, db)
    where_to_look(db, port)
    if sys.stdin.isatty() and sys.stdout.isatty() and not os.environ.get("SITREP_DEMO_NO_SERVE"):
        print("Serving; press Ctrl-C to stop.")
        exe = shutil.which("sitrep", path=str(Path(sys.executable).parent)) or "sitrep"
        try:
            subprocess.run([exe, "serve", "--db", db, "--port", port])
        except KeyboardInterrupt:
            pass
    else:
        print(f"Not serving (no terminal). To browse: .venv/bin/sitrep serve --db {db} --port {port}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
