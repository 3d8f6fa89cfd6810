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


def _body(a: Article) -> str:
    return a.text.split("\n\n", 1)[1]


def _pool():
    from sitrep.knowledge import get_knowledge
    return get_knowledge().yaml("synth.yaml")


def test_articles_look_like_news():
    arts = list(generate(40, seed=1))
    assert len({a.id for a in arts}) == 40 and len({a.url for a in arts}) == 40
    for a in arts:
        assert a.text.startswith(a.title + "\n\n")
        assert "{" not in a.text, "every template slot is filled"
        assert 150 < len(a.text.split()) < 700
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", a.published) and a.url.startswith("https://")
    # several theatres, numbers and quotes: the stages have real work to do
    assert len({a.source for a in arts}) > 3
    assert sum('"' in a.text for a in arts) > 20
    assert sum(bool(re.search(r"\b\d+ (?:people|civilians)\b", a.text)) for a in arts) > 10


def test_the_same_incident_is_told_by_several_outlets_as_copies_and_as_retellings():
    arts = list(generate(240, seed=2))
    by_title: dict[str, list[Article]] = {}
    for a in arts:
        by_title.setdefault(a.title, []).append(a)
    copies = [(x, y) for group in by_title.values() for i, x in enumerate(group) for y in group[i + 1:]
              if _body(x).split("\n\n")[:3] == _body(y).split("\n\n")[:3]]
    assert len(copies) > 10, "syndicated copies: the same words under another outlet"
    assert all(x.source != y.source and x.url != y.url for x, y in copies)
    leads = {}
    for a in arts:
        leads.setdefault(a.title, set()).add(_body(a).split("\n\n")[0])
    tolls = [re.findall(r"\b(\d+) (?:people|civilians)\b", " ".join(v)) for v in leads.values() if len(v) > 1]
    assert sum(len(set(t)) > 1 for t in tolls) > 3, "retellings of one incident give differing tolls"


def test_most_articles_carry_junk_lines_the_cleaner_must_remove():
    prefixes = tuple(line.split("{")[0] for line in _pool()["junk"] if line.split("{")[0])
    arts = list(generate(200, seed=3))
    with_junk = [a for a in arts if any(p.startswith(prefixes) for p in _body(a).split("\n\n"))]
    assert len(with_junk) > len(arts) / 2


def test_name_and_town_pools_are_big_enough_to_exercise_resolution_at_scale():
    names = _pool()["names"]
    firsts = {f for g in names.values() for f in g["first"]}
    lasts = {x for g in names.values() for x in g["last"]}
    person = re.compile(r"\b([A-Z][\w'-]+) ([A-Z][\w'-]+)\b")
    people, towns, surnames = set(), set(), {}
    for a in generate(3000, seed=4):
        for first, last in person.findall(a.text):
            if first in firsts and last in lasts:
                people.add((first, last))
                surnames.setdefault(last, set()).add(first)
        towns.update(re.findall(r"(?:in|near|from|to) ([A-Z][\w'-]+)", a.title))
    assert len(people) > 2000, "thousands of different people, not a few hundred"
    assert sum(len(v) > 1 for v in surnames.values()) > 100, "different people share a surname"
    assert len(towns) > 150, "tens of towns per theatre, beyond the hand-picked ones"


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
