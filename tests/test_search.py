"""Full-text search finds a place under any of its spellings: the aliases the corpus linked to
the place (an article wrote "Al-Fashir", another "El Fasher"), and, for a spelling no article
used, the gazetteer's alternate names (Zaporozhye -> Zaporizhzhia)."""
from __future__ import annotations

import pytest

from conftest_pg import FILLER, make_record

# (war, corpus name, spelling A in one article, spelling B in another, country, lat, lon)
PLACES = [
    ("Ukraine", "Zaporizhzhia", "Zaporizhia", "Zaporizhzhia", "UA", 47.84, 35.14),
    ("Sudan", "El Fasher", "Al-Fashir", "El Fasher", "SD", 13.63, 25.35),
    ("Yemen", "Hodeidah", "Hudaydah", "Hodeidah", "YE", 14.80, 42.95),
    ("Ethiopia", "Mekelle", "Mekele", "Mekelle", "ET", 13.50, 39.47),
    ("Somalia", "Kismayo", "Kismaayo", "Kismayo", "SO", -0.36, 42.55),
    ("Myanmar", "Yangon", "Rangoon", "Yangon", "MM", 16.87, 96.20),
    ("Ukraine", "Kharkiv", "Kharkov", "Kharkiv", "UA", 49.99, 36.23),
    ("Syria", "Deir ez-Zor", "Deir al-Zour", "Deir ez-Zor", "SY", 35.34, 40.14),
    ("Gaza", "Khan Younis", "Khan Yunis", "Khan Younis", "PS", 31.35, 34.31),
    ("Nigeria", "Maiduguri", "Maidugiri", "Maiduguri", "NG", 11.85, 13.16),
    ("DR Congo", "Bukavu", "Bukavou", "Bukavu", "CD", -2.51, 28.86),
    ("Lebanon", "Nabatieh", "Nabatiyeh", "Nabatieh", "LB", 33.38, 35.48),
]


def _article(rid: str, sentence: str, place: tuple) -> object:
    text = f"{sentence} {FILLER} Item {rid}."
    return make_record(rid, f"https://wire.example/{rid}", "Wire", text, places=[place])


@pytest.mark.parametrize("war, name, spelling_a, spelling_b, cc, lat, lon", PLACES)
def test_search_finds_a_place_under_every_spelling_the_corpus_linked(store, war, name, spelling_a, spelling_b,
                                                                       cc, lat, lon):
    place = (name, cc, lat, lon, [spelling_a])
    store.ingest_records([
        _article("a", f"Shelling hit a hospital in {spelling_a} on Monday, medics said.", place),
        _article("b", f"Residents of {spelling_b} fled after the shelling, aid workers said.", place),
        make_record("c", "https://wire.example/c", "Wire", f"Talks on a ceasefire resumed in Geneva. {FILLER} c."),
    ])
    for query in (spelling_a, spelling_b, f"{spelling_a} shelling"):
        hits = {h["article_id"] for h in store.search(query) if h["kind"] == "article"}
        ids = {a["id"] for a in store.articles() if a["ext_id"] in ("a", "b")}
        assert hits == ids, (war, query)


@pytest.mark.parametrize("spelling, written, name, cc, lat, lon", [
    ("Zaporozhye", "Zaporizhzhia", "Zaporizhzhia", "UA", 47.84, 35.14),
    ("Kharkov", "Kharkiv", "Kharkiv", "UA", 49.99, 36.23),
    ("Rangoon", "Yangon", "Yangon", "MM", 16.87, 96.20),
    ("Hudaydah", "Hodeidah", "Hodeidah", "YE", 14.80, 42.95),
    ("Al-Fashir", "El Fasher", "El Fasher", "SD", 13.63, 25.35),
])
def test_a_spelling_no_article_used_is_found_through_the_gazetteer(store, spelling, written, name, cc, lat, lon):
    store.ingest_records([_article("a", f"Drones struck the port of {written} overnight, officials said.",
                                   (name, cc, lat, lon))])
    hits = store.search(spelling)
    assert [h["kind"] for h in hits] == ["article"], spelling


def test_a_word_that_is_no_place_is_searched_as_written(store):
    store.ingest_records([make_record("a", "https://wire.example/a", "Wire",
                                      f"A prisoner exchange took place near Sumy. {FILLER}")])
    assert len(store.search("prisoner exchange")) == 1
    assert store.search("Prisoner swap") == []
