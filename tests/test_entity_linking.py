"""Corpus entities: people who share a surname stay different people, a bare surname joins a full
name only when it is the one candidate, and the same corpus gives the same entities in any
ingest order. Records are built without NLP (the linking alone is under test)."""
from __future__ import annotations

import itertools

import pytest

from conftest_pg import FILLER, make_record
from sitrep.store import open_db
from sitrep.store.link import given_names_agree
from sitrep.store.names import name_key

# (war, sentence template, two different people with one surname)
SHARED_SURNAMES = [
    ("Somalia", "{} told reporters in Mogadishu that the convoy had been ambushed.", "Grace Mwangi", "Joseph Mwangi"),
    ("Somalia", "{} said militants had fired mortars at the airport.", "Min Mwangi", "Daniel Mwangi"),
    ("Nigeria", "{} said gunmen had stormed a school in Zamfara state.", "Ibrahim Musa", "Aisha Musa"),
    ("Syria", "{} described the shelling of Idlib's outskirts overnight.", "Omar Haddad", "Rania Haddad"),
    ("Ukraine", "{} said drones had hit a substation near Kharkiv.", "Oksana Kovalenko", "Petro Kovalenko"),
    ("DR Congo", "{} said M23 fighters had advanced towards Sake.", "Jean Mukendi", "Marie Mukendi"),
    ("Yemen", "{} accused the Houthis of shelling Taiz.", "Ali al-Ahmar", "Hamid al-Ahmar"),
    ("Ethiopia", "{} said federal troops had entered the town of Lalibela.", "Abebe Tesfaye", "Hana Tesfaye"),
    ("Lebanon", "{} said an Israeli strike had hit a building in Tyre.", "Yusuf Nasser", "Layla Nasser"),
    ("Somalia", "{} said al-Shabaab had attacked a base near Baidoa.", "Abdi Farah", "Hodan Farah"),
    ("Mali", "{} said jihadists had blockaded the road to Timbuktu.", "Moussa Traoré", "Aminata Traore"),
    ("Sudan", "{} said the RSF had shelled a market in Omdurman.", "Ali Osman", "Alia Osman"),
    ("Myanmar", "{} said the junta had bombed a village in Sagaing.", "Thida Aung", "Thiha Aung"),
]


def person_article(rid: str, sentence: str, name: str, aliases=()) -> object:
    text = f"{sentence} {FILLER} Item {rid}."
    return make_record(rid, f"https://news.example/{rid}", "Wire", text, persons=[(name, list(aliases))])


def people(store) -> set[str]:
    return {e["name"] for e in store.entities(kind="person", top=None)}


@pytest.mark.parametrize("war, template, first, second", SHARED_SURNAMES)
def test_two_different_given_names_never_merge(tmp_path, war, template, first, second):
    store = open_db(tmp_path / "c.db")
    surname = first.split()[-1]
    store.ingest_records([
        person_article("a", template.format(first) + f" {surname} added that more troops were needed.", first,
                       [surname]),
        person_article("b", template.format(second) + f" {surname} said the toll could rise.", second,
                       [surname]),
    ])
    assert people(store) == {first, second}, war
    store.close()


def test_given_names_agree_on_spellings_and_initials_not_on_other_names():
    agree = [("Dmitri Medvedev", "Dmitry Medvedev"), ("D. Mwangi", "Daniel Mwangi"),
             ("Oxana Kovalenko", "Oksana Kovalenko"), ("Mohammad Farah", "Mohammed Farah")]
    differ = [("Grace Mwangi", "Joseph Mwangi"), ("Min Mwangi", "Mia Mwangi"), ("Ali Osman", "Alia Osman"),
              ("Thida Aung", "Thiha Aung"), ("Hana Tesfaye", "Abebe Tesfaye")]
    for a, b in agree:
        assert given_names_agree(name_key(a), name_key(b)), (a, b)
    for a, b in differ:
        assert not given_names_agree(name_key(a), name_key(b)), (a, b)


def test_a_spelling_variant_of_one_person_still_merges(tmp_path):
    store = open_db(tmp_path / "c.db")
    store.ingest_records([
        person_article("a", "Oksana Kovalenko said shelling had cut power in Kupiansk.", "Oksana Kovalenko"),
        person_article("b", "Oxana Kovalenko said repair crews could not reach Kupiansk.", "Oxana Kovalenko"),
        person_article("c", "Mohammad Farah said clan militias had clashed near Beledweyne.", "Mohammad Farah"),
        person_article("d", "Mohammed Farah said the clashes near Beledweyne had ended.", "Mohammed Farah"),
    ])
    assert len(people(store)) == 2, people(store)
    store.close()


def test_a_bare_surname_joins_the_only_full_name_and_stays_apart_when_there_are_several(tmp_path):
    store = open_db(tmp_path / "one.db")
    store.ingest_records([
        person_article("a", "Hodan Farah said a car bomb had exploded in Mogadishu.", "Hodan Farah"),
        person_article("b", "Farah said the bomb had killed nine people near the port.", "Farah"),
    ])
    [hodan] = store.entities(kind="person")
    assert hodan["name"] == "Hodan Farah" and hodan["n_articles"] == 2
    store.close()
    store = open_db(tmp_path / "two.db")
    store.ingest_records([
        person_article("a", "Hodan Farah said a car bomb had exploded in Mogadishu.", "Hodan Farah"),
        person_article("c", "Abdi Farah said the army had retaken a town near Baidoa.", "Abdi Farah"),
        person_article("b", "Farah said the bomb had killed nine people near the port.", "Farah"),
    ])
    assert people(store) == {"Hodan Farah", "Abdi Farah", "Farah"}
    store.close()


MWANGI = [
    ("daniel", "Daniel Mwangi said the convoy had been ambushed near Garissa. Mwangi said two trucks burned.",
     "Daniel Mwangi", ["Mwangi"]),
    ("grace", "Grace Mwangi said refugees were arriving in Dadaab. Mwangi said food was short.",
     "Grace Mwangi", ["Mwangi"]),
    ("joseph", "Joseph Mwangi said militants had attacked a police post in Lamu.", "Joseph Mwangi", []),
    ("bare", "Mwangi said the attack on the police post in Lamu had been repelled.", "Mwangi", []),
    ("min", "Min Mwangi said the road to Mandera was closed after the attack.", "Min Mwangi", []),
]


def _linked(store) -> dict[str, str]:
    """article ext_id -> the corpus name of the person it was linked to."""
    out = {}
    for a in store.articles(limit=None):
        full = store.article(a["id"])
        out[a["ext_id"]] = sorted(p["name"] for p in full["persons"])
    return out


@pytest.mark.parametrize("order", list(itertools.permutations(range(4))))
def test_any_ingest_order_gives_the_same_entities(tmp_path, order):
    """Daniel, Grace and Joseph Mwangi and an article naming only "Mwangi": every order of the
    four gives the same three people plus a separate "Mwangi" (the bare name has several
    candidates), and each article linked to the same one."""
    chosen = [MWANGI[i] for i in order] + [MWANGI[4]]
    store = open_db(tmp_path / "c.db")
    store.ingest_records([person_article(rid, text, name, aliases) for rid, text, name, aliases in chosen])
    assert people(store) == {"Daniel Mwangi", "Grace Mwangi", "Joseph Mwangi", "Min Mwangi", "Mwangi"}
    linked = _linked(store)
    assert linked == {"daniel": ["Daniel Mwangi"], "grace": ["Grace Mwangi"],
                                                "joseph": ["Joseph Mwangi"], "bare": ["Mwangi"],
                                                "min": ["Min Mwangi"]}
    entity_of = {e["name"]: e for e in store.entities(kind="person", top=None)}
    assert entity_of["Mwangi"]["n_articles"] == 1 and entity_of["Daniel Mwangi"]["n_articles"] == 1
    store.close()


@pytest.mark.parametrize("bare_first", [True, False])
def test_a_bare_surname_seen_before_its_only_full_name_joins_it_later(tmp_path, bare_first):
    items = [person_article("bare", "Tesfaye said federal troops had left Mekelle.", "Tesfaye"),
             person_article("full", "Hana Tesfaye said federal troops had left Mekelle on Sunday.", "Hana Tesfaye")]
    store = open_db(tmp_path / "c.db")
    store.ingest_records(items if bare_first else items[::-1])
    [hana] = store.entities(kind="person")
    assert hana["name"] == "Hana Tesfaye" and hana["n_articles"] == 2
    store.close()


def test_surname_linking_on_both_back_ends(store):
    """The bare-surname rebalancing (moving an article's links between entities) on SQLite and
    PostgreSQL: the bare name first joins the only full name, then leaves it when a second
    full name with that surname arrives."""
    daniel, bare, grace = MWANGI[0], MWANGI[3], MWANGI[1]
    store.ingest_records([person_article(*daniel), person_article(*bare)])
    assert people(store) == {"Daniel Mwangi"}
    store.ingest_records([person_article(*grace)])
    assert people(store) == {"Daniel Mwangi", "Grace Mwangi", "Mwangi"}
    assert _linked(store)["bare"] == ["Mwangi"]


@pytest.mark.parametrize("war, full, other, surname_sentence", [
    ("Somalia", "Grace Mwangi", "Daniel Mwangi", "Mwangi said the road to Baidoa was mined."),
    ("Sudan", "Amira Osman", "Ali Osman", "Osman said the RSF had looted the clinic."),
    ("Yemen", "Hamid al-Ahmar", "Ali al-Ahmar", "al-Ahmar said Houthi drones had hit Marib."),
    ("Ukraine", "Petro Kovalenko", "Oksana Kovalenko", "Kovalenko said the bridge at Kupiansk was down."),
    ("DR Congo", "Marie Mukendi", "Jean Mukendi", "Mukendi said M23 had shelled the camp."),
])
def test_a_bare_surname_takes_its_own_articles_full_name_over_the_corpus(tmp_path, war, full, other,
                                                                          surname_sentence):
    """The corpus knows only `other`; an article naming `full` and then the bare surname means
    `full` by the surname, never the corpus's one full name."""
    surname = full.split(" ", 1)[1]
    store = open_db(tmp_path / "c.db")
    store.ingest_records([person_article("first", f"{other} spoke to reporters on Monday.", other)])
    text = f"{full} visited the area on Tuesday. {surname_sentence} {FILLER} Item second."
    rec = make_record("second", "https://news.example/second", "Wire", text,
                      persons=[(surname, []), (full, [])])        # the bare surname listed first
    store.ingest_records([rec])
    by_name = {e["name"]: e for e in store.entities(kind="person", top=None)}
    assert set(by_name) == {full, other}, (war, set(by_name))
    assert by_name[other]["n_articles"] == 1 and by_name[full]["n_articles"] == 1
    store.close()
