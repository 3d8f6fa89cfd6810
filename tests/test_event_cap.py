"""The per-article cap on events (issue 14, section 2: peak memory under 1 GB for any accepted
input). A text built of repeated reports makes one event per sentence, and 100,000 of them took
the process past 1.5 GB; past the cap the article becomes one error row naming it ("too many
events"), the other articles of the run become records, and an ordinary article is untouched."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.pipeline import _extract_batch
from sitrep.record import Article, Record
from sitrep.run.budget import Budget

SITREP = Path(sys.executable).parent / "sitrep"

TOLLS = [
    "{n} people were killed in Goma.", "Shelling killed {n} civilians in Kharkiv.",
    "{n} soldiers died in an ambush near Gao.", "An air strike killed {n} people in Rafah.",
    "Gunmen killed {n} villagers near Maiduguri.", "A drone strike killed {n} fighters in Marib.",
    "{n} people were killed in clashes in Aleppo.", "Junta jets killed {n} villagers in Sagaing.",
    "Al-Shabaab fighters killed {n} soldiers near Mogadishu.", "Artillery fire killed {n} people in Mekelle.",
]


def _repeated(n_sentences: int) -> str:
    return "Tolls\n\n" + " ".join(TOLLS[i % len(TOLLS)].format(n=i % 80 + 2) for i in range(n_sentences)) + "\n"


ORDINARY = ("Strike on Kharkiv\n\nRussian missiles hit an industrial area of Kharkiv overnight, killing "
            "three people, the governor said. Ukrainian forces shot down two drones over Odesa.")


def test_an_article_past_the_cap_is_one_error_row_and_its_neighbours_are_records():
    items = [Article(id="a", text=ORDINARY, origin="feed.jsonl:1"),
             Article(id="b", text=_repeated(40), origin="feed.jsonl:2"),
             Article(id="c", text=ORDINARY.replace("Kharkiv", "Kherson"), origin="feed.jsonl:3")]
    out = _extract_batch(items, budget=Budget(seconds=None, memory_mb=None, events=10))
    assert [type(r).__name__ for r in out] == ["Record", "InputError", "Record"]
    err = out[1]
    assert err.origin == "feed.jsonl:2" and err.kind == "too_many"
    assert err.message.startswith("too many events: more than 10 ") and "--max-events" in err.message
    assert "\n" not in err.message
    assert out[0].events and out[2].events


def test_under_the_cap_every_event_is_kept():
    text = _repeated(30)
    capped = _extract_batch([Article(id="k", text=text)], budget=Budget(seconds=None, memory_mb=None, events=1000))
    free = _extract_batch([Article(id="k", text=text)], budget=Budget(seconds=None, memory_mb=None, events=None))
    assert isinstance(capped[0], Record) and len(capped[0].events) >= 20
    assert [e.evidence for e in capped[0].events] == [e.evidence for e in free[0].events]


def test_the_default_cap_is_far_above_any_news_article():
    assert Budget.configured().events >= 10_000


def _cli(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(SITREP), *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **env})


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_cli_cap_gives_one_error_line_and_exit_1(tmp_path, how):
    f = tmp_path / "tolls.txt"
    f.write_text(_repeated(40), encoding="utf-8")
    ok = tmp_path / "story.txt"
    ok.write_text(ORDINARY, encoding="utf-8")
    args, env = (["--max-events", "10"], {}) if how == "option" else ([], {"SITREP_MAX_EVENTS": "10"})
    proc = _cli(["extract", str(f), str(ok), *args], env)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {f}: too many events: more than 10")
    [rec] = [json.loads(x) for x in proc.stdout.splitlines()]
    assert rec["events"]


def test_a_cap_of_zero_switches_it_off(tmp_path):
    f = tmp_path / "tolls.txt"
    f.write_text(_repeated(40), encoding="utf-8")
    proc = _cli(["extract", str(f), "--max-events", "0"], {"SITREP_MAX_EVENTS": "10"})
    assert proc.returncode == 0, proc.stderr
    assert len(json.loads(proc.stdout)["events"]) > 10


def test_a_negative_cap_in_the_environment_is_one_clear_line(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(ORDINARY, encoding="utf-8")
    proc = _cli(["extract", str(f)], {"SITREP_MAX_EVENTS": "-5"})
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "SITREP_MAX_EVENTS" in proc.stderr


def test_the_quotes_stage_keeps_no_set_per_sentence():
    """The quotes stage cached each sentence's attributions under a key holding a new union of
    the reporting-verb sets (4 KB each): 25 MB per 0.1 MB of text, most of a 4 MB article's
    1.5 GB peak. What it keeps now grows by far less than a kilobyte per sentence."""
    import tracemalloc

    from sitrep import entities, places, quotes
    from sitrep.analysis import Analysis
    from sitrep.clean import clean
    from sitrep.dates import DateResolver
    from sitrep.nlp import parse
    text = _repeated(1500)
    cl = clean(text)
    an = Analysis(article=Article(id="m", text=text), clean=cl, doc=parse(cl.text), dates=DateResolver(None))
    an.locations = places.find_places(an)
    an.persons, an.organizations = entities.find_entities(an)
    finder = quotes._Finder(an)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        finder.run()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 1500 * 1024, f"{kept / 1500:.0f} bytes kept per sentence"
