"""`make demo`: a short tour, dated inputs, and no server without a terminal."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.demo import dated_seeds


def test_seeds_get_their_gold_dates_as_front_matter(tmp_path):
    shared = tmp_path / "shared"
    (shared / "seeds").mkdir(parents=True)
    (shared / "eval" / "gold").mkdir(parents=True)
    (shared / "seeds" / "a.txt").write_text("Title\n\nBody.\n")
    (shared / "seeds" / "b.txt").write_text("Other\n\nBody.\n")
    (shared / "eval" / "gold" / "a.json").write_text(json.dumps({"published": "2022-02-22"}))
    out = dated_seeds(shared, tmp_path / "out")
    assert (out / "a.txt").read_text().startswith("---\npublished: 2022-02-22\n---\nTitle")
    assert (out / "b.txt").read_text() == "Other\n\nBody.\n"                 # no gold: left as it is
    assert dated_seeds(tmp_path / "nowhere", tmp_path / "x") is None


@pytest.mark.slow
def test_demo_prints_a_short_tour_and_does_not_serve_without_a_terminal(tmp_path):
    root = Path(__file__).resolve().parents[1]
    (tmp_path / "examples").symlink_to(root / "examples")
    done = subprocess.run([sys.executable, "-m", "sitrep.demo"], cwd=tmp_path, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=900)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) < 90                                                    # a tour, not 900 lines
    for cmd in ("$ sitrep extract", "$ sitrep ingest", "$ sitrep events", "$ sitrep disputes",
                "$ sitrep export", "$ sitrep report"):
        assert any(line.startswith(cmd) for line in lines), cmd
    assert "Where to look:" in done.stdout and "Not serving (no terminal)" in done.stdout
    assert (tmp_path / "sitrep-report-demo.html").is_file() and (tmp_path / "sitrep-demo-acled.csv").is_file()
    assert "0 errors" in done.stdout
