"""A seeded synthetic corpus of conflict news, for scale runs and `make bench`.

Articles are made by recombining the sentence templates, places, actors, numbers and quotes of
`data/synth.yaml`: real place names (so the gazetteer and geocoder do real work), invented people,
events that never happened. Article `i` of seed `s` depends only on (s, i), so `generate(1000, s)`
starts with `generate(10, s)` and a benchmark can grow its corpus without changing what it had.

This is load, not truth: never evaluate accuracy on it.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import random
from pathlib import Path
from typing import Iterable, Iterator

from .record import Article
from .resources import load_yaml

@functools.lru_cache(maxsize=1)
def _blocks() -> dict:
    return load_yaml("synth.yaml")


class _Slots(dict):
    """Template values; an unknown slot is left visible rather than crashing the generator."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _person(rng: random.Random, b: dict) -> str:
    return f"{rng.choice(b['first_names'])} {rng.choice(b['last_names'])}"


def _number(rng: random.Random, low: int, high: int) -> str:
    n = rng.randint(low, high)
    return f"{n:,}"


def _slots(rng: random.Random, b: dict, published: dt.date) -> _Slots:
    theatre = rng.choice(b["theatres"])
    place, place2 = rng.sample(theatre["places"], 2)
    side_a, side_b = rng.choice(theatre["sides"])
    if rng.random() < 0.5:
        side_a, side_b = side_b, side_a
    name, name2 = _person(rng, b), _person(rng, b)
    title, title2 = rng.choice(theatre["titles"]), rng.choice(theatre["titles"])
    earlier = published - dt.timedelta(days=rng.randint(0, 6))
    return _Slots(
        place=place, place2=place2, country=theatre["country"], country_adj=theatre["country_adj"],
        side_a=side_a, side_b=side_b,
        official=f"{title} {name}", official_name=name.split()[-1], official2=f"{title2} {name2}",
        org=rng.choice(b["orgs"]), weapon=rng.choice(b["weapons"]), target=rng.choice(b["targets"]),
        killed=str(rng.randint(2, 60)), wounded=str(rng.randint(3, 150)),
        displaced=_number(rng, 800, 60000), detained=str(rng.randint(3, 40)),
        troops=str(rng.choice([300, 800, 1500, 4000, 10000])), intercepted=str(rng.randint(5, 40)),
        day=earlier.strftime("%A"), date=f"{earlier.strftime('%B')} {earlier.day}",
        first_name=rng.choice(b["first_names"]),
    )


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def make_article(i: int, seed: int = 0) -> Article:
    """Article number `i` of the corpus with this seed (independent of every other article)."""
    b = _blocks()
    rng = random.Random(f"sitrep-synth:{seed}:{i}")
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 3 * 365))
    slots = _slots(rng, b, published)
    title = _capitalise(rng.choice(b["headlines"]).format_map(slots))
    paragraphs = [_capitalise(rng.choice(b["leads"]).format_map(slots))]
    body = rng.sample(b["body"], k=rng.randint(12, min(20, len(b["body"]))))
    paragraphs += [_capitalise(t.format_map(slots)) for t in body]
    if rng.random() < 0.4:  # scraped pages carry junk lines; the cleaner must earn its keep
        slots["headline2"] = _capitalise(rng.choice(b["headlines"]).format_map(_slots(rng, b, published)))
        junk = rng.sample(b["boilerplate"], k=rng.randint(1, 2))
        paragraphs += [j.format_map(slots) for j in junk]
    outlet = rng.choice(b["outlets"])
    article_id = f"synth-{seed}-{i:07d}"
    return Article(
        id=article_id, title=title, text=title + "\n\n" + "\n\n".join(paragraphs) + "\n",
        url=f"https://{outlet['domain']}/news/{published.isoformat()}/{article_id}",
        source=outlet["name"], published=published.isoformat(), origin=f"synth:{seed}:{i}",
    )


def generate(n: int, seed: int = 0, start: int = 0) -> Iterator[Article]:
    """`n` articles (numbers start..start+n-1) of the corpus with this seed, lazily."""
    for i in range(start, start + n):
        yield make_article(i, seed)


def article_json(article: Article) -> dict:
    """The JSON-lines form of an article (the keys the JSONL reader understands)."""
    return {"id": article.id, "url": article.url, "source": article.source, "title": article.title,
            "published": article.published, "text": article.text}


def write_txt(articles: Iterable[Article], out_dir: str | Path) -> int:
    """One `<id>.txt` per article with a `published:` front matter; returns the count written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for a in articles:
        (out / f"{a.id}.txt").write_text(f"---\npublished: {a.published}\n---\n{a.text}", encoding="utf-8")
        n += 1
    return n


def write_jsonl(articles: Iterable[Article], path: str | Path) -> int:
    """All articles as JSON lines in one file; returns the count written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps(article_json(a), ensure_ascii=False) + "\n")
            n += 1
    return n


def write_corpus(n: int, out: str | Path, seed: int = 0, format: str = "txt") -> Path:
    """Write a corpus of `n` articles; `out` is a folder (txt) or a .jsonl file / folder (jsonl)."""
    out = Path(out)
    if format == "txt":
        write_txt(generate(n, seed), out)
        return out
    if format == "jsonl":
        target = out if out.suffix == ".jsonl" else out / f"synth-{seed}-{n}.jsonl"
        write_jsonl(generate(n, seed), target)
        return target
    raise ValueError(f"unknown format {format!r}: use txt or jsonl")
