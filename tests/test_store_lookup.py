"""The store reads the corpus rows an article's names need in a few `IN` queries up front
(`store.lookup`), then answers the rest of the resolution from them and from what it wrote
itself. Whatever it prefetches, the corpus must come out as if every name were looked up on its
own: the same people, organisations and places, linked to the same articles, quotes and events,
in any order of ingest."""
from __future__ import annotations

import itertools

import pytest

from conftest_pg import FILLER, KHARKIV, ZAP, make_record
from sitrep.store import open_db
from sitrep.store import schema as S
from sitrep.store.ingest import ArticleNames

ODESA = ("Odesa", "UA", 46.48, 30.72, ["Odessa"], "Odesa Oblast")
GOMA = ("Goma", "CD", -1.68, 29.22, [], "North Kivu")
SAKE = ("Sake", "CD", -1.57, 29.04, [], "North Kivu")
ADEN = ("Aden", "YE", 12.78, 45.04, [], "Aden")


def _article(rid, sentence, persons=(), orgs=(), places=(), speaker=None, actor=None, where=None):
    text = f"{sentence} {FILLER} Item {rid}."
    quotes = [(speaker, sentence)] if speaker else []
    events = [dict(type="ASSAULT", actor=actor, location=where, date="2022-09-22")] if actor else []
    return make_record(rid, f"https://news.example/{rid}", f"Outlet {rid}", text, persons=persons, orgs=orgs,
                       places=places, quotes=quotes, events=events)


ARTICLES = [
    _article("a", "Grace Mwangi said the convoy near Goma had been ambushed; Mwangi added more troops were needed.",
             persons=[("Grace Mwangi", ["Mwangi"])], orgs=["M23"], places=[GOMA], speaker="Grace Mwangi",
             actor="M23", where="Goma"),
    _article("b", "Joseph Mwangi said M23 fighters had advanced towards Sake.", persons=["Joseph Mwangi"],
             orgs=["M23"], places=[SAKE], speaker="Joseph Mwangi", actor="M23", where="Sake"),
    _article("c", "Mwangi said the toll could rise after the attack.", persons=["Mwangi"], speaker="Mwangi"),
    _article("d", "Dmitri Medvedev said drones had hit a substation near Kharkiv.", persons=["Dmitri Medvedev"],
             orgs=["Russian Defence Ministry"], places=[KHARKIV], speaker="Dmitri Medvedev", actor="Russia",
             where="Kharkiv"),
    _article("e", "Dmitry Medvedev warned Odessa and Zaporizhia would be next, the Russian defence ministry said.",
             persons=["Dmitry Medvedev"], orgs=["Russian defence ministry"], places=[ODESA, ZAP],
             speaker="Dmitry Medvedev", actor="Russia", where="Odessa"),
    _article("f", "Ali al-Ahmar accused the Houthis of shelling Aden; al-Ahmar said civilians were hit.",
             persons=[("Ali al-Ahmar", ["al-Ahmar"])], orgs=["Houthis"], places=[ADEN], speaker="al-Ahmar",
             actor="Houthis", where="Aden"),
    _article("g", "Hamid al-Ahmar said the Houthis had fired at a ship off Aden.", persons=["Hamid al-Ahmar"],
             orgs=["Houthis"], places=[ADEN], speaker="Hamid al-Ahmar", actor="Houthis", where="Aden"),
    _article("h", "Volodymyr Zelenskyy and Volodymyr Zelensky both appear, as does Zaporizhzhia Oblast.",
             persons=["Volodymyr Zelenskyy", "Volodymyr Zelensky"], places=[ZAP]),
]


def _corpus(store) -> dict:
    E, AE, P, AP, Q, EV = (S.entities, S.article_entities, S.places, S.article_places, S.quotes, S.events)
    with store.engine.connect() as conn:
        ent = {r.id: (r.kind, r.name) for r in conn.execute(E.select())}
        place = {r.id: (r.name, r.country) for r in conn.execute(P.select())}
        return {
            "entities": sorted(ent.values()),
            "article_entities": sorted((r.article_id, ent[r.entity_id]) for r in conn.execute(AE.select())),
            "article_places": sorted((r.article_id, place[r.place_id]) for r in conn.execute(AP.select())),
            "speakers": sorted((r.article_id, ent.get(r.speaker_entity_id)) for r in conn.execute(Q.select())),
            "actors": sorted((r.article_id, ent.get(r.actor_entity_id), place.get(r.place_id))
                             for r in conn.execute(EV.select())),
        }


def _ingest(path, records, prefetch: bool, monkeypatch) -> dict:
    with monkeypatch.context() as m:
        if not prefetch:     # no article-wide look-up: every read goes to its own query, as before
            m.setattr(ArticleNames, "prefetch_article", lambda self, rec: None)
        store = open_db(path)
        store.ingest_records(records)
        out = _corpus(store)
        store.close()
    return out


@pytest.mark.parametrize("order", list(itertools.islice(itertools.permutations(range(len(ARTICLES))), 0, None, 9000)))
def test_prefetched_resolution_gives_the_corpus_of_name_by_name_lookups(tmp_path, monkeypatch, order):
    records = [ARTICLES[i] for i in order]
    with_views = _ingest(tmp_path / "views.db", records, True, monkeypatch)
    one_by_one = _ingest(tmp_path / "plain.db", records, False, monkeypatch)
    assert with_views == one_by_one
    assert ("person", "Grace Mwangi") in with_views["entities"] and ("person", "Joseph Mwangi") in with_views["entities"]


def test_a_second_run_resolves_against_the_first_runs_rows(tmp_path, monkeypatch):
    """Names met again in a later run are found among the stored rows, not created twice."""
    first, second = ARTICLES[:4], ARTICLES[4:]
    store = open_db(tmp_path / "c.db")
    store.ingest_records(first)
    store.ingest_records(second)
    split = _corpus(store)
    store.close()
    assert split == _ingest(tmp_path / "once.db", ARTICLES, False, monkeypatch)
