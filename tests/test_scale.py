"""Extraction on dask.distributed: same records as a local run, nothing lost when a worker dies.

The cluster tests start a real LocalCluster of 2 worker processes on localhost (once for the
module) and stop it at the end.
"""
from __future__ import annotations

import collections
import io
import os
import signal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep import scale
from sitrep.record import InputError, Record
from sitrep.synth import generate, write_jsonl, write_txt


# ----------------------------------------------------------------------------- helpers

def write_warc(path: Path, articles) -> None:
    """A crawl-like .warc.gz: a request and an HTML response record per article."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for a in articles:
            body = "".join(f"<p>{p}</p>" for p in a.text.split("\n\n")[1:])
            html = (f"<html><head><title>{a.title}</title></head><body><article><h1>{a.title}</h1>"
                    f"{body}</article></body></html>").encode()
            w.write_record(w.create_warc_record(a.url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(a.url, "response", payload=io.BytesIO(html), http_headers=headers))


def write_rss(path: Path, articles) -> None:
    """An RSS 2.0 feed with one item per article, full text in the description."""
    from xml.sax.saxutils import escape

    items = "".join(f"<item><title>{escape(a.title)}</title><link>{escape(a.url)}</link>"
                    f"<description>{escape(a.text)}</description></item>" for a in articles)
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}'
                    f"</channel></rss>", encoding="utf-8")


def local_run(paths):
    from sitrep.run.local import extract_many
    from sitrep.readers import read_inputs

    return list(extract_many(read_inputs(paths)))


def by_id(results):
    return {r.id: r.to_json(include_text=True) for r in results if isinstance(r, Record)}


def errors_of(results):
    return sorted((e.origin, e.kind) for e in results if isinstance(e, InputError))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Plain files, a JSON-lines dump and a crawl file: the three ways partitions are made."""
    root = tmp_path_factory.mktemp("corpus")
    write_txt(generate(10, seed=11), root / "txt")
    write_jsonl(generate(12, seed=12), root / "dump" / "news.jsonl")
    write_warc(root / "crawl.warc.gz", list(generate(6, seed=13)))
    return root


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0", silence_logs=40)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


# ----------------------------------------------------------------------------- planning (no cluster)

def test_jsonl_and_warc_with_more_records_than_a_partition_are_split_into_ranges(corpus):
    parts = list(scale.plan([corpus], partition_size=4))
    ranges = [p for p in parts if isinstance(p, scale.Range)]
    assert {r.kind for r in ranges} == {"jsonl", "warc"}
    jsonl = [r for r in ranges if r.kind == "jsonl"]
    assert [r.first for r in jsonl] == [0, 4, 8] and sum(r.n for r in jsonl) == 12
    files = [p for p in parts if isinstance(p, scale.Files)]
    assert sum(len(f.paths) for f in files) == 10


def test_files_are_split_by_records_not_by_bytes(tmp_path):
    small = tmp_path / "small.jsonl"          # few records, however many bytes: one batch
    write_jsonl(generate(4, seed=14), small)
    one = tmp_path / "one.jsonl"              # one file of 3 partitions' worth, however few bytes
    write_jsonl(generate(9, seed=15), one)
    assert one.stat().st_size < 1_000_000
    parts = list(scale.plan([small], partition_size=4))
    assert [type(p) for p in parts] == [scale.Files]
    parts = list(scale.plan([one], partition_size=4))
    assert [(p.first, p.n) for p in parts] == [(0, 4), (4, 4), (8, 1)]
    assert all(isinstance(p, scale.Range) and p.kind == "jsonl" for p in parts)


def test_a_feed_with_more_items_than_a_partition_is_split_into_item_ranges(tmp_path):
    from sitrep.readers import read_inputs

    feed = tmp_path / "wire.rss"
    write_rss(feed, list(generate(7, seed=16)))
    parts = list(scale.plan([feed], partition_size=3))
    assert [(p.kind, p.first, p.n) for p in parts] == [("feed", 0, 3), ("feed", 3, 3), ("feed", 6, 1)]
    ranged = [a for p in parts for a in scale.read_partition(p)]
    whole = list(read_inputs([feed]))
    assert [(a.id, a.origin, a.text) for a in ranged] == [(a.id, a.origin, a.text) for a in whole]
    pieces = scale.split(parts[0])
    assert [a.origin for p in pieces for a in scale.read_partition(p)] == [a.origin for a in whole[:3]]


def test_reading_the_ranges_gives_what_a_local_run_reads(corpus):
    from sitrep.readers import read_inputs

    parts = list(scale.plan([corpus], partition_size=3))
    ranged = [x for p in parts for x in scale.read_partition(p)]
    whole = list(read_inputs([corpus]))
    assert [(a.id, a.origin, a.text) for a in ranged] == [(a.id, a.origin, a.text) for a in whole]


@pytest.mark.parametrize("size", [4, 8])
def test_smaller_tail_partitions_read_every_input_once_in_order(corpus, size):
    """The last partitions are cut smaller (so the workers finish together), yet the inputs read
    are those of a local run, in its order, and the partitions are numbered in plan order."""
    from sitrep.readers import read_inputs

    parts = list(scale.plan([corpus], partition_size=size, tail=2))
    plain = list(scale.plan([corpus], partition_size=size))
    assert [p.index for p in parts] == list(range(len(parts)))
    assert len(parts) > len(plain), "the tail is cut into more, smaller partitions"
    assert max(p.n for p in parts[-3:]) < size
    read = [x for p in parts for x in scale.read_partition(p)]
    whole = list(read_inputs([corpus]))
    assert [(a.id, a.origin) for a in read] == [(a.id, a.origin) for a in whole]


def test_splitting_a_partition_into_single_inputs_keeps_every_input(corpus):
    for part in scale.plan([corpus], partition_size=4):
        whole = [(a.id, a.origin) for a in scale.read_partition(part)]
        pieces = scale.split(part)
        assert len(pieces) == (len(part.paths) if isinstance(part, scale.Files) else part.n)
        assert [(a.id, a.origin) for p in pieces for a in scale.read_partition(p)] == whole


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.one_of(st.just(""), st.text(alphabet="ab{}\" \u00e9\t", max_size=30)), max_size=40),
       size=st.integers(1, 7), trailing_newline=st.booleans())
def test_jsonl_ranges_cover_every_line_exactly_once(tmp_path_factory, lines, size, trailing_newline):
    path = tmp_path_factory.mktemp("r") / "x.jsonl"
    data = "\n".join(lines) + ("\n" if trailing_newline and lines else "")
    path.write_bytes(data.encode("utf-8"))
    ranges = list(scale._ranges(path, "jsonl", size))
    raw = path.read_bytes()
    assert b"".join(raw[r.start:r.end] for r in ranges) == raw
    assert [r.first for r in ranges] == [sum(r.n for r in ranges[:i]) for i in range(len(ranges))]
    assert all(1 <= r.n <= size for r in ranges)


def test_cluster_spec_errors_say_what_is_expected():
    assert scale.parse_cluster("local:3") == 3
    for bad in ("local:x", "remote:2", "local:0"):
        with pytest.raises(scale.ClusterError, match="local:N"):
            scale.parse_cluster(bad)


def test_unreachable_scheduler_is_one_clear_error():
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}), pytest.raises(scale.ClusterError, match="cannot reach Dask scheduler"):
        next(scale.extract_on_dask(["nothing"], scheduler="tcp://127.0.0.1:9", progress=False))


# ----------------------------------------------------------------------------- on a real cluster

@pytest.mark.slow
def test_cluster_run_gives_the_records_of_a_local_run(corpus, client):
    expected = local_run([corpus])
    got = list(scale.extract_on_dask([corpus], client=client, partition_size=4,
                                     progress=False))
    assert len(got) == len(expected)
    assert by_id(got) == by_id(expected)
    assert errors_of(got) == errors_of(expected)


@pytest.mark.slow
def test_one_jsonl_file_keeps_both_workers_busy_and_gives_the_local_records(tmp_path, client):
    from distributed import get_task_stream

    path = tmp_path / "one.jsonl"
    write_jsonl(generate(16, seed=17), path)
    with get_task_stream(client) as stream:
        got = list(scale.extract_on_dask([path], client=client, partition_size=2, progress=False))
    workers = {t["worker"] for t in stream.data if str(t.get("key", "")).startswith("sitrep-extract")}
    assert len(workers) == 2, "both workers extracted part of the one file"
    expected = local_run([path])
    assert by_id(got) == by_id(expected) and len(by_id(got)) == 16
    assert errors_of(got) == errors_of(expected)


@pytest.mark.slow
def test_an_existing_scheduler_is_used_by_its_address_and_left_running(tmp_path, client):
    write_txt(generate(3, seed=51), tmp_path)
    address = client.scheduler.address
    assert address.startswith("tcp://")
    got = list(scale.extract_on_dask([tmp_path], scheduler=address, progress=False))
    assert set(by_id(got)) == {a.id for a in generate(3, seed=51)}
    assert len(client.scheduler_info()["workers"]) == 2, "sitrep does not shut down a cluster it did not start"


@pytest.mark.slow
def test_poisoned_inputs_become_errors_and_the_job_succeeds(tmp_path, client):
    write_txt(generate(4, seed=21), tmp_path)
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(300))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.jsonl").write_text('{"text": "Fighting in Kharkiv."}\n{not json\n', encoding="utf-8")
    got = list(scale.extract_on_dask([tmp_path, tmp_path / "missing.txt"], client=client,
                                     partition_size=3, progress=False))
    errors = {Path(e.origin.split(":")[0]).name for e in got if isinstance(e, InputError)}
    assert {"photo.txt", "empty.txt", "broken.jsonl", "missing.txt"} <= errors
    assert {a.id for a in generate(4, seed=21)} <= set(by_id(got))
    assert errors_of(got) == errors_of(local_run([tmp_path, tmp_path / "missing.txt"]))


@pytest.mark.slow
def test_parquet_shards_round_trip_to_the_same_records(corpus, client, tmp_path):
    out = tmp_path / "shards"
    summary = scale.write_parquet_shards([corpus], out, client=client, partition_size=5,
                                         progress=False)
    expected = local_run([corpus])
    back = list(scale.read_parquet_shards(out))
    assert by_id(back) == by_id(expected)
    assert summary["records"] == len(by_id(expected)) and summary["shards"] == len(list(out.glob("part-*.parquet")))
    with pytest.raises(FileExistsError, match="already holds"):
        scale.write_parquet_shards([corpus], out, client=client, progress=False)


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_nothing(tmp_path, client):
    articles = list(generate(30, seed=31))
    write_txt(articles, tmp_path)
    pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    seen = collections.Counter()
    killed = False
    for r in scale.extract_on_dask([tmp_path], client=client, partition_size=2, progress=False):
        seen[r.id if isinstance(r, Record) else r.origin] += 1
        if not killed:
            os.kill(victim, signal.SIGKILL)
            killed = True
    assert killed
    assert set(seen) == {a.id for a in articles}
    assert set(seen.values()) == {1}, "every input ends exactly once"
    client.wait_for_workers(2, timeout=60)
    assert victim not in client.run(os.getpid).values(), "the nanny replaced the killed worker"


@pytest.mark.slow
def test_an_input_that_kills_every_worker_becomes_an_error(tmp_path, client):
    write_txt(generate(5, seed=41), tmp_path)
    (tmp_path / "poison.txt").write_text("Crashes whoever reads it.", encoding="utf-8")

    def crashing_task(part, name, published):  # stands in for a segfault in a C extension
        from sitrep import scale as s

        if any("poison" in p for p in getattr(part, "paths", ())):
            os._exit(1)
        return s.run_partition(part, published)

    scheduler = client.cluster.scheduler
    saved = scheduler.allowed_failures
    scheduler.allowed_failures = 0          # give up after the first crash, to keep the test short
    try:
        job = scale._Job(crashing_task, lambda part, sub, errs: errs, "poison", partition_size=3,
                         retries=0, progress=False)
        got = list(scale._Driver(client, [tmp_path], job))
    finally:
        scheduler.allowed_failures = saved
    results = [r for batch in got for r in batch]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [Path(e.origin).name for e in errors] == ["poison.txt"]
    assert "killed its worker" in errors[0].message
    assert set(by_id(results)) == {a.id for a in generate(5, seed=41)}
