"""Bad input: each bad file is one clear error naming it, and the run goes on."""
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.readers import MAX_BYTES, read_file, read_inputs
from sitrep.record import Article, InputError

INPUTS = Path(__file__).parent / "fixtures" / "inputs"


def only_error(path):
    [r] = list(read_file(path))
    assert isinstance(r, InputError), r
    assert "\n" not in r.message and r.origin == str(path)
    return r


def test_empty_file(tmp_path):
    assert only_error(INPUTS / "empty.txt").kind == "empty"
    (tmp_path / "blank.html").write_text("  \n\n ")
    assert only_error(tmp_path / "blank.html").kind == "empty"


def test_binary_files_are_refused_by_content_not_name(tmp_path):
    assert "PNG" in only_error(INPUTS / "picture.png").message
    disguised = tmp_path / "story.txt"
    disguised.write_bytes(b"abc\x00\x01\x02def" * 100)
    assert "not a text file" in only_error(disguised).message


def test_text_without_letters_or_sentences_is_empty(tmp_path):
    assert only_error(INPUTS / "no_letters.txt").kind == "empty"
    (tmp_path / "one.txt").write_text("Hello\n")
    assert only_error(tmp_path / "one.txt").kind == "empty"


def test_huge_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:          # sparse: instant, takes no disk
        fh.seek(MAX_BYTES + 10)
        fh.write(b"x")
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda f, *a, **k: opened.append(str(f)) or real_open(f, *a, **k))
    err = only_error(big)
    assert err.kind == "too_large" and "50.0 MB" in err.message
    assert str(big) not in opened


def test_huge_line_in_jsonl_is_one_error_and_the_next_line_is_read(tmp_path):
    f = tmp_path / "big.jsonl"
    with open(f, "wb") as fh:
        fh.write(b'{"text": "' + b"a" * (MAX_BYTES + 5) + b'"}\n')
        fh.write(b'{"id": "ok", "text": "Ships left the port of Odesa on Monday."}\n')
    results = list(read_file(f))
    assert [type(r).__name__ for r in results] == ["InputError", "Article"]
    assert results[0].kind == "too_large" and results[0].origin.endswith(":1")


def test_not_a_feed_and_not_a_warc(tmp_path):
    (tmp_path / "x.rss").write_text("this is no feed at all, just some words")
    assert only_error(tmp_path / "x.rss").kind in ("parse", "empty")
    (tmp_path / "x.warc").write_text("hello there, not a web archive")
    assert only_error(tmp_path / "x.warc").kind in ("parse", "empty")


def test_missing_file_is_an_error_and_the_run_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text("Kyiv\n\nSirens sounded in Kyiv at noon, officials said.\n")
    out = list(read_inputs([tmp_path / "missing.txt", tmp_path / "a.txt"]))
    assert isinstance(out[0], InputError) and "no such file" in out[0].message
    assert isinstance(out[1], Article)


SUFFIXES = [".txt", ".html", ".jsonl", ".json", ".xml", ".warc", ".gz", ""]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=600), st.text(max_size=600).map(lambda s: s.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from(SUFFIXES))
def test_arbitrary_bytes_never_raise_and_always_yield_something(tmp_path, data, suffix):
    f = tmp_path / f"in{suffix}"
    f.write_bytes(data)
    results = list(read_file(f))
    assert results and all(isinstance(r, (Article, InputError)) for r in results)
    for r in results:
        if isinstance(r, InputError):
            assert r.message and "\n" not in r.message


def test_cli_extract_reports_each_failure_and_counts_add_up(cli, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name in ["junk_page.txt", "stories.jsonl", "empty.txt", "picture.png", "cp1251.txt", "feed.rss"]:
        shutil.copy(INPUTS / name, d / name)
    (d / "broken.html").write_text("<html><body><p>Explosions were heard in Odesa overnight, "
                                   "the city council said.<p><div>Air defence was active")
    errors = tmp_path / "e.jsonl"
    r = cli("extract", d, "--errors", errors)
    assert r.returncode == 1, r.stderr
    records = [json.loads(x) for x in r.stdout.splitlines()]
    failed = [json.loads(x) for x in errors.read_text().splitlines()]
    stderr_lines = [x for x in r.stderr.splitlines() if x.startswith("error: ")]
    # inputs: junk_page, stories x3, empty, picture, cp1251, rss x2, broken.html = 10
    assert len(records) + len(failed) == 10
    assert len(failed) == 3 and len(stderr_lines) == 3
    for e, line in zip(failed, stderr_lines):
        assert line == f"error: {e['origin']}: {e['message']}"
    named = " ".join(stderr_lines)
    assert "empty.txt" in named and "picture.png" in named and "stories.jsonl:2" in named
    junk = next(x for x in records if x["id"] == "junk_page")
    assert "Leave A Reply" in junk["boilerplate"]


def test_cli_extract_all_good_exits_zero(cli, tmp_path):
    f = tmp_path / "ok.txt"
    f.write_text("Strike on depot\n\nA missile hit a fuel depot near Lviv on Saturday, the governor said.\n")
    r = cli("extract", f, "--published", "2022-03-26")
    assert r.returncode == 0, r.stderr
    [rec] = [json.loads(x) for x in r.stdout.splitlines()]
    assert rec["published"] == "2022-03-26"


def test_cli_rejects_a_bad_published_date(cli, tmp_path):
    f = tmp_path / "ok.txt"
    f.write_text("Strike on depot\n\nA missile hit a fuel depot near Lviv on Saturday.\n")
    r = cli("extract", f, "--published", "someday")
    assert r.returncode == 2 and "not a date" in r.stderr


def test_text_longer_than_the_parser_takes_is_refused(tmp_path):
    from sitrep.readers.detect import MAX_TEXT_CHARS
    f = tmp_path / "long.txt"
    line = "Shelling continued near the town on Sunday, officials said.\n"
    f.write_text(line * (MAX_TEXT_CHARS // len(line) + 1))
    err = only_error(f)
    assert err.kind == "too_large" and "split" in err.message
