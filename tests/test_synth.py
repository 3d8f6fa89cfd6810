"""The synthetic corpus: reproducible from a seed, realistic enough to load every stage, readable
by the same readers as real input."""
from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.readers import read_inputs
from sitrep.record import Article
from sitrep.synth import generate, make_article, write_corpus


def test_same_seed_same_corpus_and_a_longer_corpus_starts_with_the_shorter():
    short = list(generate(5, seed=7))
    long = list(generate(20, seed=7))
    assert [a.text for a in short] == [a.text for a in long[:5]]
    assert [a.text for a in generate(5, seed=8)] != [a.text for a in short]


def test_articles_look_like_news():
    arts = list(generate(40, seed=1))
    assert len({a.id for a in arts}) == 40 and len({a.text for a in arts}) == 40
    for a in arts:
        assert a.text.startswith(a.title + "\n\n")
        assert "{" not in a.text, "every template slot is filled"
        assert 150 < len(a.text.split()) < 700
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", a.published) and a.url.startswith("https://")
    # several theatres, numbers and quotes: the stages have real work to do
    assert len({a.source for a in arts}) > 3
    assert sum('"' in a.text for a in arts) > 30
    assert sum(bool(re.search(r"\b\d+ (?:people|civilians)\b", a.text)) for a in arts) > 10


@settings(max_examples=25, deadline=None)
@given(i=st.integers(0, 10**7), seed=st.integers(-(10**6), 10**6))
def test_any_article_number_and_seed_gives_a_complete_article(i, seed):
    a = make_article(i, seed)
    assert isinstance(a, Article) and a.title and "{" not in a.text
    assert a == make_article(i, seed)


def test_written_corpus_reads_back_as_the_same_articles(tmp_path):
    expected = list(generate(6, seed=3))
    txt = write_corpus(6, tmp_path / "txt", seed=3, format="txt")
    jsonl = write_corpus(6, tmp_path / "dump", seed=3, format="jsonl")
    from_txt = [a for a in read_inputs([txt]) if isinstance(a, Article)]
    from_jsonl = [a for a in read_inputs([jsonl]) if isinstance(a, Article)]
    assert [(a.id, a.text, a.published) for a in from_txt] == [(a.id, a.text, a.published) for a in expected]
    assert [(a.id, a.text, a.url, a.source, a.published) for a in from_jsonl] == \
        [(a.id, a.text, a.url, a.source, a.published) for a in expected]


def test_synth_command_writes_the_corpus(cli, tmp_path):
    out = tmp_path / "corpus"
    r = cli("synth", 3, "--out", out, "--seed", 5)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"synth-5-000000{i}.txt" for i in range(3)]
    r = cli("synth", 4, "--out", tmp_path / "c.jsonl", "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    lines = (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all(json.loads(line)["text"] for line in lines)
    bad = cli("synth", 3, "--out", tmp_path / "x", "--format", "xml")
    assert bad.returncode == 2 and "txt, jsonl" in bad.stderr
