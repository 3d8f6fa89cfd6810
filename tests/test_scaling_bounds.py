"""Linear cost (issue 14 §2): the steps that once looked at the whole article once per event,
sentence or name now look only at what is near (an index, a bisection), and give exactly what
the whole-article scan gave. Bounds are shown by counting scans, never by timing."""
from __future__ import annotations

import random

import pytest


def _long_article(n_pieces: int) -> str:
    """`n_pieces` synthetic articles (sitrep.synth: many wars, places, people and dates) as one text."""
    from sitrep.synth import generate
    bodies = [a.text.split("\n", 1)[-1].strip() for a in generate(n_pieces, seed=11)]
    return "A long report\n\n" + "\n\n".join(bodies) + "\n"


class _Counted(list):
    """A list that counts how often it is walked from its start."""

    def __iter__(self):
        self.walks = getattr(self, "walks", 0) + 1
        return super().__iter__()


class _CountedItems(dict):
    """A dict that counts how often all its items are read."""

    reads = 0

    def items(self):
        self.reads += 1
        return super().items()


def _stages_before_events(text: str):
    from sitrep import counts, entities, places, quotes
    from sitrep.analysis import Analysis
    from sitrep.clean import clean
    from sitrep.dates import DateResolver
    from sitrep.nlp import parse
    from sitrep.record import Article
    cleaned = clean(text)
    an = Analysis(article=Article(id="long", text=text, published="2024-05-02"), clean=cleaned,
                  doc=parse(cleaned.text), dates=DateResolver("2024-05-02"))
    an.locations = places.find_places(an)
    an.persons, an.organizations = entities.find_entities(an)
    an.quotes = quotes.find_quotes(an)
    an.counts = counts.find_counts(an)
    return an


def _whole_article_scans(n_pieces: int) -> dict[str, int]:
    """The events coded, and the walks over all the article's date mentions, over all its
    persons and over all its token places, while coding the events of `n_pieces` pieces."""
    from sitrep.events import code_events
    an = _stages_before_events(_long_article(n_pieces))
    an.dates._cache = mentions = _Counted(an.dates.mentions(an.doc))
    an.persons = persons = _Counted(an.persons)
    an.token_place = places = _CountedItems(an.token_place)
    mentions.walks = persons.walks = 0
    code_events(an)
    return {"events": len(an.events), "mentions": mentions.walks, "persons": persons.walks,
            "places": places.reads}


@pytest.fixture(scope="module")
def scans():
    return {n: _whole_article_scans(n) for n in (6, 18)}


def test_coding_events_walks_the_whole_article_a_fixed_number_of_times(scans):
    """Three times the article, three times the events, but not more walks over all its dates,
    persons and places: each event or sentence looks up only its own."""
    short, long = scans[6], scans[18]
    assert long["events"] >= 2 * short["events"] > 0, "the longer article codes more events"
    for what in ("mentions", "persons", "places"):
        assert long[what] <= short[what] + 2, (what, short, long)
        assert long[what] < long["events"] / 4, (what, long)


@pytest.fixture(scope="module")
def long_an():
    from sitrep.events import code_events
    an = _stages_before_events(_long_article(8))
    code_events(an)
    return an


def test_the_date_mentions_of_a_span_are_those_a_scan_of_the_article_finds(long_an):
    an = long_an
    every = an.dates.mentions(an.doc)
    sents = list(an.doc.sents)
    assert sum(1 for s in sents if an.dates.mentions_in(s)) > 10, "the article tells many dates"
    for sent in sents + [an.doc[s.start:min(s.end + 40, len(an.doc))] for s in sents[::7]]:
        scan = [m for m in every if sent.start_char <= m.start and m.end <= sent.end_char]
        assert an.dates.mentions_in(sent) == scan


def test_the_story_country_so_far_is_the_most_told_country_before_each_sentence(long_an):
    """The prefix index gives, before every sentence, the country its places told most (a tie:
    the first told), as counting all the places before it does."""
    from sitrep.events.roles import _country_so_far
    an = long_an
    told = sorted((i, p.country) for i, p in an.token_place.items() if getattr(p, "country", None))
    assert len({c for _, c in told}) >= 3, "the article tells places of several countries"
    for sent in an.doc.sents:
        before = [c for i, c in told if i < sent.start]
        expected = max(dict.fromkeys(before), key=before.count) if before else None
        assert _country_so_far(an, sent.start) == expected


@pytest.mark.parametrize("places, country", [
    (("Gao", "Timbuktu", "Mopti", "Niamey"), "ML"),
    (("Niamey", "Zinder", "Agadez", "Gao"), "NE"),
])
def test_a_ruling_noun_takes_the_country_the_story_told_most_before_it(events, places, country):
    """The prefix index in use: a junta with no country of its own takes the story's country."""
    a, b, c, d = places
    text = ("Fighting in the Sahel\n\n"
            f"Gunmen attacked a convoy near {a} on Monday. Residents of {b} and {c} fled. "
            f"Aid workers in {d} said the roads were closed.\n\n"
            "The junta expelled foreign journalists on Tuesday.")
    evs = [e for e in events(text) if e.actor and "junta" in e.actor.lower()]
    assert evs and all(e.actor_country == country for e in evs), [(e.type, e.actor, e.actor_country) for e in evs]


def _random_spans(rng, n: int, length: int):
    spans = []
    for _ in range(n):
        s = rng.randrange(length)
        spans.append((s, min(length, s + rng.choice([0, 1, 1, 2, 3, 5, 9])), rng.choice(["ORG", "PERSON"])))
    return spans


@pytest.mark.parametrize("seed", range(6))
def test_the_span_index_finds_what_a_scan_of_all_spans_finds(seed):
    """Overlap, containment and inclusion, including empty spans, as the scans they replace."""
    from sitrep.entities import _SpanIndex
    rng = random.Random(seed)
    spans = _random_spans(rng, 60, 120)
    index = _SpanIndex(spans)
    for s, e, _ in _random_spans(rng, 200, 120):
        assert index.overlapping(s, e) == [sp for sp in spans if s < sp[1] and sp[0] < e]
        holds = [sp for sp in spans if sp[0] <= s and e <= sp[1] and (sp[0], sp[1]) != (s, e)]
        assert [sp for sp in index.around(s, e) if sp in holds] == holds
        inside = [sp for sp in spans if s <= sp[0] and sp[1] <= e]
        assert [sp for sp in index.starting_in(s, e) if sp in inside] == inside


def _list_article(n: int) -> str:
    rng = random.Random(5)
    towns = ["Goma", "Kharkiv", "Gao", "Rafah", "Aleppo", "Mogadishu", "Sagaing", "Marib", "Maiduguri",
             "Mekelle", "Bunia", "Kherson", "Idlib", "Juba", "Tillaberi", "Ouagadougou"]
    names = ", ".join(rng.choice(towns) for _ in range(n))
    return (f"Shelling across the region\n\nShelling was reported in {names} and Kherson, the ministry "
            "said. Militants attacked a checkpoint near Bunia on Monday, killing three soldiers, the "
            "army said. Dmytro Lubinets, the ombudsman, and Hanna Tetteh, the envoy, met in Juba.\n")


def test_the_party_memos_stay_bounded_and_give_the_same_record(monkeypatch):
    """A list of hundreds of names kept a memoised Role per name for the whole article (1 MB of
    place names: 250 MB more at the event stage, 4 MB: past 1 GB). The memos now start again
    past a cap; the record is the same as with an unbounded memo."""
    from sitrep.events import roles
    from sitrep.pipeline import analyse, to_record
    from sitrep.record import Article

    article = Article(id="list", text=_list_article(600))
    monkeypatch.setattr(roles, "MEMO_CAP", 10 ** 9)
    unbounded = analyse(article)
    big = max(len(unbounded.notes.get(k, {})) for k in ("roles_without_context", "conjuncts"))
    monkeypatch.setattr(roles, "MEMO_CAP", 32)
    bounded = analyse(article)
    assert big > 32                                   # the list did fill the memo past the cap
    assert all(len(bounded.notes.get(k, {})) <= 32 for k in ("roles_without_context", "conjuncts"))
    assert to_record(bounded).to_json() == to_record(unbounded).to_json()
    assert to_record(bounded).events                  # the attack is still coded
