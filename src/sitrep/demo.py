"""`make demo`: the whole pipeline on the bundled sample articles, as a user would run it.

Runs the CLI commands the README shows (so the demo cannot drift from them): extract a table of
records, ingest into the embedded database, list events and disputes, write a situation report,
and serve the web UI. The seeds in ../shared/seeds are added when that folder exists (they are
never copied into the repository).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path.cwd()
DB = ROOT / "sitrep-demo.db"
REPORT = ROOT / "sitrep-report-demo.html"


def _sitrep(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    exe = shutil.which("sitrep", path=str(Path(sys.executable).parent)) or "sitrep"
    print(f"\n$ sitrep {' '.join(args)}", flush=True)
    return subprocess.run([exe, *args], check=check)


def _inputs() -> list[str]:
    here = [ROOT / "examples", Path(__file__).resolve().parent / "examples"]
    inputs = [str(next(p for p in here if p.is_dir()))]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        inputs.append(str(seeds))
    return inputs


def main() -> int:
    inputs = _inputs()
    db = f"sqlite:///{DB}"
    if DB.exists():
        DB.unlink()
    _sitrep("extract", inputs[0], "--format", "table", check=False)
    _sitrep("ingest", *inputs, "--db", db)
    _sitrep("events", "--db", db, "--format", "table", check=False)
    _sitrep("disputes", "--db", db, check=False)
    _sitrep("report", "--db", db, "--days", "3650", "--format", "html", "--out", str(REPORT), check=False)
    print(f"\nSituation report: {REPORT}")
    port = os.environ.get("SITREP_DEMO_PORT", "8000")
    print(f"Web UI: http://127.0.0.1:{port}/  (database {DB})")
    if sys.stdin.isatty() and not os.environ.get("SITREP_DEMO_NO_SERVE"):
        print("Serving; press Ctrl-C to stop.")
        try:
            _sitrep("serve", "--db", db, "--port", port, check=False)
        except KeyboardInterrupt:
            pass
    else:
        print(f"To browse it: .venv/bin/sitrep serve --db {db} --port {port}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
