"""The pool's watchdog: a child stuck in native code that never returns (where the budget's timer
signal cannot reach it) is stopped by the parent; its article becomes one error row naming it,
the other articles become records, and the run goes on (issue 14, section 2)."""
from __future__ import annotations

import pytest

from sitrep.record import Article, InputError, Record
from sitrep.run.budget import Budget

LINES = [
    "RSF fighters shelled a market in El Fasher on Sunday, killing nine traders, witnesses said.",
    "Gunmen attacked a convoy near Gao on Tuesday, the Malian army said in a statement.",
    "An air strike hit a shelter in Rafah overnight, the civil defence agency said.",
    "The junta's jets bombed a village in Sagaing region, residents told reporters.",
    "M23 rebels seized the town of Rubaya after heavy fighting, local officials said.",
]
MARKER = "SITREP-TEST-STUCK"


def _items(stuck_at: int, n: int = 4) -> list:
    items = [Article(id=f"a{i}", text=f"Report {i}\n\n{LINES[i]}", origin=f"feed.jsonl:{i + 1}") for i in range(n)]
    items[stuck_at] = Article(id="stuck", text=f"Report\n\n{LINES[4]} {MARKER}", origin=f"feed.jsonl:{stuck_at + 1}")
    return items


def _stuck_in_c(chunk, budget=None):
    """A child's task: the real extraction, with the quotes stage stuck in C on the marked
    article. `sum` over a huge range runs in C and never returns to the interpreter, so no
    signal handler (the budget's timer) ever runs."""
    from sitrep import quotes
    from sitrep.run.local import extract_chunk
    real = quotes.find_quotes

    def find_quotes(an, kb=None):
        if MARKER in an.article.text:
            sum(range(10 ** 15))
        return real(an, kb)
    quotes.find_quotes = find_quotes
    try:
        return extract_chunk(chunk, budget)
    finally:
        quotes.find_quotes = real


def _blocked(chunk, budget=None):
    """A child's task: the marked article waits without spending CPU (a call blocked on I/O),
    which a CPU-time budget never notices."""
    import time

    from sitrep import quotes
    from sitrep.run.local import extract_chunk
    real = quotes.find_quotes

    def find_quotes(an, kb=None):
        if MARKER in an.article.text:
            time.sleep(3600)
        return real(an, kb)
    quotes.find_quotes = find_quotes
    try:
        return extract_chunk(chunk, budget)
    finally:
        quotes.find_quotes = real


@pytest.mark.parametrize("task", [_stuck_in_c, _blocked], ids=["cpu-bound-in-C", "blocked-without-CPU"])
def test_a_stuck_child_is_stopped_and_costs_only_its_article(task):
    from sitrep.run.local import extract_stream
    items = _items(stuck_at=1)
    out = list(extract_stream(iter(items), workers=2, chunk_size=2, task=task,
                              budget=Budget(seconds=2, memory_mb=None)))
    assert [type(r).__name__ for r in out] == ["Record", "InputError", "Record", "Record"]
    err = out[1]
    assert err.origin == "feed.jsonl:2" and err.kind == "too_slow"
    assert err.message.startswith("too slow: stuck for") and "\n" not in err.message
    assert [r.id for r in out if isinstance(r, Record)] == ["a0", "a2", "a3"]
    assert all(r.events for r in out if isinstance(r, Record))      # real extractions, not stubs


def test_the_run_goes_on_after_the_stuck_article_in_a_fresh_pool():
    """The stuck article first in its chunk and more work after it: every input still ends as
    a record or a listed error, in input order."""
    from sitrep.run.local import extract_stream
    items = _items(stuck_at=2, n=4) + [InputError("broken.jsonl:3", "malformed JSON", "parse")]
    out = list(extract_stream(iter(items), workers=2, chunk_size=1, task=_stuck_in_c,
                              budget=Budget(seconds=2, memory_mb=None)))
    assert len(out) == len(items)
    assert [getattr(r, "origin", None) or r.id for r in out] == \
        ["a0", "a1", "feed.jsonl:3", "a3", "broken.jsonl:3"]
    assert isinstance(out[2], InputError) and out[2].kind == "too_slow"
    assert sum(isinstance(r, Record) for r in out) == 3


def test_the_wall_limit_follows_the_budget():
    assert Budget(seconds=None).wall_limit() is None
    assert Budget(seconds=10).wall_limit(2) > Budget(seconds=10).wall_limit(1) > 10


@pytest.mark.parametrize("task", [_stuck_in_c, _blocked], ids=["cpu-bound-in-C", "blocked-without-CPU"])
def test_one_worker_is_as_safe_as_a_pool(task):
    """`sitrep extract` with one worker (`isolate`, as service.extract_paths asks): the stuck
    article becomes one "too slow" row naming FILE:LINE, and the articles after it are records."""
    from sitrep.run.local import extract_stream
    items = _items(stuck_at=1) + [InputError("broken.jsonl:3", "malformed JSON", "parse")]
    out = list(extract_stream(iter(items), workers=1, isolate=True, task=task,
                              budget=Budget(seconds=2, memory_mb=None)))
    assert [type(r).__name__ for r in out] == ["Record", "InputError", "Record", "Record", "InputError"]
    err = out[1]
    assert err.origin == "feed.jsonl:2" and err.kind == "too_slow"
    assert err.line().startswith("error: feed.jsonl:2: too slow: stuck for") and "\n" not in err.line()
    assert [r.id for r in out if isinstance(r, Record)] == ["a0", "a2", "a3"]
    assert all(r.events for r in out if isinstance(r, Record))


def test_extract_with_one_worker_gives_the_records_of_an_in_process_run(tmp_path, monkeypatch):
    """The isolated one-worker run of `sitrep extract` (service.extract_paths) loses nothing and
    changes nothing: the same records, in the same order, as extraction in this process."""
    from sitrep import service
    from sitrep.run.local import extract_many
    from sitrep.service import extract_paths, read_paths
    monkeypatch.setattr(service, "SMALL_INPUT_BYTES", 0)      # this feed is small: force the child
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(f'{{"id": "a{i}", "text": "Report {i}\\n\\n{t}"}}\n' for i, t in enumerate(LINES))
                    + "{broken\n", encoding="utf-8")
    isolated = [r.to_json() for r in extract_paths([feed], published="2024-05-01")]
    here = [r.to_json() for r in extract_many(read_paths([feed], "2024-05-01", None), workers=1)]
    assert isolated == here
    assert len(isolated) == len(LINES) + 1 and isolated[-1]["origin"].endswith("feed.jsonl:6")


def test_only_a_few_small_plain_files_are_extracted_without_a_child(tmp_path):
    """`sitrep extract one.txt` runs in its own process (no second start-up); a big input, a
    compressed one, a missing one or many files still get the isolated child and its watchdog."""
    from sitrep.service import SMALL_INPUT_BYTES, SMALL_INPUT_FILES, small_input
    one = tmp_path / "one.txt"
    one.write_text("Report\n\n" + LINES[0], encoding="utf-8")
    assert small_input([one])
    big = tmp_path / "big.jsonl"
    big.write_text("x" * (SMALL_INPUT_BYTES + 1), encoding="utf-8")
    assert not small_input([big]) and not small_input([one, big])
    gz = tmp_path / "feed.jsonl.gz"
    gz.write_bytes(b"\x1f\x8b")
    assert not small_input([gz])
    assert not small_input([tmp_path / "missing.txt"])
    many = tmp_path / "many"
    many.mkdir()
    for i in range(SMALL_INPUT_FILES + 1):
        (many / f"a{i}.txt").write_text("Report\n\nA short text.", encoding="utf-8")
    assert not small_input([many])
    (many / "a0.txt").unlink()
    assert small_input([many])


def test_ingest_of_one_small_file_starts_no_pool_and_a_big_one_does(tmp_path, monkeypatch):
    """`sitrep ingest one.txt` stores the article without a pool's second start-up; past the
    small-input size the extraction runs in the pool (extract_ahead) as before."""
    from sitrep import service
    from sitrep.run import local
    from sitrep.store import open_db
    one = tmp_path / "one.txt"
    one.write_text("Report\n\n" + LINES[0], encoding="utf-8")
    started = []
    real = local.start_pool
    monkeypatch.setattr(local, "start_pool", lambda n: started.append(n) or real(n))
    st = open_db(f"sqlite:///{tmp_path / 'a.db'}")
    try:
        service.ingest_paths(st, [one], published="2024-05-01")
        assert started == [] and st.stats()["articles"] == 1
    finally:
        st.close()
    monkeypatch.setattr(service, "SMALL_INPUT_BYTES", 0)
    st = open_db(f"sqlite:///{tmp_path / 'b.db'}")
    try:
        service.ingest_paths(st, [one], published="2024-05-01")
        assert started == [1] and st.stats()["articles"] == 1
    finally:
        st.close()
